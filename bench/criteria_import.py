"""`tdkt rubric import` on generated criteria documents with ground truth.

    .venv/bin/python bench/criteria_import.py [--seeds 3000] [--scans 24] [--jobs 2] [--start 0]
                                              [--show 10] [--keep DIR]

Draws --seeds documents from tests/generators/criteria_tables.py (76% .docx read directly, 20%
PDF, 2% .doc and 2% .odt made by LibreOffice from the .docx) plus --scans scanned PDFs (OCR,
seconds a page), imports each one and compares it with the rubric docs/criteria-import.md says
it holds. Prints per format: documents, exact rate, non-exact-but-reported rate (rows unplaced,
problems, or the document refused), SILENTLY WRONG count (a clean import of a different rubric:
must be 0), crashes, and import time per document; then the most common first differences,
each with a seed to rebuild it (`generate(seed, profile)` + `write_docx`). The property test
tests/test_criteria_generated.py runs the same on ~300 documents.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from generators.criteria_runs import Outcome, Runner, plan, tally  # noqa: E402

SHARES = {"docx": 0.76, "pdf": 0.20, "doc": 0.02, "odt": 0.02}


def counts(seeds: int) -> dict[str, int]:
    out = {fmt: int(seeds * share) for fmt, share in SHARES.items()}
    out["docx"] += seeds - sum(out.values())
    return out


def failure_shape(outcome: Outcome) -> str:
    """The kind of the first difference, without codes, titles and figures."""
    text = outcome.diff or outcome.detail
    text = text.split(":", 1)[1] if ":" in text and not text.startswith("refused") else text
    text = re.sub(r"'[^']*'|“[^”]*”", "…", text)
    text = re.sub(r"\(\d[^)]*\)", "(…)", text)
    return f"{outcome.status:8} {re.sub(r'[0-9]+([.,][0-9]+)?', 'N', text).strip()[:100]}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, default=3000, help="documents in text formats")
    parser.add_argument("--scans", type=int, default=24, help="scanned PDFs (OCR)")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes")
    parser.add_argument("--start", type=int, default=0, help="first seed of each format")
    parser.add_argument("--show", type=int, default=10, help="failure shapes listed")
    parser.add_argument("--keep", type=Path, help="keep the documents in this folder")
    args = parser.parse_args()

    n = counts(args.seeds)
    cases = plan(**n, scan=args.scans, start=args.start)
    with tempfile.TemporaryDirectory(prefix="tdkt-criteria-bench-") as tmp:
        folder = args.keep or Path(tmp)
        started = time.perf_counter()
        with Runner(folder, jobs=args.jobs, lo_batches=max(1, args.jobs)) as run:
            outcomes = run.all(cases)
        wall = time.perf_counter() - started

    print(f"\n{len(outcomes)} generated criteria documents in {wall:.0f} s with {args.jobs} jobs "
          f"({', '.join(f'{k} {v:.0f} s' for k, v in run.timings.items())})")
    print(f"\n{'format':8} {'docs':>6} {'exact':>8} {'reported':>9} {'SILENT':>7} {'crash':>6} {'s/doc':>7}")
    rows = tally(outcomes)
    total = {"documents": 0, "exact": 0, "reported": 0, "silent": 0, "crash": 0, "seconds": 0.0}
    for fmt in ("docx", "pdf", "doc", "odt", "scan"):
        if fmt not in rows:
            continue
        r = rows[fmt]
        for k in total:
            total[k] += r[k]
        _row(fmt, r)
    _row("all", total)

    shapes: dict[str, list[Outcome]] = defaultdict(list)
    for o in outcomes:
        if o.status != "exact":
            shapes[failure_shape(o)].append(o)
    if shapes:
        print(f"\nmost common first differences ({len(shapes)} shapes; seed to rebuild):")
        for shape, members in sorted(shapes.items(), key=lambda kv: -len(kv[1]))[:args.show]:
            example = members[0]
            print(f"  {len(members):5}  {shape}")
            said = (example.diff or example.detail)[:160]
            print(f"         e.g. {example.case.fmt} seed {example.case.seed}: {said}")
    silent = [o for o in outcomes if o.status == "silent"]
    if silent:
        print(f"\nSILENTLY WRONG ({len(silent)}):")
        for o in silent[:args.show]:
            print(f"  {o.line()[:260]}")


def _row(name: str, r: dict[str, float]) -> None:
    docs = r["documents"] or 1
    print(f"{name:8} {r['documents']:6} {r['exact'] / docs:8.1%} {r['reported'] / docs:9.1%} {r['silent']:7} "
          f"{r['crash']:6} {r['seconds'] / docs:7.2f}")


if __name__ == "__main__":
    main()
