"""Extractors: one module per file format, all producing `pipeline.core.model.Document`.

`extract()` is the single entry point; `EXTRACTORS` is the one table mapping a detected format to
its reader (.doc, .odt and .rtf go through LibreOffice to the .docx reader). Formats tdkt
recognizes but cannot read get a plain message saying what to do.
"""

from __future__ import annotations

import hashlib
from functools import partial
from pathlib import Path

from extractors.base import Extractor
from extractors.docx_reader import read_docx
from extractors.office_convert import read_with_libreoffice
from extractors.pdf_limits import check_pdf
from extractors.pdf_reader import read_pdf
from extractors.sniff import Sniffed, sniff
from extractors.text_reader import read_text
from extractors.zip_limits import check_zip
from pipeline.core.errors import RejectedFileError, RejectReason
from pipeline.core.model import Document, DocumentFormat
from pipeline.core.settings import Settings

EXTRACTORS: dict[Sniffed, Extractor] = {
    Sniffed.DOCX: read_docx,
    Sniffed.PDF: read_pdf,
    Sniffed.OLE_WORD: partial(read_with_libreoffice, source=DocumentFormat.DOC),
    Sniffed.ODT: partial(read_with_libreoffice, source=DocumentFormat.ODT),
    Sniffed.RTF: partial(read_with_libreoffice, source=DocumentFormat.RTF),
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
        check_zip(path, name, settings)
    elif kind is Sniffed.PDF:
        check_pdf(path, name, settings)
    return EXTRACTORS[kind](path, name, file_sha256(path), settings)
