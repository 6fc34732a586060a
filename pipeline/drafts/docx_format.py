"""Word building blocks of the Vietnamese administrative format (Decree 30/2020, Appendix I).

Used to build the .docx templates in templates/ (styles, page setup, the header table, the
signature block) and to check rendered drafts. Formatting lives in named Word styles, so a
reviewer can restyle a draft from Word's Styles pane.
"""

from __future__ import annotations

from docx.document import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree

FONT = "Times New Roman"
_FONT_SLOTS = ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia")
_THEME_SLOTS = ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme")

# (name, base, size pt, bold, italic, alignment, first-line indent cm, space before, space after)
_PARAGRAPH_STYLES = [
    ("TDKT Cơ quan chủ quản", None, 13, False, False, "center", 0, 0, 0),
    ("TDKT Cơ quan ban hành", None, 13, True, False, "center", 0, 0, 0),
    ("TDKT Số ký hiệu", None, 13, False, False, "center", 0, 6, 0),
    ("TDKT Quốc hiệu", None, 12, True, False, "center", 0, 0, 0),
    ("TDKT Tiêu ngữ", None, 13, True, False, "center", 0, 0, 0),
    ("TDKT Địa danh ngày tháng", None, 14, False, True, "center", 0, 6, 0),
    ("TDKT Tên loại", None, 14, True, False, "center", 0, 18, 0),
    ("TDKT Trích yếu", None, 14, True, False, "center", 0, 0, 0),
    ("TDKT Căn cứ", None, 14, False, True, "center", 0, 0, 6),
    ("TDKT Bảng", None, 12, False, False, "left", 0, 2, 2),
    ("TDKT Bảng giữa", "TDKT Bảng", 12, False, False, "center", 0, 2, 2),
    ("TDKT Bảng tiêu đề", "TDKT Bảng", 12, True, False, "center", 0, 2, 2),
    ("TDKT Bảng trích dẫn", "TDKT Bảng", 11, False, True, "left", 0, 2, 2),
    ("TDKT Bảng nhóm", "TDKT Bảng", 12, True, False, "left", 0, 2, 2),
    ("TDKT Bảng nhóm giữa", "TDKT Bảng", 12, True, False, "center", 0, 2, 2),
    ("TDKT Kính gửi", None, 14, False, False, "center", 0, 6, 6),
    ("TDKT Căn cứ văn bản", None, 14, False, True, "justify", 1.27, 0, 6),
    ("TDKT Phụ lục", None, 14, True, False, "center", 0, 0, 0),
    ("TDKT Chức vụ ký", None, 14, True, False, "center", 0, 0, 0),
    ("TDKT Họ tên ký", None, 14, True, False, "center", 0, 72, 0),
    ("TDKT Nơi nhận", None, 12, True, True, "left", 0, 0, 0),
    ("TDKT Nơi nhận cuối văn bản", "TDKT Nơi nhận", 12, True, True, "left", 0, 18, 0),
    ("TDKT Đơn vị ký", "TDKT Chức vụ ký", 13, True, False, "center", 0, 18, 0),
    ("TDKT Danh sách nơi nhận", None, 11, False, False, "left", 0, 0, 0),
    ("TDKT Ghi chú rà soát", None, 12, False, True, "justify", 1.27, 0, 6),
    ("TDKT Đường kẻ", None, 2, False, False, "center", 0, 0, 0),
]
_ALIGN = {
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}


def set_fonts(rpr_owner: etree._Element) -> None:
    """Times New Roman in every rFonts slot; python-docx's font.name sets only two of them."""
    rpr = rpr_owner.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_owner.insert(0, rpr)
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for slot in _THEME_SLOTS:
        fonts.attrib.pop(qn(slot), None)
    for slot in _FONT_SLOTS:
        fonts.set(qn(slot), FONT)


def enforce_fonts(root: etree._Element) -> None:
    """Rewrite every rFonts element under ``root`` to Times New Roman in all slots."""
    for fonts in root.iter(qn("w:rFonts")):
        for slot in _THEME_SLOTS:
            fonts.attrib.pop(qn(slot), None)
        for slot in _FONT_SLOTS:
            fonts.set(qn(slot), FONT)


def setup_document(doc: WordDocument) -> None:
    """A4 portrait, Decree 30 margins, Times New Roman styles, page numbers from page 2."""
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance, section.footer_distance = Mm(10), Mm(10)
    _defaults(doc)
    _normal_and_headings(doc)
    for spec in _PARAGRAPH_STYLES:
        _paragraph_style(doc, *spec)
    doc.styles["TDKT Phụ lục"].paragraph_format.page_break_before = True  # an appendix starts a page
    for name in ("TDKT Bảng nhóm", "TDKT Bảng nhóm giữa"):  # a group row never ends a page alone
        doc.styles[name].paragraph_format.keep_with_next = True
    unit_name = doc.styles.add_style("TDKT Tên đơn vị", WD_STYLE_TYPE.CHARACTER)
    unit_name.font.bold = True
    _page_numbers(doc)


def _defaults(doc: WordDocument) -> None:
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault")) if defaults is not None else None
    if rpr_default is not None:
        set_fonts(rpr_default)
        rpr = rpr_default.find(qn("w:rPr"))
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            rpr.append(lang)
        lang.set(qn("w:val"), "vi-VN")


def _normal_and_headings(doc: WordDocument) -> None:
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(14)
    set_fonts(normal.element)
    fmt = normal.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt.first_line_indent = Cm(1.27)
    fmt.space_before, fmt.space_after = Pt(0), Pt(6)
    fmt.line_spacing = 1.15
    fmt.widow_control = True
    for level, (size, align, indent) in {
        1: (14, WD_ALIGN_PARAGRAPH.CENTER, 0),
        2: (14, WD_ALIGN_PARAGRAPH.JUSTIFY, 1.27),
        3: (14, WD_ALIGN_PARAGRAPH.JUSTIFY, 1.27),
    }.items():
        style = doc.styles[f"Heading {level}"]
        style.base_style = normal
        font = style.font
        font.name, font.size, font.bold, font.italic = FONT, Pt(size), True, level == 3
        font.color.rgb = None
        set_fonts(style.element)
        _drop_theme_color(style.element)
        pf = style.paragraph_format
        pf.alignment = align
        pf.first_line_indent = Cm(indent)
        pf.space_before, pf.space_after = Pt(6), Pt(6)
        pf.keep_with_next = True


def _drop_theme_color(style_element: etree._Element) -> None:
    rpr = style_element.find(qn("w:rPr"))
    if rpr is None:
        return
    for tag in ("w:color",):
        for el in rpr.findall(qn(tag)):
            rpr.remove(el)


def _paragraph_style(doc: WordDocument, name: str, base: str | None, size: int, bold: bool, italic: bool,
                     align: str, indent: float, before: int, after: int) -> None:
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles[base] if base else doc.styles["Normal"]
    style.quick_style = True
    font = style.font
    font.name, font.size, font.bold, font.italic = FONT, Pt(size), bold, italic
    set_fonts(style.element)
    pf = style.paragraph_format
    pf.alignment = _ALIGN[align]
    pf.first_line_indent = Cm(indent)
    pf.space_before, pf.space_after = Pt(before), Pt(after)
    pf.line_spacing = 1.0


def _page_numbers(doc: WordDocument) -> None:
    """A centred PAGE field in the header of every page but the first (Decree 30)."""
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.style = doc.styles["TDKT Bảng giữa"]
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("separate", None), (None, "2"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        elif text == "PAGE":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = " PAGE "
        else:
            el = OxmlElement("w:t")
            el.text = text
        run._r.append(el)
    set_fonts(run._r)


def borderless(table: Table) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.append(borders)


def landscape(doc: WordDocument) -> None:
    """A4 landscape with the same margins, for an appendix whose table is too wide for portrait
    (Decree 30 allows it for tables): 252 mm of text width."""
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)


def fixed_widths(table: Table, widths_mm: list[float]) -> None:
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(width)
    grid = table._tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), widths_mm, strict=True):
        col.set(qn("w:w"), str(int(Mm(width).twips)))


def rule_below(paragraph: Paragraph, left_mm: float, right_mm: float) -> None:
    """A short horizontal rule under a paragraph: a bottom border between indents."""
    paragraph.paragraph_format.left_indent = Mm(left_mm)
    paragraph.paragraph_format.right_indent = Mm(right_mm)
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    ppr.append(borders)


def repeat_header_row(table: Table, rows: int = 1) -> None:
    for row in table.rows[:rows]:
        tr_pr = row._tr.get_or_add_trPr()
        el = OxmlElement("w:tblHeader")
        el.set(qn("w:val"), "true")
        tr_pr.append(el)


def keep_rows_together(table: Table) -> None:
    """Rows never split across pages (a signature block must not leave its name on the next page)."""
    for row in table.rows:
        tr_pr = row._tr.get_or_add_trPr()
        el = OxmlElement("w:cantSplit")
        el.set(qn("w:val"), "true")
        tr_pr.append(el)
