"""A new user's inbox with no cluster file: who wrote each report (header on one or two lines,
in a table, glued to the motto, scanned), the name as the report's own body writes it, and the
drafts headed by the parent body and place the reports state, never a built-in Hà Nội."""

from __future__ import annotations

from pathlib import Path

import docx
from builders import full_scores, report_docx
from rubric_docs import sample_rubric

from pipeline.runs.inbox_run import process_inbox
from pipeline.runs.steps import read_report

HAI_PHONG = ["Bệnh viện Đa khoa Kiến An", "Trung tâm Y tế huyện An Lão", "Bệnh viện Phụ sản Hải Phòng"]


def _report(path: Path, lines: list[str], body: list[str]) -> Path:
    """A short report whose header is paragraphs (as a PDF's or a scan's text comes out)."""
    doc = docx.Document()
    for line in [*lines, "BÁO CÁO", "Tổng kết công tác thi đua, khen thưởng năm 2023", *body]:
        doc.add_paragraph(line)
    doc.save(path)
    return path


def _unit(path: Path):
    return read_report(path, sample_rubric(), None).facts.unit


def test_the_name_takes_the_casing_the_report_body_writes(tmp_path):
    path = report_docx(tmp_path / "bc.docx", sample_rubric(), "Trường Cao đẳng Du lịch và Dịch vụ Tây Hồ",
                       full_scores(sample_rubric()), narrative=[
                           "Năm 2023, Trường Cao đẳng Du lịch và Dịch vụ Tây Hồ đã hoàn thành tốt nhiệm vụ."])
    unit = _unit(path)
    assert unit.name == "Trường Cao đẳng Du lịch và Dịch vụ Tây Hồ"
    assert unit.as_written == "TRƯỜNG CAO ĐẲNG DU LỊCH VÀ DỊCH VỤ TÂY HỒ"
    assert unit.parents == ["UBND THÀNH PHỐ HÀ NỘI"]


def test_without_the_body_naming_it_the_official_name_rules_give_the_casing(tmp_path):
    path = _report(tmp_path / "bc.docx", ["UBND THÀNH PHỐ HÀ NỘI", "TRƯỜNG CAO ĐẲNG ĐIỆN TỬ VIỄN THÔNG MÊ LINH",
                                          "Số: 12/BC-CĐĐT", "Hà Nội, ngày 12 tháng 12 năm 2023"],
                   ["Nhà trường báo cáo kết quả như sau."])
    assert _unit(path).name == "Trường Cao đẳng Điện tử Viễn thông Mê Linh"  # not "Điện Tử Viễn Thông"


def test_a_name_on_two_lines_is_one_name_not_its_first_line(tmp_path):
    path = _report(tmp_path / "bc.docx", ["UBND THÀNH PHỐ HÀ NỘI", "TRƯỜNG TRUNG CẤP",
                                          "KINH TẾ - KỸ THUẬT BẮC THĂNG LONG", "-------", "Số: 40/BC-TCKT"],
                   ["Trường Trung cấp Kinh tế - Kỹ thuật Bắc Thăng Long báo cáo như sau."])
    assert _unit(path).name == "Trường Trung cấp Kinh tế - Kỹ thuật Bắc Thăng Long"


def test_header_cells_glued_to_the_motto_give_the_unit_and_its_parent(tmp_path):
    path = _report(tmp_path / "bc.docx", [
        "SỞ Y TẾ HẢI PHÒNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "BỆNH VIỆN ĐA KHOA KIẾN AN Độc lập - Tự do - Hạnh phúc",
        "Số: 88/BC-BVKA Hải Phòng, ngày 15 tháng 12 năm 2023"], ["Bệnh viện báo cáo như sau."])
    outcome = read_report(path, sample_rubric(), None)
    assert outcome.facts.unit.name == "Bệnh viện Đa khoa Kiến An"  # not "… Cộng Hòa Xã Hội Chủ Nghĩa Việt Nam"
    assert outcome.facts.unit.parents == ["SỞ Y TẾ HẢI PHÒNG"]
    assert outcome.facts.place == "Hải Phòng"


def test_a_scanned_header_with_the_name_on_two_lines(tmp_path, to_pdf):
    from generators.criteria_tables import scan_pdf

    source = report_docx(tmp_path / "bc-ydtt.docx", sample_rubric(), "Trường Cao đẳng Y dược Thanh Trì",
                         full_scores(sample_rubric()))
    document = docx.Document(str(source))
    document.tables[0].cell(0, 0).text = "UBND THÀNH PHỐ HÀ NỘI\nTRƯỜNG CAO ĐẲNG\nY DƯỢC THANH TRÌ"
    document.save(source)
    [pdf] = to_pdf([source], tmp_path / "pdf")
    scan = scan_pdf(pdf, tmp_path / "bc-ydtt-scan.pdf", seed=7)
    outcome = read_report(scan, sample_rubric(), None)
    assert outcome.facts.unit.name == "Trường Cao đẳng Y dược Thanh Trì"
    assert outcome.facts.unit.provenance.ocr_confidence is not None
    assert outcome.facts.kind.kind == "report"


def test_a_block_without_a_cluster_file_is_headed_by_the_parent_body_and_place_its_reports_state(tmp_path):
    rubric = sample_rubric()
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for i, name in enumerate(HAI_PHONG):
        report_docx(inbox / f"bc-{i}.docx", rubric, name, full_scores(rubric, minus=i), parent="SỞ Y TẾ HẢI PHÒNG",
                    place="Hải Phòng", narrative=[f"Năm 2023, {name} hoàn thành tốt nhiệm vụ."])
    summary = process_inbox(inbox, tmp_path / "out", year=2023)
    assert sorted(u.name for u in summary.result.board.units) == sorted(HAI_PHONG)
    drafts = {Path(p).name: Path(p) for p in summary.drafts}
    report = docx.Document(str(next(p for n, p in drafts.items() if n.startswith("bao-cao"))))
    header = [[cell.text for cell in row.cells] for row in report.tables[0].rows]
    assert header[0][0].split("\n")[0] == "SỞ Y TẾ HẢI PHÒNG"
    assert header[1][1].startswith("Hải Phòng, ngày")
    letter = docx.Document(str(next(p for n, p in drafts.items() if n.startswith("to-trinh"))))
    assert any("Hội đồng Thi đua - Khen thưởng Sở Y tế Hải Phòng" in p.text for p in letter.paragraphs)
    run_report = Path(summary.report).read_text(encoding="utf-8")
    assert "Cơ quan chủ quản trên dự thảo (“SỞ Y TẾ HẢI PHÒNG”) lấy theo báo cáo của các đơn vị (3/3" in run_report
    assert "Địa danh trên dự thảo (“Hải Phòng”)" in run_report
