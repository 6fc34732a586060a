"""Where the details of an unexpected error in one file go: a log file beside the run's results,
never the officer's terminal. The officer sees one Vietnamese line naming the file and the log.

The run sets the file for its context (a ContextVar, as the watcher: Prefect's task threads see
it); the per-file readers in worker processes get it with their settings and append to it.
"""

from __future__ import annotations

import datetime as dt
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

_current: ContextVar[Path | None] = ContextVar("tdkt_error_log", default=None)

LOG_NAME = "loi-khi-doc-tep.log"


@contextmanager
def errors_logged_to(path: Path) -> Iterator[Path]:
    token = _current.set(path)
    try:
        yield path
    finally:
        _current.reset(token)


def current_error_log() -> Path | None:
    return _current.get()


def append_error(log: Path, name: str, error: BaseException) -> bool:
    """The traceback of ``error`` while reading ``name``, appended to ``log``; False if it could not be
    written (the message then says to run again with -v)."""
    text = "".join(traceback.format_exception(error))
    entry = f"--- {dt.datetime.now().isoformat(timespec='seconds')} {name}\n{text}\n"
    try:
        log.parent.mkdir(parents=True, exist_ok=True)
        with log.open("a", encoding="utf-8") as out:  # one write per entry: readers in parallel append whole entries
            out.write(entry)
    except OSError:
        return False
    return True
