"""The hostile corpus (tests/generators/hostile_files.py), case by case and all in one inbox beside
two valid reports: each hostile file is named once with a truthful reason, cheaply where a reader
can be made cheap and by the per-file limits where not, and the valid units are drafted by a run
whose whole process tree stays under 2 GB."""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from pathlib import Path

import pytest
from generators import hostile_files as hostile
from memory_watch import run_watched

from examples import SAMPLE_CLUSTER_DIR
from extractors import extract
from extractors.ocr import DPI, MAX_PIXELS, render_dpi
from pipeline.core.errors import RejectedFileError, RejectReason

ROOT = Path(__file__).resolve().parent.parent
VALID = ["BC TĐKT 2023 - ĐH VHNT Thủ đô.docx", "Bao cao tong ket thi dua 2023_CDYT.pdf"]
HOSTILE_WORDS = "có dấu hiệu tệp độc hại"
NOT_A_REPORT = "không phải báo cáo tổng kết"


@pytest.mark.parametrize(("file", "label"), [
    ("so-la-ma-10-mu-12.docx", "1000000000000."),  # past MMMCMXCIX: digits, not a billion M's
    ("chu-cai-2-ty.docx", "2000000000."),  # past "zzz…" (30 letters): digits
    ("cap-danh-so-300-trieu.docx", None),  # Word has nine levels: not a list paragraph here
])
def test_a_list_numbered_out_of_range_costs_a_label_not_gigabytes(tmp_path, file, label):
    started = time.monotonic()
    document = extract(hostile.write_case(tmp_path, file))
    assert time.monotonic() - started < 5  # it hung, or took 2.5-3.3 GB, before
    first = next(b for b in document.blocks if b.text == "Tài liệu số 1")
    assert first.list_label == label


def test_a_zip_whose_directory_lies_about_sizes_is_refused_before_it_inflates(tmp_path):
    lying = hostile.write_case(tmp_path, "zip-khai-sai-kich-thuoc.docx")
    assert lying.stat().st_size < 2_000_000  # a gigabyte behind a 1 MB file
    with pytest.raises(RejectedFileError) as caught:
        extract(lying)
    assert caught.value.reason is RejectReason.TOO_LARGE
    assert caught.value.message.startswith("tệp có dấu hiệu tệp độc hại (zip bomb): một thành phần bên trong giải "
                                           "nén ra lớn hơn kích thước tệp tự khai")


def test_a_huge_page_is_rendered_for_ocr_within_a_pixel_budget():
    assert render_dpi(595, 842) == DPI  # A4 as before
    dpi = render_dpi(14_400, 14_400)
    assert (14_400 * dpi / 72) ** 2 <= MAX_PIXELS * 1.001 and dpi > 15  # 17 DPI: 3,464 pixels a side


def test_tables_nested_10000_deep_are_named_hostile(tmp_path):
    with pytest.raises(RejectedFileError) as caught:
        extract(hostile.write_case(tmp_path, "bang-long-10000-cap.docx"))
    assert HOSTILE_WORDS in caught.value.message and "bị hỏng" not in caught.value.message


def test_links_to_local_files_are_never_followed(tmp_path):
    document = extract(hostile.write_case(tmp_path, "lien-ket-ngoai.docx"))
    text = "\n".join(b.text for b in document.blocks)
    assert "Phiếu gửi kèm" in text and "Xem thêm" in text
    assert "root:" not in text


def test_a_255_byte_name_keeps_its_note_and_leaves_no_temporary_file(tmp_path):
    from pipeline.runs.workspace_run import process_workspace

    root = tmp_path / "ws"
    (root / "inbox").mkdir(parents=True)
    for name in ("cluster.yaml", "rubric.yaml", "rules.yaml"):
        shutil.copyfile(SAMPLE_CLUSTER_DIR / name, root / name)
    (root / "tdkt.yaml").write_text("settle_seconds: 0\n", encoding="utf-8")
    hostile.write_case(root / "inbox", hostile.LONG_NAME)
    assert len(hostile.LONG_NAME.encode()) >= 250
    run = process_workspace(root).clusters[0]
    assert [(i.name, i.message.split(" (")[0]) for i in run.ingested] == [(hostile.LONG_NAME, NOT_A_REPORT)]
    kept = sorted(p.name for p in (root / "rejected" / "ctd18").iterdir())
    assert len(kept) == 2 and kept[1] == kept[0] + ".txt"  # the copy, shortened to leave room for its note's
    assert kept[0].endswith("….txt") and hostile.LONG_NAME.startswith(kept[0].removesuffix("….txt"))
    assert len(kept[1].encode()) <= 255
    note = (root / "rejected" / "ctd18" / kept[1]).read_text(encoding="utf-8")
    assert note.startswith(f"Tệp: {hostile.LONG_NAME}\n")  # the note names the file in full
    assert not [p for p in root.rglob(".tdkt-*")]


def test_xml_libxml2_cannot_allocate_is_a_memory_limit_not_damage(tmp_path):
    """At a 1 GB cap libxml2 fails on 290 MB of XML with a syntax error ("unknown error, line 0")
    instead of MemoryError: it was named 'bị hỏng hoặc chưa được sao chép hết'."""
    from pipeline.core.settings import Settings
    from pipeline.runs.steps import open_file_isolated

    path = hostile.write_case(tmp_path, "xml-290-MB.docx")
    opened = open_file_isolated(path, path.name, Settings(max_memory_mb=1024, read_workers=1))
    assert opened.outcome.rejection.reason is RejectReason.LIMIT
    assert opened.outcome.rejection.message.startswith("cần hơn 1024 MB bộ nhớ để đọc")


# A hostile file's truthful reason: its reason and the start of its message (limits at 768 MB).
EXPECTED = {
    "zip-khai-sai-kich-thuoc.docx": (RejectReason.TOO_LARGE, "tệp có dấu hiệu tệp độc hại (zip bomb)"),
    "xml-290-MB.docx": (RejectReason.LIMIT, "cần hơn 768 MB bộ nhớ để đọc"),
    "o-gop-100-trieu-cot.docx": (RejectReason.LIMIT, "cần hơn 768 MB bộ nhớ để đọc"),
    "dong-lui-100-trieu-cot.docx": (RejectReason.LIMIT, "cần hơn 768 MB bộ nhớ để đọc"),
    "ty-tieng-cuoi.docx": (RejectReason.CORRUPT, "tệp Word (.docx) có dấu hiệu tệp độc hại"),
    "so-la-ma-10-mu-12.docx": (RejectReason.NOT_A_REPORT, NOT_A_REPORT),
    "chu-cai-2-ty.docx": (RejectReason.NOT_A_REPORT, NOT_A_REPORT),
    "cap-danh-so-300-trieu.docx": (RejectReason.NOT_A_REPORT, NOT_A_REPORT),
    "bang-long-10000-cap.docx": (RejectReason.CORRUPT, "tệp Word (.docx) có dấu hiệu tệp độc hại"),
    "lien-ket-ngoai.docx": (RejectReason.NOT_A_REPORT, NOT_A_REPORT),
    "luong-noi-dung-1-GB.pdf": (RejectReason.TOO_LARGE, "tệp PDF có dấu hiệu tệp độc hại"),
    "trang-14400-pt.pdf": (RejectReason.NOT_A_REPORT, "không đọc được chữ nào trong tệp PDF"),
    "mot-doan-40-MB.txt": (RejectReason.LIMIT, "cần hơn 768 MB bộ nhớ để đọc"),
    hostile.LONG_NAME: (RejectReason.NOT_A_REPORT, NOT_A_REPORT),
    "ong-dan": (RejectReason.SKIPPED, "ống dẫn (FIFO)"),
    "lien-ket-hong.docx": (RejectReason.SKIPPED, "liên kết hỏng"),
}

_RUN = ("import sys; from pathlib import Path; from pipeline.runs.inbox_run import process_inbox; "
        "process_inbox(Path(sys.argv[1]), Path(sys.argv[2]), cluster=Path(sys.argv[3]))")


def test_every_hostile_file_in_one_inbox_is_named_and_the_valid_units_are_drafted(tmp_path):
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    written = hostile.write_inbox(inbox)
    assert sorted(written) == sorted(EXPECTED)
    for name in VALID:
        shutil.copyfile(SAMPLE_CLUSTER_DIR / "inbox" / name, inbox / name)
    env = dict(os.environ, PYTHONPATH=str(ROOT), TDKT_MAX_MEMORY_MB="768", TDKT_READ_WORKERS="2",
               TDKT_MAX_SECONDS="120")
    run = run_watched([sys.executable, "-c", _RUN, str(inbox), str(out), str(SAMPLE_CLUSTER_DIR / "cluster.yaml")],
                      env=env, timeout=400)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "Traceback" not in run.stdout + run.stderr
    assert run.peak_bytes < 2 * 1024**3, run.peak_bytes  # parent, forkserver and workers together
    assert run.seconds < 240  # each file stopped at its cap or read cheaply, not after gigabytes
    summary = json.loads((out / "ket-qua-xu-ly-2023.json").read_text(encoding="utf-8"))
    assert sorted(summary["result"]["reports"]) == ["cdyt", "dhvhnt"]
    assert len(summary["drafts"]) == 5
    reasons = {r["file"]: (RejectReason(r["reason"]), r["message"]) for r in summary["rejected"]}
    assert sorted(reasons) == sorted(EXPECTED)
    for name, (reason, words) in EXPECTED.items():
        assert reasons[name][0] is reason and reasons[name][1].startswith(words), (name, reasons[name])
    report = (out / "ket-qua-xu-ly-2023.txt").read_text(encoding="utf-8")
    for name in EXPECTED:
        assert report.count(name) == 1, name
    assert "root:" not in report
