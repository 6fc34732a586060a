"""The pieces a criteria table is read with: codes, points, caps, title and guidance, OCR'd codes."""

import pytest

from pipeline.config.rubric import GroupKind
from pipeline.core.model import Block, BlockKind, Cell, Document, DocumentFormat, Provenance
from pipeline.criteria import import_rubric
from pipeline.criteria.codes import next_group_code, parse_code, split_leading_code
from pipeline.criteria.ocr_codes import settle, shape
from pipeline.criteria.points import find_caps, read_points
from pipeline.criteria.text import is_total_row, read_cell, section_kind


@pytest.mark.parametrize(("cell", "written", "parts", "style"), [
    ("I", "I", ("I",), "roman"),
    ("II.", "II", ("II",), "roman"),
    ("a)", "a", ("a",), "lower"),
    ("1.1", "1.1", ("1", "1"), "compound"),
    ("A.1.a", "A.1.a", ("A", "1", "a"), "compound"),
    ("a4.2.1", "a4.2.1", ("a", "4", "2", "1"), "compound"),
    ("a.7.1", "a.7.1", ("a", "7", "1"), "compound"),
    ("b1.", "b1", ("b", "1"), "compound"),
    ("1.2. 1", "1.2.1", ("1", "2", "1"), "compound"),  # a code a PDF wrapped in a narrow column
    ("Đ", "Đ", ("Đ",), "upper"),
    ("Phần II", "II", ("II",), "roman"),
])
def test_codes_are_kept_as_written_with_their_parts(cell, written, parts, style):
    code = parse_code(cell)
    assert (code.written, code.parts, code.style) == (written, parts, style)


@pytest.mark.parametrize("cell", ["", "Tổng", "TỔNG CỘNG", "Ghi chú"])
def test_cells_that_hold_no_code(cell):
    assert parse_code(cell) is None


@pytest.mark.parametrize(("title", "code", "rest"), [
    ("1.1. Tuyển sinh", "1.1", "Tuyển sinh"),
    ("II- CÔNG TÁC THI ĐUA", "II", "CÔNG TÁC THI ĐUA"),
    ("6. ĐIỂM THƯỞNG", "6", "ĐIỂM THƯỞNG"),
    ("b1. Thi đua", "b1", "Thi đua"),
    ("- Có sáng kiến", "-", "Có sáng kiến"),
    ("A Công tác", None, "A Công tác"),  # a one-letter word, not a code
    ("10 điểm; dưới 80%: 5 điểm", None, "10 điểm; dưới 80%: 5 điểm"),  # points cut off a row above
])
def test_a_code_leading_a_title(title, code, rest):
    found, remainder = split_leading_code(title)
    assert (found.written if found else None, remainder) == (code, rest)


def test_next_group_code_follows_the_vietnamese_alphabet():
    assert [next_group_code("IV"), next_group_code("D", "upper"), next_group_code("Đ", "upper"),
            next_group_code("3", "arabic")] == ["V", "Đ", "E", "4"]


@pytest.mark.parametrize(("text", "amount", "sign", "per"), [
    ("10", 10, 0, None),
    ("10,0", 10, 0, None),
    ("1.000", 1000, 0, None),
    ("tối đa 2", 2, 0, None),
    ("+ 0,5", 0.5, 1, None),
    ("- 0,5", 0.5, -1, None),
    ("(1)", 1, -1, None),
    ("Trừ 2 điểm", 2, -1, None),
    ("-3/trường hợp", 3, -1, "trường hợp"),
    ("-0,25/01 trường hợp", 0.25, -1, "trường hợp"),
    ("Trừ 2 điểm/lần", 2, -1, "lần"),
    ("cộng 0,1 điểm cho 01 báo cáo", 0.1, 1, "báo cáo"),
    ("mỗi báo cáo cộng 0,1 điểm", 0.1, 1, "báo cáo"),
    ("0,5 điểm/sáng kiến", 0.5, 0, "sáng kiến"),
])
def test_points_as_tables_write_them(text, amount, sign, per):
    points = read_points(text)
    assert (points.amount, points.sign, points.per) == (amount, sign, per)


@pytest.mark.parametrize("text", ["", "-", "x", "Chuẩn"])
def test_cells_without_points(text):
    assert read_points(text) is None


@pytest.mark.parametrize(("text", "kind", "points", "target"), [
    ("Ghi chú: Tổng điểm trừ của mục a1 không quá 1,5 điểm (không liên quan đến điểm cộng)",
     GroupKind.DEDUCTION, 1.5, "a1"),
    ("Điểm cộng tối đa là 1 điểm", GroupKind.BONUS, 1, None),
    ("Điểm trừ tối đa của nhóm: 5 điểm", GroupKind.DEDUCTION, 5, None),
    ("Tổng số điểm thưởng không vượt quá 10 điểm.", GroupKind.BONUS, 10, None),
    ("tổng điểm trừ tiêu chí A.1 tối đa 2 điểm", GroupKind.DEDUCTION, 2, "A.1"),
])
def test_caps_written_in_words(text, kind, points, target):
    [cap] = find_caps(text)
    assert (cap.kind, cap.points, cap.target) == (kind, points, target)


@pytest.mark.parametrize(("cell", "title", "guidance"), [
    ("Hoàn thành chỉ tiêu tuyển sinh\nĐạt từ 100% chỉ tiêu trở lên: 10 điểm; dưới 90%: 5 điểm",
     "Hoàn thành chỉ tiêu tuyển sinh", "Đạt từ 100% chỉ tiêu trở lên: 10 điểm; dưới 90%: 5 điểm"),
    ("Hoàn thành chỉ tiêu tuyển sinh. Đạt từ 100% chỉ tiêu trở lên: 10 điểm",
     "Hoàn thành chỉ tiêu tuyển sinh", "Đạt từ 100% chỉ tiêu trở lên: 10 điểm"),
    # A PDF runs the guidance on after the title in one line.
    ("Hoàn thành chỉ tiêu tuyển sinh Đạt từ 100% chỉ tiêu trở lên: 10 điểm",
     "Hoàn thành chỉ tiêu tuyển sinh", "Đạt từ 100% chỉ tiêu trở lên: 10 điểm"),
    ("Tổ chức phong trào thi đua: - Ban hành kế hoạch: 2 điểm - Sơ kết: 1 điểm",
     "Tổ chức phong trào thi đua", "- Ban hành kế hoạch: 2 điểm - Sơ kết: 1 điểm"),
    ("Công tác thi đua - khen thưởng", "Công tác thi đua - khen thưởng", ""),  # a dash in a title
    ("Xây dựng Đảng, đoàn thể vững mạnh", "Xây dựng Đảng, đoàn thể vững mạnh", ""),
    ("CÔNG TÁC CHUYÊN MÔN (60 điểm)", "Công tác chuyên môn", ""),
])
def test_title_and_guidance_apart(cell, title, guidance):
    words = read_cell(cell)
    assert (words.title, words.guidance) == (title, guidance)


def test_points_and_caps_at_the_end_of_a_title():
    assert read_cell("ĐIỂM THƯỞNG (tối đa 5 điểm)").points.amount == 5
    words = read_cell("Sáng kiến được công nhận (điểm cộng tối đa là 1 điểm)")
    assert words.title == "Sáng kiến được công nhận" and [(c.kind, c.points) for c in words.caps] == [
        (GroupKind.BONUS, 1)]


@pytest.mark.parametrize(("title", "short", "kind"), [
    ("V. ĐIỂM TRỪ", False, GroupKind.DEDUCTION),
    ("Các nội dung điểm trừ", True, GroupKind.DEDUCTION),
    ("Tiêu chí điểm thưởng", True, GroupKind.BONUS),
    ("Không để xảy ra vi phạm bị trừ điểm thi đua trong năm học", True, None),  # a criterion, not a section
])
def test_bonus_and_deduction_sections(title, short, kind):
    assert section_kind(title, short=short) is kind


@pytest.mark.parametrize(("read", "allowed", "settled"), [
    ("L", ["I", "A", "1"], "I"),  # a serif I read as L
    ("TiJ:", ["I.1", "I.a", "1.1"], "I.1"),  # strokes and a lost dot
    ("12", ["I.1.1", "I.2", "II"], "I.2"),
    ("I", ["II", "K"], "II"),  # bold II read as one stroke
    ("I2", ["1", "a", "II.2"], "II.2"),  # a "2" OCR does not invent: "1" cannot be it
    ("H5:", ["II.3", "III"], None),  # a 3 read as 5: left as read, the import reports it
])
def test_codes_read_by_ocr_are_checked_against_the_order(read, allowed, settled):
    assert settle(read, allowed) == settled


def test_glyph_shapes():
    assert shape("II.1") == "II.I" and shape("H1") == "III" and shape("a)") == "8"


# --- tables read by OCR: what a scan gets wrong, and what the table's own order settles -----------

def _scanned(rows: list[list[str]]) -> Document:
    """A criteria table as OCR returns it: every cell's text, the block marked as read by OCR."""
    grid = [[Cell(raw=t, text=t, confidence=0.9) for t in row] for row in [["STT", "Nội dung", "Điểm"], *rows]]
    where = Provenance(file="quet.pdf", page=1, table=0, ocr_confidence=0.9)
    return Document(file="quet.pdf", sha256="0" * 64, format=DocumentFormat.PDF, pages=1, ocr_pages=[1],
                    blocks=[Block(kind=BlockKind.TABLE, rows=grid, provenance=where)])


def test_a_scan_settles_codes_sections_and_totals_by_the_tables_order():
    imported = import_rubric(_scanned([
        ["I.", "CẢI CÁCH HÀNH CHÍNH", "50"],
        ["I.1", "Thực hiện chế độ thông tin, báo cáo", "30"],
        ["1.2", "Cải cách thủ tục hành chính", "20"],  # "I.2" with its serif I read as a one
        ["II.", "ĐIỂM THƯỚNG", ""],  # "THƯỞNG" with a wrong tone mark
        ["1", "Có sáng kiến được công nhận", "+2"],
        ["", "Tống cộng", "50"],  # "Tổng cộng"
    ]))
    groups = imported.rubric.groups
    assert [(g.code, g.kind) for g in groups] == [("I", GroupKind.STANDARD), ("II", GroupKind.BONUS)]
    assert [c.code for c in groups[0].criteria] == ["I.1", "I.2"]
    assert [(c.code, c.max) for c in groups[1].criteria] == [("1", 2.0)]  # the code as the cluster wrote it
    assert imported.rubric.scale == 50 and not imported.unplaced
    assert any("“1.2” được hiểu là I.2" in note for note in imported.notes)
    assert not imported.clean  # read by OCR: always to be checked against the original


def test_tone_marks_are_loose_only_for_text_read_by_ocr():
    assert is_total_row("Tống cộng", ocr=True) and not is_total_row("Tống cộng")
    assert not is_total_row("Công tác văn thư", ocr=True)  # one word ("cộng") is never matched loosely
    assert section_kind("ĐIỂM THƯỚNG", short=True, ocr=True) is GroupKind.BONUS
    assert section_kind("Tiêu chí thường xuyên", short=True) is None


def test_a_scan_keeps_a_code_spelled_with_other_separators_as_the_table_writes_it():
    imported = import_rubric(_scanned([
        ["A.", "QUẢN LÝ TÀI CHÍNH", "50"],
        ["a1", "Quản lý, sử dụng tài sản công", "25"],
        ["a.2", "Đầu tư cơ sở vật chất", "25"],  # the same level, spelled with a dot: kept so
    ]))
    assert [c.code for c in imported.rubric.groups[0].criteria] == ["a1", "a.2"]
    assert not any("a.2" in note for note in imported.notes)  # taken as read, not "settled"
