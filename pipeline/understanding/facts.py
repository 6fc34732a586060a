"""What tdkt understood from one unit report. Every fact carries its provenance."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, Field

from pipeline.core.model import Provenance


class Quote(BaseModel):
    """A passage of the source, as written, and where to find it."""

    text: str
    provenance: Provenance


class UnitFact(BaseModel):
    member_id: str | None = Field(description="Id in the cluster file; None when no cluster file is used")
    name: str = Field(description="The member's official name, or the name as written")
    as_written: str
    parents: list[str] = Field(default_factory=list, description="Parent bodies the header names above "
                               "the unit, the highest first, as written")
    provenance: Provenance


class RowKind(StrEnum):
    GROUP = "group"
    SUBTOTAL = "subtotal"  # a criterion with sub-criteria (rubrics nested three deep): its row sums them
    CRITERION = "criterion"
    TOTAL = "total"


class SelfScoreRow(BaseModel):
    kind: RowKind
    code: str | None = Field(description="Rubric code the row was matched to (None if unmatched)")
    code_as_written: str
    label: str
    max_points: float | None
    self_score: float | None = Field(description="As written; deductions are stored as positive amounts")
    self_score_as_written: str
    note: str = ""
    match: str = Field(default="", description="How the row was matched to the rubric: code, label")
    alternatives: list[str] = Field(default_factory=list, description="Other readings OCR made of the score cell")
    provenance: Provenance


class SelfScoreTable(BaseModel):
    rows: list[SelfScoreRow]
    claimed_total: float | None
    claimed_total_where: Provenance | None = Field(
        default=None, description="The sentence under the table that states the total, when no row does")
    unmatched: list[str] = Field(default_factory=list, description="Labels of rows matched to no criterion")
    problems: list[str] = Field(default_factory=list, description="What does not add up or cannot be read, "
                                "by row")
    notes: list[str] = Field(default_factory=list, description="How readings were settled, for reviewers")
    provenance: Provenance

    def criterion_rows(self) -> dict[str, SelfScoreRow]:
        return {r.code: r for r in self.rows if r.kind is RowKind.CRITERION and r.code}


class Recipient(StrEnum):
    COLLECTIVE = "tập thể"
    INDIVIDUAL = "cá nhân"


class AwardFact(BaseModel):
    award: str = Field(description="Canonical award name, e.g. 'Bằng khen của Bộ trưởng Bộ Y tế'")
    as_written: str
    kind: str = Field(description="'danh hiệu' (title) or 'hình thức' (form)")
    level: str = Field(description="Nhà nước, Chính phủ, Bộ, Thành phố, Sở, Cơ sở")
    recipient: Recipient
    count: int
    year: int | None = Field(default=None, description="The year the text states for it (the last year of a "
                             "period such as 'năm học 2022 - 2023'); None: the text states none (the report's year)")
    first_year: int | None = Field(default=None, description="The first year of a stated period, else None")
    quote: Quote


class MetricFact(BaseModel):
    measure: str = Field(description="What is measured, e.g. 'tỷ lệ sinh viên có việc làm'")
    value: float
    unit: str = Field(description="'%' or the counted noun, e.g. 'đề tài'")
    target: float | None = Field(default=None, description="For 'x/y' figures: the y")
    year: int | None = Field(default=None, description="The year the text states for it (the last year of a "
                             "period such as 'năm học 2022 - 2023'); None: the text states none (the report's year)")
    first_year: int | None = Field(default=None, description="The first year of a stated period, else None")
    quote: Quote


class EvidencePassage(BaseModel):
    criterion: str
    phrases: list[str]
    quote: Quote


class OfficerFact(BaseModel):
    """A person the report names as doing the emulation and commendation work."""

    name: str
    position: str
    quote: Quote


class SectionKind(StrEnum):
    STRENGTHS = "ưu điểm"
    LIMITATIONS = "hạn chế"
    CAUSES = "nguyên nhân"
    DIRECTIONS = "phương hướng"
    PROPOSALS = "đề xuất, kiến nghị"


class KindFact(BaseModel):
    """What kind of document the file is (rules/document_kinds.yaml), and what said so."""

    kind: str = "report"
    name: str = "báo cáo"
    evidence: str = ""
    scored: bool = True


class ReportFacts(BaseModel):
    file: str
    sha256: str
    unit: UnitFact | None
    year: int | None
    year_source: Quote | None = None
    doc_number: str | None = None
    doc_date: dt.date | None = None
    place: str | None = Field(default=None, description="The place of the place-date line")
    title: str | None = None
    replaces: str | None = Field(default=None, description="The number of the document this one says it "
                                 "replaces (\"thay thế Báo cáo số …\")")
    revision: Quote | None = Field(default=None, description="The words saying this is a revised version")
    kind: KindFact = Field(default_factory=KindFact)
    self_scores: SelfScoreTable | None = None
    awards: list[AwardFact] = Field(default_factory=list, description="Received in the report's year")
    metrics: list[MetricFact] = Field(default_factory=list, description="Figures of the report's year")
    past_awards: list[AwardFact] = Field(default_factory=list, description="Of earlier years, as the report "
                                         "recalls them (history: not counted, not quoted as this year's)")
    past_metrics: list[MetricFact] = Field(default_factory=list, description="Figures of earlier years (history)")
    evidence: dict[str, list[EvidencePassage]] = Field(default_factory=dict)
    officers: list[OfficerFact] = Field(default_factory=list)
    sections: dict[SectionKind, list[Quote]] = Field(default_factory=dict)
    narrative_words: int = Field(default=0, description="Words of narrative outside the header and tables")
    merged_from: list[str] = Field(default_factory=list, description="Other files joined into this record")
    merged_sha256: list[str] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list, description="Things a reviewer should know")

    @property
    def table_only(self) -> bool:
        """A self-scoring table sent as a document of its own (little narrative around it)."""
        return self.self_scores is not None and self.narrative_words < 80
