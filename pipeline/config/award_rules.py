"""Award rules (quy tắc đề xuất khen thưởng) and leadership rotation, loaded from YAML.

Awards are listed in priority order, each with a quota, and a unit gets at most one: so "the
unit ranked first → the Government flag, the unit ranked second → the city flag, the others
reaching the line → the chairman's Bằng khen" is three awards with quotas 1, 1 and none. Ranks
need no field of their own: the ranks a cluster writes are the running sum of the quotas
(pipeline/criteria/principles.py reads them that way and refuses ranks that leave a gap).
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from pipeline.config.award_names import award_vocabulary
from pipeline.config.cluster import Cluster
from pipeline.config.rubric import GroupKind, Rubric
from pipeline.core.configfile import Loc, load_model
from pipeline.core.textnorm import fold
from pipeline.core.textnorm import format_number as fmt


class AwardKind(StrEnum):
    """A title is proposed as 'danh hiệu X'; a form is proposed as plain 'X'."""

    TITLE = "danh_hieu"
    FORM = "hinh_thuc"


class DecidedBy(StrEnum):
    """Who grants an award: the authority the Tờ trình goes to (the city's council, which submits
    it to the body that grants it), or the cluster itself (its leader's Giấy khen, decided at the
    conference). Only awards decided above the cluster go into the Tờ trình."""

    SUPERIOR = "superior"
    CLUSTER = "cluster"


class Rounding(StrEnum):
    FLOOR = "floor"
    CEIL = "ceil"
    NEAREST = "nearest"


class ScoreBasis(StrEnum):
    """What a score line is compared with: the unit's total (standard + bonus − deductions), or
    its standard points only (bonus not counted)."""

    TOTAL = "total"
    STANDARD = "standard"


class ScoreLine(BaseModel):
    """The lowest score for an award: a share of the standard scale (rubric.scale) or a number of
    points, compared with the unit's total or with its standard points."""

    model_config = ConfigDict(extra="forbid")

    share: float | None = Field(default=None, gt=0, le=1, description="0.8: 80% of the standard scale")
    points: float | None = Field(default=None, gt=0)
    of: ScoreBasis = ScoreBasis.TOTAL

    @model_validator(mode="after")
    def _one_measure(self) -> ScoreLine:
        if (self.share is None) == (self.points is None):
            raise ValueError("min_score cần đúng một trong hai: share (tỷ lệ, ví dụ 0.8) hoặc points (số điểm)")
        return self

    def points_for(self, scale: float) -> float:
        return self.points if self.points is not None else (self.share or 0.0) * scale

    def score_of(self, total: float, standard: float) -> float:
        return total if self.of is ScoreBasis.TOTAL else standard

    def describe(self, scale: float) -> str:
        """'tổng điểm từ 80 điểm (80% tổng điểm chuẩn) trở lên', in an officer's words."""
        what = ("tổng điểm (tính cả điểm thưởng)" if self.of is ScoreBasis.TOTAL
                else "điểm chuẩn (không tính điểm thưởng)")
        return f"{what} từ {self.threshold(scale)} trở lên"

    def threshold(self, scale: float) -> str:
        """'80 điểm (80% tổng điểm chuẩn)' or '80 điểm'."""
        points = f"{fmt(self.points_for(scale))} điểm"
        return points if self.share is None else f"{points} ({fmt(self.share * 100)}% tổng điểm chuẩn)"


class AwardRule(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    name: str = Field(description="Exact award name, e.g. 'Cờ thi đua của Chính phủ'")
    kind: AwardKind
    quota: int | str | None = Field(
        default=None, description="A count ('1'), a share of the units ('20%'), or empty for no limit"
    )
    rounding: Rounding = Rounding.FLOOR
    min_score: ScoreLine | None = Field(default=None, description="The lowest score for this award; empty: none")
    min_standard_share: float | None = Field(
        default=None, ge=0, le=1,
        description="Older spelling of min_score {share: x, of: standard}; kept so older files load",
    )
    exclude_discipline: bool = True
    exclude_deducted: list[str] = Field(
        default_factory=list,
        description="Deduction criterion codes (as the rubric writes them): a unit with deduction points on "
        "one of them, or on an item inside it, gets no award",
    )
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
    decided_by: DecidedBy | None = Field(
        default=None, description="superior: proposed in the Tờ trình; cluster: granted by the cluster itself "
        "and left out of it; empty: cluster when the name is the cluster's own (Giấy khen của Cụm trưởng…)",
    )

    @property
    def in_proposal_letter(self) -> bool:
        return by_superior(self.name, self.decided_by)

    @field_validator("quota")
    @classmethod
    def _quota_form(cls, value: int | str | None) -> int | str | None:
        if isinstance(value, str) and not re.fullmatch(r"\d+(?:[.,]\d+)?\s*%", value.strip()):
            raise ValueError("quota phải là số đơn vị (ví dụ 1) hoặc tỷ lệ (ví dụ '20%')")
        if isinstance(value, int) and value < 0:
            raise ValueError("quota không được âm")
        return value

    @property
    def line(self) -> ScoreLine | None:
        """The score line, whichever key the file used."""
        if self.min_score is not None:
            return self.min_score
        if self.min_standard_share:
            return ScoreLine(share=self.min_standard_share, of=ScoreBasis.STANDARD)
        return None

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
    """The older single-word spelling of ``ties``: the cluster votes; or first prefer collectives
    with ≥70% women (Law on Emulation and Commendation 2022), the vote deciding what that leaves."""

    VOTE = "vote"
    WOMEN_THEN_VOTE = "women_then_vote"


class TieStep(StrEnum):
    """One step for units with equal totals across a quota boundary, tried in order; a step that
    leaves them equal passes them to the next. The vote is always the last step: tdkt never
    breaks a tie itself beyond what the rules say."""

    FEWER_DEDUCTIONS = "fewer_deductions"
    WOMEN = "women"
    VOTE = "vote"


_LEGACY_TIES = {TiePolicy.VOTE.value: [TieStep.VOTE], TiePolicy.WOMEN_THEN_VOTE.value: [TieStep.WOMEN, TieStep.VOTE]}


class OfficerAward(BaseModel):
    """The commendation proposed for the people who did the emulation work in each unit."""

    model_config = ConfigDict(extra="forbid")

    name: str
    kind: AwardKind = AwardKind.FORM
    decided_by: DecidedBy | None = Field(
        default=None, description="As for an award; empty: cluster when the name is the cluster's own "
        "(Giấy khen của Cụm trưởng Cụm thi đua), superior otherwise",
    )

    @property
    def in_proposal_letter(self) -> bool:
        return by_superior(self.name, self.decided_by)


# Words that make an award the cluster's own: its leader or the cluster grants it.
_CLUSTER_OWN = ("cụm trưởng", "cụm thi đua", "khối thi đua", "khối trưởng")


def by_superior(name: str, decided_by: DecidedBy | None) -> bool:
    """Whether an award goes to the authority above the cluster (and so into the Tờ trình)."""
    if decided_by is not None:
        return decided_by is DecidedBy.SUPERIOR
    return not any(word in fold(name) for word in _CLUSTER_OWN)


class Assessment(BaseModel):
    """The lines behind the summary's assessments, as shares of a criterion's (or group's)
    standard points: a reviewer sees them in the run report and changes them here."""

    model_config = ConfigDict(extra="forbid")

    good_share: float = Field(
        default=0.95, gt=0, le=1,
        description="A criteria group averaging at least this share of its points is 'thực hiện tốt' (strengths)",
    )
    low_share: float = Field(
        default=0.9, gt=0, le=1,
        description="A criterion averaging below this share of its points 'còn thấp' (limitations, directions)",
    )
    max_low: int = Field(default=3, ge=1, description="At most this many low criteria named, lowest first")

    @model_validator(mode="after")
    def _ordered(self) -> Assessment:
        if self.low_share > self.good_share:
            raise ValueError("low_share (mức 'còn thấp') không được lớn hơn good_share (mức 'thực hiện tốt')")
        return self

    def describe(self) -> str:
        return (f"nhóm tiêu chí “thực hiện tốt” khi điểm bình quân đạt từ {fmt(self.good_share * 100)}% điểm chuẩn; "
                f"tiêu chí “còn thấp” khi điểm bình quân dưới {fmt(self.low_share * 100)}% điểm chuẩn "
                f"(nêu tối đa {self.max_low} tiêu chí thấp nhất)")


class AwardRules(BaseModel):
    # Assignments are validated so that code setting ``rules.ties = "women_then_vote"`` gets steps.
    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    awards: list[AwardRule] = Field(min_length=1, description="In priority order, highest first")
    one_award_per_unit: bool = True
    ties: list[TieStep] = Field(
        default_factory=lambda: [TieStep.VOTE],
        description="Steps for equal totals at a quota boundary; 'vote' (always last) is added when left out",
    )
    women_share: float = Field(default=0.7, ge=0, le=1, description="What counts as a women-led collective")
    leadership: Leadership = Field(default_factory=Leadership)
    legal_bases: list[LegalBasis] = Field(default_factory=list)
    officer_award: OfficerAward | None = None
    assessment: Assessment = Field(default_factory=Assessment)

    @field_validator("ties", mode="before")
    @classmethod
    def _legacy_ties(cls, value: object) -> object:
        if isinstance(value, str):
            return _LEGACY_TIES.get(value, [value])
        return value

    @field_validator("ties")
    @classmethod
    def _vote_last(cls, steps: list[TieStep]) -> list[TieStep]:
        if len(set(steps)) != len(steps):
            raise ValueError("mỗi bước xử lý đồng điểm chỉ ghi một lần")
        if TieStep.VOTE in steps[:-1]:
            raise ValueError("vote (Cụm biểu quyết) phải là bước cuối cùng khi xử lý đồng điểm")
        return steps if steps and steps[-1] is TieStep.VOTE else [*steps, TieStep.VOTE]

    def award(self, award_id: str) -> AwardRule:
        return next(a for a in self.awards if a.id == award_id)

    def legal_basis_for(self, year: int, issued: dt.date | None = None) -> list[str]:
        """The bases for a report on ``year`` issued on ``issued`` (default: mid-January after)."""
        issued = issued or dt.date(year + 1, 1, 15)
        return next((b.lines for b in self.legal_bases if b.applies(year, issued)), [])


def check_rules(rules: AwardRules, cluster: Cluster | None = None) -> list[tuple[Loc, str]]:
    """What the schema cannot say: known award names, unique ids, prerequisites that exist and do
    not go round in a circle, quotas the cluster can fill."""
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
        if award.min_score is not None and award.min_standard_share:
            issues.append((("awards", i, "min_standard_share"), "chỉ dùng một trong hai: min_score hoặc "
                           "min_standard_share (cách ghi cũ của min_score với of: standard)"))
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


def check_rules_for_rubric(rules: AwardRules, rubric: Rubric) -> list[str]:
    """What the rules ask of the rubric that it does not have: deduction codes it does not
    hold, or that hold no deduction item; a line in points above the scale (Vietnamese)."""
    problems: list[str] = []
    for award in rules.awards:
        for code in award.exclude_deducted:
            found = find_rubric_code(rubric, code)
            if found is None:
                problems.append(f"{award.name}: mã tiêu chí '{code}' (exclude_deducted) không có trong bảng tiêu chí")
            elif not holds_deduction(rubric, found):
                problems.append(f"{award.name}: '{code}' (exclude_deducted) không phải mục điểm trừ và không chứa "
                                "mục điểm trừ nào")
        line = award.line
        if line is not None and line.points is not None and line.points > rubric.scale:
            problems.append(f"{award.name}: mức điểm {fmt(line.points)} lớn hơn tổng điểm chuẩn {fmt(rubric.scale)} "
                            "của bảng tiêu chí")
    return problems


def find_rubric_code(rubric: Rubric, code: str) -> str | None:
    """The rubric's own spelling of ``code`` (a group or a criterion at any level), or None;
    case and a closing dot do not matter ("v.2" finds "V.2")."""
    codes = [g.code for g in rubric.groups] + [c.code for _, c in rubric.walk()]
    if code in codes:
        return code
    key = code.strip().rstrip(".").casefold()
    return next((c for c in codes if c.rstrip(".").casefold() == key), None)


def holds_deduction(rubric: Rubric, code: str) -> bool:
    """Whether the group or criterion ``code`` is a deduction item or holds one."""
    for group in rubric.groups:
        if group.code == code:
            return group.kind is GroupKind.DEDUCTION or any(c.kind is GroupKind.DEDUCTION for c in group.walk())
    for _, criterion in rubric.walk():
        if criterion.code == code:
            return any(c.kind is GroupKind.DEDUCTION for c in criterion.walk())
    return False


def known_award_names() -> set[str]:
    """Folded names of every award tdkt's vocabulary knows (config/award_names.yaml)."""

    vocab = award_vocabulary()
    names = {fold(n) for a in vocab.fixed for n in [a.name, *a.variants]}
    names |= {fold(f"{h.head} của {i.issuer}") for h in vocab.issued.heads for i in vocab.issued.issuers}
    return names


def load_rules(path: Path, cluster: Cluster | None = None) -> AwardRules:
    """Load and check the rules; with ``cluster``, also what only the cluster can tell (quotas)."""
    return load_model(path, AwardRules, lambda rules: check_rules(rules, cluster))
