"""Prefect orchestration of a workspace run: the flow `tdkt serve` schedules and workers run.

A first task run finds the clusters with nothing to do (no new file, drafting state unchanged:
their drafts are kept); then one task run per cluster with work runs
pipeline.runs.workspace_run.process_cluster, the same function the plain run calls: scan the
inbox, take the new files in (read side by side in the reading worker processes), draft. Tasks
are this coarse on purpose: a city's year is ~1,500 files, and a task run per file cost more in
Prefect than reading the file (shared/stack.md: bursts of small tasks lock Prefect's SQLite
database).

Clusters run side by side: on this machine in threads (ThreadPoolTaskRunner; the reading itself
is done by worker processes, so one cluster drafts while the others read), or, when tdkt.yaml
names a Dask scheduler (`dask_address`), on that cluster's workers, which must see the workspace at
the same path. A file another program holds is left for the next run, as in the plain run.

Each scheduled run imports this module afresh in a new process: nothing here runs at import time.
"""

from __future__ import annotations

from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run
from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner
from prefect.utilities.annotations import quote

from flows.one_off import one_off
from flows.run_log import LoggedLines
from pipeline.runs.error_log import LOG_NAME, errors_logged_to
from pipeline.runs.ledger import opened_ledger
from pipeline.runs.progress import PrintedLines, watched_or, watching
from pipeline.runs.run_lines import cluster_line
from pipeline.runs.workspace import ClusterSource, Workspace
from pipeline.runs.workspace_run import (
    ClusterRun,
    PlainSteps,
    WorkspaceRun,
    new_run_id,
    process_cluster,
    unchanged_cluster,
)


@task(name="xu-ly-cum", task_run_name="xử lý {source.key}", cache_policy=NO_CACHE)
def cluster_task(root: str, source: ClusterSource, run_id: str) -> ClusterRun:
    """One cluster, start to finish; its lines also go to this task run's logs."""
    ws = Workspace(Path(root))
    with opened_ledger(ws.ledger_url()) as ledger, watched_or(PrintedLines()) as shown, \
            watching(LoggedLines(shown)), errors_logged_to(ws.root / ".tdkt" / LOG_NAME):
        return process_cluster(ws, source, ledger, PlainSteps(ws, ledger, run_id))


@task(name="kiem-tra-hop-thu", task_run_name="kiểm tra {count} hộp thư", cache_policy=NO_CACHE)
def unchanged_clusters(root: str, sources: list[ClusterSource], count: int) -> list[ClusterRun | None]:
    """Each cluster's run if it has nothing to do (its drafts kept), else None: one task for them
    all, so a run with nothing new costs Prefect one task run, not one per cluster."""
    ws = Workspace(Path(root))
    with opened_ledger(ws.ledger_url()) as ledger, watched_or(PrintedLines()):
        return [unchanged_cluster(ws, source, ledger) for source in sources]


def run_workspace(workspace: str) -> WorkspaceRun:
    """The flow run in this process (a temporary server or PREFECT_API_URL's), its result unwrapped."""
    with one_off():
        return process_workspace(workspace).unwrap()


@flow(name="process_workspace")
def process_workspace(workspace: str) -> quote[WorkspaceRun]:
    """The workspace's run; its result is quoted: Prefect walks a flow's result looking for futures,
    and a city's summaries are millions of objects (seconds of CPU for nothing)."""
    root = Path(workspace)
    ws = Workspace(root).create()
    run_id = flow_run.get_id() or new_run_id()
    sources = ws.clusters()
    config = ws.config()
    done = unchanged_clusters(str(root), sources, len(sources))
    work = [source for source, run in zip(sources, done, strict=True) if run is None]
    if not work:
        worked = []
    elif config.dask_address:
        worked = on_dask(str(root), work, run_id, config.dask_address)
    else:
        worked = side_by_side(str(root), work, run_id, ThreadPoolTaskRunner(max_workers=clusters_at_once(ws)))
    by_key = {run.key: run for run in worked}
    clusters = [run if run is not None else by_key[source.key] for source, run in zip(sources, done, strict=True)]
    logger = get_run_logger()
    for run in clusters:  # the run's summary in its logs, one line per cluster
        (logger.error if run.problem else logger.info)(cluster_line(run))
    if not clusters:
        logger.info("Hộp thư trống: chưa có báo cáo nào và chưa có tệp thông tin Cụm.")
    return quote(WorkspaceRun(run_id=run_id, root=str(root), clusters=clusters))


def side_by_side(root: str, sources: list[ClusterSource], run_id: str, runner: TaskRunner) -> list[ClusterRun]:
    """Every cluster's task submitted to ``runner`` and awaited, in the workspace's order. The whole
    workspace shares one ledger engine in this process."""
    with opened_ledger(Workspace(Path(root)).ledger_url()), runner:
        futures = [runner.submit(cluster_task, parameters={"root": root, "source": s, "run_id": run_id})
                   for s in sources]
        return [future.result() for future in futures]


@flow(name="process_workspace_dask")
def _on_dask(root: str, sources: list[ClusterSource], run_id: str) -> quote[list[ClusterRun]]:
    futures = [cluster_task.submit(root, s, run_id) for s in sources]
    return quote([future.result() for future in futures])


def on_dask(root: str, sources: list[ClusterSource], run_id: str, address: str) -> list[ClusterRun]:
    """The clusters on a Dask cluster's workers (prefect-dask), as a subflow with that task runner."""
    from prefect_dask import DaskTaskRunner  # only a workspace that names a Dask scheduler needs it

    return _on_dask.with_options(task_runner=DaskTaskRunner(address=address))(root, sources, run_id).unwrap()


def clusters_at_once(ws: Workspace) -> int:
    config = ws.config()
    return config.clusters_at_once or config.limits.settings().read_workers + 1
