"""One run over a workspace, as plain functions (the Prefect flow runs the same steps as tasks).

For each cluster: scan the inbox for what is new or changed, take each new file in (exactly once,
across concurrent runs; a criteria document is imported then), then, holding the cluster's
drafting lock, choose the rubric and rules (pipeline.runs.criteria_choice), read again the reports
read under another rubric, and write a new version of the drafts for every year whose inputs
changed.
"""

from __future__ import annotations

import hashlib
import time
import uuid
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from extractors import file_sha256
from extractors.sniff import may_need_libreoffice
from pipeline.config.cluster import Cluster, load_cluster
from pipeline.config.rubric import Rubric, load_rubric
from pipeline.core.errors import ConfigError, RejectReason, WorkspaceError
from pipeline.criteria import IMPORTER_VERSION
from pipeline.results.outcome import ClusterResult, CriteriaDocument, Rejection, YearHeadline
from pipeline.runs import intake
from pipeline.runs.criteria_choice import REVIEW_FOLDER, ClusterInputs, choose_criteria, export_for_review
from pipeline.runs.drafting import YearDrafts, draft_year, score_year, years_of
from pipeline.runs.intake import (
    Candidate,
    Ingested,
    Outcome,
    Scan,
    TransientFileError,
    first_arrivals,
    ingest,
    scan,
    understand_file,
    understanding_fingerprint,
)
from pipeline.runs.ledger import FileRow, FileStatus, Ledger, opened_ledger
from pipeline.runs.office_batch import converted_together
from pipeline.runs.progress import watcher
from pipeline.runs.run_lines import cluster_line, ingested_line
from pipeline.runs.side_by_side import reading_threads, side_by_side
from pipeline.runs.workspace import ClusterSource, Workspace
from templates import DEFAULT_RUBRIC

# Temporary files older than this in archive/ or rejected/ were left by a killed run.
_STALE_TEMP_SECONDS = 3600


class ClusterRun(BaseModel):
    model_config = ConfigDict(arbitrary_types_allowed=True)

    key: str
    problem: str | None = None
    ingested: list[Ingested] = Field(default_factory=list)
    waiting: list[str] = Field(default_factory=list)
    skipped: list[Rejection] = Field(default_factory=list, description="Inbox entries that are not documents")
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


class ClusterSteps(Protocol):
    """How a cluster's steps are carried out (PlainSteps; tests put in their own to stop a run
    half-way). The order of the steps is process_cluster's alone."""

    def scan(self, source: ClusterSource) -> Scan: ...

    def ingest(self, source: ClusterSource, candidates: list[Candidate], inputs: ClusterInputs) -> list[Ingested]: ...

    def draft(self, source: ClusterSource, skipped: list[Rejection]) -> tuple[list[YearDrafts], bool]: ...


class PlainSteps:
    """The steps called in this process, on one ledger. A cluster's new files are read side by
    side, up to ``workers`` at a time (each in a worker process of pipeline/runs/isolation.py, so
    the threads here only wait); one worker reads them one after another."""

    def __init__(self, ws: Workspace, ledger: Ledger, run_id: str, workers: int | None = None):
        self.ws, self.ledger, self.run_id = ws, ledger, run_id
        self.workers = workers if workers is not None else reading_threads(ws.config().limits.settings())

    def scan(self, source: ClusterSource) -> Scan:
        return scan(self.ws, source, self.ledger, self.ws.config().settle_seconds)

    def ingest(self, source: ClusterSource, candidates: list[Candidate], inputs: ClusterInputs) -> list[Ingested]:
        def one(candidate: Candidate) -> Ingested:
            return ingest_or_wait(self.ws, source, candidate, self.ledger, self.run_id, inputs.rubric, inputs.cluster)

        with converted_together(_unread_legacy(self.ledger, candidates), self.ws.config().limits.settings()):
            return side_by_side(one, candidates, self.workers)

    def draft(self, source: ClusterSource, skipped: list[Rejection]) -> tuple[list[YearDrafts], bool]:
        return draft_cluster(self.ws, source, self.ledger, self.run_id, skipped)


def _unread_legacy(ledger: Ledger, candidates: list[Candidate]) -> list[Path]:
    """The .doc, .odt and .rtf files among the candidates that ingest will read: content the ledger
    has not recorded (a copy of content it has is not read again, so not converted either)."""
    legacy = [c for c in candidates if may_need_libreoffice(c.path)]
    rows = {c.sha256: ledger.file(c.sha256) for c in legacy}
    return [c.path for c in legacy if rows[c.sha256] is None or rows[c.sha256].status == FileStatus.PROCESSING]


def process_workspace(root: Path, run_id: str | None = None, workers: int | None = None) -> WorkspaceRun:
    """Every cluster of the workspace, one after another (`tdkt process` runs them side by side as
    Prefect tasks: flows/workspace.py). ``workers``: files read at once (default: one per reading
    worker process)."""
    ws = Workspace(root).create()
    run_id = run_id or new_run_id()
    with opened_ledger(ws.ledger_url()) as ledger:
        steps = PlainSteps(ws, ledger, run_id, workers)
        clusters = [process_cluster(ws, source, ledger, steps) for source in ws.clusters()]
    return WorkspaceRun(run_id=run_id, root=str(ws.root), clusters=clusters)


def settled_workspace(root: Path) -> WorkspaceRun | None:
    """The workspace's run if no cluster has anything to do (every one's drafts kept as they are),
    or None as soon as one has work or the workspace has no ledger yet. Reads only. The CLI asks
    this before it starts a temporary Prefect server: such a run only says "nothing new", which
    needs no orchestration, and the server's start and stop were most of its time."""
    ws = Workspace(root)
    if not ws.config().ledger_url and not ws.ledger_file.exists():
        return None
    clusters = []
    with opened_ledger(ws.ledger_url()) as ledger:
        for source in ws.clusters():
            run = unchanged_cluster(ws, source, ledger)
            if run is None:
                return None
            clusters.append(run)
    return WorkspaceRun(run_id=new_run_id(), root=str(ws.root), clusters=clusters) if clusters else None


def process_cluster(ws: Workspace, source: ClusterSource, ledger: Ledger, steps: ClusterSteps) -> ClusterRun:
    """One cluster's run: its inputs, the inbox scanned, the new files taken in (copies of a
    content after its first arrival, so they are recorded as duplicates), then the drafts."""
    if (unchanged := unchanged_cluster(ws, source, ledger)) is not None:
        return unchanged
    run = ClusterRun(key=source.key)
    inputs = load_inputs(ws, source, ledger, run)
    if inputs is None:
        return run
    found = steps.scan(source)
    run.waiting, run.known, run.skipped = found.waiting, found.known, found.skipped
    watcher().planned(len(found.new))
    first, later = first_arrivals(found.new)
    run.ingested = steps.ingest(source, first, inputs)
    run.ingested += steps.ingest(source, later, inputs)
    try:
        run.years, run.drafting_skipped = steps.draft(source, run.skipped)
    except ConfigError as e:  # rules that do not fit a criteria document that just arrived
        run.problem = str(e)
    watcher().note(cluster_line(run))
    return run


def unchanged_cluster(ws: Workspace, source: ClusterSource, ledger: Ledger) -> ClusterRun | None:
    """The cluster's run when there is nothing to do: no new or changed file in its inbox and the
    drafting state stored after its last drafting (pipeline.runs.workspace_run.drafting_state), so
    its drafts are kept as they are; None when there is work. Reads only: takes no lock, claims no
    file (a run working on the cluster meanwhile changes its state)."""
    found = scan(ws, source, ledger, ws.config().settle_seconds, hashed=False)  # the work scans again
    if found.new or ledger.cluster_state(source.key) != drafting_state(ws, source, ledger, found.skipped):
        return None
    kept = kept_drafts(ws, source, ledger)
    if kept is None:
        return None
    run = ClusterRun(key=source.key, waiting=found.waiting, known=found.known, skipped=found.skipped, years=kept)
    watcher().note(cluster_line(run))
    return run


def load_inputs(ws: Workspace, source: ClusterSource, ledger: Ledger, run: ClusterRun) -> ClusterInputs | None:
    """What the cluster is scored with as the ledger stands; a broken file stops this cluster only."""
    try:
        return cluster_inputs(ws, source, ledger)
    except ConfigError as e:
        run.problem = str(e)
        watcher().note(cluster_line(run))
        return None


def cluster_inputs(ws: Workspace, source: ClusterSource, ledger: Ledger) -> ClusterInputs:
    """The cluster file, and the rubric and rules chosen among the officer's files, the criteria
    documents the ledger holds (imported once each) and the defaults. Raises ConfigError."""
    cluster = load_cluster(source.cluster_file) if source.cluster_file else None
    rows = ledger.files(source.key)
    found = [_criteria_document(r) for r in rows if r.status == FileStatus.CRITERIA and r.criteria]
    unreadable = [Path(r.first_name).name for r in rows if r.reason == RejectReason.CRITERIA_UNREADABLE.value]
    return choose_criteria(source.config_files(ws.root), found, unreadable, cluster)


def _criteria_document(row: FileRow) -> CriteriaDocument:
    document = CriteriaDocument.model_validate_json(row.criteria)
    return document.model_copy(update={"file": Path(row.first_name).name, "arrived": row.arrived})


def take_in(ws: Workspace, source: ClusterSource, candidate: Candidate, ledger: Ledger, run_id: str,
            rubric: Rubric, cluster: Cluster | None) -> Ingested:
    """One file taken in, told to the run's watcher. Raises TransientFileError (locked, busy), which
    the Prefect task retries and the plain run leaves for the next run."""
    watcher().started(candidate.rel)
    return told(source, ingest(ws, source, candidate, ledger, run_id, rubric, cluster))


def told(source: ClusterSource, item: Ingested) -> Ingested:
    watcher().finished(item.name, ingested_line(source.key, item))
    return item


def ingest_or_wait(ws: Workspace, source: ClusterSource, candidate: Candidate, ledger: Ledger, run_id: str,
                   rubric: Rubric, cluster: Cluster | None) -> Ingested:
    try:
        return take_in(ws, source, candidate, ledger, run_id, rubric, cluster)
    except TransientFileError as e:
        return told(source, Ingested(candidate.path.name, Outcome.WAITING, str(e)))


def draft_cluster(ws: Workspace, source: ClusterSource, ledger: Ledger, run_id: str,
                  skipped: list[Rejection] | None = None) -> tuple[list[YearDrafts], bool]:
    """Drafts for every year of the cluster, under the cluster's lock. When another run is still
    reading files of this cluster, this run leaves the drafting to it: the run that finishes last
    drafts from everything in the ledger. When another run is drafting, this one waits for it and
    then drafts again if what it took in is not in those drafts (the other run may have checked
    before this run's last file was in the ledger). The rubric and rules are chosen again here,
    with every criteria document taken in; reports read under another rubric are read again.
    Raises ConfigError (a rules file that does not fit the chosen rubric)."""
    with ledger.lock(f"drafts:{source.key}", run_id, wait=_DRAFTING_WAIT) as acquired:
        if not acquired or ledger.in_flight(source.key, run_id):
            return [], True
        skipped = skipped or []
        if ledger.cluster_state(source.key) == drafting_state(ws, source, ledger, skipped):
            kept = kept_drafts(ws, source, ledger)
            if kept is not None:
                return kept, False
        clean_temporaries(ws, source)
        import_set_aside_criteria(ws, source, ledger)
        inputs = cluster_inputs(ws, source, ledger)
        inputs.choice = export_for_review(inputs.choice, ws.drafts / source.key / REVIEW_FOLDER, ws.root,
                                          _adopt_hint(ws, source))
        refresh_understanding(ws, source, ledger, inputs.rubric, inputs.cluster)
        years = [draft_year(ws, source, ledger, year, inputs, skipped) for year in years_of(ledger, source)]
        ledger.set_cluster_state(source.key, drafting_state(ws, source, ledger, skipped), _stored_headlines(years))
        return years, False


_DRAFTING_WAIT = 600.0  # seconds a run waits for another run drafting the same cluster


def drafting_state(ws: Workspace, source: ClusterSource, ledger: Ledger, skipped: list[Rejection]) -> str:
    """Everything a cluster's drafting depends on, as one digest: the ledger's rows for it, its
    configuration files, the entries its run report names as not documents, and tdkt itself (its
    code and templates). Equal to the digest stored after the last drafting: nothing to redo."""
    h = hashlib.sha256(ledger.digest(source.key).encode())
    for path in (source.cluster_file, source.rubric_file, source.rules_file):
        # Named inside the workspace (tdkt's defaults by name): a workspace copied elsewhere keeps
        # its state.
        where = path.relative_to(ws.root).as_posix() if path and path.is_relative_to(ws.root) else \
            (path.name if path else "")
        h.update(f"{where}:{file_sha256(path) if path else ''}".encode())
    h.update(repr([(r.file, r.message) for r in skipped]).encode())
    h.update(f"{code_digest()}:{intake.READER_VERSION}:{IMPORTER_VERSION}".encode())
    return h.hexdigest()


@lru_cache(maxsize=1)
def code_digest() -> str:
    """The code and templates this process runs (a new tdkt may score or write differently)."""
    h = hashlib.sha256()
    top = Path(__file__).resolve().parents[2]
    for folder in ("pipeline", "extractors", "templates"):
        for path in sorted((top / folder).rglob("*")):
            if path.suffix in {".py", ".yaml", ".docx", ".jsonl"} and path.is_file():
                h.update(path.relative_to(top).as_posix().encode() + path.read_bytes())
    return h.hexdigest()


def kept_drafts(ws: Workspace, source: ClusterSource, ledger: Ledger) -> list[YearDrafts] | None:
    """The drafts as the last run left them, each year as that run said it (nothing scored, written
    or read back); None if the ledger has not kept that (an older tdkt) or a year's result beside
    its drafts is missing or not as written."""
    stored = ledger.kept_headlines(source.key)
    if stored is None:
        return None
    headlines = {h.year: h for h in _HEADLINES.validate_json(stored)}
    kept = []
    for year in years_of(ledger, source):
        headline = headlines.get(year)
        out_dir = ws.drafts / source.key / str(year)
        result = out_dir / f"ket-qua-xu-ly-{year}.json"
        if headline is None or not headline.result_bytes or _size(result) != headline.result_bytes:
            return None
        headline.drafts = [str(out_dir / name) for name in headline.drafts]
        kept.append(YearDrafts(year, None, [], headline, result))
    return kept


_HEADLINES = TypeAdapter(list[YearHeadline])


def _stored_headlines(years: list[YearDrafts]) -> str:
    """The years' headlines as the ledger keeps them: drafts by name (a copied workspace keeps them)."""
    return _HEADLINES.dump_json([y.headline.model_copy(update={"drafts": [Path(d).name for d in y.headline.drafts]})
                                 for y in years]).decode()


def _size(path: Path) -> int | None:
    try:
        return path.stat().st_size
    except OSError:
        return None


def _adopt_hint(ws: Workspace, source: ClusterSource) -> str:
    folder = source.config_dir.relative_to(ws.root).as_posix()
    where = "thư mục không gian làm việc (cạnh inbox/)" if folder == "." else f"thư mục {folder}/ (cạnh cluster.yaml)"
    return (f"Để dùng cố định (sau khi rà soát, sửa nếu cần): chép {{files}} này vào {where}; tệp cán bộ viết luôn "
            "được ưu tiên hơn bảng tiêu chí trong hộp thư.")


# Rejections that depend on the rubric or cluster file, and may change when those do; and files set
# aside as criteria documents that could not be imported, which a newer reader may find to be a
# unit's report (read again, like the rest, when the reader's version changes).
_UNDERSTANDING_REASONS = {RejectReason.UNKNOWN_UNIT.value, RejectReason.NOT_A_REPORT.value,
                          RejectReason.CRITERIA_UNREADABLE.value}


def refresh_understanding(ws: Workspace, source: ClusterSource, ledger: Ledger, rubric: Rubric,
                          cluster: Cluster | None) -> int:
    """Read again, from the archive, the reports read under another rubric or cluster file (codes,
    evidence phrases, unit names may have changed). Returns how many were read again."""
    current = understanding_fingerprint(rubric, cluster)
    stale = [r for r in ledger.files(source.key) if r.understood_with != current
             and (r.status == FileStatus.READ or r.reason in _UNDERSTANDING_REASONS)]
    return _read_again(ws, ledger, stale, rubric, cluster)


def import_set_aside_criteria(ws: Workspace, source: ClusterSource, ledger: Ledger) -> int:
    """Criteria documents an older tdkt set aside (it did not import them), or imported with an
    earlier importer (which may have read them differently): imported now, once."""
    legacy = [r for r in ledger.files(source.key) if r.reason == RejectReason.RUBRIC_DOCUMENT.value
              or (r.status == FileStatus.CRITERIA and r.criteria
                  and _criteria_document(r).importer != IMPORTER_VERSION)]
    if not legacy:
        return 0
    cluster = load_cluster(source.cluster_file) if source.cluster_file else None
    return _read_again(ws, ledger, legacy, load_rubric(DEFAULT_RUBRIC), cluster)


def _read_again(ws: Workspace, ledger: Ledger, rows: list[FileRow], rubric: Rubric, cluster: Cluster | None) -> int:
    limits = ws.config().limits.settings()

    def one(row: FileRow) -> None:
        archived = ws.archive / f"{row.sha256}{row.ext}"
        reading, _ = understand_file(archived, Path(row.first_name).name, rubric, cluster, limits)
        ledger.update_file(row.sha256, reading)

    with converted_together([ws.archive / f"{row.sha256}{row.ext}" for row in rows], limits):
        side_by_side(one, rows, reading_threads(limits))
    return len(rows)


def clean_temporaries(ws: Workspace, source: ClusterSource) -> None:
    """Remove half-written files a killed run left (always under a '.tdkt-' name)."""
    for temp in (ws.drafts / source.key).rglob(".tdkt-*"):
        temp.unlink(missing_ok=True)  # safe: drafting for this cluster holds its lock
    for folder in (ws.archive, ws.rejected / source.key):
        for temp in folder.glob(".tdkt-*") if folder.is_dir() else []:
            try:
                stale = time.time() - temp.stat().st_mtime > _STALE_TEMP_SECONDS
            except FileNotFoundError:
                continue  # archive/ is shared: another cluster's copy, renamed to its name meanwhile
            if stale:
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
        summary = score_year(source, ledger, year or years[-1], cluster_inputs(ws, source, ledger))
    finally:
        ledger.close()
    if summary.result is None:
        raise WorkspaceError(f"năm {year or years[-1]}: {summary.problem}")
    return summary.result
