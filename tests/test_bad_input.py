"""Bad files are set aside with a plain reason naming them; the rest of the inbox still gets drafts."""

import hashlib
import os
import shutil
from pathlib import Path

import pytest
from conftest import GOOD

from examples import SAMPLE_CLUSTER_DIR
from pipeline.core.errors import RejectReason
from pipeline.runs.inbox_run import process_inbox


def _snapshot(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


EXPECTED_REJECTIONS = {
    "BC CĐNT (chép dở).docx": (RejectReason.CORRUPT, "tệp Word (.docx) bị hỏng hoặc chưa được sao chép hết"),
    "BC CĐĐD bị cắt.pdf": (RejectReason.CORRUPT, "tệp PDF bị hỏng hoặc chưa được sao chép hết"),
    "co mat khau.pdf": (RejectReason.ENCRYPTED, "tệp PDF được đặt mật khẩu nên không đọc được"),
    "rong.docx": (RejectReason.EMPTY, "tệp rỗng (0 byte)"),
    "ghi chu.txt": (RejectReason.NOT_A_REPORT, "không phải báo cáo tổng kết (đây là bài báo, tin hoặc thư gửi kèm"),
    "ảnh chụp.jpg": (RejectReason.UNSUPPORTED, "không phải tệp văn bản tdkt đọc được"),
    "~$ TĐKT 2023 - ĐH VHNT Thủ đô.docx": (RejectReason.SKIPPED, "tệp khóa tạm của Word/LibreOffice"),
}


def check_bad_inbox_summary(summary, inbox: Path) -> None:
    rejected = {r.file: r for r in summary.rejected}
    assert set(rejected) == set(EXPECTED_REJECTIONS)  # the Office lock file too: named, skipped
    for name, (reason, words) in EXPECTED_REJECTIONS.items():
        assert rejected[name].reason is reason, name
        assert words in rejected[name].message, name
    assert [u.member_id for u in summary.result.board.units] == ["dhvhnt", "cdyt", "cdsp"]
    assert len(summary.drafts) == 5 and all(Path(d).exists() for d in summary.drafts)
    report = Path(summary.report).read_text(encoding="utf-8")
    assert "Tệp không dùng: 7" in report
    assert "  - co mat khau.pdf: tệp PDF được đặt mật khẩu nên không đọc được" in report


def test_bad_files_are_reported_and_the_rest_is_processed(bad_inbox, tmp_path):
    before = _snapshot(bad_inbox)
    summary = process_inbox(bad_inbox, tmp_path / "out", rubric=SAMPLE_CLUSTER_DIR / "rubric.yaml",
                            rules=SAMPLE_CLUSTER_DIR / "rules.yaml", cluster=SAMPLE_CLUSTER_DIR / "cluster.yaml")
    check_bad_inbox_summary(summary, bad_inbox)
    assert _snapshot(bad_inbox) == before  # no inbox file deleted or modified
    missing = summary.result.missing
    assert "Trường Cao đẳng Nghệ thuật Thăng Long" in missing


def test_a_crashing_extractor_is_contained(bad_inbox, tmp_path, monkeypatch, capfd):
    """An unexpected error in one file is that file's rejection, not the run's end; its traceback
    goes to the run's error log, never to the screen."""
    monkeypatch.setenv("TDKT_ISOLATE", "0")  # it patches the readers in this process
    import extractors
    from pipeline.runs.error_log import errors_logged_to

    real = extractors.EXTRACTORS[extractors.Sniffed.DOCX]

    def flaky(path, name, sha, settings):
        if "Tây Hồ" in name:
            raise RuntimeError("boom")
        return real(path, name, sha, settings)

    monkeypatch.setitem(extractors.EXTRACTORS, extractors.Sniffed.DOCX, flaky)
    log = tmp_path / "out" / "loi-khi-doc-tep.log"
    with errors_logged_to(log):
        summary = process_inbox(bad_inbox, tmp_path / "out", rubric=SAMPLE_CLUSTER_DIR / "rubric.yaml",
                                cluster=SAMPLE_CLUSTER_DIR / "cluster.yaml")
    rejected = {r.file: r for r in summary.rejected}
    crashed = rejected["Báo cáo tổng kết TĐKT năm 2023 (CĐSP Tây Hồ).docx"]
    assert crashed.reason is RejectReason.INTERNAL
    assert crashed.message == (f"lỗi không mong muốn khi đọc tệp (RuntimeError); tệp được để riêng (chi tiết ghi "
                               f"trong {log}), hãy báo bộ phận CNTT")
    assert [u.member_id for u in summary.result.board.units] == ["dhvhnt", "cdyt"]
    assert "RuntimeError: boom" in log.read_text(encoding="utf-8")
    printed = capfd.readouterr()
    assert "Traceback" not in printed.out + printed.err


def test_wrong_year_and_duplicate_are_set_aside(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in GOOD[:2]:
        shutil.copy2(SAMPLE_CLUSTER_DIR / "inbox" / name, inbox / name)
    copy = inbox / "BC CĐYT - Copy.pdf"
    shutil.copy2(SAMPLE_CLUSTER_DIR / "inbox" / GOOD[1], copy)
    original_time = (inbox / GOOD[1]).stat().st_mtime
    os.utime(copy, (original_time + 60, original_time + 60))  # the copy arrived a minute later
    summary = process_inbox(inbox, tmp_path / "out", year=2024, cluster=SAMPLE_CLUSTER_DIR / "cluster.yaml")
    rejected = {r.file: r for r in summary.rejected}
    assert rejected["BC CĐYT - Copy.pdf"].reason is RejectReason.DUPLICATE
    assert rejected[GOOD[0]].message == "báo cáo năm 2023, không thuộc năm 2024 đang tổng hợp"
    assert summary.drafts == [] and summary.problem == "không có báo cáo hợp lệ nào để chấm điểm"


def test_without_cluster_file_members_are_the_units_found(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in GOOD:
        shutil.copy2(SAMPLE_CLUSTER_DIR / "inbox" / name, inbox / name)
    summary = process_inbox(inbox, tmp_path / "out")
    names = sorted(m.name for m in summary.result.cluster.members)
    assert names == ["Trường Cao đẳng Sư phạm Tây Hồ", "Trường Cao đẳng Y tế Thủ đô",
                     "Trường Đại học Văn hóa Nghệ thuật Thủ đô"]
    assert summary.year == 2023
    assert summary.result.board.units[0].name == "Trường Đại học Văn hóa Nghệ thuật Thủ đô"


def test_per_file_limits(tmp_path):
    from extractors import extract
    from pipeline.core.errors import RejectedFileError
    from pipeline.core.settings import Settings

    report = SAMPLE_CLUSTER_DIR / "inbox" / GOOD[1]
    with pytest.raises(RejectedFileError) as err:
        extract(report, settings=Settings(max_pages=3))
    assert err.value.reason is RejectReason.TOO_LARGE
    assert err.value.message == "tệp PDF có 5 trang, vượt giới hạn 3 trang"
    with pytest.raises(RejectedFileError) as err:
        extract(report, settings=Settings(max_file_bytes=1000))
    assert err.value.reason is RejectReason.TOO_LARGE
