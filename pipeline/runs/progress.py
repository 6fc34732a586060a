"""What a run tells whoever watches it while it works: how many files it has to read, which one it
is reading, one Vietnamese line per file and one per cluster.

The runs report to the watcher of the current context. `tdkt` sets one that draws a progress
display in a terminal; a scheduled run (no one set one) prints the lines with the time. A
ContextVar rather than a module global: Prefect copies the context into its task threads, so the
tasks of a flow report to the watcher of whoever started it, and two runs in one process (tests)
never report to each other's.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Protocol, TextIO


class Watcher(Protocol):
    def planned(self, count: int) -> None:
        """``count`` more files are to be read in this run."""

    def started(self, name: str) -> None:
        """Reading ``name`` has begun (a file may be started twice: opened, then understood)."""

    def finished(self, name: str, line: str) -> None:
        """``name`` is done; ``line`` says what became of it."""

    def note(self, line: str) -> None:
        """A line about the run as a whole (a cluster's summary)."""


class Unwatched:
    """Nobody is watching: a library call, a test."""

    def planned(self, count: int) -> None:
        pass

    def started(self, name: str) -> None:
        pass

    def finished(self, name: str, line: str) -> None:
        pass

    def note(self, line: str) -> None:
        pass


class PrintedLines(Unwatched):
    """The lines with the time, one per file and per cluster, for a log or the terminal of
    `tdkt serve` (a scheduled run's output goes there)."""

    def __init__(self, stream: TextIO | None = None):
        self.stream = stream

    def finished(self, name: str, line: str) -> None:
        self.note(line)

    def note(self, line: str) -> None:
        stream = self.stream or sys.stdout
        print(f"{time.strftime('%H:%M:%S')} {line}", file=stream, flush=True)


_current: ContextVar[Watcher | None] = ContextVar("tdkt_watcher", default=None)


def watcher() -> Watcher:
    return _current.get() or _UNWATCHED


@contextmanager
def watching(chosen: Watcher) -> Iterator[Watcher]:
    token = _current.set(chosen)
    try:
        yield chosen
    finally:
        _current.reset(token)


@contextmanager
def watched_or(default: Watcher) -> Iterator[Watcher]:
    """The watcher already set (the CLI's), else ``default`` for the duration."""
    current = _current.get()
    if current is not None:
        yield current
        return
    with watching(default) as chosen:
        yield chosen


_UNWATCHED = Unwatched()
