"""Who wrote a report, read from its header without a cluster file, over generated headers
(tests/generators/report_headers.py): 240 .docx, 24 of them as PDF, 2 of those scanned (a unit's name on two lines). The
unit's name (with the casing its body writes, else the official-name rules), its parent bodies
and the place must come out exactly."""

from __future__ import annotations

from pathlib import Path

import pytest
from generators.report_headers import OPTIONS, generate, write_docx

from extractors import extract
from pipeline.core.textnorm import fold
from pipeline.understanding.header import read_header
from pipeline.understanding.issuer import read_issuer

SEEDS = range(240)
PDFS = 24
SCANS = 2


@pytest.fixture(scope="module")
def documents(tmp_path_factory, to_pdf) -> list[tuple[str, object, tuple]]:
    from generators.criteria_tables import scan_pdf

    folder = tmp_path_factory.mktemp("headers")
    headers = [generate(seed) for seed in SEEDS]
    files = [write_docx(h, folder / f"{h.stem}.docx") for h in headers]
    pdfs = to_pdf(files[:PDFS], folder / "pdf")
    # Scans (seconds each) of headers whose unit's name is on two lines, the hard case for OCR.
    scanned = [(h, p) for h, p in zip(headers, pdfs, strict=False) if len(h.unit_lines) == 2][:SCANS]
    scans = [(h, scan_pdf(p, folder / f"{p.stem}-scan.pdf", seed=i)) for i, (h, p) in enumerate(scanned)]
    cases = ([("docx", h, p) for h, p in zip(headers, files, strict=True)]
             + [("pdf", h, p) for h, p in zip(headers, pdfs, strict=False)]
             + [("scan", h, p) for h, p in scans])
    return [(fmt, header, _reading(path)) for fmt, header, path in cases]


def _reading(path: Path) -> tuple[str | None, list[str], str | None]:
    doc = extract(path)
    issuer = read_issuer(doc)
    return (issuer.name if issuer else None, list(issuer.parents) if issuer else [], read_header(doc).place)


def test_every_generated_header_gives_the_unit_its_parents_and_the_place(documents):
    wrong = []
    for fmt, header, (name, parents, place) in documents:
        if (name, [fold(p) for p in parents], place) != (header.name, [fold(p) for p in header.parents], header.place):
            wrong.append(f"{fmt} {header.seed} {header.options}: {name!r} {parents} {place!r} ≠ "
                         f"{header.name!r} {header.parents} {header.place!r}")
    assert not wrong, f"{len(wrong)} of {len(documents)}:\n" + "\n".join(wrong[:10])


def test_a_two_line_scanned_header_is_one_unit(documents):
    two_lines = [(h, reading) for fmt, h, reading in documents if fmt == "scan" and len(h.unit_lines) == 2]
    assert two_lines, "the scans include a unit's name written on two lines"
    for header, (name, _, _) in two_lines:
        assert name == header.name


def test_the_generator_draws_every_layout_within_fifty_seeds():
    seen = {key: {generate(seed).options[key] for seed in range(50)} for key in OPTIONS}
    assert seen == {key: set(values) for key, values in OPTIONS.items()}
