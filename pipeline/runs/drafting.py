"""Versioned drafts for one cluster and year, made from what the ledger holds.

A new version is written only when its inputs changed (the reports used, the rubric, rules,
cluster file, templates): its fingerprint says so. Versions are written beside each other and
never over one another, so a draft a reviewer is editing stays exactly as it is. Each new version
comes with a change note saying which units, scores and awards changed.

Crash safety: the version's files are reserved in the ledger before they are written, each file
is written under a temporary name and renamed, and a reserved file that already exists is adopted,
so a run killed at any point is completed by the next one with the same result.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from extractors import file_sha256
from pipeline.core.errors import NoReportsError, RejectReason
from pipeline.core.files import write_text_atomically
from pipeline.drafts.render import DOCUMENTS, render_document
from pipeline.results.outcome import ClusterResult, FileOutcome, Rejection, RunSummary, YearHeadline
from pipeline.results.run_report import report_lines
from pipeline.runs.change_note import change_note, draft_summary
from pipeline.runs.criteria_choice import ClusterInputs
from pipeline.runs.ledger import DraftRow, DraftStatus, FileRow, FileStatus, Ledger, now
from pipeline.runs.steps import score_cluster, select_reports
from pipeline.runs.workspace import ClusterSource, Workspace
from pipeline.understanding.facts import ReportFacts
from templates import TEMPLATES_DIR

CHANGES = "changes"
_CHANGE_NOTE = "ghi-chu-thay-doi-{year}.txt"


@dataclass
class YearDrafts:
    """A year's drafts after a run: a version written by it, or the drafts kept as they were."""

    year: int
    version: int | None  # the version written by this run, None if nothing changed
    paths: list[Path]
    headline: YearHeadline
    result_file: Path | None = None  # the whole result beside the drafts, read back when asked for
    _summary: RunSummary | None = field(default=None, repr=False)

    @classmethod
    def scored(cls, year: int, version: int | None, paths: list[Path], summary: RunSummary,
               result_bytes: int = 0) -> YearDrafts:
        return cls(year, version, paths, YearHeadline.of(year, summary, result_bytes), _summary=summary)

    @property
    def summary(self) -> RunSummary:
        """The year's whole result: as this run scored it, or, for drafts kept as they were, read
        back from beside them (only when asked for: the CLI prints the headline)."""
        if self._summary is None:
            assert self.result_file is not None
            summary = RunSummary.model_validate_json(self.result_file.read_bytes())
            summary.drafts = [str(self.result_file.parent / name) for name in summary.drafts]
            self._summary = summary
        return self._summary


def years_of(ledger: Ledger, source: ClusterSource) -> list[int]:
    return sorted({row.year for row in ledger.files(source.key) if row.status == FileStatus.READ and row.year})


def draft_year(ws: Workspace, source: ClusterSource, ledger: Ledger, year: int, inputs: ClusterInputs,
               skipped: list[Rejection] | None = None) -> YearDrafts:
    """The year's drafts (a new version only if their inputs changed) and its run report, which
    names every inbox entry, those that are not documents (``skipped``) included."""
    summary = score_year(source, ledger, year, inputs, skipped)
    ledger.set_superseded(source.key, {r.sha256: r.replaced_by for r in summary.rejected
                                       if r.reason is RejectReason.SUPERSEDED})
    if summary.result is None:
        return YearDrafts.scored(year, None, [], summary)
    result = summary.result
    out_dir = ws.drafts / source.key / str(year)
    version, paths = _write_version(ledger, source.key, year, out_dir, result, fingerprint(result))
    summary.drafts = latest_drafts(ledger, source.key, year, out_dir)
    _write_if_changed(out_dir / f"ket-qua-xu-ly-{year}.txt", "\n".join(report_lines(summary)) + "\n")
    # tdkt's proposal as data, beside the drafts: what `tdkt finalize` compares the reviewers' list with.
    # pydantic's own serializer: the same JSON as json.dumps(indent=1), several times faster, and it
    # is written (or compared) on every run, changed or not.
    data = summary.model_copy(update={"drafts": [Path(d).name for d in summary.drafts]}).model_dump_json(indent=1)
    _write_if_changed(out_dir / f"ket-qua-xu-ly-{year}.json", data)
    return YearDrafts.scored(year, version, paths, summary, len(data.encode()))


def score_year(source: ClusterSource, ledger: Ledger, year: int, inputs: ClusterInputs,
               skipped: list[Rejection] | None = None) -> RunSummary:
    """The cluster's result for ``year`` from the facts the ledger holds (nothing is read again)."""
    rows = ledger.files(source.key)
    outcomes = [_outcome(r) for r in rows if r.status == FileStatus.READ and r.facts]
    # Files read but not used for this year (superseded, not a report, another year …) are named
    # with the reason the selection gives, as in the one-shot run.
    reports, selection = select_reports(outcomes, year)
    rejected = ([_rejection(r) for r in rows if r.status == FileStatus.REJECTED] + selection
                + _copies(ledger, source.key, rows) + inputs.set_aside + list(skipped or []))
    summary = RunSummary(year=year, rejected=rejected, criteria=inputs.choice)
    try:
        summary.result = score_cluster(reports, rejected, inputs.rubric, inputs.rules, inputs.cluster, year,
                                       inputs.choice.review_notes())
    except NoReportsError:
        summary.problem = "không có báo cáo hợp lệ nào để chấm điểm"
    return summary


def latest_drafts(ledger: Ledger, cluster: str, year: int, out_dir: Path) -> list[str]:
    """Paths of the newest complete version's drafts (and its change note)."""
    done = [d for d in ledger.drafts(cluster, year) if d.status == DraftStatus.DONE]
    if not done:
        return []
    latest = max(d.version for d in done)
    return [str(located(d, out_dir)) for d in done if d.version == latest]


def located(row: DraftRow, out_dir: Path) -> Path:
    """Where a draft of the ledger is now: the ledger keeps its name only (every draft of a cluster's
    year is in that year's folder), so a workspace copied or restored elsewhere finds its own drafts.
    Ledgers written before kept whole paths: their names are taken."""
    return out_dir / Path(row.path).name


def fingerprint(result: ClusterResult) -> str:
    """What the drafts depend on: the reports used and every input file's content."""
    parts = {
        "reports": sorted(sha for f in result.reports.values() for sha in [f.sha256, *f.merged_sha256]),
        "rubric": result.rubric.model_dump(mode="json"),
        "rules": result.rules.model_dump(mode="json"),
        "cluster": result.cluster.model_dump(mode="json"),
        "templates": [file_sha256(TEMPLATES_DIR / d.template) for d in DOCUMENTS.values()],
    }
    if result.review_notes:  # only when there are any: fingerprints of earlier drafts stay valid
        parts["review_notes"] = result.review_notes
    return hashlib.sha256(json.dumps(parts, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def _write_version(ledger: Ledger, cluster: str, year: int, out_dir: Path, result: ClusterResult,
                   print_: str) -> tuple[int | None, list[Path]]:
    drafts = ledger.drafts(cluster, year)
    pending = [d for d in drafts if d.fingerprint == print_]
    if pending and all(d.status == DraftStatus.DONE for d in pending):
        return None, []  # nothing new since the version made from these inputs
    if not pending:
        pending = _reserve(ledger, cluster, year, out_dir, result, print_, drafts)
    version = pending[0].version
    previous = [d for d in drafts if d.version == version - 1]
    written = []
    for row in pending:
        path = located(row, out_dir)
        if row.status != DraftStatus.DONE:
            if not path.exists():  # a reserved file that exists was written before a crash: adopt it
                _render(row.kind, result, path, previous)
            ledger.finish_draft(row.id, file_sha256(path))
        written.append(path)
    return version, written


def _reserve(ledger: Ledger, cluster: str, year: int, out_dir: Path, result: ClusterResult, print_: str,
             drafts: list[DraftRow]) -> list[DraftRow]:
    version = max((d.version for d in drafts), default=0) + 1
    kinds = list(DOCUMENTS) + ([CHANGES] if version > 1 else [])
    summary = json.dumps(draft_summary(result), ensure_ascii=False)
    rows = [
        DraftRow(cluster=cluster, year=year, version=version, kind=kind, path=_path(out_dir, kind, year, version).name,
                 fingerprint=print_, summary=summary, status=DraftStatus.WRITING.value, created_at=now())
        for kind in kinds
    ]
    ledger.reserve_drafts(rows)
    return [d for d in ledger.drafts(cluster, year) if d.version == version]


def _path(out_dir: Path, kind: str, year: int, version: int) -> Path:
    """Version 1 under the plain name; later versions beside it, '(bản 2)', '(bản 3)' …"""
    name = DOCUMENTS[kind].name_for(year) if kind in DOCUMENTS else _CHANGE_NOTE.format(year=year)
    if version > 1:
        stem, dot, ext = name.rpartition(".")
        name = f"{stem} (bản {version}){dot}{ext}"
    path = out_dir / name
    while path.exists():  # a file of that name that tdkt did not write: never touch it
        path = path.with_name(f"{path.stem} - tdkt{path.suffix}")
    return path


def _render(kind: str, result: ClusterResult, path: Path, previous: list[DraftRow]) -> None:
    if kind in DOCUMENTS:
        render_document(kind, result, path)
    else:
        write_text_atomically(path, change_note(result, previous, path.parent))


def _outcome(row: FileRow) -> FileOutcome:
    facts = ReportFacts.model_validate_json(row.facts)
    return FileOutcome(file=facts.file, arrived=row.arrived, sha256=row.sha256, facts=facts)


def _copies(ledger: Ledger, cluster: str, rows: list[FileRow]) -> list[Rejection]:
    """Byte-identical copies taken in under another name: named in the run report as set aside,
    with the file they copy (each name once)."""
    files = {r.sha256: r for r in rows}
    copies: dict[str, Rejection] = {}
    for name in ledger.names(cluster):
        if name.role == "duplicate" and name.sha256 in files and name.path not in copies:
            original = Path(files[name.sha256].first_name).name
            copies[name.path] = Rejection(file=Path(name.path).name, sha256=name.sha256, reason=RejectReason.DUPLICATE,
                                          message=f"trùng hoàn toàn với tệp {original} (đã xử lý)")
    return list(copies.values())


def _rejection(row: FileRow) -> Rejection:
    return Rejection(file=Path(row.first_name).name, sha256=row.sha256, reason=RejectReason(row.reason),
                     message=row.message or "")


def _write_if_changed(path: Path, text: str) -> None:
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomically(path, text)

