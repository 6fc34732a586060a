"""The cluster file: who the members are, what they are called, who leads this year."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from pipeline.core.configfile import Loc, load_model


class Member(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="Short stable id used in rotation and in output file names")
    name: str = Field(description="Full official name, e.g. 'Trường Cao đẳng Y tế Thủ đô'")
    aliases: list[str] = Field(default_factory=list, description="Usual abbreviations and variants")
    head_title: str = "Thủ trưởng đơn vị"
    head_name: str | None = None
    under_investigation: bool = Field(default=False, description="Under discipline review, investigation or inspection")
    women_share: float | None = Field(default=None, ge=0, le=1, description="Share of women among the staff")


class Cluster(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(description="e.g. 'Cụm thi đua số 18'")
    symbol: str = Field(default="CTĐ", description="Suffix of document numbers, e.g. 'CTĐ18'")
    parent_body: str | None = Field(default=None, description="e.g. 'UBND THÀNH PHỐ HÀ NỘI'; when not "
                                    "given, the parent body most units' reports name (pipeline/drafts/letterhead.py)")
    place: str | None = Field(default=None, description="The place of the drafts' place-date line, e.g. 'Hà "
                              "Nội'; when not given, the place most units' reports write")
    year: int | None = None
    issue_date: dt.date | None = None
    report_deadline: dt.date | None = Field(default=None, description="Reports dated later are late")
    members: list[Member] = Field(default_factory=list)
    leader: str | None = None
    deputy: str | None = None
    rotation: list[str] = Field(default_factory=list)
    recipients: list[str] = Field(default_factory=list)
    addressee: str | None = Field(
        default=None, description="Whom the proposal letter (Tờ trình) goes to; default: the council of "
        "the parent body, e.g. 'Hội đồng Thi đua - Khen thưởng Thành phố Hà Nội'"
    )

    def member(self, member_id: str) -> Member:
        return next(m for m in self.members if m.id == member_id)

    def member_or_none(self, member_id: str | None) -> Member | None:
        return next((m for m in self.members if m.id == member_id), None)


def _check(cluster: Cluster) -> list[tuple[Loc, str]]:
    issues: list[tuple[Loc, str]] = []
    ids = [m.id for m in cluster.members]
    for i, member_id in enumerate(ids):
        if ids.index(member_id) != i:
            issues.append((("members", i, "id"), f"mã đơn vị '{member_id}' bị trùng"))
    for key in ("leader", "deputy"):
        value = getattr(cluster, key)
        if value is not None and value not in ids:
            issues.append(((key,), f"'{value}' không phải mã của đơn vị thành viên nào"))
    for i, member_id in enumerate(cluster.rotation):
        if member_id not in ids:
            issues.append((("rotation", i), f"'{member_id}' không phải mã của đơn vị thành viên nào"))
    return issues


def load_cluster(path: Path) -> Cluster:
    return load_model(path, Cluster, _check)
