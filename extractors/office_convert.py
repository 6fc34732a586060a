"""Word 97 (.doc), OpenDocument (.odt) and RTF: converted to .docx by LibreOffice, then read as .docx.

The conversion keeps each run's font name, so legacy TCVN3/VNI runs are still recognized. Each
call uses a private LibreOffice profile in a temporary folder (two conversions at once, or a
desktop LibreOffice left open, would otherwise block each other) and has a time limit.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from extractors.docx_reader import read_docx
from pipeline.core.errors import RejectedFileError, RejectReason
from pipeline.core.model import Document, DocumentFormat
from pipeline.core.settings import Settings

_TIMEOUT = 180


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def read_with_libreoffice(path: Path, display_name: str, sha256: str, settings: Settings,
                          source: DocumentFormat) -> Document:
    program = soffice()
    if program is None:
        raise RejectedFileError(
            display_name, RejectReason.MISSING_TOOL,
            f"tệp {source.value.upper()} cần LibreOffice để chuyển sang .docx nhưng máy chưa cài; "
            "bộ phận CNTT cần cài gói libreoffice-writer-nogui (hoặc đơn vị gửi lại dạng .docx)",
        )
    with tempfile.TemporaryDirectory(prefix="tdkt-lo-") as tmp:
        work = Path(tmp)
        source_copy = work / f"input.{source.value}"  # a plain name: LibreOffice trips on some
        shutil.copyfile(path, source_copy)
        converted = _convert(program, source_copy, work, display_name)
        document = read_docx(converted, display_name, sha256, settings)
    return document.model_copy(update={"format": source})


def _convert(program: str, source: Path, work: Path, name: str) -> Path:
    profile = (work / "profile").as_uri()
    try:
        subprocess.run(
            [program, "--headless", "--norestore", f"-env:UserInstallation={profile}",
             "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(work / "out"), str(source)],
            capture_output=True, timeout=_TIMEOUT, check=False,
        )
    except subprocess.TimeoutExpired as e:
        raise RejectedFileError(
            name, RejectReason.CORRUPT, f"LibreOffice không chuyển được tệp trong {_TIMEOUT} giây (tệp có thể bị hỏng)"
        ) from e
    converted = work / "out" / f"{source.stem}.docx"
    if not converted.exists() or converted.stat().st_size == 0:
        raise RejectedFileError(
            name, RejectReason.CORRUPT, "LibreOffice không mở được tệp (tệp có thể bị hỏng hoặc không phải văn bản)"
        )
    return converted
