"""A long scan read by one reading worker, its pages one at a time or side by side.

    PYTHONPATH=.:tests python bench/ocr_pages.py [--pages 6] [--rounds 3] [--wait-idle]

Writes a generated scan (tests/generators/long_scan.py: a city report's first pages, LibreOffice,
scanned) once, then reads it in a reading worker as a run does (pipeline/runs/isolation.py),
alternately ``rounds`` times each: with read_workers=1 (one Tesseract slot: the pages one after
another, as before pages were read side by side) and read_workers=2 (two slots: two pages at
once; run against an older checkout, still one at a time). Prints per reading the wall time,
the CPU seconds of the worker and its Tesseracts, and whether the document is the same as the first
reading's, and how many cores other programs kept busy meanwhile (the machine's busy time less
this reading's): on a shared machine the wall times move with it. --wait-idle starts each reading
only once other programs have kept less than 0.2 cores busy for 5 s (waiting up to 10 minutes).
"""

from __future__ import annotations

import argparse
import os
import resource
import time
from pathlib import Path

from generators.long_scan import long_scan

from pipeline.core.settings import Settings
from pipeline.runs.isolation import run_isolated


def measured_read(path: Path) -> tuple[float, float, dict]:
    """In the worker: wall and CPU seconds (its own and its finished children's) of one reading."""
    from extractors.pdf_reader import read_pdf

    before, started = _cpu(), time.perf_counter()
    document = read_pdf(path, path.name, "bench")
    return time.perf_counter() - started, _cpu() - before, document.model_dump()


def _cpu() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _machine_cpu() -> float:
    """CPU seconds the whole machine has spent busy (every process's, /proc/stat)."""
    with open("/proc/stat", encoding="ascii") as stat:
        ticks = [int(x) for x in stat.readline().split()[1:9]]
    return (sum(ticks) - ticks[3] - ticks[4]) / os.sysconf("SC_CLK_TCK")


def _wait_idle(most_cores: float = 0.2, sample: float = 5.0, give_up: float = 600.0) -> float:
    """Wait until the machine's busy time over ``sample`` seconds is under ``most_cores``; the cores
    busy in the last sample."""
    deadline = time.monotonic() + give_up
    while True:
        before = _machine_cpu()
        time.sleep(sample)
        busy = (_machine_cpu() - before) / sample
        if busy < most_cores or time.monotonic() > deadline:
            return busy


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=6)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--scan", type=Path, help="where the scan is kept (default: /tmp/tdkt-bench-ocr-N-pages.pdf)")
    parser.add_argument("--wait-idle", action="store_true", help="start each reading on an idle machine")
    args = parser.parse_args()
    args.scan = args.scan or Path(f"/tmp/tdkt-bench-ocr-{args.pages}-pages.pdf")
    if not args.scan.exists():
        long_scan(args.scan, args.pages)
    print(f"{args.scan} ({args.pages} pages), {os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}")
    first = None
    for round_ in range(1, args.rounds + 1):
        for workers in (1, 2):
            settings = Settings(read_workers=workers, max_seconds=3600)
            run_isolated(os.getpid, (), settings)  # the pool's workers started before the clock
            before = f"busy before: {_wait_idle():.2f} cores; " if args.wait_idle else ""
            machine = _machine_cpu()
            wall, cpu, document = run_isolated(measured_read, (args.scan,), settings, args.scan.name)
            others = _machine_cpu() - machine - cpu
            first = first or document
            print(f"round {round_} read_workers={workers}: {wall:5.1f} s wall, {cpu:5.1f} CPU-s, "
                  f"same document: {document == first}; {before}other programs meanwhile: {others / wall:.2f} cores",
                  flush=True)


if __name__ == "__main__":
    main()
