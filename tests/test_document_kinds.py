"""Which file is which: a file of another kind is set aside as what it is, never taken for a
unit's report (built in code: an invitation naming the host school, a news article, a công văn
that carries a self-scoring table)."""

from __future__ import annotations

import docx
from builders import full_scores, report_docx
from rubric_docs import sample_rubric

from pipeline.core.errors import RejectReason
from pipeline.results.outcome import FileOutcome
from pipeline.runs.steps import read_report, select_reports

SCHOOL = "Trường Cao đẳng Y tế Thủ đô"


def _paragraphs(path, lines: list[str]):
    doc = docx.Document()
    for line in lines:
        doc.add_paragraph(line)
    doc.save(path)
    return path


def _outcome(path):
    read = read_report(path, sample_rubric(), None)
    return FileOutcome(file=read.file, sha256=read.sha256, facts=read.facts, rejection=read.rejection)


def test_an_invitation_naming_the_host_school_never_replaces_its_report(tmp_path):
    rubric = sample_rubric()
    report = report_docx(tmp_path / "bao-cao.docx", rubric, SCHOOL, full_scores(rubric),
                         date="ngày 10 tháng 12 năm 2023")
    invitation = _paragraphs(tmp_path / "giay-moi.docx", [
        "CỤM THI ĐUA SỐ 5", f"{SCHOOL.upper()}", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Số: 15/GM-CTĐ5", "Hà Nội, ngày 20 tháng 12 năm 2023", "GIẤY MỜI",
        "Dự Hội nghị tổng kết công tác thi đua, khen thưởng năm 2023",
        f"{SCHOOL} (Cụm trưởng) trân trọng kính mời đại diện lãnh đạo các đơn vị thành viên dự Hội nghị.",
    ])
    records, rejected = select_reports([_outcome(report), _outcome(invitation)], 2023)
    assert [r.file for r in records.values()] == ["bao-cao.docx"]  # dated later, still not a report
    [set_aside] = rejected
    assert set_aside.file == "giay-moi.docx" and set_aside.reason is RejectReason.NOT_A_REPORT
    assert set_aside.message.startswith("không phải báo cáo tổng kết (đây là giấy mời")


def test_a_news_article_is_set_aside_as_what_it_is(tmp_path):
    article = _paragraphs(tmp_path / "tin-bai.docx", [
        "Cụm thi đua số 3 tổng kết công tác năm 2023",
        "(PV) - Sáng 25/12, tại Trường Cao đẳng Du lịch Hà Nội, Cụm thi đua số 3 tổ chức Hội nghị tổng kết "
        "công tác thi đua, khen thưởng năm 2023. Trường Cao đẳng Y tế Thủ đô được Cụm đề nghị tặng Cờ thi đua.",
    ])
    outcome = _outcome(article)
    assert outcome.facts is not None and outcome.facts.kind.kind == "other"
    _, rejected = select_reports([outcome], 2023)
    assert rejected[0].reason is RejectReason.NOT_A_REPORT and "bài báo, tin hoặc thư gửi kèm" in rejected[0].message


def test_a_cong_van_that_carries_the_self_scoring_table_is_read_as_the_report(tmp_path):
    rubric = sample_rubric()
    path = report_docx(tmp_path / "cong-van.docx", rubric, SCHOOL, full_scores(rubric), number="20/CV-CĐYT")
    outcome = _outcome(path)
    assert outcome.facts.kind.kind == "report" and outcome.facts.kind.evidence == "có bảng tự chấm điểm"
    records, rejected = select_reports([outcome], 2023)
    assert not rejected and len(records) == 1


def test_a_to_trinh_listing_units_points_is_neither_criteria_nor_a_report(tmp_path):
    """Its table has points and a content-like column, but its unit, rank and award columns make it
    a list of units: it must never become the cluster's criteria (and replace the rubric)."""
    doc = docx.Document()
    for line in ("CỤM THI ĐUA SỐ 5", "Số: 21/TTr-CTĐ5", "Hà Nội, ngày 26 tháng 12 năm 2023", "TỜ TRÌNH",
                 "Về việc đề nghị khen thưởng năm 2023"):
        doc.add_paragraph(line)
    table = doc.add_table(rows=1, cols=5)
    for cell, text in zip(table.rows[0].cells, ("TT", "Tên đơn vị", "Tổng điểm", "Xếp thứ", "Hình thức đề nghị"),
                          strict=True):
        cell.text = text
    for i, (unit, points) in enumerate([(SCHOOL, "98,5"), ("Trường Cao đẳng Sư phạm Tây Hồ", "97"),
                                        ("Trường Cao đẳng Điều dưỡng Hà Đông", "95"),
                                        ("Trường Cao đẳng Nghệ thuật Thăng Long", "94,5"),
                                        ("Trường Cao đẳng Du lịch Hà Nội", "93"),
                                        ("Trường Cao đẳng Y dược Thanh Trì", "92")], start=1):
        cells = table.add_row().cells
        for cell, text in zip(cells, (str(i), unit, points, str(i), "Bằng khen"), strict=True):
            cell.text = text
    doc.save(tmp_path / "to-trinh.docx")
    outcome = read_report(tmp_path / "to-trinh.docx", sample_rubric(), None)
    assert outcome.criteria is None
    assert outcome.facts.kind.kind == "proposal"
    _, rejected = select_reports([_outcome(tmp_path / "to-trinh.docx")], 2023)
    assert rejected[0].message.startswith("không phải báo cáo tổng kết (đây là tờ trình")
