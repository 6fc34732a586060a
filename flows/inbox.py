"""Prefect orchestration of the inbox pipeline: pipeline.runs.inbox_run.process_inbox, the same
sequence as the plain run, with its steps as tasks (so the same work runs in tests and the CLI
without Prefect).

Three task runs: open every inbox file (extract; a criteria document is imported there), then,
once the rubric is known (--rubric, else the inbox's criteria document, else the default),
understand the reports, then score, nominate and draft. Within the first two the files are read
side by side by the reading worker processes (pipeline.runs.inbox_run.PlainInboxSteps). Tasks are
coarse on purpose: a task run per file cost more in Prefect than reading the file, and bursts of
small tasks lock Prefect's SQLite database (shared/stack.md). Each file's line still reaches the
run's logs.
"""

from __future__ import annotations

from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.utilities.annotations import quote

from flows.one_off import one_off
from flows.run_log import LoggedLines
from pipeline.config.cluster import Cluster
from pipeline.config.rubric import Rubric
from pipeline.results.outcome import FileOutcome, Rejection, RunSummary
from pipeline.runs import inbox_run
from pipeline.runs import steps as run
from pipeline.runs.criteria_choice import ClusterInputs
from pipeline.runs.error_log import LOG_NAME, errors_logged_to
from pipeline.runs.progress import PrintedLines, watched_or, watcher, watching

_PLAIN = inbox_run.PlainInboxSteps


@task(name="mo-tep", task_run_name="mở {count} tệp", cache_policy=NO_CACHE)
def open_files(files: list[tuple[Path, str]], count: int) -> list[run.Opened]:
    return _PLAIN().open(files)


@task(name="doc-bao-cao", task_run_name="đọc {count} báo cáo", cache_policy=NO_CACHE)
def read_reports(opened: list[run.Opened], rubric: Rubric, cluster: Cluster | None, count: int) -> list[FileOutcome]:
    return _PLAIN().understand(opened, rubric, cluster)


@task(name="cham-diem-va-du-thao", task_run_name="chấm điểm và dự thảo", cache_policy=NO_CACHE)
def score_and_draft(outcomes: list[FileOutcome], inputs: ClusterInputs, year: int | None,
                    out_dir: Path, skipped: list[Rejection]) -> RunSummary:
    summary = run.finish_run(outcomes, inputs, year, out_dir, skipped)
    line = (f"Đã ghi {len(summary.drafts)} dự thảo vào {out_dir}" if summary.drafts
            else f"Không tạo được dự thảo: {summary.problem}")
    get_run_logger().info(line)
    watcher().note(line)
    return summary


class TaskSteps:
    """pipeline.runs.inbox_run's steps as three Prefect tasks; the order is process_inbox's."""

    def open(self, files: list[tuple[Path, str]]) -> list[run.Opened]:
        return open_files(files, len(files))

    # Documents and outcomes are passed quoted: Prefect would walk every block and cell of every
    # document looking for futures in a task's inputs.
    def understand(self, opened: list[run.Opened], rubric: Rubric, cluster: Cluster | None) -> list[FileOutcome]:
        return read_reports(quote(opened), rubric, cluster, sum(o.document is not None for o in opened))

    def finish(self, outcomes: list[FileOutcome], inputs: ClusterInputs, year: int | None, out_dir: Path,
               skipped: list[Rejection]) -> RunSummary:
        return score_and_draft(quote(outcomes), inputs, year, out_dir, skipped)


@flow(name="process_inbox")
def process_inbox(inbox: Path, out_dir: Path, year: int | None = None, rubric: Path | None = None,
                  rules: Path | None = None, cluster: Path | None = None) -> quote[RunSummary]:
    """The run; its result is quoted (Prefect walks a flow's result looking for futures)."""
    with watched_or(PrintedLines()) as shown, watching(LoggedLines(shown)), \
            errors_logged_to(Path(out_dir) / LOG_NAME):
        return quote(inbox_run.process_inbox(inbox, out_dir, year, rubric, rules, cluster, steps=TaskSteps()))


def run_inbox(inbox: Path, out_dir: Path, year: int | None = None, rubric: Path | None = None,
              rules: Path | None = None, cluster: Path | None = None) -> RunSummary:
    """The flow run in this process, its result unwrapped."""
    with one_off():
        return process_inbox(inbox, out_dir, year, rubric, rules, cluster).unwrap()
