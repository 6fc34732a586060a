"""The cluster's criteria and scoring scale (bảng tiêu chí, thang điểm), loaded from YAML."""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from pipeline.core.configfile import Loc, load_model
from pipeline.core.textnorm import format_number

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
    """A criterion, a sub-criterion or a bonus/deduction item, as the cluster's table writes it.

    ``kind`` says what its points are: standard points (the base the score line is measured
    against), bonus points or deduction points. Left out, a criterion has the kind of what holds
    it; a bonus or deduction item may sit inside a standard criterion ("+1", "-0,25/01 trường
    hợp" under "a1"). ``max`` is the criterion's points as the table writes them: the standard
    points, or the amount of a bonus/deduction item — per occurrence when ``per`` names what is
    counted ("trường hợp", "báo cáo", "lần"). A criterion with sub-criteria of its own kind holds
    them: its standard points are theirs; for bonus/deduction, its points cap their sum. Caps
    the document writes as notes or in titles ("Tổng điểm trừ của mục a1 không quá 1,5 điểm",
    "Điểm cộng tối đa là 1 điểm") are ``bonus_cap``/``deduction_cap``: the highest bonus or
    deduction that everything inside the criterion can add up to.
    """

    model_config = ConfigDict(extra="forbid")

    code: str = Field(description="The code exactly as the cluster's table writes it")
    title: str
    guidance: str = Field(default="", description="How the table says to score it, as written")
    kind: GroupKind | None = Field(default=None, description="Empty: the kind of the criterion or group above")
    max: float | None = Field(default=None, ge=0, description="Points; empty for a holder with no points of its own")
    per: str | None = Field(default=None, description="What one amount is counted per, e.g. 'trường hợp'")
    bonus_cap: float | None = Field(default=None, ge=0)
    deduction_cap: float | None = Field(default=None, ge=0)
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

    @property
    def points(self) -> float:
        """``max`` with an empty value read as 0 (for sums and display)."""
        return self.max or 0.0

    def points_text(self) -> str:
        """Its points as a criteria table writes them: '10', '+0,5', '-0,25/trường hợp', 'tối đa 3'."""
        return written_points(self.kind or GroupKind.STANDARD, self.max, self.per, self.holds_own_kind())

    def same_kind_children(self) -> list[Criterion]:
        return [c for c in self.criteria if c.kind is self.kind]

    def holds_own_kind(self) -> bool:
        """Whether its points are its sub-criteria's (a row that sums them), not scored itself."""
        return bool(self.same_kind_children())

    def leaves(self) -> Iterator[Criterion]:
        """What a unit scores: itself unless it holds sub-criteria of its own kind, then every
        item inside (a bonus item inside a standard criterion is scored as well as the criterion)."""
        if not self.holds_own_kind():
            yield self
        for child in self.criteria:
            yield from child.leaves()

    def walk(self) -> Iterator[Criterion]:
        yield self
        for child in self.criteria:
            yield from child.walk()


class Group(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code: str
    title: str
    guidance: str = ""
    kind: GroupKind = GroupKind.STANDARD
    max: float | None = Field(
        default=None, ge=0,
        description="Standard points (empty: the sum of its criteria); for bonus/deduction, the cap of the "
        "group (empty: no cap)")
    bonus_cap: float | None = Field(default=None, ge=0)
    deduction_cap: float | None = Field(default=None, ge=0)
    criteria: list[Criterion] = Field(min_length=1)

    @property
    def points(self) -> float:
        return self.max or 0.0

    def points_text(self) -> str:
        return written_points(self.kind, self.max, None, True)

    def leaves(self) -> Iterator[Criterion]:
        for criterion in self.criteria:
            yield from criterion.leaves()

    def walk(self) -> Iterator[Criterion]:
        for criterion in self.criteria:
            yield from criterion.walk()


class Rubric(BaseModel):
    """The criteria and the total formula: total = standard points + bonus (capped by every cap
    on the way up, then ``bonus_cap``) − deductions (likewise, ``deduction_cap``). The score line
    for awards is measured against ``scale``, the standard points only (rules.yaml says whether a
    unit's total or its standard points are compared with it)."""

    model_config = ConfigDict(extra="forbid")

    name: str
    scale: float = Field(default=100, gt=0, description="Sum of the standard groups' points")
    step: float = Field(default=0.5, gt=0, description="Points computed by a rule are rounded down to this")
    bonus_cap: float | None = Field(default=None, ge=0, description="Highest bonus in all")
    deduction_cap: float | None = Field(default=None, ge=0, description="Highest deduction in all")
    groups: list[Group] = Field(min_length=1)

    @model_validator(mode="after")
    def _resolve(self) -> Rubric:
        """Give every criterion its kind (inherited when left out) and standard holders their sums."""
        def resolve(criterion: Criterion, inherited: GroupKind) -> None:
            criterion.kind = criterion.kind or inherited
            for child in criterion.criteria:
                resolve(child, criterion.kind)
            if criterion.max is None and criterion.kind is GroupKind.STANDARD and criterion.holds_own_kind():
                criterion.max = sum(c.points for c in criterion.same_kind_children())

        for group in self.groups:
            for criterion in group.criteria:
                resolve(criterion, group.kind)
            if group.max is None and group.kind is GroupKind.STANDARD:
                group.max = sum(c.points for c in group.criteria if c.kind is GroupKind.STANDARD)
        return self

    def leaves(self) -> Iterator[tuple[Group, Criterion]]:
        for group in self.groups:
            for leaf in group.leaves():
                yield group, leaf

    def walk(self) -> Iterator[tuple[Group, Criterion]]:
        """Every criterion at every level, in table order."""
        for group in self.groups:
            for criterion in group.walk():
                yield group, criterion

    def groups_of(self, kind: GroupKind) -> list[Group]:
        return [g for g in self.groups if g.kind is kind]

    def criterion(self, code: str) -> Criterion:
        return next(c for _, c in self.walk() if c.code == code)

    def has_nested_items(self) -> bool:
        """Bonus or deduction items inside criteria of another kind (a table 'Chuẩn | Thưởng | Trừ')."""
        return any(c.kind is not g.kind for g, c in self.walk())


def written_points(kind: GroupKind, points: float | None, per: str | None, holder: bool) -> str:
    """Points written the way criteria tables write them (and drafts repeat them)."""
    if points is None:
        return ""
    amount = format_number(points) + (f"/{per}" if per else "")
    if kind is GroupKind.STANDARD:
        return amount
    if holder:
        return f"tối đa {amount}"
    return ("+" if kind is GroupKind.BONUS else "-") + amount


def _check_children(node: Criterion | Group, loc: Loc, issues: list[tuple[Loc, str]]) -> None:
    """Standard points of a holder are its standard sub-criteria's, at every level."""
    for i, child in enumerate(node.criteria):
        if child.criteria:
            _check_children(child, [*loc, "criteria", i], issues)
    standard = [c for c in node.criteria if c.kind is GroupKind.STANDARD]
    if node.kind is not GroupKind.STANDARD or not standard or node.max is None:
        return
    total = sum(c.points for c in standard)
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
            issues += _check_rules(crit, loc)
        _check_children(group, ("groups", gi), issues)
        if group.kind is not GroupKind.STANDARD and group.max is not None:
            for ci, crit in enumerate(group.criteria):
                if crit.per is None and crit.kind is group.kind and crit.points > group.max + _EPS:
                    issues.append(
                        (("groups", gi, "criteria", ci, "max"),
                         f"'{crit.code}' có mức {crit.points:g} vượt mức tối đa {group.max:g} của nhóm")
                    )
    standard = sum(g.points for g in rubric.groups_of(GroupKind.STANDARD))
    if abs(standard - rubric.scale) > _EPS:
        issues.append((("scale",), f"tổng điểm chuẩn các nhóm là {standard:g}, khác thang điểm {rubric.scale:g}"))
    return issues


def _check_rules(crit: Criterion, loc: Loc) -> list[tuple[Loc, str]]:
    issues: list[tuple[Loc, str]] = []
    if sum(bool(x) for x in (crit.metric, crit.awards, crit.deduction)) > 1:
        issues.append((loc, f"'{crit.code}' chỉ được có một quy tắc chấm (metric, awards hoặc deduction)"))
    if crit.deduction and crit.kind is not GroupKind.DEDUCTION:
        issues.append(((*loc, "deduction"), f"'{crit.code}' có quy tắc trừ điểm nhưng không phải mục điểm trừ"))
    if crit.metric and crit.metric.full_at <= crit.metric.zero_below:
        issues.append(((*loc, "metric"), f"'{crit.code}': full_at phải lớn hơn zero_below"))
    if crit.per is not None and crit.criteria:
        issues.append(((*loc, "per"), f"'{crit.code}' tính điểm theo từng {crit.per} nên không có tiêu chí con"))
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
