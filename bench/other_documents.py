"""tdkt's document-kind reading on generated documents that are not unit reports.

    .venv/bin/python bench/other_documents.py [--seeds 1000] [--carriers 100] [--jobs 2]
                                              [--start 0] [--show 10] [--keep DIR]

Draws --seeds documents from tests/generators/other_documents.py (giấy mời, công văn, kế hoạch,
quyết định, tờ trình, biên bản, thông báo, hướng dẫn, news articles, cover notes; .docx, .txt,
.pdf) and --carriers positive controls (a công văn carrying the whole report, to be read as a
report), reads each with ``read_report`` against the sample rubric and counts, per kind:

  right    read as the kind it is
  wrong    read as another kind that is not scored (set aside, but named wrongly)
  SCORED   read as a report or self-scoring table: it would be scored as a unit's (for a
           positive control this is the right answer, counted under "right")
  CRITERIA taken for the cluster's criteria document (bảng tiêu chí): it would replace the
           rubric the units are scored with
  failed   not read at all (the file was rejected before its kind was known)

Then the failures by shape, each with a seed to rebuild it (``generate(seed)`` /
``generate_carrier(seed)`` + ``write_all``).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from generators.other_documents import OtherDocument, generate, generate_carrier, write_all  # noqa: E402
from rubric_docs import sample_rubric  # noqa: E402

from pipeline.runs.steps import read_report  # noqa: E402
from pipeline.understanding.rules import document_kinds  # noqa: E402

COLUMNS = ("right", "wrong", "SCORED", "CRITERIA", "failed")


def classify(path: Path) -> tuple[str, bool, str]:
    """(kind read or "(failed)", whether it would be scored, what said so)."""
    outcome = read_report(path, sample_rubric(), None)
    if outcome.criteria is not None:
        return "(criteria)", False, outcome.criteria.describe()
    if outcome.facts is None:
        return "(failed)", False, outcome.rejection.message if outcome.rejection else ""
    kind = outcome.facts.kind
    return kind.kind, kind.scored, kind.evidence


def verdict(doc: OtherDocument, read: str, scored: bool) -> str:
    if read in ("(failed)", "(criteria)"):
        return "failed" if read == "(failed)" else "CRITERIA"
    if doc.kind in document_kinds().scored:
        return "right" if scored else "wrong"
    if scored:
        return "SCORED"
    return "right" if read == doc.kind else "wrong"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, default=1000, help="generated documents that are not reports")
    parser.add_argument("--carriers", type=int, default=100, help="positive controls: công văn carrying the report")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes")
    parser.add_argument("--start", type=int, default=0, help="first seed")
    parser.add_argument("--show", type=int, default=10, help="failure shapes listed")
    parser.add_argument("--keep", type=Path, help="keep the documents in this folder")
    args = parser.parse_args()

    seeds = range(args.start, args.start + args.seeds)
    docs = [generate(s) for s in seeds] + [generate_carrier(s) for s in range(args.start, args.start + args.carriers)]
    with tempfile.TemporaryDirectory(prefix="tdkt-other-bench-") as tmp:
        folder = args.keep or Path(tmp)
        paths = write_all(docs, folder, sample_rubric())
        with ProcessPoolExecutor(args.jobs) as pool:
            reads = list(pool.map(classify, paths, chunksize=8))

    counts: dict[str, Counter[str]] = defaultdict(Counter)
    shapes: dict[str, list[tuple[OtherDocument, str]]] = defaultdict(list)
    for doc, (read, scored, evidence) in zip(docs, reads, strict=True):
        result = verdict(doc, read, scored)
        counts[doc.genre][result] += 1
        if result != "right":
            shapes[f"{result:6} {doc.genre} → {read}"].append((doc, evidence))
    print(f"\n{len(docs)} generated documents ({args.seeds} not reports, {args.carriers} công văn carrying a report)")
    print(f"\n{'kind':12} {'docs':>6} " + " ".join(f"{c:>8}" for c in COLUMNS))
    total: Counter[str] = Counter()
    for genre, row in counts.items():
        total.update(row)
        print(f"{genre:12} {sum(row.values()):6} " + " ".join(f"{row[c]:8}" for c in COLUMNS))
    print(f"{'all':12} {sum(total.values()):6} " + " ".join(f"{total[c]:8}" for c in COLUMNS))
    if shapes:
        print(f"\nfailures by shape ({len(shapes)}; seed to rebuild):")
    for shape, members in sorted(shapes.items(), key=lambda kv: -len(kv[1]))[:args.show]:
        doc, evidence = members[0]
        print(f"  {len(members):5}  {shape}  (seeds {', '.join(str(d.seed) for d, _ in members[:6])})")
        print(f"         e.g. {doc.summary()[:200]}; read from: {evidence[:80]!r}")


if __name__ == "__main__":
    main()
