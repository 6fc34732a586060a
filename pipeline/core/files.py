"""Writing files so that a reader never sees half of one: a temporary name, then a rename. The one
place tdkt writes a file it keeps (drafts, run reports, archive copies, notes)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

TEMP_PREFIX = ".tdkt-"  # a killed run's leftovers carry it, so they can be recognised and removed


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
    fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=path.suffix, dir=path.parent)
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
