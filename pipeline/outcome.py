"""Results as data: what happened to each inbox file, and what a cluster run produced."""

from __future__ import annotations

from pydantic import BaseModel, Field

from pipeline.cluster import Cluster
from pipeline.errors import RejectReason
from pipeline.nomination import NominationResult
from pipeline.rubric import Rubric
from pipeline.rules import AwardRules
from pipeline.scoring import ScoreBoard
from pipeline.understanding.facts import ReportFacts


class Rejection(BaseModel):
    """A file set aside, and why, in words an officer understands."""

    file: str
    reason: RejectReason
    message: str
    sha256: str | None = None
    replaced_by: str | None = Field(default=None, description="For a superseded report: the newer one's sha256")


class FileOutcome(BaseModel):
    file: str
    arrived: float | None = Field(default=None, description="Modification time of the inbox file")
    sha256: str | None = None
    facts: ReportFacts | None = None
    rejection: Rejection | None = None


class ClusterResult(BaseModel):
    cluster: Cluster
    year: int
    rubric: Rubric
    rules: AwardRules
    reports: dict[str, ReportFacts] = Field(description="Member id → the report used for scoring")
    board: ScoreBoard
    nominations: NominationResult
    rejected: list[Rejection] = Field(default_factory=list)
    missing: list[str] = Field(default_factory=list, description="Members that sent no usable report")


class RunSummary(BaseModel):
    """What one run did: the cluster result (if any unit could be scored), files set aside, outputs."""

    year: int | None
    result: ClusterResult | None = None
    read: list[FileOutcome] = Field(default_factory=list)
    rejected: list[Rejection] = Field(default_factory=list)
    drafts: list[str] = Field(default_factory=list)
    report: str | None = Field(default=None, description="Path of the plain-text run report")
    problem: str | None = Field(default=None, description="Why no draft could be written, if none was")
