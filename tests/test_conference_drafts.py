"""The conference documents around the nomination list: proposal letter, minutes, next year's pledge."""

import datetime as dt

import docx

from pipeline.drafts.render import render_document
from pipeline.nomination.nominate import nominate

BK = "Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố"


def _texts(path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs]


def _with_tie_at_the_boundary(result):
    """Two Bằng khen for the four units below the flags: cdnt and cddd (96 each) straddle the quota."""
    tied = result.model_copy(deep=True)
    tied.rules.awards[2].quota = 2
    officers = tied.nominations.officers
    tied.nominations = nominate(tied.board, tied.rules, tied.cluster, tied.year)
    tied.nominations.officers = officers
    return tied


def test_proposal_letter_cites_the_bases_of_its_date(sample_result, tmp_path):
    result = sample_result.model_copy(deep=True)
    result.cluster.issue_date = dt.date(2025, 12, 22)
    texts = _texts(render_document("proposal", result, tmp_path / "ttr.docx"))
    assert "Hà Nội, ngày 22 tháng 12 năm 2025" in docx.Document(str(tmp_path / "ttr.docx")).tables[0].cell(1, 1).text
    bases = [t for t in texts if t.startswith("Căn cứ")]
    assert bases[0] == "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15/6/2022;"
    assert bases[1].startswith("Căn cứ Nghị định số 152/2025/NĐ-CP")
    assert bases[-1].endswith("tại Hội nghị tổng kết Cụm thi đua số 18 ngày ……,")  # the sentence goes on
    assert not any("91/2017" in t or "98/2023" in t for t in texts)


def test_a_tie_at_the_boundary_is_left_to_the_vote_in_every_document(sample_result, tmp_path):
    tied = _with_tie_at_the_boundary(sample_result)
    letter = _texts(render_document("proposal", tied, tmp_path / "ttr.docx"))
    assert f"c) {BK} (01 tập thể):" in letter
    assert "- Trường Cao đẳng Sư phạm Tây Hồ." in letter
    notes = [t for t in letter if t.startswith("Lưu ý:")]
    assert notes == [
        "Lưu ý: Đồng điểm (96): Trường Cao đẳng Nghệ thuật Thăng Long, Trường Cao đẳng Điều dưỡng Hà Đông. Cụm biểu "
        f"quyết chọn 1 trong 2 đơn vị để đề nghị {BK}."]
    minutes = docx.Document(str(render_document("minutes", tied, tmp_path / "bb.docx")))
    ballot = [[c.text for c in r.cells] for r in minutes.tables[3].rows]
    assert ballot[4][1:3] == ["Trường Cao đẳng Nghệ thuật Thăng Long", f"{BK} (đồng điểm, biểu quyết chọn)"]
    assert ballot[5][1:3] == ["Trường Cao đẳng Điều dưỡng Hà Đông", f"{BK} (đồng điểm, biểu quyết chọn)"]
    assert ballot[4][6] == "Trên 50% (từ 04/06 phiếu)"


def test_minutes_follow_form_1_9(sample_result, tmp_path):
    doc = docx.Document(str(render_document("minutes", sample_result, tmp_path / "bb.docx")))
    header = doc.tables[0]
    assert header.cell(1, 0).text == "Số: …/BB-CTĐ18" and header.cell(1, 1).text == ""
    attendees = [[c.text for c in r.cells] for r in doc.tables[1].rows]
    assert attendees[0] == ["STT", "Đơn vị", "Đại biểu dự họp (họ tên, chức vụ)"]
    assert len(attendees) == 7 and attendees[6] == ["6", "Trường Cao đẳng Sư phạm Mầm non Hoàng Mai", "……"]
    scores = [[c.text for c in r.cells] for r in doc.tables[2].rows]
    assert scores[1] == ["1", "Trường Đại học Văn hóa Nghệ thuật Thủ đô", "101,5", "101,5", "1"]
    assert scores[2] == ["2", "Trường Cao đẳng Y tế Thủ đô", "99", "98", "2"]
    ballot = [[c.text for c in r.cells] for r in doc.tables[3].rows]
    assert ballot[1] == ["1", "Trường Đại học Văn hóa Nghệ thuật Thủ đô", "Cờ thi đua của Chính phủ", "06", "……", "……",
                         "Từ 80% (từ 05/06 phiếu)"]
    signature = doc.tables[4]
    assert [p.text for p in signature.cell(0, 0).paragraphs] == ["THƯ KÝ", "……"]
    assert [p.text for p in signature.cell(0, 1).paragraphs] == ["CHỦ TỌA", "Phạm Thị Thu Hà"]
    texts = [p.text for p in doc.paragraphs]
    assert "Cụm phó năm 2024: Trường Cao đẳng Sư phạm Tây Hồ; số phiếu đồng ý: ……/06." in texts


def test_pledge_carries_this_years_criteria_and_every_units_signature(sample_result, tmp_path):
    doc = docx.Document(str(render_document("pledge", sample_result, tmp_path / "gu.docx")))
    criteria = doc.tables[1]
    rows = [[c.text for c in r.cells] for r in criteria.rows]
    rubric = sample_result.rubric
    expected = sum(1 + len(list(g.leaves())) for g in rubric.groups)  # the sample has no nested criteria
    assert len(rows) == 1 + expected
    assert rows[1] == ["I", "Thực hiện nhiệm vụ chính trị, chuyên môn được giao", "60"]
    assert rows[2] == ["I.1", "Hoàn thành chỉ tiêu tuyển sinh được giao", "10"]
    assert [r for r in rows if r[0] == "IV"] == [["IV", "Điểm thưởng", "Tối đa 5"]]
    # Group rows are bold through a style a reviewer can change, not by direct formatting.
    assert criteria.rows[1].cells[1].paragraphs[0].style.name == "TDKT Bảng nhóm"
    assert criteria.rows[2].cells[1].paragraphs[0].style.name == "TDKT Bảng"
    # … and stay with the first criterion under them (no group title alone at the foot of a page).
    assert all(c.paragraphs[0].style.paragraph_format.keep_with_next for c in criteria.rows[1].cells)
    grid = doc.tables[2]
    assert len(grid.rows) == 3
    assert [p.text for p in grid.cell(0, 0).paragraphs] == ["TRƯỜNG ĐẠI HỌC\nVĂN HÓA NGHỆ THUẬT THỦ ĐÔ",
                                                            "HIỆU TRƯỞNG", "Phạm Thị Thu Hà"]
    assert grid.cell(2, 1).paragraphs[-1].text == "Vũ Thị Ngọc Mai"
    texts = [p.text for p in doc.paragraphs]
    assert "6. Trường Cao đẳng Sư phạm Mầm non Hoàng Mai." in texts
    assert any(t.startswith("- Trường Cao đẳng Y tế Thủ đô (Cụm trưởng năm 2024)") for t in texts)


def test_without_officers_no_individual_line(sample_result, tmp_path):
    result = sample_result.model_copy(deep=True)
    result.nominations.officers = []
    letter = _texts(render_document("proposal", result, tmp_path / "ttr.docx"))
    assert not any(t.startswith("d)") for t in letter)
    minutes = _texts(render_document("minutes", result, tmp_path / "bb.docx"))
    assert not any("cá nhân có thành tích" in t for t in minutes)
