"""Files read side by side: the reading itself runs in the worker processes of
pipeline/runs/isolation.py, so a run needs only as many threads as there are workers to keep them
all busy (and the threads only wait)."""

from __future__ import annotations

import contextvars
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from pipeline.core.settings import Settings

T = TypeVar("T")
R = TypeVar("R")


def reading_threads(settings: Settings) -> int:
    """One per reading worker process; one when files are read in the run's own process
    (TDKT_ISOLATE=0), where threads would only contend for the GIL."""
    return settings.read_workers if settings.isolate else 1


def side_by_side(work: Callable[[T], R], items: list[T], workers: int) -> list[R]:
    """``work`` on every item, up to ``workers`` at a time, results in the items' order. Each call
    runs in a copy of the caller's context, so it reports to the caller's watcher and Prefect run."""
    if workers <= 1 or len(items) <= 1:
        return [work(item) for item in items]
    with ThreadPoolExecutor(max_workers=min(workers, len(items)), thread_name_prefix="tdkt-doc") as pool:
        futures = [pool.submit(contextvars.copy_context().run, work, item) for item in items]
        return [future.result() for future in futures]
