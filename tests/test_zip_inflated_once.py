"""The zip check inflates a .docx's members once for the check and the reader both
(extractors/zip_limits.py): what it hands the reader is exactly what zipfile reads, member by
member, or zipfile reads the member again and fails as it always did; a member lying about its
size is refused whether the reader would read it or not. The zips are written here byte by byte,
each with one thing wrong in one member."""

from __future__ import annotations

import struct
import zipfile
import zlib
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from conftest import GOOD, SAMPLE_INBOX

from extractors import extract, zip_limits
from extractors.zip_limits import check_zip, take_inflated
from pipeline.core.errors import RejectedFileError, RejectReason
from pipeline.core.settings import Settings

REPORT = SAMPLE_INBOX / GOOD[0]
DOCUMENT = "word/document.xml"


@dataclass(frozen=True)
class Member:
    name: str
    content: bytes
    stored: bytes | None = None  # the member's data as written; its content deflated unless given
    method: int = zipfile.ZIP_DEFLATED
    crc: int | None = None  # the directory's CRC-32; the content's unless given
    size: int | None = None  # the declared size; the content's unless given
    local_name: str | None = None  # the name in the local header; the directory's unless given
    flags: int = 0x800  # names in UTF-8

    def data(self) -> bytes:
        if self.stored is not None:
            return self.stored
        if self.method == zipfile.ZIP_STORED:
            return self.content
        return _deflated(self.content)


def _deflated(content: bytes) -> bytes:
    compressor = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    return compressor.compress(content) + compressor.flush()


def _write(target: Path, members: list[Member]) -> Path:
    local, central = bytearray(), bytearray()
    for m in members:
        data, name = m.data(), m.name.encode()
        crc = zlib.crc32(m.content) if m.crc is None else m.crc
        size = len(m.content) if m.size is None else m.size
        local_name = name if m.local_name is None else m.local_name.encode()
        central += struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, m.flags, m.method, 0, 0x21, crc, len(data),
                               size, len(name), 0, 0, 0, 0, 0, len(local)) + name
        local += struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, m.flags, m.method, 0, 0x21, crc, len(data), size,
                             len(local_name), 0) + local_name + data
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(members), len(members), len(central), len(local), 0)
    target.write_bytes(bytes(local + central + end))
    return target


def _report_members() -> list[Member]:
    with zipfile.ZipFile(REPORT) as source:
        return [Member(info.filename, source.read(info)) for info in source.infolist()]


def _changed(name: str, **change: object) -> list[Member]:
    return [replace(m, **change) if m.name == name else m for m in _report_members()]


def _bomb(name: str) -> Member:
    """A member declaring 1 KB that inflates to 50 MB of spaces."""
    return Member(name, b" " * 1024, stored=_deflated(b" " * (50 << 20)))


# Each zip: one member with one thing wrong (or nothing), for zipfile to read or refuse.
CORNERS = {
    "sound": _report_members,
    "wrong-crc": lambda: _changed(DOCUMENT, crc=12345),
    "wrong-crc-unread": lambda: [*_report_members(), Member("extra/unread.xml", b"<a/>", crc=1)],
    "local-name-differs": lambda: _changed(DOCUMENT, local_name="word/documenT.xml"),
    "encrypted-flag": lambda: _changed(DOCUMENT, flags=0x801),
    "stream-cut": lambda: [replace(m, stored=_deflated(m.content)[:len(m.content) // 20]) if m.name == DOCUMENT
                           else m for m in _report_members()],
    "declared-too-large": lambda: [replace(m, size=len(m.content) + 10) if m.name == DOCUMENT else m
                                   for m in _report_members()],
    "garbage-after-stream": lambda: [replace(m, stored=_deflated(m.content) + b"garbage") if m.name == DOCUMENT
                                     else m for m in _report_members()],
    "stored": lambda: _changed(DOCUMENT, method=zipfile.ZIP_STORED),
    "twice-good-last": lambda: [Member(DOCUMENT, b"<not-a-document/>"), *_report_members()],
    "twice-bad-last": lambda: [*_report_members(), Member(DOCUMENT, b"<not-a-document/>")],
    "cp437-name": lambda: [*_report_members(), Member("extra/\u00e9.xml", b"<a/>", flags=0)],
}


def _outcome(read, *args: object) -> tuple[str, object]:
    try:
        return "read", read(*args)
    except Exception as e:  # the outcome compared is whatever zipfile raised
        return "raised", (type(e), str(e))


@pytest.mark.parametrize("corner", sorted(CORNERS))
def test_every_member_handed_over_reads_as_zipfile_reads_it(tmp_path, corner):
    path = _write(tmp_path / f"{corner}.docx", CORNERS[corner]())
    check_zip(path, path.name, Settings(), keep=True)
    inflated = take_inflated(path)
    assert inflated is not None
    with inflated.archive, zipfile.ZipFile(path) as plain:
        names = [info.filename for info in plain.infolist()]
        for name in names:
            assert _outcome(inflated.read, name) == _outcome(plain.read, name), name
        kept = {info.filename for info in inflated.members}
    if corner == "sound":
        assert kept == set(names)  # every member inflated once
    if corner in ("wrong-crc", "local-name-differs", "encrypted-flag", "stream-cut", "declared-too-large",
                  "stored"):
        assert DOCUMENT not in kept  # read again, for zipfile to say what is wrong
    if corner == "garbage-after-stream":
        assert DOCUMENT in kept


@pytest.mark.parametrize("corner", sorted(CORNERS))
def test_a_document_reads_the_same_with_nothing_kept(tmp_path, corner, monkeypatch):
    path = _write(tmp_path / f"{corner}.docx", CORNERS[corner]())
    kept = _outcome(lambda: extract(path).model_dump_json())
    monkeypatch.setattr(zip_limits, "_KEEP", 0)
    assert _outcome(lambda: extract(path).model_dump_json()) == kept
    if corner in ("sound", "declared-too-large", "garbage-after-stream", "wrong-crc-unread", "cp437-name",
                  "twice-good-last"):
        assert kept[0] == "read"
    if corner in ("wrong-crc", "local-name-differs", "stream-cut", "twice-bad-last"):
        with pytest.raises(RejectedFileError) as err:
            extract(path)
        assert err.value.reason is RejectReason.CORRUPT


@pytest.mark.parametrize("read", [False, True], ids=["unread-member", "document-part"])
def test_a_member_lying_about_its_size_is_refused_whether_read_or_not(tmp_path, read):
    members = ([_bomb(DOCUMENT) if m.name == DOCUMENT else m for m in _report_members()] if read
               else [*_report_members(), _bomb("extra/never-read.xml")])
    path = _write(tmp_path / "bao-cao.docx", members)
    with pytest.raises(RejectedFileError) as err:
        extract(path)
    assert err.value.reason is RejectReason.TOO_LARGE and "zip bomb" in err.value.message
    assert take_inflated(path) is None  # nothing handed over from a refused file


def test_nothing_is_left_handed_over_after_a_reading(tmp_path):
    path = _write(tmp_path / "bao-cao.docx", _report_members())
    document = extract(path)
    assert document.blocks and take_inflated(path) is None
