"""Peak memory of a whole run: a process and every process under it (forkserver, reading workers,
LibreOffice, Tesseract), their resident sizes summed and sampled. getrusage cannot say this: its
children's figure is the largest single child, not the sum of those alive at once."""

from __future__ import annotations

import contextlib
import os
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

_PAGE = os.sysconf("SC_PAGE_SIZE")


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])  # the name in parentheses may hold spaces
        tree.setdefault(ppid, []).append(int(entry.name))
    return tree


def tree_rss(pid: int) -> int:
    """Resident bytes of ``pid`` and all its descendants now."""
    tree, total, todo = _children(), 0, [pid]
    while todo:
        current = todo.pop()
        with contextlib.suppress(OSError, IndexError, ValueError):  # gone meanwhile
            total += int(Path(f"/proc/{current}/statm").read_text().split()[1]) * _PAGE
        todo.extend(tree.get(current, []))
    return total


class PeakWatch:
    """Samples ``tree_rss(pid)`` every ``interval`` seconds until stopped; ``peak`` in bytes."""

    def __init__(self, pid: int, interval: float = 0.05):
        self.pid, self.interval, self.peak = pid, interval, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> PeakWatch:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, tree_rss(self.pid))
            self._stop.wait(self.interval)


@dataclass
class Watched:
    returncode: int
    seconds: float
    peak_bytes: int
    stdout: str
    stderr: str


def run_watched(argv: list[str], env: dict[str, str] | None = None, timeout: float = 600) -> Watched:
    """Run ``argv`` to its end, with the peak memory of its whole process tree."""
    started = time.monotonic()
    process = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    with PeakWatch(process.pid) as watch:
        try:
            out, err = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            out, err = process.communicate()
    return Watched(process.returncode, time.monotonic() - started, watch.peak, out, err)


def _high_water_mark() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        return next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmHWM:"))


def measured(function, *args):
    """``(function(*args), seconds, peak resident bytes of this process meanwhile)``: the peak is
    reset first where Linux allows it (/proc/self/clear_refs), so in a worker reading file after
    file it is this call's own."""
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")
    started = time.perf_counter()
    result = function(*args)
    return result, time.perf_counter() - started, _high_water_mark()
