"""Results as data: what happened to each inbox file, and what a cluster run produced."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, Field

from pipeline.config.award_rules import AwardRules
from pipeline.config.cluster import Cluster
from pipeline.config.rubric import Rubric
from pipeline.core.errors import RejectReason
from pipeline.core.textnorm import format_number as fmt
from pipeline.criteria.importer import ImportedCriteria
from pipeline.nomination.nominate import NominationResult
from pipeline.scoring.score import ScoreBoard
from pipeline.understanding.facts import ReportFacts


class Rejection(BaseModel):
    """A file set aside, and why, in words an officer understands."""

    file: str
    reason: RejectReason
    message: str
    sha256: str | None = None
    replaced_by: str | None = Field(default=None, description="For a superseded report: the newer one's sha256")


class CriteriaDocument(ImportedCriteria):
    """A cluster's criteria document (bảng tiêu chí) found among the reports, as imported: read
    once per content, kept by the ledger, used for the cluster unless an officer's file wins."""

    file: str
    sha256: str
    arrived: float | None = Field(default=None, description="Modification time of the inbox file")
    doc_date: dt.date | None = Field(default=None, description="The date written in the document")
    importer: int = Field(default=0, description="IMPORTER_VERSION it was imported with (0: before versions)")

    def describe(self) -> str:
        """'thang điểm 1.000, 5 nhóm, 13 tiêu chí' (and whether the import was clean)."""
        leaves = sum(1 for _ in self.rubric.leaves())
        text = f"thang điểm {fmt(self.rubric.scale)}, {len(self.rubric.groups)} nhóm, {leaves} tiêu chí"
        return text if self.clean else text + f"; nhập chưa khớp hoàn toàn: {_import_gaps(self)}"


class FileOutcome(BaseModel):
    file: str
    arrived: float | None = Field(default=None, description="Modification time of the inbox file")
    sha256: str | None = None
    facts: ReportFacts | None = None
    criteria: CriteriaDocument | None = Field(default=None, description="Set when the file is a criteria document")
    rejection: Rejection | None = None


class Origin(StrEnum):
    """Where a cluster's rubric or award rules came from, strongest first."""

    OFFICER = "officer"  # a file an officer wrote for this cluster (rubric.yaml, rules.yaml, --rubric, --rules)
    DOCUMENT = "document"  # the criteria document found in the inbox
    SHARED = "shared"  # the workspace's own file, for a cluster folder that has none
    DEFAULT = "default"  # tdkt's defaults (templates/)


class CriteriaChoice(BaseModel):
    """What a run scored with, and why: the run report's "Bảng tiêu chí" part."""

    rubric_origin: Origin
    rubric_file: str | None = Field(default=None, description="The YAML used, unless the document's rubric was")
    rules_origin: Origin
    rules_file: str | None = Field(default=None, description="The YAML used, unless the document's rules were")
    document: CriteriaDocument | None = Field(
        default=None, description="The newest criteria document that could be imported (used or not)")
    exported: list[str] = Field(default_factory=list, description="Where its YAML was written for review")
    adopt: str = Field(default="", description="How an officer adopts the exported YAML (depends on the mode)")
    unreadable: list[str] = Field(default_factory=list, description="Criteria documents that could not be imported")
    notes: list[str] = Field(default_factory=list, description="Anything else the officer must know")

    def review_notes(self) -> list[str]:
        """What reviewers must know before taking the scores (or the proposals) as settled."""
        doc, notes = self.document, []
        if doc is not None and self.rubric_origin is Origin.DOCUMENT and not doc.clean:
            notes.append(f"Điểm được chấm theo bảng tiêu chí nhập tự động từ tệp {doc.file}, nhưng bảng nhập chưa khớp "
                         f"hoàn toàn với văn bản ({_import_gaps(doc)}): cần đối chiếu với bảng tiêu chí đã ký trước "
                         "khi dùng điểm")
        if doc is not None and self.rules_origin is Origin.DOCUMENT and not doc.principles.complete:
            notes.append(f"Đề xuất khen thưởng theo nguyên tắc đọc tự động từ tệp {doc.file}, nhưng có "
                         f"{len(doc.principles.not_understood)} câu nguyên tắc tdkt chưa hiểu: cần đối chiếu với văn "
                         "bản trước khi dùng đề xuất")
        return notes


def _import_gaps(doc: CriteriaDocument) -> str:
    gaps = []
    if doc.unplaced:
        gaps.append(f"{len(doc.unplaced)} dòng không xếp được vào bảng")
    if doc.problems:
        gaps.append(f"{len(doc.problems)} chỗ điểm không khớp")
    return ", ".join(gaps)


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
    review_notes: list[str] = Field(default_factory=list,
                                    description="Cluster-level notes reviewers must see (an unsettled rubric)")


class RunSummary(BaseModel):
    """What one run did: the cluster result (if any unit could be scored), files set aside, outputs."""

    year: int | None
    result: ClusterResult | None = None
    read: list[FileOutcome] = Field(default_factory=list)
    rejected: list[Rejection] = Field(default_factory=list)
    criteria: CriteriaChoice | None = Field(default=None, description="Where the rubric and rules came from")
    drafts: list[str] = Field(default_factory=list)
    report: str | None = Field(default=None, description="Path of the plain-text run report")
    problem: str | None = Field(default=None, description="Why no draft could be written, if none was")


class YearHeadline(BaseModel):
    """What a run says of a year: where the criteria came from, the ranking and proposals, the
    drafts (by name, beside the result). Kept in the ledger with the cluster's drafting state, so
    that a run with nothing new says it without reading the year's whole result back: that is
    ~1 MB of JSON for eight units, ~50 ms a year, most of such a run."""

    year: int
    criteria: CriteriaChoice | None = None
    nominations: NominationResult | None = Field(default=None, description="None when no unit could be scored")
    problem: str | None = None
    drafts: list[str] = Field(default_factory=list, description="The drafts' paths (the ledger keeps names)")
    report: str | None = None
    result_bytes: int = Field(default=0, description="Size of the result written beside the drafts")

    @classmethod
    def of(cls, year: int, summary: RunSummary, result_bytes: int = 0) -> YearHeadline:
        return cls(year=year, criteria=summary.criteria,
                   nominations=summary.result.nominations if summary.result else None, problem=summary.problem,
                   drafts=list(summary.drafts), report=summary.report,
                   result_bytes=result_bytes)
