"""One run over a workspace, as plain functions (the Prefect flow runs the same steps as tasks).

For each cluster: scan the inbox for what is new or changed, take each new file in (exactly once,
across concurrent runs), then, holding the cluster's drafting lock, write a new version of the
drafts for every year whose inputs changed.
"""

from __future__ import annotations

import time
import uuid
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from pipeline.cluster import Cluster
from pipeline.drafting import YearDrafts, draft_year, score_year, years_of
from pipeline.errors import ConfigError, WorkspaceError
from pipeline.intake import (
    Candidate,
    Ingested,
    Outcome,
    TransientFileError,
    first_arrivals,
    ingest,
    scan,
    understand_file,
    understanding_fingerprint,
)
from pipeline.ledger import Ledger
from pipeline.outcome import ClusterResult
from pipeline.rubric import Rubric
from pipeline.rules import AwardRules
from pipeline.workspace import ClusterSource, Workspace

# Temporary files older than this in archive/ or rejected/ were left by a killed run.
_STALE_TEMP_SECONDS = 3600


class ClusterRun(BaseModel):
    model_config = ConfigDict(arbitrary_types_allowed=True)

    key: str
    problem: str | None = None
    ingested: list[Ingested] = Field(default_factory=list)
    waiting: list[str] = Field(default_factory=list)
    known: int = 0
    years: list[YearDrafts] = Field(default_factory=list)
    drafting_skipped: bool = Field(default=False, description="Another run held the drafting lock")

    @property
    def nothing_new(self) -> bool:
        return not self.ingested and all(y.version is None for y in self.years)


class WorkspaceRun(BaseModel):
    run_id: str
    root: str
    clusters: list[ClusterRun]


def new_run_id() -> str:
    return uuid.uuid4().hex


def process_workspace(root: Path, run_id: str | None = None) -> WorkspaceRun:
    ws = Workspace(root).create()
    run_id = run_id or new_run_id()
    ledger = Ledger(ws.ledger_url())
    try:
        clusters = [process_cluster(ws, source, ledger, run_id) for source in ws.clusters()]
    finally:
        ledger.close()
    return WorkspaceRun(run_id=run_id, root=str(ws.root), clusters=clusters)


def process_cluster(ws: Workspace, source: ClusterSource, ledger: Ledger, run_id: str) -> ClusterRun:
    run = ClusterRun(key=source.key)
    inputs = load_inputs(source, run)
    if inputs is None:
        return run
    found = scan(ws, source, ledger, ws.config().settle_seconds)
    run.waiting, run.known = found.waiting, found.known
    first, later = first_arrivals(found.new)
    run.ingested = [ingest_or_wait(ws, source, c, ledger, run_id, inputs[0], inputs[2]) for c in first + later]
    run.years, run.drafting_skipped = draft_cluster(ws, source, ledger, run_id, inputs)
    return run


def load_inputs(source: ClusterSource, run: ClusterRun) -> tuple[Rubric, AwardRules, Cluster | None] | None:
    """The cluster's rubric, rules and cluster file; a broken file stops this cluster only."""
    try:
        return source.load()
    except ConfigError as e:
        run.problem = str(e)
        return None


def ingest_or_wait(ws: Workspace, source: ClusterSource, candidate: Candidate, ledger: Ledger, run_id: str,
                   rubric: Rubric, cluster: Cluster | None) -> Ingested:
    try:
        return ingest(ws, source, candidate, ledger, run_id, rubric, cluster)
    except TransientFileError as e:
        return Ingested(candidate.path.name, Outcome.WAITING, str(e))


def draft_cluster(ws: Workspace, source: ClusterSource, ledger: Ledger, run_id: str,
                  inputs: tuple[Rubric, AwardRules, Cluster | None]) -> tuple[list[YearDrafts], bool]:
    """Drafts for every year of the cluster, under the cluster's lock. When another run holds the
    lock or is still reading files of this cluster, this run leaves the drafting to it: the run
    that finishes last drafts from everything in the ledger."""
    with ledger.lock(f"drafts:{source.key}", run_id) as acquired:
        if not acquired or ledger.in_flight(source.key, run_id):
            return [], True
        clean_temporaries(ws, source)
        refresh_understanding(ws, source, ledger, inputs[0], inputs[2])
        return [draft_year(ws, source, ledger, year, inputs) for year in years_of(ledger, source)], False


# Rejections that depend on the rubric or cluster file, and may change when those do.
_UNDERSTANDING_REASONS = {"unknown_unit", "not_a_report"}


def refresh_understanding(ws: Workspace, source: ClusterSource, ledger: Ledger, rubric: Rubric,
                          cluster: Cluster | None) -> int:
    """Read again, from the archive, the reports read under another rubric or cluster file (codes,
    evidence phrases, unit names may have changed). Returns how many were read again."""
    current = understanding_fingerprint(rubric, cluster)
    stale = [r for r in ledger.files(source.key) if r.understood_with != current
             and (r.status == "read" or r.reason in _UNDERSTANDING_REASONS)]
    for row in stale:
        archived = ws.archive / f"{row.sha256}{row.ext}"
        fields, _ = understand_file(archived, Path(row.first_name).name, rubric, cluster)
        ledger.update_file(row.sha256, **fields)
    return len(stale)


def clean_temporaries(ws: Workspace, source: ClusterSource) -> None:
    """Remove half-written files a killed run left (always under a '.tdkt-' name)."""
    for temp in (ws.drafts / source.key).rglob(".tdkt-*"):
        temp.unlink(missing_ok=True)  # safe: drafting for this cluster holds its lock
    for folder in (ws.archive, ws.rejected / source.key):
        for temp in folder.glob(".tdkt-*") if folder.is_dir() else []:
            if time.time() - temp.stat().st_mtime > _STALE_TEMP_SECONDS:
                temp.unlink(missing_ok=True)


def workspace_result(root: Path, key: str | None = None, year: int | None = None) -> ClusterResult:
    """The scored result of one cluster and year of a workspace, from the facts its ledger holds
    (nothing is read or written): what the latest drafts were made from, or would be."""
    ws = Workspace(root)
    if not (ws.root / "inbox").is_dir():
        raise WorkspaceError(f"{root} không phải không gian làm việc của tdkt (chưa có thư mục inbox/)")
    sources = ws.clusters()
    keys = [s.key for s in sources]
    if key is not None:
        sources = [s for s in sources if s.key == key]
    if len(sources) != 1:
        asked = f"không có Cụm '{key}'" if key is not None else "có nhiều Cụm, cần chọn một"
        raise WorkspaceError(f"{asked}; các Cụm: {', '.join(keys) or '(chưa có)'}")
    source = sources[0]
    ledger = Ledger(ws.ledger_url())
    try:
        years = years_of(ledger, source)
        if not years:
            raise WorkspaceError(f"Cụm {source.key} chưa có báo cáo nào được đọc (chạy tdkt process trước)")
        summary = score_year(source, ledger, year or years[-1], source.load())
    finally:
        ledger.close()
    if summary.result is None:
        raise WorkspaceError(f"năm {year or years[-1]}: {summary.problem}")
    return summary.result
