"""Scoring: the score tdkt accepts for each unit and criterion, and why; totals; ranking.

tdkt never silently changes a score. A self score above the criterion's maximum is capped (and
said so); a claim with no evidence found in the report is kept but flagged for reviewers; a
criterion the unit did not score counts 0 and is flagged. Exact ties are reported as ties.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, Field

from pipeline.config.cluster import Cluster
from pipeline.config.rubric import Criterion, Group, GroupKind, Rubric
from pipeline.core.textnorm import format_number as fmt
from pipeline.scoring.evidence_rules import RuleResult, apply_rule
from pipeline.understanding.facts import EvidencePassage, ReportFacts, RowKind, SelfScoreRow
from pipeline.understanding.selfscore_checks import missing_criteria

_EPS = 0.005


class FlagCode(StrEnum):
    PER_COUNT = "per_count"
    NO_SELF_SCORE = "no_self_score"
    NEGATIVE = "negative"
    OVER_MAX = "over_max"
    NO_EVIDENCE = "no_evidence"
    ABOVE_EVIDENCE = "above_evidence"
    RULE_NO_DATA = "rule_no_data"
    DEDUCTION_DIFFERS = "deduction_differs"
    OCR_UNSURE = "ocr_unsure"

# Below this OCR confidence a number read from a scan is not trusted without a look at the original.
OCR_TRUSTED = 0.6


class Flag(BaseModel):
    """Something a reviewer should check, with a plain Vietnamese message."""

    code: FlagCode
    message: str


class CriterionScore(BaseModel):
    code: str
    title: str
    group: str
    kind: GroupKind
    max_points: float | None = Field(description="Points of the criterion; per occurrence when 'per' is set")
    per: str | None = None
    self_score: float | None
    proposed: float
    reason: str = Field(description="Why the proposed score is what it is, and which rule gave it")
    flags: list[Flag] = Field(default_factory=list)
    evidence: list[EvidencePassage] = Field(default_factory=list)
    ocr_confidence: float | None = Field(default=None, description="Set when the score was read by OCR")
    rule: str = Field(default="evidence", description="metric, awards, deduction or evidence")

    def has(self, code: FlagCode) -> bool:
        return any(f.code is code for f in self.flags)


class GroupScore(BaseModel):
    code: str
    title: str
    kind: GroupKind
    max_points: float | None = Field(description="Standard points; for bonus/deduction the cap (None: none)")
    self_total: float = Field(description="The group's own kind of points as the unit scored them, before caps")
    proposed: float = Field(description="The group's own kind of points tdkt proposes, after caps")
    bonus: float = Field(default=0.0, description="Bonus items inside a standard group, after caps")
    deductions: float = Field(default=0.0, description="Deduction items inside a standard group, after caps")


class CapApplied(BaseModel):
    """A cap the criteria document states that lowered a unit's bonus or deductions."""

    code: str = Field(description="The criterion or group the cap belongs to ('' for the whole table)")
    title: str
    kind: GroupKind
    cap: float
    before: float

    def describe(self) -> str:
        what = "Điểm thưởng" if self.kind is GroupKind.BONUS else "Điểm trừ"
        where = f"của mục {self.code}" if self.code else "của cả bảng"
        return f"{what} {where} cộng lại {fmt(self.before)}, tối đa {fmt(self.cap)}: tính {fmt(self.cap)}"


class ScoreDoubt(BaseModel):
    """The unit's own figures and tdkt's reading of its table disagree: tdkt does not know which
    self-scores are right, so no award that the difference decides is settled on them."""

    stated: float = Field(description="The total the unit states (its total row, a sentence, or its subtotals)")
    read: float = Field(description="The sum of the self-scores tdkt read, with signs")

    def describe(self) -> str:
        return f"cần đối chiếu bảng điểm: đơn vị ghi {fmt(self.stated)}, tdkt đọc được {fmt(self.read)}"


class UnitScore(BaseModel):
    member_id: str
    name: str
    file: str
    criteria: list[CriterionScore]
    groups: list[GroupScore]
    standard: float
    bonus: float
    deductions: float
    total: float
    self_total: float = Field(description="Standard + bonus − deductions as the unit scored itself")
    claimed_total: float | None = Field(description="The total row of the unit's table, as written")
    caps: list[CapApplied] = Field(default_factory=list, description="Caps that lowered the proposed points")
    discipline: bool = False
    from_ocr: bool = Field(default=False, description="The self-scoring table was read by OCR from a scan")
    needs_check: bool = Field(default=False, description="OCR numbers do not add up: check the original")
    doubt: ScoreDoubt | None = Field(default=None, description="Set when the unit's stated figures disagree "
                                     "with what tdkt read")
    flags: list[str] = Field(default_factory=list)
    rank: int | None = None
    tied_with: list[str] = Field(default_factory=list)
    proposed_total: float | None = Field(default=None, description="tdkt's total when the conference's nomination "
                                         "list set another one (`total` is then the list's)")

    def standard_share(self, scale: float) -> float:
        return self.standard / scale if scale else 0.0


class ScoreBoard(BaseModel):
    scale: float
    units: list[UnitScore] = Field(description="Ranked, best first")
    ties: list[list[str]] = Field(default_factory=list, description="Groups of member ids with equal totals")


def score_unit(facts: ReportFacts, rubric: Rubric, cluster: Cluster | None = None) -> UnitScore:
    rows = facts.self_scores.criterion_rows() if facts.self_scores else {}
    criteria = [
        _score_criterion(group, criterion, rows.get(criterion.code), facts, cluster, rubric.step)
        for group, criterion in rubric.leaves()
    ]
    proposed = {c.code: c.proposed for c in criteria}
    caps: list[CapApplied] = []
    sums = [_node_sums(g, proposed, caps) for g in rubric.groups]
    groups = [_group_score(g, [c for c in criteria if c.group == g.code], total)
              for g, total in zip(rubric.groups, sums, strict=True)]
    standard = sum(t.standard for t in sums)
    bonus = _capped(sum(t.bonus for t in sums), rubric.bonus_cap, "", rubric.name, GroupKind.BONUS, caps)
    deductions = _capped(sum(t.deduction for t in sums), rubric.deduction_cap, "", rubric.name,
                         GroupKind.DEDUCTION, caps)
    claimed = facts.self_scores.claimed_total if facts.self_scores else None
    unit = UnitScore(
        member_id=facts.unit.member_id or "",
        name=facts.unit.name,
        file=facts.file,
        criteria=criteria,
        groups=groups,
        standard=round(standard, 2),
        bonus=round(bonus, 2),
        deductions=round(deductions, 2),
        total=round(standard + bonus - deductions, 2),
        self_total=round(sum(_SIGN[c.kind] * (c.self_score or 0) for c in criteria), 2),
        claimed_total=claimed,
        caps=caps,
        discipline=any(
            c.proposed > 0 and rubric.criterion(c.code).discipline for c in criteria if c.kind is GroupKind.DEDUCTION
        ),
        from_ocr=any(c.ocr_confidence is not None for c in criteria),
    )
    mismatches = _sum_mismatches(unit, facts, rubric)
    unit.doubt = _doubt(unit, facts)
    unit.needs_check = unit.from_ocr and (bool(mismatches) or any(c.has(FlagCode.OCR_UNSURE) for c in criteria))
    unit.flags = _unit_flags(unit, facts) + mismatches
    return unit


_SIGN = {GroupKind.STANDARD: 1, GroupKind.BONUS: 1, GroupKind.DEDUCTION: -1}


class _Sums(BaseModel):
    standard: float = 0.0
    bonus: float = 0.0
    deduction: float = 0.0

    def add(self, other: _Sums) -> None:
        self.standard += other.standard
        self.bonus += other.bonus
        self.deduction += other.deduction


def _node_sums(node: Group | Criterion, values: dict[str, float], caps: list[CapApplied]) -> _Sums:
    """Points of a group or criterion by kind, every cap on the way up applied: a bonus or
    deduction holder's own points, then the caps the document writes (bonus_cap, deduction_cap)."""
    sums = _Sums()
    if isinstance(node, Criterion) and not node.holds_own_kind():
        value = values.get(node.code, 0.0)
        if node.kind is GroupKind.STANDARD:
            sums.standard += value
        elif node.kind is GroupKind.BONUS:
            sums.bonus += value
        else:
            sums.deduction += value
    for child in node.criteria:
        sums.add(_node_sums(child, values, caps))
    holder = node.holds_own_kind() if isinstance(node, Criterion) else True
    if holder and node.kind is GroupKind.BONUS:
        sums.bonus = _capped(sums.bonus, node.max, node.code, node.title, GroupKind.BONUS, caps)
    if holder and node.kind is GroupKind.DEDUCTION:
        sums.deduction = _capped(sums.deduction, node.max, node.code, node.title, GroupKind.DEDUCTION, caps)
    sums.bonus = _capped(sums.bonus, node.bonus_cap, node.code, node.title, GroupKind.BONUS, caps)
    sums.deduction = _capped(sums.deduction, node.deduction_cap, node.code, node.title, GroupKind.DEDUCTION, caps)
    return sums


def _capped(value: float, cap: float | None, code: str, title: str, kind: GroupKind,
            caps: list[CapApplied]) -> float:
    if cap is None or value <= cap + _EPS:
        return value
    caps.append(CapApplied(code=code, title=title, kind=kind, cap=cap, before=round(value, 2)))
    return cap


def _doubt(unit: UnitScore, facts: ReportFacts) -> ScoreDoubt | None:
    """The unit's stated total against the sum of what tdkt read; with no total stated, its
    written group subtotals in place of the sums tdkt read for those groups."""
    if facts.self_scores is None:
        return None
    if unit.claimed_total is not None:
        stated = unit.claimed_total
    else:
        written = {r.code: r.self_score for r in facts.self_scores.rows
                   if r.kind is RowKind.GROUP and r.code and r.self_score is not None}
        stated = unit.self_total + sum(_SIGN[g.kind] * (written[g.code] - g.self_total)
                                       for g in unit.groups if g.code in written)
    if abs(stated - unit.self_total) <= _EPS:
        return None
    return ScoreDoubt(stated=round(stated, 2), read=unit.self_total)


def _sum_mismatches(unit: UnitScore, facts: ReportFacts, rubric: Rubric) -> list[str]:
    """Group subtotals written in the table that differ from the sum of their criteria. From a
    scan this usually means a misread number, so those numbers are not trusted."""
    if facts.self_scores is None:
        return []
    lines = []
    written = {r.code: r.self_score for r in facts.self_scores.rows if r.kind.value == "group" and r.code}
    for group in unit.groups:
        subtotal = written.get(group.code)
        if subtotal is not None and abs(subtotal - group.self_total) > _EPS:
            what = "Số đọc bằng OCR không khớp" if unit.from_ocr else "Số liệu trong bảng không khớp"
            lines.append(f"{what}: nhóm {group.code} ghi {fmt(subtotal)} nhưng cộng các tiêu chí được "
                         f"{fmt(group.self_total)}")
    if facts.self_scores.claimed_total is None:
        lines.append(f"Bảng tự chấm không có dòng tổng; tdkt tự cộng được {fmt(unit.self_total)} điểm")
    if facts.self_scores.unmatched:
        lines.append("Dòng trong bảng tự chấm không khớp tiêu chí nào: " + "; ".join(facts.self_scores.unmatched))
    return lines + facts.self_scores.problems + missing_criteria(facts.self_scores.rows, rubric)


def _score_criterion(group: Group, criterion: Criterion, row: SelfScoreRow | None, facts: ReportFacts,
                     cluster: Cluster | None, step: float) -> CriterionScore:
    self_score = row.self_score if row is not None else None
    evidence = facts.evidence.get(criterion.code, [])
    kind = criterion.kind or group.kind
    result = apply_rule(criterion, facts, cluster, step)
    if result is not None:
        proposed, reason, flags = _by_rule(kind, criterion, self_score, result)
        evidence = result.evidence + [p for p in evidence if p not in result.evidence]
    else:
        proposed, reason, flags = _judge(kind, criterion, self_score, evidence)
        if criterion.rule != "evidence":
            reason = f"Báo cáo chưa có số liệu để áp dụng quy tắc của tiêu chí; {reason[0].lower()}{reason[1:]}"
            flags.append(Flag(code=FlagCode.RULE_NO_DATA, message="Chưa có số liệu để áp dụng quy tắc chấm"))
    ocr = row.provenance.ocr_confidence if row is not None else None
    limit = item_limit(criterion)
    if ocr is not None and self_score is not None and (
            ocr < OCR_TRUSTED or (limit is not None and self_score > limit + _EPS)):
        # A scan misread is likelier than a unit claiming 15 of 4 points: say so, do not accuse.
        flags = [f for f in flags if f.code is not FlagCode.OVER_MAX]
        flags.append(Flag(code=FlagCode.OCR_UNSURE, message=(
            f"Điểm đọc bằng OCR chưa chắc chắn ({fmt(self_score)}, độ tin cậy {round(ocr * 100)}%): "
            "cần đối chiếu bản gốc")))
    return CriterionScore(
        code=criterion.code,
        title=criterion.title,
        group=group.code,
        kind=kind,
        max_points=criterion.max,
        per=criterion.per,
        self_score=self_score,
        proposed=proposed,
        reason=reason,
        flags=flags,
        evidence=evidence,
        ocr_confidence=ocr,
        rule=criterion.rule,
    )


def _by_rule(kind: GroupKind, criterion: Criterion, self_score: float | None,
             result: RuleResult) -> tuple[float, str, list[Flag]]:
    """The rule's points, never above what the unit claimed (deductions: what the rule finds)."""
    if kind is GroupKind.DEDUCTION:
        value, reason = result.value, result.reason
        if criterion.per is not None and self_score is not None and self_score > value + _EPS:
            # Counted per case: the rule finds one case at least; the unit's own count can be more.
            value = self_score
            own = f"Đơn vị tự trừ {fmt(self_score)} điểm{_times(criterion, self_score)}"
            reason = f"{own}; {reason[0].lower()}{reason[1:]}"
        flags = []
        if self_score is not None and abs(self_score - value) > _EPS:
            flags.append(Flag(code=FlagCode.DEDUCTION_DIFFERS, message=(
                f"Đơn vị tự trừ {fmt(self_score)}, theo quy tắc trừ {fmt(value)}")))
        return value, reason, flags
    claimed = self_score if self_score is not None else 0.0
    limit = item_limit(criterion)
    proposed = min(claimed, result.value, limit if limit is not None else claimed)
    flags = []
    if self_score is None:
        flags.append(Flag(code=FlagCode.NO_SELF_SCORE, message="Chưa có điểm tự chấm"))
    elif self_score > result.value + _EPS:
        flags.append(Flag(code=FlagCode.ABOVE_EVIDENCE, message=(
            f"Tự chấm {fmt(self_score)}, minh chứng chỉ đủ {fmt(result.value)}")))
    reason = result.reason
    if proposed < result.value - _EPS and self_score is not None:
        reason += f"; giữ điểm tự chấm {fmt(proposed)} (không đề xuất cao hơn điểm đơn vị tự chấm)"
    return proposed, reason, flags


def _judge(kind: GroupKind, criterion: Criterion, self_score: float | None,
           evidence: list[EvidencePassage]) -> tuple[float, str, list[Flag]]:
    if self_score is None:
        if kind is GroupKind.DEDUCTION:
            return 0.0, "Không có điểm trừ", []
        return 0.0, "Đơn vị không tự chấm tiêu chí này: tính 0 điểm", [
            Flag(code=FlagCode.NO_SELF_SCORE, message="Chưa có điểm tự chấm")
        ]
    if self_score < 0:
        return 0.0, f"Điểm tự chấm {fmt(self_score)} âm, không hợp lệ: tính 0 điểm", [
            Flag(code=FlagCode.NEGATIVE, message="Điểm tự chấm âm")
        ]
    limit = item_limit(criterion)
    if limit is not None and self_score > limit + _EPS:
        what = {GroupKind.DEDUCTION: "điểm trừ", GroupKind.BONUS: "điểm thưởng"}.get(kind, "điểm tự chấm")
        return limit, (
            f"Đơn vị ghi {what} {fmt(self_score)}, vượt mức tối đa {fmt(limit)}: tính {fmt(limit)}"
        ), [Flag(code=FlagCode.OVER_MAX, message=f"Tự chấm vượt điểm chuẩn ({fmt(self_score)}/{fmt(limit)})")]
    flags = _per_flags(criterion, self_score)
    if kind is GroupKind.DEDUCTION:
        return self_score, ("Không có điểm trừ" if self_score == 0 else f"Đơn vị tự trừ {fmt(self_score)} điểm"
                            + _times(criterion, self_score)), flags
    if kind is GroupKind.BONUS and self_score > 0:
        return self_score, f"Đơn vị tự cộng {fmt(self_score)} điểm{_times(criterion, self_score)}", flags + (
            [] if evidence else [Flag(code=FlagCode.NO_EVIDENCE, message="Chưa tìm thấy minh chứng trong báo cáo")])
    if self_score > 0 and not evidence:
        return self_score, "Giữ điểm tự chấm; chưa tìm thấy minh chứng trong báo cáo", [
            Flag(code=FlagCode.NO_EVIDENCE, message="Chưa tìm thấy minh chứng trong báo cáo")
        ]
    if self_score == 0:
        return 0.0, "Đơn vị tự chấm 0 điểm", []
    return self_score, "Giữ điểm tự chấm, có minh chứng trong báo cáo", []


def item_limit(criterion: Criterion) -> float | None:
    """The most a unit can score on the criterion itself: its points, unless they are counted
    per occurrence ("-0,25/01 trường hợp": no limit of its own, caps above it apply)."""
    if criterion.per is not None or criterion.max is None:
        return None
    return criterion.max


def _times(criterion: Criterion, value: float) -> str:
    """' (3 trường hợp × 0,25)' for an amount per occurrence."""
    if criterion.per is None or not criterion.max:
        return ""
    count = value / criterion.max
    return f" ({fmt(count)} {criterion.per} × {fmt(criterion.max)})" if value > 0 else ""


def _per_flags(criterion: Criterion, value: float) -> list[Flag]:
    if criterion.per is None or not criterion.max or value <= 0:
        return []
    count = value / criterion.max
    if abs(count - round(count)) < 1e-6:
        return []
    return [Flag(code=FlagCode.PER_COUNT, message=(
        f"{fmt(value)} điểm không phải bội số của {fmt(criterion.max)} điểm/{criterion.per}: cần xem lại"))]


def _group_score(group: Group, criteria: list[CriterionScore], sums: _Sums) -> GroupScore:
    own = {GroupKind.STANDARD: sums.standard, GroupKind.BONUS: sums.bonus, GroupKind.DEDUCTION: sums.deduction}
    nested = group.kind is GroupKind.STANDARD
    return GroupScore(
        code=group.code,
        title=group.title,
        kind=group.kind,
        max_points=group.max,
        self_total=round(sum(c.self_score or 0 for c in criteria if c.kind is group.kind), 2),
        proposed=round(own[group.kind], 2),
        bonus=round(sums.bonus, 2) if nested else 0.0,
        deductions=round(sums.deduction, 2) if nested else 0.0,
    )


def _unit_flags(unit: UnitScore, facts: ReportFacts) -> list[str]:
    flags = []
    if facts.self_scores is None:
        flags.append("Báo cáo không có bảng tự chấm điểm")
    if unit.claimed_total is not None and abs(unit.claimed_total - unit.self_total) > _EPS:
        flags.append(
            f"Tổng điểm đơn vị ghi ({fmt(unit.claimed_total)}) khác tổng các tiêu chí đơn vị tự chấm "
            f"({fmt(unit.self_total)})"
        )
    for cap in unit.caps:
        flags.append(cap.describe())
    unsure = [c.code for c in unit.criteria if c.has(FlagCode.OCR_UNSURE)]
    if unsure:
        flags.append("Điểm đọc bằng OCR chưa chắc chắn ở tiêu chí " + ", ".join(unsure) + "; cần đối chiếu bản gốc")
    capped = [c.code for c in unit.criteria if c.has(FlagCode.OVER_MAX)]
    if capped:
        flags.append("Điểm tự chấm vượt điểm chuẩn ở tiêu chí " + ", ".join(capped))
    above = [f"{c.code} ({fmt(c.self_score or 0)} → {fmt(c.proposed)})" for c in unit.criteria
             if c.has(FlagCode.ABOVE_EVIDENCE)]
    if above:
        flags.append("Tự chấm cao hơn mức minh chứng ở tiêu chí " + ", ".join(above))
    unsupported = [c.code for c in unit.criteria if c.has(FlagCode.NO_EVIDENCE)]
    if unsupported:
        flags.append("Chưa tìm thấy minh chứng cho tiêu chí " + ", ".join(unsupported))
    if unit.discipline:
        flags.append("Có điểm trừ do kỷ luật")
    return flags


def rank_units(units: list[UnitScore], scale: float) -> ScoreBoard:
    """Standard competition ranking (1, 2, 2, 4); equal totals are ties, never broken silently."""
    ordered = sorted(units, key=lambda u: (-u.total, u.name))
    ties: list[list[str]] = []
    for unit in ordered:
        same = [u for u in ordered if abs(u.total - unit.total) < _EPS]
        unit.rank = 1 + sum(1 for u in ordered if u.total > unit.total + _EPS)
        unit.tied_with = [u.member_id for u in same if u is not unit]
        group = [u.member_id for u in same]
        if len(group) > 1 and group not in ties:
            ties.append(group)
    return ScoreBoard(scale=scale, units=ordered, ties=ties)
