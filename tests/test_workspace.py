"""The workspace an office leaves running: ledger, duplicates, new versions, half-copied files,
reviewer edits, killed runs and concurrent runs."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import docx
import pytest
from builders import full_scores, report_docx, times_named

from examples import SAMPLE_CLUSTER_DIR
from pipeline.config.rubric import load_rubric
from pipeline.runs.intake import Outcome
from pipeline.runs.workspace_run import process_workspace

SAMPLE = SAMPLE_CLUSTER_DIR / "inbox"
REPORTS = ["BC TĐKT 2023 - ĐH VHNT Thủ đô.docx", "Bao cao tong ket thi dua 2023_CDYT.pdf",
           "Báo cáo tổng kết TĐKT năm 2023 (CĐSP Tây Hồ).docx"]
RUNNER = Path(__file__).resolve().parent / "ws_runner.py"
RUBRIC = load_rubric(SAMPLE_CLUSTER_DIR / "rubric.yaml")
CDYT = "Trường Cao đẳng Y tế Thủ đô"


def make_workspace(root: Path, files: list[str] = REPORTS, settle: float = 0) -> Path:
    (root / "inbox").mkdir(parents=True)
    for name in ("cluster.yaml", "rubric.yaml", "rules.yaml"):
        shutil.copyfile(SAMPLE_CLUSTER_DIR / name, root / name)
    (root / "tdkt.yaml").write_text(f"settle_seconds: {settle}\n", encoding="utf-8")
    for i, name in enumerate(files):
        drop(root, SAMPLE / name, name, arrived=1_700_000_000 + i)
    return root


def drop(root: Path, source: Path, name: str, arrived: float | None = None) -> Path:
    """An officer drops a file into the inbox (arrival time = modification time)."""
    target = root / "inbox" / name
    shutil.copyfile(source, target)
    when = arrived if arrived is not None else time.time() - 60
    os.utime(target, (when, when))
    return target


CORRECTED_NARRATIVE = [
    "Năm 2023, Nhà trường tuyển sinh vượt chỉ tiêu được giao; chất lượng đào tạo được nâng lên, tỷ lệ "
    "người học tốt nghiệp và có việc làm sau tốt nghiệp tiếp tục tăng so với năm trước.",
    "Công tác nghiên cứu khoa học, biên soạn giáo trình được đẩy mạnh; đội ngũ giảng viên được bồi dưỡng "
    "thường xuyên; cơ sở vật chất, chuyển đổi số và hợp tác quốc tế có nhiều chuyển biến tích cực.",
    "Nhà trường ban hành kế hoạch, phát động phong trào thi đua, tham gia đầy đủ các hoạt động của Cụm thi "
    "đua, kịp thời phát hiện, nhân rộng điển hình tiên tiến và làm tốt công tác khen thưởng.",
    "Đảng bộ Nhà trường được đánh giá trong sạch, vững mạnh; Công đoàn, Đoàn Thanh niên hoạt động sôi nổi; "
    "Nhà trường thực hành tiết kiệm, phòng, chống tham nhũng, bảo đảm an ninh trật tự, an toàn cơ quan.",
]


def corrected_cdyt(tmp: Path, date: str = "ngày 20 tháng 12 năm 2023", year: int = 2023, minus: float = 0.5) -> Path:
    """Trường CĐ Y tế Thủ đô sends a corrected report: every criterion full but the first."""
    return report_docx(tmp / f"cdyt-{year}-{minus}.docx", RUBRIC, CDYT, full_scores(RUBRIC, minus), year=year,
                       number="130/BC-CĐYT", date=date,
                       narrative=CORRECTED_NARRATIVE)


def run(root: Path):
    return process_workspace(root).clusters[0]


def files_in(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def ledger_state(root: Path) -> dict[str, list]:
    """The ledger without run-specific columns (times, run ids); drafts are kept by name."""
    with sqlite3.connect(root / "ledger.sqlite") as db:
        return {
            "files": sorted(db.execute("select sha256, cluster, status, reason, unit_id, year, superseded_by, "
                                       "claimed_by from files")),
            "names": sorted(db.execute("select cluster, path, role, sha256 from file_names")),
            "drafts": sorted((y, v, k, p, f, s) for y, v, k, p, f, s in
                             db.execute("select year, version, kind, path, fingerprint, status from drafts")),
        }


def drafts_state(root: Path) -> dict[str, str]:
    """Every visible file under drafts/ and what it says (.docx read as text)."""
    state = {}
    for path in sorted((root / "drafts").rglob("*")):
        if not path.is_file() or path.name.startswith("."):
            continue
        if path.suffix == ".docx":
            doc = docx.Document(str(path))
            text = [p.text for p in doc.paragraphs] + [c.text for t in doc.tables for r in t.rows for c in r.cells]
            state[path.relative_to(root).as_posix()] = "\n".join(text)
        else:
            state[path.relative_to(root).as_posix()] = path.read_text(encoding="utf-8")
    return state


def test_two_runs_one_ledger_entry_per_file_and_no_new_drafts(tmp_path):
    root = make_workspace(tmp_path / "ws")
    first = run(root)
    assert [i.outcome for i in first.ingested] == [Outcome.READ] * 3
    assert first.years[0].version == 1
    drafts_before = files_in(root / "drafts")
    ledger_before = ledger_state(root)
    second = run(root)
    assert second.ingested == [] and second.known == 3 and second.nothing_new
    assert second.years[0].version is None
    assert files_in(root / "drafts") == drafts_before
    assert ledger_state(root) == ledger_before
    assert len(ledger_before["files"]) == 3 and len(ledger_before["names"]) == 3
    archived = {p.stem: p.suffix for p in (root / "archive").iterdir()}
    assert archived == {row[0]: (".pdf" if "CDYT" in REPORTS[1] and row[4] == "cdyt" else ".docx")
                        for row in ledger_before["files"]}


def test_a_run_with_nothing_new_scores_nothing_and_gives_the_same_result(tmp_path, monkeypatch):
    """The second run reads the result back from the data beside the drafts; any input that changes
    (here the cluster file, then a report arriving) makes the next run score again."""
    import pipeline.runs.drafting

    root = make_workspace(tmp_path / "ws")
    first = run(root).years[0]
    scored = []
    real = pipeline.runs.drafting.score_cluster
    monkeypatch.setattr(pipeline.runs.drafting, "score_cluster", lambda *a, **k: scored.append(1) or real(*a, **k))
    again = run(root).years[0]
    assert scored == [] and again.version is None
    assert again.summary.result == first.summary.result and again.summary.rejected == first.summary.rejected
    assert again.summary.drafts == first.summary.drafts and Path(again.summary.drafts[0]).exists()
    cluster = (root / "cluster.yaml").read_text(encoding="utf-8")
    (root / "cluster.yaml").write_text(cluster.replace("issue_date: 2023-12-28", "issue_date: 2023-12-29"),
                                       encoding="utf-8")
    changed = run(root).years[0]
    assert scored == [1] and changed.version == 2
    assert run(root).years[0].version is None and scored == [1]
    drop(root, SAMPLE / "CĐNT Thăng Long - Báo cáo thi đua khen thưởng 2023.pdf", "BC CĐNT.pdf", 1_700_000_100)
    assert run(root).years[0].version == 3 and scored == [1, 1]


def test_a_run_with_nothing_new_says_the_kept_result_without_reading_it_back(tmp_path, monkeypatch):
    """What such a run says of a year (ranking, proposals, drafts) is kept in the ledger; the year's
    whole result (a megabyte for a cluster of eight) is read back only when asked for. A ledger of
    an older tdkt, or a result beside the drafts that is missing, makes the run draft again, with
    the same version."""
    from pipeline.results.outcome import RunSummary

    root = make_workspace(tmp_path / "ws")
    first = run(root).years[0]
    read_back = []
    real = RunSummary.model_validate_json
    monkeypatch.setattr(RunSummary, "model_validate_json",
                        classmethod(lambda cls, data, **k: read_back.append(1) or real(data, **k)))
    again = run(root).years[0]
    assert again.version is None and read_back == []
    ranked = [(n.rank, n.name, n.total, n.award) for n in again.headline.nominations.nominations]
    assert ranked == [(n.rank, n.name, n.total, n.award) for n in first.summary.result.nominations.nominations]
    assert ranked[0][1] == "Trường Đại học Văn hóa Nghệ thuật Thủ đô" and ranked[0][2] == 101.5
    assert again.headline.drafts == first.summary.drafts and Path(again.headline.drafts[0]).exists()
    assert again.summary.result == first.summary.result and read_back == [1]  # read when asked for

    with sqlite3.connect(root / "ledger.sqlite") as db:  # as an older tdkt left it
        db.execute("update cluster_states set headlines = null")
    redrafted = run(root).years[0]
    assert redrafted.version is None and redrafted.headline == first.headline
    assert run(root).years[0].headline.drafts == first.summary.drafts and read_back == [1]

    result = root / "drafts" / "ctd18" / "2023" / "ket-qua-xu-ly-2023.json"
    written = result.read_bytes()
    result.unlink()
    assert run(root).years[0].version is None and result.read_bytes() == written


def test_byte_identical_file_under_another_name_is_a_duplicate(tmp_path):
    root = make_workspace(tmp_path / "ws")
    run(root)
    drop(root, SAMPLE / REPORTS[1], "CĐYT gửi lại.pdf")
    again = run(root)
    [item] = again.ingested
    assert item.outcome is Outcome.DUPLICATE
    assert item.message == f"trùng hoàn toàn với tệp {REPORTS[1]} (đã xử lý)"
    state = ledger_state(root)
    assert len(state["files"]) == 3
    roles = {path: role for _, path, role, _ in state["names"]}
    assert roles["CĐYT gửi lại.pdf"] == "duplicate" and roles[REPORTS[1]] == "original"
    note = (root / "rejected" / "ctd18" / "CĐYT gửi lại.pdf.txt").read_text(encoding="utf-8")
    assert "Lý do không sử dụng: trùng hoàn toàn với tệp" in note
    assert again.years[0].version is None  # nothing the drafts depend on changed
    # … but the run report names the copy, as the console did: every inbox file once
    report = (root / "drafts" / "ctd18" / "2023" / "ket-qua-xu-ly-2023.txt").read_text(encoding="utf-8")
    assert f"- CĐYT gửi lại.pdf: trùng hoàn toàn với tệp {REPORTS[1]} (đã xử lý)" in report
    assert set(times_named(report, root / "inbox").values()) == {1}


def test_newer_version_replaces_the_older_in_scoring(tmp_path):
    root = make_workspace(tmp_path / "ws")
    run(root)
    drop(root, corrected_cdyt(tmp_path), "BC CĐYT (bản sửa).docx")
    again = run(root)
    assert [i.outcome for i in again.ingested] == [Outcome.READ]
    year = again.years[0]
    assert year.version == 2
    cdyt = next(u for u in year.summary.result.board.units if u.member_id == "cdyt")
    assert cdyt.total == 99.5 and year.summary.result.reports["cdyt"].file == "BC CĐYT (bản sửa).docx"
    superseded = [r for r in year.summary.rejected if r.reason.value == "superseded"]
    assert [r.file for r in superseded] == [REPORTS[1]]
    files = {row[0]: row for row in ledger_state(root)["files"]}
    old_sha = next(r.sha256 for r in superseded)
    assert files[old_sha][6] == year.summary.result.reports["cdyt"].sha256  # superseded_by
    note = (root / "drafts" / "ctd18" / "2023" / "ghi-chu-thay-doi-2023 (bản 2).txt").read_text(encoding="utf-8")
    assert f"- {CDYT}: dùng báo cáo mới BC CĐYT (bản sửa).docx thay cho {REPORTS[1]}." in note
    assert f"- {CDYT}: 98 → 99,5 điểm, xếp thứ 2 → 2." in note


def test_corrected_version_dropped_with_its_original_wins_by_its_date(tmp_path):
    root = make_workspace(tmp_path / "ws", files=[REPORTS[0]])
    # The correction arrives first, the original second: the date written in the document decides.
    drop(root, corrected_cdyt(tmp_path), "CĐYT đã sửa.docx", arrived=1_700_000_100)
    drop(root, SAMPLE / REPORTS[1], REPORTS[1], arrived=1_700_000_200)
    year = run(root).years[0]
    assert year.summary.result.reports["cdyt"].file == "CĐYT đã sửa.docx"
    assert [r.file for r in year.summary.rejected if r.reason.value == "superseded"] == [REPORTS[1]]


def test_report_for_another_year_is_kept_for_that_year(tmp_path):
    root = make_workspace(tmp_path / "ws")
    run(root)
    drop(root, corrected_cdyt(tmp_path, date="ngày 15 tháng 12 năm 2022", year=2022), "BC CĐYT 2022.docx")
    again = run(root)
    by_year = {y.year: y for y in again.years}
    assert by_year[2023].version is None  # 2023 is untouched
    assert by_year[2022].version == 1
    assert [u.member_id for u in by_year[2022].summary.result.board.units] == ["cdyt"]
    assert (root / "drafts" / "ctd18" / "2022" / "bao-cao-tong-ket-2022.docx").exists()


def test_half_copied_lock_and_temporary_files_wait(tmp_path):
    root = make_workspace(tmp_path / "ws", files=[REPORTS[0]], settle=30)
    now = time.time()
    copying = drop(root, SAMPLE / REPORTS[1], REPORTS[1], arrived=now)  # modified just now: still copying
    (root / "inbox" / "~$ TĐKT 2023 - ĐH VHNT Thủ đô.docx").write_bytes(b"\x00owner")
    (root / "inbox" / "BC CĐSP.docx.part").write_bytes(b"PK\x03\x04partial")
    first = run(root)
    assert [i.name for i in first.ingested] == [REPORTS[0]]
    assert sorted(first.waiting) == sorted([REPORTS[1], "BC CĐSP.docx.part"])
    assert not (root / "rejected").exists() or not any((root / "rejected").rglob("*"))
    os.utime(copying, (now - 120, now - 120))  # the copy has finished
    second = run(root)
    assert [(i.name, i.outcome) for i in second.ingested] == [(REPORTS[1], Outcome.READ)]
    assert len(ledger_state(root)["files"]) == 2  # the lock file was never taken in


def test_bad_file_is_set_aside_with_a_note_and_the_inbox_is_untouched(tmp_path):
    root = make_workspace(tmp_path / "ws", files=[REPORTS[0]])
    cut = root / "inbox" / "BC CĐNT chép dở.docx"
    cut.write_bytes((SAMPLE / REPORTS[0]).read_bytes()[:5000])
    os.utime(cut, (1_700_000_500, 1_700_000_500))
    inbox_before = files_in(root / "inbox")
    result = run(root)
    bad = next(i for i in result.ingested if i.name == cut.name)
    assert bad.outcome is Outcome.REJECTED
    note = (root / "rejected" / "ctd18" / f"{cut.name}.txt").read_text(encoding="utf-8")
    assert "Lý do không sử dụng: tệp Word (.docx) bị hỏng hoặc chưa được sao chép hết" in note
    assert (root / "rejected" / "ctd18" / cut.name).read_bytes() == cut.read_bytes()
    assert files_in(root / "inbox") == inbox_before
    assert len(list((root / "archive").iterdir())) == 2


def test_reviewer_edited_draft_survives_and_a_new_version_appears(tmp_path):
    root = make_workspace(tmp_path / "ws")
    run(root)
    folder = root / "drafts" / "ctd18" / "2023"
    edited = folder / "danh-sach-de-nghi-khen-thuong-2023.docx"
    doc = docx.Document(str(edited))
    doc.add_paragraph("Ý kiến người rà soát: đề nghị Cụm xem lại lý do.")
    doc.save(str(edited))
    before = edited.read_bytes()
    drop(root, corrected_cdyt(tmp_path, minus=8), "BC CĐYT (bản sửa).docx")
    again = run(root)
    assert again.years[0].version == 2
    assert edited.read_bytes() == before
    assert (folder / "danh-sach-de-nghi-khen-thuong-2023 (bản 2).docx").exists()
    assert (folder / "bao-cao-tong-ket-2023 (bản 2).docx").exists()
    note = (folder / "ghi-chu-thay-doi-2023 (bản 2).txt").read_text(encoding="utf-8")
    assert "Bản trước đã được chỉnh sửa: danh-sach-de-nghi-khen-thuong-2023.docx" in note
    assert f"- {CDYT}: đề nghị Cờ thi đua của Ủy ban nhân dân Thành phố → Bằng khen" in note


def _runner(root: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(RUNNER), str(root), *extra], capture_output=True, text=True,
                          timeout=300)


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """An uninterrupted run: what every interrupted run must end up as."""
    root = make_workspace(tmp_path_factory.mktemp("reference") / "ws")
    result = _runner(root)
    assert result.returncode == 0, result.stderr[-2000:]
    return ledger_state(root), drafts_state(root)


@pytest.mark.parametrize("point", ["after-extract", "after-record", "during-render", "after-first-draft"])
def test_a_run_killed_at_any_point_is_completed_by_the_next(point, tmp_path, reference):
    root = make_workspace(tmp_path / "ws")
    killed = _runner(root, "--crash-at", point)
    assert killed.returncode == -9, killed.stderr[-2000:]
    again = _runner(root)
    assert again.returncode == 0, again.stderr[-2000:]
    ledger, drafts = reference
    assert ledger_state(root) == ledger
    assert drafts_state(root) == drafts
    assert not [p for p in (root / "drafts").rglob(".tdkt-*")]


def test_two_concurrent_runs_read_each_file_once(tmp_path):
    root = make_workspace(tmp_path / "ws", files=[*REPORTS, "CĐNT Thăng Long - Báo cáo thi đua khen thưởng 2023.pdf"])
    log = tmp_path / "reads.jsonl"
    runs = [subprocess.Popen([sys.executable, str(RUNNER), str(root), "--log", str(log)], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True) for _ in range(2)]
    for process in runs:
        _, err = process.communicate(timeout=300)
        assert process.returncode == 0, err[-2000:]
    reads = [json.loads(line)["file"] for line in log.read_text(encoding="utf-8").splitlines()]
    assert sorted(reads) == sorted(set(reads)) and len(reads) == 4
    state = ledger_state(root)
    assert len(state["files"]) == 4 and all(row[2] == "read" and row[7] is None for row in state["files"])
    assert {(y, v, k) for y, v, k, *_ in state["drafts"]} == {
        (2023, 1, kind) for kind in ("summary", "nominations", "proposal", "minutes", "pledge")}


def test_the_ledger_works_the_same_on_postgresql(tmp_path, postgres_ledger_url):
    root = make_workspace(tmp_path / "ws")
    with (root / "tdkt.yaml").open("a", encoding="utf-8") as config:
        config.write(f"ledger_url: {postgres_ledger_url}\n")
    first = run(root)
    assert [i.outcome for i in first.ingested] == [Outcome.READ] * 3 and first.years[0].version == 1
    drop(root, SAMPLE / REPORTS[1], "CĐYT gửi lại.pdf")
    second = run(root)
    assert [i.outcome for i in second.ingested] == [Outcome.DUPLICATE] and second.years[0].version is None
    assert not (root / "ledger.sqlite").exists()


def test_concurrent_runs_on_postgresql(tmp_path, postgres_ledger_url):
    root = make_workspace(tmp_path / "ws", files=[*REPORTS, "CĐNT Thăng Long - Báo cáo thi đua khen thưởng 2023.pdf"])
    with (root / "tdkt.yaml").open("a", encoding="utf-8") as config:
        config.write(f"ledger_url: {postgres_ledger_url}\n")
    log = tmp_path / "reads.jsonl"
    runs = [subprocess.Popen([sys.executable, str(RUNNER), str(root), "--log", str(log)], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True) for _ in range(2)]
    for process in runs:
        _, err = process.communicate(timeout=300)
        assert process.returncode == 0, err[-2000:]
    reads = [json.loads(line)["file"] for line in log.read_text(encoding="utf-8").splitlines()]
    assert sorted(reads) == sorted(set(reads)) and len(reads) == 4
    again = run(root)
    assert again.ingested == [] and all(y.version is None for y in again.years)


def test_changed_cluster_file_reads_reports_again(tmp_path):
    root = make_workspace(tmp_path / "ws")
    cluster_text = (root / "cluster.yaml").read_text(encoding="utf-8")
    without_cdsp = cluster_text.replace("  - id: cdsp\n    name: Trường Cao đẳng Sư phạm Tây Hồ\n",
                                        "  - id: cdsp\n    name: Trường Cao đẳng Sư phạm Tây Hà\n")
    without_cdsp = without_cdsp.replace("aliases: [CĐ Sư phạm Tây Hồ, CĐSP Tây Hồ, CĐSPTH]", "aliases: []")
    (root / "cluster.yaml").write_text(without_cdsp, encoding="utf-8")
    first = run(root)
    rejected = next(i for i in first.ingested if i.name == REPORTS[2])
    assert rejected.outcome is Outcome.REJECTED and "không xác định được đơn vị" in rejected.message
    (root / "cluster.yaml").write_text(cluster_text, encoding="utf-8")  # the officer fixes the member's name
    second = run(root)
    assert second.ingested == []  # nothing new in the inbox …
    year = second.years[0]
    assert year.version == 2  # … but the reports were read again with the corrected cluster file
    assert "cdsp" in year.summary.result.reports


def test_one_folder_per_cluster(tmp_path):
    root = tmp_path / "ws"
    for key, files in (("cum-18", REPORTS[:2]), ("cum-khac", REPORTS[2:])):
        folder = root / "inbox" / key
        folder.mkdir(parents=True)
        shutil.copyfile(SAMPLE_CLUSTER_DIR / "cluster.yaml", folder / "cluster.yaml")
        for i, name in enumerate(files):
            shutil.copyfile(SAMPLE / name, folder / name)
            os.utime(folder / name, (1_700_000_000 + i, 1_700_000_000 + i))
    (root / "tdkt.yaml").write_text("settle_seconds: 0\n", encoding="utf-8")
    result = process_workspace(root)
    by_key = {c.key: c for c in result.clusters}
    assert sorted(by_key) == ["cum-18", "cum-khac"]
    assert [i.name for i in by_key["cum-18"].ingested] == REPORTS[:2]
    assert [i.name for i in by_key["cum-khac"].ingested] == REPORTS[2:]
    assert (root / "drafts" / "cum-18" / "2023" / "bao-cao-tong-ket-2023.docx").exists()
    units = by_key["cum-khac"].years[0].summary.result.reports
    assert list(units) == ["cdsp"]


def test_a_ledger_from_an_older_tdkt_gains_new_columns(tmp_path):
    from pipeline.runs.ledger import Ledger

    url = f"sqlite:///{tmp_path / 'ledger.sqlite'}"
    Ledger(url).close()
    with sqlite3.connect(tmp_path / "ledger.sqlite") as db:
        db.execute("ALTER TABLE files DROP COLUMN understood_with")
    Ledger(url).close()
    with sqlite3.connect(tmp_path / "ledger.sqlite") as db:
        columns = {row[1] for row in db.execute("PRAGMA table_info(files)")}
    assert "understood_with" in columns


def test_finalize_works_on_a_workspace_drafts_folder(tmp_path):
    from pipeline.tools.finalize import finalize

    root = make_workspace(tmp_path / "ws")
    run(root)
    folder = root / "drafts" / "ctd18" / "2023"
    listed = folder / "danh-sach-de-nghi-khen-thuong-2023.docx"
    doc = docx.Document(str(listed))
    row = next(r for r in doc.tables[1].rows if r.cells[1].text == "Trường Cao đẳng Sư phạm Tây Hồ")
    row.cells[4].paragraphs[0].runs[0].text = "Không đề nghị"
    doc.save(str(listed))
    done = finalize(folder)
    assert done.changes == ["Trường Cao đẳng Sư phạm Tây Hồ: hình thức đề nghị đổi từ “Bằng khen của Chủ tịch Ủy ban "
                            "nhân dân Thành phố” thành “Không đề nghị”."]
    assert (folder / "hoan-thien" / "to-trinh-de-nghi-khen-thuong-2023.docx").exists()
    assert run(root).years[0].version is None  # finalize's folder is not a new input: no new version


def test_an_upgraded_reader_reads_the_archived_reports_again(tmp_path, monkeypatch):
    """Facts read by an older tdkt (an earlier READER_VERSION) are read again once, so an office
    that upgrades gets the new reading of the files it already has."""
    import pipeline.runs.intake

    root = make_workspace(tmp_path / "ws")
    assert run(root).years[0].version == 1
    reads: list[str] = []
    real = pipeline.runs.intake.read_report_isolated

    def counted(path, *args, **kwargs):
        reads.append(kwargs.get("display_name") or Path(path).name)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(pipeline.runs.intake, "read_report_isolated", counted)
    assert run(root).ingested == [] and reads == []  # nothing changed: nothing read
    monkeypatch.setattr(pipeline.runs.intake, "READER_VERSION", pipeline.runs.intake.READER_VERSION + 1)
    upgraded = run(root)
    assert upgraded.ingested == [] and sorted(reads) == sorted(REPORTS)  # every report read again, once
    reads.clear()
    assert run(root).ingested == [] and reads == []


def test_a_copied_workspace_works_on_its_own_files(tmp_path):
    """`cp -a` of a workspace to another place (a move, a restore): the copy's runs find its own
    drafts and report its own reviewers' edits, never the original's."""
    original = make_workspace(tmp_path / "ws")
    first = run(original)
    assert first.years[0].version == 1
    copy = tmp_path / "moved" / "ws"
    shutil.copytree(original, copy, symlinks=True)
    shutil.rmtree(original / "drafts")  # the old place is gone (or holds other edits)
    drafts = copy / "drafts" / "ctd18" / "2023"
    edited = drafts / "danh-sach-de-nghi-khen-thuong-2023.docx"
    document = docx.Document(str(edited))
    document.add_paragraph("Ghi chú của người rà soát.")
    document.save(str(edited))
    drop(copy, SAMPLE / "CĐNT Thăng Long - Báo cáo thi đua khen thưởng 2023.pdf",
         "CĐNT Thăng Long - Báo cáo thi đua khen thưởng 2023.pdf")
    moved = run(copy)
    year = moved.years[0]
    assert year.version == 2
    assert all(Path(p).is_relative_to(copy) and Path(p).exists() for p in year.summary.drafts)
    note = next(Path(p) for p in year.summary.drafts if "ghi-chu-thay-doi" in Path(p).name)
    assert "Bản trước đã được chỉnh sửa: danh-sach-de-nghi-khen-thuong-2023.docx." in note.read_text(encoding="utf-8")
    assert not (original / "drafts").exists()  # nothing written to the old place


def test_files_follow_the_umask_or_the_workspace_file_mode_and_group(tmp_path):
    import grp
    import stat

    old = os.umask(0o022)
    try:
        root = make_workspace(tmp_path / "ws")
        run(root)
        drafts = sorted((root / "drafts" / "ctd18" / "2023").glob("*.docx"))
        assert drafts and {stat.S_IMODE(p.stat().st_mode) for p in drafts} == {0o644}  # not mkstemp's 0600
        group = grp.getgrgid(os.getgid()).gr_name
        shared = make_workspace(tmp_path / "chia-se")
        with (shared / "tdkt.yaml").open("a", encoding="utf-8") as config:
            config.write(f"file_mode: '0660'\ngroup: {group}\n")
        run(shared)
        written = [*(shared / "drafts").rglob("*.docx"), *(shared / "archive").iterdir()]
        assert {stat.S_IMODE(p.stat().st_mode) for p in written} == {0o660}
        assert {p.stat().st_gid for p in written} == {os.getgid()}
    finally:
        os.umask(old)
        from pipeline.core.files import FilePolicy, set_file_policy

        set_file_policy(FilePolicy())


def test_an_unknown_group_in_tdkt_yaml_is_a_plain_error(tmp_path):
    from pipeline.core.errors import ConfigError

    root = make_workspace(tmp_path / "ws")
    with (root / "tdkt.yaml").open("a", encoding="utf-8") as config:
        config.write("group: khong-co-nhom-nay\n")
    with pytest.raises(ConfigError, match="không có nhóm người dùng 'khong-co-nhom-nay'"):
        run(root)


def test_a_temporary_file_renamed_while_temporaries_are_cleaned_is_left_alone(tmp_path, monkeypatch):
    """archive/ is shared by the clusters drafted side by side: a copy another cluster renames to
    its final name between the listing and the look at its age is not an error (a city's run
    stopped on it)."""
    from pipeline.runs.workspace import Workspace
    from pipeline.runs.workspace_run import clean_temporaries

    root = make_workspace(tmp_path / "ws")
    ws = Workspace(root).create()
    [source] = ws.clusters()
    gone = ws.archive / ".tdkt-renamed-meanwhile.docx"
    old = ws.archive / ".tdkt-left-by-a-killed-run.docx"
    old.write_bytes(b"x")
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    real_glob = Path.glob
    monkeypatch.setattr(Path, "glob", lambda self, pattern: [gone, *real_glob(self, pattern)])
    clean_temporaries(ws, source)
    assert not old.exists()


def test_a_run_waits_for_another_drafting_the_cluster_then_drafts_what_it_took_in(tmp_path, monkeypatch):
    """Two runs of one cluster: the other run drafts (holds the cluster's drafting lock) while this
    one takes its files in. This run waits for the lock instead of leaving the drafting to the
    other run, which may have looked at the ledger before this run's files were there."""
    import threading

    from pipeline.runs.ledger import Ledger
    from pipeline.runs.workspace import Workspace

    root = make_workspace(tmp_path / "ws")
    ws = Workspace(root)
    ledger, lock = Ledger(ws.ledger_url()), f"drafts:{ws.clusters()[0].key}"
    held, tried = threading.Event(), threading.Event()
    acquire = Ledger._acquire

    def watched(self, name: str, run_id: str) -> bool:
        got = acquire(self, name, run_id)
        if not got and name == lock and run_id != "other-run":
            tried.set()  # this run has taken its files in and wants to draft
        return got

    monkeypatch.setattr(Ledger, "_acquire", watched)

    def other_run() -> None:
        with ledger.lock(lock, "other-run") as acquired:
            assert acquired
            held.set()
            tried.wait(timeout=30)
            time.sleep(0.5)  # still drafting a moment after this run asked

    other = threading.Thread(target=other_run)
    other.start()
    assert held.wait(timeout=10)
    this = run(root)
    other.join()
    assert tried.is_set() and not this.drafting_skipped
    assert [i.name for i in this.ingested] == REPORTS and this.years[0].version == 1
    assert len(this.years[0].summary.result.reports) == 3
    ledger.close()
