"""The command line speaks Vietnamese, says its version, and answers a user's mistake with one
Vietnamese line and exit status 1, before reading any file; never a traceback."""

from __future__ import annotations

import pytest

from cli.main import main


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as e:
        code = e.code
    out, err = capsys.readouterr()
    return code, out, err


def test_help_is_vietnamese_throughout(capsys):
    code, out, _ = _run(capsys, "run", "--help")
    assert code == 0
    assert out.startswith("Cách dùng: tdkt run [-h] --inbox THƯ_MỤC --out THƯ_MỤC [--year NĂM]")
    assert "tùy chọn:" in out and "-h, --help" in out and "in hướng dẫn này rồi thoát" in out
    for english in ("usage:", "options:", "show this help", "INBOX", "YEAR"):
        assert english not in out


def test_version(capsys):
    code, out, _ = _run(capsys, "--version")
    assert code == 0 and out.startswith("tdkt ")
    _, out, _ = _run(capsys, "--help")
    assert "--version      in phiên bản của tdkt rồi thoát" in out and "show program" not in out


@pytest.mark.parametrize(("argv", "line"), [
    (["extract", "/không/có.docx"], "Lỗi: không thấy tệp /không/có.docx"),
    (["run", "--out", "x"], "Lỗi: còn thiếu: --inbox (xem: tdkt run --help)"),
    (["run", "--inbox", "{tmp}", "--out", "{tmp}/out", "--year", "abc"],
     "Lỗi: --year: giá trị không hợp lệ: 'abc' (xem: tdkt run --help)"),
    (["run", "--inbox", "{tmp}", "--out", "{tmp}/out", "--year", "2030"],
     "Lỗi: năm 2030 không thể là năm tổng kết (từ 1990 đến {last})"),
    (["run", "--inbox", "{tmp}/khong-co", "--out", "{tmp}/out"], "Lỗi: không thấy thư mục {tmp}/khong-co"),
    (["run", "--inbox", "{tmp}", "--out", "{tmp}/out", "--cluster", "{tmp}"],
     "Lỗi: {tmp} là một thư mục, cần một tệp"),
    (["finalize", "{tmp}/khong-co"], "Lỗi: không thấy thư mục {tmp}/khong-co"),
    (["explain", "cdyt", "--workspace", "{tmp}/khong-co"],
     "Lỗi: không thấy thư mục không gian làm việc {tmp}/khong-co"),
    (["lam-gi-do"], "Lỗi: LỆNH: không có lựa chọn 'lam-gi-do' (chọn một trong: 'demo', 'run',"),
])
def test_a_users_mistake_is_one_vietnamese_line_and_exit_1(capsys, tmp_path, argv, line):
    import datetime as dt

    fill = {"tmp": str(tmp_path), "last": str(dt.date.today().year + 1)}
    code, out, err = _run(capsys, *(a.format(**fill) for a in argv))
    expected = line.format(**fill)
    assert code == 1 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(expected)
    assert "Traceback" not in err


def test_an_unexpected_error_is_one_line_not_a_traceback(capsys, tmp_path, monkeypatch):
    import cli.main

    def boom(args):
        raise ValueError("hỏng")

    monkeypatch.setattr(cli.main, "_finalize", boom)
    code, _, err = _run(capsys, "finalize", str(tmp_path))
    assert code == 1
    assert err.strip() == ("Lỗi không mong muốn (ValueError): hỏng. Chạy lại với -v để xem chi tiết, và báo bộ "
                           "phận CNTT.")


def test_a_broken_rubric_is_said_once_before_any_server_starts(capsys, tmp_path):
    (tmp_path / "inbox").mkdir()
    (tmp_path / "rubric.yaml").write_text("groups:\n  - code: A\n    title: [x\n", encoding="utf-8")
    code, out, err = _run(capsys, "run", "--inbox", str(tmp_path / "inbox"), "--out", str(tmp_path / "out"),
                          "--rubric", str(tmp_path / "rubric.yaml"))
    assert code == 1 and out == ""  # not even "Đang xử lý …": nothing was started
    assert err.startswith(f"Lỗi: Tệp cấu hình {tmp_path / 'rubric.yaml'} không hợp lệ:\n  - dòng 4: lỗi cú pháp YAML")
    assert err.count("không hợp lệ") == 1 and "Traceback" not in err


def test_a_full_disk_is_one_line_saying_what_to_do(capsys, tmp_path, monkeypatch):
    import sqlite3

    import cli.main

    def full(args):
        try:
            raise sqlite3.OperationalError("database or disk is full")
        except sqlite3.OperationalError as e:
            raise RuntimeError("(sqlite3.OperationalError) database or disk is full") from e

    (tmp_path / "inbox").mkdir()
    monkeypatch.setattr(cli.main, "_process", full)  # the ledger's write fails as on a full disk
    code, out, err = _run(capsys, "process", "--workspace", str(tmp_path))
    assert code == 1 and out == "" and "Traceback" not in err
    assert err.strip() == ("Lỗi: ổ đĩa đã đầy khi ghi sổ theo dõi hoặc dự thảo; hãy giải phóng chỗ trống trên ổ chứa "
                           "không gian làm việc rồi chạy lại (không tệp nào bị mất: lần chạy sau làm tiếp)")


def test_reading_workers_start_early_only_when_the_inbox_may_hold_new_files(tmp_path):
    """While a temporary Prefect server starts, tdkt process starts the reading workers only if an
    inbox file changed after the ledger was last written (a run with nothing new would only pay
    for them)."""
    import os
    import time

    from cli.main import _maybe_new_files
    from pipeline.runs.workspace import Workspace

    ws = Workspace(tmp_path / "ws").create()
    assert _maybe_new_files(ws)  # no ledger yet: everything is new
    report = ws.inbox / "BC.docx"
    report.write_bytes(b"x")
    ledger = ws.root / "ledger.sqlite"
    ledger.write_bytes(b"")
    later = time.time() + 5
    os.utime(ledger, (later, later))
    assert not _maybe_new_files(ws)
    os.utime(ledger, (later - 3600, later - 3600))  # a file copied in after the ledger was written
    assert _maybe_new_files(ws)
