"""How a run looks in the terminal while it works: one line per file as it is done, and below them
a progress line (files read of the total, the file being read, the time spent) redrawn in place.
When the output is not a terminal (a log, cron, a pipe) only the lines are written."""

from __future__ import annotations

import threading
from types import TracebackType

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn


class ProgressView:
    """A pipeline.runs.progress.Watcher for `tdkt`. The run's tasks report from Prefect's worker
    threads: counts are kept under a lock; rich redraws the line from its own thread."""

    def __init__(self, console: Console, starting: str = "Đang chuẩn bị …"):
        self.console = console
        self._lock = threading.Lock()
        self._total = self._done = 0
        self._progress: Progress | None = None
        if console.is_terminal:
            self._progress = Progress(
                SpinnerColumn(), TextColumn("{task.fields[counts]}"), TimeElapsedColumn(),
                TextColumn("{task.description}"), console=console, transient=True)
            self._task = self._progress.add_task(starting, counts="", total=None)

    def __enter__(self) -> ProgressView:
        if self._progress is not None:
            self._progress.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 traceback: TracebackType | None) -> None:
        if self._progress is not None:
            self._progress.stop()

    def planned(self, count: int) -> None:
        with self._lock:
            self._total += count
        self._update()

    def started(self, name: str) -> None:
        self._update(f"đang đọc {name}")

    def finished(self, name: str, line: str) -> None:
        with self._lock:
            self._done += 1
        self.note(line)
        self._update()

    def note(self, line: str) -> None:
        self.console.print(line, markup=False, highlight=False, soft_wrap=True)

    def _update(self, description: str | None = None) -> None:
        if self._progress is None:
            return
        with self._lock:
            counts = f"đã đọc {self._done}/{self._total} tệp" if self._total else ""
        fields: dict[str, object] = {"counts": counts}
        if description is not None:
            fields["description"] = description
        self._progress.update(self._task, refresh=True, **fields)
