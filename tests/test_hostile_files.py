"""Zip containers that would unpack to too much, and Word files with macros: set aside or read
safely, each with a plain reason, never a crash."""

import zipfile
from pathlib import Path

import pytest
from conftest import GOOD, SAMPLE_INBOX

from examples import SAMPLE_CLUSTER_DIR
from extractors import convert_legacy_together, extract, file_sha256
from pipeline.core.errors import RejectedFileError, RejectReason
from pipeline.core.settings import Settings
from pipeline.runs.inbox_run import process_inbox

REPORT = SAMPLE_INBOX / GOOD[0]  # the sample's .docx report (ĐH VHNT Thủ đô)
DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def _rewrite(source: Path, target: Path, change=None, extra: dict[str, bytes] | None = None) -> Path:
    """A copy of a .docx with entries changed (name → function of bytes) and entries added."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info)
            if change and info.filename in change:
                data = change[info.filename](data)
            new.writestr(info.filename, data)
        for name, data in (extra or {}).items():
            new.writestr(name, data)
    return target


def _zeros(target: Path, name: str, megabytes: int, base: Path | None = None) -> Path:
    """Add ``megabytes`` of zeros (a few hundred KB once deflated) under ``name``, streamed."""
    if base:
        _rewrite(base, target)
    with zipfile.ZipFile(target, "a", zipfile.ZIP_DEFLATED) as archive, archive.open(name, "w") as f:
        block = bytes(1 << 20)
        for _ in range(megabytes):
            f.write(block)
    return target


def test_a_macro_enabled_report_is_read_without_its_macros(tmp_path):
    docm = _rewrite(REPORT, tmp_path / "BC TĐKT 2023 - ĐH VHNT Thủ đô.docm", change={
        "[Content_Types].xml": lambda b: b.replace(DOCX_MAIN.encode(),
                                                   b"application/vnd.ms-word.document.macroEnabled.main+xml"),
    }, extra={"word/vbaProject.bin": b"\xd0\xcf\x11\xe0 not a real macro project"})
    summary = process_inbox(tmp_path, tmp_path / "out", cluster=SAMPLE_CLUSTER_DIR / "cluster.yaml")
    assert not summary.rejected
    unit = summary.result.board.units[0]
    assert unit.name == "Trường Đại học Văn hóa Nghệ thuật Thủ đô" and unit.self_total == 101.5
    assert docm.exists()


def test_a_zip_bomb_is_set_aside_before_anything_unpacks_it(tmp_path):
    bomb = _zeros(tmp_path / "Báo cáo thi đua 2023.docx", "word/media/image1.png", 320, base=REPORT)
    assert bomb.stat().st_size < 2_000_000  # 320 MB of zeros deflate to well under 1 MB
    with pytest.raises(RejectedFileError) as err:
        extract(bomb)  # the default limit, 300 MB
    assert err.value.reason is RejectReason.TOO_LARGE
    assert "zip bomb" in err.value.message and "giới hạn 300 MB" in err.value.message


def test_too_many_entries_and_a_lower_limit_from_settings(tmp_path):
    crowded = _rewrite(REPORT, tmp_path / "crowded.docx", extra={f"extra/item{i}.xml": b"<a/>" for i in range(80)})
    with pytest.raises(RejectedFileError) as err:
        extract(crowded, settings=Settings(max_zip_entries=50))
    assert err.value.reason is RejectReason.TOO_LARGE and "thành phần" in err.value.message
    padded = _zeros(tmp_path / "padded.docx", "word/media/pad.bin", 3, base=REPORT)
    with pytest.raises(RejectedFileError):
        extract(padded, settings=Settings(max_unpacked_bytes=2_000_000))
    assert extract(padded).file == "padded.docx"  # within the default limit it reads as usual


def test_an_opendocument_with_a_huge_mimetype_is_not_inflated_to_sniff_it(tmp_path):
    odt = tmp_path / "bao-cao.odt"
    with zipfile.ZipFile(odt, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("content.xml", "<office:document-content/>")
    _zeros(odt, "mimetype", 320)
    with pytest.raises(RejectedFileError) as err:
        extract(odt)
    assert err.value.reason is RejectReason.UNSUPPORTED


def test_a_spreadsheet_dressed_as_word_is_refused_plainly(tmp_path):
    fake = _rewrite(REPORT, tmp_path / "bang-diem.docx", change={
        "[Content_Types].xml": lambda b: b.replace(
            DOCX_MAIN.encode(), b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
    })
    with pytest.raises(RejectedFileError) as err:
        extract(fake)
    assert err.value.reason is RejectReason.UNSUPPORTED
    assert "không phải văn bản Word" in err.value.message


def _linked_odt(target: Path, *links: str) -> Path:
    """An OpenDocument text whose pictures are links (not embedded): LibreOffice reads it for tdkt."""
    frames = "".join(f'<text:p><draw:frame draw:name="h{i}" svg:width="2cm" svg:height="2cm" '
                     'text:anchor-type="as-char">'
                     f'<draw:image xlink:href="{link}" xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad"/>'
                     "</draw:frame></text:p>" for i, link in enumerate(links))
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" '
        'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.2"><office:body>'
        "<office:text><text:p>BÁO CÁO tổng kết công tác thi đua, khen thưởng năm 2023</text:p>"
        f"{frames}<text:p>Nhà trường hoàn thành 100% chỉ tiêu.</text:p></office:text></office:body>"
        "</office:document-content>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                "</manifest:manifest>")
    with zipfile.ZipFile(target, "w") as odt:
        odt.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        odt.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        odt.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
    return target


@pytest.mark.parametrize("together", [False, True], ids=["alone", "in-a-batch"])
def test_libreoffice_never_follows_a_documents_links(tmp_path, soffice, together):
    """A picture linked to a local file and one linked to a web address: the document is read, and
    LibreOffice neither opens the file (a FIFO here: opening it for reading shows on its writing
    end) nor connects to the address (a listener here). With LibreOffice's defaults it did both.
    The same when it is converted in one call with another file (pipeline/runs/office_batch.py)."""
    import errno
    import os
    import socket
    import threading

    canary = tmp_path / "canary"
    os.mkfifo(canary)
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    listener.settimeout(0.2)
    odt = _linked_odt(tmp_path / "BC liên kết.odt", canary.as_uri(),
                      f"http://127.0.0.1:{listener.getsockname()[1]}/anh.png")
    touched: list[str] = []
    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            try:
                os.close(os.open(canary, os.O_WRONLY | os.O_NONBLOCK))
                touched.append("file")
            except OSError as e:
                assert e.errno == errno.ENXIO  # no reader: nobody opened it
            try:
                listener.accept()[0].close()
                touched.append("network")
            except TimeoutError:
                pass

    watcher = threading.Thread(target=watch)
    watcher.start()
    settings = Settings(max_seconds=120)
    try:
        if together:
            other = tmp_path / "khác.rtf"
            other.write_text(r"{\rtf1\ansi Bao cao\par}", encoding="ascii")
            (tmp_path / "converted").mkdir()
            settings = settings.model_copy(update={"converted": tmp_path / "converted"})
            assert file_sha256(odt) in convert_legacy_together([odt, other], settings.converted, settings)
        doc = extract(odt, odt.name, settings)
    finally:
        done.set()
        watcher.join()
        listener.close()
    assert any("hoàn thành 100% chỉ tiêu" in b.text for b in doc.blocks)
    assert touched == []
