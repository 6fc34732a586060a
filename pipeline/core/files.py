"""Writing files so that a reader never sees half of one: a temporary name, then a rename. The one
place tdkt writes a file it keeps (drafts, run reports, archive copies, notes)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

TEMP_PREFIX = ".tdkt-"  # a killed run's leftovers carry it, so they can be recognised and removed
NAME_MAX = 255  # bytes in one file name (Linux file systems)
_SHORTENED = "…"


@dataclass(frozen=True)
class FilePolicy:
    """How the files tdkt keeps are shared: a mode (None: what the umask gives a new file) and a
    group id (None: the writer's), as a workspace's tdkt.yaml sets them for officers on a share."""

    mode: int | None = None
    gid: int | None = None


_policy = FilePolicy()


def set_file_policy(policy: FilePolicy) -> None:
    global _policy
    _policy = policy


def write_atomically(path: Path, write: Callable[[str], object]) -> None:
    """Write ``path`` through ``write(temporary_path)`` and a rename, creating its folder: the old file
    stays whole until the rename. The file gets the mode the umask gives a new file (a temporary
    file is private, 0600, which officers on a share could not open), or the FilePolicy's."""
    path.parent.mkdir(parents=True, exist_ok=True)
    # The extension is kept for programs that go by it, but never a long one: the temporary name
    # must be a valid name whatever the final one is.
    suffix = path.suffix if len(path.suffix.encode()) <= 16 else ""
    fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=suffix, dir=path.parent)
    os.close(fd)
    try:
        write(tmp)
        os.chmod(tmp, _policy.mode if _policy.mode is not None else 0o666 & ~_umask())
        if _policy.gid is not None:
            os.chown(tmp, -1, _policy.gid)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def fitted_name(stem: str, ending: str = "", limit: int = NAME_MAX) -> str:
    """``stem + ending`` as a file name of at most ``limit`` bytes: the stem is cut (at a character,
    marked "…") when the whole is longer, as a name that arrived at the 255-byte maximum is once a
    note's ".txt" or a " (bản 2)" is added to it. An ending too long to keep counts as stem."""
    if len((stem + ending).encode()) <= limit:
        return stem + ending
    if len(ending.encode()) > limit // 4:
        stem, ending = stem + ending, ""
    room = limit - len(ending.encode()) - len(_SHORTENED.encode())
    return stem.encode()[:room].decode("utf-8", errors="ignore") + _SHORTENED + ending


def write_text_atomically(path: Path, text: str) -> None:
    """``text`` to ``path`` (UTF-8), atomically."""
    write_atomically(path, lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))


def _umask() -> int:
    """The process's umask, read without changing it where Linux shows it (setting it to read it
    would, for that instant, let files other threads create be world-writable)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except OSError:
        pass
    mask = os.umask(0o077)  # elsewhere: read by setting, briefly the strictest mask
    os.umask(mask)
    return mask
