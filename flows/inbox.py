"""Prefect orchestration of the inbox pipeline: pipeline.runs.inbox_run.process_inbox, the same
sequence as the plain run, with its steps as tasks (so the same work runs in tests and the CLI
without Prefect).

One task run per inbox file to open it (extract; a criteria document is imported there), then,
once the rubric is known (--rubric, else the inbox's criteria document, else the default), one
task run per report to understand it, then one cluster-level task (score, nominate, draft).
Tasks are coarse on purpose: thousands of tiny tasks lock Prefect's SQLite database
(shared/stack.md).
"""

from __future__ import annotations

from pathlib import Path

from prefect import flow, get_run_logger, task, unmapped
from prefect.cache_policies import NO_CACHE

from pipeline.config.cluster import Cluster
from pipeline.config.rubric import Rubric
from pipeline.results.outcome import FileOutcome, Rejection, RunSummary
from pipeline.runs import inbox_run
from pipeline.runs import steps as run
from pipeline.runs.criteria_choice import ClusterInputs


@task(name="mo-tep", task_run_name="mở {name}", cache_policy=NO_CACHE)
def open_file(path: Path, name: str) -> run.Opened:
    opened = run.open_file(path, name)
    outcome = opened.outcome
    if outcome.criteria:
        get_run_logger().info("%s: bảng tiêu chí của Cụm, đã nhập (%s)", name, outcome.criteria.describe())
    elif outcome.rejection:
        get_run_logger().warning("%s: %s", name, outcome.rejection.message)
    return opened


@task(name="doc-bao-cao", task_run_name="đọc {opened.outcome.file}", cache_policy=NO_CACHE)
def read_report(opened: run.Opened, rubric: Rubric, cluster: Cluster | None) -> FileOutcome:
    outcome = run.understand_opened(opened, rubric, cluster)
    logger = get_run_logger()
    if outcome.rejection:
        logger.warning("%s: %s", outcome.file, outcome.rejection.message)
    else:
        unit = outcome.facts.unit.name if outcome.facts.unit else "chưa rõ đơn vị"
        logger.info("%s: đã đọc (%s, năm %s)", outcome.file, unit, outcome.facts.year)
    return outcome


@task(name="cham-diem-va-du-thao", cache_policy=NO_CACHE)
def score_and_draft(outcomes: list[FileOutcome], inputs: ClusterInputs, year: int | None,
                    out_dir: Path, skipped: list[Rejection]) -> RunSummary:
    summary = run.finish_run(outcomes, inputs, year, out_dir, skipped)
    get_run_logger().info("Đã ghi %d dự thảo vào %s", len(summary.drafts), out_dir)
    return summary


class TaskSteps:
    """pipeline.runs.inbox_run's steps as Prefect tasks (one per file to open, one per report to
    understand, one for the cluster); the order is process_inbox's."""

    def open(self, files: list[tuple[Path, str]]) -> list[run.Opened]:
        return [f.result() for f in open_file.map([p for p, _ in files], [n for _, n in files])]

    def understand(self, opened: list[run.Opened], rubric: Rubric, cluster: Cluster | None) -> list[FileOutcome]:
        reports = [o for o in opened if o.document is not None]
        futures = read_report.map(reports, rubric=unmapped(rubric), cluster=unmapped(cluster))
        understood = iter([future.result() for future in futures])
        return [next(understood) if o.document is not None else o.outcome for o in opened]

    def finish(self, outcomes: list[FileOutcome], inputs: ClusterInputs, year: int | None, out_dir: Path,
               skipped: list[Rejection]) -> RunSummary:
        return score_and_draft(outcomes, inputs, year, out_dir, skipped)


@flow(name="process_inbox")
def process_inbox(inbox: Path, out_dir: Path, year: int | None = None, rubric: Path | None = None,
                  rules: Path | None = None, cluster: Path | None = None) -> RunSummary:
    return inbox_run.process_inbox(inbox, out_dir, year, rubric, rules, cluster, steps=TaskSteps())
