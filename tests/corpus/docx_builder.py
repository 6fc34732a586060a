"""Write a report (content.Report) as a .docx in the administrative format units use.

Every piece of text goes through a *writing* (writing.py), which decides fonts and encodings;
the *layout* (table_spec.Layout) decides what the document holds and how the table is shaped.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import docx
import table_spec
from content import CLUSTER, SCORES_INTRO, SUMMARY, TABLE_TITLE, Report
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from table_spec import Layout
from writing import RunSpec

FIXED_TIME = dt.datetime(2023, 12, 12, 8, 0, 0)
ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
         "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}
TEXT_WIDTH_CM = 16.5  # A4 less 3 cm left and 1.5 cm right margins
# Elements that may follow <w:spacing> inside <w:rPr> (schema order).
_AFTER_SPACING = ("w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u",
                  "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs",
                  "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath")
_COLUMN_CM = {"tt": 1.1, "max": 1.8, "self": 1.8}
_COMPACT_COLUMN_CM = {"tt": 1.0, "max": 1.5, "self": 1.6, "cluster": 1.6, "evidence": 2.6, "note": 1.8}


class DocxBuilder:
    def __init__(self, writing, body_font: str, size: float = 13):
        self.doc = docx.Document()
        self.writing, self.size = writing, size
        self._page_setup()
        self._default_font(body_font)

    # -- set-up ------------------------------------------------------------------------------

    def _page_setup(self) -> None:
        section = self.doc.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(20), Mm(20)
        section.left_margin, section.right_margin = Mm(30), Mm(15)

    def _default_font(self, font: str) -> None:
        style = self.doc.styles["Normal"]
        style.font.size = Pt(self.size)
        _set_fonts(style.element.get_or_add_rPr(), font)

    def _fix_properties(self, title: str) -> None:
        props = self.doc.core_properties
        props.author = props.last_modified_by = "Phòng Tổ chức - Hành chính"
        props.title, props.revision, props.comments = title, 1, ""
        props.created = props.modified = props.last_printed = FIXED_TIME

    # -- text --------------------------------------------------------------------------------

    def paragraph(self, text: str, role: str, container=None, *, bold=False, italic=False,
                  size=None, align="left", indent=False, space_after=6, reuse=False):
        """Add a paragraph (in the body, or in a table cell when ``container`` is one)."""
        container = container if container is not None else self.doc
        if reuse and container.paragraphs and not container.paragraphs[-1].text:
            p = container.paragraphs[-1]
        else:
            p = container.add_paragraph()
        fmt = p.paragraph_format
        fmt.alignment = ALIGN[align]
        fmt.space_before, fmt.space_after = Pt(0), Pt(space_after)
        if indent:
            fmt.first_line_indent = Cm(1)
        if text:
            for spec in self.writing.runs(text, role):
                _add_run(p, spec, bold, italic, size or self.size)
        return p

    # -- parts of the document ---------------------------------------------------------------

    def national_header(self, report: Report) -> None:
        table = self._borderless(2, [7.0, 9.5])
        left, right = table.cell(0, 0), table.cell(0, 1)
        unit = report.unit
        self.paragraph(unit.parent_caps, "parent", left, size=12, align="center", space_after=0, reuse=True)
        self.paragraph(unit.name.upper(), "unit", left, size=12, bold=True, align="center")
        self.paragraph(f"Số: {report.doc_number}", "number", left, align="center", space_after=0)
        self.paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "national", right, size=12, bold=True,
                       align="center", space_after=0, reuse=True)
        self.paragraph("Độc lập - Tự do - Hạnh phúc", "motto", right, bold=True, align="center")
        self.paragraph(report.place_date, "place_date", right, italic=True, align="center", space_after=0)

    def short_header(self, report: Report) -> None:
        """Header of a table sent on its own: parent body and unit; no number, no national motto
        (the title line names the report the table goes with)."""
        self.paragraph(report.unit.parent_caps, "parent", size=12, space_after=0)
        self.paragraph(report.unit.name.upper(), "unit", size=12, bold=True, space_after=12)

    def title(self) -> None:
        self.paragraph("BÁO CÁO", "title", bold=True, size=14, align="center", space_after=0)
        self.paragraph(SUMMARY, "summary", bold=True, size=14, align="center", space_after=12)

    def narrative(self, report: Report) -> None:
        for block in report.blocks:
            if block.kind == "section":
                self.paragraph(block.text, "section", bold=True, align="justify")
            else:
                self.paragraph(block.text, "body", align="justify", indent=True)

    def scores_intro(self, new_page: bool) -> None:
        p = self.paragraph("III. KẾT QUẢ TỰ CHẤM ĐIỂM", "section", bold=True)
        p.paragraph_format.page_break_before = new_page
        self.paragraph(SCORES_INTRO, "body", align="justify", indent=True)

    def table_title(self, report: Report, attached: bool) -> None:
        """The table's title; a table sent on its own names the report it goes with."""
        self.paragraph(TABLE_TITLE, "table_title", bold=True, align="center", space_after=0 if attached else 6)
        if attached:
            self.paragraph(f"(Kèm theo Báo cáo số {report.doc_number})", "body", italic=True, align="center")

    def score_table(self, report: Report, layout: Layout) -> None:
        columns = layout.columns
        widths = _widths(columns)
        header_rows = 2 if layout.merged_header else 1
        rows = table_spec.rows(report, layout)
        table = self.doc.add_table(rows=header_rows + len(rows), cols=len(columns))
        table.style = self.doc.styles["Table Grid"]
        _set_widths(table, widths)
        size = 12 if len(columns) <= 4 else 10.5
        if layout.merged_header:
            self._merged_header(table, columns, size)
        else:
            for cell, label in zip(table.rows[0].cells, table_spec.header_labels(layout), strict=True):
                self._cell(cell, label, "head_cell", size, bold=True, align="center")
        for r in range(header_rows):
            if layout.repeat_header:
                _repeat_header(table.rows[r])
        for row, spec in zip(table.rows[header_rows:], rows, strict=True):
            bold = spec.kind != "criterion"
            for cell, column in zip(row.cells, columns, strict=True):
                text = spec.cells.get(column, "")
                align = "left" if column in ("title", "evidence", "note") else "center"
                self._cell(cell, text, "cell", size, bold=bold, align=align)

    def _merged_header(self, table, columns, size) -> None:
        score_cols = [i for i, c in enumerate(columns) if c in ("max", "self")]
        for i in range(len(columns)):
            if i not in score_cols:
                table.cell(0, i).merge(table.cell(1, i))
        table.cell(0, score_cols[0]).merge(table.cell(0, score_cols[-1]))
        labels = {"tt": "TT", "title": "Nội dung"}
        for i, column in enumerate(columns):
            if i not in score_cols:
                label = labels.get(column, table_spec.COLUMN_LABELS[column])
                self._cell(table.cell(0, i), label, "head_cell", size, bold=True, align="center")
        self._cell(table.cell(0, score_cols[0]), "Điểm", "head_cell", size, bold=True, align="center")
        for i, label in zip(score_cols, ("Tối đa", "Tự chấm"), strict=True):
            self._cell(table.cell(1, i), label, "head_cell", size, bold=True, align="center")

    def _cell(self, cell, text, role, size, bold=False, align="left") -> None:
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        self.paragraph(text, role, cell, size=size, bold=bold, align=align, space_after=0, reuse=True)

    def signature(self, report: Report) -> None:
        self.paragraph("", "body", space_after=0)
        table = self._borderless(2, [7.5, 9.0])
        left, right = table.cell(0, 0), table.cell(0, 1)
        self.paragraph("Nơi nhận:", "recipients", left, size=12, bold=True, italic=True,
                       space_after=0, reuse=True)
        for line in (f"- {CLUSTER};", "- Lưu: VT, TCHC."):
            self.paragraph(line, "recipients", left, size=11, space_after=0)
        self.paragraph(report.unit.head_title.upper(), "sign_title", right, bold=True,
                       align="center", space_after=0, reuse=True)
        for _ in range(4):
            self.paragraph("", "body", right, space_after=0)
        self.paragraph(report.unit.head_name, "sign_name", right, bold=True, align="center", space_after=0)

    def _borderless(self, cols: int, widths_cm: list[float]):
        table = self.doc.add_table(rows=1, cols=cols)
        _set_widths(table, widths_cm)
        return table

    # -- sections ----------------------------------------------------------------------------

    def section_break(self, columns: int) -> None:
        """End the current section (continuous break); the section ended gets ``columns``."""
        self.doc.add_section(WD_SECTION.CONTINUOUS)
        ended = self.doc.sections[-2]._sectPr
        _set_columns(ended, columns)
        _set_columns(self.doc.sections[-1]._sectPr, 1)

    def save(self, path: Path, title: str) -> Path:
        self._fix_properties(title)
        self.doc.save(path)
        fix_zip_times(path)
        return path


def build_report(report: Report, layout: Layout, writing, body_font: str, path: Path) -> Path:
    """The whole document a layout asks for."""
    b = DocxBuilder(writing, body_font)
    if layout.table_document:
        b.short_header(report)
        b.table_title(report, attached=True)
        b.score_table(report, layout)
        b.signature(report)
        return b.save(path, TABLE_TITLE)
    b.national_header(report)
    b.paragraph("", "body", space_after=0)
    b.title()
    if layout.narrative and layout.two_columns:
        b.section_break(1)
        b.narrative(report)
        b.section_break(2)
    elif layout.narrative:
        b.narrative(report)
    if layout.table:
        b.scores_intro(layout.table_on_new_page)
        b.table_title(report, attached=False)
        b.score_table(report, layout)
    b.signature(report)
    return b.save(path, "Báo cáo tổng kết thi đua, khen thưởng")


# --- low-level helpers --------------------------------------------------------------------------


def _set_fonts(rpr, font: str) -> None:
    fonts = rpr.get_or_add_rFonts()
    for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(slot), font)


def _add_run(p, spec: RunSpec, bold: bool, italic: bool, size: float) -> None:
    run = p.add_run()
    run.bold, run.italic, run.font.size = bold or None, italic or None, Pt(size)
    rpr = run._r.get_or_add_rPr()
    _set_fonts(rpr, spec.font)
    if spec.caps:
        run.font.all_caps = True
    if spec.spacing:
        spacing = OxmlElement("w:spacing")
        spacing.set(qn("w:val"), str(spec.spacing))
        rpr.insert_element_before(spacing, *_AFTER_SPACING)
    if spec.soft_hyphen_element and "\u00ad" in spec.text:
        for i, piece in enumerate(spec.text.split("\u00ad")):
            if i:
                run._r.append(OxmlElement("w:softHyphen"))
            if piece:
                _append_text(run._r, piece)
    else:
        _append_text(run._r, spec.text)


def _append_text(r, text: str) -> None:
    t = OxmlElement("w:t")
    t.text = text
    t.set(qn("xml:space"), "preserve")
    r.append(t)


def _widths(columns: tuple[str, ...]) -> list[float]:
    """Column widths (cm): fixed for numbers and notes, the rest for the criterion's title."""
    widths = _COLUMN_CM if len(columns) <= 4 else _COMPACT_COLUMN_CM
    fixed = sum(widths[c] for c in columns if c != "title")
    return [TEXT_WIDTH_CM - fixed if c == "title" else widths[c] for c in columns]


def _set_widths(table, widths_cm: list[float]) -> None:
    table.autofit = False
    for column, width in zip(table.columns, widths_cm, strict=True):
        column.width = Cm(width)
        for cell in column.cells:
            cell.width = Cm(width)


def _repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    tr_pr.append(header)


def _set_columns(sect_pr, count: int) -> None:
    cols = sect_pr.find(qn("w:cols"))
    if cols is None:
        cols = OxmlElement("w:cols")
        sect_pr.insert_element_before(cols, "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg",
                                      "w:textDirection", "w:bidi", "w:rtlGutter", "w:docGrid",
                                      "w:printerSettings", "w:sectPrChange")
    cols.set(qn("w:num"), str(count))
    cols.set(qn("w:space"), "567")


def fix_zip_times(path: Path, transform=None) -> None:
    """Rewrite a zip package with fixed member dates, so rebuilding gives the same bytes;
    ``transform(name, data) -> data`` may patch members on the way."""
    with zipfile.ZipFile(path) as zin:
        members = [(info, zin.read(info)) for info in zin.infolist()]
    if transform:
        members = [(info, transform(info.filename, data)) for info, data in members]
    with zipfile.ZipFile(path, "w") as zout:
        for old, data in members:  # same order and compression (an .odt's mimetype stays first, stored)
            info = zipfile.ZipInfo(old.filename, date_time=FIXED_TIME.timetuple()[:6])
            info.compress_type, info.external_attr = old.compress_type, old.external_attr
            zout.writestr(info, data)
