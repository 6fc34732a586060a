"""The PDF extractor on text PDFs made by LibreOffice from Word: lines, paragraphs, tables."""

import sys
from pathlib import Path

import docx
import pytest

from extractors import extract
from extractors.pdf_chars import _LAST_SPACE, is_space
from extractors.pdf_lines import Line, paragraph_text, paragraphs
from pipeline.core.errors import RejectedFileError, RejectReason
from pipeline.core.model import BlockKind, Part

SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "cluster18-2023" / "inbox"
CDYT = SAMPLE / "Bao cao tong ket thi dua 2023_CDYT.pdf"


def test_header_columns_are_read_column_by_column():
    document = extract(CDYT)
    texts = [b.text for b in document.blocks[:8]]
    assert "TRƯỜNG CAO ĐẲNG\nY TẾ THỦ ĐÔ\nSố: 125/BC-CĐYT" in texts
    assert "Hà Nội, ngày 12 tháng 12 năm 2023" in texts
    assert document.pages == 5


def test_page_numbers_are_not_body_text():
    document = extract(CDYT)
    numbers = [(b.provenance.page, b.text) for b in document.blocks if b.provenance.part is Part.HEADER]
    assert numbers == [(2, "2"), (3, "3"), (4, "4"), (5, "5")]


def test_table_split_across_pages_is_one_table_with_its_rows():
    tables = extract(CDYT).tables()
    assert len(tables) == 1
    table = tables[0]
    assert table.provenance.page == 3
    assert len(table.rows) == 27  # header (repeated on page 4, kept once), 5 groups, 20 criteria, total
    assert [c.text for c in table.rows[0]] == ["TT", "Nội dung", "Điểm chuẩn", "Tự chấm", "Minh chứng"]
    assert [c.text for c in table.rows[2][:4]] == ["1", "Hoàn thành chỉ tiêu tuyển sinh được giao", "10", "10"]
    assert table.rows[-1][1].text.lower().startswith("tổng")


def test_paragraphs_keep_page_provenance():
    document = extract(CDYT)
    paragraph = next(b for b in document.blocks if "1.365 người học" in b.text)
    assert paragraph.kind is BlockKind.PARAGRAPH
    assert paragraph.provenance.page == 1
    assert "tỷ lệ tốt nghiệp đạt 96,1%" in paragraph.text


def test_merged_header_cells_resolved_in_pdf(tmp_path: Path, to_pdf):
    doc = docx.Document()
    table = doc.add_table(rows=3, cols=4)
    table.style = doc.styles["Table Grid"]
    table.cell(0, 0).merge(table.cell(1, 0)).text = "STT"
    table.cell(0, 1).merge(table.cell(1, 1)).text = "Tiêu chí"
    table.cell(0, 2).merge(table.cell(0, 3)).text = "Điểm"
    table.cell(1, 2).text, table.cell(1, 3).text = "Tối đa", "Tự chấm"
    for c, value in enumerate(["1", "Tuyển sinh", "10", "9,5"]):
        table.cell(2, c).text = value
    doc.save(tmp_path / "merged.docx")
    [pdf] = to_pdf([tmp_path / "merged.docx"], tmp_path)
    rows = extract(pdf).tables()[0].rows
    assert [c.text for c in rows[0]] == ["STT", "Tiêu chí", "Điểm", "Điểm"]
    assert [c.text for c in rows[1]] == ["STT", "Tiêu chí", "Tối đa", "Tự chấm"]
    assert rows[0][2].col_span == 2 and rows[1][0].merged_from == (0, 0)


def test_truncated_pdf_is_rejected(tmp_path: Path):
    broken = tmp_path / "cut.pdf"
    broken.write_bytes(CDYT.read_bytes()[:20000])
    with pytest.raises(RejectedFileError) as err:
        extract(broken)
    assert err.value.reason is RejectReason.CORRUPT
    assert "PDF bị hỏng hoặc chưa được sao chép hết" in err.value.message


def test_password_protected_pdf_is_rejected(tmp_path: Path, to_pdf):
    doc = docx.Document()
    doc.add_paragraph("Báo cáo mật")
    doc.save(tmp_path / "locked.docx")
    options = ('pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},'
               '"DocumentOpenPassword":{"type":"string","value":"123"}}')
    [pdf] = to_pdf([tmp_path / "locked.docx"], tmp_path / "out", options)
    with pytest.raises(RejectedFileError) as err:
        extract(pdf)
    assert err.value.reason is RejectReason.ENCRYPTED
    assert "mật khẩu" in err.value.message


def _page(rows: list[tuple[str, float]]) -> list[Line]:
    """Lines as a page without paragraph spacing places them: from the left margin (72 pt), 16 pt
    apart, each ending at the x given (523: the right margin)."""
    return [Line(text=text, x0=72.0, x1=x1, top=100.0 + 16 * i - 12, bottom=100.0 + 16 * i)
            for i, (text, x1) in enumerate(rows)]


def test_a_heading_in_capitals_ends_where_text_not_in_capitals_follows():
    lines = _page([
        ("I. THỰC HIỆN NHIỆM VỤ CHÍNH TRỊ, CHUYÊN MÔN ĐƯỢC GIAO", 520.0),  # as wide as the text
        ("Hoàn thành chỉ tiêu tuyển sinh được giao", 300.0),
        ("Đơn vị đã triển khai đầy đủ các nội dung theo kế hoạch, có văn bản minh chứng kèm", 523.0),
        ("theo và các biên bản kiểm tra.", 250.0),
        ("- ĐƯỢC TẶNG CỜ THI ĐUA, BẰNG KHEN CỦA CHÍNH PHỦ, BỘ, NGÀNH HOẶC", 521.0),
        ("THÀNH PHỐ TRONG NĂM: tự chấm 2 điểm", 260.0),  # a title in capitals goes on
        ("ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI, SỞ GIÁO DỤC VÀ ĐÀO TẠO HÀ NỘI,", 522.0),
        ("trao tặng Bằng khen cho tập thể Nhà trường.", 310.0),  # after a comma: one sentence
    ])
    assert [paragraph_text(p) for p in paragraphs(lines, 842.0)] == [
        "I. THỰC HIỆN NHIỆM VỤ CHÍNH TRỊ, CHUYÊN MÔN ĐƯỢC GIAO",
        "Hoàn thành chỉ tiêu tuyển sinh được giao",
        "Đơn vị đã triển khai đầy đủ các nội dung theo kế hoạch, có văn bản minh chứng kèm theo và các biên bản "
        "kiểm tra.",
        "- ĐƯỢC TẶNG CỜ THI ĐUA, BẰNG KHEN CỦA CHÍNH PHỦ, BỘ, NGÀNH HOẶC THÀNH PHỐ TRONG NĂM: tự chấm 2 điểm",
        "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI, SỞ GIÁO DỤC VÀ ĐÀO TẠO HÀ NỘI, trao tặng Bằng khen cho tập thể Nhà "
        "trường.",
    ]


def test_spaces_of_a_page_are_found_as_str_isspace_finds_them():
    """pdf_chars looks spaces up in a table that stops at U+3000: no code point above it is one."""
    assert not any(chr(c).isspace() for c in range(_LAST_SPACE + 1, sys.maxunicode + 1))
    text = "".join(chr(c) for c in range(_LAST_SPACE + 2)) + "a\u3000b\U0001f600 \ud800"
    assert is_space(text).tolist() == [ch.isspace() for ch in text]
