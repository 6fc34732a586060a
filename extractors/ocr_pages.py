"""The scanned pages of one PDF OCR'd side by side, in threads of the process reading it.

A page's OCR is mostly Tesseract, in processes of its own, and numpy and PIL; threads are enough,
and PDFium (not thread-safe) stays with the reading thread, which renders each scan under
PDFIUM_LOCK and hands the image over. As many pages at once as the process has Tesseract slots
(ocr_slots): a page spends most of its time in Tesseract, and every page in flight holds its
images under the cap.

The pages share the reading process's memory cap (RLIMIT_AS, set on each reading worker by
pipeline/runs/isolation.py; Tesseract processes inherit it, each for itself). A page starts beside
others only when the room the cap left as the file's first scan came holds them all, each counted
at ``page_bytes``; the first page always starts, and when that room does not hold two pages the
pages are read one at a time in the reading thread, as before. So a smaller cap only means fewer
pages at once, never a file set aside that fitted before.
"""

from __future__ import annotations

import resource
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Generic, TypeVar

from extractors.ocr_slots import pages_at_once

S = TypeVar("S")
R = TypeVar("R")

# Measured in a reading worker (its malloc lean: pipeline/runs/isolation.py) on a scan of A4 pages
# rendered at 300 dpi (8.7 million pixels): a page read alone raised the worker's peak address
# space by 145 MB, two pages side by side by 285 MB; ~16 bytes a pixel a page, its rendered image
# included, counted here at 20. A thread reading pages also takes its stack (8 MB).
_BYTES_PER_PIXEL = 20
_THREAD_BYTES = 8 * 2**20


def page_bytes(pixels: int) -> int:
    """Address space set aside for OCR'ing a page of ``pixels`` beside others."""
    return pixels * _BYTES_PER_PIXEL + _THREAD_BYTES


class OcrPages(Generic[S, R]):
    """``read(scan, index)`` for each scan submitted, side by side; a context manager that waits for
    all of them on leaving. With one page at a time, each is read in the caller's thread at once."""

    def __init__(self, read: Callable[[S, int], R], at_once: int | None = None) -> None:
        self._read = read
        self._at_once = pages_at_once() if at_once is None else at_once
        self._pool: ThreadPoolExecutor | None = None
        self._gate: _Gate | None = None
        self._futures: list[Future[R]] = []

    def __enter__(self) -> OcrPages[S, R]:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            # Never cancelled: a page waiting for a thread may come before the one that failed.
            self._pool.shutdown(wait=True)

    def submit(self, scan: S, index: int, pixels: int) -> Future[R]:
        """The page's reading, started once the pages already started leave it room."""
        if self._at_once > 1 and self._pool is None:
            self._start(pixels)
        if self._pool is None:
            return _resolved(self._read(scan, index))
        gate, cost = self._gate, page_bytes(pixels)
        gate.enter(cost)
        try:
            future = self._pool.submit(self._read, scan, index)
        except BaseException:
            gate.leave(cost)
            raise
        future.add_done_callback(lambda _: gate.leave(cost))
        self._futures.append(future)
        return future

    def _start(self, pixels: int) -> None:
        """Threads for the pages, if the room left under the cap holds two pages like the first;
        otherwise every page is read in this thread, as a process without slots does, so that a
        file that fitted read that way does not now fail for a thread and the pages beside it."""
        room = _room()
        if room is not None and room < 2 * page_bytes(pixels):
            self._at_once = 1
            return
        self._pool = ThreadPoolExecutor(self._at_once, thread_name_prefix="tdkt-ocr")
        self._gate = _Gate(self._at_once, room)

    @property
    def failed(self) -> bool:
        """Whether a page already failed: the file will, so no more pages need starting."""
        return any(f.done() and f.exception() is not None for f in self._futures)


class _Gate:
    """Pages in flight: at most ``most``, and within ``room`` bytes (None: no cap) unless alone."""

    def __init__(self, most: int, room: int | None) -> None:
        self._most, self._room = most, room
        self._changed = threading.Condition()
        self._pages = 0
        self._reserved = 0

    def enter(self, cost: int) -> None:
        with self._changed:
            self._changed.wait_for(lambda: self._pages == 0 or (self._pages < self._most and self._fits(cost)))
            self._pages += 1
            self._reserved += cost

    def leave(self, cost: int) -> None:
        with self._changed:
            self._pages -= 1
            self._reserved -= cost
            self._changed.notify_all()

    def _fits(self, cost: int) -> bool:
        return self._room is None or self._reserved + cost <= self._room


def _room() -> int | None:
    """Address space this process may still take under its cap; None when it has no cap."""
    cap, _ = resource.getrlimit(resource.RLIMIT_AS)
    if cap == resource.RLIM_INFINITY:
        return None
    try:
        used = int(Path("/proc/self/statm").read_text().split()[0]) * resource.getpagesize()
    except (OSError, ValueError, IndexError):
        return 0  # unknown: a page at a time, as when pages were not read side by side
    return max(cap - used, 0)


def _resolved(value: R) -> Future[R]:
    future: Future[R] = Future()
    future.set_result(value)
    return future
