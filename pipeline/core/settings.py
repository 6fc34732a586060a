"""Run-time settings, from environment variables prefixed TDKT_ (e.g. TDKT_MAX_PAGES=300)."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="TDKT_")

    max_file_bytes: int = Field(default=100_000_000, description="Larger inbox files are set aside")
    max_pages: int = Field(default=300, description="PDFs with more pages are set aside")
    max_unpacked_bytes: int = Field(
        default=300_000_000, description="Zip-based files (.docx, .odt) that would unpack to more are set aside"
    )
    max_zip_entries: int = Field(default=5_000, description="Zip-based files with more entries are set aside")
    max_memory_mb: int = Field(default=1024, ge=64, description="Memory one file's reading may use (its own "
                               "process, LibreOffice and Tesseract included); a file that needs more is set aside")
    max_seconds: float = Field(default=300, gt=0, description="Time one file's reading may take; a file still "
                               "being read then is set aside (its reader and helpers are killed)")
    read_workers: int = Field(default_factory=lambda: max(1, min(4, os.cpu_count() or 1)), ge=1,
                              description="Worker processes reading files side by side (default: one per core, "
                              "up to 4); also the most Tesseract processes they run at once, so a scan read alone "
                              "has this many pages OCR'd at a time")
    isolate: bool = Field(default=True, description="Read each file in a worker process under the limits; off "
                          "(TDKT_ISOLATE=0) reads in the run's own process, for debugging")
    error_log: Path | None = Field(default=None, description="Where the details of an unexpected error in a file "
                                   "are written (set by the run: beside its results)")
    converted: Path | None = Field(default=None, description="Where the .doc, .odt and .rtf files being read were "
                                   "converted to .docx ahead, together, each as <sha256>.docx (set by the run)")
