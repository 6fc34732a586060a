"""tdkt's self-scoring table reader on generated tables with ground truth.

    .venv/bin/python bench/selfscore_read.py [--seeds 300] [--pdf 40] [--scans 0] [--jobs 2]
                                             [--start 0] [--show 10] [--keep DIR]

Draws --seeds self-scoring tables from tests/generators/selfscore_tables.py (.docx), converts
the first --pdf of them to text PDFs with LibreOffice, makes --scans scans of seeds of their own
(100000 + --start on; a third long tables over pages, a quarter with a page sideways), reads each with ``extract`` and
``find_self_score_table`` against the table's rubric, and classifies the reading:

  exact / flagged / silent / crash   as tests/generators/selfscore_runs.py defines them

Prints per format: documents, exact rate, flagged rate, SILENTLY WRONG count, crashes and read
time per document (and for the reports that score in prose); then the most common first
differences, each with a seed to rebuild it (``generate_report(seed)`` + ``write_docx``; a scan:
``selfscore_runs.rebuild_scan(ScanCase(seed, sideways), folder)``), and the exact rate by layout
choice.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from generators.selfscore_runs import STATUSES, Outcome, check_split, run  # noqa: E402
from generators.selfscore_tables import generate_report  # noqa: E402

# --- report ---------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, default=300, help="generated tables (.docx)")
    parser.add_argument("--pdf", type=int, default=40, help="of them, also read as text PDFs")
    parser.add_argument("--scans", type=int, default=0, help="scans, of seeds of their own (OCR: ~5 s a page)")
    parser.add_argument("--split", type=int, default=0, help="of them (tables), also sent as two files")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes")
    parser.add_argument("--start", type=int, default=0, help="first seed")
    parser.add_argument("--show", type=int, default=10, help="failure shapes listed")
    parser.add_argument("--keep", type=Path, help="keep the documents in this folder")
    args = parser.parse_args()

    seeds = list(range(args.start, args.start + args.seeds))
    with tempfile.TemporaryDirectory(prefix="tdkt-selfscore-bench-") as tmp:
        folder = args.keep or Path(tmp)
        started = time.perf_counter()
        outcomes, timings = run(seeds, min(args.pdf, args.seeds), folder, args.jobs, scans=args.scans)
        if args.split:
            t = time.perf_counter()
            tables = [s for s in seeds if generate_report(s).layout.form == "table"][:args.split]
            outcomes += [check_split(s, folder / "split" / str(s)) for s in tables]
            timings["split"] = time.perf_counter() - t
        wall = time.perf_counter() - started

    print(f"\n{len(outcomes)} generated self-scoring tables in {wall:.0f} s with {args.jobs} jobs "
          f"({', '.join(f'{k} {v:.0f} s' for k, v in timings.items())})")
    print(f"\n{'format':8} {'docs':>6} {'exact':>8} {'flagged':>8} {'SILENT':>7} {'crash':>6} {'s/doc':>7}")
    for fmt in ("docx", "pdf", "scan", "split", "all"):
        chosen = [o for o in outcomes if fmt in ("all", o.fmt)]
        if chosen:
            _row(fmt, chosen)
    prose = [o for o in outcomes if o.choices.get("form") == "prose"]
    if prose:
        _row("prose", prose)
    _shapes(outcomes, args.show, "most common first differences")
    _shapes([o for o in outcomes if o.fmt == "scan"], args.show, "scans: first differences")
    _shapes(prose, args.show, "prose: first differences")
    _by_choice([o for o in outcomes if o.fmt == "docx"])
    silent = [o for o in outcomes if o.status == "silent"]
    if silent:
        print(f"\nSILENTLY WRONG ({len(silent)}):")
        for o in silent[:args.show]:
            print(f"  {o.line()[:260]}")


def _row(name: str, outcomes: list[Outcome]) -> None:
    docs = len(outcomes)
    n = {s: sum(o.status == s for o in outcomes) for s in STATUSES}
    seconds = sum(o.seconds for o in outcomes) / docs
    print(f"{name:8} {docs:6} {n['exact'] / docs:8.1%} {n['flagged'] / docs:8.1%} {n['silent']:7} "
          f"{n['crash']:6} {seconds:7.2f}")


def _shapes(outcomes: list[Outcome], show: int, title: str) -> None:
    shapes: dict[str, list[Outcome]] = defaultdict(list)
    for o in outcomes:
        if o.status != "exact":
            shapes[f"{o.status:8} {o.shape}"].append(o)
    if not shapes:
        return
    print(f"\n{title} ({len(shapes)} shapes; seed to rebuild):")
    for shape, members in sorted(shapes.items(), key=lambda kv: -len(kv[1]))[:show]:
        example = members[0]
        seeds = ", ".join(str(o.seed) for o in members[:5])
        print(f"  {len(members):5}  {shape}")
        print(f"         e.g. {example.fmt} seed {example.seed}: {example.diff[:150]}  (seeds {seeds})")
        print(f"         [{example.layout[:150]}]")


def _by_choice(outcomes: list[Outcome]) -> None:
    """Exact rate by layout choice (.docx): which choices the reader handles."""
    if not outcomes:
        return
    print("\nexact rate by layout choice (.docx):")
    names = list(outcomes[0].choices)
    for name in names:
        values: dict[object, list[Outcome]] = defaultdict(list)
        for o in outcomes:
            values[o.choices[name]].append(o)
        cells = [f"{value}: {sum(o.status == 'exact' for o in group) / len(group):5.1%} of {len(group)}"
                 for value, group in sorted(values.items(), key=lambda kv: str(kv[0]))]
        print(f"  {name:15} " + " | ".join(cells))


if __name__ == "__main__":
    main()
