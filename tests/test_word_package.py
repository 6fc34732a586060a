"""The Word package read straight from its zip (extractors/docx_package.py): relationship targets,
headers linked to the previous section, parts a package may lack, and styles parts shared by
documents. The packages are written part by part (tests/generators/word_packages.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from generators.word_packages import (
    BODY,
    CORNERS,
    NUMBERING,
    STYLES,
    p,
    package,
    sect,
    style,
    styles_xml,
    write_members,
)

from extractors import extract
from pipeline.core.errors import RejectedFileError, RejectReason
from pipeline.core.model import BlockKind, Document, Part


def _read(tmp_path: Path, corner: str) -> Document:
    return extract(write_members(tmp_path / f"{corner}.docx", CORNERS[corner]()))


def _texts(document: Document, part: Part) -> list[str]:
    return [b.text for b in document.blocks if b.provenance.part is part]


@pytest.mark.parametrize("corner", ["absolute-targets", "dotted-targets", "target-outside-root"])
def test_relationship_targets_resolve_from_their_source_folder(tmp_path, corner):
    document = _read(tmp_path, corner)
    assert _texts(document, Part.HEADER) == ["Trường Cao đẳng Y tế"]
    heading, numbered = document.blocks[2], document.blocks[3]
    assert (heading.text, heading.kind, heading.level) == ("Kết quả năm 2023", BlockKind.HEADING, 1)  # styles found
    assert (numbered.text, numbered.list_label) == ("Tuyển sinh", "1.")  # numbering found


def test_a_header_linked_to_the_previous_section_is_that_sections_header(tmp_path):
    document = _read(tmp_path, "linked-headers")
    # Section 1: default and first-page headers; section 2: linked (nothing of its own); section 3:
    # an even-page header repeating the common line, which is kept once.
    assert _texts(document, Part.HEADER) == ["Đầu trang chung", "Đầu trang đầu", "Đầu trang chẵn"]
    assert _texts(document, Part.FOOTER) == ["Chân trang"]
    assert _texts(document, Part.BODY)[-2:] == ["Phần hai", "Phần ba"]


def test_a_header_relationship_that_is_missing_refuses_the_file_as_damaged(tmp_path):
    with pytest.raises(RejectedFileError) as caught:
        _read(tmp_path, "header-id-unknown")
    assert caught.value.reason is RejectReason.CORRUPT and "bị hỏng" in caught.value.message


def test_a_package_without_styles_reads_with_python_docx_default_styles(tmp_path):
    document = _read(tmp_path, "no-styles-part")
    body = [(b.text, b.kind, b.level, b.list_label) for b in document.blocks]
    # The default styles have no heading styles: a paragraph styled Heading1 is plain text; the
    # numbered one is still numbered, and inferred a heading from its number.
    assert body[:3] == [("BÁO CÁO TỔNG KẾT", BlockKind.PARAGRAPH, None, None),
                        ("Kết quả năm 2023", BlockKind.PARAGRAPH, None, None),
                        ("Tuyển sinh", BlockKind.HEADING, 2, "1.")]


def test_default_styles_take_the_next_relationship_id_as_python_docx_gave_them(tmp_path):
    # The header's relationship (rId2) is missing; the default styles added when the first paragraph
    # asks for its style take rId2, so the "header" is the styles part: no text, and no refusal.
    document = _read(tmp_path, "no-styles-header-id-taken")
    assert _texts(document, Part.HEADER) == []
    assert _texts(document, Part.BODY) == ["BÁO CÁO TỔNG KẾT", "Kết quả năm 2023", "Tuyển sinh"]


def test_a_package_without_numbering_has_no_list_labels(tmp_path):
    document = _read(tmp_path, "no-numbering-part")
    assert [b.list_label for b in document.blocks if b.kind is not BlockKind.TABLE] == [None] * 4
    table = document.tables()[0]
    assert [c.text for c in table.rows[0]] == ["", "Một", "Một", "x\nlồng"]


def test_a_style_part_shared_by_documents_is_read_the_same_in_each(tmp_path):
    first = write_members(tmp_path / "a.docx", package(BODY + sect(), numbering=NUMBERING))
    second = write_members(tmp_path / "b.docx", package(p("II. KẾT QUẢ", style="Heading2") + BODY,
                                                        numbering=NUMBERING))
    assert [(b.text, b.level) for b in extract(first).blocks][:2] == [("BÁO CÁO TỔNG KẾT", None),
                                                                       ("Kết quả năm 2023", 1)]
    assert [(b.text, b.level) for b in extract(second).blocks][:3] == [("II. KẾT QUẢ", 2),
                                                                        ("BÁO CÁO TỔNG KẾT", None),
                                                                        ("Kết quả năm 2023", 1)]


def test_a_style_that_fails_fails_in_every_document_sharing_it(tmp_path):
    members = package(BODY + p("Lẻ", style="Odd"), styles=STYLES + style("Odd", "odd", bold="-1"))
    for name in ("a.docx", "b.docx"):
        with pytest.raises(RejectedFileError) as caught:
            extract(write_members(tmp_path / name, members))
        assert caught.value.reason is RejectReason.CORRUPT and "không đúng chuẩn" in caught.value.message


def _runs(*runs: tuple[str, str]) -> str:
    """A paragraph of runs, each (its rPr elements, its text)."""
    return "<w:p>" + "".join(f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>' for rpr, text in runs) + "</w:p>"


@pytest.mark.parametrize(("runs", "level"), [
    ((("<w:rPr><w:b/></w:rPr>", "a) Tuyển sinh"),), 3),  # a lettered line reads as a heading when bold
    ((("<w:rPr><w:b/></w:rPr>", "a) Tuyển"), ("", "  "), ("<w:rPr><w:b/></w:rPr>", " sinh")), 3),  # spaces show nothing
    ((("<w:rPr><w:b/></w:rPr>", "a) Tuyển"), ("", " sinh")), None),
    ((("<w:rPr/><w:rPr><w:b/></w:rPr>", "a) Tuyển sinh"),), None),  # only a run's first rPr counts
    ((("<w:rPr><w:b/></w:rPr><w:rPr/>", "a) Tuyển sinh"),), 3),
    ((("", "a) Tuyển"), ('<w:rPr><w:b w:val="-1"/></w:rPr>', " sinh")), None),  # not read: a run before is not bold
])
def test_a_paragraph_is_bold_when_every_run_showing_text_is(tmp_path, runs, level):
    document = extract(write_members(tmp_path / "a.docx", package(BODY + _runs(*runs))))
    assert (document.blocks[-1].text, document.blocks[-1].level) == ("a) Tuyển sinh", level)


def test_a_bold_value_word_never_writes_refuses_the_file_when_read(tmp_path):
    body = BODY + _runs(('<w:rPr><w:b w:val="-1"/></w:rPr>', "a) Tuyển"), ("<w:rPr><w:b/></w:rPr>", " sinh"))
    with pytest.raises(RejectedFileError) as caught:
        extract(write_members(tmp_path / "a.docx", package(body)))
    assert caught.value.reason is RejectReason.CORRUPT and "không đúng chuẩn" in caught.value.message


def test_styles_parts_parsed_lately_are_kept_up_to_a_size(monkeypatch):
    from extractors import docx_package

    parts = [styles_xml(STYLES + style(f"S{i}", f"s{i}")).encode() for i in range(4)]
    monkeypatch.setattr(docx_package, "_PARSED_STYLES", [])
    monkeypatch.setattr(docx_package, "_KEEP_STYLES_BYTES", sum(map(len, parts[:3])))  # room for three
    first, *kept = [docx_package._parse_styles(part) for part in parts]
    assert [docx_package._parse_styles(part) for part in parts[1:]] == kept  # the same trees
    again = docx_package._parse_styles(parts[0])
    assert again is not first and again.root.tag.endswith("}styles")  # pushed out by the fourth: parsed again


@pytest.mark.parametrize(("ppr", "level", "label"), [
    ('<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>', 1, None),
    ('<w:pPr/><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>', None, None),  # only the first pPr's style
    ('<w:pPr><w:pStyle w:val="Normal"/><w:pStyle w:val="Heading1"/></w:pPr>', None, None),  # its first pStyle
    ('<w:pPr/><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>', 2, "2."),
    ('<w:pPr><w:outlineLvl w:val="9"/></w:pPr><w:pPr><w:outlineLvl w:val="1"/></w:pPr>', None, None),
    ('<w:pPr><w:pPrChange><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:pPrChange></w:pPr>', None, None),
    ('<w:pPr><w:outlineLvl w:val="1"/></w:pPr>', 2, None),
])
def test_a_paragraphs_properties_are_its_first_of_each_under_its_own_pprs(tmp_path, ppr, level, label):
    body = BODY + f'<w:p>{ppr}<w:r><w:t>Kết quả thi đua</w:t></w:r></w:p>'
    block = extract(write_members(tmp_path / "a.docx", package(body, numbering=NUMBERING))).blocks[-1]
    assert (block.text, block.level, block.list_label) == ("Kết quả thi đua", level, label)


def test_a_cells_span_and_merge_are_its_own_tcprs_first(tmp_path):
    def tc(props: str, text: str) -> str:
        return f"<w:tc>{props}<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"
    nested = "<w:tbl><w:tr>" + tc('<w:tcPr><w:gridSpan w:val="3"/></w:tcPr>', "lồng") + "</w:tr></w:tbl>"
    rows = [tc('<w:tcPr><w:gridSpan w:val="2"/><w:gridSpan w:val="3"/><w:vMerge w:val="restart"/></w:tcPr>', "A")
            + f"<w:tc>{nested}<w:p/></w:tc>",
            tc("<w:tcPr/><w:tcPr><w:vMerge/></w:tcPr>", "") + tc("", "B"),
            tc('<w:tcPr><w:tcPrChange><w:tcPr><w:gridSpan w:val="2"/></w:tcPr></w:tcPrChange></w:tcPr>', "C")
            + tc("", "D")]
    body = "<w:tbl>" + "".join(f"<w:tr>{row}</w:tr>" for row in rows) + "</w:tbl>"
    table = extract(write_members(tmp_path / "a.docx", package(body))).tables()[0]
    assert [[c.text for c in row] for row in table.rows] == [["A", "A", "lồng"], ["A", "B", ""], ["C", "D", ""]]
    assert (table.rows[0][0].row_span, table.rows[1][0].merged_from) == (2, (0, 0))


@pytest.mark.parametrize("loop", [["Loop"], ["LoopA", "LoopB"], ["LoopA", "LoopB", "LoopC"]])
def test_a_based_on_chain_that_loops_ends_where_it_closes(tmp_path, loop):
    """python-docx followed such a chain for ever (the run's time limit then set the file aside): the
    chain now ends at the style it would read again, each style of the loop having given what it
    holds (here the heading name of the last one)."""
    names = {style_id: f"loop {i}" for i, style_id in enumerate(loop)}
    names[loop[-1]] = "heading 2"
    styles = STYLES + "".join(style(style_id, names[style_id], based_on=loop[(i + 1) % len(loop)])
                              for i, style_id in enumerate(loop))
    styles += style("Self", "plain loop", based_on="Self")
    body = p("Kết quả năm 2023", style=loop[0]) + p("Tuyển sinh", style="Self") + sect()
    document = extract(write_members(tmp_path / "loop.docx", package(body, styles=styles)))
    assert [(b.text, b.kind, b.level) for b in document.blocks] == [
        ("Kết quả năm 2023", BlockKind.HEADING, 2), ("Tuyển sinh", BlockKind.PARAGRAPH, None)]


@pytest.mark.parametrize("corner", ["header-id-missing", "style-name-without-value", "style-based-on-quote",
                                    "styles-is-document"])
def test_a_malformed_part_python_docx_stumbled_on_is_refused_in_plain_words(tmp_path, corner):
    """A header reference without its id, a style name without its value, a base style id holding a
    quote, a styles relationship leading back to the document: python-docx raised errors of its own
    (or recursed until Python stopped it), which set the file aside as an internal error."""
    with pytest.raises(RejectedFileError) as caught:
        _read(tmp_path, corner)
    assert caught.value.reason is RejectReason.CORRUPT
    assert caught.value.message.startswith("cấu trúc bên trong tệp Word (.docx) không đúng chuẩn")


def _box(content: str, *, fallback: bool = True) -> str:
    """A text box as Word writes it: DrawingML, and (``fallback``) the same box again in VML."""
    choice = f'<w:drawing><wps:txbx><w:txbxContent>{content}</w:txbxContent></wps:txbx></w:drawing>'
    if not fallback:
        return choice
    return (f'<mc:AlternateContent><mc:Choice Requires="wps">{choice}</mc:Choice><mc:Fallback><w:pict>'
            f'<w:txbxContent>{content}</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent>')


def test_a_text_box_is_read_once_after_the_paragraph_holding_it(tmp_path):
    """Units put their name, the document's number or the signature in text boxes: their paragraphs
    and tables are blocks after the paragraph that anchors them, never twice (Word's VML copy), a box
    in a box with its box, a box in a deleted run not at all (not even as an empty table)."""
    unit = p("TRƯỜNG CAO ĐẲNG Y TẾ", bold="1") + p("Số: 15/BC-CĐYT")
    inner = p("Hộp ngoài") + f"<w:p><w:r>{_box(p('Hộp trong'), fallback=False)}</w:r></w:p>"
    deleted_table = f"<w:tbl><w:tr><w:tc>{p('Bảng đã xóa')}</w:tc></w:tr></w:tbl>"
    body = (p("Trước hộp")
            + f'<w:p><w:r>{_box(unit)}</w:r><w:r><w:t>Neo</w:t></w:r></w:p>'
            + f'<w:p><w:r>{_box(inner)}</w:r></w:p>'
            + f'<w:p><w:del w:id="1" w:author="A"><w:r>{_box(p("Đã xóa") + deleted_table)}</w:r></w:del>'
              '<w:r><w:t>Còn lại</w:t></w:r></w:p>'
            + p("Sau hộp") + sect())
    document = extract(write_members(tmp_path / "boxes.docx", package(body)))
    assert [(b.text, b.provenance.paragraph) for b in document.blocks] == [
        ("Trước hộp", 0), ("Neo", 1), ("TRƯỜNG CAO ĐẲNG Y TẾ", 2), ("Số: 15/BC-CĐYT", 3),
        ("Hộp ngoài", 4), ("Hộp trong", 5), ("Còn lại", 6), ("Sau hộp", 7)]


def test_a_text_box_in_a_header_is_part_of_the_header(tmp_path):
    members = package(BODY + sect(("header", "default", "rIdH1")),
                      headers={"rIdH1": f'<w:p><w:r>{_box(p("ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI"))}</w:r></w:p>'})
    document = extract(write_members(tmp_path / "header-box.docx", members))
    assert _texts(document, Part.HEADER) == ["ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI"]


def test_a_text_box_in_a_table_cell_is_part_of_the_cells_text(tmp_path):
    """The header table of a report, its left cell's unit name in a text box: the cell reads the
    anchoring paragraph's text, then the box's, once."""
    cell = f'<w:p><w:r><w:t>UBND THÀNH PHỐ HÀ NỘI</w:t></w:r><w:r>{_box(p("TRƯỜNG CAO ĐẲNG Y TẾ"))}</w:r></w:p>'
    table = (f"<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:tr><w:tc>{cell}</w:tc>"
             f"<w:tc>{p('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')}</w:tc></w:tr></w:tbl>")
    document = extract(write_members(tmp_path / "cell-box.docx", package(table + p("BÁO CÁO") + sect())))
    header = document.blocks[0]
    assert header.kind is BlockKind.TABLE
    assert header.row_texts(0) == ["UBND THÀNH PHỐ HÀ NỘI\nTRƯỜNG CAO ĐẲNG Y TẾ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
    assert [b.text for b in document.blocks[1:]] == ["BÁO CÁO"]
