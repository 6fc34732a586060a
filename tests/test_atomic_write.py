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


def test_a_name_at_the_255_byte_maximum_is_cut_at_a_character_to_take_an_ending():
    from pipeline.core.files import fitted_name

    stem = "Báo cáo tổng kết " * 20  # 2- and 3-byte letters, so a cut could split one
    name = fitted_name(stem, ".docx", 251)
    assert len(name.encode()) <= 251 and name.endswith("….docx") and stem.startswith(name.removesuffix("….docx"))
    assert fitted_name("bao-cao", ".docx") == "bao-cao.docx"  # a short name is left alone
    odd = fitted_name("x", "." + "y" * 300)  # an "extension" too long to keep is cut as the rest is
    assert len(odd.encode()) <= 255 and odd.startswith("x.yyy")


def test_a_file_with_a_long_extension_is_written_without_a_stray_temporary(tmp_path):
    path = tmp_path / ("a." + "b" * 250)
    write_text_atomically(path, "x")
    assert [p.name for p in tmp_path.iterdir()] == [path.name]
