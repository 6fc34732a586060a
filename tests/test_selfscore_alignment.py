"""Units' self-scoring tables read against the rubric, on the layouts other clusters' reports
used (each built in code): the rubric is the schema, the unit's numbering is its own."""

from __future__ import annotations

import pytest

from pipeline.config.rubric import Criterion, Group, GroupKind, Rubric
from pipeline.core.model import Block, BlockKind, Cell, Document, DocumentFormat, Provenance
from pipeline.understanding.facts import RowKind
from pipeline.understanding.selfscore import find_self_score_table
from pipeline.understanding.selfscore_align import code_parts
from pipeline.understanding.selfscore_checks import missing_criteria

# "A–D, A.1, A.1.a": two standard groups (one with a criterion holding sub-criteria), a bonus
# group and a deduction group.
RUBRIC = Rubric(name="Cụm thử", scale=100, groups=[
    Group(code="A", title="Thực hiện nhiệm vụ chuyên môn", max=60, criteria=[
        Criterion(code="A.1", title="Công tác tuyển sinh", max=30, criteria=[
            Criterion(code="A.1.a", title="Hoàn thành chỉ tiêu tuyển sinh được giao", max=20),
            Criterion(code="A.1.b", title="Tư vấn, truyền thông tuyển sinh", max=10)]),
        Criterion(code="A.2", title="Chất lượng đào tạo", max=30)]),
    Group(code="B", title="Công tác tổ chức, cán bộ", max=40, criteria=[
        Criterion(code="B.1", title="Đánh giá, xếp loại viên chức", max=25),
        Criterion(code="B.2", title="Thực hiện chế độ, chính sách", max=15)]),
    Group(code="C", title="Điểm thưởng", kind=GroupKind.BONUS, max=5, criteria=[
        Criterion(code="C.1", title="Có sáng kiến được công nhận cấp Thành phố", max=2)]),
    Group(code="D", title="Điểm trừ", kind=GroupKind.DEDUCTION, criteria=[
        Criterion(code="D.1", title="Có cá nhân bị kỷ luật từ khiển trách trở lên", max=3, per="trường hợp")]),
])
TRUTH = {"A.1.a": 18.0, "A.1.b": 9.5, "A.2": 28.0, "B.1": 25.0, "B.2": 12.5, "C.1": 2.0, "D.1": 3.0}


def _document(header: list[str], rows: list[list[str]], after: list[str] = ()) -> Document:
    where = Provenance(file="bc.docx", table=0, paragraph=1)
    table = Block(kind=BlockKind.TABLE, rows=[[Cell(raw=t, text=t) for t in row] for row in [header, *rows]],
                  provenance=where)
    paragraphs = [Block(kind=BlockKind.PARAGRAPH, raw=t, text=t, provenance=Provenance(file="bc.docx", paragraph=2 + i))
                  for i, t in enumerate(after)]
    return Document(file="bc.docx", sha256="0" * 64, format=DocumentFormat.DOCX,
                    blocks=[Block(kind=BlockKind.PARAGRAPH, raw="BẢNG TỰ CHẤM ĐIỂM", text="BẢNG TỰ CHẤM ĐIỂM",
                                  provenance=Provenance(file="bc.docx", paragraph=0)), table, *paragraphs])


def _scores(table) -> dict[str, float | None]:
    return {r.code: r.self_score for r in table.rows if r.kind is RowKind.CRITERION and r.code}


def test_a_flat_table_of_leaves_with_codes_in_the_second_column_and_the_total_in_a_sentence():
    table = find_self_score_table(_document(["STT", "Mã", "Tối đa", "Tự chấm"], [
        ["1", "A.1.a", "20", "18"], ["2", "A.1.b", "10", "9,5"], ["3", "A.2", "30", "28"], ["4", "B.1", "25", "25"],
        ["5", "B.2", "15", "12,5"], ["6", "C.1", "2", "2"], ["7", "D.1", "-3", "3"],
    ], after=["Tổng cộng: 92,0/100 điểm."]), RUBRIC)
    assert _scores(table) == TRUTH and not table.unmatched and not table.problems
    assert table.claimed_total == 92.0  # 18 + 9,5 + 28 + 25 + 12,5 + 2 − 3: the unit's own words agree


def test_the_units_own_numbering_maps_to_the_rubrics_by_position():
    # I–IV, 1, 2, a, b for A–D, A.1, A.1.a; the titles reworded, the points the rubric's.
    table = find_self_score_table(_document(["TT", "Nội dung", "Điểm chuẩn", "Điểm tự chấm"], [
        ["I", "CHUYÊN MÔN", "60", "55,5"], ["1", "Tuyển sinh", "30", "27,5"], ["a", "Chỉ tiêu được giao", "20", "18"],
        ["b", "Truyền thông", "10", "9,5"], ["2", "Đào tạo", "30", "28"],
        ["II", "TỔ CHỨC CÁN BỘ", "40", "37,5"], ["1", "Xếp loại viên chức", "25", "25"],
        ["2", "Chế độ chính sách", "15", "12,5"],
        ["III", "ĐIỂM THƯỞNG", "5", "2"], ["1", "Sáng kiến cấp Thành phố", "2", "2"],
        ["IV", "ĐIỂM TRỪ", "", "3"], ["1", "Kỷ luật khiển trách", "3", "-3"],
        ["", "Tổng cộng", "100", "92"],
    ]), RUBRIC)
    assert _scores(table) == TRUTH and not table.unmatched and not table.problems
    kinds = {r.code: r.kind for r in table.rows if r.code}
    assert kinds["A"] is RowKind.GROUP and kinds["A.1"] is RowKind.SUBTOTAL  # subtotals on two levels
    assert {r.code: r.match for r in table.rows if r.code}["A.1.b"] == "numbering"


def test_a_header_repeated_after_a_page_break_an_empty_cluster_column_and_deductions_without_sign():
    table = find_self_score_table(_document(["TT", "Tiêu chí", "Tối đa", "Tự chấm", "Điểm Cụm thẩm định"], [
        ["A", "Thực hiện nhiệm vụ chuyên môn", "60", "55,5", ""],
        ["A.1.a", "Hoàn thành chỉ tiêu tuyển sinh được giao", "20", "18", ""],
        ["A.1.b", "Tư vấn, truyền thông tuyển sinh", "10", "9,5", ""],
        ["TT", "Tiêu chí", "", "Tự chấm", ""],  # the header again, on the next page
        ["A.2", "Chất lượng đào tạo", "30", "28", ""], ["B.1", "Đánh giá, xếp loại viên chức", "25", "25", ""],
        ["B.2", "Thực hiện chế độ, chính sách", "15", "12,5", ""],
        ["C.1", "Có sáng kiến được công nhận cấp Thành phố", "2", "2", ""],
        ["D.1", "Có cá nhân bị kỷ luật từ khiển trách trở lên", "3", "3", ""],
        ["", "TỔNG ĐIỂM", "100", "92", ""],
    ]), RUBRIC)
    assert _scores(table) == TRUTH and not table.unmatched and table.claimed_total == 92


def test_scores_over_their_maximum_written_as_x_over_y_are_kept_as_written():
    table = find_self_score_table(_document(["Mã", "Nội dung tiêu chí", "Tự chấm"], [
        ["A.1.a", "Hoàn thành chỉ tiêu tuyển sinh được giao", "21/20"], ["A.1.b", "Tư vấn, truyền thông", "9,5/10"],
    ]), RUBRIC)
    row = next(r for r in table.rows if r.code == "A.1.a")
    assert (row.self_score, row.max_points, row.self_score_as_written) == (21, 20, "21/20")


def test_rows_in_the_right_order_with_nothing_else_in_common_are_reported_not_guessed():
    table = find_self_score_table(_document(["STT", "Nội dung", "Tự chấm"], [
        ["1", "Hoạt động văn nghệ chào mừng ngày Nhà giáo", "5"], ["2", "Phong trào thể dục thể thao", "7"],
        ["3", "Công tác từ thiện nhân đạo", "4"],
    ]), RUBRIC)
    assert not _scores(table) and len(table.unmatched) == 3


def test_a_subtotal_that_is_not_the_sum_under_it_is_reported():
    table = find_self_score_table(_document(["Mã", "Nội dung", "Điểm chuẩn", "Tự chấm"], [
        ["A.1", "Công tác tuyển sinh", "30", "29"], ["A.1.a", "Hoàn thành chỉ tiêu tuyển sinh được giao", "20", "18"],
        ["A.1.b", "Tư vấn, truyền thông tuyển sinh", "10", "9,5"],
    ]), RUBRIC)
    assert any("A.1 ghi 29 nhưng cộng các tiêu chí con được 27,5" in p for p in table.problems)


@pytest.mark.parametrize(("code", "parts"), [
    ("II.1.b", [{2}, {1}, {2}]), ("a4.2.1", [{1}, {4}, {2}, {1}]), ("c", [{3}]), ("G", [{6, 7}]),
    ("iv", [{4}]), ("b.1.", [{2}, {1}]),
])
def test_codes_in_any_numbering_stand_for_positions(code, parts):
    assert [set(p) for p in code_parts(code)] == parts


def _prose(paragraphs: list[str]) -> Document:
    blocks = [Block(kind=BlockKind.PARAGRAPH, raw=t, text=t, provenance=Provenance(file="bc.docx", paragraph=i))
              for i, t in enumerate(paragraphs)]
    return Document(file="bc.docx", sha256="0" * 64, format=DocumentFormat.DOCX, blocks=blocks)


def test_self_scores_written_in_prose_criterion_by_criterion():
    table = find_self_score_table(_prose([
        "I. KẾT QUẢ THỰC HIỆN CÁC TIÊU CHÍ",
        "Tiêu chí A.1.a. Tự chấm: 18/20 điểm.",
        "- Nội dung A.1.b (Tư vấn, truyền thông tuyển sinh): tự chấm 9,5 điểm",
        "Chất lượng đào tạo",  # a heading naming the criterion; the score under it
        "Tỷ lệ người học tốt nghiệp đạt 96%. Đơn vị tự chấm: 28/30 điểm.",
        "Phần B.1. Tự chấm 25/25 điểm; phần B.2. Tự chấm 12,5/15 điểm.",
        "Có sáng kiến được công nhận cấp Thành phố: tự chấm 2 điểm.",
        "Tiêu chí D.1. Tự chấm: trừ 3 điểm (01 trường hợp bị khiển trách).",
        "Hoạt động văn nghệ: tự chấm 5 điểm.",  # names no criterion: reported, not guessed
        "Tổng điểm tự chấm: 92 điểm.",
    ]), RUBRIC)
    scores = _scores(table)
    assert scores == TRUTH
    assert table.claimed_total == 92 and table.unmatched == ["Hoạt động văn nghệ: tự chấm 5 điểm."]
    row = next(r for r in table.rows if r.code == "A.1.a")
    assert row.match == "prose" and row.max_points == 20 and row.provenance.paragraph == 1


def test_prose_paragraphs_a_pdf_ran_together_are_read_apart():
    """A PDF with no spacing between paragraphs runs a heading into the text next to it: a
    heading in capitals into the next heading, a score line into the next item's heading."""
    table = find_self_score_table(_prose([
        "A. THỰC HIỆN NHIỆM VỤ CHUYÊN MÔN Hoàn thành chỉ tiêu tuyển sinh được giao",
        "Đơn vị tự chấm: 18/20 điểm.",
        "- Tư vấn, truyền thông tuyển sinh: tự chấm 9,5 điểm Chất lượng đào tạo",
        "Đơn vị đã triển khai đầy đủ các nội dung theo kế hoạch. Đơn vị tự chấm: 28/30 điểm.",
        "B. CÔNG TÁC TỔ CHỨC, CÁN BỘ ĐÁNH GIÁ, XẾP LOẠI VIÊN CHỨC",  # both headings in capitals
        "Đơn vị tự chấm: 25 điểm.",
        "- THỰC HIỆN CHẾ ĐỘ, CHÍNH SÁCH: tự chấm 12,5 điểm",  # a title in capitals before its own score
        "C. ĐIỂM THƯỞNG Có sáng kiến được công nhận cấp Thành phố: tự chấm 2 điểm.",
        "Tiêu chí D.1. Tự chấm: trừ 3 điểm. TỔNG HỢP KẾT QUẢ TỰ CHẤM Tổng điểm tự chấm: 92 điểm.",
    ]), RUBRIC)
    assert _scores(table) == TRUTH and not table.unmatched and not table.problems
    assert table.claimed_total == 92


def test_a_criterion_scored_twice_in_prose_with_different_figures_is_reported():
    table = find_self_score_table(_prose([
        "Tiêu chí A.2. Tự chấm: 28/30 điểm.", "Tiêu chí A.2 (Chất lượng đào tạo): tự chấm 30 điểm."]), RUBRIC)
    assert table.problems and "A.2 được tự chấm hai lần khác nhau" in table.problems[0]


def test_a_table_continued_over_pages_is_read_to_its_end():
    first, rest = _document(["Mã", "Nội dung tiêu chí", "Điểm chuẩn", "Tự chấm"], [
        ["A.1.a", "Hoàn thành chỉ tiêu tuyển sinh được giao", "20", "18"],
        ["A.1.b", "Tư vấn, truyền thông tuyển sinh", "10", "9,5"], ["A.2", "Chất lượng đào tạo", "30", "28"],
    ]), _document(["B.1", "Đánh giá, xếp loại viên chức", "25", "25"], [  # no header on the next page
        ["B.2", "Thực hiện chế độ, chính sách", "15", "12,5"],
        ["C.1", "Có sáng kiến được công nhận cấp Thành phố", "2", "2"],
        ["D.1", "Có cá nhân bị kỷ luật từ khiển trách trở lên", "3", "-3"], ["", "Tổng cộng", "100", "92"],
    ])
    page_number = Block(kind=BlockKind.PARAGRAPH, raw="2", text="2", provenance=Provenance(file="bc.docx", paragraph=2))
    second = rest.blocks[1].model_copy(update={"provenance": Provenance(file="bc.docx", table=1, paragraph=3)})
    doc = first.model_copy(update={"blocks": [*first.blocks, page_number, second]})
    table = find_self_score_table(doc, RUBRIC)
    assert _scores(table) == TRUTH and table.claimed_total == 92 and not table.unmatched
    assert next(r for r in table.rows if r.code == "D.1").provenance.table == 1


def test_a_standard_criterion_with_no_self_score_is_reported():
    table = find_self_score_table(_document(["Mã", "Nội dung tiêu chí", "Điểm chuẩn", "Tự chấm"], [
        ["A.1.a", "Hoàn thành chỉ tiêu tuyển sinh được giao", "20", "18"], ["A.2", "Chất lượng đào tạo", "30", "28"],
        ["B.1", "Đánh giá, xếp loại viên chức", "25", "25"], ["B.2", "Thực hiện chế độ, chính sách", "15", "12,5"],
    ]), RUBRIC)
    # A.1.b is left out; the bonus C.1 and deduction D.1 left out are none, not a problem.
    assert missing_criteria(table.rows, RUBRIC) == ["Không thấy điểm tự chấm của tiêu chí A.1.b"]


def test_a_scan_whose_rows_miss_the_units_total_takes_the_only_other_readings_that_add_up():
    grid = [["Mã", "Nội dung tiêu chí", "Điểm chuẩn", "Tự chấm"],
            ["A.1.a", "Hoàn thành chỉ tiêu tuyển sinh được giao", "20", "18"],
            ["A.1.b", "Tư vấn, truyền thông tuyển sinh", "10", "9,9"],  # OCR: "9,5" → "9,9"
            ["A.2", "Chất lượng đào tạo", "30", "28"], ["B.1", "Đánh giá, xếp loại viên chức", "25", "25"],
            ["B.2", "Thực hiện chế độ, chính sách", "15", "12,9"],  # "12,5" → "12,9"
            ["C.1", "Có sáng kiến được công nhận cấp Thành phố", "2", "2"],
            ["D.1", "Có cá nhân bị kỷ luật từ khiển trách trở lên", "3", "-3"], ["", "Tổng cộng", "100", "92"]]
    others = {(2, 3): ["95", "Sỹ"], (5, 3): ["12,5"], (4, 3): ["2S"]}  # "95": the comma lost
    rows = [[Cell(raw=t, text=t, confidence=0.9, alternatives=others.get((r, c), [])) for c, t in enumerate(row)]
            for r, row in enumerate(grid)]
    where = Provenance(file="quet.pdf", page=1, table=0, paragraph=0, ocr_confidence=0.9)
    doc = Document(file="quet.pdf", sha256="0" * 64, format=DocumentFormat.PDF, ocr_pages=[1],
                   blocks=[Block(kind=BlockKind.TABLE, rows=rows, provenance=where)])
    table = find_self_score_table(doc, RUBRIC)
    assert _scores(table) == TRUTH and table.claimed_total == 92
    assert len(table.notes) == 2 and "“9,9”, được hiểu là 9,5" in table.notes[0]
    # The same scan with a total no other reading reaches: left as read, for scoring to flag.
    rows[-1][3] = Cell(raw="95", text="95", confidence=0.9)
    table = find_self_score_table(doc.model_copy(update={"blocks": [Block(kind=BlockKind.TABLE, rows=rows,
                                                                          provenance=where)]}), RUBRIC)
    assert _scores(table)["A.1.b"] == 9.9 and not table.notes


def test_a_scanned_header_with_a_letter_wrong_still_names_its_columns():
    grid = [["Nội dung tiêu chí", "Điểm", "Điểm", "Điểm"], ["Nội dung tiêu chí", "Chuã n", "lự chấm", "Cụm thấm định"],
            ["Chất lượng đào tạo", "30", "28", ""], ["Đánh giá, xếp loại viên chức", "25", "25", ""]]
    rows = [[Cell(raw=t, text=t, confidence=0.8) for t in row] for row in grid]
    where = Provenance(file="quet.pdf", page=1, table=0, paragraph=0, ocr_confidence=0.8)
    doc = Document(file="quet.pdf", sha256="0" * 64, format=DocumentFormat.PDF, ocr_pages=[1],
                   blocks=[Block(kind=BlockKind.TABLE, rows=rows, provenance=where)])
    table = find_self_score_table(doc, RUBRIC)
    assert _scores(table) == {"A.2": 28, "B.1": 25}
    # The same header in a text layer is not guessed at: "lự chấm" names no column there.
    text = doc.model_copy(update={"blocks": [Block(kind=BlockKind.TABLE, rows=rows, provenance=where.model_copy(
        update={"ocr_confidence": None}))]})
    assert find_self_score_table(text, RUBRIC) is None
