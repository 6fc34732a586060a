"""Extractors: one module per file format, all producing `pipeline.core.model.Document`.

`extract()` is the single entry point; `EXTRACTORS` is the one table mapping a detected format to
its reader (.doc, .odt and .rtf go through LibreOffice to the .docx reader). Formats tdkt
recognizes but cannot read get a plain message saying what to do. `convert_legacy_together()`
converts the .doc, .odt and .rtf files of a batch ahead, in one LibreOffice call, for `extract()`
to read each one without starting LibreOffice again.
"""

from __future__ import annotations

import hashlib
from functools import partial
from pathlib import Path

from extractors.base import Extractor
from extractors.docx_reader import read_docx
from extractors.office_convert import convert_many, read_with_libreoffice
from extractors.pdf_limits import check_pdf
from extractors.pdf_reader import read_pdf
from extractors.sniff import Sniffed, sniff
from extractors.text_reader import read_text
from extractors.zip_limits import check_zip, release_inflated
from pipeline.core.errors import RejectedFileError, RejectReason
from pipeline.core.model import Document, DocumentFormat
from pipeline.core.settings import Settings

# The formats LibreOffice converts to .docx before they are read.
_LIBREOFFICE: dict[Sniffed, DocumentFormat] = {
    Sniffed.OLE_WORD: DocumentFormat.DOC,
    Sniffed.ODT: DocumentFormat.ODT,
    Sniffed.RTF: DocumentFormat.RTF,
}

EXTRACTORS: dict[Sniffed, Extractor] = {
    Sniffed.DOCX: read_docx,
    Sniffed.PDF: read_pdf,
    **{kind: partial(read_with_libreoffice, source=source) for kind, source in _LIBREOFFICE.items()},
    Sniffed.TEXT: read_text,
}

_NOT_READABLE: dict[Sniffed, tuple[RejectReason, str]] = {
    Sniffed.EMPTY: (RejectReason.EMPTY, "tệp rỗng (0 byte); có thể việc sao chép bị lỗi, hãy gửi lại"),
    Sniffed.OLE_ENCRYPTED: (
        RejectReason.ENCRYPTED,
        "tệp Word được đặt mật khẩu nên không đọc được; hãy gỡ mật khẩu rồi gửi lại",
    ),
    Sniffed.ZIP_OTHER: (
        RejectReason.UNSUPPORTED,
        "tệp nén hoặc tệp văn phòng không phải văn bản (Excel, PowerPoint…); hãy gửi báo cáo dạng Word hoặc PDF",
    ),
    Sniffed.UNKNOWN: (
        RejectReason.UNSUPPORTED,
        "không phải tệp văn bản tdkt đọc được; hãy gửi báo cáo dạng Word (.docx, .doc), PDF, .odt, .rtf hoặc .txt",
    ),
}


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def extract(path: Path, display_name: str | None = None, settings: Settings | None = None) -> Document:
    """Read one file into the document model, or raise RejectedFileError saying why not."""
    settings = settings or Settings()
    name = display_name or path.name
    try:
        kind = _checked_kind(path, name, settings, keep=True)
        return EXTRACTORS[kind](path, name, file_sha256(path), settings)
    finally:
        release_inflated()  # what the zip check inflated for the .docx reader, if it did not take it


def convert_legacy_together(paths: list[Path], folder: Path, settings: Settings) -> list[str]:
    """The .doc, .odt and .rtf files among ``paths`` converted to .docx in one LibreOffice call, each
    left in ``folder`` as <sha256>.docx; extract() then reads that instead of converting the file
    again, when its settings name the folder (``converted``). A file extract() would refuse before
    converting it (too large, encrypted, a zip bomb) is left out, and so is one LibreOffice leaves
    unconverted: extract() converts it alone, as it always did, and names what is wrong with it.
    Returns the sha256 of the files converted. Never raises."""
    sources: dict[str, tuple[Path, DocumentFormat]] = {}
    for path in paths:
        try:
            # Sniffed first: the checks of a PDF (opening it) are of no use here.
            if sniff(path) in _LIBREOFFICE:
                kind = _checked_kind(path, path.name, settings)
                sources.setdefault(file_sha256(path), (path, _LIBREOFFICE[kind]))
        except (RejectedFileError, OSError):
            continue  # its own reading says why
    return convert_many(sources, folder, settings)


def _checked_kind(path: Path, name: str, settings: Settings, keep: bool = False) -> Sniffed:
    """The file's real format, once the checks made before any reading pass (size, readable
    format, zip and PDF limits); raises RejectedFileError saying which does not. ``keep``: a .docx's
    zip check keeps what it inflates for the reader (zip_limits.take_inflated)."""
    size = path.stat().st_size
    if size > settings.max_file_bytes:
        raise RejectedFileError(
            name,
            RejectReason.TOO_LARGE,
            f"tệp quá lớn ({size / 1e6:.0f} MB, giới hạn {settings.max_file_bytes / 1e6:.0f} MB)",
        )
    kind = sniff(path)
    if kind in _NOT_READABLE:
        reason, message = _NOT_READABLE[kind]
        raise RejectedFileError(name, reason, message)
    if kind in (Sniffed.DOCX, Sniffed.ODT):
        check_zip(path, name, settings, keep=keep and kind is Sniffed.DOCX)
    elif kind is Sniffed.PDF:
        check_pdf(path, name, settings)
    return kind
