"""Every entry of an inbox is named with a plain reason, whatever it is: a FIFO, a link to nothing,
a link out of the inbox, a hidden file, a lock file; nothing is opened that could block the run."""

from __future__ import annotations

import os
import shutil

from examples import SAMPLE_CLUSTER_DIR
from pipeline.runs.inbox_run import list_inbox, process_inbox

REPORT = "BC TĐKT 2023 - ĐH VHNT Thủ đô.docx"


def _odd_entries(inbox, outside):
    inbox.mkdir(parents=True)
    shutil.copyfile(SAMPLE_CLUSTER_DIR / "inbox" / REPORT, inbox / REPORT)
    os.mkfifo(inbox / "ong-dan")
    (inbox / "lien-ket-hong.docx").symlink_to(inbox / "khong-co.docx")
    outside.write_text("bí mật", encoding="utf-8")
    (inbox / "ra-ngoai.txt").symlink_to(outside)
    (inbox / "..an.docx").write_bytes(b"x")
    (inbox / "~$BC.docx").write_bytes(b"x")
    (inbox / "ban-sao.docx").symlink_to(inbox / REPORT)  # a link inside the inbox is read


def test_tdkt_run_names_every_entry_once(tmp_path):
    inbox = tmp_path / "inbox"
    _odd_entries(inbox, tmp_path / "ngoai.txt")
    listing = list_inbox(inbox)
    assert sorted(p.name for p in listing.files) == sorted([REPORT, "ban-sao.docx"])
    reasons = {r.file: r.message for r in listing.skipped}
    assert reasons == {
        "ong-dan": "ống dẫn (FIFO), không phải tệp thông thường; bỏ qua",
        "lien-ket-hong.docx": "liên kết hỏng (không trỏ tới tệp nào); bỏ qua",
        "ra-ngoai.txt": "liên kết trỏ ra ngoài hộp thư; bỏ qua",
        "..an.docx": "tệp ẩn, không phải báo cáo; bỏ qua",
        "~$BC.docx": "tệp khóa tạm của Word/LibreOffice (tự mất khi đóng tài liệu), không phải báo cáo; bỏ qua",
    }
    summary = process_inbox(inbox, tmp_path / "out", cluster=SAMPLE_CLUSTER_DIR / "cluster.yaml")
    report = (tmp_path / "out" / "ket-qua-xu-ly-2023.txt").read_text(encoding="utf-8")
    for name in reasons:
        assert report.count(name) == 1, name
    assert "bí mật" not in report and summary.drafts


def test_a_workspace_run_names_every_entry_once(tmp_path):
    from pipeline.runs.workspace_run import process_workspace

    root = tmp_path / "ws"
    _odd_entries(root / "inbox", tmp_path / "ngoai.txt")
    for name in ("cluster.yaml", "rubric.yaml", "rules.yaml"):
        shutil.copyfile(SAMPLE_CLUSTER_DIR / name, root / name)
    (root / "tdkt.yaml").write_text("settle_seconds: 0\n", encoding="utf-8")
    run = process_workspace(root).clusters[0]
    assert {r.file for r in run.skipped} == {"ong-dan", "lien-ket-hong.docx", "ra-ngoai.txt", "..an.docx",
                                             "~$BC.docx"}
    report = (root / "drafts" / "ctd18" / "2023" / "ket-qua-xu-ly-2023.txt").read_text(encoding="utf-8")
    assert "ong-dan: ống dẫn (FIFO), không phải tệp thông thường; bỏ qua" in report
    for entry in run.skipped:
        assert report.count(entry.file) == 1, entry.file


def test_control_characters_in_a_name_are_shown_escaped(tmp_path, capsys):
    """A name holding an ESC sequence never reaches the terminal or the report raw."""
    from pipeline.runs.progress import PrintedLines, watching

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copyfile(SAMPLE_CLUSTER_DIR / "inbox" / REPORT, inbox / REPORT)
    (inbox / "giay-moi\x1b[2J.txt").write_text("GIẤY MỜI\nKính mời dự họp.", encoding="utf-8")
    with watching(PrintedLines()):
        process_inbox(inbox, tmp_path / "out", cluster=SAMPLE_CLUSTER_DIR / "cluster.yaml")
    printed = capsys.readouterr().out
    report = (tmp_path / "out" / "ket-qua-xu-ly-2023.txt").read_text(encoding="utf-8")
    for text in (printed, report):
        assert "\x1b" not in text
        assert "giay-moi\\x1b[2J.txt" in text


def test_a_file_deleted_between_listing_and_reading_is_named_and_the_run_goes_on(tmp_path, monkeypatch):
    import pipeline.runs.inbox_run as inbox_run

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copyfile(SAMPLE_CLUSTER_DIR / "inbox" / REPORT, inbox / REPORT)
    (inbox / "se-bi-xoa.docx").write_bytes(b"x")
    listed = inbox_run.list_inbox

    def list_then_delete(folder):
        listing = listed(folder)
        (inbox / "se-bi-xoa.docx").unlink()  # an officer removes it while the run starts
        return listing

    monkeypatch.setattr(inbox_run, "list_inbox", list_then_delete)
    summary = process_inbox(inbox, tmp_path / "out", cluster=SAMPLE_CLUSTER_DIR / "cluster.yaml")
    assert summary.drafts
    assert [(r.file, r.message) for r in summary.rejected] == [
        ("se-bi-xoa.docx", "tệp đã bị xóa hoặc đổi tên trong lúc chạy; chưa đọc (bỏ lại vào hộp thư để đọc ở lần sau)")]
