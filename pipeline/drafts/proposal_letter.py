"""The proposal letter (Tờ trình đề nghị khen thưởng): the cluster asks the council of its parent
body to award the units and officers of the nomination list, grouped by award, and says what is
still pending (tie votes, score tables to check).

It is built from a cluster result, which is tdkt's proposal or, after ``tdkt finalize``, the result
as the reviewers' nomination list decided it (pipeline/tools/nomination_list.py): the same code
writes both, so the letter agrees with the list.
"""

from __future__ import annotations

from pydantic import BaseModel

from pipeline.config.award_rules import by_superior
from pipeline.core.textnorm import capitalized, fold
from pipeline.core.textnorm import format_number as fmt
from pipeline.drafts import prose
from pipeline.drafts.common import CommonContext, bases, common_context, score_checks
from pipeline.drafts.document import DraftDocument
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
    proposed = [n for n in result.nominations.nominations
                if n.status is Status.PROPOSED and n.award and _to_superior(result, n.award_id, n.award)]
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
    officers = [o for o in result.nominations.officers if _officers_to_superior(result, o.award)]
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
            *bases(result),
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
            f"cho các {'tập thể, cá nhân' if proposed and officers else 'cá nhân' if officers else 'tập thể'} sau:"
        ) if proposed or officers else f"Năm {year}, {cluster.name} chưa đề nghị khen thưởng tập thể nào.",
        proposal_groups=proposal_groups,
        officers_label=LABELS[len(proposal_groups)],
        officers_line=officers_line,
        pending=pending,
        closing=f"Kính đề nghị {addressee(result)} xem xét, quyết định./.",
    )


def _to_superior(result: ClusterResult, award_id: str | None, name: str) -> bool:
    """Whether the rules send this award to the letter's addressee (award rules, decided_by)."""
    rule = next((a for a in result.rules.awards if a.id == award_id or fold(a.name) == fold(name)), None)
    return rule.in_proposal_letter if rule else by_superior(name, None)


def _officers_to_superior(result: ClusterResult, name: str) -> bool:
    officer = result.rules.officer_award
    if officer is not None and fold(officer.name) == fold(name):
        return officer.in_proposal_letter
    return by_superior(name, None)


DOCUMENT = DraftDocument(
    kind="proposal",
    label="Tờ trình",
    template="to-trinh-de-nghi-khen-thuong.docx",
    file_name="to-trinh-de-nghi-khen-thuong-{year}.docx",
    context=proposal_letter_context,
)
