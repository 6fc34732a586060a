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
from pipeline.runs.error_log import LOG_NAME, errors_logged_to
from pipeline.runs.progress import PrintedLines, watched_or, watcher
from pipeline.runs.run_lines import outcome_line


@task(name="mo-tep", task_run_name="mở {name}", cache_policy=NO_CACHE)
def open_file(path: Path, name: str) -> run.Opened:
    opened = inbox_run.open_one(path, name)
    if opened.document is None:  # not a report: this file is done
        _log(opened.outcome)
    return opened


@task(name="doc-bao-cao", task_run_name="đọc {opened.outcome.file}", cache_policy=NO_CACHE)
def read_report(opened: run.Opened, rubric: Rubric, cluster: Cluster | None) -> FileOutcome:
    outcome = inbox_run.understand_one(opened, rubric, cluster)
    _log(outcome)
    return outcome


@task(name="cham-diem-va-du-thao", task_run_name="chấm điểm và dự thảo", cache_policy=NO_CACHE)
def score_and_draft(outcomes: list[FileOutcome], inputs: ClusterInputs, year: int | None,
                    out_dir: Path, skipped: list[Rejection]) -> RunSummary:
    summary = run.finish_run(outcomes, inputs, year, out_dir, skipped)
    line = (f"Đã ghi {len(summary.drafts)} dự thảo vào {out_dir}" if summary.drafts
            else f"Không tạo được dự thảo: {summary.problem}")
    get_run_logger().info(line)
    watcher().note(line)
    return summary


def _log(outcome: FileOutcome) -> None:
    """The file's line in the Prefect run's logs (the terminal has it from the watcher)."""
    logger = get_run_logger()
    (logger.warning if outcome.rejection else logger.info)(outcome_line(outcome))


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
    with watched_or(PrintedLines()), errors_logged_to(Path(out_dir) / LOG_NAME):
        return inbox_run.process_inbox(inbox, out_dir, year, rubric, rules, cluster, steps=TaskSteps())
