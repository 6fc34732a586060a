"""Evidence quotes: are they passages that state a result for the criterion, best first?

    .venv/bin/python bench/evidence.py [--seeds 1000] [--start 0] [--jobs 2] [--show 12] [--keep DIR]

Draws --seeds reports from tests/generators/evidence_reports.py (.docx and .txt; each with known
evidence sentences for some criteria, one or two criteria claimed without evidence, and
distractors sharing the criteria's words: title, opening, headings, the unit's description,
difficulties, next year's targets, a table header written as text, the self-scoring table's notes,
"Nơi nhận"), reads each with ``read_report`` against the sample rubric, and prints:

  top-1      for criteria with known evidence: the first quote is one of them (precision over the
             criteria quoted, recall over all criteria with evidence)
  all quotes precision: quotes that are known evidence of their criterion; recall: known evidence
             sentences quoted for their criterion (tdkt keeps up to 5 quotes a criterion)
  distractors quoted (any criterion), and criteria claimed without evidence that got a quote (they
             must get none, so that the claim is flagged)

then the same over the sample cluster (examples/cluster18-2023) against hand labels
(tests/generators/evidence_sample.py), and the failures by shape with seeds to rebuild
(``generate(seed)`` + ``write_all([doc], folder)``).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from generators.evidence_reports import EvidenceReport, QuoteVerdicts, generate, judge, write_all  # noqa: E402
from generators.evidence_sample import KNOWN, NEVER, is_never  # noqa: E402
from rubric_docs import sample_rubric  # noqa: E402

from examples import SAMPLE_CLUSTER_DIR  # noqa: E402
from pipeline.core.textnorm import fold  # noqa: E402
from pipeline.runs.steps import load_inputs, read_report  # noqa: E402


def quotes_of(path: Path) -> dict[str, list[str]]:
    outcome = read_report(path, sample_rubric(), None)
    if outcome.facts is None:
        return {}
    return {code: [p.quote.text for p in passages] for code, passages in outcome.facts.evidence.items()}


def _ratio(right: int, total: int) -> str:
    return f"{right / total:6.1%} ({right}/{total})" if total else "     - (0/0)"


def generated(args: argparse.Namespace) -> None:
    reports = [generate(s) for s in range(args.start, args.start + args.seeds)]
    with tempfile.TemporaryDirectory(prefix="tdkt-evidence-bench-") as tmp:
        paths = write_all(reports, args.keep or Path(tmp))
        with ProcessPoolExecutor(args.jobs) as pool:
            read = list(pool.map(quotes_of, paths, chunksize=8))
    verdicts = [judge(r, q) for r, q in zip(reports, read, strict=True)]
    tops = Counter(v for verdict in verdicts for v in verdict.top.values())
    quoted = sum(n for k, n in tops.items() if k != "none")
    print(f"\n{len(reports)} generated reports, {sum(tops.values())} criteria with known evidence, "
          f"{sum(len(r.claimed) for r in reports)} claimed without evidence")
    right = tops["right"]
    print(f"  top-1       precision {_ratio(right, quoted)}   recall {_ratio(right, sum(tops.values()))}")
    print(f"  all quotes  precision {_ratio(sum(v.right_quotes for v in verdicts), sum(v.quotes for v in verdicts))}"
          f"   recall {_ratio(sum(v.found for v in verdicts), sum(v.known for v in verdicts))}")
    print(f"  distractors quoted {sum(len(v.distractors) for v in verdicts)}; claimed criteria quoted (not flagged) "
          f"{sum(len(v.claimed_quoted) for v in verdicts)}")
    _shapes(reports, verdicts, args.show)


def _shapes(reports: list[EvidenceReport], verdicts: list[QuoteVerdicts], show: int) -> None:
    shapes: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for report, verdict in zip(reports, verdicts, strict=True):
        for code, top in verdict.top.items():
            if top != "right":
                shapes[f"top-1 {top}"].append((report.seed, code))
        for code, shape, quote in verdict.distractors:
            shapes[f"quoted {shape}"].append((report.seed, f"{code}: {quote[:90]!r}"))
        for code in verdict.claimed_quoted:
            shapes["claimed without evidence, quoted"].append((report.seed, code))
    if shapes:
        print(f"\n  failures by shape ({len(shapes)}; seeds to rebuild):")
    for shape, members in sorted(shapes.items(), key=lambda kv: -len(kv[1]))[:show]:
        print(f"  {len(members):6}  {shape}  (seeds {', '.join(str(s) for s, _ in members[:6])})")
        print(f"          e.g. {members[0][1]}")


def sample() -> None:
    rubric, _, cluster = load_inputs(SAMPLE_CLUSTER_DIR / "rubric.yaml", SAMPLE_CLUSTER_DIR / "rules.yaml",
                                     SAMPLE_CLUSTER_DIR / "cluster.yaml")
    entries = json.loads((SAMPLE_CLUSTER_DIR / "expected.json").read_text(encoding="utf-8"))
    top = quoted_top = right_quotes = quotes = found = known = 0
    wrong: list[str] = []
    for entry in entries:
        unit = entry["unit_id"]
        facts = read_report(SAMPLE_CLUSTER_DIR / "inbox" / entry["file"], rubric, cluster).facts
        evidence = {c: [p.quote.text for p in ps] for c, ps in facts.evidence.items()}
        for code, truth in KNOWN.get(unit, {}).items():
            texts = evidence.get(code, [])
            hits = [any(fold(t) in fold(q) for t in truth) for q in texts]
            known += len(truth)
            found += sum(any(fold(t) in fold(q) for q in texts) for t in truth)
            quotes, right_quotes = quotes + len(texts), right_quotes + sum(hits)
            quoted_top += bool(texts)
            top += bool(hits and hits[0])
            if texts and not hits[0]:
                wrong.append(f"{unit} {code} top: {texts[0][:100]!r}")
        for code, texts in evidence.items():
            wrong += [f"{unit} {code} quotes a non-evidence passage: {q[:100]!r}"
                      for q in texts if any(is_never(q, n) for n in NEVER.get(unit, []))]
    criteria = sum(len(c) for c in KNOWN.values())
    never = sum(1 for w in wrong if "non-evidence" in w)
    print(f"\nsample cluster ({len(entries)} reports, {criteria} labelled criteria)")
    print(f"  top-1       precision {_ratio(top, quoted_top)}   recall {_ratio(top, criteria)}")
    print(f"  labelled criteria's quotes: precision {_ratio(right_quotes, quotes)}   recall {_ratio(found, known)}")
    print(f"  non-evidence passages quoted {never}")
    for line in wrong:
        print(f"    {line}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, default=1000, help="generated reports")
    parser.add_argument("--start", type=int, default=0, help="first seed")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes")
    parser.add_argument("--show", type=int, default=12, help="failure shapes listed")
    parser.add_argument("--keep", type=Path, help="keep the generated reports in this folder")
    args = parser.parse_args()
    generated(args)
    sample()


if __name__ == "__main__":
    main()
