"""Hostile files beside a valid report, built in code (tests/generators/hostile_files.py): each is
set aside with its reason by the per-file limits (its worker hits the memory cap, not the run), and
the valid unit is drafted. The shapes are those a hostile-input trial found taking more than 6 GB
before isolation."""

from __future__ import annotations

import shutil
import time

from generators import hostile_files as hostile

from examples import SAMPLE_CLUSTER_DIR
from pipeline.core.errors import RejectReason
from pipeline.runs.inbox_run import process_inbox

REPORT = SAMPLE_CLUSTER_DIR / "inbox" / "BC TĐKT 2023 - ĐH VHNT Thủ đô.docx"
CASES = ["o-gop-100-trieu-cot.docx",  # a cell spanning 100,000,000 grid columns
         "dong-lui-100-trieu-cot.docx",  # a row starting after 100,000,000 grid columns
         "mot-doan-40-MB.txt"]  # one 40 MB paragraph


def test_hostile_files_are_set_aside_by_the_limits_and_the_valid_unit_is_drafted(tmp_path, monkeypatch):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copyfile(REPORT, inbox / REPORT.name)
    for case in CASES:
        hostile.write_case(inbox, case)
    monkeypatch.setenv("TDKT_MAX_MEMORY_MB", "768")
    started = time.monotonic()
    summary = process_inbox(inbox, tmp_path / "out", cluster=SAMPLE_CLUSTER_DIR / "cluster.yaml")
    assert time.monotonic() - started < 240  # bounded: each stopped at its cap, not after gigabytes
    assert len(summary.drafts) == 5
    assert [u.member_id for u in summary.result.board.units] == ["dhvhnt"]
    reasons = {r.file: r for r in summary.rejected}
    assert sorted(reasons) == sorted(CASES)
    for rejection in reasons.values():
        assert rejection.reason is RejectReason.LIMIT
        assert rejection.message.startswith("cần hơn 768 MB bộ nhớ để đọc (giới hạn max_memory_mb)")
