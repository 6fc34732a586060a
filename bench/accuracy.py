"""Accuracy of reading hard documents, on the generated corpus with ground truth.

    .venv/bin/python bench/accuracy.py [--corpus tests/data/corpus] [--case scan-pdf] [--generated 100]

Prints, per format and per case and overall: self-score cell accuracy, total-score accuracy, unit
identification accuracy, awards precision and recall, and pages per second. The corpus and its
truth.json are made by tests/corpus/make_corpus.py; tests/test_hard_documents.py holds the
non-OCR formats at 100% cell accuracy and the OCR path at an explicit floor. Then the same
reader on --generated self-scoring tables drawn at random (exact / flagged / silently wrong).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from examples import SAMPLE_CLUSTER_DIR  # noqa: E402
from pipeline.core.textnorm import fold  # noqa: E402
from pipeline.results.outcome import FileOutcome  # noqa: E402
from pipeline.runs.steps import load_inputs, read_report  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "corpus"


@dataclass
class Tally:
    files: int = 0
    pages: int = 0
    seconds: float = 0.0
    cells: int = 0
    cells_right: int = 0
    totals: int = 0
    totals_right: int = 0
    units_right: int = 0
    awards_true: int = 0
    awards_found: int = 0
    awards_right: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in ("files", "pages", "seconds", "cells", "cells_right", "totals", "totals_right",
                     "units_right", "awards_true", "awards_found", "awards_right"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses += other.misses

    def row(self) -> dict[str, float]:
        def share(a: int, b: int) -> float:
            return a / b if b else 1.0

        return {
            "files": self.files,
            "cell_accuracy": share(self.cells_right, self.cells),
            "total_accuracy": share(self.totals_right, self.totals),
            "unit_accuracy": share(self.units_right, self.files),
            "award_precision": share(self.awards_right, self.awards_found),
            "award_recall": share(self.awards_right, self.awards_true),
            "pages_per_second": self.pages / self.seconds if self.seconds else 0.0,
        }


def measure_file(path: Path, truth: dict, inputs: tuple) -> Tally:
    rubric, _, cluster = inputs
    start = time.perf_counter()
    outcome = read_report(path, rubric, cluster)
    return score_outcome(outcome, truth, time.perf_counter() - start)


def score_outcome(outcome: FileOutcome, truth: dict, seconds: float) -> Tally:
    """Compare what was read from one corpus file with its truth."""
    tally = Tally(files=1, pages=truth.get("pages") or 1, seconds=seconds)
    facts = outcome.facts
    name = truth["file"]
    if facts is None:
        tally.misses.append(f"{name}: not read ({outcome.rejection.message if outcome.rejection else '?'})")
    tally.units_right = int(bool(facts and facts.unit and facts.unit.member_id == truth["unit_id"]))
    if facts and not tally.units_right:
        tally.misses.append(f"{name}: unit {facts.unit.member_id if facts.unit else None} != {truth['unit_id']}")
    rows = facts.self_scores.criterion_rows() if facts and facts.self_scores else {}
    for code, want in truth["self_scores"].items():
        tally.cells += 1
        got = rows[code].self_score if code in rows else None
        if got is None and code.startswith("V") and want == 0:
            got = 0.0
        if got is not None and abs(got - want) < 1e-9:
            tally.cells_right += 1
        else:
            tally.misses.append(f"{name}: {code} read {got}, truth {want}")
    if truth["self_scores"]:
        tally.totals = 1
        claimed = facts.self_scores.claimed_total if facts and facts.self_scores else None
        tally.totals_right = int(claimed == truth["claimed_total"] or (
            truth["claimed_total"] is None and claimed is None))
        if not tally.totals_right:
            tally.misses.append(f"{name}: total read {claimed}, truth {truth['claimed_total']}")
    # An award counts as found when its name as written or its canonical name is the truth's
    # (a TCVN3 text whose "ư" was lost still names the right award).
    wanted = Counter((_key(a["form"]), a["recipient"], a["count"]) for a in truth["awards"])
    found = Counter()
    for award in facts.awards if facts else []:
        names = {_key(award.as_written), _key(award.award)}
        match = next(((n, award.recipient.value, award.count) for n in names
                      if (n, award.recipient.value, award.count) in wanted), None)
        found[match or (_key(award.as_written), award.recipient.value, award.count)] += 1
    tally.awards_true, tally.awards_found = sum(wanted.values()), sum(found.values())
    tally.awards_right = sum((found & wanted).values())
    return tally


def _key(name: str) -> str:
    return fold(name).replace("ư", "")


def measure(corpus: Path = CORPUS, case: str | None = None) -> dict[str, dict[str, Tally]]:
    """Tallies by format, by case and overall ('all')."""
    truth = json.loads((corpus / "truth.json").read_text(encoding="utf-8"))
    inputs = load_inputs(SAMPLE_CLUSTER_DIR / "rubric.yaml", None, SAMPLE_CLUSTER_DIR / "cluster.yaml")
    by_format: dict[str, Tally] = defaultdict(Tally)
    by_case: dict[str, Tally] = defaultdict(Tally)
    overall = Tally()
    for entry in truth:
        if case and entry["case"] != case:
            continue
        tally = measure_file(corpus / entry["file"], entry, inputs)
        kind = "ocr" if entry["case"].startswith("scan") else entry["format"]
        by_format[kind].add(tally)
        by_case[entry["case"]].add(tally)
        overall.add(tally)
    return {"format": dict(by_format), "case": dict(by_case), "all": {"all": overall}}


def _print(title: str, tallies: dict[str, Tally]) -> None:
    print(f"\n{title:22} files  cells   totals  units   aw.prec aw.rec  pages/s")
    for name, tally in sorted(tallies.items()):
        r = tally.row()
        print(f"{name:22} {r['files']:5}  {r['cell_accuracy']:6.1%} {r['total_accuracy']:6.1%}  "
              f"{r['unit_accuracy']:6.1%}  {r['award_precision']:6.1%} {r['award_recall']:6.1%}  "
              f"{r['pages_per_second']:6.1f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--case")
    parser.add_argument("--misses", action="store_true", help="list every wrong cell, total, unit")
    parser.add_argument("--generated", type=int, default=100,
                        help="also read this many generated self-scoring tables (0: none)")
    parser.add_argument("--generated-pdf", type=int, default=10, help="of them, also as text PDFs")
    args = parser.parse_args()
    result = measure(args.corpus, args.case)
    _print("by format", result["format"])
    _print("by case", result["case"])
    _print("overall", result["all"])
    if args.misses:
        print("\nmisses:")
        for line in result["all"]["all"].misses:
            print(" ", line)
    if args.generated:
        _generated(args.generated, args.generated_pdf)


def _generated(count: int, pdf: int) -> None:
    """The self-scoring reader on generated tables (tests/generators/selfscore_tables.py): layouts
    nobody wrote by hand, beside the corpus's figures (bench/selfscore_read.py for more)."""
    import tempfile

    sys.path.insert(0, str(ROOT / "tests"))
    from generators.selfscore_runs import run

    with tempfile.TemporaryDirectory() as folder:
        outcomes, _ = run(list(range(count)), pdf, Path(folder), jobs=2)
    print(f"\n{'generated self-scoring tables':26} {'docs':>5}  {'exact':>7} {'flagged':>8} {'SILENT':>7}")
    for fmt in sorted({o.fmt for o in outcomes}):
        rows = [o for o in outcomes if o.fmt == fmt]
        share = {s: sum(o.status == s for o in rows) for s in ("exact", "flagged", "silent", "crash")}
        print(f"{fmt:26} {len(rows):5}  {share['exact'] / len(rows):7.1%} {share['flagged'] / len(rows):8.1%} "
              f"{share['silent'] + share['crash']:7}")


if __name__ == "__main__":
    main()
