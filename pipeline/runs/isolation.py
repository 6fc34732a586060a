"""Reading inbox files in worker processes, each file under a memory cap and a time limit.

Pre-checks (sizes, pages, zip entries) stop the hostile files we know of; this stops the rest.
Files are read by a small pool of worker processes (one per core by default, so reading also
uses both cores). Each worker's address space is capped (RLIMIT_AS, inherited by LibreOffice and
Tesseract when it starts them): a file that needs more fails with MemoryError in its worker. A file
still being read when its time is up has its worker killed and replaced. A worker that dies (a
crash in a C library) is reported for that file alone. Any of these sets the file aside with that
reason; the run and the other files go on. Workers live on between files, so the rule set a
worker built for one report serves the next, and are replaced after a number of files so that
memory one file left fragmented does not carry over for ever.

The workers share the run's Tesseract slots (extractors/ocr_slots.py), one per worker: a worker
OCRs the pages of a scan side by side, yet all the workers together never run more Tesseracts
than there are workers, so a long scan alone uses every core and scans read at once do not
oversubscribe them.

Workers are forked from a forkserver started before any thread: forking a process with threads
(Prefect's task threads) could leave a lock held for ever in the child.
"""

from __future__ import annotations

import atexit
import multiprocessing
import resource
import shutil
import signal
import tempfile
import threading
from collections.abc import Callable
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path
from typing import TypeVar

from pebble import ProcessExpired, ProcessPool

from extractors import ocr_slots
from pipeline.core.collector import settle as settle_collector
from pipeline.core.errors import RejectedFileError, RejectReason, WorkspaceError
from pipeline.core.processes import lean_malloc
from pipeline.core.settings import Settings
from pipeline.core.textnorm import format_number as fmt

T = TypeVar("T")

# Imported once by the forkserver, so that a worker starts with the readers already loaded; spaCy
# too (0.7 s, which every worker paid again when it first understood a report).
_PRELOAD = ["pipeline.runs.steps", "spacy", "spacy.lang.xx", "spacy.pipeline.span_ruler"]
_FILES_PER_WORKER = 200

_MESSAGES = {
    "memory": "cần hơn {mb} MB bộ nhớ để đọc (giới hạn max_memory_mb); tệp quá lớn hoặc có dấu hiệu tệp độc hại, "
              "đã để riêng",
    "time": "đọc quá {seconds} giây chưa xong (giới hạn max_seconds); tệp quá lớn hoặc có dấu hiệu tệp độc hại, "
            "đã để riêng",
    "died": "chương trình đọc tệp dừng bất thường ({detail}); tệp có thể hỏng hoặc có dấu hiệu tệp độc hại, "
            "đã để riêng",
}


class _Pools:
    """One pool per set of limits in this process, made when first needed."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pools: dict[tuple[int, int], ProcessPool] = {}
        self._slots_folder: Path | None = None

    def get(self, workers: int, memory_mb: int) -> ProcessPool:
        with self._lock:
            key = (workers, memory_mb)
            pool = self._pools.get(key)
            if pool is None or not pool.active:
                if multiprocessing.current_process().daemon:
                    # A Dask worker under its nanny is a daemon by default, and a daemon may not
                    # start processes: reading there without isolation would drop the limits.
                    raise WorkspaceError("tiến trình này không được tạo tiến trình đọc tệp riêng (tiến trình "
                                         "daemon, như Dask worker mặc định); hãy chạy Dask worker với biến môi "
                                         "trường DASK_DISTRIBUTED__WORKER__DAEMON=False")
                context = multiprocessing.get_context("forkserver")
                context.set_forkserver_preload(_PRELOAD)
                slots = ocr_slots.Slots(self._slots(), workers).prepare()
                pool = ProcessPool(max_workers=workers, max_tasks=_FILES_PER_WORKER, initializer=_start_worker,
                                   initargs=(memory_mb, slots), context=context)
                self._pools[key] = pool
            return pool

    def _slots(self) -> Path:
        """The folder of this process's Tesseract slots, shared by all its pools (pools of other
        limits would otherwise each run as many Tesseracts), removed when the process ends."""
        if self._slots_folder is None:
            self._slots_folder = Path(tempfile.mkdtemp(prefix="tdkt-tesseract-"))
            atexit.register(shutil.rmtree, self._slots_folder, ignore_errors=True)
        return self._slots_folder


_POOLS = _Pools()


def run_isolated(read: Callable[..., T], args: tuple, settings: Settings, name: str = "") -> T:
    """``read(*args)`` in a worker under the settings' limits. Raises RejectedFileError (reason
    LIMIT) for the file ``name`` when it needs more memory or time than allowed or its worker dies."""
    if not settings.isolate:
        return read(*args)
    pool = _POOLS.get(settings.read_workers, settings.max_memory_mb)
    future = pool.schedule(_guarded, args=(read, args), timeout=settings.max_seconds)
    try:
        kind, value = future.result()
    except FutureTimeout:
        kind, value = "time", None
    except ProcessExpired as e:
        kind, value = "died", _exit_words(e.exitcode)
    if kind == "ok":
        return value
    raise RejectedFileError(name, RejectReason.LIMIT, _MESSAGES[kind].format(mb=settings.max_memory_mb,
                                                                             seconds=fmt(settings.max_seconds),
                                                                             detail=value))


def warm_up(settings: Settings) -> None:
    """Start the reading workers now without waiting for them (while a Prefect server starts, say),
    so that the first files do not wait for them to load the readers."""
    if settings.isolate:
        pool = _POOLS.get(settings.read_workers, settings.max_memory_mb)
        for _ in range(settings.read_workers):
            pool.schedule(_ready)


def _ready() -> None:
    """Nothing: scheduling it starts the pool's workers."""


_cap: list[int] = []  # this worker's address-space cap, once set


def _start_worker(memory_mb: int, slots: ocr_slots.Slots) -> None:
    # Pages OCR'd side by side in threads: without lean_malloc, each thread's malloc arena took
    # 64 MB of the cap (a 6-page scan read two pages at a time peaked at 759 MB instead of 583).
    lean_malloc()
    cap = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    _cap.append(cap)
    ocr_slots.use(slots)
    # The readers' modules (spaCy, pydantic's schemas, lxml…) are loaded for good (the forkserver
    # preloads them): kept out of the collector's passes, which are also made rarer.
    settle_collector()


def memory_exhausted(error: BaseException | None = None) -> bool:
    """Whether ``error`` in this worker comes from its memory cap: a C library refused an allocation
    and said so as SystemError (lxml does) instead of MemoryError, or the address space is used up
    to the cap."""
    if not _cap:
        return False
    if isinstance(error, SystemError):
        return True
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            peak = next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmPeak:"))
    except (OSError, StopIteration, ValueError):
        return False
    return peak >= 0.9 * _cap[0]


def _guarded(read: Callable[..., object], args: tuple) -> tuple[str, object]:
    try:
        return "ok", read(*args)
    except MemoryError:
        return "memory", None
    except Exception as e:  # readers never raise; if one does, it is that file's problem, not the run's
        return ("memory", None) if memory_exhausted(e) else ("died", type(e).__name__)


def _exit_words(code: int | None) -> str:
    if code is not None and code < 0 and -code in signal.valid_signals():
        return f"tín hiệu {signal.Signals(-code).name}"
    return f"mã thoát {code}"
