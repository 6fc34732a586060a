"""A limit on what a PDF's compressed streams inflate to, checked before PDFium reads it.

A 1.5 MB PDF can hold a page whose content stream inflates to a gigabyte; PDFium inflates it whole
and, under the per-file memory cap, aborts (set aside, but as a reader that died, not as what it
is). Every deflated stream that is not a picture (page contents, fonts, object streams) is inflated
here in bounded steps and kept nowhere; past ``max_unpacked_bytes`` in all, the file is refused as
hostile. A valid PDF's such streams come to a few megabytes (milliseconds to inflate). Pictures are
left out: a scan's are large by nature, and decoding one stays under the per-file cap.
"""

from __future__ import annotations

import mmap
import re
import zlib
from pathlib import Path

from pipeline.core.errors import RejectedFileError, RejectReason
from pipeline.core.settings import Settings

_STREAM = re.compile(rb"(?<!end)stream(?:\r\n|\n|\r)")
_IMAGE = re.compile(rb"/Subtype\s*/Image")
_DICTIONARY_REACH = 1 << 16  # how far back from "stream" its object's dictionary is looked for
_STEP = 1 << 20  # the most inflated, or read, at once


def check_pdf(path: Path, display_name: str, settings: Settings) -> None:
    """Raise RejectedFileError when the PDF's non-picture streams inflate past the limit."""
    try:
        with path.open("rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as data:
            _check(data, display_name, settings.max_unpacked_bytes)
    except (OSError, ValueError):
        return  # unreadable or empty: the reader reports it in its own words


def _check(data: mmap.mmap, name: str, limit: int) -> None:
    total = 0
    for match in _STREAM.finditer(data):
        start = match.start()
        header = data.rfind(b"obj", max(0, start - _DICTIONARY_REACH), start)
        dictionary = data[header if header >= 0 else max(0, start - _DICTIONARY_REACH):start]
        if b"FlateDecode" not in dictionary or _IMAGE.search(dictionary):
            continue
        total += _inflated_size(data, match.end(), limit - total + 1)
        if total > limit:
            raise RejectedFileError(
                name, RejectReason.TOO_LARGE,
                f"tệp PDF có dấu hiệu tệp độc hại: nội dung nén bên trong giải nén ra hơn {limit / 1e6:.0f} MB "
                "(giới hạn max_unpacked_bytes); đã để riêng, không mở; hãy đề nghị đơn vị gửi lại tệp gốc",
            )


def _inflated_size(data: mmap.mmap, offset: int, most: int) -> int:
    """How many bytes the deflate stream at ``offset`` inflates to, counting no further than
    ``most``. A damaged or encrypted stream counts as far as it inflates."""
    inflater = zlib.decompressobj()
    produced, step = 0, 1 << 14  # small first reads: most streams are a few kilobytes
    try:
        while offset < len(data) and not inflater.eof and produced < most:
            chunk = data[offset:offset + step]
            offset, step = offset + len(chunk), min(2 * step, _STEP)
            while chunk and not inflater.eof and produced < most:
                produced += len(inflater.decompress(chunk, _STEP))
                chunk = inflater.unconsumed_tail
    except zlib.error:
        pass
    return produced
