"""PDF tables as LibreOffice lays out long criteria tables: a table over three pages or more, a
two-row header repeated on every page, a group cell merged down across a page break, and cell
lines that start with a bullet (the generated criteria documents found each of these)."""

from pathlib import Path

import docx
from docx.oxml import OxmlElement

from extractors import extract
from extractors.pdf_cells import _join_wrapped


def _repeat_header(row) -> None:
    row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))


def _long_table(path: Path, rows: int, group_column: bool) -> Path:
    """'Nhóm | TT | Nội dung | Điểm' under a two-row header ("Điểm" over "Chuẩn | Thưởng"), the
    header repeated on each page; with a group column, one group cell merged down 40 rows."""
    doc = docx.Document()
    doc.add_paragraph("BẢNG TIÊU CHÍ CHẤM ĐIỂM THI ĐUA")
    cols = ["Nhóm", "TT", "Nội dung", "Điểm", "Điểm"]
    table = doc.add_table(rows=2 + rows, cols=len(cols))
    table.style = doc.styles["Table Grid"]
    grid = [list(r.cells) for r in table.rows]
    for c in (0, 1, 2):
        grid[0][c].merge(grid[1][c]).text = cols[c]
    grid[0][3].merge(grid[0][4]).text = "Điểm"
    grid[1][3].text, grid[1][4].text = "Chuẩn", "Thưởng"
    for r in (0, 1):
        _repeat_header(table.rows[r])
    for i in range(rows):
        table.rows[2 + i]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))  # whole rows on a page
        cells = grid[2 + i]
        cells[1].text = str(i + 1)
        cells[2].text = f"Tiêu chí số {i + 1} về công tác chuyên môn"
        cells[3].text = "1"
    if group_column:
        grid[2][0].merge(grid[41][0]).text = "I. Công tác chuyên môn"
        grid[42][0].merge(grid[1 + rows][0]).text = "II. Công tác thi đua"
    doc.save(str(path))
    return path


def test_a_table_over_three_pages_is_one_table_without_repeated_headers(tmp_path, to_pdf):
    [pdf] = to_pdf([_long_table(tmp_path / "dai.docx", 110, group_column=False)], tmp_path)
    document = extract(pdf)
    assert document.pages >= 3
    [table] = document.tables()
    assert [c.text for c in table.rows[0]] == ["Nhóm", "TT", "Nội dung", "Điểm", "Điểm"]
    assert [c.text for c in table.rows[1]] == ["Nhóm", "TT", "Nội dung", "Chuẩn", "Thưởng"]
    body = table.rows[2:]
    assert [r[1].text for r in body] == [str(i + 1) for i in range(110)]  # no header row repeated inside


def test_a_group_cell_merged_down_across_a_page_break_holds_every_row_it_spans(tmp_path, to_pdf):
    [pdf] = to_pdf([_long_table(tmp_path / "nhom.docx", 70, group_column=True)], tmp_path)
    document = extract(pdf)
    assert document.pages >= 2
    [table] = document.tables()
    groups = {r[1].text: r[0].text for r in table.rows[2:]}
    assert len(groups) == 70
    assert {groups[str(i)] for i in range(1, 41)} == {"I. Công tác chuyên môn"}
    assert {groups[str(i)] for i in range(41, 71)} == {"II. Công tác thi đua"}


def test_cell_lines_keep_bullets_and_spaced_dashes(tmp_path, to_pdf):
    doc = docx.Document()
    table = doc.add_table(rows=2, cols=2)
    table.style = doc.styles["Table Grid"]
    table.cell(0, 0).text, table.cell(0, 1).text = "Nội dung", "Điểm"
    cell = table.cell(1, 0)
    cell.text = "Phát triển kinh tế - xã hội"
    cell.add_paragraph("- Có kế hoạch, văn bản triển khai: 1 điểm;")
    cell.add_paragraph("- Có báo cáo kết quả: 1 điểm.")
    table.cell(1, 1).text = "2"
    doc.save(str(tmp_path / "gach.docx"))
    [pdf] = to_pdf([tmp_path / "gach.docx"], tmp_path)
    [table] = extract(pdf).tables()
    assert table.rows[1][0].text == ("Phát triển kinh tế - xã hội - Có kế hoạch, văn bản triển khai: 1 điểm; "
                                     "- Có báo cáo kết quả: 1 điểm.")


def test_a_word_hyphen_at_a_line_end_joins_the_next_line():
    assert _join_wrapped("Quyết định số 45/QĐ-", "CĐYT ngày 12") == "Quyết định số 45/QĐ-CĐYT ngày 12"
    assert _join_wrapped("kinh tế -", "xã hội") == "kinh tế - xã hội"
    assert _join_wrapped("Tuyển sinh:", "- Có kế hoạch") == "Tuyển sinh: - Có kế hoạch"
    assert _join_wrapped("", "Dòng đầu") == "Dòng đầu"
