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
    ODT = "odt"
    RTF = "rtf"
    TEXT = "text"
    UNKNOWN = "unknown"


_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the start of every OLE file (Word 97, Excel 97…)
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
    if head.startswith(_OLE):
        with path.open("rb") as f:
            return Sniffed.OLE_ENCRYPTED if _ENCRYPTED_PACKAGE in f.read(1 << 20) else Sniffed.OLE_WORD
    if head.startswith(b"{\\rtf"):
        return Sniffed.RTF
    if _looks_like_text(head, path):
        return Sniffed.TEXT
    return Sniffed.UNKNOWN


# An OpenDocument file starts with its "mimetype" entry, stored as it is (the standard asks so).
_ODT_HEAD = b"mimetypeapplication/vnd.oasis.opendocument.text"


def may_need_libreoffice(path: Path) -> bool:
    """Whether a file may be a .doc, .odt or .rtf, from its first bytes alone (no zip opened, so it
    is safe and quick outside a reading's limits); sniff() says for sure. An .odt written without
    its "mimetype" entry first is missed here (it is then converted alone, when it is read)."""
    try:
        with path.open("rb") as f:
            head = f.read(128)
    except OSError:
        return False
    return head.startswith((_OLE, b"{\\rtf")) or (head.startswith(b"PK\x03\x04") and head[30:].startswith(_ODT_HEAD))


def _looks_like_text(head: bytes, path: Path) -> bool:
    """Plain text: no NUL bytes, and either named .txt or valid UTF-8."""
    if b"\x00" in head:
        return False
    if path.suffix.lower() in (".txt", ".text"):
        return True
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as e:
        return e.start >= len(head) - 3  # a character cut at the end of the sample
    return True


def _sniff_zip(path: Path) -> Sniffed:
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
    except zipfile.BadZipFile:
        # A zip whose end is missing: most likely a .docx still being copied or cut short.
        return Sniffed.DOCX if path.suffix.lower() in (".docx", ".docm") else Sniffed.ZIP_OTHER
    if "word/document.xml" in names:
        return Sniffed.DOCX
    if "mimetype" in names and "content.xml" in names:
        with zipfile.ZipFile(path) as z:
            # A real mimetype entry is a few dozen bytes; never inflate a large one just to sniff.
            if z.getinfo("mimetype").file_size < 256 and \
                    z.read("mimetype").strip() == b"application/vnd.oasis.opendocument.text":
                return Sniffed.ODT
    return Sniffed.ZIP_OTHER
