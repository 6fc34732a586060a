"""Run-time settings, from environment variables prefixed TDKT_ (e.g. TDKT_MAX_PAGES=300)."""

from __future__ import annotations

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
