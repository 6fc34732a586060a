"""The cluster's criteria and scoring scale (bảng tiêu chí, thang điểm), loaded from YAML."""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from pipeline.configfile import Loc, load_model

_EPS = 1e-6


class GroupKind(StrEnum):
    STANDARD = "standard"
    BONUS = "bonus"
    DEDUCTION = "deduction"


class MetricRule(BaseModel):
    """Points from a figure the report gives: full at ``full_at``, none under ``zero_below``,
    in proportion between (e.g. employment rate ≥ 80% → full points, 0 under 50%)."""

    model_config = ConfigDict(extra="forbid")

    measure: list[str] = Field(min_length=1, description="Words the figure's description must contain (any)")
    unit: str = "%"
    full_at: float
    zero_below: float = 0.0


class AwardPoints(BaseModel):
    """Points for awards the unit received in the year (e.g. +1 for each Bằng khen of a ministry)."""

    model_config = ConfigDict(extra="forbid")

    match: str = Field(description="Start of the award's name, e.g. 'Bằng khen của Bộ trưởng'")
    recipient: Literal["tập thể", "cá nhân"] | None = None
    points: float = Field(gt=0)
    per: Literal["each", "once"] = "each"


class DeductionKind(StrEnum):
    LATE_REPORT = "late_report"
    DISCIPLINE = "discipline"
    PHRASES = "phrases"


class DeductionRule(BaseModel):
    """A deduction tdkt finds itself: a report dated after the cluster's deadline, or the report
    saying that someone was disciplined (negated mentions — "không có … bị kỷ luật" — do not count)."""

    model_config = ConfigDict(extra="forbid")

    when: DeductionKind
    points: float = Field(gt=0)
    phrases: list[str] = Field(default_factory=list)


class Criterion(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code: str
    title: str
    max: float = Field(ge=0)
    evidence: list[str] = Field(default_factory=list, description="Phrases that count as evidence")
    discipline: bool = Field(default=False, description="Deduction caused by discipline")
    metric: MetricRule | None = None
    awards: list[AwardPoints] = Field(default_factory=list)
    deduction: DeductionRule | None = None
    criteria: list[Criterion] = Field(default_factory=list, description="Sub-criteria, if any")

    @property
    def rule(self) -> str:
        """Which kind of rule scores this criterion: metric, awards, deduction, or evidence."""
        if self.metric:
            return "metric"
        if self.awards:
            return "awards"
        if self.deduction:
            return "deduction"
        return "evidence"

    def leaves(self) -> Iterator[Criterion]:
        if not self.criteria:
            yield self
        for child in self.criteria:
            yield from child.leaves()


class Group(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code: str
    title: str
    kind: GroupKind = GroupKind.STANDARD
    max: float = Field(ge=0, description="Standard points; for bonus/deduction, the cap of the group")
    criteria: list[Criterion] = Field(min_length=1)

    def leaves(self) -> Iterator[Criterion]:
        for criterion in self.criteria:
            yield from criterion.leaves()


class Rubric(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    scale: float = Field(default=100, gt=0, description="Sum of the standard groups' points")
    step: float = Field(default=0.5, gt=0, description="Points computed by a rule are rounded down to this")
    groups: list[Group] = Field(min_length=1)

    def leaves(self) -> Iterator[tuple[Group, Criterion]]:
        for group in self.groups:
            for leaf in group.leaves():
                yield group, leaf

    def groups_of(self, kind: GroupKind) -> list[Group]:
        return [g for g in self.groups if g.kind is kind]

    def criterion(self, code: str) -> Criterion:
        return next(c for _, c in self.leaves() if c.code == code)


def _check_children(node: Criterion | Group, loc: Loc, issues: list[tuple[Loc, str]]) -> None:
    children = node.criteria
    for i, child in enumerate(children):
        if child.criteria:
            _check_children(child, [*loc, "criteria", i], issues)
    if isinstance(node, Criterion) and not children:
        return
    total = sum(c.max for c in children)
    if abs(total - node.max) > _EPS:
        issues.append(
            (loc, f"tổng điểm chuẩn các tiêu chí con của '{node.code}' là {total:g}, "
                  f"khác điểm chuẩn {node.max:g} của '{node.code}'")
        )


def _check(rubric: Rubric) -> list[tuple[Loc, str]]:
    issues: list[tuple[Loc, str]] = []
    seen: set[str] = set()
    for gi, group in enumerate(rubric.groups):
        codes = [(("groups", gi, "code"), group.code)]
        codes += [((*loc, "code"), c.code) for loc, c in _all_criteria(group.criteria, ("groups", gi))]
        for loc, code in codes:
            if code in seen:
                issues.append((loc, f"mã tiêu chí '{code}' bị trùng"))
            seen.add(code)
        for loc, crit in _all_criteria(group.criteria, ("groups", gi)):
            issues += _check_rules(crit, group, loc)
        if group.kind is GroupKind.STANDARD:
            _check_children(group, ("groups", gi), issues)
        else:
            for ci, crit in enumerate(group.criteria):
                if crit.max > group.max + _EPS:
                    issues.append(
                        (("groups", gi, "criteria", ci, "max"),
                         f"'{crit.code}' có mức {crit.max:g} vượt mức tối đa {group.max:g} của nhóm")
                    )
    standard = sum(g.max for g in rubric.groups_of(GroupKind.STANDARD))
    if abs(standard - rubric.scale) > _EPS:
        issues.append((("scale",), f"tổng điểm chuẩn các nhóm là {standard:g}, khác thang điểm {rubric.scale:g}"))
    return issues


def _check_rules(crit: Criterion, group: Group, loc: Loc) -> list[tuple[Loc, str]]:
    issues: list[tuple[Loc, str]] = []
    if sum(bool(x) for x in (crit.metric, crit.awards, crit.deduction)) > 1:
        issues.append((loc, f"'{crit.code}' chỉ được có một quy tắc chấm (metric, awards hoặc deduction)"))
    if crit.deduction and group.kind is not GroupKind.DEDUCTION:
        issues.append(((*loc, "deduction"), f"'{crit.code}' có quy tắc trừ điểm nhưng không thuộc nhóm điểm trừ"))
    if crit.metric and crit.metric.full_at <= crit.metric.zero_below:
        issues.append(((*loc, "metric"), f"'{crit.code}': full_at phải lớn hơn zero_below"))
    return issues


def _all_criteria(criteria: list[Criterion], loc: Loc) -> Iterator[tuple[Loc, Criterion]]:
    for i, c in enumerate(criteria):
        here = (*loc, "criteria", i)
        yield here, c
        yield from _all_criteria(c.criteria, here)


def check_rubric(rubric: Rubric) -> list[tuple[Loc, str]]:
    """What the schema cannot say: unique codes, sums of points, one rule per criterion."""
    return _check(rubric)


def load_rubric(path: Path) -> Rubric:
    return load_model(path, Rubric, _check)
