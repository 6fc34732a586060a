"""Rule data for understanding (YAML), validated on load."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator

from pipeline.config.award_names import AwardVocabulary, award_vocabulary
from pipeline.core.configfile import load_model

RULES_DIR = Path(__file__).parent
# The award names live with the configuration (award rules check against them); readers use them too.
__all__ = ["AwardVocabulary", "award_vocabulary"]  # re-exported


class MetricRules(BaseModel):
    model_config = ConfigDict(extra="forbid")
    counted: list[str]
    verbs: list[str]
    stop: list[str]
    measure_heads: list[str]
    targets: list[str]
    headline: list[str]


class OfficerRules(BaseModel):
    model_config = ConfigDict(extra="forbid")
    roles: list[str]
    titles: list[str]

    @model_validator(mode="after")
    def _titles_are_words(self) -> OfficerRules:
        # A title is found after a word boundary, checked on the character before it (scan.py):
        # that is the boundary only for a title that starts with a letter or a digit.
        odd = [t for t in self.titles if not t[:1].isalnum()]
        if odd:
            raise ValueError(f"từ đứng trước họ tên phải bắt đầu bằng chữ hoặc số: {', '.join(odd)}")
        return self


class UnitRules(BaseModel):
    model_config = ConfigDict(extra="forbid")
    abbreviations: dict[str, str]
    common_terms: list[str]
    small_words: list[str]
    kept_abbreviations: list[str]
    institution_starts: list[str]
    parent_starts: list[str]
    motto: list[str]


@cache
def metric_rules() -> MetricRules:
    return load_model(RULES_DIR / "metrics.yaml", MetricRules)


class YearRules(BaseModel):
    """Words around the years a report states for its facts (years.yaml)."""

    model_config = ConfigDict(extra="forbid")
    periods: list[str] = Field(min_length=1)
    comparisons: list[str] = Field(min_length=1)
    compared_with: list[str]
    cohorts: list[str]


@cache
def year_rules() -> YearRules:
    return load_model(RULES_DIR / "years.yaml", YearRules)


@cache
def unit_rules() -> UnitRules:
    return load_model(RULES_DIR / "units.yaml", UnitRules)


@cache
def officer_rules() -> OfficerRules:
    return load_model(RULES_DIR / "officers.yaml", OfficerRules)


class RubricImportRules(BaseModel):
    model_config = ConfigDict(extra="forbid")
    breaks: list[str]
    lead_verbs: list[str]
    generic: list[str]
    late_report: list[str]
    discipline: list[str]
    bonus_sections: list[str]
    deduction_sections: list[str]
    total_rows: list[str]
    note_starts: list[str]
    guidance_openers: list[str]


@cache
def rubric_import_rules() -> RubricImportRules:
    return load_model(RULES_DIR / "rubric_import.yaml", RubricImportRules)


class HeaderVocabulary(BaseModel):
    """Column roles of the tables tdkt reads, each with the header words that name it."""

    model_config = ConfigDict(extra="forbid")
    roles: dict[str, list[str]]


@cache
def header_vocabulary() -> HeaderVocabulary:
    return load_model(RULES_DIR / "table_headers.yaml", HeaderVocabulary)


def header_roles(*names: str) -> list[tuple[str, tuple[str, ...]]]:
    """The roles a table reader looks for, in the order it gives them priority (a column takes
    the first role whose words its header has)."""
    roles = header_vocabulary().roles
    return [(name, tuple(roles[name])) for name in names]


class TieStepWords(BaseModel):
    model_config = ConfigDict(extra="forbid")
    fewer_deductions: list[str] = Field(min_length=1)
    women: list[str] = Field(min_length=1)
    vote: list[str] = Field(min_length=1)


class PrincipleRules(BaseModel):
    """Words of the nomination principles a criteria document states (principles.yaml)."""

    model_config = ConfigDict(extra="forbid")
    abbreviations: dict[str, str]
    section_heads: list[str]
    principle_words: list[str]
    ignore_starts: list[str]
    ordinals: dict[str, int]
    counts: dict[str, int]
    lead: list[str]
    rest: list[str]
    at_least: list[str]
    scale_nouns: list[str]
    standard_only: list[str]
    with_bonus: list[str]
    measured_standard: list[str]
    measured_total: list[str]
    code_nouns: list[str]
    discipline: list[str]
    deduction: list[str]
    negations: list[str]
    exclusion_verbs: list[str]
    general_scope: list[str]
    continuation: list[str]
    tie_triggers: list[str]
    tie_steps: TieStepWords
    prefer: list[str]
    assessed: list[str]
    filler: list[str]


@cache
def principle_rules() -> PrincipleRules:
    return load_model(RULES_DIR / "principles.yaml", PrincipleRules)


class DocumentKind(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    codes: list[str]
    titles: list[str]
    subjects: list[str] = Field(default_factory=list)


class DocumentKinds(BaseModel):
    model_config = ConfigDict(extra="forbid")
    scored: list[str]
    covers: list[str]
    kinds: dict[str, DocumentKind]
    other_name: str
    motto: str

    @model_validator(mode="after")
    def _known_kinds(self) -> DocumentKinds:
        unknown = [k for k in (*self.scored, *self.covers) if k not in self.kinds]
        if unknown:
            raise ValueError(f"loại văn bản không có trong kinds: {', '.join(unknown)}")
        return self


@cache
def document_kinds() -> DocumentKinds:
    return load_model(RULES_DIR / "document_kinds.yaml", DocumentKinds)


class VersionWords(BaseModel):
    """How a document says it replaces an earlier one (rules/versions.yaml)."""

    model_config = ConfigDict(extra="forbid")
    replaces: list[str] = Field(min_length=1)
    revised: list[str] = Field(min_length=1)


@cache
def version_words() -> VersionWords:
    return load_model(RULES_DIR / "versions.yaml", VersionWords)


class EvidenceWords(BaseModel):
    """Which passages are evidence, and what makes one state a fact (rules/evidence.yaml)."""

    model_config = ConfigDict(extra="forbid")
    situation_headings: list[str] = Field(min_length=1)
    description: list[str] = Field(min_length=1)
    difficulty: list[str] = Field(min_length=1)
    not_difficulty: list[str]
    despite: list[str]
    framing: list[str] = Field(min_length=1)
    openings: list[str]
    targets: list[str] = Field(min_length=1)
    achievements: list[str] = Field(min_length=1)
    activities: list[str]
    statement_markers: list[str] = Field(min_length=1)
    heading_words: int = Field(ge=1)
    long_words: int = Field(ge=1)
    topic_share: float = Field(gt=0, le=1)


@cache
def evidence_words() -> EvidenceWords:
    return load_model(RULES_DIR / "evidence.yaml", EvidenceWords)
