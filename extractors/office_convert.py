"""Word 97 (.doc), OpenDocument (.odt) and RTF: converted to .docx by LibreOffice, then read as .docx.

The conversion keeps each run's font name, so legacy TCVN3/VNI runs are still recognized. Each
call uses a private LibreOffice profile in a temporary folder (two conversions at once, or a
desktop LibreOffice left open, would otherwise block each other) and has a time limit.

Starting LibreOffice costs about a second, converting a report a fifth of one: the files of a batch
are converted together ahead (convert_many, one call), and read_with_libreoffice reads the .docx
made for a file when its settings name where they are (``converted``), else converts it alone.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import time
import zipfile
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
    ready = _converted_ahead(settings, sha256)
    if ready is not None:
        return read_docx(ready, display_name, sha256, settings).model_copy(update={"format": source})
    with tempfile.TemporaryDirectory(prefix="tdkt-lo-") as tmp:
        work = Path(tmp)
        source_copy = work / f"input.{source.value}"  # a plain name: LibreOffice trips on some
        shutil.copyfile(path, source_copy)
        converted = _convert(program, source_copy, work, display_name, _file_seconds(settings))
        document = read_docx(converted, display_name, sha256, settings)
    return document.model_copy(update={"format": source})


def _file_seconds(settings: Settings) -> float:
    """One file's conversion: within the file's own limit, leaving room for reading the result
    before that limit kills the reader."""
    return min(_TIMEOUT, 0.8 * settings.max_seconds)


# A batch's time: LibreOffice's start (a second or two, more on a busy machine) and, per file, many
# times the fifth of a second a report takes, so that only a file that hangs reaches it; never more
# than one file may take. A batch that reaches it loses nothing but time: the files it did not
# convert are converted one by one, each under its own limit, and the one that hangs is named.
_BATCH_START_SECONDS = 15.0
_BATCH_SECONDS_PER_FILE = 5.0


def batch_seconds(files: int, settings: Settings) -> float:
    return min(_file_seconds(settings), _BATCH_START_SECONDS + _BATCH_SECONDS_PER_FILE * files)


def convert_many(sources: dict[str, tuple[Path, DocumentFormat]], folder: Path, settings: Settings) -> list[str]:
    """Files (by sha256: the file and its format) converted to .docx in one LibreOffice call within
    batch_seconds, each left as ``folder``/<sha256>.docx. Returns the sha256 of those converted: a
    file LibreOffice could not open, or had not converted when the time was up, is left out."""
    program = soffice()
    if program is None or not sources:
        return []
    # Inside ``folder``, which its owner removes: a worker killed at its limit leaves nothing behind.
    work = Path(tempfile.mkdtemp(prefix="tdkt-lo-", dir=folder))
    try:
        copies = []
        for sha256, (path, source) in sources.items():
            # Plain, distinct names (LibreOffice trips on some names, and names each result after its
            # source: two files called input.doc would write one result).
            with contextlib.suppress(OSError):  # gone meanwhile: its reading says so
                shutil.copyfile(path, work / f"{sha256}.{source.value}")
                copies.append(work / f"{sha256}.{source.value}")
        if copies:
            with contextlib.suppress(RejectedFileError):  # the time is up: keep what was converted
                _run_conversion(program, copies, work, "", batch_seconds(len(copies), settings))
        done = [sha256 for sha256 in sources if _complete(work / "out" / f"{sha256}.docx")]
        for sha256 in done:  # renamed whole: a reading never sees half a result
            os.replace(work / "out" / f"{sha256}.docx", folder / f"{sha256}.docx")
        return done
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _converted_ahead(settings: Settings, sha256: str) -> Path | None:
    if settings.converted is None:
        return None
    ready = settings.converted / f"{sha256}.docx"
    return ready if _complete(ready) else None


def _complete(docx: Path) -> bool:
    """A result written to the end (a zip's directory is at its end): LibreOffice killed at the
    time limit may leave a file half written."""
    return docx.is_file() and zipfile.is_zipfile(docx)


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
    _run_conversion(program, [source], work, name, seconds)
    converted = work / "out" / f"{source.stem}.docx"
    if not converted.exists() or converted.stat().st_size == 0:
        raise RejectedFileError(
            name, RejectReason.CORRUPT, "LibreOffice không mở được tệp (tệp có thể bị hỏng hoặc không phải văn bản)"
        )
    return converted


def _run_conversion(program: str, sources: list[Path], work: Path, name: str, seconds: float) -> None:
    """``sources`` converted into ``work``/out, with a new profile in ``work``. LibreOffice's office
    process itself (not its launcher, which forks it out of reach) runs in a process group of its
    own that dies with this process: on the time limit the whole group is killed, and a reader killed
    for its own limit takes LibreOffice with it. Raises RejectedFileError (for ``name``) on the limit."""
    _seed_profile(work / "profile")
    profile = (work / "profile").as_uri()
    office = Path(program).resolve().with_name("soffice.bin")
    command = [str(office) if office.exists() else program, "--headless", "--norestore", "--nolockcheck",
               f"-env:UserInstallation={profile}", "--convert-to", "docx:MS Word 2007 XML",
               "--outdir", str(work / "out"), *map(str, sources)]
    deadline = time.monotonic() + seconds
    # A new profile makes the office process stop with code 81 once it is set up, for its launcher
    # to start it again: done here, within the same time limit.
    for _ in range(2):
        if _run_office(command, deadline - time.monotonic(), name, seconds) != _RESTART:
            break
