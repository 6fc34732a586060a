"""A scan of several pages: the first pages of a city report (city_corpus: prose, tables of figures,
the self-scoring table), converted to PDF by LibreOffice and scanned (criteria_tables.scan_pdf:
grey JPEG pages, a small skew, paper tone and grain, no text layer). For reading a long scan's
pages side by side (tests/test_ocr_pages.py, bench/ocr_pages.py)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pypdfium2 as pdfium

from .city_corpus import plan_cluster, write_report_docx
from .criteria_tables import convert, scan_pdf


def long_scan(path: Path, pages: int, seed: int = 16, office: str | None = None) -> Path:
    """Write a scan of ``pages`` pages at ``path``; the same pages for the same seed."""
    report = next(r for r in plan_cluster(seed, 1, pages=2.0 * pages).reports if r.target_pages >= pages + 2)
    with tempfile.TemporaryDirectory(prefix="tdkt-long-scan-") as tmp:
        source = write_report_docx(report, Path(tmp) / "report.docx")
        [pdf] = convert([source], "pdf", Path(tmp) / "pdf", office)
        first = Path(tmp) / "first.pdf"
        _first_pages(pdf, first, pages)
        return scan_pdf(first, path, seed)


def _first_pages(pdf: Path, out: Path, pages: int) -> None:
    source, target = pdfium.PdfDocument(str(pdf)), pdfium.PdfDocument.new()
    try:
        if len(source) < pages:
            raise ValueError(f"{pdf.name} has {len(source)} pages, fewer than {pages}")
        target.import_pages(source, list(range(pages)))
        target.save(str(out))
    finally:
        target.close()
        source.close()
