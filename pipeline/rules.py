"""Award rules (quy tắc đề xuất khen thưởng) and leadership rotation, loaded from YAML."""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator

from pipeline.cluster import Cluster
from pipeline.configfile import Loc, load_model
from pipeline.textnorm import fold


class AwardKind(StrEnum):
    """A title is proposed as 'danh hiệu X'; a form is proposed as plain 'X'."""

    TITLE = "danh_hieu"
    FORM = "hinh_thuc"


class Rounding(StrEnum):
    FLOOR = "floor"
    CEIL = "ceil"
    NEAREST = "nearest"


class AwardRule(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    name: str = Field(description="Exact award name, e.g. 'Cờ thi đua của Chính phủ'")
    kind: AwardKind
    quota: int | str | None = Field(
        default=None, description="A count ('1'), a share of the units ('20%'), or empty for no limit"
    )
    rounding: Rounding = Rounding.FLOOR
    min_standard_share: float = Field(
        default=0.0, ge=0, le=1, description="Minimum accepted standard points as a share of the scale"
    )
    exclude_discipline: bool = True
    exclude_investigation: bool = Field(
        default=True, description="No award while the unit is under investigation or inspection (cluster file)"
    )
    requires: list[str] = Field(
        default_factory=list,
        description="Ids of awards whose conditions the unit must also meet, e.g. the Government flag "
        "only for a unit that qualifies for the city flag",
    )
    vote_share: float | None = Field(
        default=None, gt=0, le=1,
        description="Share of all cluster members that must vote for it (0.8 for flags, Decree 98/2023); "
        "empty: more than half",
    )

    @field_validator("quota")
    @classmethod
    def _quota_form(cls, value: int | str | None) -> int | str | None:
        if isinstance(value, str) and not re.fullmatch(r"\d+(?:[.,]\d+)?\s*%", value.strip()):
            raise ValueError("quota phải là số đơn vị (ví dụ 1) hoặc tỷ lệ (ví dụ '20%')")
        if isinstance(value, int) and value < 0:
            raise ValueError("quota không được âm")
        return value

    def quota_for(self, unit_count: int) -> int | None:
        """How many units may receive this award in a cluster of ``unit_count`` ranked units."""
        if self.quota is None:
            return None
        if isinstance(self.quota, int):
            return self.quota
        share = float(self.quota.strip().rstrip("%").replace(",", ".")) / 100 * unit_count
        if self.rounding is Rounding.CEIL:
            return int(-(-share // 1))
        if self.rounding is Rounding.NEAREST:
            return int(share + 0.5)
        return int(share)


class LeaderPolicy(StrEnum):
    ROTATION = "rotation"
    TOP_RANKED = "top_ranked"


class Leadership(BaseModel):
    model_config = ConfigDict(extra="forbid")

    next_leader: LeaderPolicy = Field(
        default=LeaderPolicy.ROTATION,
        description="rotation: the member after this year's leader in the rotation order; "
        "top_ranked: the unit ranked first",
    )


class LegalBasis(BaseModel):
    """Legal bases to cite for drafts issued in a period (by date: Decree 152/2025 replaces
    Decree 98/2023 from 1 July 2025), or for reports of a range of years."""

    model_config = ConfigDict(extra="forbid")

    from_date: dt.date | None = None
    to_date: dt.date | None = None
    from_year: int | None = None
    to_year: int | None = None
    lines: list[str] = Field(min_length=1)

    def applies(self, year: int, issued: dt.date) -> bool:
        if not (self.from_date or dt.date.min) <= issued <= (self.to_date or dt.date.max):
            return False
        return (self.from_year or year) <= year <= (self.to_year or year)


class TiePolicy(StrEnum):
    """At a quota boundary: the cluster votes; or first prefer collectives with ≥70% women
    (Law on Emulation and Commendation 2022), the vote deciding what that leaves open."""

    VOTE = "vote"
    WOMEN_THEN_VOTE = "women_then_vote"


class OfficerAward(BaseModel):
    """The commendation proposed for the people who did the emulation work in each unit."""

    model_config = ConfigDict(extra="forbid")

    name: str
    kind: AwardKind = AwardKind.FORM


class AwardRules(BaseModel):
    model_config = ConfigDict(extra="forbid")

    awards: list[AwardRule] = Field(min_length=1, description="In priority order, highest first")
    one_award_per_unit: bool = True
    ties: TiePolicy = TiePolicy.VOTE
    women_share: float = Field(default=0.7, ge=0, le=1, description="What counts as a women-led collective")
    leadership: Leadership = Field(default_factory=Leadership)
    legal_bases: list[LegalBasis] = Field(default_factory=list)
    officer_award: OfficerAward | None = None

    def award(self, award_id: str) -> AwardRule:
        return next(a for a in self.awards if a.id == award_id)

    def legal_basis_for(self, year: int, issued: dt.date | None = None) -> list[str]:
        """The bases for a report on ``year`` issued on ``issued`` (default: mid-January after)."""
        issued = issued or dt.date(year + 1, 1, 15)
        return next((b.lines for b in self.legal_bases if b.applies(year, issued)), [])


def _check(rules: AwardRules, cluster: Cluster | None = None) -> list[tuple[Loc, str]]:
    issues: list[tuple[Loc, str]] = []
    ids = [a.id for a in rules.awards]
    known_names = known_award_names()
    for i, award in enumerate(rules.awards):
        if ids.index(award.id) != i:
            issues.append((("awards", i, "id"), f"mã hình thức khen thưởng '{award.id}' bị trùng"))
        if fold(award.name) not in known_names:
            issues.append((("awards", i, "name"), f"không biết hình thức, danh hiệu '{award.name}' (kiểm tra tên "
                           "chính xác, ví dụ 'Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố')"))
        for j, required in enumerate(award.requires):
            if required not in ids:
                issues.append((("awards", i, "requires", j), f"'{required}' không phải mã hình thức nào trong tệp"))
        members = len(cluster.members) if cluster else 0
        if members and isinstance(award.quota, int) and award.quota > members:
            issues.append((("awards", i, "quota"), f"số lượng {award.quota} lớn hơn số đơn vị của Cụm ({members})"))
    for i, award in enumerate(rules.awards):
        if _circular(award.id, {a.id: a.requires for a in rules.awards}):
            issues.append((("awards", i, "requires"), f"điều kiện của '{award.id}' vòng lại chính nó"))
    return issues


def _circular(start: str, requires: dict[str, list[str]]) -> bool:
    seen, todo = set(), list(requires.get(start, []))
    while todo:
        current = todo.pop()
        if current == start:
            return True
        if current not in seen:
            seen.add(current)
            todo += requires.get(current, [])
    return False


def known_award_names() -> set[str]:
    """Folded names of every award tdkt's vocabulary knows (understanding/rules/awards.yaml)."""
    from pipeline.understanding.rules import award_vocabulary

    vocab = award_vocabulary()
    names = {fold(n) for a in vocab.fixed for n in [a.name, *a.variants]}
    names |= {fold(f"{h.head} của {i.issuer}") for h in vocab.issued.heads for i in vocab.issued.issuers}
    return names


def load_rules(path: Path, cluster: Cluster | None = None) -> AwardRules:
    """Load and check the rules; with ``cluster``, also what only the cluster can tell (quotas)."""
    return load_model(path, AwardRules, lambda rules: _check(rules, cluster))
