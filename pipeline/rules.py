"""Award rules (quy tắc đề xuất khen thưởng) and leadership rotation, loaded from YAML."""

from __future__ import annotations

import re
from enum import StrEnum
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator

from pipeline.configfile import Loc, load_model


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
    model_config = ConfigDict(extra="forbid")

    from_year: int | None = None
    to_year: int | None = None
    lines: list[str] = Field(min_length=1)


class AwardRules(BaseModel):
    model_config = ConfigDict(extra="forbid")

    awards: list[AwardRule] = Field(min_length=1, description="In priority order, highest first")
    one_award_per_unit: bool = True
    leadership: Leadership = Field(default_factory=Leadership)
    legal_bases: list[LegalBasis] = Field(default_factory=list)

    def legal_basis_for(self, year: int) -> list[str]:
        for basis in self.legal_bases:
            if (basis.from_year or year) <= year <= (basis.to_year or year):
                return basis.lines
        return []


def _check(rules: AwardRules) -> list[tuple[Loc, str]]:
    issues: list[tuple[Loc, str]] = []
    ids = [a.id for a in rules.awards]
    for i, award_id in enumerate(ids):
        if ids.index(award_id) != i:
            issues.append((("awards", i, "id"), f"mã hình thức khen thưởng '{award_id}' bị trùng"))
    return issues


def load_rules(path: Path) -> AwardRules:
    return load_model(path, AwardRules, _check)
