"""Word 97 (.doc), OpenDocument (.odt) and RTF: converted to .docx by LibreOffice, then read as .docx.

The conversion keeps each run's font name, so legacy TCVN3/VNI runs are still recognized. Each
call uses a private LibreOffice profile in a temporary folder (two conversions at once, or a
desktop LibreOffice left open, would otherwise block each other) and has a time limit.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

from extractors.docx_reader import read_docx
from pipeline.core.errors import RejectedFileError, RejectReason
from pipeline.core.model import Document, DocumentFormat
from pipeline.core.processes import kill_now
from pipeline.core.settings import Settings
from pipeline.core.textnorm import format_number as fmt

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
        # Within the file's own limit, leaving room for reading the result before that limit kills the reader.
        converted = _convert(program, source_copy, work, display_name, min(_TIMEOUT, 0.8 * settings.max_seconds))
        document = read_docx(converted, display_name, sha256, settings)
    return document.model_copy(update={"format": source})


_RESTART = 81


def _run_office(command: list[str], remaining: float, name: str, seconds: float) -> int:
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
                               preexec_fn=kill_now)
    try:
        return process.wait(timeout=max(remaining, 0.01))
    except subprocess.TimeoutExpired as e:
        raise RejectedFileError(
            name, RejectReason.LIMIT, f"LibreOffice chưa chuyển xong tệp sau {fmt(seconds)} giây (giới hạn "
            "max_seconds); tệp quá lớn, bị hỏng hoặc có dấu hiệu tệp độc hại, đã để riêng"
        ) from e
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)  # on the time limit, and anything it left behind
        process.wait()


# LibreOffice loads what a document links to (a picture at file:///etc/passwd, at http://…) when it
# converts it; a document's links are not its content. A new profile starts with links never
# updated and linked content from untrusted places blocked (measured: a linked file opened and six
# connections made with LibreOffice's defaults, none with these), and macros off.
_PROFILE_SETTINGS = [
    ("/org.openoffice.Office.Common/Security/Scripting", "BlockUntrustedRefererLinks", "true"),
    ("/org.openoffice.Office.Common/Security/Scripting", "DisableMacrosExecution", "true"),
    ("/org.openoffice.Office.Common/Security/Scripting", "MacroSecurityLevel", "3"),
    ("/org.openoffice.Office.Writer/Content/Update", "Link", "0"),
    ("/org.openoffice.Office.Calc/Content/Update", "Link", "0"),
]


def _seed_profile(profile: Path) -> None:
    items = "".join(f'<item oor:path="{path}"><prop oor:name="{name}" oor:op="fuse"><value>{value}</value></prop>'
                    "</item>\n" for path, name, value in _PROFILE_SETTINGS)
    (profile / "user").mkdir(parents=True, exist_ok=True)
    (profile / "user" / "registrymodifications.xcu").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
        'xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
        f"{items}</oor:items>\n", encoding="utf-8")


def _convert(program: str, source: Path, work: Path, name: str, seconds: float) -> Path:
    """LibreOffice's office process itself (not its launcher, which forks it out of reach) in a
    process group of its own that dies with this process: on the time limit the whole group is
    killed, and a reader killed for its own limit takes LibreOffice with it."""
    _seed_profile(work / "profile")
    profile = (work / "profile").as_uri()
    office = Path(program).resolve().with_name("soffice.bin")
    command = [str(office) if office.exists() else program, "--headless", "--norestore", "--nolockcheck",
               f"-env:UserInstallation={profile}", "--convert-to", "docx:MS Word 2007 XML",
               "--outdir", str(work / "out"), str(source)]
    deadline = time.monotonic() + seconds
    # A new profile makes the office process stop with code 81 once it is set up, for its launcher
    # to start it again: done here, within the same time limit.
    for _ in range(2):
        if _run_office(command, deadline - time.monotonic(), name, seconds) != _RESTART:
            break
    converted = work / "out" / f"{source.stem}.docx"
    if not converted.exists() or converted.stat().st_size == 0:
        raise RejectedFileError(
            name, RejectReason.CORRUPT, "LibreOffice không mở được tệp (tệp có thể bị hỏng hoặc không phải văn bản)"
        )
    return converted
