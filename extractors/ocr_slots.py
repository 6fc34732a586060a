"""Tesseract slots: how many Tesseract processes run at once across all the reading workers of a run.

The pages of a scan are OCR'd side by side (extractors/ocr_pages.py) and files are read side by
side in worker processes (pipeline/runs/isolation.py); without a bound shared by the workers, two
workers OCR'ing two pages each would run four Tesseracts on two cores. Tesseract is run with one
thread (shared/stack.md), so a slot is a core.

A slot is a lock file in a folder the run makes for its workers, held (fcntl.flock, exclusive)
while one Tesseract process runs. The lock belongs to the open file, which that Tesseract process
inherits: the slot stays taken as long as Tesseract runs, even if its reader was killed meanwhile,
and is free as soon as both are gone. The kernel keeps the count, so no worker killed for its time
or memory limit can leave a slot taken for ever.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

# Waiting for a slot: tried again after this long, doubling up to _MOST_WAIT. A Tesseract call
# takes 0.2–2 s, so this costs little, and no waiter can be left blocked on one slot while
# another frees.
_FIRST_WAIT = 0.002
_MOST_WAIT = 0.02


@dataclass(frozen=True)
class Slots:
    folder: Path
    count: int

    def prepare(self) -> Slots:
        """The folder and its lock files made (by the run, before its workers start)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        for index in range(self.count):
            (self.folder / _name(index)).touch()
        return self


_slots: Slots | None = None  # this process's, set by its worker's initializer


def use(slots: Slots | None) -> None:
    """Tesseract in this process runs in one of ``slots`` from now on (None: without slots, one
    page at a time, as a process reading on its own)."""
    global _slots
    _slots = slots


def pages_at_once() -> int:
    """How many pages of a scan this process may OCR side by side: as many as there are slots
    (more would only wait), one when it has none."""
    return _slots.count if _slots is not None else 1


@contextlib.contextmanager
def slot() -> Iterator[tuple[int, ...]]:
    """Wait for a free slot and hold it; yields the descriptors a Tesseract process started in it
    must inherit (``pass_fds``), none when this process has no slots."""
    slots = _slots
    if slots is None:
        yield ()
        return
    held = _take(slots)
    try:
        yield (held,)
    finally:
        os.close(held)  # the slot is free once the Tesseract process that inherited it has ended too


def _take(slots: Slots) -> int:
    wait = _FIRST_WAIT
    while True:
        for index in range(slots.count):
            # Opened anew each time: a flock belongs to the open file, so two threads of one
            # process sharing a descriptor would both think they held the slot.
            fd = os.open(slots.folder / _name(index), os.O_RDWR | os.O_CREAT, 0o600)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                continue
            return fd
        time.sleep(wait)
        wait = min(2 * wait, _MOST_WAIT)


def _name(index: int) -> str:
    return f"tesseract-{index}.lock"
