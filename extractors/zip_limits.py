"""Limits on zip containers (.docx, .docm, .odt) before anything unpacks them.

A hostile or broken file can declare a few kilobytes that inflate to gigabytes (a "zip bomb"),
or hold hundreds of thousands of entries. The declared sizes are checked first. They are not
enough: a directory can lie, declaring a member small while its data inflates to gigabytes, and
Python's zipfile, asked for a whole member, inflates everything before trimming it to the declared
size (2.3 GB for a 1 MB file). So each deflated member is also inflated here, in bounded steps,
only as far as one byte past its declared size: a valid file costs its own size in inflating
(milliseconds), a lying one is refused at that byte.

The .docx reader reads nearly every member again, and inflating them twice was a tenth of reading
a report: so a check made for the reader keeps what it inflated (up to _KEEP bytes) and hands it,
with the open zip, to the reader that opens the same file next (take_inflated), which then reads
those members without inflating them again.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.core.errors import RejectedFileError, RejectReason
from pipeline.core.settings import Settings

_STEP = 1 << 20  # the most inflated at once
# The most inflated bytes a check keeps for the reader: a report's members are about 1 MB; members
# beyond are inflated again when read, so that keeping costs a file at most this much memory.
_KEEP = 64 << 20
# zipfile refuses members with these flags (encrypted, compressed patched data, strong encryption).
_UNREADABLE_FLAGS = 0x1 | 0x20 | 0x40


@dataclass(eq=False)
class Inflated:
    """A zip that passed check_zip, still open, and the members the check inflated whole: each
    one's bytes are exactly what ``archive.read`` returns for it (see _inflate)."""

    path: Path
    archive: zipfile.ZipFile
    members: dict[zipfile.ZipInfo, bytes] = field(default_factory=dict)

    def read(self, name: str) -> bytes:
        """``archive.read(name)``, without inflating a kept member again; a member the check did not
        keep is read by zipfile, which raises what it always raised for a damaged one."""
        data = self.members.get(self.archive.getinfo(name))  # a KeyError for a missing one, as zipfile
        return data if data is not None else self.archive.read(name)


# What the last check made for the reader handed over (one per thread: contexts are per thread).
_HANDED: ContextVar[Inflated | None] = ContextVar("inflated zip", default=None)


def take_inflated(path: Path) -> Inflated | None:
    """What check_zip(path, ..., keep=True) inflated, when it was the last such check; the caller
    then owns the open zip (closes it)."""
    inflated = _HANDED.get()
    if inflated is None or inflated.path != path:
        return None
    _HANDED.set(None)
    return inflated


def release_inflated() -> None:
    """Close what a check handed over and nothing took (the reader failed before opening the file)."""
    inflated = _HANDED.get()
    if inflated is not None:
        _HANDED.set(None)
        inflated.archive.close()


def check_zip(path: Path, display_name: str, settings: Settings, keep: bool = False) -> None:
    """Raises RejectedFileError when a limit does not pass. ``keep``: hand what the check inflated to
    the reader (take_inflated); the caller calls release_inflated once the file is read."""
    release_inflated()
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        return  # the reader reports a damaged file in its own words
    inflated = Inflated(path, archive)
    try:
        _check(inflated, display_name, settings, keep)
    except BaseException:
        archive.close()
        raise
    if keep:
        _HANDED.set(inflated)
    else:
        archive.close()


def _check(inflated: Inflated, display_name: str, settings: Settings, keep: bool) -> None:
    entries = inflated.archive.infolist()
    if len(entries) > settings.max_zip_entries:
        raise RejectedFileError(
            display_name, RejectReason.TOO_LARGE,
            f"tệp chứa {len(entries)} thành phần, nhiều bất thường với một văn bản (giới hạn "
            f"{settings.max_zip_entries}); có thể là tệp độc hại, đã để riêng",
        )
    unpacked = sum(e.file_size for e in entries)
    if unpacked > settings.max_unpacked_bytes:
        raise RejectedFileError(
            display_name, RejectReason.TOO_LARGE,
            f"tệp khi giải nén lớn bất thường ({unpacked / 1e6:.0f} MB, giới hạn "
            f"{settings.max_unpacked_bytes / 1e6:.0f} MB); có thể là tệp độc hại (zip bomb), đã để riêng",
        )
    lying = False
    kept = 0
    encoding = inflated.archive.metadata_encoding or "cp437"
    with inflated.path.open("rb") as raw:
        for entry in entries:
            if entry.compress_type != zipfile.ZIP_DEFLATED:
                continue
            whole = keep and kept + entry.file_size <= _KEEP
            lying, data = _inflate(raw, entry, encoding if whole else None)
            if lying:
                break
            if data is not None:
                inflated.members[entry] = data
                kept += len(data)
    if lying:
        raise RejectedFileError(
            display_name, RejectReason.TOO_LARGE,
            "tệp có dấu hiệu tệp độc hại (zip bomb): một thành phần bên trong giải nén ra lớn hơn kích thước tệp tự "
            "khai; đã để riêng, không mở; hãy đề nghị đơn vị gửi lại tệp gốc",
        )


def _inflate(raw, entry: zipfile.ZipInfo, encoding: str | None) -> tuple[bool, bytes | None]:
    """Whether ``entry``'s data inflates to more than its declared size; and, given the encoding of
    the zip's names (to keep what it inflates), the inflated bytes when they are exactly what
    zipfile's ``read`` returns, without an error: the local header names the entry, no flag makes
    zipfile refuse it, the deflated data ends within the entry, at exactly its declared size, with
    the CRC-32 of the directory. Else None: the reader inflates it again, for zipfile to say what is
    wrong. Damaged data is not this check's business (False): the reader reports it."""
    chunks: list[bytes] | None = [] if encoding is not None else None
    try:
        raw.seek(entry.header_offset)
        header = raw.read(30)
        if len(header) < 30 or header[:4] != b"PK\x03\x04":
            return False, None
        name_length, extra_length = struct.unpack("<2H", header[26:30])
        if chunks is not None and not _names(raw, header, name_length, entry, encoding):
            chunks = None
        raw.seek(entry.header_offset + 30 + name_length + extra_length)
        inflater = zlib.decompressobj(-zlib.MAX_WBITS)
        produced, left = 0, entry.compress_size
        while left > 0 and not inflater.eof:
            data = raw.read(min(_STEP, left))
            if not data:
                return False, None
            left -= len(data)
            while data and not inflater.eof:
                out = inflater.decompress(data, _STEP)
                produced += len(out)
                if produced > entry.file_size:
                    return True, None
                if chunks is not None:
                    chunks.append(out)
                data = inflater.unconsumed_tail
    except (OSError, zlib.error, struct.error):
        return False, None
    if chunks is None or not inflater.eof or produced != entry.file_size:
        return False, None
    whole = b"".join(chunks)
    return False, whole if zlib.crc32(whole) == entry.CRC else None


def _names(raw, header: bytes, name_length: int, entry: zipfile.ZipInfo, encoding: str) -> bool:
    """Whether zipfile opens ``entry`` from the local header read (``header``, the file at the
    name behind it): the header names the entry as the directory does, and no flag of the entry
    makes zipfile refuse it (ZipFile.open)."""
    if entry.flag_bits & _UNREADABLE_FLAGS:
        return False
    name = raw.read(name_length)
    flags = struct.unpack("<H", header[6:8])[0]
    try:
        return name.decode("utf-8" if flags & 0x800 else encoding) == entry.orig_filename
    except UnicodeDecodeError:
        return False
