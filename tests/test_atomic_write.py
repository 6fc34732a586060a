"""tdkt's one way of writing a file: whole or not at all, with the mode the umask gives (officers
on a share must be able to open drafts a service account wrote)."""

from __future__ import annotations

import os
import stat

import pytest

from pipeline.core.files import write_atomically, write_text_atomically


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_a_written_file_has_the_mode_the_umask_gives(tmp_path, umask_022):
    path = tmp_path / "con" / "bao-cao.txt"
    write_text_atomically(path, "Báo cáo\n")
    assert path.read_text(encoding="utf-8") == "Báo cáo\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path):
    path = tmp_path / "du-thao.docx"
    path.write_bytes(b"old")

    def broken(tmp: str) -> None:
        with open(tmp, "wb") as f:
            f.write(b"half")
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        write_atomically(path, broken)
    assert path.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["du-thao.docx"]
