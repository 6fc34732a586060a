"""A cluster's criteria document dropped into the inbox is imported and used for that cluster (a
workspace, and `tdkt run`); an officer's rubric.yaml (or --rubric) wins; an older one is
superseded, named; one that cannot be imported is set aside and the cluster falls back."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import docx
import pytest
import yaml
from rubric_docs import merged_docx, nested_docx
from test_workspace import REPORTS, SAMPLE, files_in

import pipeline.runs.criteria_choice
import pipeline.runs.steps
from examples import SAMPLE_CLUSTER_DIR
from pipeline.config.award_rules import load_rules
from pipeline.config.rubric import GroupKind, Rubric, load_rubric
from pipeline.core.errors import RejectReason
from pipeline.criteria import IMPORTER_VERSION, RubricImportError, import_file
from pipeline.criteria.principles import PrinciplesReading
from pipeline.results.outcome import Origin
from pipeline.runs.inbox_run import process_inbox
from pipeline.runs.intake import Outcome
from pipeline.runs.workspace_run import process_workspace
from templates import DEFAULT_RUBRIC

CDYT, CDSP = "Trường Cao đẳng Y tế Thủ đô", "Trường Cao đẳng Sư phạm Tây Hồ"
CRITERIA = "Bang tieu chi thi dua 2024.docx"
ARRIVED = 1_700_000_000


# --- fixtures built in code ----------------------------------------------------------------


def dated(path: Path, date: str) -> Path:
    """The criteria document with its place-date line, as clusters sign it."""
    doc = docx.Document(str(path))
    doc.paragraphs[0].insert_paragraph_before(f"Hà Nội, {date}")
    doc.save(str(path))
    return path


def coded_report(path: Path, rubric: Rubric, unit: str, minus: float = 0) -> Path:
    """A 2023 report whose self-scoring table uses the rubric's own codes (A.1.a …): every
    standard criterion at its maximum, the first ``minus`` points lower."""
    doc = docx.Document()
    header = doc.add_table(rows=2, cols=2)
    header.cell(0, 0).text = f"UBND THÀNH PHỐ HÀ NỘI\n{unit.upper()}"
    header.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    header.cell(1, 0).text = "Số: 12/BC-TEST"
    header.cell(1, 1).text = "Hà Nội, ngày 10 tháng 12 năm 2023"
    doc.add_paragraph("BÁO CÁO")
    doc.add_paragraph("Tổng kết công tác thi đua, khen thưởng năm 2023")
    table = doc.add_table(rows=1, cols=4)
    for cell, text in zip(table.rows[0].cells, ("Mã", "Nội dung", "Điểm chuẩn", "Tự chấm"), strict=True):
        cell.text = text
    first = True
    for group in rubric.groups:
        _row(table, group.code, group.title, group.max, None)
        for criterion in group.walk():
            value = None
            if not criterion.criteria:
                value = criterion.max if group.kind is GroupKind.STANDARD else 0
                if first and group.kind is GroupKind.STANDARD:
                    value, first = value - minus, False
            _row(table, criterion.code, criterion.title, criterion.max, value)
    doc.save(str(path))
    return path


def _row(table, code: str, title: str, points: float, value: float | None) -> None:
    cells = table.add_row().cells
    for cell, text in zip(cells, (code, title, f"{points:g}", "" if value is None else f"{value:g}"), strict=True):
        cell.text = text


def put(folder: Path, source: Path, name: str, arrived: float) -> Path:
    target = folder / name
    folder.mkdir(parents=True, exist_ok=True)
    if source != target:
        shutil.copyfile(source, target)
    os.utime(target, (arrived, arrived))
    return target


def nested_inbox(folder: Path, scratch: Path) -> Rubric:
    """A nested 1000-point criteria document and two reports scored on it (CĐYT 980, CĐSP 1000)."""
    scratch.mkdir(parents=True, exist_ok=True)
    criteria = nested_docx(scratch / CRITERIA)
    rubric = import_file(criteria).rubric
    put(folder, criteria, CRITERIA, ARRIVED)
    put(folder, coded_report(scratch / "cdyt.docx", rubric, CDYT, minus=20), "BC CĐYT 2023.docx", ARRIVED + 1)
    put(folder, coded_report(scratch / "cdsp.docx", rubric, CDSP), "BC CĐSP 2023.docx", ARRIVED + 2)
    return rubric


def workspace(root: Path, *config: str) -> Path:
    (root / "inbox").mkdir(parents=True)
    for name in ("cluster.yaml", *config):
        shutil.copyfile(SAMPLE_CLUSTER_DIR / name, root / name)
    (root / "tdkt.yaml").write_text("settle_seconds: 0\n", encoding="utf-8")
    return root


def report_text(year) -> str:
    """The run report a workspace writes beside the year's drafts."""
    return (Path(year.summary.drafts[0]).parent / f"ket-qua-xu-ly-{year.year}.txt").read_text(encoding="utf-8")


def totals(summary) -> dict[str, float]:
    return {u.member_id: u.total for u in summary.result.board.units}


def docx_text(path: Path) -> str:
    doc = docx.Document(str(path))
    return "\n".join([p.text for p in doc.paragraphs] + [c.text for t in doc.tables for r in t.rows for c in r.cells])


# --- the workspace -------------------------------------------------------------------------


def test_workspace_scores_on_the_criteria_document_in_its_inbox(tmp_path, monkeypatch):
    root = workspace(tmp_path / "ws")
    rubric = nested_inbox(root / "inbox", tmp_path / "src")
    inbox_before = files_in(root / "inbox")
    run = process_workspace(root).clusters[0]
    outcomes = {i.name: i for i in run.ingested}
    assert outcomes[CRITERIA].outcome is Outcome.CRITERIA
    assert outcomes[CRITERIA].message == "đã nhập (thang điểm 1.000, 5 nhóm, 12 tiêu chí)"
    [year] = run.years
    result = year.summary.result
    assert result.rubric == rubric and result.rubric.scale == 1000
    assert totals(year.summary) == {"cdsp": 1000, "cdyt": 980}
    cdyt = next(u for u in result.board.units if u.member_id == "cdyt")
    first = next(c for c in cdyt.criteria if c.code == "A.1.a")
    assert (first.self_score, first.proposed, first.max_points) == (100, 100, 120)
    # The run report names the file the rubric came from and where its YAML is, to review and adopt.
    exported = f"drafts/ctd18/bang-tieu-chi/Bang tieu chi thi dua 2024 ({year.summary.criteria.document.sha256[:8]})"
    text = report_text(year)
    assert (f"  - Dùng bảng tiêu chí trong hộp thư: {CRITERIA} (thang điểm 1.000, 5 nhóm, 12 tiêu chí)."
            in text.splitlines())
    assert f"  - Bảng tiêu chí đã nhập được ghi ra để rà soát: {exported}/rubric.yaml" in text
    assert "chép rubric.yaml này vào thư mục không gian làm việc (cạnh inbox/)" in text
    assert "  - Quy tắc khen thưởng: quy tắc mặc định của tdkt: templates/award-rules.yaml" in text
    assert load_rubric(root / exported / "rubric.yaml") == rubric
    table = docx_text(root / "drafts" / "ctd18" / "2023" / "danh-sach-de-nghi-khen-thuong-2023.docx")
    assert f"{CDYT}\n980" in table
    assert files_in(root / "inbox") == inbox_before

    # A run with nothing new imports nothing, reads nothing, writes nothing.
    def never(*_a, **_k):
        raise AssertionError("criteria document imported again")

    monkeypatch.setattr(pipeline.runs.criteria_choice, "import_rubric", never)
    monkeypatch.setattr(pipeline.runs.steps, "extract", never)
    drafts_before = files_in(root / "drafts")
    again = process_workspace(root).clusters[0]
    assert again.ingested == [] and again.nothing_new and again.problem is None
    assert files_in(root / "drafts") == drafts_before

    # The officer adopts the YAML as it is: the officer's file is used, nothing is read again, the
    # drafts stay (same scores); the run report now names the officer's file.
    shutil.copyfile(root / exported / "rubric.yaml", root / "rubric.yaml")
    adopted = process_workspace(root).clusters[0]
    assert adopted.years[0].version is None and adopted.problem is None
    assert adopted.years[0].summary.criteria.rubric_origin is Origin.OFFICER
    after = files_in(root / "drafts")
    assert {k: v for k, v in after.items() if k.endswith(".docx")} == {
        k: v for k, v in drafts_before.items() if k.endswith(".docx")}
    assert "  - Dùng tệp bảng tiêu chí của Cụm: rubric.yaml." in report_text(adopted.years[0])


def test_an_officers_rubric_yaml_wins_over_the_criteria_document(tmp_path):
    root = workspace(tmp_path / "ws", "rubric.yaml")
    for i, name in enumerate(REPORTS):
        put(root / "inbox", SAMPLE / name, name, ARRIVED + i)
    put(root / "inbox", nested_docx(tmp_path / CRITERIA), CRITERIA, ARRIVED + 10)
    [year] = process_workspace(root).clusters[0].years
    summary = year.summary
    assert summary.result.rubric.scale == 100 and summary.result.rubric == load_rubric(root / "rubric.yaml")
    assert totals(summary)["cdyt"] == 98
    assert summary.criteria.rubric_origin is Origin.OFFICER
    text = report_text(year)
    assert "  - Dùng tệp bảng tiêu chí của Cụm: rubric.yaml." in text
    assert (f"  - Bảng tiêu chí trong hộp thư {CRITERIA} không dùng để chấm vì đã có rubric.yaml do cán bộ viết "
            "(được ưu tiên).") in text


def test_a_newer_criteria_document_supersedes_the_older_one(tmp_path):
    root = workspace(tmp_path / "ws")
    src = tmp_path / "src"
    nested_inbox(root / "inbox", src)
    put(root / "inbox", dated(nested_docx(src / "new.docx"), "ngày 10 tháng 01 năm 2024"), CRITERIA, ARRIVED)
    # The older table (the sample's 100 points, signed in 2023) arrives later: the date written decides.
    older = "Bang tieu chi 2023.docx"
    put(root / "inbox", dated(merged_docx(src / "old.docx"), "ngày 15 tháng 01 năm 2023"), older, ARRIVED + 50)
    inbox_before = files_in(root / "inbox")
    [year] = process_workspace(root).clusters[0].years
    summary = year.summary
    assert summary.result.rubric.scale == 1000 and totals(summary)["cdyt"] == 980
    [superseded] = [r for r in summary.rejected if r.file == older]
    assert superseded.reason is RejectReason.SUPERSEDED
    assert superseded.message == f"đã có bảng tiêu chí mới hơn ({CRITERIA}); bảng này không dùng để chấm"
    text = report_text(year)
    assert f"  - Dùng bảng tiêu chí trong hộp thư: {CRITERIA} (ngày 10/01/2024) (thang điểm 1.000" in text
    assert f"  - {older}: đã có bảng tiêu chí mới hơn ({CRITERIA}); bảng này không dùng để chấm" in text
    with sqlite3.connect(root / "ledger.sqlite") as db:
        rows = dict(db.execute("select first_name, superseded_by from files where status = 'criteria'"))
    assert rows[older] == summary.criteria.document.sha256 and rows[CRITERIA] is None
    assert files_in(root / "inbox") == inbox_before


@pytest.mark.parametrize("fault", [RubricImportError("bảng tiêu chí không có dòng nào có mã (I, II, 1, 2, a, b, …)"),
                                   RuntimeError("importer bug")])
def test_a_criteria_document_that_cannot_be_imported_is_set_aside(tmp_path, monkeypatch, fault):
    monkeypatch.setenv("TDKT_ISOLATE", "0")  # it patches the readers in this process
    def failing(doc, *_a):
        raise fault

    monkeypatch.setattr(pipeline.runs.criteria_choice, "import_rubric", failing)
    root = workspace(tmp_path / "ws")
    for i, name in enumerate(REPORTS):
        put(root / "inbox", SAMPLE / name, name, ARRIVED + i)
    put(root / "inbox", merged_docx(tmp_path / CRITERIA), CRITERIA, ARRIVED + 10)
    run = process_workspace(root).clusters[0]
    [item] = [i for i in run.ingested if i.name == CRITERIA]
    assert item.outcome is Outcome.REJECTED
    why = str(fault) if isinstance(fault, RubricImportError) else "lỗi không mong muốn khi nhập bảng (RuntimeError)"
    assert item.message.startswith(f"đây là bảng tiêu chí chấm điểm thi đua nhưng tdkt không nhập được ({why}")
    note = (root / "rejected" / "ctd18" / f"{CRITERIA}.txt").read_text(encoding="utf-8")
    assert f"Lý do không sử dụng: {item.message}" in note
    [year] = run.years  # the run goes on, on the default rubric, and says so
    assert year.summary.result.rubric == load_rubric(DEFAULT_RUBRIC)
    assert sorted(totals(year.summary)) == ["cdsp", "cdyt", "dhvhnt"]
    text = report_text(year)
    assert ("  - Dùng bảng tiêu chí mặc định của tdkt, không phải bảng của Cụm: templates/rubric.yaml."
            in text.splitlines())
    assert f"  - {CRITERIA}: có dạng bảng tiêu chí nhưng không nhập được (lý do ở mục Tệp không dùng)." in text
    assert f"  - {CRITERIA}: {item.message}" in text


def test_two_clusters_each_use_their_own_criteria_document(tmp_path):
    root = tmp_path / "ws"
    root.mkdir()
    shutil.copyfile(SAMPLE_CLUSTER_DIR / "rubric.yaml", root / "rubric.yaml")
    (root / "tdkt.yaml").write_text("settle_seconds: 0\n", encoding="utf-8")
    nested_inbox(root / "inbox" / "cum-a", tmp_path / "a")
    table_b = merged_docx(tmp_path / "bang-b.docx")  # the sample's criteria, as cluster B signed them
    put(root / "inbox" / "cum-b", table_b, "Bang tieu chi cum B.docx", ARRIVED)
    put(root / "inbox" / "cum-b", SAMPLE / REPORTS[1], REPORTS[1], ARRIVED + 1)
    for key in ("cum-a", "cum-b"):
        shutil.copyfile(SAMPLE_CLUSTER_DIR / "cluster.yaml", root / "inbox" / key / "cluster.yaml")
    by_key = {c.key: c for c in process_workspace(root).clusters}
    a, b = by_key["cum-a"].years[0].summary, by_key["cum-b"].years[0].summary
    # The workspace's own rubric.yaml is shared by cluster folders without one: their documents win over it.
    assert a.criteria.rubric_origin is Origin.DOCUMENT and a.criteria.document.file == CRITERIA
    assert a.result.rubric.scale == 1000 and totals(a) == {"cdsp": 1000, "cdyt": 980}
    assert b.criteria.rubric_origin is Origin.DOCUMENT and b.criteria.document.file == "Bang tieu chi cum B.docx"
    # Imported, the table has no award rule for bonus IV.1 (the YAML has): the self-scored 2 stays (99, not 98).
    assert b.result.rubric == import_file(table_b).rubric and totals(b) == {"cdyt": 99}
    assert all((root / "drafts" / key / "bang-tieu-chi").is_dir() for key in ("cum-a", "cum-b"))


def test_a_criteria_document_an_older_tdkt_set_aside_is_imported(tmp_path):
    root = workspace(tmp_path / "ws")
    nested_inbox(root / "inbox", tmp_path / "src")
    process_workspace(root)
    with sqlite3.connect(root / "ledger.sqlite") as db:  # as an older tdkt left it
        db.execute("update files set status = 'rejected', reason = 'rubric_document', criteria = null, "
                   "message = 'đây là bảng tiêu chí chấm điểm thi đua' where status = 'criteria'")
    again = process_workspace(root).clusters[0]
    assert again.ingested == []
    assert again.years[0].summary.criteria.rubric_origin is Origin.DOCUMENT
    assert totals(again.years[0].summary) == {"cdsp": 1000, "cdyt": 980}


def test_a_units_report_an_older_tdkt_took_for_criteria_is_read_again(tmp_path):
    """An older tdkt set a unit's report aside as a criteria document it could not import; a
    newer reader (another READER_VERSION in the row's fingerprint) reads it again as the report."""
    root = workspace(tmp_path / "ws", "rubric.yaml")
    for i, name in enumerate(REPORTS):
        put(root / "inbox", SAMPLE / name, name, ARRIVED + i)
    first = process_workspace(root).clusters[0]
    assert sorted(totals(first.years[0].summary)) == ["cdsp", "cdyt", "dhvhnt"]
    with sqlite3.connect(root / "ledger.sqlite") as db:  # as an older tdkt left the CĐYT report
        db.execute("update files set status = 'rejected', reason = 'criteria_unreadable', facts = null, "
                   "unit_id = null, unit_name = null, year = null, understood_with = 'an older reader', "
                   "message = 'đây là bảng tiêu chí chấm điểm thi đua nhưng tdkt không nhập được' "
                   "where first_name = ?", (REPORTS[1],))
    assert sorted(totals(process_workspace(tmp_path / "ws").clusters[0].years[0].summary)) == [
        "cdsp", "cdyt", "dhvhnt"]
    with sqlite3.connect(root / "ledger.sqlite") as db:
        assert db.execute("select status, reason, unit_id from files where first_name = ?",
                          (REPORTS[1],)).fetchone() == ("read", None, "cdyt")


# --- tdkt run --------------------------------------------------------------------------------


def test_run_uses_the_criteria_document_and_extracts_each_file_once(tmp_path, monkeypatch):
    monkeypatch.setenv("TDKT_ISOLATE", "0")  # it patches the readers in this process
    inbox = tmp_path / "inbox"
    rubric = nested_inbox(inbox, tmp_path / "src")
    before = files_in(inbox)
    opened = []
    real = pipeline.runs.steps.extract
    monkeypatch.setattr(pipeline.runs.steps, "extract", lambda path, *a: opened.append(path.name) or real(path, *a))
    summary = process_inbox(inbox, tmp_path / "out", cluster=SAMPLE_CLUSTER_DIR / "cluster.yaml")
    assert sorted(opened) == sorted(before)
    assert summary.result.rubric == rubric and totals(summary) == {"cdsp": 1000, "cdyt": 980}
    assert summary.criteria.rubric_origin is Origin.DOCUMENT and summary.rejected == []
    folder = f"bang-tieu-chi/Bang tieu chi thi dua 2024 ({summary.criteria.document.sha256[:8]})"
    assert load_rubric(tmp_path / "out" / folder / "rubric.yaml") == rubric
    text = Path(summary.report).read_text(encoding="utf-8")
    assert f"  - Dùng bảng tiêu chí trong hộp thư: {CRITERIA} (thang điểm 1.000, 5 nhóm, 12 tiêu chí)." in text
    assert f"  - Bảng tiêu chí đã nhập được ghi ra để rà soát: {folder}/rubric.yaml" in text
    assert "cho tệp rubric.yaml này vào tdkt run bằng --rubric (và --rules)" in text
    assert files_in(inbox) == before
    # --rubric on the command line wins.
    given = process_inbox(inbox, tmp_path / "out2", rubric=SAMPLE_CLUSTER_DIR / "rubric.yaml",
                          cluster=SAMPLE_CLUSTER_DIR / "cluster.yaml")
    assert given.result.rubric.scale == 100 and given.criteria.rubric_origin is Origin.OFFICER
    assert f"{CRITERIA} không dùng để chấm vì đã có" in Path(given.report).read_text(encoding="utf-8")


def test_run_with_an_unclean_import_says_the_scores_are_not_settled(tmp_path, monkeypatch):
    monkeypatch.setenv("TDKT_ISOLATE", "0")  # it patches the readers in this process
    real = pipeline.runs.criteria_choice.import_rubric

    def unclean(doc, *a):
        imported = real(doc, *a)
        imported.unplaced.append("bảng 1, dòng 9: dòng không có mã: “Xếp loại chung” (4 điểm)")
        return imported

    monkeypatch.setattr(pipeline.runs.criteria_choice, "import_rubric", unclean)
    inbox = tmp_path / "inbox"
    nested_inbox(inbox, tmp_path / "src")
    summary = process_inbox(inbox, tmp_path / "out", cluster=SAMPLE_CLUSTER_DIR / "cluster.yaml")
    assert totals(summary) == {"cdsp": 1000, "cdyt": 980}  # still the cluster's own table
    note = (f"Điểm được chấm theo bảng tiêu chí nhập tự động từ tệp {CRITERIA}, nhưng bảng nhập chưa khớp hoàn toàn "
            "với văn bản (1 dòng không xếp được vào bảng): cần đối chiếu với bảng tiêu chí đã ký trước khi dùng điểm")
    assert summary.result.review_notes == [note]
    lines = Path(summary.report).read_text(encoding="utf-8").splitlines()
    assert ("  - CHƯA KHỚP HOÀN TOÀN với văn bản: điểm dưới đây chưa phải kết quả chốt; đối chiếu bảng tiêu chí đã "
            "ký, sửa tệp rubric.yaml ghi ra bên dưới rồi dùng tệp đó:") in lines
    assert "      · bảng 1, dòng 9: dòng không có mã: “Xếp loại chung” (4 điểm)" in lines
    assert f"  - Cả Cụm: {note}" in lines
    report = docx_text(tmp_path / "out" / "bao-cao-tong-ket-2023.docx")
    assert f"[Cần kiểm tra: {note}]" in report


def test_run_uses_the_documents_nomination_principles_unless_rules_are_given(tmp_path, monkeypatch):
    monkeypatch.setenv("TDKT_ISOLATE", "0")  # it patches the readers in this process
    stated = load_rules(SAMPLE_CLUSTER_DIR / "rules.yaml").model_copy(update={"women_share": 0.6})
    real = pipeline.runs.criteria_choice.import_rubric

    def with_rules(doc, *a):
        imported = real(doc, *a)
        imported.principles = PrinciplesReading(rules=stated)
        return imported

    monkeypatch.setattr(pipeline.runs.criteria_choice, "import_rubric", with_rules)
    inbox = tmp_path / "inbox"
    nested_inbox(inbox, tmp_path / "src")
    cluster = SAMPLE_CLUSTER_DIR / "cluster.yaml"
    summary = process_inbox(inbox, tmp_path / "out", cluster=cluster)
    assert summary.result.rules == stated and summary.criteria.rules_origin is Origin.DOCUMENT
    [exported_rules] = [p for p in summary.criteria.exported if p.endswith("rules.yaml")]
    assert load_rules(tmp_path / "out" / exported_rules) == stated
    assert f"  - Quy tắc khen thưởng: nguyên tắc đề nghị khen thưởng trong {CRITERIA}." in Path(
        summary.report).read_text(encoding="utf-8")
    given = process_inbox(inbox, tmp_path / "out2", rules=SAMPLE_CLUSTER_DIR / "rules.yaml", cluster=cluster)
    assert given.result.rules.women_share == 0.7 and given.criteria.rules_origin is Origin.OFFICER
    assert given.result.rubric.scale == 1000  # the document's rubric still applies


# --- choosing, as a plain function -----------------------------------------------------------


def test_rules_that_cannot_be_used_fall_back_or_stop_the_cluster(tmp_path):
    from pipeline.config.award_rules import AwardRule
    from pipeline.config.cluster import load_cluster
    from pipeline.core.errors import ConfigError
    from pipeline.results.outcome import CriteriaDocument
    from pipeline.runs.criteria_choice import ConfigFiles, choose_criteria, command_line_files

    cluster = load_cluster(SAMPLE_CLUSTER_DIR / "cluster.yaml")
    sample = load_rules(SAMPLE_CLUSTER_DIR / "rules.yaml")
    too_many = sample.model_copy(update={"awards": [AwardRule(id="flag", name="Cờ thi đua của Chính phủ",
                                                              kind="danh_hieu", quota=9)]})
    doc = CriteriaDocument(file=CRITERIA, sha256="a" * 64, rubric=load_rubric(SAMPLE_CLUSTER_DIR / "rubric.yaml"),
                           principles=PrinciplesReading(rules=too_many))
    # The document's principles ask for more flags than the cluster has units: the default rules, and why.
    chosen = choose_criteria(command_line_files(None, None), [doc], [], cluster)
    assert chosen.choice.rubric_origin is Origin.DOCUMENT and chosen.choice.rules_origin is Origin.DEFAULT
    assert chosen.rules == load_rules(pipeline.runs.criteria_choice.DEFAULT_RULES, cluster)
    assert chosen.choice.notes == [f"Nguyên tắc đề nghị khen thưởng đọc từ {CRITERIA} chưa dùng được (số lượng 9 lớn "
                                   "hơn số đơn vị của Cụm (6)); dùng templates/award-rules.yaml"]
    # An officer's rules.yaml that does not fit the document's rubric is that file's error.
    misfit = rules_excluding(tmp_path / "rules.yaml", "E.9")
    files = ConfigFiles(pipeline.runs.criteria_choice.DEFAULT_RUBRIC, Origin.DEFAULT, misfit, Origin.OFFICER)
    with pytest.raises(ConfigError, match=r"mã tiêu chí 'E\.9' \(exclude_deducted\) không có trong bảng") as error:
        choose_criteria(files, [doc], [], cluster)
    assert error.value.file == str(misfit)


def rules_excluding(path: Path, code: str) -> Path:
    """The sample rules, the city's Bằng khen excluding units with a deduction at ``code``."""
    data = yaml.safe_load((SAMPLE_CLUSTER_DIR / "rules.yaml").read_text(encoding="utf-8"))
    data["awards"][-1]["exclude_deducted"] = [code]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_a_workspace_whose_rules_do_not_fit_the_new_criteria_stops_that_cluster_only(tmp_path):
    root = workspace(tmp_path / "ws")
    rules_excluding(root / "rules.yaml", "V.2")  # fits the default rubric (I–V), not the document's (A–E)
    nested_inbox(root / "inbox", tmp_path / "src")
    first = process_workspace(root).clusters[0]
    assert {i.outcome for i in first.ingested} == {Outcome.READ, Outcome.CRITERIA}  # taken in, then the check
    assert first.problem.startswith(f"Tệp cấu hình {root / 'rules.yaml'} không hợp lệ")
    assert "mã tiêu chí 'V.2' (exclude_deducted) không có trong bảng tiêu chí" in first.problem
    assert first.years == []
    again = process_workspace(root).clusters[0]
    assert again.problem == first.problem and again.ingested == []


def test_workspace_proposes_awards_by_the_documents_principles_unless_rules_yaml_exists(tmp_path):
    root = workspace(tmp_path / "ws")
    nested_inbox(root / "inbox", tmp_path / "src")
    criteria = root / "inbox" / CRITERIA
    doc = docx.Document(str(criteria))
    doc.add_paragraph("Nguyên tắc xét khen thưởng:")
    doc.add_paragraph("Đơn vị xếp thứ nhất đề nghị tặng Cờ thi đua của UBND Thành phố.")
    doc.add_paragraph("Các đơn vị còn lại đạt từ 990 điểm trở lên và không có cán bộ, viên chức bị kỷ luật (tiêu chí "
                      "E.2), đề nghị tặng Bằng khen của Chủ tịch UBND Thành phố.")
    unclear = ("Trường hợp các đơn vị bằng điểm nhau thì đơn vị có nhiều sáng kiến hơn được xếp trên và đề nghị tặng "
               "Cờ thi đua của Chính phủ.")
    doc.add_paragraph(unclear)
    doc.save(str(criteria))
    put(root / "inbox", criteria, CRITERIA, ARRIVED)
    [year] = process_workspace(root).clusters[0].years
    summary = year.summary
    assert summary.criteria.rules_origin is Origin.DOCUMENT
    awards = {n.member_id: n.award for n in summary.result.nominations.nominations}
    assert awards == {"cdsp": "Cờ thi đua của Ủy ban nhân dân Thành phố", "cdyt": None}  # 980 is under 990
    rules_yaml = root / next(p for p in summary.criteria.exported if p.endswith("rules.yaml"))
    assert load_rules(rules_yaml) == summary.result.rules
    text = report_text(year)
    assert f"  - Quy tắc khen thưởng: nguyên tắc đề nghị khen thưởng trong {CRITERIA}." in text
    assert f"      · “{unclear}”: câu về trường hợp bằng điểm không nêu cách xử lý tdkt biết" in text
    assert (f"  - Cả Cụm: Đề xuất khen thưởng theo nguyên tắc đọc tự động từ tệp {CRITERIA}, nhưng có 1 câu nguyên tắc "
            "tdkt chưa hiểu: cần đối chiếu với văn bản trước khi dùng đề xuất") in text
    # An officer's rules.yaml wins over the document's principles (the document's rubric still applies).
    shutil.copyfile(SAMPLE_CLUSTER_DIR / "rules.yaml", root / "rules.yaml")
    [again] = process_workspace(root).clusters[0].years
    assert again.version == 2 and again.summary.criteria.rules_origin is Origin.OFFICER
    assert again.summary.result.rubric.scale == 1000
    awards = {n.member_id: n.award for n in again.summary.result.nominations.nominations}
    assert awards == {"cdsp": "Cờ thi đua của Chính phủ", "cdyt": "Cờ thi đua của Ủy ban nhân dân Thành phố"}
    assert "  - Quy tắc khen thưởng: tệp quy tắc của Cụm: rules.yaml (nguyên tắc trong " in report_text(again)


def test_an_import_by_an_earlier_importer_is_done_again(tmp_path):
    """Each criteria document's import is kept in the ledger; one made by an earlier importer
    (another IMPORTER_VERSION) is imported again from the archive, once."""
    root = workspace(tmp_path / "ws")
    nested_inbox(root / "inbox", tmp_path / "src")
    process_workspace(root)
    with sqlite3.connect(root / "ledger.sqlite") as db:  # as an earlier importer left it: one criterion off
        [(stored,)] = db.execute("select criteria from files where status = 'criteria'").fetchall()
        current = f'"importer":{IMPORTER_VERSION}'
        old = stored.replace(current, '"importer":1').replace('"max":120.0', '"max":119.0')
        assert old != stored
        db.execute("update files set criteria = ? where status = 'criteria'", (old,))
    again = process_workspace(root).clusters[0]
    assert again.years[0].summary.result.rubric.criterion("A.1.a").max == 120
    assert totals(again.years[0].summary) == {"cdsp": 1000, "cdyt": 980}
    with sqlite3.connect(root / "ledger.sqlite") as db:
        [(stored,)] = db.execute("select criteria from files where status = 'criteria'").fetchall()
    assert current in stored and '"max":120.0' in stored
    assert process_workspace(root).clusters[0].nothing_new


# --- the document's own principles, end to end -------------------------------------------------

PRINCIPLES = {
    "total": "Các đơn vị còn lại đạt từ 80 điểm trở lên và không có cán bộ, viên chức bị kỷ luật (tiêu chí 4.1) đề "
             "nghị tặng Bằng khen của Chủ tịch UBND Thành phố.",
    "standard": "Các đơn vị còn lại có điểm chuẩn đạt từ 80% tổng điểm chuẩn trở lên (không tính điểm thưởng) đề "
                "nghị tặng Bằng khen của Chủ tịch UBND Thành phố.",
}


@pytest.mark.parametrize(("line", "c_award"), [
    ("total", "Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố"),  # 79 + 1 bonus = 80: the line written
    ("standard", None),  # the same unit, the bonus left out: 79 of 100
])
def test_the_criteria_documents_own_line_decides_a_unit_at_exactly_80(tmp_path, line, c_award):
    from builders import full_scores, report_docx
    from rubric_docs import dotted_with_deductions_docx

    (tmp_path / "src").mkdir()
    criteria = dotted_with_deductions_docx(tmp_path / "src" / "Bang tieu chi 2024.docx")
    doc = docx.Document(str(criteria))
    for text in ("NGUYÊN TẮC XÉT KHEN THƯỞNG",
                 "1. Đơn vị xếp thứ nhất đề nghị Chính phủ tặng Cờ thi đua của Chính phủ.",
                 "2. Đơn vị xếp thứ hai đề nghị tặng Cờ thi đua của UBND Thành phố.",
                 f"3. {PRINCIPLES[line]}",
                 "4. Trường hợp bằng điểm nhau tại vị trí xét Cờ thì Cụm bỏ phiếu kín."):
        doc.add_paragraph(text)
    doc.save(str(criteria))
    rubric = import_file(criteria).rubric
    inbox = tmp_path / "inbox"
    put(inbox, criteria, criteria.name, ARRIVED)
    # Self scores of 1.1 and 1.2 (out of 20 each; every other standard criterion in full), and bonus.
    units = {"Trường Cao đẳng Alpha": (20, 20, 2), "Trường Cao đẳng Beta": (20, 18, 0),
             "Trường Cao đẳng Gamma": (0, 19, 1), "Trường Cao đẳng Delta": (0, 19.5, 0)}
    for n, (name, (first, second, bonus)) in enumerate(units.items()):
        scores = full_scores(rubric) | {"1.1": first, "1.2": second, "3.2": min(bonus, 1), "3.1": max(bonus - 1, 0)}
        report = report_docx(tmp_path / "src" / f"bc-{n}.docx", rubric, name, scores, year=2024,
                             date="ngày 10 tháng 12 năm 2024")
        put(inbox, report, f"BC {name}.docx", ARRIVED + n + 1)
    summary = process_inbox(inbox, tmp_path / "out")
    totals = {u.name: u.total for u in summary.result.board.units}
    assert totals == {"Trường Cao đẳng Alpha": 102, "Trường Cao đẳng Beta": 98, "Trường Cao đẳng Gamma": 80,
                      "Trường Cao đẳng Delta": 79.5}
    awards = {n.name: n.award for n in summary.result.nominations.nominations}
    assert awards == {"Trường Cao đẳng Alpha": "Cờ thi đua của Chính phủ",
                      "Trường Cao đẳng Beta": "Cờ thi đua của Ủy ban nhân dân Thành phố",
                      "Trường Cao đẳng Gamma": c_award, "Trường Cao đẳng Delta": None}
    assert summary.criteria.rules_origin is Origin.DOCUMENT
    from pipeline.tools.nomination_list import read_nomination_list

    listed = read_nomination_list(next(Path(p) for p in summary.drafts if "danh-sach" in p), summary.result)
    gamma = next(u for u in listed.units if u.name == "Trường Cao đẳng Gamma")
    assert (gamma.total, gamma.award) == (80, c_award)  # the nomination list the reviewers get says the same
