"""LibreOffice conversions and small PDF operations (pypdfium2) for the corpus."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pypdfium2 as pdfium
from docx_builder import fix_zip_times

LO_PROFILE = "file:///tmp/lo-corpus"
FIXED_PDF_DATE = b"20231212080000"
FIXED_PDF_ID = b"0123456789ABCDEF0123456789ABCDEF"


def convert(sources: list[Path], fmt: str, outdir: Path) -> dict[Path, Path]:
    """Convert files with LibreOffice headless (one run for all); returns source → result.
    Source names must differ in their stems, as LibreOffice names results by stem."""
    if not sources:
        return {}
    assert len({s.stem for s in sources}) == len(sources), "stems must be unique"
    outdir.mkdir(parents=True, exist_ok=True)
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation={LO_PROFILE}",
                    "--convert-to", fmt, "--outdir", str(outdir), *map(str, sources)],
                   check=True, capture_output=True, timeout=600)
    results = {s: outdir / f"{s.stem}.{fmt}" for s in sources}
    missing = [str(p) for p in results.values() if not p.exists()]
    if missing:
        raise RuntimeError(f"LibreOffice produced no {fmt} for: {missing}")
    for result in results.values():
        if fmt == "pdf":
            fix_pdf_dates(result)
        elif fmt == "odt":
            fix_zip_times(result, _fixed_rsid)
    return results


def _fixed_rsid(name: str, data: bytes) -> bytes:
    """LibreOffice writes a random revision-save id into an .odt's settings.xml."""
    if name != "settings.xml":
        return data
    return re.sub(rb'(config:name="Rsid(?:Root)?" config:type="int">)\d+', rb"\g<1>1", data)


def page_counts(files: list[Path]) -> dict[Path, int]:
    """Pages of office files as LibreOffice lays them out (PDFs are counted directly)."""
    counts = {f: pages(f) for f in files if f.suffix == ".pdf"}
    others = [f for f in files if f.suffix != ".pdf"]
    with tempfile.TemporaryDirectory(prefix="corpus-pages-") as tmp:
        staged = []
        for i, f in enumerate(others):  # stage under unique stems
            target = Path(tmp) / f"{i:03d}-{f.stem}{f.suffix}"
            shutil.copy(f, target)
            staged.append(target)
        pdfs = convert(staged, "pdf", Path(tmp) / "pdf")
        for f, target in zip(others, staged, strict=True):
            counts[f] = pages(pdfs[target])
    return counts


def pages(pdf: Path) -> int:
    doc = pdfium.PdfDocument(pdf)
    try:
        return len(doc)
    finally:
        doc.close()


def page_texts(pdf: Path) -> list[str]:
    doc = pdfium.PdfDocument(pdf)
    try:
        texts = []
        for page in doc:
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return texts
    finally:
        doc.close()


def rotate_page(src: Path, dst: Path, index: int, angle: int = 90) -> None:
    """Copy a PDF, setting /Rotate on one page (0-based index)."""
    doc = pdfium.PdfDocument(src)
    try:
        page = doc[index]
        page.set_rotation(angle)
        page.close()
        doc.save(dst)
    finally:
        doc.close()
    fix_pdf_dates(dst)


def fix_pdf_dates(path: Path) -> None:
    """Give a PDF a fixed creation date, file ID and LibreOffice's /DocChecksum (same-length
    byte replacements, so the
    cross-reference offsets stay valid): rebuilding the corpus then gives the same bytes."""
    data = path.read_bytes()
    data = re.sub(rb"(/(?:CreationDate|ModDate)\s*\(D:)\d{14}", rb"\g<1>" + FIXED_PDF_DATE, data)
    data = re.sub(rb"(/ID\s*\[\s*<)[0-9A-Fa-f]{32}(>\s*<)[0-9A-Fa-f]{32}(>)",
                  rb"\g<1>" + FIXED_PDF_ID + rb"\g<2>" + FIXED_PDF_ID + rb"\g<3>", data)
    data = re.sub(rb"(/DocChecksum\s*/)[0-9A-Fa-f]{32}", rb"\g<1>" + FIXED_PDF_ID, data)
    path.write_bytes(data)
