"""Prefect orchestration of the inbox pipeline. Only orchestration lives here: every step is a
plain function of pipeline.run, so the same work runs in tests and the CLI without Prefect.

One task run per inbox file (extract + understand), then one cluster-level task (score,
nominate, draft). Tasks are coarse on purpose: thousands of tiny tasks lock Prefect's SQLite
database (shared/stack.md).
"""

from __future__ import annotations

from pathlib import Path

from prefect import flow, get_run_logger, task, unmapped
from prefect.cache_policies import NO_CACHE

from pipeline import run
from pipeline.cluster import Cluster
from pipeline.outcome import FileOutcome, RunSummary
from pipeline.rubric import Rubric
from pipeline.rules import AwardRules


@task(name="doc-bao-cao", task_run_name="đọc {path.name}", cache_policy=NO_CACHE)
def read_report(path: Path, rubric: Rubric, cluster: Cluster | None) -> FileOutcome:
    outcome = run.read_report(path, rubric, cluster)
    logger = get_run_logger()
    if outcome.rejection:
        logger.warning("%s: %s", path.name, outcome.rejection.message)
    else:
        unit = outcome.facts.unit.name if outcome.facts.unit else "chưa rõ đơn vị"
        logger.info("%s: đã đọc (%s, năm %s)", path.name, unit, outcome.facts.year)
    return outcome


@task(name="cham-diem-va-du-thao", cache_policy=NO_CACHE)
def score_and_draft(outcomes: list[FileOutcome], rubric: Rubric, rules: AwardRules, cluster: Cluster | None,
                    year: int | None, out_dir: Path) -> RunSummary:
    summary = run.finish_run(outcomes, rubric, rules, cluster, year, out_dir)
    get_run_logger().info("Đã ghi %d dự thảo vào %s", len(summary.drafts), out_dir)
    return summary


@flow(name="process_inbox")
def process_inbox(inbox: Path, out_dir: Path, year: int | None = None, rubric: Path | None = None,
                  rules: Path | None = None, cluster: Path | None = None) -> RunSummary:
    rubric_, rules_, cluster_ = run.load_inputs(rubric, rules, cluster)
    files = run.list_inbox(inbox)
    futures = read_report.map(files, rubric=unmapped(rubric_), cluster=unmapped(cluster_))
    outcomes = [future.result() for future in futures]
    return score_and_draft(outcomes, rubric_, rules_, cluster_, year, out_dir)
