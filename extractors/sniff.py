"""Tell a file's real format from its first bytes, not from its name."""

from __future__ import annotations

import zipfile
from enum import StrEnum
from pathlib import Path


class Sniffed(StrEnum):
    EMPTY = "empty"
    PDF = "pdf"
    DOCX = "docx"
    ZIP_OTHER = "zip"
    OLE_WORD = "doc"
    OLE_ENCRYPTED = "encrypted-office"
    RTF = "rtf"
    UNKNOWN = "unknown"


# Name of the stream an Office password puts its encrypted package in (UTF-16LE in the OLE directory).
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")


def sniff(path: Path) -> Sniffed:
    with path.open("rb") as f:
        head = f.read(1024)
    if not head:
        return Sniffed.EMPTY
    if b"%PDF-" in head:
        return Sniffed.PDF
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(path)
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        with path.open("rb") as f:
            return Sniffed.OLE_ENCRYPTED if _ENCRYPTED_PACKAGE in f.read(1 << 20) else Sniffed.OLE_WORD
    if head.startswith(b"{\\rtf"):
        return Sniffed.RTF
    return Sniffed.UNKNOWN


def _sniff_zip(path: Path) -> Sniffed:
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
    except zipfile.BadZipFile:
        # A zip whose end is missing: most likely a .docx still being copied or cut short.
        return Sniffed.DOCX if path.suffix.lower() in (".docx", ".docm") else Sniffed.ZIP_OTHER
    return Sniffed.DOCX if "word/document.xml" in names else Sniffed.ZIP_OTHER
