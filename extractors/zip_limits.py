"""Limits on zip containers (.docx, .docm, .odt) before anything unpacks them.

A hostile or broken file can declare a few kilobytes that inflate to gigabytes (a "zip bomb"),
or hold hundreds of thousands of entries. Python's zipfile never inflates an entry past the size
its directory declares, so checking the declared sizes here bounds what the readers can unpack.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from pipeline.core.errors import RejectedFileError, RejectReason
from pipeline.core.settings import Settings


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
