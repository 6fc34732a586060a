"""Versions of a unit's report, and every inbox file accounted for: a document that says it
replaces another wins whatever the dates; only reports of one unit supersede each other; the run
report names each file of the inbox exactly once (used, superseded by a named file, or set aside
with its reason), lock files, configuration and copies included."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import docx
from builders import full_scores, report_docx, times_named
from rubric_docs import sample_rubric

from examples import SAMPLE_CLUSTER_DIR
from pipeline.core.errors import RejectReason
from pipeline.runs.inbox_run import process_inbox

UNIT = "Trường Cao đẳng Y tế Thủ đô"
OTHER = "Trường Cao đẳng Sư phạm Tây Hồ"


def _arrive(path: Path, when: float) -> Path:
    os.utime(path, (when, when))
    return path


def _inbox(tmp_path: Path) -> Path:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    return inbox


def test_a_report_saying_it_replaces_another_wins_over_a_later_dated_one(tmp_path):
    rubric = sample_rubric()
    inbox = _inbox(tmp_path)
    first = report_docx(inbox / "bc-cdyt.docx", rubric, UNIT, full_scores(rubric, minus=2), number="12/BC-CĐYT",
                        date="ngày 15 tháng 12 năm 2023")
    revised = report_docx(inbox / "bc-cdyt-sua.docx", rubric, UNIT, full_scores(rubric, minus=1),
                          number="14/BC-CĐYT", date="ngày 11 tháng 12 năm 2023", narrative=[
                              "Báo cáo này thay thế Báo cáo số 12/BC-CĐYT ngày 10/12/2023 của Nhà trường."])
    _arrive(revised, 1_700_000_000)  # it even arrived first
    _arrive(first, 1_700_100_000)
    report_docx(inbox / "bc-sptt.docx", rubric, OTHER, full_scores(rubric))
    summary = process_inbox(inbox, tmp_path / "out", year=2023)
    used = {f.unit.name: f.file for f in summary.result.reports.values()}
    assert used[UNIT] == "bc-cdyt-sua.docx"
    [old] = [r for r in summary.rejected if r.file == "bc-cdyt.docx"]
    assert old.reason is RejectReason.SUPERSEDED
    assert old.message == ("được thay thế bởi bc-cdyt-sua.docx (văn bản đó ghi “Báo cáo này thay thế Báo cáo số "
                           "12/BC-CĐYT ngày 10/12/2023 của Nhà trường.”); bản này không dùng để chấm")
    text = Path(summary.report).read_text(encoding="utf-8")
    assert set(times_named(text, inbox).values()) == {1}


def test_a_revision_mark_decides_between_reports_of_the_same_date(tmp_path):
    rubric = sample_rubric()
    inbox = _inbox(tmp_path)
    revised = report_docx(inbox / "a.docx", rubric, UNIT, full_scores(rubric, minus=1), number="20/BC-CĐYT")
    document = docx.Document(str(revised))
    document.paragraphs[0].insert_paragraph_before("(BẢN SỬA ĐỔI, BỔ SUNG)")
    document.save(revised)
    _arrive(revised, 1_700_000_000)
    _arrive(report_docx(inbox / "b.docx", rubric, UNIT, full_scores(rubric, minus=3), number="20/BC-CĐYT"),
            1_700_100_000)  # same date, arrived later: without the mark it would win
    summary = process_inbox(inbox, tmp_path / "out", year=2023)
    [record] = summary.result.reports.values()
    assert record.file == "a.docx" and record.revision.text == "(BẢN SỬA ĐỔI, BỔ SUNG)"
    assert summary.result.board.units[0].total == rubric.scale - 1


def test_every_file_of_a_mixed_inbox_is_named_once_in_the_run_report(tmp_path):
    rubric = sample_rubric()
    inbox = _inbox(tmp_path)
    report_docx(inbox / "bc-cdyt.docx", rubric, UNIT, full_scores(rubric), date="ngày 10 tháng 12 năm 2023")
    _arrive(report_docx(inbox / "bc-cdyt-cu.docx", rubric, UNIT, full_scores(rubric, minus=4),
                        date="ngày 01 tháng 12 năm 2023"), 1_600_000_000)
    report_docx(inbox / "bc-sptt.docx", rubric, OTHER, full_scores(rubric, minus=2))
    shutil.copy2(inbox / "bc-sptt.docx", inbox / "bc-sptt (gửi lại).docx")
    report_docx(inbox / "bc-2022.docx", rubric, OTHER, full_scores(rubric), year=2022,
                date="ngày 10 tháng 12 năm 2022")
    invitation = docx.Document()
    for line in ("CỤM THI ĐUA SỐ 18", "Số: 15/GM-CTĐ18", "GIẤY MỜI", "Dự Hội nghị tổng kết năm 2023"):
        invitation.add_paragraph(line)
    invitation.save(inbox / "giay-moi.docx")
    (inbox / "ghi chu.txt").write_text("Em gửi báo cáo của trường ạ.", encoding="utf-8")
    (inbox / "~$bc-cdyt.docx").write_bytes(b"\x00lock")
    (inbox / "cum.yaml").write_text("name: Cụm\n", encoding="utf-8")
    (inbox / "dang-chep.docx.part").write_bytes(b"PK")
    (inbox / "con").mkdir()
    report_docx(inbox / "con" / "bc-khac.docx", rubric, "Trường Cao đẳng Điều dưỡng Hà Đông", full_scores(rubric))
    summary = process_inbox(inbox, tmp_path / "out", year=2023)
    text = Path(summary.report).read_text(encoding="utf-8")
    counts = times_named(text, inbox)
    assert len(counts) == 11 and set(counts.values()) == {1}, counts
    reasons = {r.file: r.reason for r in summary.rejected}
    assert reasons == {
        "bc-cdyt-cu.docx": RejectReason.SUPERSEDED, "bc-sptt (gửi lại).docx": RejectReason.DUPLICATE,
        "bc-2022.docx": RejectReason.WRONG_YEAR, "giay-moi.docx": RejectReason.NOT_A_REPORT,
        "ghi chu.txt": RejectReason.NOT_A_REPORT, "~$bc-cdyt.docx": RejectReason.SKIPPED,
        "cum.yaml": RejectReason.SKIPPED, "dang-chep.docx.part": RejectReason.SKIPPED,
    }
    assert "- ~$bc-cdyt.docx: tệp khóa tạm của Word/LibreOffice" in text


def test_every_file_of_the_sample_inbox_is_named_once(tmp_path):
    inbox = SAMPLE_CLUSTER_DIR / "inbox"
    summary = process_inbox(inbox, tmp_path / "out", cluster=SAMPLE_CLUSTER_DIR / "cluster.yaml",
                            rubric=SAMPLE_CLUSTER_DIR / "rubric.yaml", rules=SAMPLE_CLUSTER_DIR / "rules.yaml")
    counts = times_named(Path(summary.report).read_text(encoding="utf-8"), inbox)
    assert counts and set(counts.values()) == {1}, counts


def test_every_file_of_the_inbox_with_bad_files_is_named_once(bad_inbox, tmp_path):
    summary = process_inbox(bad_inbox, tmp_path / "out", cluster=SAMPLE_CLUSTER_DIR / "cluster.yaml",
                            rubric=SAMPLE_CLUSTER_DIR / "rubric.yaml", rules=SAMPLE_CLUSTER_DIR / "rules.yaml")
    counts = times_named(Path(summary.report).read_text(encoding="utf-8"), bad_inbox)
    assert set(counts.values()) == {1}, counts
