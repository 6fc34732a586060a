"""The one-shot run over an inbox (`tdkt run`), as plain functions: list the inbox, open every
file (so the inbox's criteria document is known before any report is understood), choose the
criteria, understand the reports, finish the cluster. flows/inbox.py runs the same steps as
Prefect tasks."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from pipeline.config.cluster import Cluster, load_cluster
from pipeline.config.rubric import Rubric
from pipeline.core.errors import RejectReason
from pipeline.core.settings import Settings
from pipeline.results.outcome import FileOutcome, Rejection, RunSummary
from pipeline.runs.criteria_choice import ClusterInputs
from pipeline.runs.inbox_names import entry_reason
from pipeline.runs.office_batch import converted_together
from pipeline.runs.progress import watcher
from pipeline.runs.run_lines import outcome_line
from pipeline.runs.side_by_side import reading_threads, side_by_side
from pipeline.runs.steps import Opened, finish_run, open_file_isolated, run_criteria, understand_isolated


@dataclass
class InboxListing:
    root: Path
    files: list[Path]  # documents to read, in name order
    skipped: list[Rejection]  # every other entry, with why it is not read

    def name(self, path: Path) -> str:
        """How the run report names a file: its path inside the inbox ("con/bc.docx")."""
        return path.relative_to(self.root).as_posix()


def list_inbox(inbox: Path) -> InboxListing:
    """The inbox's documents, in name order, and every other entry (lock and temporary files,
    configuration, links out of the inbox or to nothing, FIFOs, devices) each with why it is not read."""
    root = inbox.resolve()
    listing = InboxListing(inbox, [], [])
    for path in sorted(inbox.rglob("*")):
        reason = entry_reason(path, root)
        if reason is None and path.is_dir():
            continue
        if reason is None:
            listing.files.append(path)
        else:
            listing.skipped.append(Rejection(file=listing.name(path), reason=RejectReason.SKIPPED, message=reason))
    return listing


class InboxSteps(Protocol):
    """How the run's steps are carried out: directly (PlainInboxSteps) or as Prefect tasks
    (flows/inbox.py). The order is process_inbox's alone."""

    def open(self, files: list[tuple[Path, str]]) -> list[Opened]: ...

    def understand(self, opened: list[Opened], rubric: Rubric, cluster: Cluster | None) -> list[FileOutcome]: ...

    def finish(self, outcomes: list[FileOutcome], inputs: ClusterInputs, year: int | None, out_dir: Path,
               skipped: list[Rejection]) -> RunSummary: ...


def open_one(path: Path, name: str) -> Opened:
    """One file opened, told to the run's watcher (it is done here if it is not a report)."""
    watcher().started(name)
    opened = open_file_isolated(path, name)
    if opened.document is None:
        watcher().finished(name, outcome_line(opened.outcome))
    return opened


def understand_one(opened: Opened, rubric: Rubric, cluster: Cluster | None) -> FileOutcome:
    """One opened report understood, told to the run's watcher."""
    watcher().started(opened.outcome.file)
    outcome = understand_isolated(opened, rubric, cluster)
    watcher().finished(outcome.file, outcome_line(outcome))
    return outcome


class PlainInboxSteps:
    """The steps in this process; files are opened and understood side by side, one per reading
    worker process (``workers``: 1 reads them one after another)."""

    def __init__(self, workers: int | None = None):
        self.workers = workers if workers is not None else reading_threads(Settings())

    def open(self, files: list[tuple[Path, str]]) -> list[Opened]:
        with converted_together([path for path, _ in files], Settings()):
            return side_by_side(lambda file: open_one(*file), files, self.workers)

    def understand(self, opened: list[Opened], rubric: Rubric, cluster: Cluster | None) -> list[FileOutcome]:
        def one(o: Opened) -> FileOutcome:
            return understand_one(o, rubric, cluster) if o.document is not None else o.outcome

        return side_by_side(one, opened, self.workers)

    def finish(self, outcomes: list[FileOutcome], inputs: ClusterInputs, year: int | None, out_dir: Path,
               skipped: list[Rejection]) -> RunSummary:
        return finish_run(outcomes, inputs, year, out_dir, skipped)


def process_inbox(inbox: Path, out_dir: Path, year: int | None = None, rubric: Path | None = None,
                  rules: Path | None = None, cluster: Path | None = None,
                  steps: InboxSteps | None = None) -> RunSummary:
    """The whole run: every file is opened first, so the inbox's criteria document is known before
    any report is understood (each file is extracted once); then the reports are understood
    against the chosen rubric, then the cluster is finished (scores, drafts, run report)."""
    steps = steps or PlainInboxSteps()
    cluster_ = load_cluster(cluster) if cluster else None
    listing = list_inbox(inbox)
    watcher().planned(len(listing.files))
    opened = steps.open([(path, listing.name(path)) for path in listing.files])
    inputs = run_criteria([o.outcome for o in opened], rubric, rules, cluster_)
    outcomes = steps.understand(opened, inputs.rubric, cluster_)
    return steps.finish(outcomes, inputs, year, out_dir, listing.skipped)
