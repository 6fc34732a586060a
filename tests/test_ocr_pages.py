"""The pages of a scan OCR'd side by side (extractors/ocr_pages.py), within the run's Tesseract
slots (extractors/ocr_slots.py): the same document as read a page at a time, never more Tesseracts
at once than slots, across workers too, and a worker killed mid-OCR leaves no Tesseract running
and no slot taken.

Tesseract runs through a wrapper put first on PATH that notes when each call starts and ends, which
worker started it and which slot it holds (the lock file it inherited)."""

from __future__ import annotations

import fcntl
import os
import shutil
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from generators.long_scan import long_scan

from extractors import ocr_slots
from extractors import pdf_reader as reader
from extractors.ocr import OcrPage
from extractors.ocr_pages import OcrPages, page_bytes
from pipeline.core.errors import RejectedFileError, RejectReason
from pipeline.core.model import Document
from pipeline.core.settings import Settings
from pipeline.runs.isolation import run_isolated
from pipeline.runs.side_by_side import side_by_side

TESSERACT = shutil.which("tesseract") or "tesseract"  # missing: these fail, as every OCR test does


@dataclass
class Call:
    worker: int
    slot: str
    start: float
    end: float | None


class Logged:
    """A folder whose ``tesseract`` notes each call in ``log`` and runs the real one: as its child
    (noting the end too), or with ``exec`` (the call's process is Tesseract itself)."""

    def __init__(self, folder: Path, exec_: bool = False) -> None:
        self.bin, self.log = folder / "bin", folder / "calls"
        self.bin.mkdir(parents=True)
        self.log.mkdir()
        run = "exec $real \"$@\"" if exec_ else "$real \"$@\"\ncode=$?\ndate +%s.%N > $log/$$.end\nexit $code"
        script = _WRAPPER.format(real=TESSERACT, log=self.log, run=run)
        (self.bin / "tesseract").write_text(script, encoding="utf-8")
        (self.bin / "tesseract").chmod(0o755)

    def calls(self) -> dict[int, Call]:
        found = {}
        for who in self.log.glob("*.who"):
            worker, *slot = who.read_text().split()
            start, end = (_time(who.with_suffix(suffix)) for suffix in (".start", ".end"))
            found[int(who.stem)] = Call(int(worker), " ".join(slot), start or 0.0, end)
        return found

    def path(self) -> str:
        return f"{self.bin}{os.pathsep}{os.environ['PATH']}"


def _time(path: Path) -> float | None:
    text = path.read_text().strip() if path.exists() else ""
    return float(text) if text else None


_WRAPPER = """#!/bin/sh
real={real}
log={log}
case "$1" in --*) exec $real "$@";; esac  # --list-langs: not an OCR call
echo "$PPID $(readlink /proc/$$/fd/* | grep tesseract-)" > $log/$$.who
date +%s.%N > $log/$$.start
{run}
"""


def most_at_once(calls: list[Call]) -> int:
    """The most calls running at one moment (an end before a start at the same time)."""
    events = sorted([(c.start, 1) for c in calls] + [(c.end, -1) for c in calls])
    running = most = 0
    for _, change in events:
        running += change
        most = max(most, running)
    return most


def _read_logged(path_variable: str, pdf: Path) -> Document:
    """In a worker: read with the wrapper first on PATH (workers live on: put back afterwards)."""
    saved = os.environ["PATH"]
    os.environ["PATH"] = path_variable
    try:
        return reader.read_pdf(pdf, pdf.name, "sha")
    finally:
        os.environ["PATH"] = saved


@pytest.fixture(scope="module")
def scan(soffice, tmp_path_factory) -> Path:
    """A generated scan of four pages: prose, ruled tables of figures."""
    return long_scan(tmp_path_factory.mktemp("scan") / "bao-cao-4-trang.pdf", 4, office=soffice)


@pytest.fixture()
def slots(tmp_path):
    """Two Tesseract slots for this process (as a reading worker of a 2-worker run has)."""
    ocr_slots.use(ocr_slots.Slots(tmp_path / "slots", 2).prepare())
    yield
    ocr_slots.use(None)


@pytest.fixture(scope="module")
def one_at_a_time(scan, tmp_path_factory) -> tuple[Document, list[Call]]:
    """The scan read a page at a time (a process without slots), and its Tesseract calls."""
    logged = Logged(tmp_path_factory.mktemp("one-at-a-time"))
    document = _read_logged(logged.path(), scan)
    return document, list(logged.calls().values())


def test_pages_read_side_by_side_give_the_document_read_a_page_at_a_time(scan, one_at_a_time, slots, tmp_path):
    alone, alone_calls = one_at_a_time
    logged = Logged(tmp_path / "side-by-side")
    document = _read_logged(logged.path(), scan)
    calls = list(logged.calls().values())
    assert document.ocr_pages == [1, 2, 3, 4] and len(document.blocks) >= 20
    assert any(b.rows for b in document.blocks)  # ruled tables read cell by cell
    assert all(b.provenance.ocr_confidence is not None for b in document.blocks)
    assert [b.model_dump() for b in document.blocks] == [b.model_dump() for b in alone.blocks]
    assert document == alone
    assert len(calls) == len(alone_calls) > 4 * 2  # per page its orientation and its text; table cells besides
    assert most_at_once(alone_calls) == 1
    assert most_at_once(calls) == 2
    running_together = [(a, b) for a in calls for b in calls if a.start < b.start < a.end]
    assert all(a.slot != b.slot for a, b in running_together), "two Tesseracts in one slot"
    assert {c.slot for c in calls} == {f"{tmp_path}/slots/tesseract-{i}.lock" for i in range(2)}


def test_two_scans_read_at_once_in_two_workers_never_run_more_tesseracts_than_workers(
        scan, one_at_a_time, tmp_path):
    logged = Logged(tmp_path / "two-workers")
    settings = Settings(read_workers=2, max_seconds=900)
    files = [scan, tmp_path / "ban-sao" / scan.name]  # a copy of the same name: the same document
    files[1].parent.mkdir()
    shutil.copyfile(scan, files[1])
    documents = side_by_side(lambda pdf: run_isolated(_read_logged, (logged.path(), pdf), settings, pdf.name),
                             files, workers=2)
    calls = list(logged.calls().values())
    workers = {c.worker for c in calls}
    assert len(workers) == 2  # each file in a worker of its own, both OCR'ing
    assert documents[0] == documents[1] == one_at_a_time[0]
    assert most_at_once(calls) == 2  # 2 workers × 2 pages each, yet 2 Tesseracts on 2 slots
    overlapping = [(a, b) for a in calls for b in calls if a.worker != b.worker and a.start < b.start < a.end]
    assert overlapping, "the two workers never OCR'd at the same time"
    per_worker = [most_at_once([c for c in calls if c.worker == w]) for w in workers]
    assert max(per_worker) == 2, per_worker  # a worker did OCR two pages at once


def test_a_worker_killed_mid_ocr_leaves_no_tesseract_running_and_no_slot_taken(scan, tmp_path):
    logged = Logged(tmp_path / "killed", exec_=True)
    settings = Settings(read_workers=2, max_seconds=5)
    with pytest.raises(RejectedFileError) as caught:
        run_isolated(_read_logged, (logged.path(), scan), settings, scan.name)
    assert caught.value.reason is RejectReason.LIMIT
    assert caught.value.message.startswith("đọc quá 5 giây chưa xong (giới hạn max_seconds)")
    calls = logged.calls()
    assert calls, "no OCR had started within the time limit"
    deadline = time.monotonic() + 5
    while any(_alive(pid) for pid in calls) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [pid for pid in calls if _alive(pid)], "Tesseract outlived its reader"
    for lock in {c.slot for c in calls.values()}:
        with open(lock, "a") as held:
            fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)  # raises BlockingIOError if still taken


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"  # a zombie no one reaped has stopped running


def test_a_scan_without_tesseract_fails_as_it_did_a_page_at_a_time(scan, slots, monkeypatch):
    monkeypatch.setattr("extractors.ocr.tesseract_ready", lambda: False)
    with pytest.raises(RejectedFileError) as caught:
        reader.read_pdf(scan, scan.name, "sha")
    assert caught.value.reason is RejectReason.MISSING_TOOL
    assert "cần cài gói tesseract-ocr và tesseract-ocr-vie" in caught.value.message


def test_the_first_failing_page_names_the_error_though_a_later_one_fails_sooner(scan, slots, monkeypatch):
    started = []

    def ocr(image, page: int, height: float, dpi: float) -> OcrPage:
        started.append(page)
        if page == 2:
            time.sleep(0.5)  # page 3, read beside it, fails first
        if page in (2, 3):
            raise ValueError(f"trang {page}")
        return OcrPage()

    monkeypatch.setattr(reader, "read_scanned_page", ocr)
    with pytest.raises(ValueError, match=r"^trang 2$"):  # as when read a page at a time
        reader.read_pdf(scan, scan.name, "sha")
    assert sorted(started)[:3] == [1, 2, 3]


def test_pages_at_once_stay_within_the_slots_and_the_memory_left(monkeypatch):
    running, most, threads, lock = [0], [0], set(), threading.Lock()

    def read(scan: str, index: int) -> str:
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
            threads.add(threading.current_thread())
        time.sleep(0.05)
        with lock:
            running[0] -= 1
        return f"{scan}:{index}"

    def pages(room: int | None, at_once: int) -> tuple[list[str], int, bool]:
        most[0] = 0
        threads.clear()
        monkeypatch.setattr("extractors.ocr_pages._room", lambda: room)
        with OcrPages(read, at_once) as scans:
            futures = [scans.submit(f"p{i}", i, pixels=1_000_000) for i in range(6)]
        return [f.result() for f in futures], most[0], threads == {threading.current_thread()}

    order = [f"p{i}:{i}" for i in range(6)]
    assert pages(None, 3) == (order, 3, False)  # no cap: as many as the slots
    assert pages(2 * page_bytes(1_000_000), 3) == (order, 2, False)  # room for two pages
    assert pages(2 * page_bytes(1_000_000) - 1, 3) == (order, 1, True)  # not for two: in this thread, as before
    assert pages(None, 1) == (order, 1, True)
