"""Nomination: which award tdkt proposes for each ranked unit, and next year's leader and deputy.

Awards are given in the rules' priority order, each to the best-ranked eligible units up to its
quota. A unit is eligible when it reaches the award's score line (on its total or on its standard
points, as the rules say) and nothing excludes it (discipline, an investigation, deduction points
on a criterion the rules name). When units with equal totals straddle a quota boundary, the
rules' tie steps are tried in order (fewer deduction points, women-led collectives); what they
leave equal is marked for the cluster's vote, and the places the vote's losers will take are
held back from the next award. tdkt never breaks a tie by itself.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, Field

from pipeline.config.award_rules import (
    AwardKind,
    AwardRule,
    AwardRules,
    LeaderPolicy,
    OfficerAward,
    ScoreBasis,
    TieStep,
)
from pipeline.config.cluster import Cluster
from pipeline.config.rubric import GroupKind
from pipeline.core.textnorm import capitalized
from pipeline.core.textnorm import format_number as fmt
from pipeline.scoring.score import CriterionScore, ScoreBoard, UnitScore, rank_units
from pipeline.understanding.facts import OfficerFact, Quote

_EPS = 0.005


class Status(StrEnum):
    PROPOSED = "proposed"
    TIE_VOTE = "tie_vote"
    CHECK = "check"  # decided by a unit's figures that disagree with tdkt's reading: not settled
    NONE = "none"


# How the nomination list writes a decision that is not settled, after the award's name.
VOTE_MARK = "(Cụm biểu quyết)"
CHECK_MARK = "(chờ đối chiếu bảng điểm)"


class Nomination(BaseModel):
    member_id: str
    name: str
    total: float
    rank: int
    award_id: str | None = None
    award: str | None = None
    proposal: str = Field(default="", description="'Đề nghị tặng danh hiệu …' / 'Đề nghị tặng …'")
    status: Status = Status.NONE
    reason: str = ""
    note: str = ""


class Leadership(BaseModel):
    leader_id: str | None
    leader: str | None
    deputy_id: str | None
    deputy: str | None
    basis: str


class OfficerNomination(BaseModel):
    """A person who did the emulation work in a unit, proposed for the cluster's commendation."""

    member_id: str
    unit: str
    name: str
    position: str
    award: str
    proposal: str
    reason: str
    source: Quote | None = Field(default=None, description="None for a person a reviewer added")


class NominationResult(BaseModel):
    nominations: list[Nomination]
    leadership: Leadership
    officers: list[OfficerNomination] = Field(default_factory=list)


def proposal_phrase(award: AwardRule | OfficerAward) -> str:
    """'Đề nghị tặng danh hiệu "Cờ thi đua …"' for titles; 'Đề nghị tặng Bằng khen …' for forms."""
    if award.kind is AwardKind.TITLE:
        return f"Đề nghị tặng danh hiệu “{award.name}”"
    return f"Đề nghị tặng {award.name}"


def nominate(board: ScoreBoard, rules: AwardRules, cluster: Cluster, year: int) -> NominationResult:
    decided = _decide(board, rules, cluster, year)
    nominations = {k: n.model_copy() for k, n in decided.items()}
    leadership = propose_leadership(board, rules, cluster)
    for unit in board.units:
        if unit.doubt is not None:
            otherwise = _as_the_unit_wrote(board, unit)
            _settle_doubt(nominations, decided, unit, otherwise, rules, cluster, year)
            other = propose_leadership(otherwise, rules, cluster)
            if (other.leader_id, other.deputy_id) != (leadership.leader_id, leadership.deputy_id):
                leadership.basis += (f"; chờ đối chiếu bảng điểm của {unit.name}: theo tổng điểm đơn vị tự ghi, "
                                     f"Cụm trưởng là {other.leader or 'do Cụm biểu quyết'}, Cụm phó là "
                                     f"{other.deputy or 'do Cụm biểu quyết'}")
    return NominationResult(nominations=[nominations[u.member_id] for u in board.units], leadership=leadership)


def _as_the_unit_wrote(board: ScoreBoard, doubtful: UnitScore) -> ScoreBoard:
    """The board ranked again as if the unit's own figures were right: the difference between its
    stated total and tdkt's reading moved onto its total and standard points."""
    assert doubtful.doubt is not None
    delta = doubtful.doubt.stated - doubtful.doubt.read
    units = [u.model_copy(deep=True) for u in board.units]
    for unit in units:
        if unit.member_id == doubtful.member_id:
            unit.total, unit.standard = round(unit.total + delta, 2), round(unit.standard + delta, 2)
    return rank_units(units, board.scale)


def _decide(board: ScoreBoard, rules: AwardRules, cluster: Cluster, year: int) -> dict[str, Nomination]:
    nominations = {u.member_id: _blank(u) for u in board.units}
    notes: dict[str, list[str]] = {}
    pool = list(board.units)
    held_back = 0
    for award in rules.awards:
        quota = award.quota_for(len(board.units))
        if quota is not None:
            quota = max(quota - held_back, 0)
        eligible = [u for u in pool if _eligible(u, award, rules, cluster, board.scale)]
        chosen, tied = _choose(eligible, quota)
        preferred: list[UnitScore] = []
        if tied:
            preferred, tied = _break_tie(tied, quota - len(chosen), award, rules, cluster, notes)
        for unit in chosen + preferred:
            _propose(nominations[unit.member_id], award, unit, board, year)
        chosen = chosen + preferred
        if tied:
            slots = quota - len(chosen)
            _mark_tie(nominations, tied, award, slots, rules, year)
            held_back = len(tied) - slots
        else:
            held_back = 0
        if rules.one_award_per_unit:
            taken = {u.member_id for u in chosen + tied}
            pool = [u for u in pool if u.member_id not in taken]
    for unit in pool:
        nomination = nominations[unit.member_id]
        if nomination.status is Status.NONE:
            nomination.reason = _why_not(unit, rules, cluster, board.scale)
    for member_id, extra in notes.items():
        for note in extra:
            nominations[member_id].note = _join(nominations[member_id].note, note)
    return nominations


def _settle_doubt(nominations: dict[str, Nomination], decided: dict[str, Nomination], doubtful: UnitScore,
                  board: ScoreBoard, rules: AwardRules, cluster: Cluster, year: int) -> None:
    """A unit whose own total disagrees with tdkt's reading: the nominations decided again on
    ``board`` (ranked as if its own figures were right). Every unit whose award differs from what
    tdkt's reading ``decided`` is not settled: status CHECK, both outcomes said (a unit touched by
    several doubts says each)."""
    assert doubtful.doubt is not None
    doubt = doubtful.doubt
    nominations[doubtful.member_id].note = _join(capitalized(doubt.describe()), nominations[doubtful.member_id].note)
    otherwise = _decide(board, rules, cluster, year)
    for member_id, ours in nominations.items():
        theirs, before = otherwise[member_id], decided[member_id]
        if (before.award_id, before.status) == (theirs.award_id, theirs.status):
            continue
        itself = member_id == doubtful.member_id
        whose = "đơn vị" if itself else "đơn vị đó"
        said = (f"theo điểm tdkt đọc: {_outcome_words(before)}; theo tổng điểm {whose} tự ghi "
                f"({fmt(doubt.stated)}): {_outcome_words(theirs)}")
        if ours.award is None:
            ours.award_id, ours.award, ours.proposal = theirs.award_id, theirs.award, theirs.proposal
        ours.status = Status.CHECK
        which = "bảng điểm của đơn vị" if itself else f"bảng điểm của {doubtful.name}"
        pending = f"chưa đề nghị chính thức, chờ đối chiếu {which} ({said})"
        ours.note = _join(ours.note, pending) if ours.note else capitalized(pending)


def _outcome_words(nomination: Nomination) -> str:
    if nomination.award is None or nomination.status is Status.NONE:
        return "không đề nghị"
    return nomination.award + (" (đồng điểm, Cụm biểu quyết)" if nomination.status is Status.TIE_VOTE else "")


def nominate_officers(board: ScoreBoard, officers: dict[str, list[OfficerFact]], rules: AwardRules,
                      year: int) -> list[OfficerNomination]:
    """Every ranked unit's named emulation officers, in ranking order, when the rules give an award."""
    award = rules.officer_award
    if award is None:
        return []
    proposal = proposal_phrase(award)
    return [
        OfficerNomination(
            member_id=unit.member_id, unit=unit.name, name=officer.name, position=officer.position,
            award=award.name, proposal=proposal, source=officer.quote,
            reason=f"Có thành tích xuất sắc trong công tác thi đua, khen thưởng năm {year}",
        )
        for unit in board.units
        for officer in officers.get(unit.member_id, [])
    ]


def _blank(unit: UnitScore) -> Nomination:
    return Nomination(member_id=unit.member_id, name=unit.name, total=unit.total, rank=unit.rank or 0)


def _eligible(unit: UnitScore, award: AwardRule, rules: AwardRules, cluster: Cluster, scale: float) -> bool:
    """The award's own conditions, and those of every award it requires (no cycles: checked on load)."""
    if _obstacle(unit, award, cluster, scale) is not None:
        return False
    return all(_eligible(unit, rules.award(r), rules, cluster, scale) for r in award.requires)


def _obstacle(unit: UnitScore, award: AwardRule, cluster: Cluster, scale: float) -> str | None:
    """Why the unit cannot receive ``award`` itself (Vietnamese), or None."""
    member = cluster.member_or_none(unit.member_id)
    if award.exclude_investigation and member is not None and member.under_investigation:
        return "Đơn vị đang bị thanh tra, kiểm tra hoặc điều tra: chưa xét khen thưởng"
    for code in award.exclude_deducted:
        deducted = deducted_under(unit, code)
        if deducted:
            titles = "; ".join(f"{c.code} {c.title}".strip() for c in deducted)
            return (f"Có điểm trừ ở tiêu chí {code} ({titles}): không đủ điều kiện đề nghị khen thưởng "
                    "theo nguyên tắc của Cụm")
    if award.exclude_discipline and unit.discipline:
        return "Có tập thể, cá nhân bị kỷ luật trong năm: không đủ điều kiện đề nghị khen thưởng"
    line = award.line
    if line is not None and line.score_of(unit.total, unit.standard) + _EPS < line.points_for(scale):
        return _below_line(unit, award, scale)
    return None


def deducted_under(unit: UnitScore, code: str) -> list[CriterionScore]:
    """The unit's deduction items with points on ``code``, in its group or inside it (a code
    that starts with ``code`` and a dot: "5.1.2" is inside "5.1")."""
    stem = code.rstrip(".")
    return [
        c for c in unit.criteria
        if c.kind is GroupKind.DEDUCTION and c.proposed > _EPS
        and (c.code == code or c.group == code or c.code.startswith(stem + "."))
    ]


def _below_line(unit: UnitScore, award: AwardRule, scale: float) -> str:
    line = award.line
    assert line is not None
    if line.of is ScoreBasis.STANDARD and line.points is None:  # the wording older rules files were given
        bonus = f" (không tính {fmt(unit.bonus)} điểm thưởng)" if unit.bonus > _EPS else ""
        return (f"Điểm chuẩn đạt {fmt(unit.standard)}/{fmt(scale)}{bonus}, dưới mức {fmt((line.share or 0) * 100)}% "
                "để đề nghị khen thưởng")
    if line.of is ScoreBasis.STANDARD:
        bonus = f" (không tính {fmt(unit.bonus)} điểm thưởng)" if unit.bonus > _EPS else ""
        return (f"Điểm chuẩn đạt {fmt(unit.standard)}/{fmt(scale)}{bonus}, dưới mức {line.threshold(scale)} "
                f"để đề nghị {award.name}")
    return (f"Tổng điểm {fmt(unit.total)}/{fmt(scale)}, dưới mức {line.threshold(scale)} "
            f"để đề nghị {award.name}")


def _break_tie(tied: list[UnitScore], slots: int, award: AwardRule, rules: AwardRules, cluster: Cluster,
               notes: dict[str, list[str]]) -> tuple[list[UnitScore], list[UnitScore]]:
    """(tied units a tie step prefers, units still equal for the vote). Units a step passes over
    leave the tie (they go on to the next award); every unit a step decides gets a note saying why."""
    preferred: list[UnitScore] = []
    for step in rules.ties:
        if step is TieStep.VOTE or slots <= 0:
            break
        key = _tie_key(step, rules, cluster)
        still: list[UnitScore] = []
        for value in sorted({key(u) for u in tied}):
            group = [u for u in tied if key(u) == value]
            if len(group) > slots:
                still = group
                break
            preferred += group
            slots -= len(group)
            for unit in group:
                notes.setdefault(unit.member_id, []).append(_preferred_note(step, unit, rules))
            if slots == 0:
                break
        for unit in tied:
            if unit not in still and unit not in preferred:
                notes.setdefault(unit.member_id, []).append(_passed_over_note(step, award))
        tied = still
    return preferred, tied


def _tie_key(step: TieStep, rules: AwardRules, cluster: Cluster):
    """Lower is better."""
    if step is TieStep.FEWER_DEDUCTIONS:
        return lambda unit: round(unit.deductions, 2)

    def not_women_led(unit: UnitScore) -> int:
        member = cluster.member_or_none(unit.member_id)
        led = member is not None and member.women_share is not None and member.women_share >= rules.women_share
        return 0 if led else 1

    return not_women_led


def _preferred_note(step: TieStep, unit: UnitScore, rules: AwardRules) -> str:
    if step is TieStep.FEWER_DEDUCTIONS:
        return (f"Đồng điểm ở ranh giới; ưu tiên đơn vị có ít điểm trừ hơn ({fmt(unit.deductions)} điểm trừ) "
                "theo nguyên tắc của Cụm")
    return (f"Đồng điểm ở ranh giới; ưu tiên tập thể có từ {round(rules.women_share * 100)}% nữ theo "
            "Luật Thi đua, khen thưởng năm 2022")


def _passed_over_note(step: TieStep, award: AwardRule) -> str:
    why = ("có nhiều điểm trừ hơn" if step is TieStep.FEWER_DEDUCTIONS
           else "không thuộc tập thể được ưu tiên về tỷ lệ nữ")
    return f"Đồng điểm ở ranh giới {award.name} nhưng {why} nên không được ưu tiên"


def _join(first: str, second: str) -> str:
    return f"{first}; {second}" if first and second else first or second


def _choose(eligible: list[UnitScore], quota: int | None) -> tuple[list[UnitScore], list[UnitScore]]:
    """(units that get the award, units tied across the quota boundary)."""
    if quota is None or quota >= len(eligible):
        return eligible, []
    if quota == 0:
        return [], []
    boundary = eligible[quota - 1].total
    if abs(eligible[quota].total - boundary) > _EPS:
        return eligible[:quota], []
    tied = [u for u in eligible if abs(u.total - boundary) < _EPS]
    return [u for u in eligible[:quota] if u not in tied], tied


def _propose(nomination: Nomination, award: AwardRule, unit: UnitScore, board: ScoreBoard, year: int) -> None:
    nomination.award_id = award.id
    nomination.award = award.name
    nomination.proposal = proposal_phrase(award)
    nomination.status = Status.PROPOSED
    nomination.reason = unit_reason(unit, len(board.units), board.scale, year)
    notes = []
    if unit.tied_with:
        notes.append("Đồng điểm với " + ", ".join(u.name for u in board.units if u.member_id in unit.tied_with))
    if unit.needs_check:
        notes.append("Điểm đọc từ bản quét chưa khớp; cần đối chiếu bản gốc trước khi xét")
    nomination.note = "; ".join(notes)


def unit_reason(unit: UnitScore, count: int, scale: float, year: int) -> str:
    """Why the unit is proposed, in the list's words: its rank and score (so a corrected score or rank
    means a new reason: `tdkt finalize` writes it again)."""
    if unit.rank == 1 and not unit.tied_with:
        return f"Dẫn đầu Cụm thi đua năm {year} với {fmt(unit.total)} điểm"
    return (
        f"Xếp thứ {unit.rank}/{count} với {fmt(unit.total)} điểm "
        f"(điểm chuẩn đạt {fmt(unit.standard)}/{fmt(scale)})"
    )


def _mark_tie(nominations: dict[str, Nomination], tied: list[UnitScore], award: AwardRule, slots: int,
              rules: AwardRules, year: int) -> None:
    following = _next_award(rules, award)
    names = ", ".join(u.name for u in tied)
    for unit in tied:
        n = nominations[unit.member_id]
        n.award_id = award.id
        n.award = award.name
        n.proposal = proposal_phrase(award)
        n.status = Status.TIE_VOTE
        n.reason = tie_reason(unit)
        n.note = (
            f"Đồng điểm ({fmt(unit.total)}): {names}. Cụm biểu quyết chọn {slots} trong {len(tied)} "
            f"đơn vị để đề nghị {award.name}"
            + (f"; đơn vị còn lại được đề nghị {following.name}" if following else "")
            + "."
        )


def tie_reason(unit: UnitScore) -> str:
    return f"Xếp thứ {unit.rank} với {fmt(unit.total)} điểm, bằng điểm với đơn vị khác"


def _next_award(rules: AwardRules, award: AwardRule) -> AwardRule | None:
    index = rules.awards.index(award)
    return rules.awards[index + 1] if index + 1 < len(rules.awards) else None


def _why_not(unit: UnitScore, rules: AwardRules, cluster: Cluster, scale: float) -> str:
    """Why the unit got nothing: what bars it from the last (most accessible) award, or the quotas."""
    obstacle = _obstacle(unit, rules.awards[-1], cluster, scale)
    return obstacle or "Đã hết chỉ tiêu khen thưởng theo quy định"


def propose_leadership(board: ScoreBoard, rules: AwardRules, cluster: Cluster) -> Leadership:
    rotation = [m for m in cluster.rotation if cluster.member_or_none(m)]
    if rules.leadership.next_leader is LeaderPolicy.ROTATION and cluster.leader in rotation:
        i = rotation.index(cluster.leader)
        leader = rotation[(i + 1) % len(rotation)]
        deputy = rotation[(i + 2) % len(rotation)] if len(rotation) > 2 else None
        basis = (
            f"Theo thứ tự luân phiên của Cụm: đơn vị kế tiếp "
            f"{cluster.member(cluster.leader).name} (Cụm trưởng năm nay)"
        )
        return _leadership(cluster, leader, deputy, basis)
    top = [u for u in board.units if u.rank == 1]
    if len(top) != 1:
        return Leadership(leader_id=None, leader=None, deputy_id=None, deputy=None,
                         basis="Có nhiều đơn vị đồng hạng nhất: Cụm biểu quyết chọn Cụm trưởng")
    second = next((u for u in board.units if u.rank == 2), None)
    basis = "Đơn vị dẫn đầu Cụm làm Cụm trưởng, đơn vị xếp thứ hai làm Cụm phó"
    if rules.leadership.next_leader is LeaderPolicy.ROTATION:
        basis = "Tệp thông tin Cụm chưa có Cụm trưởng năm nay và thứ tự luân phiên; đề xuất theo kết quả xếp hạng"
    return _leadership(cluster, top[0].member_id, second.member_id if second else None, basis,
                       names={u.member_id: u.name for u in board.units})


def _leadership(cluster: Cluster, leader: str | None, deputy: str | None, basis: str,
                names: dict[str, str] | None = None) -> Leadership:
    def name(member_id: str | None) -> str | None:
        if member_id is None:
            return None
        member = cluster.member_or_none(member_id)
        return member.name if member else (names or {}).get(member_id, member_id)

    return Leadership(leader_id=leader, leader=name(leader), deputy_id=deputy, deputy=name(deputy), basis=basis)
