"""Prefect orchestration of a workspace run: the flow `tdkt serve` schedules and workers run.

The flow runs pipeline.runs.workspace_run.process_cluster, the same sequence as the plain run, with
its steps as tasks: a scan, one task run per new file (retried when another program holds the
file), then one drafting task. Each
scheduled run imports this module afresh in a new process: nothing here runs at import time.
"""

from __future__ import annotations

from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run

from pipeline.results.outcome import Rejection
from pipeline.runs.drafting import YearDrafts
from pipeline.runs.error_log import LOG_NAME, errors_logged_to
from pipeline.runs.intake import Candidate, Ingested, Outcome, Scan, scan
from pipeline.runs.ledger import Ledger
from pipeline.runs.progress import PrintedLines, watched_or
from pipeline.runs.run_lines import cluster_line, ingested_line
from pipeline.runs.workspace import ClusterSource, Workspace
from pipeline.runs.workspace_run import (
    WorkspaceRun,
    cluster_inputs,
    draft_cluster,
    new_run_id,
    process_cluster,
    take_in,
    told,
)


def _source(ws: Workspace, key: str) -> ClusterSource:
    return next(s for s in ws.clusters() if s.key == key)


@task(name="quet-hop-thu", task_run_name="quét {key}", cache_policy=NO_CACHE)
def scan_inbox(root: Path, key: str) -> Scan:
    ws = Workspace(root)
    ledger = Ledger(ws.ledger_url())
    try:
        found = scan(ws, _source(ws, key), ledger, ws.config().settle_seconds)
    finally:
        ledger.close()
    get_run_logger().info("%s: %d tệp mới, %d tệp đã xử lý trước, %d tệp để lần sau", key, len(found.new),
                          found.known, len(found.waiting))
    return found


@task(name="nhan-tep", task_run_name="nhận {candidate.rel}", cache_policy=NO_CACHE, retries=3,
      retry_delay_seconds=10)
def ingest_file(root: Path, key: str, candidate: Candidate, run_id: str) -> Ingested:
    """One file taken in; a file another program holds is retried (Prefect's retries), then left
    for the next run."""
    ws = Workspace(root)
    source = _source(ws, key)
    ledger = Ledger(ws.ledger_url())
    try:
        inputs = cluster_inputs(ws, source, ledger)
        result = take_in(ws, source, candidate, ledger, run_id, inputs.rubric, inputs.cluster)
    finally:
        ledger.close()
    logger = get_run_logger()
    (logger.warning if result.outcome is Outcome.REJECTED else logger.info)(ingested_line(key, result))
    return result


@task(name="du-thao", task_run_name="dự thảo {key}", cache_policy=NO_CACHE)
def draft(root: Path, key: str, run_id: str, skipped: list[Rejection]) -> tuple[list[YearDrafts], bool]:
    ws = Workspace(root)
    ledger = Ledger(ws.ledger_url())
    try:
        years, others_drafting = draft_cluster(ws, _source(ws, key), ledger, run_id, skipped)
    finally:
        ledger.close()
    return years, others_drafting


class TaskSteps:
    """pipeline.runs.workspace_run's steps as Prefect tasks: the files of a cluster are taken in
    concurrently, each in its own task run with retries; the order is process_cluster's."""

    def __init__(self, root: Path, run_id: str):
        self.root, self.run_id = root, run_id

    def scan(self, source: ClusterSource) -> Scan:
        return scan_inbox(self.root, source.key)

    def ingest(self, source: ClusterSource, candidates: list[Candidate], inputs: object) -> list[Ingested]:
        futures = [ingest_file.submit(self.root, source.key, c, self.run_id) for c in candidates]
        return [_result(f, source, c) for f, c in zip(futures, candidates, strict=True)]

    def draft(self, source: ClusterSource, skipped: list[Rejection]) -> tuple[list[YearDrafts], bool]:
        return draft(self.root, source.key, self.run_id, skipped)


@flow(name="process_workspace")
def process_workspace(workspace: str) -> WorkspaceRun:
    root = Path(workspace)
    ws = Workspace(root).create()
    run_id = flow_run.get_id() or new_run_id()
    steps = TaskSteps(root, run_id)
    ledger = Ledger(ws.ledger_url())
    try:
        with watched_or(PrintedLines()), errors_logged_to(ws.root / ".tdkt" / LOG_NAME):
            clusters = [process_cluster(ws, source, ledger, steps) for source in ws.clusters()]
    finally:
        ledger.close()
    logger = get_run_logger()
    for run in clusters:  # the run's summary in its logs, one line per cluster
        (logger.error if run.problem else logger.info)(cluster_line(run))
    if not clusters:
        logger.info("Hộp thư trống: chưa có báo cáo nào và chưa có tệp thông tin Cụm.")
    return WorkspaceRun(run_id=run_id, root=str(root), clusters=clusters)


def _result(future: object, source: ClusterSource, candidate: Candidate) -> Ingested:
    """A file whose task failed after its retries is left for the next run, not lost."""
    future.wait()
    if future.state.is_completed():
        return future.result()
    return told(source, Ingested(candidate.path.name, Outcome.WAITING, "chưa đọc được tệp; sẽ thử lại ở lần chạy sau"))
