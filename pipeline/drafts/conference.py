"""Contexts of the conference documents around the nomination list: the proposal letter (Tờ
trình), the minutes of the deliberation (Biên bản, Decree 30 form 1.9) and next year's pledge.

They are built from a cluster result, which is tdkt's proposal or, after ``tdkt finalize``, the
result as the reviewers' nomination list decided it (pipeline/tools/nomination_list.py): the same code
writes both, so the documents agree with the list.
"""

from __future__ import annotations

import math

from pydantic import BaseModel, Field

from pipeline.config.rubric import Group, GroupKind
from pipeline.core.textnorm import capitalized
from pipeline.core.textnorm import format_number as fmt
from pipeline.drafts import prose
from pipeline.drafts.context import CommonContext, common_context
from pipeline.drafts.regions import BLANK
from pipeline.nomination.nominate import Status
from pipeline.results.outcome import ClusterResult
from pipeline.understanding.issuer import cased_name

# Vietnamese list letters (no f, j, w, z; đ after d).
LABELS = ["a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u"]


class ProposalGroup(BaseModel):
    label: str
    heading: str
    units: list[str]


class ProposalLetterContext(CommonContext):
    title_note: str
    addressee: str
    bases: list[str]
    results: str
    ranking: str
    request: str
    proposal_groups: list[ProposalGroup]
    officers_label: str
    officers_line: str
    pending: list[str]
    closing: str


class ScoreLine(BaseModel):
    stt: int
    name: str
    self_total: str
    total: str
    rank: str


class BallotRow(BaseModel):
    stt: int
    name: str
    award: str
    members: str
    needed: str


class Attendee(BaseModel):
    stt: int
    name: str


class MinutesContext(CommonContext):
    meeting: str
    members_count: str
    attendees: list[Attendee]
    chair: str
    score_intro: str
    score_lines: list[ScoreLine]
    score_checks: list[str] = Field(default_factory=list, description="Units whose own total disagrees with "
                                    "tdkt's reading, both numbers")
    ballot_intro: str
    vote_rules: list[str]
    ballot_rows: list[BallotRow]
    officers_line: str
    leader_line: str
    deputy_line: str
    chair_name: str


class PledgeCriterion(BaseModel):
    code: str
    title: str
    max: str
    group: bool


class PledgeSigner(BaseModel):
    unit: str
    title: str
    name: str


class SignerPair(BaseModel):
    left: PledgeSigner
    right: PledgeSigner | None


class PledgeContext(CommonContext):
    bases: list[str]
    members_intro: str
    member_names: list[str]
    goals: list[str]
    criteria: list[PledgeCriterion]
    points_note: str
    organisation: list[str]
    signer_pairs: list[SignerPair]


def addressee(result: ClusterResult) -> str:
    """The council of the parent body: "UBND THÀNH PHỐ HẢI PHÒNG" → "Hội đồng Thi đua - Khen thưởng
    Thành phố Hải Phòng", "SỞ Y TẾ HẢI PHÒNG" → "… Sở Y tế Hải Phòng" (official-name casing)."""
    cluster = result.cluster
    if cluster.addressee:
        return cluster.addressee
    body = (cluster.parent_body or "").strip()
    for prefix in ("UBND ", "ỦY BAN NHÂN DÂN ", "UỶ BAN NHÂN DÂN "):
        if body.upper().startswith(prefix):
            body = body[len(prefix):]
    if not body:
        return "Hội đồng Thi đua - Khen thưởng cấp trên"
    return f"Hội đồng Thi đua - Khen thưởng {cased_name(body)}"


def proposal_letter_context(result: ClusterResult) -> ProposalLetterContext:
    common = common_context(result, "TTr")
    cluster, year = result.cluster, result.year
    units = result.board.units
    proposed = [n for n in result.nominations.nominations if n.status is Status.PROPOSED and n.award]
    groups: dict[str, list[str]] = {}
    headings: dict[str, str] = {}
    for n in proposed:
        groups.setdefault(n.award, []).append(n.name)
        headings[n.award] = n.proposal.removeprefix("Đề nghị tặng ")
    proposal_groups = [
        ProposalGroup(label=LABELS[i], heading=f"{capitalized(headings[a])} ({prose.two_digits(len(names))} "
                      "tập thể)", units=names)
        for i, (a, names) in enumerate(groups.items())
    ]
    officers = result.nominations.officers
    officers_line = ""
    if officers:
        officers_line = (f"{capitalized(officers[0].proposal.removeprefix('Đề nghị tặng '))}: "
                         f"{prose.two_digits(len(officers))} cá nhân có thành tích trong công tác thi đua, "
                         "khen thưởng (Phần II danh sách kèm theo).")
    pending = list(dict.fromkeys(n.note or f"{n.name}: chờ Cụm biểu quyết." for n in result.nominations.nominations
                                 if n.status is Status.TIE_VOTE))  # tied units share one note
    pending += [f"{n.name}: {n.note}" for n in result.nominations.nominations if n.status is Status.CHECK]
    pending += score_checks(result, of_units_settled=True)
    best = units[0] if units else None
    return ProposalLetterContext(
        **common.model_dump(),
        title_note=f"Về việc đề nghị khen thưởng thành tích trong phong trào thi đua năm {year}",
        addressee=addressee(result),
        bases=[
            *_bases(result),
            f"Căn cứ kết quả chấm điểm, bình xét thi đua năm {year} tại Hội nghị tổng kết {cluster.name} ngày {BLANK}",
        ],
        results=(
            f"Năm {year}, {prose.two_digits(len(units))}/{prose.two_digits(len(cluster.members))} đơn vị thành viên "
            f"{cluster.name} đã gửi báo cáo tổng kết và bảng tự chấm điểm theo Bảng tiêu chí chấm điểm thi đua đã "
            "ký kết. Căn cứ minh chứng của các đơn vị, Cụm đã chấm điểm, xếp hạng và bình xét khen thưởng công khai, "
            "dân chủ tại Hội nghị tổng kết."
        ),
        ranking=(
            f"Kết quả: {best.name} dẫn đầu Cụm với {fmt(best.total)} điểm; "
            + "; ".join(f"{u.name} xếp thứ {u.rank} ({fmt(u.total)} điểm)" for u in units[1:]) + "."
            if best else "Chưa có đơn vị nào được chấm điểm."
        ),
        request=(
            f"{cluster.name} kính đề nghị {addressee(result)} xem xét, trình cấp có thẩm quyền khen thưởng "
            "cho các tập thể, cá nhân sau:"
        ) if proposed or officers else f"Năm {year}, {cluster.name} chưa đề nghị khen thưởng tập thể nào.",
        proposal_groups=proposal_groups,
        officers_label=LABELS[len(proposal_groups)],
        officers_line=officers_line,
        pending=pending,
        closing=f"Kính đề nghị {addressee(result)} xem xét, quyết định./.",
    )


def minutes_context(result: ClusterResult) -> MinutesContext:
    common = common_context(result, "BB")
    cluster, year = result.cluster, result.year
    leader = cluster.member_or_none(cluster.leader)
    members = len(cluster.members) or len(result.board.units)
    chair = (f"đồng chí {leader.head_name}, {leader.head_title} {leader.name}, Cụm trưởng"
             if leader and leader.head_name else f"{BLANK} (Cụm trưởng)")
    nominations = [n for n in result.nominations.nominations if n.award and n.status is not Status.NONE]
    rows = [
        BallotRow(stt=i, name=n.name, award=n.award + _BALLOT_MARKS.get(n.status, ""),
                  members=prose.two_digits(members), needed=_needed(result, n.award_id, members))
        for i, n in enumerate(nominations, start=1)
    ]
    ld = result.nominations.leadership
    officers = result.nominations.officers
    count = prose.two_digits(members)
    return MinutesContext(
        **common.model_dump(),
        meeting=(f"Hội nghị tổng kết công tác thi đua, khen thưởng năm {year} và bình xét, đề nghị khen thưởng của "
                 f"{cluster.name}"),
        members_count=(f"Tổng số thành viên Cụm: {prose.two_digits(members)} đơn vị; có mặt: {BLANK} đơn vị; "
                       f"vắng mặt: {BLANK} đơn vị."),
        attendees=[Attendee(stt=i, name=m.name) for i, m in enumerate(cluster.members, start=1)]
        or [Attendee(stt=i, name=u.name) for i, u in enumerate(result.board.units, start=1)],
        chair=chair,
        score_intro=(f"Căn cứ báo cáo, bảng tự chấm điểm và minh chứng của các đơn vị, Hội nghị thống nhất kết quả "
                     f"chấm điểm, xếp hạng thi đua năm {year} như sau:"),
        score_lines=[
            ScoreLine(stt=i, name=u.name, total=fmt(u.total), rank=str(u.rank),
                      self_total=fmt(u.claimed_total if u.claimed_total is not None else u.self_total))
            for i, u in enumerate(result.board.units, start=1)
        ],
        score_checks=score_checks(result),
        ballot_intro=("Hội nghị biểu quyết bằng phiếu kín đối với từng đề nghị khen thưởng; kết quả kiểm phiếu như sau:"
                      if rows else "Cụm không có đề nghị khen thưởng tập thể cần biểu quyết."),
        vote_rules=_vote_rules(result, members),
        ballot_rows=rows,
        officers_line=(
            f"Hội nghị thống nhất {officers[0].proposal[0].lower()}{officers[0].proposal[1:]} cho "
            f"{prose.two_digits(len(officers))} cá nhân có thành tích trong công tác thi đua, khen thưởng: "
            f"{prose.name_list([o.name + (f' ({o.unit})' if o.unit else '') for o in officers])}."
            if officers else ""
        ),
        leader_line=f"Cụm trưởng năm {year + 1}: {ld.leader or BLANK}; số phiếu đồng ý: {BLANK}/{count}.",
        deputy_line=f"Cụm phó năm {year + 1}: {ld.deputy or BLANK}; số phiếu đồng ý: {BLANK}/{count}.",
        chair_name=leader.head_name if leader and leader.head_name else "",
    )


_BALLOT_MARKS = {Status.TIE_VOTE: " (đồng điểm, biểu quyết chọn)", Status.CHECK: " (chờ đối chiếu bảng điểm)"}


def score_checks(result: ClusterResult, of_units_settled: bool = False) -> list[str]:
    """'<unit>: cần đối chiếu bảng điểm: đơn vị ghi X, tdkt đọc được Y' for each unit whose own
    total disagrees with tdkt's reading; ``of_units_settled``: only those whose nomination did
    not become CHECK (a CHECK nomination says it in its own note)."""
    status = {n.member_id: n.status for n in result.nominations.nominations}
    return [f"{u.name}: {u.doubt.describe()}." for u in result.board.units
            if u.doubt is not None and not (of_units_settled and status.get(u.member_id) is Status.CHECK)]


def _needed(result: ClusterResult, award_id: str | None, members: int) -> str:
    share = _vote_share(result, award_id)
    if share is None:
        return f"Trên 50% (từ {prose.two_digits(members // 2 + 1)}/{prose.two_digits(members)} phiếu)"
    votes = math.ceil(share * members - 1e-9)
    return f"Từ {fmt(share * 100)}% (từ {prose.two_digits(votes)}/{prose.two_digits(members)} phiếu)"


def _vote_share(result: ClusterResult, award_id: str | None) -> float | None:
    rule = next((a for a in result.rules.awards if a.id == award_id), None)
    return rule.vote_share if rule else None


def _vote_rules(result: ClusterResult, members: int) -> list[str]:
    lines = []
    by_share: dict[float, list[str]] = {}
    for award in result.rules.awards:
        if award.vote_share:
            by_share.setdefault(award.vote_share, []).append(f"“{award.name}”")
    for share, names in by_share.items():
        votes = math.ceil(share * members - 1e-9)
        lines.append(
            f"{capitalized(prose.name_list(names))} phải được từ {fmt(share * 100)}% trở lên tổng số thành viên "
            f"Cụm đồng ý, tức từ {prose.two_digits(votes)}/{prose.two_digits(members)} phiếu (tính trên tổng số thành "
            "viên, không tính trên số có mặt)."
        )
    lines.append("Các hình thức khen thưởng khác phải được trên 50% tổng số thành viên Cụm đồng ý.")
    return lines


def pledge_context(result: ClusterResult) -> PledgeContext:
    common = common_context(result, "GƯTĐ")
    cluster, next_year = result.cluster, result.year + 1
    members = cluster.members
    rubric = result.rubric
    signers = [PledgeSigner(unit=f"{m.name.upper()}", title=m.head_title.upper(), name=m.head_name or "")
               for m in members]
    standard = sum(g.points for g in rubric.groups_of(GroupKind.STANDARD))
    bonus = rubric.bonus_cap or sum(g.points for g in rubric.groups_of(GroupKind.BONUS))
    deductions = rubric.deduction_cap or sum(g.points for g in rubric.groups_of(GroupKind.DEDUCTION))
    note = f"Tổng điểm chuẩn: {fmt(standard)} điểm"
    if bonus:
        note += f"; điểm thưởng tối đa {fmt(bonus)} điểm"
    if deductions:
        note += f"; điểm trừ tối đa {fmt(deductions)} điểm"
    ld = result.nominations.leadership
    return PledgeContext(
        **common.model_dump(),
        bases=[
            *_bases(result, adopted=False),
            f"Căn cứ kết quả Hội nghị tổng kết công tác thi đua, khen thưởng năm {result.year} của {cluster.name}",
        ],
        members_intro=(f"Các đơn vị thành viên {cluster.name} ({prose.two_digits(len(members))} đơn vị) cùng ký kết "
                       f"giao ước thi đua năm {next_year}:"),
        member_names=[m.name for m in members],
        goals=[
            f"Thi đua hoàn thành xuất sắc nhiệm vụ chính trị năm {next_year} của từng đơn vị; thực hiện tốt các chủ "
            "trương của Đảng, chính sách, pháp luật của Nhà nước và các chỉ tiêu được giao.",
            "Đẩy mạnh phong trào thi đua yêu nước, phát hiện, bồi dưỡng, nhân rộng các điển hình tiên tiến, mô hình "
            "hay, cách làm sáng tạo; thực hiện công tác khen thưởng kịp thời, chính xác, công khai.",
            "Đoàn kết, phối hợp, trao đổi kinh nghiệm giữa các đơn vị trong Cụm.",
        ],
        criteria=[row for group in rubric.groups for row in _pledge_rows(group)],
        points_note=note + ".",
        organisation=[
            f"{ld.leader or 'Cụm trưởng'} (Cụm trưởng năm {next_year})"
            + (f" và {ld.deputy} (Cụm phó)" if ld.deputy else "")
            + " chủ trì, đôn đốc các đơn vị thực hiện giao ước; tổ chức sơ kết 6 tháng và tổng kết cuối năm.",
            f"Các đơn vị gửi báo cáo tổng kết và bảng tự chấm điểm năm {next_year} kèm minh chứng về đơn vị Cụm "
            "trưởng đúng thời hạn theo hướng dẫn của Cụm.",
            "Bản giao ước được lập thành các bản có giá trị như nhau, mỗi đơn vị giữ một bản.",
        ],
        signer_pairs=[SignerPair(left=signers[i], right=signers[i + 1] if i + 1 < len(signers) else None)
                      for i in range(0, len(signers), 2)],
    )


def _pledge_rows(group: Group) -> list[PledgeCriterion]:
    """The group and its criteria as next year's pledge lists them, points as the table writes
    them ("10", "+0,5", "-0,25/trường hợp", "Tối đa 5"); a row without a code of its own stays
    without one."""
    def shown(code: str) -> str:
        return "" if code.endswith("]") else code

    rows = [PledgeCriterion(code=shown(group.code), title=group.title, max=group.points_text().capitalize(),
                            group=True)]
    for c in group.walk():
        rows.append(PledgeCriterion(code=shown(c.code), title=c.title, max=c.points_text(), group=False))
    return rows


def _bases(result: ClusterResult, adopted: bool = True) -> list[str]:
    """Legal bases for the draft's date, then the cluster's own rules (and this year's criteria)."""
    lines = [f"Căn cứ {b}" for b in result.rules.legal_basis_for(result.year, result.cluster.issue_date)]
    criteria = f" và Bảng tiêu chí chấm điểm thi đua năm {result.year}" if adopted else ""
    lines.append(f"Căn cứ Quy chế hoạt động{criteria} của {result.cluster.name}")
    return lines
