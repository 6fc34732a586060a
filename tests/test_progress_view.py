"""What a run shows while it works: a line per file, and in a terminal a progress line (files read
of the total, the file being read, the time spent); no progress line when not a terminal."""

from __future__ import annotations

import io
import re

from rich.console import Console

from cli.progress_view import ProgressView
from pipeline.runs.progress import PrintedLines, watched_or, watcher, watching


def _run(view: ProgressView) -> None:
    with view, watching(view):
        watcher().planned(2)
        watcher().started("BC 2023 - CĐYT.docx")
        watcher().finished("BC 2023 - CĐYT.docx", "ctd18: BC 2023 - CĐYT.docx: đã đọc (Trường Cao đẳng Y tế, năm 2023)")
        watcher().started("Giấy mời.pdf")


def test_a_terminal_shows_files_read_of_the_total_and_the_current_file():
    out = io.StringIO()
    _run(ProgressView(Console(file=out, force_terminal=True, width=120), "đang khởi động máy chủ Prefect tạm thời …"))
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", out.getvalue())
    assert "đang khởi động máy chủ Prefect tạm thời …" in text
    assert "đã đọc 0/2 tệp" in text and "đang đọc BC 2023 - CĐYT.docx" in text
    assert "đã đọc 1/2 tệp" in text and "đang đọc Giấy mời.pdf" in text
    assert re.search(r"0:00:0\d", text)  # the time spent
    assert "ctd18: BC 2023 - CĐYT.docx: đã đọc (Trường Cao đẳng Y tế, năm 2023)" in text


def test_not_a_terminal_only_the_lines_unwrapped():
    out = io.StringIO()
    _run(ProgressView(Console(file=out, width=40)))
    assert out.getvalue() == "ctd18: BC 2023 - CĐYT.docx: đã đọc (Trường Cao đẳng Y tế, năm 2023)\n"


def test_a_scheduled_run_prints_its_lines_with_the_time_unless_someone_watches():
    printed = io.StringIO()
    with watched_or(PrintedLines(printed)):
        watcher().finished("a.docx", "ctd18: a.docx: đã đọc")
        watcher().note("ctd18: 1 tệp mới (1 đã đọc)")
    assert re.fullmatch(r"\d\d:\d\d:\d\d ctd18: a\.docx: đã đọc\n\d\d:\d\d:\d\d ctd18: 1 tệp mới \(1 đã đọc\)\n",
                        printed.getvalue())
    quiet, mine = io.StringIO(), ProgressView(Console(file=io.StringIO()))
    with watching(mine), watched_or(PrintedLines(quiet)):
        assert watcher() is mine  # the CLI's display is kept
    assert quiet.getvalue() == ""
