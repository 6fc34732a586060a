"""Limits on zip containers (.docx, .docm, .odt) before anything unpacks them.

A hostile or broken file can declare a few kilobytes that inflate to gigabytes (a "zip bomb"),
or hold hundreds of thousands of entries. The declared sizes are checked first. They are not
enough: a directory can lie, declaring a member small while its data inflates to gigabytes, and
Python's zipfile, asked for a whole member, inflates everything before trimming it to the declared
size (2.3 GB for a 1 MB file). So each deflated member is also inflated here, in bounded steps
and kept nowhere, only as far as one byte past its declared size: a valid file costs its own size
in inflating (milliseconds), a lying one is refused at that byte.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path

from pipeline.core.errors import RejectedFileError, RejectReason
from pipeline.core.settings import Settings

_STEP = 1 << 20  # the most inflated at once


def check_zip(path: Path, display_name: str, settings: Settings) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError):
        return  # the reader reports a damaged file in its own words
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
    with path.open("rb") as raw:
        lying = next((e for e in entries if e.compress_type == zipfile.ZIP_DEFLATED and _inflates_past(raw, e)), None)
    if lying is not None:
        raise RejectedFileError(
            display_name, RejectReason.TOO_LARGE,
            "tệp có dấu hiệu tệp độc hại (zip bomb): một thành phần bên trong giải nén ra lớn hơn kích thước tệp tự "
            "khai; đã để riêng, không mở; hãy đề nghị đơn vị gửi lại tệp gốc",
        )


def _inflates_past(raw, entry: zipfile.ZipInfo) -> bool:
    """Whether ``entry``'s data inflates to more than its declared size. Damaged data is not this
    check's business (False): the reader reports it."""
    try:
        raw.seek(entry.header_offset)
        header = raw.read(30)
        if len(header) < 30 or header[:4] != b"PK\x03\x04":
            return False
        name_length, extra_length = struct.unpack("<2H", header[26:30])
        raw.seek(entry.header_offset + 30 + name_length + extra_length)
        inflater = zlib.decompressobj(-zlib.MAX_WBITS)
        produced, left = 0, entry.compress_size
        while left > 0 and not inflater.eof:
            data = raw.read(min(_STEP, left))
            if not data:
                return False
            left -= len(data)
            while data and not inflater.eof:
                produced += len(inflater.decompress(data, _STEP))
                if produced > entry.file_size:
                    return True
                data = inflater.unconsumed_tail
    except (OSError, zlib.error, struct.error):
        return False
    return False
