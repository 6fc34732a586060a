"""How well tdkt reads who wrote a report from its header, without a cluster file: generated
headers (tests/generators/report_headers.py) read as .docx, PDF and scans, judged on the unit's
name (letters and casing), its parent bodies and the place.

    .venv/bin/python bench/report_headers.py --seeds 1000 --pdf 100 --scans 10
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from generators.criteria_tables import convert, scan_pdf
from generators.report_headers import GeneratedHeader, generate, write_docx

from extractors import extract
from pipeline.core.textnorm import fold
from pipeline.understanding.header import read_header
from pipeline.understanding.issuer import read_issuer

CHECKS = ("name", "casing", "parent", "place")


def judge(header: GeneratedHeader, path: Path) -> dict[str, bool]:
    """Each check of one document: the name's letters, its exact casing, the immediate parent,
    the place."""
    doc = extract(path)
    issuer = read_issuer(doc)
    place = read_header(doc).place
    name = issuer.name if issuer else ""
    parent = issuer.parents[-1] if issuer and issuer.parents else None
    return {
        "name": fold(name) == fold(header.name),
        "casing": name == header.name,
        "parent": (fold(parent) if parent else None) == (fold(header.parents[-1]) if header.parents else None),
        "place": place == header.place,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=int, default=300)
    parser.add_argument("--pdf", type=int, default=0, help="how many of the seeds also as PDF")
    parser.add_argument("--scans", type=int, default=0, help="how many of the PDFs also scanned")
    parser.add_argument("--show", type=int, default=5, help="failures shown")
    args = parser.parse_args()
    results: dict[str, Counter] = {}
    shown = 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        headers = [generate(seed) for seed in range(args.seeds)]
        docx_files = [write_docx(h, folder / f"{h.stem}.docx") for h in headers]
        cases = [("docx", h, p) for h, p in zip(headers, docx_files, strict=True)]
        if args.pdf:
            pdfs = convert(docx_files[: args.pdf], "pdf", folder / "pdf")
            cases += [("pdf", h, p) for h, p in zip(headers, pdfs, strict=False)]
            for i, (h, p) in enumerate(zip(headers[: args.scans], pdfs, strict=False)):
                cases.append(("scan", h, scan_pdf(p, folder / f"{h.stem}-scan.pdf", seed=i)))
        for fmt, header, path in cases:
            verdict = judge(header, path)
            tally = results.setdefault(fmt, Counter())
            tally["documents"] += 1
            tally.update(k for k, ok in verdict.items() if ok)
            judged = [ok for k, ok in verdict.items() if k != "casing" or header.options["body_names"]]
            if not all(judged) and shown < args.show:
                shown += 1
                doc = extract(path)
                issuer = read_issuer(doc)
                print(f"[{fmt} {header.seed} {header.options}] want {header.name!r} / {header.parents} / "
                      f"{header.place!r}; got {issuer and issuer.name!r} / {issuer and issuer.parents} / "
                      f"{read_header(doc).place!r}")
    for fmt, tally in results.items():
        n = tally["documents"]
        print(f"{fmt}: {n} documents; " + ", ".join(f"{k} {100 * tally[k] / n:.1f}%" for k in CHECKS))


if __name__ == "__main__":
    main()
