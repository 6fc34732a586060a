"""The minutes of the conference (Biên bản hội nghị, Decree 30 form 1.9): who attended, the scores
and ranks the conference agreed, the secret-ballot rules and one ballot row per proposed award,
the officers, and next year's leader and deputy, with blanks for what is decided in the room.

It is built from a cluster result, which is tdkt's proposal or, after ``tdkt finalize``, the result
as the reviewers' nomination list decided it (pipeline/tools/nomination_list.py): the same code
writes both, so the minutes agree with the list.
"""

from __future__ import annotations

import math

from pydantic import BaseModel, Field

from pipeline.core.textnorm import Verbatim, capitalized
from pipeline.core.textnorm import format_number as fmt
from pipeline.drafts import prose
from pipeline.drafts.common import CommonContext, common_context, score_checks
from pipeline.drafts.document import DraftDocument
from pipeline.drafts.regions import BLANK
from pipeline.nomination.nominate import Status
from pipeline.results.outcome import ClusterResult


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
    chair_name: Verbatim


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


DOCUMENT = DraftDocument(
    kind="minutes",
    label="Biên bản hội nghị",
    template="bien-ban-hoi-nghi.docx",
    file_name="bien-ban-hoi-nghi-tong-ket-{year}.docx",
    context=minutes_context,
)


_BALLOT_MARKS = {Status.TIE_VOTE: " (đồng điểm, biểu quyết chọn)", Status.CHECK: " (chờ đối chiếu bảng điểm)"}


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
