"""Speed of reading reports, as ratios against a baseline measured in the same run.

    .venv/bin/python bench/extract_speed.py [--repeat 5]

Baselines are the cheapest honest reading of the same files: pypdfium2's plain page text for the
PDFs and a python-docx walk of paragraphs and table cells for the .docx files (the figures in
shared/stack.md). tdkt's extraction adds layout (paragraphs, tables with merged cells, provenance);
understanding adds the spaCy rules. The machines are noisy: compare the ratios, not the seconds.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import docx
import pypdfium2 as pdfium

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from examples import SAMPLE_CLUSTER_DIR
from extractors import extract
from pipeline.runs.steps import load_inputs, ruleset_for
from pipeline.understanding import understand


def baseline_pdf(path: Path) -> int:
    pdf = pdfium.PdfDocument(str(path))
    try:
        return sum(len(pdf[i].get_textpage().get_text_range()) for i in range(len(pdf)))
    finally:
        pdf.close()


def baseline_docx(path: Path) -> int:
    doc = docx.Document(str(path))
    size = sum(len(p.text) for p in doc.paragraphs)
    return size + sum(len(c.text) for t in doc.tables for row in t.rows for c in row.cells)


def timed(fn: Callable[[Path], object], files: list[Path], repeat: int) -> float:
    """Median seconds for one pass over ``files``."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        for path in files:
            fn(path)
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    inbox = SAMPLE_CLUSTER_DIR / "inbox"
    pdfs = sorted(p for p in inbox.glob("*.pdf") if "gui lai" not in p.name)
    docxs = sorted(inbox.glob("*.docx"))
    pages = sum(len(pdfium.PdfDocument(str(p))) for p in pdfs)
    rubric, _, cluster = load_inputs(SAMPLE_CLUSTER_DIR / "rubric.yaml", None, SAMPLE_CLUSTER_DIR / "cluster.yaml")
    rules = ruleset_for(rubric, cluster)

    def read_and_understand(path: Path) -> object:
        return understand(extract(path), rubric, rules)

    print(f"sample: {len(pdfs)} PDFs ({pages} pages), {len(docxs)} .docx; median of {args.repeat} passes")
    for label, files, baseline in (("pdf", pdfs, baseline_pdf), ("docx", docxs, baseline_docx)):
        base = timed(baseline, files, args.repeat)
        ours = timed(extract, files, args.repeat)
        full = timed(read_and_understand, files, args.repeat)
        rate = f"{pages / ours:6.0f} pages/s" if label == "pdf" else f"{len(files) / ours:6.1f} docs/s"
        print(f"{label:5} baseline {base * 1000:7.1f} ms | extract {ours * 1000:7.1f} ms ({ours / base:4.1f}× baseline,"
              f" {rate}) | extract+understand {full * 1000:7.1f} ms ({full / base:4.1f}× baseline)")


if __name__ == "__main__":
    main()
