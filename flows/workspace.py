"""Prefect orchestration of a workspace run: the flow `tdkt serve` schedules and workers run.

The flow only orchestrates pipeline.runs.workspace_run's steps: per cluster, a scan, one task run per
new file (retried when the file is locked by another program), then one drafting task. Each
scheduled run imports this module afresh in a new process: nothing here runs at import time.
"""

from __future__ import annotations

from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run

from pipeline.core.errors import ConfigError
from pipeline.runs.drafting import YearDrafts
from pipeline.runs.intake import Candidate, Ingested, Outcome, first_arrivals, ingest, scan
from pipeline.runs.ledger import Ledger
from pipeline.runs.workspace import ClusterSource, Workspace
from pipeline.runs.workspace_run import (
    ClusterRun,
    WorkspaceRun,
    cluster_inputs,
    draft_cluster,
    load_inputs,
    new_run_id,
)


def _source(ws: Workspace, key: str) -> ClusterSource:
    return next(s for s in ws.clusters() if s.key == key)


@task(name="quet-hop-thu", task_run_name="quét {key}", cache_policy=NO_CACHE)
def scan_inbox(root: Path, key: str) -> tuple[list[Candidate], list[str], int]:
    ws = Workspace(root)
    ledger = Ledger(ws.ledger_url())
    try:
        found = scan(ws, _source(ws, key), ledger, ws.config().settle_seconds)
    finally:
        ledger.close()
    logger = get_run_logger()
    logger.info("%s: %d tệp mới, %d tệp đã xử lý trước, %d tệp để lần sau", key, len(found.new), found.known,
                len(found.waiting))
    return found.new, found.waiting, found.known


@task(name="nhan-tep", task_run_name="nhận {candidate.rel}", cache_policy=NO_CACHE, retries=3,
      retry_delay_seconds=10)
def ingest_file(root: Path, key: str, candidate: Candidate, run_id: str) -> Ingested:
    ws = Workspace(root)
    source = _source(ws, key)
    ledger = Ledger(ws.ledger_url())
    try:
        inputs = cluster_inputs(ws, source, ledger)
        result = ingest(ws, source, candidate, ledger, run_id, inputs.rubric, inputs.cluster)
    finally:
        ledger.close()
    get_run_logger().info("%s: %s%s", candidate.rel, _WORDS[result.outcome],
                          f" — {result.message}" if result.message else "")
    return result


@task(name="du-thao", task_run_name="dự thảo {key}", cache_policy=NO_CACHE)
def draft(root: Path, key: str, run_id: str) -> tuple[list[YearDrafts], bool, str | None]:
    ws = Workspace(root)
    source = _source(ws, key)
    ledger = Ledger(ws.ledger_url())
    try:
        years, skipped = draft_cluster(ws, source, ledger, run_id)
    except ConfigError as e:  # rules that do not fit a criteria document that just arrived
        get_run_logger().error("%s: %s", key, e)
        return [], False, str(e)
    finally:
        ledger.close()
    logger = get_run_logger()
    for year in years:
        if year.version:
            logger.info("%s năm %d: đã ghi bản %d", key, year.year, year.version)
        else:
            logger.info("%s năm %d: không có gì mới", key, year.year)
    return years, skipped, None


_WORDS = {
    Outcome.READ: "đã đọc",
    Outcome.REJECTED: "không dùng",
    Outcome.DUPLICATE: "trùng lặp",
    Outcome.WAITING: "để lần sau",
    Outcome.BUSY: "lần chạy khác đang xử lý",
    Outcome.CRITERIA: "bảng tiêu chí của Cụm",
}


@flow(name="process_workspace")
def process_workspace(workspace: str) -> WorkspaceRun:
    root = Path(workspace)
    ws = Workspace(root).create()
    run_id = flow_run.get_id() or new_run_id()
    clusters = []
    for source in ws.clusters():
        run = ClusterRun(key=source.key)
        if _inputs_load(ws, source, run):
            new, run.waiting, run.known = scan_inbox(root, source.key)
            first, later = first_arrivals(new)
            futures = [ingest_file.submit(root, source.key, c, run_id) for c in first]
            run.ingested = [_result(f, c) for f, c in zip(futures, first, strict=True)]
            # Copies of content just read: after the originals, so they are recorded as duplicates.
            run.ingested += [_result(ingest_file.submit(root, source.key, c, run_id), c) for c in later]
            run.years, run.drafting_skipped, run.problem = draft(root, source.key, run_id)
        else:
            get_run_logger().error("%s: %s", source.key, run.problem)
        clusters.append(run)
    return WorkspaceRun(run_id=run_id, root=str(root), clusters=clusters)


def _inputs_load(ws: Workspace, source: ClusterSource, run: ClusterRun) -> bool:
    """Whether the cluster's files (and the criteria documents taken in) give a rubric and rules."""
    ledger = Ledger(ws.ledger_url())
    try:
        return load_inputs(ws, source, ledger, run) is not None
    finally:
        ledger.close()


def _result(future: object, candidate: Candidate) -> Ingested:
    """A file whose task failed after its retries is left for the next run, not lost."""
    future.wait()
    if future.state.is_completed():
        return future.result()
    return Ingested(candidate.path.name, Outcome.WAITING, "chưa đọc được tệp; sẽ thử lại ở lần chạy sau")
