"""The per-file lines of a run in the Prefect run's logs (the UI's "Logs" tab), beside whoever
already watches the run (tdkt's terminal display, serve's printed lines)."""

from __future__ import annotations

from contextlib import suppress

from prefect import get_run_logger
from prefect.exceptions import MissingContextError

from pipeline.runs.progress import Watcher


class LoggedLines:
    """Passes everything on to ``shown``; each file's line also goes to the current Prefect run's
    log. Cluster summaries are left to the flow, which logs one per cluster."""

    def __init__(self, shown: Watcher):
        self.shown = shown

    def planned(self, count: int) -> None:
        self.shown.planned(count)

    def started(self, name: str) -> None:
        self.shown.started(name)

    def finished(self, name: str, line: str) -> None:
        self.shown.finished(name, line)
        with suppress(MissingContextError):  # called outside a run (a plain call of the task's function)
            get_run_logger().info(line)

    def note(self, line: str) -> None:
        self.shown.note(line)
