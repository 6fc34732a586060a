"""Does a change to understanding leave every report's facts exactly as they were? And how fast is it?

    .venv/bin/python bench/understanding_identity.py --base /work/wt-base [--clusters 16] [CORPUS]
    .venv/bin/python bench/understanding_identity.py --base /work/wt-base --speed [--clusters 8] [CORPUS]

CORPUS is a folder of generated clusters as bench/city.py caches them (default: its cache for seed 1,
/tmp/tdkt-city/seed1-g1-p15-o9-pdf0.5-scan0-doc0/clusters; run bench/city.py once to make it).
Every text PDF, .docx and .txt of the first ``--clusters`` clusters is extracted once, by this
checkout; ``--base`` is a checkout of the code to compare against (a git worktree at main). Each
checkout then reads those same Documents with its own understanding, in its own process with its
own PYTHONPATH (each cluster's rubric.yaml and cluster.yaml), and each file's
ReportFacts.model_dump_json() is compared byte for byte.

``--speed`` instead times understanding alone (pipeline.understanding.understand, one process, CPU
time, each file read once as in a run, after a warm-up on the last cluster of the corpus), base and
this checkout taking turns in fresh processes, and says it per file for .docx and per page for PDF.
The machines are shared and noisy: compare the two figures of one run, not across runs.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from checkouts import HERE, run_in

CORPUS = Path("/tmp/tdkt-city/seed1-g1-p15-o9-pdf0.5-scan0-doc0/clusters")
SUFFIXES = (".pdf", ".docx", ".txt")


def _extract(corpus: Path, clusters: int, out: Path) -> None:
    """Run in this checkout: (cluster, file, format, pages, Document JSON) lines of every readable file."""
    from extractors import extract
    from pipeline.core.errors import RejectedFileError
    from pipeline.core.settings import Settings

    settings = Settings()
    with out.open("w", encoding="utf-8") as f:
        for k in range(1, clusters + 1):
            for path in sorted((corpus / f"ctd{k}").iterdir()):
                if path.suffix.lower() not in SUFFIXES:
                    continue
                try:
                    doc = extract(path, settings=settings)
                except RejectedFileError:
                    continue
                pages = len({b.provenance.page for b in doc.blocks if b.provenance.page is not None})
                f.write(json.dumps([f"ctd{k}", path.name, doc.format.value, pages, doc.model_dump_json()],
                                   ensure_ascii=False) + "\n")


def _rules(folder: Path) -> tuple:
    from pipeline.config.cluster import load_cluster
    from pipeline.config.rubric import load_rubric
    from pipeline.runs.steps import ruleset_for

    rubric = load_rubric(folder / "rubric.yaml")
    return rubric, ruleset_for(rubric, load_cluster(folder / "cluster.yaml"))


def _understand(corpus: Path, listing: Path, out: Path | None) -> None:
    """Run in a checkout: each Document's facts (``out``), or the CPU seconds by format (stdout)."""
    from extractors import extract
    from pipeline.core.model import Document
    from pipeline.understanding import understand

    lines = [json.loads(line) for line in listing.read_text(encoding="utf-8").splitlines()]
    rules = {cluster: _rules(corpus / cluster) for cluster in {line[0] for line in lines}}
    docs = [(Document.model_validate_json(line[4]), *rules[line[0]]) for line in lines]
    if out is not None:
        with out.open("w", encoding="utf-8") as f:
            for doc, rubric, ruleset in docs:
                f.write(understand(doc, rubric, ruleset).model_dump_json() + "\n")
        return
    last = sorted(corpus.glob("ctd*/"), key=lambda p: int(p.name[3:]))[-1]
    rubric, ruleset = _rules(last)
    for path in sorted(last.glob("*.docx"))[:6] + sorted(last.glob("*.pdf"))[:3]:
        understand(extract(path), rubric, ruleset)  # imports and rule caches warmed, as in a worker
    seconds: dict[str, float] = {}
    for (doc, rubric, ruleset), line in zip(docs, lines, strict=True):
        start = time.process_time()
        understand(doc, rubric, ruleset)
        seconds[line[2]] = seconds.get(line[2], 0.0) + time.process_time() - start
    print(json.dumps(seconds))


def identity(base: Path, corpus: Path, listing: Path, tmp: Path) -> int:
    outputs = {}
    for label, root in (("base", base), ("new", HERE)):
        outputs[label] = tmp / f"{label}.jsonl"
        run_in(root, __file__, "--worker", str(corpus), str(listing), str(outputs[label]))
    names = [json.loads(line)[:2] for line in listing.read_text(encoding="utf-8").splitlines()]
    old = outputs["base"].read_bytes().split(b"\n")
    new = outputs["new"].read_bytes().split(b"\n")
    differing = [name for name, a, b in zip(names, old, new, strict=False) if a != b]
    print(f"{len(names) - len(differing)}/{len(names)} documents' facts byte-identical")
    for cluster, file in differing:
        print(f"  differs: {cluster}/{file}")
    return 1 if differing or len(old) != len(new) else 0


def speed(base: Path, corpus: Path, listing: Path, rounds: int) -> None:
    lines = [json.loads(line) for line in listing.read_text(encoding="utf-8").splitlines()]
    counts = {"docx": sum(1 for line in lines if line[2] == "docx"),
              "pdf": sum(line[3] for line in lines if line[2] == "pdf")}
    rates: dict[str, dict[str, list[float]]] = {label: {"docx": [], "pdf": []} for label in ("base", "new")}
    for _ in range(rounds):
        for label, root in (("base", base), ("new", HERE)):
            seconds = json.loads(run_in(root, __file__, "--timer", str(corpus), str(listing)))
            for fmt in ("docx", "pdf"):
                rates[label][fmt].append(counts[fmt] / seconds[fmt] if seconds.get(fmt) else 0.0)
    print(f"understanding alone, one core, CPU time, each file once, median of {rounds} rounds: "
          f"{counts['docx']} .docx, {counts['pdf']} text-PDF pages")
    for label, by_format in rates.items():
        print(f"  {label:4}: .docx {statistics.median(by_format['docx']):6.1f} files/s, "
              f"PDF {statistics.median(by_format['pdf']):6.1f} pages/s")
    for fmt in ("docx", "pdf"):
        ratio = statistics.median(rates["new"][fmt]) / statistics.median(rates["base"][fmt])
        print(f"  new ÷ base, {fmt}: {ratio:.2f}×")


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] in ("--worker", "--timer"):
        sys.path.insert(0, os.getcwd())
        corpus, listing = Path(sys.argv[2]), Path(sys.argv[3])
        _understand(corpus, listing, Path(sys.argv[4]) if sys.argv[1] == "--worker" else None)
        return
    if len(sys.argv) > 1 and sys.argv[1] == "--extract":
        sys.path.insert(0, os.getcwd())
        _extract(Path(sys.argv[2]), int(sys.argv[3]), Path(sys.argv[4]))
        return
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", type=Path, required=True, help="checkout to compare against")
    parser.add_argument("--clusters", type=int, default=16)
    parser.add_argument("--speed", action="store_true", help="time understanding instead")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("corpus", type=Path, nargs="?", default=CORPUS)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        listing = Path(tmp) / "documents.jsonl"
        run_in(HERE, __file__, "--extract", str(args.corpus), str(args.clusters), str(listing))
        if args.speed:
            speed(args.base.resolve(), args.corpus, listing, args.rounds)
        else:
            sys.exit(identity(args.base.resolve(), args.corpus, listing, Path(tmp)))


if __name__ == "__main__":
    main()
