"""The steps of a run, as plain functions: the one-shot run (inbox_run.py), the workspace run
(intake.py, drafting.py), both Prefect flows and the tests call these same functions.

inbox files ─► open_file (extract; a criteria document is imported there) ─► run_criteria (the
rubric and rules: --rubric/--rules, else the inbox's criteria document, else the defaults) ─►
understand_opened (one report) ─► select_reports (one report per unit, right year, no
duplicates) ─► score_cluster (score, rank, nominate) ─► drafts. read_report = open + understand.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from extractors import extract
from pipeline.config.award_rules import AwardRules, load_rules
from pipeline.config.cluster import Cluster, Member, load_cluster
from pipeline.config.rubric import Rubric, load_rubric
from pipeline.core.errors import NoReportsError, RejectedFileError, RejectReason
from pipeline.core.model import Document
from pipeline.core.settings import Settings
from pipeline.core.textnorm import fold
from pipeline.criteria import is_rubric_document
from pipeline.drafts.letterhead import settle_letterhead
from pipeline.drafts.render import render_drafts
from pipeline.nomination.nominate import nominate, nominate_officers
from pipeline.results.outcome import ClusterResult, FileOutcome, Rejection, RunSummary
from pipeline.results.run_report import write_run_report
from pipeline.runs.criteria_choice import (
    REVIEW_FOLDER,
    ClusterInputs,
    choose_criteria,
    command_line_files,
    criteria_outcome,
    export_for_review,
)
from pipeline.runs.error_log import append_error, current_error_log
from pipeline.runs.isolation import memory_exhausted, run_isolated
from pipeline.runs.office_batch import current_conversions
from pipeline.scoring.score import rank_units, score_unit
from pipeline.understanding import RuleSet, understand
from pipeline.understanding.facts import ReportFacts, RowKind, SelfScoreTable
from templates import DEFAULT_RUBRIC, DEFAULT_RULES

log = logging.getLogger(__name__)

def load_inputs(
    rubric: Path | None, rules: Path | None, cluster: Path | None
) -> tuple[Rubric, AwardRules, Cluster | None]:
    """The run's rubric, award rules and cluster; the defaults shipped in templates/ when not given."""
    cluster_ = load_cluster(cluster) if cluster else None
    return load_rubric(rubric or DEFAULT_RUBRIC), load_rules(rules or DEFAULT_RULES, cluster_), cluster_


@lru_cache(maxsize=4)
def _ruleset(rubric_json: str, cluster_json: str | None) -> RuleSet:
    rubric = Rubric.model_validate_json(rubric_json)
    cluster = Cluster.model_validate_json(cluster_json) if cluster_json else None
    return RuleSet.build(rubric, cluster)


def ruleset_for(rubric: Rubric, cluster: Cluster | None) -> RuleSet:
    """Rules are built once per process for a given rubric and cluster (memoized by content)."""
    return _ruleset(rubric.model_dump_json(), cluster.model_dump_json() if cluster else None)


@dataclass
class Opened:
    """An inbox file opened: a report still to understand (``document``), or already its outcome
    (a criteria document imported, a file set aside)."""

    outcome: FileOutcome
    document: Document | None = None


def open_file(path: Path, display_name: str | None = None, settings: Settings | None = None) -> Opened:
    """Extract one file; a criteria document is imported here. Never raises."""
    name = display_name or path.name
    try:
        arrived = path.stat().st_mtime
    except OSError:  # gone (or renamed) between the listing and now
        return Opened(FileOutcome(file=name, rejection=Rejection(
            file=name, reason=RejectReason.VANISHED,
            message="tệp đã bị xóa hoặc đổi tên trong lúc chạy; chưa đọc (bỏ lại vào hộp thư để đọc ở lần sau)")))
    try:
        doc = extract(path, name, settings)
        if is_rubric_document(doc):
            return Opened(criteria_outcome(doc, arrived))
    except RejectedFileError as e:
        return Opened(FileOutcome(file=name, arrived=arrived,
                                  rejection=Rejection(file=name, reason=e.reason, message=e.message)))
    except MemoryError:
        raise  # a limit, not a fault of the file's reader (pipeline/runs/isolation.py says which)
    except Exception as e:
        if memory_exhausted(e):
            raise MemoryError from e
        return Opened(_internal_error(name, arrived, e, settings))
    return Opened(FileOutcome(file=name, arrived=arrived, sha256=doc.sha256), doc)


def understand_opened(opened: Opened, rubric: Rubric, cluster: Cluster | None,
                      settings: Settings | None = None) -> FileOutcome:
    """The facts of an opened report, read against ``rubric``. Never raises."""
    outcome, doc = opened.outcome, opened.document
    if doc is None:
        return outcome
    try:
        facts = understand(doc, rubric, ruleset_for(rubric, cluster))
    except RejectedFileError as e:
        return outcome.model_copy(update={"rejection": Rejection(file=outcome.file, reason=e.reason,
                                                                 message=e.message), "sha256": None})
    except MemoryError:
        raise
    except Exception as e:
        if memory_exhausted(e):
            raise MemoryError from e
        return _internal_error(outcome.file, outcome.arrived, e, settings)
    return outcome.model_copy(update={"facts": facts})


def read_report(path: Path, rubric: Rubric, cluster: Cluster | None, display_name: str | None = None,
                settings: Settings | None = None) -> FileOutcome:
    """Extract and understand one file. Never raises: a file that cannot be used is a rejection,
    a criteria document comes back imported (``criteria``)."""
    return understand_opened(open_file(path, display_name, settings), rubric, cluster, settings)


def open_file_isolated(path: Path, name: str, settings: Settings | None = None) -> Opened:
    """open_file in a process of its own, under the memory and time limits (pipeline/runs/isolation.py)."""
    settings = _for_reading(settings)
    try:
        return run_isolated(open_file, (path, name, settings), settings, name)
    except RejectedFileError as e:
        arrived = path.stat().st_mtime if path.exists() else None
        return Opened(FileOutcome(file=name, arrived=arrived, rejection=Rejection(file=name, reason=e.reason,
                                                                                   message=e.message)))


def understand_isolated(opened: Opened, rubric: Rubric, cluster: Cluster | None,
                        settings: Settings | None = None) -> FileOutcome:
    """understand_opened in a process of its own (a huge text can be as costly as a huge file)."""
    if opened.document is None:
        return opened.outcome
    settings = _for_reading(settings)
    try:
        return run_isolated(understand_opened, (opened, rubric, cluster, settings), settings, opened.outcome.file)
    except RejectedFileError as e:
        outcome = opened.outcome
        return outcome.model_copy(update={"rejection": Rejection(file=outcome.file, reason=e.reason,
                                                                 message=e.message), "sha256": None})


def read_report_isolated(path: Path, rubric: Rubric, cluster: Cluster | None, display_name: str | None = None,
                         settings: Settings | None = None) -> FileOutcome:
    """read_report with the whole reading (extraction and understanding) in one process of its own."""
    settings = _for_reading(settings)
    name = display_name or path.name
    try:
        return run_isolated(read_report, (path, rubric, cluster, name, settings), settings, name)
    except RejectedFileError as e:
        return FileOutcome(file=name, arrived=path.stat().st_mtime if path.exists() else None,
                           rejection=Rejection(file=name, reason=e.reason, message=e.message))


def _for_reading(settings: Settings | None) -> Settings:
    """The settings a file is read with, carrying to the worker process the run's error log and
    where the legacy files being read were converted ahead (pipeline/runs/office_batch.py)."""
    settings = settings or Settings()
    update = {}
    if settings.error_log is None and current_error_log() is not None:
        update["error_log"] = current_error_log()
    if settings.converted is None and current_conversions() is not None:
        update["converted"] = current_conversions()
    return settings.model_copy(update=update) if update else settings


def _internal_error(name: str, arrived: float | None, error: Exception,
                    settings: Settings | None = None) -> FileOutcome:
    """An unexpected error in one file: the file is set aside with one plain sentence; the traceback
    goes to the run's error log (or, without one, to the debug log that -v shows), never the screen."""
    log.debug("Lỗi khi xử lý %s", name, exc_info=error)
    where = settings.error_log if settings is not None else None
    if where is not None and append_error(where, name, error):
        detail = f"chi tiết ghi trong {where}"
    else:
        detail = "chạy lại với -v để xem chi tiết"
    return FileOutcome(file=name, arrived=arrived, rejection=Rejection(
        file=name, reason=RejectReason.INTERNAL,
        message=f"lỗi không mong muốn khi đọc tệp ({type(error).__name__}); tệp được để riêng ({detail}), hãy báo "
                "bộ phận CNTT"))


def run_criteria(outcomes: list[FileOutcome], rubric: Path | None, rules: Path | None,
                 cluster: Cluster | None) -> ClusterInputs:
    """`tdkt run`: --rubric/--rules win, then the newest criteria document in the inbox, then
    tdkt's defaults. Raises ConfigError for a broken file given on the command line."""
    found = [o.criteria for o in outcomes if o.criteria]
    unreadable = [o.file for o in outcomes if o.rejection and o.rejection.reason is RejectReason.CRITERIA_UNREADABLE]
    return choose_criteria(command_line_files(rubric, rules), found, unreadable, cluster)


def infer_year(outcomes: list[FileOutcome]) -> int | None:
    years = Counter(o.facts.year for o in outcomes if o.facts and o.facts.year)
    return years.most_common(1)[0][0] if years else None


def select_reports(outcomes: list[FileOutcome], year: int) -> tuple[dict[str, ReportFacts], list[Rejection]]:
    """One report per unit for ``year``; every other file is a rejection that says why.

    Of byte-identical files the one that arrived first is the original (for files that arrived
    together, the shorter name: "x.pdf" before "x (gửi lại).pdf"). Of two reports of one unit,
    the one dated later in the document wins, then the one that arrived later.
    """
    rejected = [o.rejection for o in outcomes if o.rejection]
    by_hash: dict[str, str] = {}
    candidates: dict[str, list[FileOutcome]] = {}
    readable = sorted((o for o in outcomes if o.facts), key=lambda o: (o.arrived or 0, len(o.file), o.file))
    for outcome in readable:
        facts = outcome.facts
        problem = _duplicate(facts, by_hash) or usable(facts) or _other_year(facts, year)
        by_hash.setdefault(facts.sha256, facts.file)
        if problem:
            rejected.append(problem)
        else:
            candidates.setdefault(facts.unit.member_id, []).append(outcome)
    reports = {}
    for versions in candidates.values():
        record, unused = _unit_record(versions)
        if record is None:
            rejected += unused
            continue
        reports[record.unit.member_id] = record
        rejected += unused
    return reports, rejected


def _newest_first(versions: list[FileOutcome]) -> list[FileOutcome]:
    """A document that says it replaces another ("thay thế Báo cáo số …", "BẢN SỬA ĐỔI") before the
    one it replaces; then the later date written in the document, then the later arrival."""
    replaced = {_number_key(v.facts.replaces) for v in versions if v.facts.replaces}

    def order(o: FileOutcome) -> tuple:
        facts = o.facts
        return (_number_key(facts.doc_number) not in replaced, facts.revision is not None,
                facts.doc_date is not None, facts.doc_date or dt.date.min, o.arrived or 0)

    return sorted(versions, key=order, reverse=True)


def _number_key(number: str | None) -> str:
    return re.sub(r"\s+", "", fold(number)) if number else ""


def _superseded_message(record: ReportFacts, old: ReportFacts) -> str:
    if record.revision is not None and (record.replaces is None or _number_key(record.replaces)
                                        == _number_key(old.doc_number)):
        return (f"được thay thế bởi {record.file} (văn bản đó ghi “{record.revision.text.strip()}”); "
                "bản này không dùng để chấm")
    return f"đã có bản mới hơn của đơn vị ({record.file}); bản này không dùng để chấm"


def _unit_record(versions: list[FileOutcome]) -> tuple[ReportFacts | None, list[Rejection]]:
    """A unit's record from its files: the newest report for the text, the newest self-scoring
    table for the scores — the same file, or a table the unit sent as a document of its own."""
    reports = _newest_first([v for v in versions if not v.facts.table_only])
    tables = _newest_first([v for v in versions if v.facts.self_scores is not None])
    text_source = reports[0] if reports else (tables[0] if tables else None)
    table_source = tables[0] if tables else None
    if table_source is None:
        unit = versions[0].facts.unit.name
        return None, [Rejection(
            file=v.file, sha256=v.facts.sha256, reason=RejectReason.NOT_A_REPORT,
            message=f"không tìm thấy bảng tự chấm điểm của {unit} (trong báo cáo hoặc gửi riêng)",
        ) for v in versions]
    parts = _table_parts(tables)
    record = text_source.facts
    if len(parts) > 1:
        joined = _joined_tables(parts)
        for part in parts:
            if part.facts.sha256 != record.sha256:
                record = _join(record, part.facts, part=True)
        record = record.model_copy(update={"self_scores": joined, "notes": [
            *record.notes, f"Bảng tự chấm điểm ghép từ {len(parts)} tệp: {', '.join(p.file for p in parts)}"]})
    elif table_source is not text_source:
        record = _join(record, table_source.facts)
    used = {text_source.facts.sha256, *(p.facts.sha256 for p in parts)}
    return record, [Rejection(
        file=v.file, sha256=v.facts.sha256, reason=RejectReason.SUPERSEDED, replaced_by=record.sha256,
        message=_superseded_message(record, v.facts),
    ) for v in versions if v.facts.sha256 not in used]


def _table_parts(tables: list[FileOutcome]) -> list[FileOutcome]:
    """The newest self-scoring table and the unit's other tables that score none of the same
    criteria: parts of one table sent in several files (a scan page by page), not versions."""
    parts = [tables[0]]
    scored = _codes(tables[0])
    for other in tables[1:]:
        codes = _codes(other)
        if codes and not codes & scored:
            parts.append(other)
            scored |= codes
    return sorted(parts, key=lambda o: (o.facts.table_only, o.file))  # the report first, then by name


def _codes(outcome: FileOutcome) -> set[str]:
    table = outcome.facts.self_scores
    if table is None:
        return set()
    # A criterion a part scores is one it writes a score for (an empty deduction cell reads as 0).
    return {r.code for r in table.rows if r.code and r.kind is RowKind.CRITERION and r.self_score_as_written.strip()}


def _joined_tables(parts: list[FileOutcome]) -> SelfScoreTable:
    """One unit's table sent in parts, as one table (the report's part first, then the others in
    the order of their names); each row keeps the provenance of its own file."""
    tables = [p.facts.self_scores for p in parts if p.facts.self_scores is not None]
    totals = [t.claimed_total for t in tables if t.claimed_total is not None]
    written = {r.code for t in tables for r in t.rows if r.code and r.self_score_as_written.strip()}
    # A part that lists a criterion with an empty cell leaves it to the part that scores it.
    rows = [r for t in tables for r in t.rows
            if r.self_score_as_written.strip() or r.kind is not RowKind.CRITERION or r.code not in written]
    return tables[0].model_copy(update={
        "rows": rows,
        "claimed_total": totals[-1] if totals else None,
        "unmatched": [u for t in tables for u in t.unmatched],
        "problems": [p for t in tables for p in t.problems],
        "notes": [n for t in tables for n in t.notes],
    })


def _join(report: ReportFacts, table: ReportFacts, part: bool = False) -> ReportFacts:
    """A report and the self-scoring table sent apart (``part``: a part of it), as one unit
    record (each fact keeps the provenance of the file it came from)."""
    evidence = {code: list(passages) for code, passages in report.evidence.items()}
    for code, passages in table.evidence.items():
        evidence.setdefault(code, [])
        evidence[code] = [p for p in passages if p.quote.provenance.file == table.file] + evidence[code]
    return report.model_copy(update={
        "self_scores": table.self_scores,
        "evidence": evidence,
        "merged_from": [*report.merged_from, table.file],
        "merged_sha256": [*report.merged_sha256, table.sha256],
        "notes": report.notes if part else [*report.notes, f"Bảng tự chấm điểm lấy từ tệp gửi riêng {table.file}"],
    })


def _duplicate(facts: ReportFacts, by_hash: dict[str, str]) -> Rejection | None:
    if facts.sha256 not in by_hash:
        return None
    return Rejection(file=facts.file, sha256=facts.sha256, reason=RejectReason.DUPLICATE,
                     message=f"trùng hoàn toàn với tệp {by_hash[facts.sha256]} (đã xử lý)")


def _other_year(facts: ReportFacts, year: int) -> Rejection | None:
    if facts.year is None or facts.year == year:
        return None
    return Rejection(file=facts.file, sha256=facts.sha256, reason=RejectReason.WRONG_YEAR,
                     message=f"báo cáo năm {facts.year}, không thuộc năm {year} đang tổng hợp")


def usable(facts: ReportFacts) -> Rejection | None:
    """Why a readable file cannot belong to any unit's record, or None. (A report without its
    self-scoring table may still be joined with the table sent apart: select_reports decides.)"""
    if not facts.kind.scored:
        return Rejection(
            file=facts.file, sha256=facts.sha256, reason=RejectReason.NOT_A_REPORT,
            message=f"không phải báo cáo tổng kết (đây là {facts.kind.name}"
                    + (f", {facts.kind.evidence}" if facts.kind.evidence else "") + "); không dùng để chấm điểm",
        )
    if facts.unit is None:
        return Rejection(
            file=facts.file, sha256=facts.sha256, reason=RejectReason.UNKNOWN_UNIT,
            message="không xác định được đơn vị gửi báo cáo (tên đơn vị ở phần đầu văn bản không khớp "
            "đơn vị nào của Cụm)",
        )
    return None


def implicit_cluster(reports: dict[str, ReportFacts], year: int) -> Cluster:
    """Without a cluster file, the members are the units that wrote the reports found."""
    members = [Member(id=mid, name=f.unit.name) for mid, f in sorted(reports.items(), key=lambda kv: kv[1].unit.name)]
    return Cluster(name="Cụm thi đua", symbol="CTĐ", year=year, members=members)


def score_cluster(reports: dict[str, ReportFacts], rejected: list[Rejection], rubric: Rubric, rules: AwardRules,
                  cluster: Cluster | None, year: int, review_notes: list[str] | None = None) -> ClusterResult:
    if not reports:
        raise NoReportsError("Không có báo cáo hợp lệ nào để chấm điểm")
    cluster, letterhead_notes = settle_letterhead(cluster or implicit_cluster(reports, year), reports)
    board = rank_units([score_unit(f, rubric, cluster) for f in reports.values()], rubric.scale)
    nominations = nominate(board, rules, cluster, year)
    nominations.officers = nominate_officers(board, {k: f.officers for k, f in reports.items()}, rules, year)
    return ClusterResult(
        cluster=cluster,
        year=year,
        rubric=rubric,
        rules=rules,
        reports=reports,
        board=board,
        nominations=nominations,
        rejected=rejected,
        missing=[m.name for m in cluster.members if m.id not in reports],
        review_notes=[*(review_notes or []), *letterhead_notes],
    )


def finish_run(outcomes: list[FileOutcome], inputs: ClusterInputs, year: int | None, out_dir: Path,
               skipped: list[Rejection] | None = None) -> RunSummary:
    """The cluster-level step: choose reports, score, nominate, write the drafts, the imported
    criteria for review and the run report (``skipped``: the inbox's entries not read)."""
    cluster = inputs.cluster
    year = year or (cluster.year if cluster and cluster.year else None) or infer_year(outcomes)
    adopt = ("Để dùng cố định (sau khi rà soát, sửa nếu cần): cho tệp {files} này vào tdkt run bằng --rubric (và "
             "--rules); tệp cho trên dòng lệnh luôn được ưu tiên hơn bảng tiêu chí trong hộp thư.")
    summary = RunSummary(year=year, read=outcomes,
                         criteria=export_for_review(inputs.choice, out_dir / REVIEW_FOLDER, out_dir, adopt))
    if year is None:
        summary.rejected = [o.rejection for o in outcomes if o.rejection] + inputs.set_aside + (skipped or [])
        summary.problem = "không xác định được năm báo cáo (không có báo cáo nào đọc được)"
    else:
        reports, rejected = select_reports(outcomes, year)
        summary.rejected = rejected + inputs.set_aside + (skipped or [])
        try:
            summary.result = score_cluster(reports, summary.rejected, inputs.rubric, inputs.rules, cluster, year,
                                           summary.criteria.review_notes())
        except NoReportsError:
            summary.problem = "không có báo cáo hợp lệ nào để chấm điểm"
        else:
            summary.drafts = [str(p) for p in render_drafts(summary.result, out_dir).values()]
    summary.report = str(write_run_report(summary, out_dir))
    return summary
