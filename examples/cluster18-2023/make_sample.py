"""Generate the sample Cluster 18 inbox: six unit year-end reports for 2023.

What it writes (all under examples/cluster18-2023/):

* ``inbox/`` -- the year-end emulation reports ("báo cáo tổng kết công tác thi đua,
  khen thưởng năm 2023") of the six fictional member units listed in ``cluster.yaml``:
  three Word files (.docx) and three text PDFs (converted from generated .docx with
  LibreOffice headless), each with a self-scoring table that follows ``rubric.yaml``,
  plus a byte-identical copy of one PDF under another name (the demo rejects it as a
  duplicate).
* ``expected.json`` -- the ground truth for those files: document number and date,
  self-scores per rubric code, group subtotals, claimed total, awards and headline
  metrics, each award/metric with the exact text fragment it comes from.

Run from the repository root (needs python-docx, PyYAML and ``soffice`` on PATH):

    .venv/bin/python examples/cluster18-2023/make_sample.py

The report texts, table notes and scores are data (``UNITS`` below); the builders for
the national header, title, body, signature block and self-scoring table are shared.
Before writing anything the script checks each unit's data: score sums against the
agreed totals, award/metric fragments present in the text, and evidence phrases from
the rubric present in the narrative for every criterion with a non-zero self-score
(and absent for the claims that are meant to be unsupported).

Generation is deterministic where cheap: fixed core properties and fixed zip entry
times in the .docx files; the PDFs get the report's date as creation date (their
trailer /ID still changes from run to run).
"""
from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from pathlib import Path

import yaml
from docx import Document
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

HERE = Path(__file__).resolve().parent
INBOX = HERE / "inbox"
EXPECTED = HERE / "expected.json"
CLUSTER_FILE = HERE / "cluster.yaml"
RUBRIC_FILE = HERE / "rubric.yaml"

FONT = "Times New Roman"
TEXT_WIDTH_CM = 16.5  # A4 (21 cm) minus left 3 cm and right 1.5 cm margins
ZIP_TIME = (2023, 12, 1, 8, 0, 0)
LO_PROFILE = "file:///tmp/lo-sample-profile"

CENTER = WD_ALIGN_PARAGRAPH.CENTER
LEFT = WD_ALIGN_PARAGRAPH.LEFT
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY


# --------------------------------------------------------------------------------------
# Text helpers
# --------------------------------------------------------------------------------------

_OLD_TONE = {
    "óa": "oá", "òa": "oà", "ỏa": "oả", "õa": "oã", "ọa": "oạ",
    "óe": "oé", "òe": "oè", "ỏe": "oẻ", "õe": "oẽ", "ọe": "oẹ",
    "úy": "uý", "ùy": "uỳ", "ủy": "uỷ", "ũy": "uỹ", "ụy": "uỵ",
}
_OLD_TONE.update({k.upper(): v.upper() for k, v in list(_OLD_TONE.items())})
_OLD_TONE.update({k[0].upper() + k[1:]: v[0].upper() + v[1:] for k, v in list(_OLD_TONE.items())
                  if k.islower()})
_OLD_TONE_RE = re.compile("(" + "|".join(_OLD_TONE) + r")(?![^\W\d_])")


def old_tone(text: str) -> str:
    """Move the tone mark to the old position in open syllables: hòa -> hoà, thủy -> thuỷ."""
    return _OLD_TONE_RE.sub(lambda m: _OLD_TONE[m.group(1)], text)


def unit_text(unit: dict, text: str) -> str:
    """The text as this unit's writer types it (NFC, old tone placement for some)."""
    text = unicodedata.normalize("NFC", text)
    if unit.get("tone") == "old":
        text = old_tone(text)
    return text


def vn_number(value: float, decimals: int | None = None) -> str:
    """Vietnamese number: decimal comma, no trailing ',0' unless decimals is given."""
    if decimals is not None:
        return f"{value:.{decimals}f}".replace(".", ",")
    if float(value).is_integer():
        return str(int(value))
    return f"{value:g}".replace(".", ",")


def json_number(value: float):
    return int(value) if float(value).is_integer() else value


def markup_runs(text: str):
    """Split '**bold**', '***bold italic***' and '*italic*' markup into (text, bold, italic)."""
    for token in re.split(r"(\*\*\*.+?\*\*\*|\*\*.+?\*\*|\*.+?\*)", text):
        if not token:
            continue
        if token.startswith("***"):
            yield token[3:-3], True, True
        elif token.startswith("**"):
            yield token[2:-2], True, False
        elif token.startswith("*") and token.endswith("*") and len(token) > 2:
            yield token[1:-1], False, True
        else:
            yield token, False, False


def plain(text: str) -> str:
    return "".join(part for part, _, _ in markup_runs(text))


# --------------------------------------------------------------------------------------
# Low-level docx helpers
# --------------------------------------------------------------------------------------

_PPR_AFTER_PBDR = (
    "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
    "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
    "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
    "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
    "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)
_TBLPR_AFTER_BORDERS = ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption",
                        "w:tblDescription", "w:tblPrChange")


def set_font(font_owner, size: float | None = None, bold=None, italic=None) -> None:
    """Times New Roman on every rFonts slot (ascii, hAnsi, cs, eastAsia), no theme fonts."""
    font = font_owner.font
    font.name = FONT
    rfonts = font.element.rPr.rFonts
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(attr), None)
    rfonts.set(qn("w:eastAsia"), FONT)
    rfonts.set(qn("w:cs"), FONT)
    if size is not None:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    if italic is not None:
        font.italic = italic


def add_runs(paragraph, text: str, size: float, bold=False, italic=False, underline=False):
    for part, part_bold, part_italic in markup_runs(text):
        run = paragraph.add_run(part)
        set_font(run, size, bold=bold or part_bold, italic=italic or part_italic)
        if underline:
            run.font.underline = True
    return paragraph


def format_paragraph(paragraph, align=JUSTIFY, indent_cm=0.0, before=0.0, after=0.0,
                     spacing=1.0, keep_next=False):
    fmt = paragraph.paragraph_format
    paragraph.alignment = align
    fmt.first_line_indent = Cm(indent_cm) if indent_cm else None
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    fmt.line_spacing = spacing
    if keep_next:
        fmt.keep_with_next = True
    return paragraph


def add_bottom_border(paragraph) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    pbdr = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "auto")):
        bottom.set(qn(key), value)
    pbdr.append(bottom)
    ppr.insert_element_before(pbdr, *_PPR_AFTER_PBDR)


def add_rule(container, rule_cm: float, container_cm: float) -> None:
    """A short centred horizontal rule (bottom border of a tiny empty paragraph)."""
    paragraph = container.add_paragraph()
    add_bottom_border(paragraph)
    side = max((container_cm - rule_cm) / 2, 0)
    fmt = paragraph.paragraph_format
    fmt.left_indent = Cm(side)
    fmt.right_indent = Cm(side)
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(4)
    fmt.line_spacing = 1.0
    mark = OxmlElement("w:rPr")  # a 2 pt paragraph mark keeps the rule close to the text
    for tag in ("w:sz", "w:szCs"):
        size = OxmlElement(tag)
        size.set(qn("w:val"), "4")
        mark.append(size)
    paragraph._p.get_or_add_pPr().append(mark)


def remove_table_borders(table) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.insert_element_before(borders, *_TBLPR_AFTER_BORDERS)


def set_column_widths(table, widths_cm) -> None:
    table.autofit = False
    for index, width in enumerate(widths_cm):
        table.columns[index].width = Cm(width)
        for row in table.rows:
            row.cells[index].width = Cm(width)


def set_row_flag(row, tag: str) -> None:
    """Row property such as w:cantSplit (keep on one page) or w:tblHeader (repeat)."""
    flag = OxmlElement(tag)
    flag.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(flag)


def cell_paragraph(cell, text: str, size: float, align=CENTER, bold=False, italic=False,
                   first=False, after=0.0, underline=False):
    paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
    format_paragraph(paragraph, align=align, after=after)
    add_runs(paragraph, text, size, bold=bold, italic=italic, underline=underline)
    return paragraph


def add_page_number_header(section, size: float) -> None:
    """Page number centred in the top margin, not on the first page."""
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = CENTER
    for kind in ("begin", "instr", "separate", "text", "end"):
        run = paragraph.add_run()
        set_font(run, size)
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = " PAGE "
            run._r.append(instr)
        elif kind == "text":
            run.text = "2"
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)


def stamp_pdf_dates(path: Path, when: dt.datetime) -> None:
    """Put the report's own time into the PDF's /CreationDate and /ModDate.

    The replacement has the same length, so the cross-reference offsets stay valid.
    """
    data = path.read_bytes()
    stamp = when.strftime("%Y%m%d%H%M%S").encode()
    data = re.sub(rb"(/(?:CreationDate|ModDate)\s*\(D:)\d{14}", lambda m: m.group(1) + stamp, data)
    path.write_bytes(data)


def normalize_docx_zip(path: Path) -> None:
    """Rewrite the .docx zip with fixed entry times so the bytes do not change per run."""
    with zipfile.ZipFile(path) as source:
        entries = [(info.filename, source.read(info.filename)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, data)


# --------------------------------------------------------------------------------------
# Document builders
# --------------------------------------------------------------------------------------

def report_time(unit: dict) -> dt.datetime:
    day, month, year = unit["date"]
    return dt.datetime(year, month, day, 8, 30, 0)


def new_document(unit: dict) -> Document:
    style = unit["style"]
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin = section.bottom_margin = Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)
    section.header_distance = Cm(1)
    section.footer_distance = Cm(1)

    normal = doc.styles["Normal"]
    set_font(normal, style["size"])
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    default_rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    default_fonts = default_rpr.find(qn("w:rFonts"))
    if default_fonts is None:
        default_fonts = OxmlElement("w:rFonts")
        default_rpr.insert(0, default_fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        default_fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        default_fonts.set(qn(attr), FONT)
    lang = default_rpr.find(qn("w:lang"))
    if lang is not None:
        lang.set(qn("w:val"), "vi-VN")

    for name, level_size in (("Heading 1", style["size"]), ("Heading 2", style["size"])):
        heading = doc.styles[name]
        set_font(heading, level_size, bold=True, italic=False)
        heading.font.color.rgb = RGBColor(0, 0, 0)
        fmt = heading.paragraph_format
        fmt.space_before = Pt(6)
        fmt.space_after = Pt(style["after"])
        fmt.first_line_indent = Cm(style["indent"])
        fmt.line_spacing = style["spacing"]
        fmt.keep_with_next = True
        fmt.alignment = JUSTIFY

    if style.get("page_numbers"):
        add_page_number_header(section, style["size"])

    props = doc.core_properties
    stamp = report_time(unit)
    props.author = unit["author"]
    props.last_modified_by = unit["author"]
    props.created = stamp - dt.timedelta(days=3)
    props.modified = stamp
    props.revision = 3
    props.title = ""
    props.subject = ""
    props.comments = ""
    props.keywords = ""
    return doc


def header_lines(unit: dict) -> dict:
    day, month, year = unit["date"]
    republic = "CỘNG HOÀ" if unit.get("old_republic") else "CỘNG HÒA"
    return {
        "parent": unit["parent"],
        "name_lines": [unit_text(unit, line) for line in unit["name_lines"]],
        "number": f"Số: {unit['number']}",
        "republic": f"{republic} XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "motto": "Độc lập - Tự do - Hạnh phúc",
        "date": f"Hà Nội, ngày {day:02d} tháng {month:02d} năm {year}",
    }


def add_national_header(doc, unit: dict) -> None:
    """Two-column borderless header; 'two_rows' puts number and date in a second row."""
    style, lines = unit["style"], header_lines(unit)
    left_cm, right_cm = style.get("header_widths", (7.1, 9.4))
    two_rows = style.get("header_rows", 1) == 2
    table = doc.add_table(rows=2 if two_rows else 1, cols=2)
    remove_table_borders(table)
    set_column_widths(table, (left_cm, right_cm))
    size = style.get("header_size", 13)

    left, right = table.cell(0, 0), table.cell(0, 1)
    cell_paragraph(left, lines["parent"], size, first=True)
    for line in lines["name_lines"]:
        cell_paragraph(left, line, size, bold=True)
    add_rule(left, 2.5, left_cm)
    cell_paragraph(right, lines["republic"], 12, bold=True, first=True)
    underline_motto = style.get("rule") == "underline"
    cell_paragraph(right, lines["motto"], size + 1 if size < 14 else size, bold=True,
                   underline=underline_motto, after=8 if underline_motto else 0)
    if not underline_motto:
        add_rule(right, 5.8, right_cm)

    number_cell = table.cell(1, 0) if two_rows else left
    date_cell = table.cell(1, 1) if two_rows else right
    cell_paragraph(number_cell, lines["number"], size, first=two_rows, after=0)
    date_paragraph = cell_paragraph(date_cell, lines["date"], size + 1 if size < 14 else size,
                                    italic=True, first=two_rows)
    date_paragraph.paragraph_format.space_before = Pt(4)


def add_title(doc, unit: dict) -> None:
    style = unit["style"]
    title = doc.add_paragraph()
    format_paragraph(title, align=CENTER, before=18, after=0)
    add_runs(title, "BÁO CÁO", style["size"] + 1, bold=True)
    summary = doc.add_paragraph()
    format_paragraph(summary, align=CENTER, after=2 if style.get("title_rule") else 12,
                     spacing=1.0)
    add_runs(summary, unit_text(unit, unit["summary"]), style["size"], bold=True)
    if style.get("title_rule"):
        add_rule(doc, 4.0, TEXT_WIDTH_CM)
        doc.paragraphs[-1].paragraph_format.space_after = Pt(12)


def add_heading(doc, unit: dict, text: str, level: int) -> None:
    style = unit["style"]
    text = unit_text(unit, text)
    if style["headings"] == "builtin":
        paragraph = doc.add_paragraph(style=f"Heading {level}")
        add_runs(paragraph, text, style["size"], bold=True)
        return
    italic = level == 2 and style.get("h2_italic", False)
    paragraph = doc.add_paragraph()
    format_paragraph(paragraph, align=JUSTIFY, indent_cm=style["indent"], before=6 if level == 1 else 3,
                     after=style["after"], spacing=style["spacing"], keep_next=True)
    add_runs(paragraph, text, style["size"], bold=True, italic=italic)


def add_body_paragraph(doc, unit: dict, text: str) -> None:
    style = unit["style"]
    paragraph = doc.add_paragraph()
    format_paragraph(paragraph, align=JUSTIFY, indent_cm=style["indent"], after=style["after"],
                     spacing=style["spacing"])
    add_runs(paragraph, unit_text(unit, text), style["size"])


def add_centered(doc, unit: dict, text: str, bold=True, italic=False, size=None,
                 before=6.0, after=3.0) -> None:
    paragraph = doc.add_paragraph()
    format_paragraph(paragraph, align=CENTER, before=before, after=after, keep_next=True)
    add_runs(paragraph, unit_text(unit, text), size or unit["style"]["size"], bold=bold,
             italic=italic)


def add_signature(doc, unit: dict) -> None:
    """Borderless two-column block: recipients at left, authority and name at right."""
    style, signature = unit["style"], unit["signature"]
    spacer = doc.add_paragraph()
    format_paragraph(spacer, after=0)
    table = doc.add_table(rows=1, cols=2)
    remove_table_borders(table)
    set_column_widths(table, (7.8, 8.7))
    set_row_flag(table.rows[0], "w:cantSplit")
    left, right = table.cell(0, 0), table.cell(0, 1)
    cell_paragraph(left, "Nơi nhận:", 12, align=LEFT, bold=True, italic=True, first=True)
    for line in signature["recipients"]:
        cell_paragraph(left, unit_text(unit, line), 11, align=LEFT)
    size = style["size"]
    for index, line in enumerate(signature["authority"]):
        cell_paragraph(right, line, size, bold=True, first=index == 0)
    for _ in range(4):
        cell_paragraph(right, "", size)
    cell_paragraph(right, unit_text(unit, signature["name"]), size, bold=True)


def add_page_break(doc) -> None:
    run = doc.add_paragraph().add_run()
    set_font(run)
    run.add_break(WD_BREAK.PAGE)


def add_appendix_heading(doc, unit: dict) -> None:
    add_page_break(doc)
    day, month, year = unit["date"]
    add_centered(doc, unit, "PHỤ LỤC", before=0)
    for line in unit["table"]["appendix_title"]:
        add_centered(doc, unit, line, before=0, after=0)
    issuer = unit["table"].get("appendix_of")
    note = f"Kèm theo Báo cáo số {unit['number']} ngày {day:02d}/{month:02d}/{year}"
    add_centered(doc, unit, f"({note} {issuer})" if issuer else f"({note})",
                 bold=False, italic=True, size=unit["style"]["size"] - 1, before=3, after=12)


# --------------------------------------------------------------------------------------
# Scores and the self-scoring table
# --------------------------------------------------------------------------------------

def criterion_scores(unit: dict, rubric: dict) -> dict:
    """{code: self score} for every criterion, from the unit's per-group lists."""
    scores = {}
    for group in rubric["groups"]:
        values = unit["scores"][group["code"]]
        if len(values) != len(group["criteria"]):
            raise ValueError(f"{unit['id']}: group {group['code']} needs {len(group['criteria'])} scores")
        for criterion, value in zip(group["criteria"], values, strict=True):
            scores[criterion["code"]] = value
    return scores


def group_totals(unit: dict, rubric: dict) -> dict:
    scores = criterion_scores(unit, rubric)
    return {group["code"]: sum(scores[c["code"]] for c in group["criteria"])
            for group in rubric["groups"]}


def claimed_total(unit: dict, rubric: dict) -> float:
    totals = group_totals(unit, rubric)
    result = 0.0
    for group in rubric["groups"]:
        sign = -1 if group["kind"] == "deduction" else 1
        result += sign * totals[group["code"]]
    return result


def format_score(spec: dict, code: str, value: float, deduction: bool, group: bool) -> str:
    if deduction:
        style = spec["deduction_group" if group else "deduction"]
        if style == "zero":
            return vn_number(value)
        if style == "empty":
            return vn_number(value) if value else ""
        if style == "paren":
            return f"({vn_number(value)})" if value else ""
        if style == "negative":
            return f"-{vn_number(value)}" if value else "0"
        raise ValueError(style)
    if code in spec.get("two_decimals", ()):
        return vn_number(value, 2)
    return vn_number(value)


def score_table_rows(unit: dict, rubric: dict) -> list[tuple[str, str, list[str]]]:
    """Rows as (kind, rubric code, cells); kind is group, item or total."""
    spec = unit["table"]
    scores = criterion_scores(unit, rubric)
    totals = group_totals(unit, rubric)
    labels = spec.get("labels", {})
    with_note = len(spec["columns"]) == 5
    notes = spec.get("notes", {})
    rows, running = [], 0
    for group_index, group in enumerate(rubric["groups"], 1):
        code, deduction = group["code"], group["kind"] == "deduction"
        label = labels.get(code, group["title"])
        code_cell = code
        if code in spec.get("group_names", {}):
            code_cell, label = "", spec["group_names"][code]
        elif spec.get("group_upper"):
            label = label.upper()
        cells = [code_cell, label, vn_number(group["max"]),
                 format_score(spec, code, totals[code], deduction, group=True)]
        rows.append(("group", code, cells + ([notes.get(code, "")] if with_note else [])))
        for item_index, criterion in enumerate(group["criteria"], 1):
            running += 1
            numbering = spec["numbering"]
            number = {"restart": str(item_index), "dotted": f"{group_index}.{item_index}",
                      "continuous": str(running)}[numbering]
            c_code = criterion["code"]
            cells = [number, labels.get(c_code, criterion["title"]), vn_number(criterion["max"]),
                     format_score(spec, c_code, scores[c_code], deduction, group=False)]
            rows.append(("item", c_code, cells + ([notes.get(c_code, "")] if with_note else [])))
    total = ["", spec["total_label"], spec.get("total_max", "100"),
             vn_number(claimed_total(unit, rubric))]
    rows.append(("total", "", total + ([""] if with_note else [])))
    return [(kind, code, [unit_text(unit, cell) for cell in cells]) for kind, code, cells in rows]


def add_score_table(doc, unit: dict, rubric: dict) -> None:
    spec = unit["table"]
    size = spec.get("size", 12)
    rows = score_table_rows(unit, rubric)
    columns = spec["columns"]
    two_row_header = spec.get("header") == "two_rows"
    header_count = 2 if two_row_header else 1
    table = doc.add_table(rows=header_count + len(rows), cols=len(columns))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    set_column_widths(table, spec["widths"])

    if two_row_header:
        top, sub = spec["header_rows"]
        table.cell(0, 0).merge(table.cell(1, 0))
        table.cell(0, 1).merge(table.cell(1, 1))
        table.cell(0, 2).merge(table.cell(0, 3))
        table.cell(0, 4).merge(table.cell(1, 4))
        header_cells = [(0, i, text) for i, text in enumerate(top) if text]
        header_cells += [(1, i, text) for i, text in enumerate(sub) if text]
    else:
        header_cells = [(0, i, text) for i, text in enumerate(columns)]
    for row_index, col_index, text in header_cells:
        cell = table.cell(row_index, col_index)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        cell_paragraph(cell, text, size, bold=True, first=True).paragraph_format.keep_with_next = True
    for index in range(header_count):
        if spec.get("repeat_header"):
            set_row_flag(table.rows[index], "w:tblHeader")

    merge_names = spec.get("merge_group_names", False)
    for offset, (kind, code, cells) in enumerate(rows):
        row_index = header_count + offset
        if merge_names and kind == "group" and not cells[0]:
            table.cell(row_index, 0).merge(table.cell(row_index, 1))
            cells = cells[:]
            cells[0], cells[1] = cells[1], ""
        set_row_flag(table.rows[row_index], "w:cantSplit")
        bold = kind in ("group", "total")
        for col_index, text in enumerate(cells):
            if not text and col_index == 1 and merge_names:
                continue
            cell = table.cell(row_index, col_index)
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            align = LEFT if col_index in (1, 4) else CENTER
            if col_index == 0 and merge_names and kind == "group" and code in spec.get("group_names", {}):
                align = LEFT
            if kind == "total" and col_index == 1:
                align = CENTER
            cell_paragraph(cell, text, size if col_index != 4 else size - 1, align=align,
                           bold=bold and col_index != 4, italic=col_index == 4, first=True)


# --------------------------------------------------------------------------------------
# Whole report
# --------------------------------------------------------------------------------------

def build_report(unit: dict, rubric: dict) -> Document:
    doc = new_document(unit)
    add_national_header(doc, unit)
    add_title(doc, unit)
    for index, block in enumerate(unit["body"]):
        kind = block[0]
        if kind == "h1":
            add_heading(doc, unit, block[1], 1)
        elif kind == "h2":
            add_heading(doc, unit, block[1], 2)
        elif kind == "p":
            add_body_paragraph(doc, unit, block[1])
            next_kind = unit["body"][index + 1][0] if index + 1 < len(unit["body"]) else None
            if next_kind == "scores":  # keep the lead-in sentence with the table
                doc.paragraphs[-1].paragraph_format.keep_with_next = True
        elif kind == "center":
            add_centered(doc, unit, block[1])
        elif kind == "scores":
            add_score_table(doc, unit, rubric)
            doc.add_paragraph().paragraph_format.space_after = Pt(0)
        else:
            raise ValueError(kind)
    add_signature(doc, unit)
    if unit["table"]["placement"] == "appendix":
        add_appendix_heading(doc, unit)
        add_score_table(doc, unit, rubric)
    return doc


def narrative_text(unit: dict) -> str:
    return "\n".join(unit_text(unit, plain(block[1])) for block in unit["body"]
                     if block[0] in ("h1", "h2", "p", "center"))


def document_text(unit: dict, rubric: dict, skip_label_of: tuple = ()) -> str:
    """Every text of the report (header, narrative, signature, table), optionally
    leaving out the label cell of some table rows."""
    lines = header_lines(unit)
    parts = [lines["parent"], *lines["name_lines"], lines["number"], lines["date"],
             unit_text(unit, unit["summary"]), narrative_text(unit),
             *unit["signature"]["recipients"], unit["signature"]["name"]]
    for _, code, cells in score_table_rows(unit, rubric):
        parts.extend(cell for index, cell in enumerate(cells)
                     if not (index == 1 and code in skip_label_of))
    parts.extend(unit["table"].get("appendix_title", ()))
    return unicodedata.normalize("NFC", "\n".join(parts))


# --------------------------------------------------------------------------------------
# Checks and ground truth
# --------------------------------------------------------------------------------------

def check_unit(unit: dict, rubric: dict) -> None:
    """Fail loudly when a unit's data contradicts the agreed fixture facts."""
    uid = unit["id"]
    totals = group_totals(unit, rubric)
    scores = criterion_scores(unit, rubric)
    standard = sum(totals[g["code"]] for g in rubric["groups"] if g["kind"] == "standard")
    bonus = sum(totals[g["code"]] for g in rubric["groups"] if g["kind"] == "bonus")
    deduction = sum(totals[g["code"]] for g in rubric["groups"] if g["kind"] == "deduction")
    expected = unit["targets"]
    got = (standard, bonus, deduction, claimed_total(unit, rubric))
    assert got == expected, f"{uid}: scores {got} != targets {expected}"

    for group in rubric["groups"]:
        for criterion in group["criteria"]:
            value, code = scores[criterion["code"]], criterion["code"]
            assert float(value * 2).is_integer(), f"{uid} {code}: not a multiple of 0,5"
            if value > criterion["max"]:
                assert code in unit.get("over_max", ()), f"{uid} {code}: {value} > max"

    narrative = narrative_text(unit).lower()
    unsupported = unit.get("unsupported", ())
    for group in rubric["groups"]:
        for criterion in group["criteria"]:
            phrases = [p.lower() for p in criterion.get("evidence", [])]
            if not phrases or criterion["code"] in unsupported:
                continue
            if scores[criterion["code"]]:
                assert any(p in narrative for p in phrases), \
                    f"{uid} {criterion['code']}: no evidence phrase in the narrative"
    for code in unsupported:
        criterion = next(c for g in rubric["groups"] for c in g["criteria"] if c["code"] == code)
        text = document_text(unit, rubric, skip_label_of=(code,)).lower()
        for phrase in criterion["evidence"]:
            assert phrase.lower() not in text, f"{uid} {code}: '{phrase}' must not appear"

    full = narrative_text(unit)
    for item in unit["awards"] + unit["metrics"]:
        fragment = unit_text(unit, item["text"])
        assert fragment in full, f"{uid}: fragment not in text: {fragment}"
    for award in unit["awards"]:
        assert unit_text(unit, award["form"]) in unit_text(unit, award["text"]), award
    assert unit_text(unit, unit["officer"]["text"]) in full, f"{uid}: officer text"
    assert "năm 2023" in unit["summary"]
    for text in (full, document_text(unit, rubric)):
        assert text == unicodedata.normalize("NFC", text)


def expected_entry(unit: dict, rubric: dict) -> dict:
    scores = criterion_scores(unit, rubric)
    totals = group_totals(unit, rubric)
    day, month, year = unit["date"]
    return {
        "file": unit["file"],
        "format": unit["format"],
        "unit_id": unit["id"],
        "year": 2023,
        "doc_number": unit["number"],
        "doc_date": f"{year:04d}-{month:02d}-{day:02d}",
        "self_scores": {
            c["code"]: {"max": json_number(c["max"]), "self": json_number(scores[c["code"]])}
            for g in rubric["groups"] for c in g["criteria"]
        },
        "group_scores": {code: json_number(value) for code, value in totals.items()},
        "claimed_total": json_number(claimed_total(unit, rubric)),
        "awards": [
            {"form": unit_text(unit, a["form"]), "recipient": a["recipient"], "count": a["count"],
             "text": unit_text(unit, a["text"])}
            for a in unit["awards"]
        ],
        "metrics": [
            {"measure": m["measure"], "value": json_number(m["value"]), "unit": m["unit"],
             "text": unit_text(unit, m["text"])}
            for m in unit["metrics"]
        ],
        "officer": {"name": unit_text(unit, unit["officer"]["name"]),
                    "text": unit_text(unit, unit["officer"]["text"])},
    }


# --------------------------------------------------------------------------------------
# Per-unit content (fictional units; names and heads from cluster.yaml)
# --------------------------------------------------------------------------------------

DHVHNT = {
    "id": "dhvhnt",
    "file": "BC TĐKT 2023 - ĐH VHNT Thủ đô.docx",
    "format": "docx",
    "author": "Trịnh Thu Trang",
    "parent": "UBND THÀNH PHỐ HÀ NỘI",
    "name_lines": ["TRƯỜNG ĐẠI HỌC VĂN HÓA", "NGHỆ THUẬT THỦ ĐÔ"],
    "number": "218/BC-ĐHVHNT",
    "date": (15, 12, 2023),
    "summary": "Tổng kết công tác thi đua, khen thưởng năm 2023\nvà phương hướng, nhiệm vụ năm 2024",
    "style": {"size": 14, "spacing": 1.0, "indent": 1.27, "after": 4, "headings": "builtin",
              "header_size": 12, "page_numbers": True, "title_rule": True},
    "scores": {"I": [10, 10, 9.5, 10, 9.5, 10], "II": [5, 5, 5, 5], "III": [6, 4.5, 4.5, 3.5],
               "IV": [2, 1, 1], "V": [0, 0, 0]},
    "targets": (97.5, 4, 0, 101.5),
    "body": [
        ("p", "Thực hiện Kế hoạch số 05/KH-CTĐ18 ngày 20/02/2023 của Cụm thi đua số 18 về tổ chức "
              "phong trào thi đua năm 2023; căn cứ kết quả thực hiện nhiệm vụ năm học 2022 - 2023 và "
              "năm 2023, Trường Đại học Văn hóa Nghệ thuật Thủ đô báo cáo tổng kết công tác thi đua, "
              "khen thưởng năm 2023 như sau:"),
        ("h1", "I. ĐẶC ĐIỂM TÌNH HÌNH"),
        ("p", "Trường Đại học Văn hóa Nghệ thuật Thủ đô là cơ sở giáo dục đại học công lập trực thuộc "
              "Ủy ban nhân dân thành phố Hà Nội, đào tạo nguồn nhân lực trình độ đại học, thạc sĩ trong "
              "các lĩnh vực văn hóa, nghệ thuật, du lịch và bồi dưỡng nghiệp vụ cho đội ngũ làm công tác "
              "văn hóa cơ sở của Thủ đô. Nhà trường có 06 khoa chuyên môn, 09 phòng, trung tâm; tổng số "
              "viên chức, người lao động là 312 người, trong đó có 214 giảng viên; quy mô đào tạo đạt "
              "4.860 sinh viên, học viên."),
        ("p", "Năm 2023, Nhà trường được các đơn vị thành viên tín nhiệm giao nhiệm vụ Cụm trưởng Cụm "
              "thi đua số 18. Thuận lợi cơ bản là sự quan tâm lãnh đạo, chỉ đạo của Thành ủy, Ủy ban nhân "
              "dân Thành phố và sự đoàn kết, thống nhất trong tập thể. Bên cạnh đó, Nhà trường cũng gặp "
              "không ít khó khăn: cơ sở 2 tại huyện Đông Anh đang trong giai đoạn hoàn thiện; lộ trình tự "
              "chủ tài chính làm nguồn lực đầu tư còn eo hẹp; một số ngành nghệ thuật truyền thống khó "
              "thu hút người học."),
        ("h1", "II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ CHÍNH TRỊ, CHUYÊN MÔN"),
        ("h2", "1. Công tác tuyển sinh, đào tạo"),
        ("p", "Năm 2023, Nhà trường tuyển sinh được 1.250/1.200 chỉ tiêu, đạt 104,2%, trong đó đại học "
              "chính quy 1.086 sinh viên, thạc sĩ 164 học viên. Lần đầu tiên thí sinh đăng ký dự thi năng "
              "khiếu hoàn toàn trực tuyến, thời gian xét tuyển được rút ngắn còn 21 ngày."),
        ("p", "Nhà trường rà soát, cập nhật 100% chương trình đào tạo trình độ đại học theo chuẩn đầu ra; "
              "02 chương trình đào tạo ngành Quản lý văn hóa và Thanh nhạc đã hoàn thành tự đánh giá, sẵn "
              "sàng đánh giá ngoài phục vụ kiểm định chất lượng. Tỷ lệ sinh viên tốt nghiệp đúng hạn đạt "
              "91,8%, trong đó 76,4% tốt nghiệp loại khá, giỏi. Kết quả khảo sát sau 12 tháng cho thấy tỷ "
              "lệ sinh viên có việc làm sau tốt nghiệp đạt 92,5%, tăng 1,7 điểm phần trăm so với năm 2022."),
        ("h2", "2. Hoạt động khoa học và công nghệ"),
        ("p", "Nhà trường nghiệm thu 18 đề tài nghiên cứu khoa học cấp cơ sở và 02 đề tài cấp Thành phố; "
              "viên chức, giảng viên công bố 46 bài báo khoa học, trong đó 05 bài trên tạp chí quốc tế "
              "thuộc danh mục Scopus; nghiệm thu, đưa vào sử dụng 12 giáo trình, tài liệu giảng dạy. Nhà "
              "trường phối hợp với Sở Văn hóa và Thể thao tổ chức Hội thảo khoa học quốc gia “Bảo tồn và "
              "phát huy giá trị di sản văn hóa Thăng Long - Hà Nội trong bối cảnh chuyển đổi số” với 68 "
              "tham luận."),
        ("h2", "3. Xây dựng đội ngũ"),
        ("p", "Đến tháng 11/2023, đội ngũ giảng viên của Nhà trường có 52 tiến sĩ (chiếm 24,3%) và 149 "
              "thạc sĩ; 01 viên chức được công nhận đạt tiêu chuẩn chức danh Phó Giáo sư. Trong năm, Nhà "
              "trường cử 27 lượt viên chức tham gia các lớp bồi dưỡng lý luận chính trị, quản lý nhà nước, "
              "nghiệp vụ sư phạm và tuyển dụng mới 11 giảng viên có trình độ thạc sĩ trở lên."),
        ("h2", "4. Cơ sở vật chất, chuyển đổi số và hợp tác quốc tế"),
        ("p", "Nhà trường hoàn thành cải tạo Nhà hát thực hành 450 chỗ ngồi và 14 phòng học chuyên môn âm "
              "nhạc đạt chuẩn cách âm; tổng kinh phí đầu tư cơ sở vật chất trong năm là 38,6 tỷ đồng. Hệ "
              "thống quản lý đào tạo tích hợp được đưa vào vận hành; 100% hồ sơ người học và 4.200 đầu tài "
              "liệu thư viện đã được số hóa; 100% văn bản đi, đến được xử lý trên môi trường mạng."),
        ("p", "Công tác hợp tác quốc tế có bước tiến rõ nét: Nhà trường ký mới 04 biên bản ghi nhớ với các "
              "trường đại học của Hàn Quốc, Pháp, Nhật Bản; đón 03 đoàn chuyên gia nước ngoài đến giảng dạy "
              "ngắn hạn và cử 16 lượt sinh viên tham gia chương trình trao đổi."),
        ("h2", "5. Hoạt động của người học"),
        ("p", "Sinh viên Nhà trường giành 14 giải thưởng tại các cuộc thi, liên hoan nghệ thuật cấp Thành "
              "phố và toàn quốc, trong đó có 03 giải Nhất. Chương trình nghệ thuật “Hà Nội - Mùa thu lịch "
              "sử” do sinh viên dàn dựng đã biểu diễn 12 đêm phục vụ nhân dân tại các quận, huyện."),
        ("h2", "6. Công tác xây dựng Đảng và các đoàn thể"),
        ("p", "Đảng bộ Nhà trường lãnh đạo học tập, quán triệt nghiêm túc các nghị quyết, chỉ thị của Đảng; "
              "kết nạp 23 đảng viên mới, trong đó có 17 sinh viên. Năm 2022, Đảng bộ được cấp trên xếp loại "
              "“Hoàn thành tốt nhiệm vụ”; 9/9 chi bộ trực thuộc được xếp loại hoàn thành tốt nhiệm vụ trở "
              "lên."),
        ("p", "Công đoàn Nhà trường chăm lo đời sống, bảo vệ quyền và lợi ích hợp pháp của người lao động, "
              "tổ chức khám sức khỏe định kỳ cho 100% viên chức. Đoàn Thanh niên, Hội Sinh viên tổ chức "
              "chiến dịch “Mùa hè xanh”, chương trình “Xuân tình nguyện” với hơn 1.200 lượt đoàn viên, "
              "sinh viên tham gia."),
        ("p", "Nhà trường thực hiện nghiêm các quy định về thực hành tiết kiệm, chống lãng phí, phòng, "
              "chống tham nhũng; đẩy mạnh cải cách hành chính, đưa 18 thủ tục phục vụ người học lên cổng "
              "dịch vụ trực tuyến. Công tác bảo đảm an ninh trật tự, an toàn cơ quan, phòng cháy, chữa cháy "
              "được duy trì thường xuyên; trong năm không để xảy ra vụ việc phức tạp."),
        ("h1", "III. CÔNG TÁC THI ĐUA, KHEN THƯỞNG"),
        ("h2", "1. Tổ chức các phong trào thi đua"),
        ("p", "Ngay từ đầu năm, Hội đồng Thi đua - Khen thưởng Nhà trường tham mưu ban hành Kế hoạch thi "
              "đua năm 2023 và phát động phong trào thi đua “Dạy tốt - Học tốt - Sáng tạo nghệ thuật” gắn "
              "với các phong trào thi đua do Thành phố phát động; 100% đơn vị, 100% viên chức, người lao "
              "động đăng ký thi đua."),
        ("p", "Với vai trò Cụm trưởng, Nhà trường chủ trì tổ chức ký kết giao ước thi đua của Cụm ngày "
              "24/02/2023, đăng cai Hội nghị sơ kết 6 tháng và hội nghị cụm tổng kết công tác thi đua, "
              "khen thưởng năm 2023; phối hợp với Cụm phó là Trường Cao đẳng Y tế Thủ đô tổ chức kiểm tra "
              "chéo tại 06 đơn vị thành viên."),
        ("p", "Công tác phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến được quan tâm thông qua chuyên "
              "mục “Gương sáng Nhà trường” trên cổng thông tin điện tử. Sáng kiến “Phòng thu âm số phục vụ "
              "dạy học thanh nhạc trực tuyến” được Hội đồng Sáng kiến Thành phố công nhận có phạm vi ảnh "
              "hưởng cấp Thành phố."),
        ("h2", "2. Kết quả công tác khen thưởng"),
        ("p", "Công tác khen thưởng được thực hiện kịp thời, công khai, đúng quy định của Luật Thi đua, "
              "khen thưởng. Năm 2023, Nhà trường vinh dự được tặng Cờ thi đua của Ủy ban nhân dân Thành phố "
              "vì đã dẫn đầu Cụm thi đua số 18 năm 2022; 02 cá nhân được tặng Bằng khen của Thủ tướng Chính "
              "phủ; 04 tập thể đạt danh hiệu Tập thể lao động xuất sắc; 15 cá nhân đạt danh hiệu Chiến sĩ "
              "thi đua cơ sở và 186 cá nhân đạt danh hiệu Lao động tiên tiến."),
        ("p", "Tham mưu công tác thi đua, khen thưởng là đồng chí Trịnh Thu Trang, Phó Trưởng phòng Tổ chức "
              "cán bộ, thường trực Hội đồng Thi đua - Khen thưởng Nhà trường; hồ sơ đề nghị khen thưởng các "
              "cấp đều được hoàn thiện đúng thời hạn, không có hồ sơ phải trả lại."),
        ("h1", "IV. ĐÁNH GIÁ CHUNG"),
        ("h2", "1. Ưu điểm"),
        ("p", "Các phong trào thi đua được triển khai đồng bộ, có nội dung thiết thực, gắn với nhiệm vụ "
              "chính trị của Nhà trường; nhiều chỉ tiêu chuyên môn vượt kế hoạch, nhất là tuyển sinh, "
              "nghiên cứu khoa học và hợp tác quốc tế. Vai trò Cụm trưởng được thực hiện chủ động, tạo sự "
              "gắn kết giữa các đơn vị trong Cụm."),
        ("h2", "2. Hạn chế và nguyên nhân"),
        ("p", "Một số khoa chưa chủ động đăng ký mô hình, sáng kiến; số công bố quốc tế còn ít so với quy mô "
              "đội ngũ; tiến độ hoàn thiện cơ sở 2 chậm so với kế hoạch. Nguyên nhân chủ yếu là nguồn lực "
              "tài chính còn hạn hẹp, một bộ phận viên chức chưa dành nhiều thời gian cho nghiên cứu và thủ "
              "tục đầu tư công còn kéo dài."),
        ("h1", "V. BẢNG TỰ CHẤM ĐIỂM"),
        ("p", "Căn cứ Bảng tiêu chí chấm điểm thi đua năm 2023 của Cụm thi đua số 18, Nhà trường tự đánh "
              "giá, chấm điểm như sau:"),
        ("scores",),
        ("p", "Tổng điểm tự chấm: 101,5 điểm, trong đó điểm các tiêu chí chuẩn 97,5 điểm, điểm thưởng 4 "
              "điểm, không có điểm trừ."),
        ("h1", "VI. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024"),
        ("p", "- Tiếp tục đổi mới nội dung, hình thức các phong trào thi đua, gắn với thực hiện Nghị quyết "
              "Đại hội Đảng bộ Thành phố và các chương trình công tác của Thành ủy về phát triển văn hóa "
              "Thủ đô."),
        ("p", "- Phấn đấu tuyển sinh đạt 100% chỉ tiêu; hoàn thành đánh giá ngoài 02 chương trình đào tạo; "
              "nâng tỷ lệ giảng viên có trình độ tiến sĩ lên 27%."),
        ("p", "- Đưa cơ sở 2 vào khai thác từ học kỳ II năm học 2024 - 2025; hoàn thiện hệ sinh thái chuyển "
              "đổi số trong quản trị và đào tạo."),
        ("p", "- Bàn giao nhiệm vụ Cụm trưởng chu đáo, tiếp tục phối hợp chặt chẽ với các đơn vị trong Cụm "
              "thi đua số 18."),
        ("h1", "VII. ĐỀ XUẤT, KIẾN NGHỊ"),
        ("p", "1. Đề nghị Cụm thi đua số 18 xem xét, đề nghị Thủ tướng Chính phủ tặng Cờ thi đua của Chính "
              "phủ cho Trường Đại học Văn hóa Nghệ thuật Thủ đô vì đã có thành tích xuất sắc, dẫn đầu phong "
              "trào thi đua của Cụm năm 2023."),
        ("p", "2. Đề nghị Ủy ban nhân dân Thành phố quan tâm bố trí vốn để hoàn thành dự án đầu tư cơ sở 2 "
              "của Nhà trường đúng tiến độ."),
    ],
    "signature": {
        "recipients": ["- Ban Thi đua - Khen thưởng Thành phố;", "- Cụm thi đua số 18;",
                       "- Đảng ủy, Ban Giám hiệu;", "- Lưu: VT, TCCB."],
        "authority": ["HIỆU TRƯỞNG"],
        "name": "Phạm Thị Thu Hà",
    },
    "table": {
        "placement": "section",
        "columns": ["TT", "Nội dung tiêu chí", "Điểm chuẩn", "Điểm tự chấm", "Ghi chú"],
        "widths": (1.1, 8.6, 1.9, 1.9, 3.0),
        "numbering": "restart",
        "deduction": "zero",
        "deduction_group": "zero",
        "total_label": "Tổng cộng",
        "notes": {
            "I.1": "Đạt 104,2% chỉ tiêu",
            "I.2": "BC tự đánh giá 02 CTĐT",
            "I.3": "Khảo sát năm 2023",
            "I.4": "QĐ số 45/QĐ-ĐHVHNT ngày 10/3/2023",
            "I.6": "Nhà hát thực hành",
            "II.1": "KH số 12/KH-ĐHVHNT",
            "II.2": "Cụm trưởng",
            "IV.1": "Cờ thi đua UBND TP",
            "IV.2": "Sáng kiến cấp TP",
            "IV.3": "Hội nghị Cụm",
        },
    },
    "awards": [
        {"form": "Cờ thi đua của Ủy ban nhân dân Thành phố", "recipient": "tập thể", "count": 1,
         "text": "Nhà trường vinh dự được tặng Cờ thi đua của Ủy ban nhân dân Thành phố"},
        {"form": "Bằng khen của Thủ tướng Chính phủ", "recipient": "cá nhân", "count": 2,
         "text": "02 cá nhân được tặng Bằng khen của Thủ tướng Chính phủ"},
        {"form": "Tập thể lao động xuất sắc", "recipient": "tập thể", "count": 4,
         "text": "04 tập thể đạt danh hiệu Tập thể lao động xuất sắc"},
        {"form": "Chiến sĩ thi đua cơ sở", "recipient": "cá nhân", "count": 15,
         "text": "15 cá nhân đạt danh hiệu Chiến sĩ thi đua cơ sở"},
        {"form": "Lao động tiên tiến", "recipient": "cá nhân", "count": 186,
         "text": "186 cá nhân đạt danh hiệu Lao động tiên tiến"},
    ],
    "metrics": [
        {"measure": "tỷ lệ hoàn thành chỉ tiêu tuyển sinh", "value": 104.2, "unit": "%",
         "text": "tuyển sinh được 1.250/1.200 chỉ tiêu, đạt 104,2%"},
        {"measure": "tỷ lệ sinh viên tốt nghiệp đúng hạn", "value": 91.8, "unit": "%",
         "text": "Tỷ lệ sinh viên tốt nghiệp đúng hạn đạt 91,8%"},
        {"measure": "tỷ lệ sinh viên có việc làm sau tốt nghiệp", "value": 92.5, "unit": "%",
         "text": "tỷ lệ sinh viên có việc làm sau tốt nghiệp đạt 92,5%"},
        {"measure": "đề tài nghiên cứu khoa học cấp cơ sở", "value": 18, "unit": "đề tài",
         "text": "18 đề tài nghiên cứu khoa học cấp cơ sở"},
        {"measure": "bài báo khoa học", "value": 46, "unit": "bài báo", "text": "46 bài báo khoa học"},
        {"measure": "giáo trình, tài liệu giảng dạy", "value": 12, "unit": "giáo trình",
         "text": "12 giáo trình, tài liệu giảng dạy"},
        {"measure": "giảng viên có trình độ tiến sĩ", "value": 52, "unit": "tiến sĩ",
         "text": "52 tiến sĩ"},
        {"measure": "giải thưởng của sinh viên", "value": 14, "unit": "giải thưởng",
         "text": "14 giải thưởng"},
    ],
    "officer": {"name": "Trịnh Thu Trang",
                "text": "đồng chí Trịnh Thu Trang, Phó Trưởng phòng Tổ chức cán bộ, thường trực Hội đồng "
                        "Thi đua - Khen thưởng Nhà trường"},
}

CDYT = {
    "id": "cdyt",
    "file": "Bao cao tong ket thi dua 2023_CDYT.pdf",
    "duplicate": "Bao cao tong ket thi dua 2023_CDYT (gui lai).pdf",
    "format": "pdf",
    "author": "Nguyen Thi Hong Nhung",
    "parent": "SỞ Y TẾ HÀ NỘI",
    "name_lines": ["TRƯỜNG CAO ĐẲNG", "Y TẾ THỦ ĐÔ"],
    "number": "125/BC-CĐYT",
    "date": (12, 12, 2023),
    "summary": "Kết quả thực hiện phong trào thi đua, công tác khen thưởng năm 2023\n"
               "và phương hướng, nhiệm vụ năm 2024",
    "style": {"size": 13, "spacing": 1.15, "indent": 1.0, "after": 6, "headings": "bold",
              "header_rows": 2, "header_size": 13, "page_numbers": True, "rule": "border"},
    "scores": {"I": [10, 9.5, 10, 9.5, 9.5, 9.5], "II": [5, 5, 4.5, 5], "III": [6, 5, 4, 3.5],
               "IV": [2, 1, 0], "V": [0, 0, 0]},
    "targets": (96, 3, 0, 99),
    "body": [
        ("p", "Thực hiện Công văn số 37/CTĐ18 ngày 24/11/2023 của Cụm thi đua số 18 về việc tổng kết công "
              "tác thi đua, khen thưởng năm 2023, Trường Cao đẳng Y tế Thủ đô báo cáo kết quả như sau:"),
        ("center", "Phần thứ nhất\nKẾT QUẢ THỰC HIỆN NHIỆM VỤ VÀ CÔNG TÁC THI ĐUA, KHEN THƯỞNG NĂM 2023"),
        ("h1", "I. KHÁI QUÁT CHUNG"),
        ("p", "Trường Cao đẳng Y tế Thủ đô là đơn vị sự nghiệp công lập trực thuộc Sở Y tế Hà Nội, đào tạo "
              "nhân lực y tế trình độ cao đẳng, trung cấp các ngành Điều dưỡng, Hộ sinh, Dược, Kỹ thuật xét "
              "nghiệm y học, Kỹ thuật phục hình răng và tổ chức đào tạo liên tục cho cán bộ y tế của Thành "
              "phố. Tổng số viên chức, người lao động là 246 người, trong đó có 158 giảng viên cơ hữu; quy mô "
              "đào tạo năm học 2022 - 2023 là 3.912 học sinh, sinh viên."),
        ("p", "*Thuận lợi:* Nhà trường nhận được sự quan tâm chỉ đạo sát sao của Sở Y tế, sự phối hợp chặt "
              "chẽ của 27 bệnh viện, trung tâm y tế là cơ sở thực hành; nhu cầu nhân lực điều dưỡng trong và "
              "ngoài nước tăng cao, tạo thuận lợi cho tuyển sinh."),
        ("p", "*Khó khăn:* Một số phòng thực hành đã xuống cấp; giá vật tư tiêu hao tăng mạnh làm tăng chi "
              "phí đào tạo; một bộ phận giảng viên trẻ còn thiếu kinh nghiệm lâm sàng."),
        ("h1", "II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ CHUYÊN MÔN"),
        ("h2", "1. Công tác tuyển sinh, đào tạo"),
        ("p", "Tổng số tuyển sinh năm 2023 là 1.365 người học trên tổng chỉ tiêu 1.300, đạt 105%; riêng "
              "ngành Điều dưỡng tuyển được 742/700 chỉ tiêu. Nhà trường tổ chức thi, xét công nhận tốt "
              "nghiệp cho 1.128 học sinh, sinh viên; tỷ lệ tốt nghiệp đạt 96,1%, trong đó 68,3% đạt loại "
              "khá trở lên."),
        ("p", "Chương trình đào tạo ngành Điều dưỡng trình độ cao đẳng được công nhận đạt tiêu chuẩn kiểm "
              "định chất lượng chương trình đào tạo; 100% học phần lâm sàng được đánh giá theo phương pháp "
              "OSCE. Tỷ lệ người học có việc làm sau tốt nghiệp 6 tháng đạt 94,7%, phần lớn làm việc tại "
              "các bệnh viện công lập và cơ sở y tế ngoài công lập trên địa bàn Thủ đô."),
        ("h2", "2. Nghiên cứu khoa học, biên soạn giáo trình"),
        ("p", "Năm 2023, Nhà trường nghiệm thu 15 đề tài nghiên cứu khoa học cấp cơ sở và 01 đề tài cấp "
              "Sở Y tế; giảng viên đăng 27 bài báo trên các tạp chí chuyên ngành trong nước; biên soạn mới "
              "08 giáo trình và chỉnh sửa 14 tài liệu dạy học lâm sàng. Hội nghị khoa học điều dưỡng thường "
              "niên lần thứ V thu hút 320 đại biểu đến từ các bệnh viện của Thành phố."),
        ("h2", "3. Phát triển đội ngũ"),
        ("p", "Tỷ lệ giảng viên có trình độ sau đại học đạt 87,3%, trong đó có 19 tiến sĩ và 119 thạc sĩ. "
              "Nhà trường cử 42 lượt giảng viên đi bồi dưỡng kỹ năng lâm sàng tại các bệnh viện tuyến Trung "
              "ương; 100% giảng viên đạt chuẩn nghiệp vụ sư phạm nghề nghiệp."),
        ("h2", "4. Cơ sở vật chất, chuyển đổi số và hợp tác quốc tế"),
        ("p", "Trung tâm Mô phỏng lâm sàng với 06 phòng thực hành mô phỏng được đưa vào sử dụng từ tháng "
              "9/2023, tổng mức đầu tư 24,5 tỷ đồng. Nhà trường triển khai phần mềm quản lý đào tạo, học liệu "
              "điện tử và thu học phí không dùng tiền mặt, góp phần đẩy mạnh chuyển đổi số trong quản lý."),
        ("p", "Trong hợp tác quốc tế, Nhà trường tiếp tục chương trình đào tạo điều dưỡng phối hợp với các "
              "đối tác của Cộng hòa Liên bang Đức: năm 2023 có 36 sinh viên tốt nghiệp được tuyển chọn sang "
              "Đức làm việc; tiếp nhận 02 tình nguyện viên người Nhật Bản hỗ trợ giảng dạy tiếng Nhật."),
        ("h2", "5. Công tác xây dựng Đảng, đoàn thể và các nhiệm vụ khác"),
        ("p", "Đảng bộ Nhà trường duy trì nền nếp sinh hoạt, nâng cao chất lượng sinh hoạt chi bộ; kết nạp "
              "09 đảng viên mới. Năm 2022, Đảng bộ được xếp loại “Hoàn thành tốt nhiệm vụ”, tổ chức đảng "
              "được công nhận trong sạch, vững mạnh."),
        ("p", "Công đoàn Nhà trường tổ chức hiệu quả phong trào “Giỏi việc trường, đảm việc nhà”; Đoàn "
              "Thanh niên, Hội Sinh viên huy động 520 lượt sinh viên tham gia khám sàng lọc, tư vấn sức khỏe "
              "cho người cao tuổi tại 08 xã ngoại thành."),
        ("p", "Nhà trường thực hiện tốt quy chế dân chủ cơ sở, các quy định về thực hành tiết kiệm, chống "
              "lãng phí và phòng, chống tham nhũng; cải cách hành chính được đẩy mạnh thông qua việc công "
              "khai quy trình, thủ tục trên cổng thông tin điện tử. Công tác an ninh trật tự, phòng cháy, "
              "chữa cháy được bảo đảm; Nhà trường tổ chức diễn tập phòng cháy, chữa cháy cho 100% viên chức "
              "và người học nội trú."),
        ("h1", "III. CÔNG TÁC THI ĐUA, KHEN THƯỞNG"),
        ("h2", "1. Công tác chỉ đạo, tổ chức phong trào thi đua"),
        ("p", "Nhà trường ban hành Kế hoạch thi đua năm 2023 ngay từ tháng 01; phát động phong trào thi đua "
              "“Đổi mới, sáng tạo trong dạy và học” và phong trào “Điều dưỡng viên tương lai - thực hành an "
              "toàn, chăm sóc tận tâm”. Các phòng, khoa, bộ môn tổ chức đăng ký thi đua, ký cam kết thực "
              "hiện nhiệm vụ ngay từ đầu năm."),
        ("p", "Là Cụm phó Cụm thi đua số 18, Nhà trường phối hợp với Cụm trưởng xây dựng nội dung giao ước, "
              "tham gia đầy đủ các hoạt động của Cụm và chủ trì kiểm tra chéo tại 03 đơn vị thành viên."),
        ("p", "Nhà trường chú trọng phát hiện, bồi dưỡng điển hình tiên tiến; tổ chức tuyên dương 10 gương "
              "giảng viên, sinh viên tiêu biểu trong hoạt động tình nguyện. Mô hình mới “Phòng tư vấn sức "
              "khỏe cộng đồng do sinh viên điều dưỡng vận hành” được công nhận là sáng kiến cấp Thành phố "
              "năm 2023."),
        ("h2", "2. Kết quả khen thưởng"),
        ("p", "Trong năm 2023, tập thể và cá nhân của Nhà trường được các cấp khen thưởng như sau:"),
        ("p", "- 01 tập thể và 04 cá nhân được tặng Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố;"),
        ("p", "- 03 cá nhân được tặng Bằng khen của Bộ trưởng Bộ Y tế vì đã có thành tích trong công tác "
              "chăm sóc, bảo vệ sức khỏe nhân dân;"),
        ("p", "- 02 tập thể đạt danh hiệu Tập thể lao động xuất sắc;"),
        ("p", "- 12 cá nhân đạt danh hiệu Chiến sĩ thi đua cơ sở;"),
        ("p", "- 85 cá nhân đạt danh hiệu Lao động tiên tiến."),
        ("p", "Đồng chí Nguyễn Thị Hồng Nhung, chuyên viên Phòng Tổ chức - Hành chính, phụ trách công tác "
              "thi đua, khen thưởng, đã tham mưu hoàn thiện 100% hồ sơ khen thưởng đúng thời hạn, không có "
              "trường hợp sai sót phải điều chỉnh."),
        ("h1", "IV. KẾT QUẢ TỰ CHẤM ĐIỂM"),
        ("p", "Căn cứ Bảng tiêu chí và thang điểm thi đua năm 2023 của Cụm thi đua số 18, Nhà trường tự chấm "
              "điểm theo bảng sau:"),
        ("scores",),
        ("h1", "V. ĐÁNH GIÁ CHUNG"),
        ("h2", "1. Ưu điểm"),
        ("p", "Công tác thi đua, khen thưởng được cấp ủy, Ban Giám hiệu quan tâm chỉ đạo; các phong trào "
              "thi đua bám sát nhiệm vụ đào tạo nhân lực y tế, tạo động lực để Nhà trường hoàn thành vượt "
              "mức các chỉ tiêu chủ yếu. Việc xét khen thưởng bảo đảm dân chủ, công khai, đúng đối tượng."),
        ("h2", "2. Tồn tại, hạn chế"),
        ("p", "Một số phong trào thi đua còn nặng về hình thức, chưa có tiêu chí đánh giá cụ thể; số đề tài "
              "nghiên cứu khoa học có khả năng ứng dụng thực tiễn chưa nhiều; việc tuyên truyền gương tiêu "
              "biểu chưa thường xuyên."),
        ("h2", "3. Nguyên nhân"),
        ("p", "Một số đơn vị chưa nhận thức đầy đủ ý nghĩa của công tác thi đua; cán bộ làm công tác thi "
              "đua, khen thưởng chủ yếu kiêm nhiệm; kinh phí dành cho nghiên cứu khoa học còn hạn chế."),
        ("center", "Phần thứ hai\nPHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024"),
        ("p", "1. Tiếp tục đổi mới nội dung, hình thức tổ chức các phong trào thi đua; phấn đấu tuyển sinh "
              "đạt từ 100% chỉ tiêu trở lên, tỷ lệ người học có việc làm sau tốt nghiệp đạt trên 90%."),
        ("p", "2. Hoàn thành tự đánh giá chương trình đào tạo ngành Hộ sinh; đưa Trung tâm Mô phỏng lâm sàng "
              "vào khai thác hiệu quả; mở rộng hợp tác đào tạo điều dưỡng đi làm việc tại Đức, Nhật Bản."),
        ("p", "3. Thực hiện tốt nhiệm vụ Cụm phó, phối hợp với Cụm trưởng tổ chức các hoạt động chung của "
              "Cụm thi đua số 18 năm 2024."),
        ("center", "Phần thứ ba\nĐỀ XUẤT, KIẾN NGHỊ"),
        ("p", "1. Đề nghị Sở Y tế tiếp tục quan tâm đầu tư nâng cấp hệ thống phòng thực hành tiền lâm sàng "
              "của Nhà trường."),
        ("p", "2. Đề nghị Cụm thi đua số 18 tăng cường tổ chức các hoạt động trao đổi kinh nghiệm giữa các "
              "đơn vị thành viên về xây dựng mô hình mới, sáng kiến trong công tác đào tạo."),
    ],
    "signature": {
        "recipients": ["- Cụm thi đua số 18;", "- Sở Y tế Hà Nội (để b/c);", "- Ban Giám hiệu;",
                       "- Lưu: VT, TCHC."],
        "authority": ["KT. HIỆU TRƯỞNG", "PHÓ HIỆU TRƯỞNG"],
        "name": "Hoàng Minh Đức",
    },
    "table": {
        "placement": "section",
        "columns": ["TT", "Nội dung", "Điểm chuẩn", "Tự chấm", "Minh chứng"],
        "widths": (1.0, 7.2, 1.7, 1.6, 5.0),
        "numbering": "restart",
        "deduction": "zero",
        "deduction_group": "zero",
        "total_label": "Tổng cộng",
        "repeat_header": True,
        "notes": {
            "I.1": "Báo cáo tuyển sinh số 98/BC-CĐYT ngày 30/10/2023",
            "I.2": "Giấy chứng nhận kiểm định CTĐT ngành Điều dưỡng; QĐ công nhận tốt nghiệp năm 2023",
            "I.3": "Kết quả khảo sát việc làm sinh viên tốt nghiệp năm 2022",
            "I.4": "QĐ số 45/QĐ-CĐYT ngày 10/3/2023 và các QĐ nghiệm thu đề tài",
            "I.5": "Kế hoạch đào tạo, bồi dưỡng viên chức năm 2023",
            "I.6": "Biên bản bàn giao Trung tâm Mô phỏng lâm sàng ngày 05/9/2023",
            "II.1": "KH số 08/KH-CĐYT ngày 12/01/2023",
            "II.2": "Biên bản kiểm tra chéo của Cụm",
            "II.3": "QĐ tuyên dương số 301/QĐ-CĐYT ngày 25/7/2023",
            "II.4": "Hồ sơ khen thưởng năm 2023",
            "III.1": "Thông báo kết quả xếp loại tổ chức đảng năm 2022",
            "III.2": "Báo cáo tổng kết của Công đoàn, Đoàn Thanh niên",
            "III.3": "Quy chế chi tiêu nội bộ; Báo cáo công tác PCTN năm 2023",
            "III.4": "Biên bản diễn tập PCCC ngày 15/9/2023",
            "IV.1": "QĐ tặng Bằng khen của Chủ tịch UBND Thành phố",
            "IV.2": "Giấy chứng nhận sáng kiến cấp Thành phố",
        },
    },
    "awards": [
        {"form": "Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố", "recipient": "tập thể", "count": 1,
         "text": "01 tập thể và 04 cá nhân được tặng Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố"},
        {"form": "Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố", "recipient": "cá nhân", "count": 4,
         "text": "01 tập thể và 04 cá nhân được tặng Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố"},
        {"form": "Bằng khen của Bộ trưởng Bộ Y tế", "recipient": "cá nhân", "count": 3,
         "text": "03 cá nhân được tặng Bằng khen của Bộ trưởng Bộ Y tế"},
        {"form": "Tập thể lao động xuất sắc", "recipient": "tập thể", "count": 2,
         "text": "02 tập thể đạt danh hiệu Tập thể lao động xuất sắc"},
        {"form": "Chiến sĩ thi đua cơ sở", "recipient": "cá nhân", "count": 12,
         "text": "12 cá nhân đạt danh hiệu Chiến sĩ thi đua cơ sở"},
        {"form": "Lao động tiên tiến", "recipient": "cá nhân", "count": 85,
         "text": "85 cá nhân đạt danh hiệu Lao động tiên tiến"},
    ],
    "metrics": [
        {"measure": "tỷ lệ hoàn thành chỉ tiêu tuyển sinh", "value": 105, "unit": "%",
         "text": "1.365 người học trên tổng chỉ tiêu 1.300, đạt 105%"},
        {"measure": "tỷ lệ tốt nghiệp", "value": 96.1, "unit": "%", "text": "tỷ lệ tốt nghiệp đạt 96,1%"},
        {"measure": "tỷ lệ người học có việc làm sau tốt nghiệp", "value": 94.7, "unit": "%",
         "text": "Tỷ lệ người học có việc làm sau tốt nghiệp 6 tháng đạt 94,7%"},
        {"measure": "đề tài nghiên cứu khoa học cấp cơ sở", "value": 15, "unit": "đề tài",
         "text": "15 đề tài nghiên cứu khoa học cấp cơ sở"},
        {"measure": "bài báo khoa học", "value": 27, "unit": "bài báo", "text": "27 bài báo"},
        {"measure": "giáo trình biên soạn mới", "value": 8, "unit": "giáo trình", "text": "08 giáo trình"},
        {"measure": "tỷ lệ giảng viên có trình độ sau đại học", "value": 87.3, "unit": "%",
         "text": "Tỷ lệ giảng viên có trình độ sau đại học đạt 87,3%"},
    ],
    "officer": {"name": "Nguyễn Thị Hồng Nhung",
                "text": "Đồng chí Nguyễn Thị Hồng Nhung, chuyên viên Phòng Tổ chức - Hành chính, phụ "
                        "trách công tác thi đua, khen thưởng"},
}

CDSP = {
    "id": "cdsp",
    "file": "Báo cáo tổng kết TĐKT năm 2023 (CĐSP Tây Hồ).docx",
    "format": "docx",
    "author": "Dang Thi Minh Phuong",
    "parent": "SỞ GIÁO DỤC VÀ ĐÀO TẠO\nHÀ NỘI",
    "name_lines": ["TRƯỜNG CAO ĐẲNG", "SƯ PHẠM TÂY HỒ"],
    "number": "87/BC-CĐSPTH",
    "date": (8, 12, 2023),
    "summary": "Tổng kết phong trào thi đua yêu nước, công tác khen thưởng năm 2023",
    "style": {"size": 13, "spacing": 1.2, "indent": 1.27, "after": 6, "headings": "builtin",
              "header_size": 12, "rule": "underline",
              "page_numbers": False},
    "scores": {"I": [9.5, 9.5, 9.5, 9.5, 10, 9.5], "II": [5, 5, 4, 5], "III": [5.5, 5, 4.5, 3.5],
               "IV": [2, 0.5, 0], "V": [0, 0, 0]},
    "targets": (95, 2.5, 0, 97.5),
    "body": [
        ("p", "Năm 2023, Trường Cao đẳng Sư phạm Tây Hồ kỷ niệm 60 năm ngày thành lập (1963 - 2023) và "
              "tiếp tục thực hiện nhiệm vụ đào tạo, bồi dưỡng giáo viên đáp ứng yêu cầu Chương trình giáo "
              "dục phổ thông 2018. Thực hiện hướng dẫn của Cụm thi đua số 18, Nhà trường báo cáo tổng kết "
              "phong trào thi đua yêu nước và công tác khen thưởng năm 2023 như sau:"),
        ("h1", "A. KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2023"),
        ("h2", "I. Đặc điểm tình hình"),
        ("p", "Nhà trường có 186 viên chức, người lao động, trong đó 129 giảng viên; tổ chức bộ máy gồm "
              "06 khoa, 05 phòng chức năng và 02 trung tâm. Quy mô đào tạo năm học 2022 - 2023 là 2.735 "
              "sinh viên chính quy và 1.120 học viên hệ vừa làm vừa học. Nhà trường luôn nhận được sự quan "
              "tâm, chỉ đạo của Sở Giáo dục và Đào tạo Hà Nội; tuy nhiên, chủ trương sắp xếp lại mạng lưới "
              "các trường sư phạm đã ảnh hưởng không nhỏ đến tâm lý của một bộ phận viên chức."),
        ("h2", "II. Kết quả thực hiện các nhiệm vụ trọng tâm"),
        ("p", "***1. Công tác tuyển sinh.*** Năm 2023, Nhà trường được giao 850 chỉ tiêu trình độ cao đẳng "
              "các ngành Giáo dục Tiểu học, Giáo dục Mầm non, Sư phạm Tiếng Anh và Sư phạm Âm nhạc. Kết quả, "
              "Nhà trường tuyển sinh được 872/850 chỉ tiêu, đạt 102,6%; điểm trúng tuyển bình quân tăng 1,25 "
              "điểm so với năm 2022."),
        ("p", "***2. Chất lượng đào tạo.*** Nhà trường hoàn thành rà soát, điều chỉnh 12 chương trình đào "
              "tạo theo Khung trình độ quốc gia; xét công nhận tốt nghiệp cho 612 sinh viên, tỷ lệ tốt "
              "nghiệp đạt 94,8%. Theo kết quả khảo sát tháng 10/2023, tỷ lệ sinh viên có việc làm sau tốt "
              "nghiệp 12 tháng đạt 89,6%, trong đó 71,2% làm việc đúng chuyên ngành đào tạo. Bên cạnh đào "
              "tạo chính quy, Nhà trường tổ chức bồi dưỡng thường xuyên cho 2.340 lượt giáo viên phổ thông, "
              "mầm non của Thành phố."),
        ("p", "***3. Nghiên cứu khoa học.*** Trong năm, 11 đề tài nghiên cứu khoa học cấp trường và 02 đề "
              "tài cấp Thành phố được nghiệm thu, trong đó 05 đề tài xếp loại xuất sắc; giảng viên công bố "
              "31 bài báo trên các tạp chí khoa học giáo dục; biên soạn 06 giáo trình phục vụ đào tạo theo "
              "chương trình mới. Sinh viên Nhà trường đạt 01 giải Nhì, 02 giải Ba Giải thưởng “Sinh viên "
              "nghiên cứu khoa học” cấp Bộ."),
        ("p", "***4. Đội ngũ.*** Trong tổng số 129 giảng viên có 23 tiến sĩ (chiếm 17,8%) và 98 thạc sĩ; "
              "04 giảng viên đang làm nghiên cứu sinh. Nhà trường tổ chức 06 chuyên đề bồi dưỡng phương "
              "pháp dạy học tích cực và ứng dụng công nghệ thông tin cho giảng viên."),
        ("p", "***5. Cơ sở vật chất, chuyển đổi số, hợp tác quốc tế.*** Nhà trường hoàn thành cải tạo khu ký "
              "túc xá 4 tầng với 96 phòng ở; xây dựng 02 phòng học thông minh và studio sản xuất học liệu "
              "số. 100% học phần có bài giảng điện tử trên hệ thống LMS; hồ sơ, văn bản được số hóa và ký số. "
              "Nhà trường ký thỏa thuận hợp tác quốc tế với Trường Đại học Sư phạm Quảng Tây (Trung Quốc) về "
              "trao đổi giảng viên và sinh viên."),
        ("h2", "III. Công tác xây dựng Đảng, đoàn thể"),
        ("p", "Đảng bộ Nhà trường tổ chức học tập, quán triệt các nghị quyết của Đảng cho 100% đảng viên; "
              "kết nạp 06 đảng viên mới. Công đoàn phối hợp tổ chức chuỗi hoạt động kỷ niệm 60 năm thành lập "
              "Trường; Đoàn Thanh niên, Hội Sinh viên duy trì hoạt động của các câu lạc bộ học thuật, tình "
              "nguyện với hơn 900 sinh viên tham gia."),
        ("p", "Nhà trường triển khai kịp thời các quy định về phòng, chống tham nhũng, thực hành tiết kiệm, "
              "chống lãng phí; kiện toàn bộ phận một cửa, thực hiện cải cách hành chính trong giải quyết thủ "
              "tục cho sinh viên. Công tác an ninh trật tự, an toàn trường học và phòng cháy, chữa cháy được "
              "chú trọng, không có vụ việc phức tạp xảy ra."),
        ("h2", "IV. Công tác thi đua, khen thưởng"),
        ("p", "***1. Tổ chức phong trào thi đua.*** Ngay từ đầu năm, Nhà trường ban hành Kế hoạch số "
              "15/KH-CĐSPTH về tổ chức phong trào thi đua năm 2023 với chủ đề “Đổi mới, sáng tạo, nâng cao "
              "chất lượng đào tạo giáo viên”, lồng ghép các phong trào “Hai tốt”, “Dân vận khéo”, “Cả nước "
              "thi đua chuyển đổi số”. Nhà trường tham gia đầy đủ các hoạt động của Cụm thi đua số 18: hội "
              "nghị ký kết giao ước thi đua, sơ kết 6 tháng, kiểm tra chéo và hội thao viên chức."),
        ("p", "Nhà trường chú ý phát hiện và nhân rộng điển hình tiên tiến trong đổi mới phương pháp dạy "
              "học, song việc tổng kết, phổ biến kinh nghiệm chưa thường xuyên. Sáng kiến “Ngân hàng học "
              "liệu số dùng chung cho giáo viên tiểu học” được công nhận là sáng kiến cấp Thành phố."),
        ("p", "***2. Kết quả khen thưởng.*** Nhân dịp kỷ niệm 60 năm thành lập, Nhà trường vinh dự được Chủ "
              "tịch nước tặng thưởng Huân chương Lao động hạng Ba. Ngoài ra, 02 cá nhân được tặng Bằng khen "
              "của UBND Thành phố; 06 cá nhân được tặng Giấy khen của Giám đốc Sở Giáo dục và Đào tạo; 03 tập "
              "thể đạt danh hiệu Tập thể lao động tiên tiến; 09 cá nhân đạt danh hiệu Chiến sĩ thi đua cơ sở; "
              "97 cá nhân đạt danh hiệu Lao động tiên tiến."),
        ("p", "Việc xét khen thưởng được Hội đồng Thi đua - Khen thưởng thực hiện công khai, dân chủ, đúng "
              "quy trình. Đồng chí Đặng Thị Minh Phương, chuyên viên Phòng Tổ chức - Hành chính, kiêm nhiệm "
              "công tác thi đua, khen thưởng, đã chủ động hướng dẫn các đơn vị hoàn thiện hồ sơ đúng thời hạn."),
        ("h2", "V. Đánh giá chung"),
        ("p", "***Ưu điểm:*** Phong trào thi đua được triển khai sâu rộng, gắn với các hoạt động kỷ niệm 60 "
              "năm thành lập Trường; các chỉ tiêu tuyển sinh, đào tạo, bồi dưỡng giáo viên đều hoàn thành "
              "vượt mức; tinh thần đoàn kết trong tập thể được giữ vững."),
        ("p", "***Tồn tại, hạn chế:*** Tỷ lệ giảng viên có trình độ tiến sĩ còn thấp so với yêu cầu; một số "
              "khoa chưa chủ động đề xuất khen thưởng đột xuất; công tác truyền thông về phong trào thi đua "
              "chưa phong phú."),
        ("p", "***Nguyên nhân:*** Nguồn kinh phí hỗ trợ đào tạo tiến sĩ còn hạn chế; cán bộ làm công tác thi "
              "đua, khen thưởng kiêm nhiệm nhiều việc; chưa có cơ chế khuyến khích đủ mạnh."),
        ("h1", "B. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024"),
        ("p", "1. Tiếp tục triển khai phong trào thi đua “Đổi mới, sáng tạo, nâng cao chất lượng đào tạo giáo "
              "viên”; phấn đấu 100% đơn vị hoàn thành tốt nhiệm vụ."),
        ("p", "2. Hoàn thành chỉ tiêu tuyển sinh năm 2024; tổ chức bồi dưỡng 2.500 lượt giáo viên; nâng tỷ lệ "
              "giảng viên có trình độ tiến sĩ lên trên 20%."),
        ("p", "3. Đẩy mạnh chuyển đổi số trong quản trị, đào tạo; mở rộng hợp tác với các cơ sở đào tạo giáo "
              "viên trong và ngoài nước."),
        ("h1", "C. ĐỀ XUẤT, KIẾN NGHỊ"),
        ("p", "- Đề nghị Sở Giáo dục và Đào tạo Hà Nội giao chỉ tiêu bồi dưỡng giáo viên ổn định để Nhà trường "
              "chủ động xây dựng kế hoạch."),
        ("p", "- Đề nghị Cụm thi đua số 18 tổ chức hội thi giảng viên dạy giỏi giữa các đơn vị thành viên "
              "trong năm 2024."),
    ],
    "signature": {
        "recipients": ["- Cụm thi đua số 18;", "- Sở GD&ĐT Hà Nội (để b/c);", "- Lưu: VT, TCHC."],
        "authority": ["HIỆU TRƯỞNG"],
        "name": "Lê Minh Tuấn",
    },
    "table": {
        "placement": "appendix",
        "appendix_title": ["BẢNG TỰ CHẤM ĐIỂM THI ĐUA NĂM 2023",
                           "CỦA TRƯỜNG CAO ĐẲNG SƯ PHẠM TÂY HỒ"],
        "appendix_of": "",
        "columns": ["STT", "Tiêu chí", "Tối đa", "Tự chấm", "Minh chứng"],
        "header": "two_rows",
        "header_rows": (["STT", "Tiêu chí", "Điểm", "", "Minh chứng"], ["", "", "Tối đa", "Tự chấm", ""]),
        "widths": (1.2, 8.4, 1.5, 1.8, 3.6),
        "size": 11,
        "numbering": "dotted",
        "group_upper": True,
        "two_decimals": ("I.1", "I.3", "III.1", "I", "IV.2"),
        "deduction": "empty",
        "deduction_group": "zero",
        "total_label": "TỔNG CỘNG",
        "notes": {
            "I.1": "QĐ giao chỉ tiêu; danh sách trúng tuyển",
            "I.2": "QĐ công nhận tốt nghiệp",
            "I.3": "Báo cáo khảo sát tháng 10/2023",
            "I.4": "Biên bản nghiệm thu đề tài",
            "II.1": "KH số 15/KH-CĐSPTH",
            "II.4": "QĐ khen thưởng năm 2023",
            "IV.1": "Huân chương Lao động hạng Ba",
            "IV.2": "Giấy chứng nhận sáng kiến",
        },
    },
    "awards": [
        {"form": "Huân chương Lao động hạng Ba", "recipient": "tập thể", "count": 1,
         "text": "Nhà trường vinh dự được Chủ tịch nước tặng thưởng Huân chương Lao động hạng Ba"},
        {"form": "Bằng khen của UBND Thành phố", "recipient": "cá nhân", "count": 2,
         "text": "02 cá nhân được tặng Bằng khen của UBND Thành phố"},
        {"form": "Giấy khen của Giám đốc Sở Giáo dục và Đào tạo", "recipient": "cá nhân", "count": 6,
         "text": "06 cá nhân được tặng Giấy khen của Giám đốc Sở Giáo dục và Đào tạo"},
        {"form": "Tập thể lao động tiên tiến", "recipient": "tập thể", "count": 3,
         "text": "03 tập thể đạt danh hiệu Tập thể lao động tiên tiến"},
        {"form": "Chiến sĩ thi đua cơ sở", "recipient": "cá nhân", "count": 9,
         "text": "09 cá nhân đạt danh hiệu Chiến sĩ thi đua cơ sở"},
        {"form": "Lao động tiên tiến", "recipient": "cá nhân", "count": 97,
         "text": "97 cá nhân đạt danh hiệu Lao động tiên tiến"},
    ],
    "metrics": [
        {"measure": "tỷ lệ hoàn thành chỉ tiêu tuyển sinh", "value": 102.6, "unit": "%",
         "text": "tuyển sinh được 872/850 chỉ tiêu, đạt 102,6%"},
        {"measure": "tỷ lệ tốt nghiệp", "value": 94.8, "unit": "%", "text": "tỷ lệ tốt nghiệp đạt 94,8%"},
        {"measure": "tỷ lệ sinh viên có việc làm sau tốt nghiệp", "value": 89.6, "unit": "%",
         "text": "tỷ lệ sinh viên có việc làm sau tốt nghiệp 12 tháng đạt 89,6%"},
        {"measure": "đề tài nghiên cứu khoa học cấp trường", "value": 11, "unit": "đề tài",
         "text": "11 đề tài nghiên cứu khoa học cấp trường"},
        {"measure": "bài báo khoa học", "value": 31, "unit": "bài báo", "text": "31 bài báo"},
        {"measure": "giáo trình biên soạn", "value": 6, "unit": "giáo trình", "text": "06 giáo trình"},
        {"measure": "giáo viên được bồi dưỡng", "value": 2340, "unit": "lượt giáo viên",
         "text": "2.340 lượt giáo viên"},
    ],
    "officer": {"name": "Đặng Thị Minh Phương",
                "text": "Đồng chí Đặng Thị Minh Phương, chuyên viên Phòng Tổ chức - Hành chính, kiêm nhiệm "
                        "công tác thi đua, khen thưởng"},
}

CDNT = {
    "id": "cdnt",
    "file": "CĐNT Thăng Long - Báo cáo thi đua khen thưởng 2023.pdf",
    "format": "pdf",
    "author": "PDThinh",
    "parent": "SỞ VĂN HÓA VÀ THỂ THAO\nHÀ NỘI",
    "name_lines": ["TRƯỜNG CAO ĐẲNG", "NGHỆ THUẬT THĂNG LONG"],
    "number": "64/BC-CĐNTTL",
    "date": (18, 12, 2023),
    "old_republic": True,
    "summary": "Kết quả công tác thi đua, khen thưởng năm 2023",
    "style": {"size": 13, "spacing": 1.2, "indent": 1.0, "after": 4, "headings": "bold",
              "header_size": 12, "page_numbers": True},
    "scores": {"I": [9.5, 9, 9, 10.5, 9, 9], "II": [5, 4.5, 4.5, 5], "III": [6, 5, 4.5, 4],
               "IV": [1, 0.5, 0.5], "V": [0, 0, 0]},
    "targets": (94.5, 2, 0, 96.5),
    "over_max": ("I.4",),
    "body": [
        ("p", "Căn cứ Luật Thi đua, khen thưởng năm 2022; thực hiện Kế hoạch số 05/KH-CTĐ18 ngày 20/02/2023 "
              "của Cụm thi đua số 18, Trường Cao đẳng Nghệ thuật Thăng Long báo cáo kết quả công tác thi "
              "đua, khen thưởng năm 2023 như sau:"),
        ("h1", "I. KHÁI QUÁT TÌNH HÌNH"),
        ("p", "Trường Cao đẳng Nghệ thuật Thăng Long trực thuộc Sở Văn hóa và Thể thao Hà Nội, đào tạo trình "
              "độ cao đẳng, trung cấp các chuyên ngành Nhạc cụ truyền thống, Thanh nhạc, Múa, Diễn viên kịch "
              "- điện ảnh, Nghệ thuật xiếc và Thiết kế đồ họa. Tổng số viên chức, người lao động là 143 người "
              "(112 giảng viên); quy mô đào tạo 1.580 học sinh, sinh viên, trong đó có 420 học sinh năng "
              "khiếu được đào tạo từ 10 - 12 tuổi."),
        ("p", "Đặc thù đào tạo nghệ thuật đòi hỏi thời gian dài, sĩ số lớp nhỏ, chi phí cao, trong khi nguồn "
              "tuyển ngày càng thu hẹp. Năm 2023, Nhà trường vừa thực hiện nhiệm vụ đào tạo, vừa tham gia "
              "phục vụ nhiều sự kiện chính trị, văn hóa lớn của Thủ đô."),
        ("h1", "II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ CHÍNH TRỊ NĂM 2023"),
        ("h2", "1. Tuyển sinh và đào tạo"),
        ("p", "Năm 2023, Nhà trường tuyển sinh 486/500 chỉ tiêu, đạt 97,2%; riêng khối năng khiếu đạt 100% "
              "chỉ tiêu. Các ngành Nghệ thuật xiếc và Diễn viên kịch - điện ảnh chưa đạt chỉ tiêu do số thí "
              "sinh đăng ký thấp."),
        ("p", "Nhà trường rà soát, ban hành 08 chương trình đào tạo trình độ cao đẳng; tổ chức thi tốt "
              "nghiệp với 100% học phần chuyên ngành thi biểu diễn trước hội đồng. Tỷ lệ học sinh, sinh viên "
              "tốt nghiệp đạt 90,4%; 88,2% người học có việc làm sau tốt nghiệp tại các nhà hát, đoàn nghệ "
              "thuật, trung tâm văn hóa và cơ sở giáo dục nghệ thuật."),
        ("h2", "2. Nghiên cứu khoa học, sáng tác và biểu diễn"),
        ("p", "Đây là năm Nhà trường đạt kết quả nổi bật trong nghiên cứu khoa học: nghiệm thu 09 đề tài "
              "nghiên cứu khoa học cấp cơ sở, vượt 50% kế hoạch năm (kế hoạch 06 đề tài); biên soạn 03 giáo "
              "trình chuyên ngành Nhạc cụ truyền thống, Múa dân gian, Nghệ thuật xiếc; viên chức công bố 21 "
              "bài báo, bài viết chuyên môn. Đề tài “Số hóa kho tư liệu âm nhạc ca trù phục vụ giảng dạy” "
              "được Sở Khoa học và Công nghệ đánh giá cao, đề xuất ứng dụng rộng rãi."),
        ("p", "Học sinh, sinh viên Nhà trường giành 18 giải thưởng tại các cuộc thi, liên hoan nghệ thuật "
              "chuyên nghiệp, trong đó có 04 giải Nhất; Nhà trường tham gia biểu diễn 37 chương trình nghệ "
              "thuật chào mừng các ngày lễ lớn của Thủ đô."),
        ("h2", "3. Đội ngũ và cơ sở vật chất"),
        ("p", "Đội ngũ giảng viên có 09 tiến sĩ, 67 thạc sĩ, nhiều nghệ sĩ được Nhà nước phong tặng danh "
              "hiệu Nghệ sĩ Nhân dân, Nghệ sĩ Ưu tú. Trong năm, Nhà trường cử 18 lượt viên chức tham gia các "
              "khóa bồi dưỡng chuyên môn, nghiệp vụ."),
        ("p", "Nhà trường hoàn thành sửa chữa sân khấu thực hành, trang bị 02 phòng thu âm và bổ sung 120 "
              "nhạc cụ phục vụ giảng dạy; tổng kinh phí đầu tư cơ sở vật chất trong năm đạt 12,8 tỷ đồng. "
              "Chuyển đổi số được triển khai trong quản lý đào tạo, thư viện và quản lý văn bản. Theo chương "
              "trình hợp tác quốc tế, Nhà trường đón 02 đoàn nghệ sĩ Hàn Quốc, Lào đến giao lưu, giảng dạy."),
        ("h1", "III. CÔNG TÁC XÂY DỰNG ĐẢNG VÀ CÁC ĐOÀN THỂ"),
        ("p", "Chi bộ Nhà trường (trực thuộc Đảng bộ Sở Văn hóa và Thể thao) lãnh đạo đơn vị hoàn thành tốt "
              "nhiệm vụ chính trị; năm 2022, Chi bộ được xếp loại “Hoàn thành xuất sắc nhiệm vụ”; kết nạp 03 "
              "đảng viên mới. Công đoàn, Đoàn Thanh niên phối hợp tổ chức Hội diễn văn nghệ chào mừng Ngày "
              "Nhà giáo Việt Nam và chương trình thiện nguyện “Nghệ thuật vì trẻ em vùng cao”."),
        ("p", "Nhà trường thực hiện nghiêm quy chế chi tiêu nội bộ, thực hành tiết kiệm, chống lãng phí; "
              "công khai tài chính theo quy định, không để xảy ra tham nhũng, tiêu cực. Lực lượng bảo vệ "
              "phối hợp với Công an phường duy trì an ninh trật tự; hệ thống phòng cháy, chữa cháy được kiểm "
              "định định kỳ."),
        ("h1", "IV. PHONG TRÀO THI ĐUA VÀ CÔNG TÁC KHEN THƯỞNG"),
        ("p", "Nhà trường ban hành kế hoạch, phát động phong trào thi đua năm 2023 với chủ đề “Thi đua dạy "
              "tốt, học tốt, biểu diễn tốt”; tổ chức ký giao ước thi đua giữa các khoa, phòng. Nhà trường tham "
              "gia đầy đủ các hội nghị cụm, hoạt động kiểm tra chéo và đăng cai Chương trình giao lưu nghệ "
              "thuật chào mừng Ngày Nhà giáo Việt Nam 20/11 của Cụm thi đua số 18."),
        ("p", "Qua các phong trào thi đua, nhiều tấm gương điển hình tiên tiến được phát hiện, bồi dưỡng và "
              "giới thiệu trên trang thông tin điện tử của Nhà trường. Mô hình mới “Lớp học nghệ thuật cuối "
              "tuần cho thiếu nhi” được Sở Văn hóa và Thể thao công nhận là sáng kiến cấp ngành."),
        ("p", "Kết quả khen thưởng năm 2023: 01 cá nhân đạt danh hiệu Chiến sĩ thi đua thành phố; 02 tập thể "
              "được tặng Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố; 01 tập thể đạt danh hiệu Tập thể "
              "lao động xuất sắc; 07 cá nhân đạt danh hiệu Chiến sĩ thi đua cơ sở; 64 cá nhân đạt danh hiệu "
              "Lao động tiên tiến."),
        ("p", "Ông Phan Đức Thịnh, Trưởng phòng Hành chính - Tổng hợp, Ủy viên thường trực Hội đồng Thi đua "
              "- Khen thưởng, được giao theo dõi công tác thi đua, khen thưởng của Nhà trường."),
        ("h1", "V. ƯU ĐIỂM, HẠN CHẾ"),
        ("p", "*Ưu điểm:* Các phong trào thi đua bám sát nhiệm vụ đào tạo, biểu diễn; kết quả nghiên cứu "
              "khoa học vượt kế hoạch; học sinh, sinh viên đạt nhiều giải thưởng chuyên nghiệp, góp phần "
              "khẳng định thương hiệu của Nhà trường."),
        ("p", "*Hạn chế:* Tuyển sinh chưa đạt chỉ tiêu ở một số ngành; tỷ lệ giảng viên có trình độ tiến sĩ "
              "còn thấp; cơ sở vật chất phục vụ đào tạo xiếc, múa còn thiếu. Nguyên nhân chủ yếu do đặc thù "
              "ngành nghề, chế độ đãi ngộ đối với giảng viên nghệ thuật chưa tương xứng."),
        ("p", "Trên cơ sở kết quả đạt được, Nhà trường tự chấm 96,5 điểm (chi tiết tại Phụ lục kèm theo)."),
        ("h1", "VI. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024"),
        ("p", "- Đẩy mạnh phong trào thi đua “Thi đua dạy tốt, học tốt, biểu diễn tốt”; phấn đấu tuyển sinh "
              "đạt 100% chỉ tiêu."),
        ("p", "- Nâng cao chất lượng đào tạo năng khiếu; tiếp tục biên soạn giáo trình chuyên ngành; mở rộng "
              "hợp tác với các nhà hát, đoàn nghệ thuật trong và ngoài nước."),
        ("p", "- Tham gia đầy đủ, có hiệu quả các hoạt động của Cụm thi đua số 18."),
        ("h1", "VII. KIẾN NGHỊ"),
        ("p", "Đề nghị Sở Văn hóa và Thể thao, Ủy ban nhân dân Thành phố có chính sách hỗ trợ học phí cho "
              "học sinh các ngành nghệ thuật truyền thống, nghệ thuật xiếc."),
    ],
    "signature": {
        "recipients": ["- Cụm thi đua số 18;", "- Sở VH&TT Hà Nội;", "- Lưu: VT, HCTH."],
        "authority": ["KT. HIỆU TRƯỞNG", "PHÓ HIỆU TRƯỞNG"],
        "name": "Lưu Thanh Bình",
    },
    "table": {
        "placement": "appendix",
        "appendix_title": ["BẢNG TỰ CHẤM ĐIỂM THI ĐUA NĂM 2023"],
        "appendix_of": "của Trường Cao đẳng Nghệ thuật Thăng Long",
        "columns": ["TT", "Nội dung", "Điểm chuẩn", "Điểm tự chấm", "Ghi chú"],
        "widths": (1.1, 8.4, 1.9, 1.9, 3.2),
        "numbering": "restart",
        "deduction": "zero",
        "deduction_group": "zero",
        "total_label": "Tổng cộng",
        "total_max": "",
        "labels": {
            "I": "Thực hiện nhiệm vụ chính trị, chuyên môn",
            "I.1": "Tuyển sinh",
            "I.2": "Chất lượng đào tạo, tốt nghiệp",
            "I.3": "Việc làm của người học sau tốt nghiệp",
            "I.4": "Nghiên cứu khoa học, biên soạn giáo trình",
            "I.5": "Phát triển đội ngũ giảng viên, cán bộ quản lý",
            "I.6": "Cơ sở vật chất, chuyển đổi số, hợp tác quốc tế",
            "II": "Phong trào thi đua và công tác khen thưởng",
            "II.1": "Kế hoạch, phát động thi đua; ký giao ước thi đua",
            "II.2": "Tham gia hoạt động của Cụm",
            "II.3": "Bồi dưỡng, nhân rộng điển hình tiên tiến",
            "II.4": "Khen thưởng kịp thời, đúng quy định",
            "III": "Xây dựng Đảng, đoàn thể, cải cách hành chính, an ninh trật tự",
            "III.1": "Xây dựng Đảng trong sạch, vững mạnh",
            "III.2": "Công đoàn, Đoàn Thanh niên, Hội Sinh viên",
            "III.3": "Tiết kiệm, phòng chống tham nhũng, cải cách hành chính",
            "III.4": "An ninh trật tự, an toàn, PCCC",
            "IV": "Điểm thưởng",
            "IV.1": "Được tặng Cờ thi đua, Bằng khen trong năm",
            "IV.2": "Mô hình mới, sáng kiến cấp Thành phố, cấp Bộ",
            "IV.3": "Đăng cai hoạt động chung của Cụm",
            "V": "Điểm trừ",
            "V.1": "Gửi báo cáo chậm",
            "V.2": "Có tập thể, cá nhân bị kỷ luật",
            "V.3": "Mất an ninh trật tự, đơn thư vượt cấp",
        },
        "notes": {
            "I.1": "Đạt 97,2%",
            "I.4": "Vượt 50% kế hoạch, đề nghị cộng 0,5",
            "II.2": "Hội nghị, kiểm tra chéo",
            "IV.1": "Bằng khen UBND TP",
            "IV.3": "Giao lưu nghệ thuật 20/11",
        },
    },
    "awards": [
        {"form": "Chiến sĩ thi đua thành phố", "recipient": "cá nhân", "count": 1,
         "text": "01 cá nhân đạt danh hiệu Chiến sĩ thi đua thành phố"},
        {"form": "Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố", "recipient": "tập thể", "count": 2,
         "text": "02 tập thể được tặng Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố"},
        {"form": "Tập thể lao động xuất sắc", "recipient": "tập thể", "count": 1,
         "text": "01 tập thể đạt danh hiệu Tập thể lao động xuất sắc"},
        {"form": "Chiến sĩ thi đua cơ sở", "recipient": "cá nhân", "count": 7,
         "text": "07 cá nhân đạt danh hiệu Chiến sĩ thi đua cơ sở"},
        {"form": "Lao động tiên tiến", "recipient": "cá nhân", "count": 64,
         "text": "64 cá nhân đạt danh hiệu Lao động tiên tiến"},
    ],
    "metrics": [
        {"measure": "tỷ lệ hoàn thành chỉ tiêu tuyển sinh", "value": 97.2, "unit": "%",
         "text": "tuyển sinh 486/500 chỉ tiêu, đạt 97,2%"},
        {"measure": "tỷ lệ học sinh, sinh viên tốt nghiệp", "value": 90.4, "unit": "%",
         "text": "Tỷ lệ học sinh, sinh viên tốt nghiệp đạt 90,4%"},
        {"measure": "tỷ lệ người học có việc làm sau tốt nghiệp", "value": 88.2, "unit": "%",
         "text": "88,2% người học có việc làm sau tốt nghiệp"},
        {"measure": "đề tài nghiên cứu khoa học cấp cơ sở", "value": 9, "unit": "đề tài",
         "text": "09 đề tài nghiên cứu khoa học cấp cơ sở"},
        {"measure": "giáo trình biên soạn", "value": 3, "unit": "giáo trình", "text": "03 giáo trình"},
        {"measure": "bài báo, bài viết chuyên môn", "value": 21, "unit": "bài báo",
         "text": "21 bài báo"},
        {"measure": "giải thưởng của học sinh, sinh viên", "value": 18, "unit": "giải thưởng",
         "text": "18 giải thưởng"},
    ],
    "officer": {"name": "Phan Đức Thịnh",
                "text": "Ông Phan Đức Thịnh, Trưởng phòng Hành chính - Tổng hợp, Ủy viên thường trực Hội "
                        "đồng Thi đua - Khen thưởng"},
}

CDDD = {
    "id": "cddd",
    "file": "2023_BC tong ket TDKT_CD Dieu duong Ha Dong.docx",
    "format": "docx",
    "author": "Luong Hai Yen",
    "parent": "SỞ Y TẾ HÀ NỘI",
    "name_lines": ["TRƯỜNG CAO ĐẲNG", "ĐIỀU DƯỠNG HÀ ĐÔNG"],
    "number": "312/BC-CĐĐD",
    "date": (22, 12, 2023),
    "summary": "Tổng kết công tác thi đua, khen thưởng năm 2023,\nphương hướng nhiệm vụ năm 2024",
    "style": {"size": 13, "spacing": 1.25, "indent": 1.0, "after": 6, "headings": "builtin",
              "header_rows": 2, "header_size": 13, "page_numbers": True, "title_rule": True},
    "scores": {"I": [10, 9.5, 9.5, 9, 9.5, 9.5], "II": [5, 5, 4.5, 4.5], "III": [5.5, 5, 4.5, 4],
               "IV": [2, 0, 0], "V": [1, 0, 0]},
    "targets": (95, 2, 1, 96),
    "body": [
        ("p", "Thực hiện hướng dẫn của Cụm thi đua số 18 về tổng kết công tác thi đua, khen thưởng năm "
              "2023, Trường Cao đẳng Điều dưỡng Hà Đông báo cáo như sau:"),
        ("h1", "I. ĐẶC ĐIỂM TÌNH HÌNH"),
        ("p", "Trường Cao đẳng Điều dưỡng Hà Đông trực thuộc Sở Y tế Hà Nội, có nhiệm vụ đào tạo điều dưỡng, "
              "hộ sinh, kỹ thuật phục hồi chức năng trình độ cao đẳng và đào tạo liên tục cho nhân viên y tế. "
              "Nhà trường có 185 viên chức, người lao động, trong đó 120 giảng viên; quy mô đào tạo 2.960 "
              "sinh viên."),
        ("p", "- Thuận lợi: Nhà trường được Sở Y tế quan tâm chỉ đạo; đội ngũ giảng viên trẻ, nhiệt tình; "
              "nhu cầu tuyển dụng điều dưỡng của các bệnh viện và thị trường lao động nước ngoài lớn."),
        ("p", "- Khó khăn: Cơ sở vật chất khu giảng đường B đã xuống cấp; định mức kinh phí chi thường xuyên "
              "giảm theo lộ trình tự chủ; số lượng giảng viên có trình độ tiến sĩ còn ít."),
        ("h1", "II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2023"),
        ("h2", "1. Tuyển sinh, đào tạo"),
        ("p", "Nhà trường tuyển sinh đạt 1.012/960 chỉ tiêu (105,4%), là năm thứ ba liên tiếp vượt chỉ tiêu "
              "được giao. Tỷ lệ tốt nghiệp toàn khóa đạt 95,6%; 100% sinh viên tốt nghiệp đạt chuẩn đầu ra "
              "tin học, ngoại ngữ. Chương trình đào tạo ngành Điều dưỡng được cập nhật theo chuẩn năng lực "
              "cơ bản của điều dưỡng Việt Nam."),
        ("p", "Nhờ gắn kết chặt chẽ với 19 bệnh viện đối tác, tỷ lệ sinh viên có việc làm sau tốt nghiệp "
              "đạt 97,2%, trong đó 43 sinh viên được tuyển dụng làm việc tại Nhật Bản theo chương trình điều "
              "dưỡng viên."),
        ("h2", "2. Nghiên cứu khoa học"),
        ("p", "Hội đồng Khoa học Nhà trường nghiệm thu 13 đề tài nghiên cứu khoa học cấp cơ sở, trong đó 04 "
              "đề tài được ứng dụng tại bệnh viện thực hành; giảng viên đăng 24 bài báo trên các tạp chí y "
              "học; biên soạn 05 giáo trình, tài liệu học tập mới."),
        ("h2", "3. Đội ngũ"),
        ("p", "Tỷ lệ giảng viên có trình độ thạc sĩ trở lên đạt 82,5%, trong đó có 07 tiến sĩ; 16 giảng viên "
              "được cử đi bồi dưỡng nâng cao tại Nhật Bản và các bệnh viện tuyến Trung ương."),
        ("h2", "4. Cơ sở vật chất, chuyển đổi số, hợp tác quốc tế"),
        ("p", "Nhà trường đầu tư 9,2 tỷ đồng mua sắm trang thiết bị thực hành, trong đó có 08 mô hình mô "
              "phỏng bệnh nhân thông minh; đưa vào vận hành phần mềm quản lý sinh viên và hệ thống học trực "
              "tuyến, thúc đẩy chuyển đổi số trong dạy và học. Về hợp tác quốc tế, Nhà trường duy trì quan "
              "hệ với 03 tổ chức tiếp nhận điều dưỡng của Nhật Bản và Đức."),
        ("h2", "5. Công tác Đảng, đoàn thể; cải cách hành chính; an ninh trật tự"),
        ("p", "Đảng bộ Nhà trường có 06 chi bộ trực thuộc với 96 đảng viên; năm 2022 được xếp loại “Hoàn "
              "thành tốt nhiệm vụ”. Ban Chấp hành Công đoàn chăm lo đời sống người lao động, tổ chức cho "
              "100% đoàn viên tham quan, nghỉ mát; Đoàn Thanh niên duy trì đội hình sinh viên tình nguyện "
              "hiến máu, chăm sóc người bệnh."),
        ("p", "Nhà trường thực hiện nghiêm Luật Thực hành tiết kiệm, chống lãng phí; rà soát, đơn giản hóa "
              "09 thủ tục hành chính nội bộ. Trong năm không để xảy ra mất an ninh trật tự, cháy nổ, tai "
              "nạn lao động."),
        ("h1", "III. CÔNG TÁC THI ĐUA, KHEN THƯỞNG"),
        ("p", "Hội đồng Thi đua - Khen thưởng Nhà trường được kiện toàn theo Quyết định số 26/QĐ-CĐĐD ngày "
              "16/01/2023. Nhà trường xây dựng kế hoạch thi đua, phát động phong trào thi đua theo đợt gắn "
              "với các ngày lễ lớn, sơ kết, tổng kết kịp thời; ký giao ước thi đua với các đơn vị trong Cụm "
              "thi đua số 18 và tham gia đầy đủ các hoạt động của Cụm."),
        ("p", "Thông qua các phong trào, Nhà trường đã phát hiện, biểu dương 05 gương người tốt việc tốt "
              "trong chăm sóc người bệnh và hiến máu tình nguyện."),
        ("p", "Kết quả khen thưởng: Nhà trường được tặng Cờ thi đua của UBND Thành phố do có thành tích xuất "
              "sắc trong phong trào thi đua chuyên đề “Chung tay phòng, chống dịch COVID-19”. Bên cạnh đó, "
              "02 cá nhân được tặng Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố; 05 cá nhân được tặng "
              "Giấy khen của Giám đốc Sở Y tế; 01 tập thể đạt danh hiệu Tập thể lao động xuất sắc; 08 cá "
              "nhân đạt danh hiệu Chiến sĩ thi đua cơ sở và 112 cá nhân đạt danh hiệu Lao động tiên tiến."),
        ("p", "Người trực tiếp tham mưu công tác thi đua, khen thưởng là bà Lương Thị Hải Yến, chuyên viên "
              "Phòng Tổ chức cán bộ."),
        ("h1", "IV. KẾT QUẢ TỰ CHẤM ĐIỂM THI ĐUA"),
        ("p", "Nhà trường tự chấm điểm theo Bảng tiêu chí thi đua năm 2023 của Cụm thi đua số 18 như sau:"),
        ("scores",),
        ("p", "Do phải hoàn thiện số liệu khảo sát việc làm của sinh viên tốt nghiệp năm 2023, báo cáo của "
              "Nhà trường gửi chậm so với thời hạn Cụm yêu cầu; Nhà trường tự trừ 01 điểm theo tiêu chí gửi "
              "báo cáo chậm. Tổng điểm tự chấm: 96 điểm."),
        ("h1", "V. ĐÁNH GIÁ CHUNG"),
        ("h2", "1. Ưu điểm"),
        ("p", "Các phong trào thi đua được cụ thể hóa bằng chỉ tiêu rõ ràng, gắn với nhiệm vụ đào tạo điều "
              "dưỡng; tỷ lệ sinh viên có việc làm cao; tập thể đoàn kết, viên chức yên tâm công tác."),
        ("h2", "2. Tồn tại, hạn chế"),
        ("p", "Số lượng công trình nghiên cứu có giá trị ứng dụng chưa nhiều; việc phổ biến kinh nghiệm từ "
              "các tập thể tiêu biểu chưa kịp thời; thời hạn gửi báo cáo, hồ sơ thi đua có lúc chưa bảo đảm."),
        ("h2", "3. Nguyên nhân"),
        ("p", "Khối lượng công việc chuyên môn lớn; công tác thống kê, tổng hợp số liệu phụ thuộc vào kết "
              "quả khảo sát từ các bệnh viện; cán bộ làm công tác thi đua, khen thưởng còn kiêm nhiệm."),
        ("h1", "VI. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024"),
        ("p", "1. Phát động phong trào thi đua “Chăm sóc bằng cả trái tim” trong toàn trường; phấn đấu tuyển "
              "sinh vượt chỉ tiêu, giữ tỷ lệ sinh viên có việc làm trên 95%."),
        ("p", "2. Nâng cấp khu giảng đường B; mở rộng đào tạo điều dưỡng theo đơn đặt hàng của đối tác "
              "Nhật Bản, Đức; tăng cường ứng dụng công nghệ mô phỏng trong dạy học lâm sàng."),
        ("p", "3. Chấn chỉnh công tác báo cáo, bảo đảm gửi hồ sơ thi đua đúng thời hạn của Cụm thi đua số 18."),
        ("h1", "VII. ĐỀ XUẤT, KIẾN NGHỊ"),
        ("p", "Đề nghị Sở Y tế bố trí kinh phí sửa chữa khu giảng đường B trong năm 2024; đề nghị Cụm thi "
              "đua số 18 xem xét, đề nghị Chủ tịch Ủy ban nhân dân Thành phố tặng Bằng khen cho Nhà trường vì "
              "đã có thành tích xuất sắc trong phong trào thi đua năm 2023."),
    ],
    "signature": {
        "recipients": ["- Cụm thi đua số 18;", "- Sở Y tế (để b/c);", "- Các phòng, khoa;",
                       "- Lưu: VT, TCCB."],
        "authority": ["HIỆU TRƯỞNG"],
        "name": "Đỗ Thị Lan Anh",
    },
    "table": {
        "placement": "section",
        "columns": ["Mã", "Nội dung", "Điểm tối đa", "Điểm đơn vị tự chấm", "Minh chứng"],
        "widths": (1.1, 8.0, 1.9, 2.2, 3.3),
        "numbering": "continuous",
        "group_upper": True,
        "group_names": {"IV": "ĐIỂM THƯỞNG", "V": "ĐIỂM TRỪ"},
        "merge_group_names": True,
        "deduction": "paren",
        "deduction_group": "negative",
        "total_label": "TỔNG ĐIỂM",
        "notes": {
            "I.1": "Báo cáo tuyển sinh 2023",
            "I.3": "Phiếu khảo sát việc làm",
            "I.4": "QĐ nghiệm thu đề tài",
            "II.1": "QĐ số 26/QĐ-CĐĐD",
            "II.3": "Biểu dương người tốt việc tốt",
            "IV.1": "Cờ thi đua của UBND TP",
            "V.1": "Gửi báo cáo ngày 22/12/2023",
        },
    },
    "awards": [
        {"form": "Cờ thi đua của UBND Thành phố", "recipient": "tập thể", "count": 1,
         "text": "Nhà trường được tặng Cờ thi đua của UBND Thành phố"},
        {"form": "Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố", "recipient": "cá nhân", "count": 2,
         "text": "02 cá nhân được tặng Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố"},
        {"form": "Giấy khen của Giám đốc Sở Y tế", "recipient": "cá nhân", "count": 5,
         "text": "05 cá nhân được tặng Giấy khen của Giám đốc Sở Y tế"},
        {"form": "Tập thể lao động xuất sắc", "recipient": "tập thể", "count": 1,
         "text": "01 tập thể đạt danh hiệu Tập thể lao động xuất sắc"},
        {"form": "Chiến sĩ thi đua cơ sở", "recipient": "cá nhân", "count": 8,
         "text": "08 cá nhân đạt danh hiệu Chiến sĩ thi đua cơ sở"},
        {"form": "Lao động tiên tiến", "recipient": "cá nhân", "count": 112,
         "text": "112 cá nhân đạt danh hiệu Lao động tiên tiến"},
    ],
    "metrics": [
        {"measure": "tỷ lệ hoàn thành chỉ tiêu tuyển sinh", "value": 105.4, "unit": "%",
         "text": "tuyển sinh đạt 1.012/960 chỉ tiêu (105,4%)"},
        {"measure": "tỷ lệ tốt nghiệp", "value": 95.6, "unit": "%",
         "text": "Tỷ lệ tốt nghiệp toàn khóa đạt 95,6%"},
        {"measure": "tỷ lệ sinh viên có việc làm sau tốt nghiệp", "value": 97.2, "unit": "%",
         "text": "tỷ lệ sinh viên có việc làm sau tốt nghiệp đạt 97,2%"},
        {"measure": "đề tài nghiên cứu khoa học cấp cơ sở", "value": 13, "unit": "đề tài",
         "text": "13 đề tài nghiên cứu khoa học cấp cơ sở"},
        {"measure": "bài báo khoa học", "value": 24, "unit": "bài báo", "text": "24 bài báo"},
        {"measure": "tỷ lệ giảng viên có trình độ thạc sĩ trở lên", "value": 82.5, "unit": "%",
         "text": "Tỷ lệ giảng viên có trình độ thạc sĩ trở lên đạt 82,5%"},
    ],
    "officer": {"name": "Lương Thị Hải Yến",
                "text": "bà Lương Thị Hải Yến, chuyên viên Phòng Tổ chức cán bộ"},
}

# cdmn's writer uses old tone placement ("hoà", "thuỷ"): the text below is typed in the
# usual form and converted by unit_text(). Its II.3 claim has no support on purpose: none
# of II.3's evidence phrases may appear anywhere but in that criterion's label cell.
CDMN = {
    "id": "cdmn",
    "file": "BC thi đua khen thưởng năm 2023 - CĐSP Mầm non Hoàng Mai.pdf",
    "format": "pdf",
    "author": "Ngo Thuy Linh",
    "tone": "old",
    "old_republic": True,
    "parent": "UBND THÀNH PHỐ HÀ NỘI",
    "name_lines": ["TRƯỜNG CAO ĐẲNG SƯ PHẠM", "MẦM NON HOÀNG MAI"],
    "number": "96/BC-CĐSPMN",
    "date": (5, 12, 2023),
    "summary": "Công tác thi đua, khen thưởng năm 2023 và nhiệm vụ trọng tâm năm 2024",
    "style": {"size": 14, "spacing": 1.1, "indent": 1.27, "after": 6, "headings": "bold",
              "h2_italic": True, "header_size": 12, "rule": "underline",
              "page_numbers": False},
    "scores": {"I": [9.5, 9, 9.5, 9, 9, 9], "II": [4.5, 5, 4, 4.5], "III": [5.5, 5, 4.5, 4],
               "IV": [1, 0.5, 0], "V": [0, 0, 0]},
    "targets": (92, 1.5, 0, 93.5),
    "unsupported": ("II.3",),
    "body": [
        ("p", "Thực hiện Kế hoạch số 05/KH-CTĐ18 ngày 20/02/2023 của Cụm thi đua số 18, Trường Cao đẳng Sư "
              "phạm Mầm non Hoàng Mai báo cáo kết quả công tác thi đua, khen thưởng năm 2023 như sau:"),
        ("h1", "Phần I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2023"),
        ("h2", "1. Đặc điểm tình hình"),
        ("p", "Nhà trường trực thuộc Ủy ban nhân dân thành phố Hà Nội, đào tạo giáo viên mầm non trình độ "
              "cao đẳng và bồi dưỡng chuyên môn cho đội ngũ cán bộ quản lý, giáo viên mầm non của Thủ đô. "
              "Nhà trường có 132 viên chức, người lao động (86 giảng viên, 92% là nữ); quy mô đào tạo 1.940 "
              "sinh viên chính quy và 860 học viên văn bằng hai, liên thông."),
        ("p", "Năm 2023, nhu cầu giáo viên mầm non của Thành phố tiếp tục tăng cao, là thuận lợi lớn cho công "
              "tác tuyển sinh; tuy nhiên, cơ sở vật chất của Nhà trường còn chật hẹp, trường mầm non thực "
              "hành đang trong quá trình cải tạo."),
        ("h2", "2. Kết quả công tác chuyên môn"),
        ("p", "- *Tuyển sinh:* Nhà trường tuyển sinh 655/640 chỉ tiêu, đạt 102,3%; số thí sinh đăng ký "
              "nguyện vọng 1 tăng 18% so với năm trước."),
        ("p", "- *Đào tạo:* tỷ lệ sinh viên tốt nghiệp đạt 93,7%; 100% chương trình đào tạo được rà soát, "
              "bổ sung nội dung giáo dục hòa nhập trẻ khuyết tật và chăm sóc sức khỏe, dinh dưỡng cho trẻ. "
              "Theo kết quả khảo sát, tỷ lệ sinh viên có việc làm sau tốt nghiệp đạt 95,1%, chủ yếu tại các "
              "trường mầm non công lập, tư thục trên địa bàn Thành phố."),
        ("p", "- *Nghiên cứu khoa học:* nghiệm thu 07 đề tài nghiên cứu khoa học cấp cơ sở; biên soạn 04 "
              "giáo trình về giáo dục âm nhạc, tạo hình và văn hóa dân gian cho trẻ mầm non; tổ chức Hội "
              "thảo “Giáo dục trẻ mầm non thông qua trò chơi dân gian” với 45 bài tham luận."),
        ("p", "- *Đội ngũ:* Nhà trường có 15 tiến sĩ, 64 thạc sĩ; 100% giảng viên tham gia bồi dưỡng chuyên "
              "đề về Chương trình giáo dục mầm non sửa đổi; tuyển dụng mới 05 giảng viên trẻ có trình độ "
              "thạc sĩ."),
        ("p", "- *Cơ sở vật chất, chuyển đổi số, hợp tác quốc tế:* hoàn thành cải tạo nhà đa năng, bể bơi dạy "
              "kỹ năng an toàn dưới nước và vườn rau thủy canh cho trẻ trải nghiệm tại trường thực hành; "
              "triển khai phần mềm quản lý đào tạo và kho học liệu trực tuyến, từng bước chuyển đổi số hoạt "
              "động quản trị. Nhà trường ký kết hợp tác với 01 trường đại học của Hàn Quốc về đào tạo giáo "
              "viên mầm non theo phương pháp Montessori."),
        ("p", "- *Hoạt động của người học:* sinh viên Nhà trường đạt giải Nhất Hội thi “Giáo viên mầm non "
              "tương lai” cấp Thành phố; phối hợp với Trung tâm Văn hóa - Thể thao quận Hoàng Mai tổ chức 06 "
              "buổi biểu diễn văn nghệ phục vụ thiếu nhi."),
        ("h2", "3. Công tác xây dựng Đảng, đoàn thể"),
        ("p", "Đảng bộ Nhà trường lãnh đạo đơn vị hoàn thành nhiệm vụ chính trị; năm 2022, Đảng bộ được đánh "
              "giá trong sạch, vững mạnh; kết nạp 04 đảng viên mới là giảng viên, sinh viên ưu tú. Công đoàn "
              "tổ chức tốt phong trào “Giỏi việc trường, đảm việc nhà”, thăm hỏi, hỗ trợ kịp thời đoàn viên "
              "có hoàn cảnh khó khăn; Đoàn Thanh niên, Hội Sinh viên tổ chức chương trình “Trung thu cho em” "
              "tại 03 xã miền núi."),
        ("p", "Nhà trường thực hành tiết kiệm, chống lãng phí trong chi tiêu hành chính; đẩy mạnh cải cách "
              "hành chính, thực hiện một cửa trong giải quyết thủ tục cho sinh viên. Công tác an ninh trật "
              "tự, an toàn cơ quan và phòng cháy, chữa cháy được duy trì nghiêm túc."),
        ("h2", "4. Công tác thi đua, khen thưởng"),
        ("p", "Ngay từ đầu năm, Nhà trường ban hành kế hoạch thi đua và phát động phong trào thi đua “Vì đàn "
              "em thân yêu”, gắn với Cuộc vận động “Mỗi thầy, cô giáo là một tấm gương đạo đức, tự học và "
              "sáng tạo”. Nhà trường tham gia ký kết giao ước thi đua và các hội nghị cụm do Cụm trưởng tổ "
              "chức."),
        ("p", "Công tác khen thưởng bảo đảm đúng đối tượng, tiêu chuẩn. Năm 2023, 01 cá nhân được tặng Bằng "
              "khen của Bộ trưởng Bộ Giáo dục và Đào tạo; 05 tập thể đạt danh hiệu Tập thể lao động tiên "
              "tiến; 06 cá nhân đạt danh hiệu Chiến sĩ thi đua cơ sở; 58 cá nhân đạt danh hiệu Lao động "
              "tiên tiến."),
        ("p", "Sáng kiến “Bộ học liệu số hỗ trợ giáo viên tổ chức hoạt động trải nghiệm cho trẻ 5 - 6 tuổi” "
              "được công nhận là sáng kiến cấp Thành phố."),
        ("p", "Đồng chí Ngô Thị Thùy Linh, chuyên viên Phòng Tổ chức - Hành chính, phụ trách công tác thi "
              "đua, khen thưởng, đã tham mưu kịp thời cho Hội đồng Thi đua - Khen thưởng Nhà trường."),
        ("h2", "5. Đánh giá chung"),
        ("p", "*Ưu điểm:* Nhà trường hoàn thành tốt các chỉ tiêu tuyển sinh, đào tạo; các phong trào thi đua "
              "gắn với đặc thù đào tạo giáo viên mầm non, được viên chức, sinh viên hưởng ứng tích cực."),
        ("p", "*Hạn chế:* Nghiên cứu khoa học chưa nhiều công trình có tính ứng dụng cao; việc tuyên truyền "
              "về các tập thể, cá nhân tiêu biểu chưa thường xuyên; cơ sở vật chất chưa đáp ứng yêu cầu."),
        ("p", "*Nguyên nhân:* Đội ngũ giảng viên trẻ chiếm tỷ lệ cao, kinh nghiệm nghiên cứu còn hạn chế; "
              "nguồn lực đầu tư cơ sở vật chất phụ thuộc vào ngân sách Thành phố."),
        ("h1", "Phần II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024"),
        ("p", "1. Tiếp tục phong trào thi đua “Vì đàn em thân yêu”; phấn đấu tuyển sinh đạt 100% chỉ tiêu, tỷ "
              "lệ sinh viên có việc làm trên 90%."),
        ("p", "2. Hoàn thành cải tạo trường mầm non thực hành; tăng cường bồi dưỡng giáo viên mầm non về giáo "
              "dục hòa nhập và chăm sóc sức khỏe trẻ."),
        ("p", "3. Đẩy mạnh chuyển đổi số trong đào tạo, xây dựng kho học liệu số dùng chung cho giáo viên "
              "mầm non Thủ đô."),
        ("h1", "Phần III. ĐỀ XUẤT, KIẾN NGHỊ"),
        ("p", "Đề nghị Ủy ban nhân dân Thành phố quan tâm bố trí kinh phí hoàn thiện trường mầm non thực hành; "
              "đề nghị Cụm thi đua số 18 tổ chức hội thảo chia sẻ kinh nghiệm đào tạo giáo viên giữa các "
              "trường sư phạm trong Cụm."),
    ],
    "signature": {
        "recipients": ["- Cụm thi đua số 18;", "- Ban Thi đua - Khen thưởng Thành phố;",
                       "- Lưu: VT, TC-HC."],
        "authority": ["HIỆU TRƯỞNG"],
        "name": "Vũ Thị Ngọc Mai",
    },
    "table": {
        "placement": "appendix",
        "appendix_title": ["BẢNG TỰ CHẤM ĐIỂM THI ĐUA NĂM 2023",
                           "TRƯỜNG CAO ĐẲNG SƯ PHẠM MẦM NON HOÀNG MAI"],
        "appendix_of": "",
        "columns": ["STT", "Nội dung tiêu chí", "Điểm chuẩn", "Điểm tự chấm"],
        "widths": (1.3, 10.4, 2.4, 2.4),
        "size": 13,
        "numbering": "restart",
        "deduction": "zero",
        "deduction_group": "zero",
        "total_label": "Tổng cộng",
    },
    "awards": [
        {"form": "Bằng khen của Bộ trưởng Bộ Giáo dục và Đào tạo", "recipient": "cá nhân", "count": 1,
         "text": "01 cá nhân được tặng Bằng khen của Bộ trưởng Bộ Giáo dục và Đào tạo"},
        {"form": "Tập thể lao động tiên tiến", "recipient": "tập thể", "count": 5,
         "text": "05 tập thể đạt danh hiệu Tập thể lao động tiên tiến"},
        {"form": "Chiến sĩ thi đua cơ sở", "recipient": "cá nhân", "count": 6,
         "text": "06 cá nhân đạt danh hiệu Chiến sĩ thi đua cơ sở"},
        {"form": "Lao động tiên tiến", "recipient": "cá nhân", "count": 58,
         "text": "58 cá nhân đạt danh hiệu Lao động tiên tiến"},
    ],
    "metrics": [
        {"measure": "tỷ lệ hoàn thành chỉ tiêu tuyển sinh", "value": 102.3, "unit": "%",
         "text": "tuyển sinh 655/640 chỉ tiêu, đạt 102,3%"},
        {"measure": "tỷ lệ sinh viên tốt nghiệp", "value": 93.7, "unit": "%",
         "text": "tỷ lệ sinh viên tốt nghiệp đạt 93,7%"},
        {"measure": "tỷ lệ sinh viên có việc làm sau tốt nghiệp", "value": 95.1, "unit": "%",
         "text": "tỷ lệ sinh viên có việc làm sau tốt nghiệp đạt 95,1%"},
        {"measure": "đề tài nghiên cứu khoa học cấp cơ sở", "value": 7, "unit": "đề tài",
         "text": "07 đề tài nghiên cứu khoa học cấp cơ sở"},
        {"measure": "giáo trình biên soạn", "value": 4, "unit": "giáo trình", "text": "04 giáo trình"},
        {"measure": "giảng viên có trình độ tiến sĩ", "value": 15, "unit": "tiến sĩ",
         "text": "15 tiến sĩ"},
    ],
    "officer": {"name": "Ngô Thị Thùy Linh",
                "text": "Đồng chí Ngô Thị Thùy Linh, chuyên viên Phòng Tổ chức - Hành chính, phụ trách "
                        "công tác thi đua, khen thưởng"},
}

UNITS = [DHVHNT, CDYT, CDSP, CDNT, CDDD, CDMN]


# --------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------

def load_yaml(path: Path) -> dict:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def check_against_cluster(unit: dict, cluster: dict) -> None:
    member = next(m for m in cluster["members"] if m["id"] == unit["id"])
    caps = unit_text(unit, member["name"]).upper()
    assert " ".join(unit["name_lines"]) == caps, f"{unit['id']}: header name {unit['name_lines']}"
    if not unit["signature"]["authority"][0].startswith("KT."):
        assert unit["signature"]["name"] == member["head_name"], unit["id"]


def convert_to_pdf(sources: list[Path], outdir: Path) -> None:
    command = ["soffice", "--headless", f"-env:UserInstallation={LO_PROFILE}",
               "--convert-to", "pdf", "--outdir", str(outdir), *map(str, sources)]
    subprocess.run(command, check=True, timeout=600, stdout=subprocess.DEVNULL)
    for source in sources:
        if not (outdir / f"{source.stem}.pdf").exists():
            raise RuntimeError(f"LibreOffice did not convert {source.name}")


def clear_inbox() -> None:
    INBOX.mkdir(parents=True, exist_ok=True)
    for path in INBOX.iterdir():
        if path.is_file() and path.suffix.lower() in (".docx", ".pdf"):
            path.unlink()


def main() -> int:
    cluster, rubric = load_yaml(CLUSTER_FILE), load_yaml(RUBRIC_FILE)
    for unit in UNITS:
        check_against_cluster(unit, cluster)
        check_unit(unit, rubric)

    clear_inbox()
    with tempfile.TemporaryDirectory(prefix="tdkt-sample-") as tmp:
        workdir = Path(tmp)
        pending = []
        for unit in UNITS:
            doc = build_report(unit, rubric)
            if unit["format"] == "docx":
                target = INBOX / unit["file"]
                doc.save(target)
                normalize_docx_zip(target)
            else:
                source = workdir / f"{unit['id']}.docx"
                doc.save(source)
                normalize_docx_zip(source)
                pending.append((unit, source))
        convert_to_pdf([source for _, source in pending], workdir)
        for unit, source in pending:
            shutil.copyfile(workdir / f"{source.stem}.pdf", INBOX / unit["file"])
            stamp_pdf_dates(INBOX / unit["file"], report_time(unit))
            if unit.get("duplicate"):
                shutil.copyfile(INBOX / unit["file"], INBOX / unit["duplicate"])

    entries = [expected_entry(unit, rubric) for unit in UNITS]
    EXPECTED.write_text(json.dumps(entries, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    for path in sorted(INBOX.iterdir()):
        print(f"{path.stat().st_size:>8}  {path.name}")
    print(f"wrote {EXPECTED.relative_to(HERE.parent.parent)} ({len(entries)} reports)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
