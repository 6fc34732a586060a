"""Each file is read in a worker process under a memory cap and a time limit: a file that breaks a
limit, or whose reader dies, is set aside with that reason and the run goes on."""

from __future__ import annotations

import copy
import os
import shutil
import time
import zipfile

import pytest
from lxml import etree

from examples import SAMPLE_CLUSTER_DIR
from pipeline.core.errors import RejectedFileError, RejectReason
from pipeline.core.settings import Settings
from pipeline.runs.isolation import run_isolated

LIMITS = Settings(max_memory_mb=512, max_seconds=3, read_workers=2)


def _greedy(megabytes: int) -> int:
    return len(bytearray(megabytes * 1024 * 1024))


def _slow(seconds: float) -> str:
    time.sleep(seconds)
    return "xong"


def _crash() -> None:
    os.abort()


def _pid() -> int:
    return os.getpid()


def test_a_reading_within_the_limits_returns_its_result():
    assert run_isolated(_greedy, (64,), LIMITS) == 64 * 1024 * 1024
    assert run_isolated(_pid, (), LIMITS) != os.getpid()  # read in another process


def test_a_file_that_needs_too_much_memory_is_set_aside_and_the_worker_reads_on():
    with pytest.raises(RejectedFileError) as caught:
        run_isolated(_greedy, (2048,), LIMITS)
    assert caught.value.reason is RejectReason.LIMIT
    assert caught.value.message.startswith("cần hơn 512 MB bộ nhớ để đọc (giới hạn max_memory_mb)")
    assert run_isolated(_greedy, (16,), LIMITS) == 16 * 1024 * 1024


def test_a_file_that_takes_too_long_is_set_aside_and_its_worker_replaced():
    started = time.monotonic()
    with pytest.raises(RejectedFileError) as caught:
        run_isolated(_slow, (60,), LIMITS)
    assert time.monotonic() - started < 30  # killed at the limit, not after the minute
    assert caught.value.message.startswith("đọc quá 3 giây chưa xong (giới hạn max_seconds)")
    assert run_isolated(_slow, (0,), LIMITS) == "xong"


def test_a_reader_that_dies_is_named_for_its_file_alone():
    with pytest.raises(RejectedFileError) as caught:
        run_isolated(_crash, (), LIMITS)
    assert "dừng bất thường (tín hiệu SIGABRT)" in caught.value.message
    assert run_isolated(_slow, (0,), LIMITS) == "xong"


def _long_report(target, copies: int) -> None:
    """The sample report of Trường ĐH VHNT Thủ đô with its body written out ``copies`` times: still
    that unit's report, but seconds of reading instead of a tenth of one."""
    with zipfile.ZipFile(SAMPLE_CLUSTER_DIR / "inbox" / "BC TĐKT 2023 - ĐH VHNT Thủ đô.docx") as source, \
            zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                root = etree.fromstring(data)
                body = root[0]
                content = [child for child in body if not child.tag.endswith("}sectPr")]
                for _ in range(copies - 1):
                    for child in content:
                        body[-1].addprevious(copy.deepcopy(child))
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            out.writestr(item, data)


def test_a_run_sets_aside_the_file_that_breaks_a_limit_and_drafts_the_others(tmp_path, monkeypatch):
    """A report whose reading takes longer than allowed beside a valid one, then the run again with
    room for it."""
    from pipeline.runs.inbox_run import process_inbox

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    _long_report(inbox / "BC TĐKT 2023 - ĐH VHNT Thủ đô (dài).docx", 400)  # ~3 s to extract: twice 1.5
    shutil.copyfile(SAMPLE_CLUSTER_DIR / "inbox" / "Bao cao tong ket thi dua 2023_CDYT.pdf",
                    inbox / "Bao cao tong ket thi dua 2023_CDYT.pdf")
    monkeypatch.setenv("TDKT_MAX_SECONDS", "1.5")
    summary = process_inbox(inbox, tmp_path / "out", cluster=SAMPLE_CLUSTER_DIR / "cluster.yaml")
    assert [u.member_id for u in summary.result.board.units] == ["cdyt"]
    assert [(r.file, r.reason) for r in summary.rejected] == [("BC TĐKT 2023 - ĐH VHNT Thủ đô (dài).docx",
                                                               RejectReason.LIMIT)], summary.rejected
    assert summary.rejected[0].message.startswith("đọc quá 1,5 giây chưa xong (giới hạn max_seconds)")
    monkeypatch.setenv("TDKT_MAX_SECONDS", "300")
    summary = process_inbox(inbox, tmp_path / "out2", cluster=SAMPLE_CLUSTER_DIR / "cluster.yaml")
    assert len(summary.drafts) == 5 and summary.rejected == []
    assert sorted(u.member_id for u in summary.result.board.units) == ["cdyt", "dhvhnt"]


def test_a_workspace_sets_its_limits_in_tdkt_yaml(tmp_path):
    from pipeline.runs.workspace_run import process_workspace

    root = tmp_path / "ws"
    (root / "inbox").mkdir(parents=True)
    for name in ("cluster.yaml", "rubric.yaml", "rules.yaml"):
        shutil.copyfile(SAMPLE_CLUSTER_DIR / name, root / name)
    shutil.copyfile(SAMPLE_CLUSTER_DIR / "inbox" / "Bao cao tong ket thi dua 2023_CDYT.pdf",
                    root / "inbox" / "Bao cao tong ket thi dua 2023_CDYT.pdf")
    (root / "tdkt.yaml").write_text("settle_seconds: 0\nlimits:\n  max_seconds: 0.01\n  max_memory_mb: 900\n",
                                    encoding="utf-8")
    cluster = process_workspace(root).clusters[0]
    assert [(i.name, i.message) for i in cluster.ingested] == [
        ("Bao cao tong ket thi dua 2023_CDYT.pdf", "đọc quá 0,01 giây chưa xong (giới hạn max_seconds); tệp quá lớn "
         "hoặc có dấu hiệu tệp độc hại, đã để riêng")]


def test_libreoffice_over_its_time_is_killed_whole(tmp_path, soffice):
    """A conversion past the file's limit: LibreOffice's process group is killed, nothing stays."""
    import subprocess

    from extractors.office_convert import read_with_libreoffice
    from pipeline.core.model import DocumentFormat

    rtf = tmp_path / "bao-cao.rtf"
    rtf.write_text(r"{\rtf1\ansi Bao cao tong ket nam 2023\par}", encoding="ascii")
    with pytest.raises(RejectedFileError) as caught:
        read_with_libreoffice(rtf, rtf.name, "0" * 64, Settings(max_seconds=0.2), DocumentFormat.RTF)
    assert caught.value.reason is RejectReason.LIMIT
    assert caught.value.message.startswith("LibreOffice chưa chuyển xong tệp sau 0,16 giây (giới hạn max_seconds)")
    time.sleep(0.5)
    left = subprocess.run(["pgrep", "-f", "tdkt-lo-"], capture_output=True, text=True).stdout.split()
    assert left == [], left
    document = read_with_libreoffice(rtf, rtf.name, "0" * 64, Settings(), DocumentFormat.RTF)
    assert "Bao cao tong ket nam 2023" in " ".join(b.text for b in document.blocks)


def _docx_with_body(tmp_path, name: str, document_xml: str):
    """A sample .docx whose word/document.xml is replaced."""
    import zipfile

    source = SAMPLE_CLUSTER_DIR / "inbox" / "BC TĐKT 2023 - ĐH VHNT Thủ đô.docx"
    target = tmp_path / name
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            data = document_xml.encode() if item.filename == "word/document.xml" else src.read(item.filename)
            out.writestr(item, data)
    return target


def test_a_billion_laughs_document_is_named_as_hostile_not_damaged(tmp_path):
    from pipeline.runs.steps import open_file_isolated

    entities = '<!ENTITY l0 "hahahahaha">' + "".join(
        f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 12))
    xml = (f'<?xml version="1.0"?><!DOCTYPE w:document [{entities}]>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           '<w:body><w:p><w:r><w:t>&l11;</w:t></w:r></w:p></w:body></w:document>')
    bomb = _docx_with_body(tmp_path, "BC cười.docx", xml)
    opened = open_file_isolated(bomb, bomb.name, LIMITS)
    assert opened.outcome.rejection is not None
    assert "có dấu hiệu tệp độc hại" in opened.outcome.rejection.message


def test_a_document_whose_root_is_not_words_is_named_as_malformed(tmp_path):
    from pipeline.runs.steps import open_file_isolated

    odd = _docx_with_body(tmp_path, "BC lạ.docx", '<?xml version="1.0"?><w:other '
                          'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>')
    opened = open_file_isolated(odd, odd.name, LIMITS)
    assert opened.outcome.rejection is not None
    assert opened.outcome.rejection.message.startswith("cấu trúc bên trong tệp Word (.docx) không đúng chuẩn")
