"""The cluster's criteria and scoring scale (bảng tiêu chí, thang điểm), loaded from YAML."""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from pipeline.configfile import Loc, load_model

_EPS = 1e-6


class GroupKind(StrEnum):
    STANDARD = "standard"
    BONUS = "bonus"
    DEDUCTION = "deduction"


class Criterion(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code: str
    title: str
    max: float = Field(ge=0)
    evidence: list[str] = Field(default_factory=list, description="Phrases that count as evidence")
    discipline: bool = Field(default=False, description="Deduction caused by discipline")
    criteria: list[Criterion] = Field(default_factory=list, description="Sub-criteria, if any")

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


def _all_criteria(criteria: list[Criterion], loc: Loc) -> Iterator[tuple[Loc, Criterion]]:
    for i, c in enumerate(criteria):
        here = (*loc, "criteria", i)
        yield here, c
        yield from _all_criteria(c.criteria, here)


def load_rubric(path: Path) -> Rubric:
    return load_model(path, Rubric, _check)
