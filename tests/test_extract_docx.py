"""The .docx extractor: document order, headings, numbering, merged cells, headers and footers."""

from pathlib import Path

import docx
import pytest

from extractors import extract
from pipeline.core.errors import RejectedFileError, RejectReason
from pipeline.core.model import BlockKind, Part


@pytest.fixture()
def word_file(tmp_path: Path) -> Path:
    doc = docx.Document()
    doc.sections[0].header.paragraphs[0].text = "Trường Cao đẳng Y tế Thủ đô"
    doc.sections[0].footer.paragraphs[0].text = "Báo cáo thi đua 2023"
    doc.add_paragraph("Tổng kết năm 2023", style="Heading 1")
    doc.add_paragraph("Tuyển sinh vượt chỉ tiêu.", style="List Number")
    doc.add_paragraph("Tỷ lệ có việc làm đạt 92,5%.", style="List Number")
    table = doc.add_table(rows=3, cols=4)
    table.cell(0, 0).merge(table.cell(1, 0)).text = "STT"
    table.cell(0, 2).merge(table.cell(0, 3)).text = "Điểm"
    table.cell(1, 2).text, table.cell(1, 3).text = "Tối đa", "Tự chấm"
    for c, value in enumerate(["1", "Tuyển sinh", "10", "9,5"]):
        table.cell(2, c).text = value
    doc.add_paragraph("II. KẾT QUẢ")
    doc.add_paragraph("Ba\u0301o ca\u0301o cuối.")  # decomposed "á"
    path = tmp_path / "báo cáo.docx"
    doc.save(path)
    return path


def test_blocks_in_document_order_with_provenance(word_file: Path):
    document = extract(word_file)
    body = [b for b in document.blocks if b.provenance.part is Part.BODY]
    assert [b.kind for b in body] == [
        BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.PARAGRAPH, BlockKind.TABLE, BlockKind.HEADING,
        BlockKind.PARAGRAPH,
    ]
    assert body[0].level == 1
    assert body[4].level == 1  # "II. …" inferred from numbering in a Normal paragraph
    assert [b.provenance.paragraph for b in body] == [0, 1, 2, 3, 4, 5]
    assert body[3].provenance.table == 0
    assert document.file == "báo cáo.docx" and len(document.sha256) == 64


def test_automatic_numbering_is_read(word_file: Path):
    body = [b for b in extract(word_file).blocks if b.provenance.part is Part.BODY]
    assert (body[1].list_label, body[2].list_label) == ("1.", "2.")


def test_merged_cells_fill_the_grid(word_file: Path):
    table = extract(word_file).tables()[0]
    assert [c.text for c in table.rows[0]] == ["STT", "", "Điểm", "Điểm"]
    assert [c.text for c in table.rows[1]] == ["STT", "", "Tối đa", "Tự chấm"]
    assert table.rows[0][0].row_span == 2 and table.rows[1][0].merged_from == (0, 0)
    assert table.rows[0][2].col_span == 2 and table.rows[0][3].merged_from == (0, 2)
    assert [c.text for c in table.rows[2]] == ["1", "Tuyển sinh", "10", "9,5"]


def test_headers_footers_and_nfc(word_file: Path):
    document = extract(word_file)
    parts = {b.provenance.part: b.text for b in document.blocks if b.provenance.part is not Part.BODY}
    assert parts == {Part.HEADER: "Trường Cao đẳng Y tế Thủ đô", Part.FOOTER: "Báo cáo thi đua 2023"}
    last = [b for b in document.blocks if b.provenance.part is Part.BODY][-1]
    assert last.raw == "Ba\u0301o ca\u0301o cuối." and last.text == "Báo cáo cuối."


def test_truncated_docx_is_rejected_with_a_plain_reason(word_file: Path, tmp_path: Path):
    broken = tmp_path / "cut.docx"
    broken.write_bytes(word_file.read_bytes()[:3000])
    with pytest.raises(RejectedFileError) as err:
        extract(broken)
    assert err.value.reason is RejectReason.CORRUPT
    assert "bị hỏng hoặc chưa được sao chép hết" in err.value.message


def test_short_unicode_cells_are_not_taken_for_vni(tmp_path):
    """"uyê", "iê", "uâ" look like VNI mark sequences but are plain Unicode Vietnamese."""
    import docx as word

    from extractors import extract

    doc = word.Document()
    table = doc.add_table(rows=1, cols=3)
    for cell, text in zip(table.rows[0].cells, ("Chuyên môn", "Quân sự", "Biên chế"), strict=True):
        cell.text = text
    doc.save(str(tmp_path / "t.docx"))
    cells = [c.text for c in extract(tmp_path / "t.docx").tables()[0].rows[0]]
    assert cells == ["Chuyên môn", "Quân sự", "Biên chế"]
