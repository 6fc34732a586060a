"""What the drafts of the conference set share: the letterhead and signature every document
carries (CommonContext), and the helpers more than one document uses.

Each document is one module holding its context model, how it is built from a run and its entry
in the registry (``DOCUMENT``): summary, nominations, proposal_letter, minutes and pledge;
render.py lists them. Templates render with StrictUndefined, so a name used in a template but
missing from its context fails loudly (tests render every template with the sample context).
"""

from __future__ import annotations

from pydantic import BaseModel

from pipeline.core.textnorm import Verbatim
from pipeline.drafts import prose
from pipeline.drafts.letterhead import NO_PLACE
from pipeline.nomination.nominate import Nomination, Status
from pipeline.results.outcome import ClusterResult


class Signer(BaseModel):
    authority: str
    position: str
    name: Verbatim


class CommonContext(BaseModel):
    parent_body: str
    issuer: str
    cluster_name: str
    number: str
    place_date: str
    year: int
    next_year: int
    recipients: list[str]
    archive: str
    signer: Signer


def common_context(result: ClusterResult, doc_type: str) -> CommonContext:
    cluster = result.cluster
    leader = cluster.member_or_none(cluster.leader)
    return CommonContext(
        parent_body=(cluster.parent_body or "").upper(),
        issuer=cluster.name.upper(),
        cluster_name=cluster.name,
        number=f"…/{doc_type}-{cluster.symbol}",
        place_date=prose.place_date(cluster.place or NO_PLACE, cluster.issue_date),
        year=result.year,
        next_year=result.year + 1,
        recipients=cluster.recipients or ["Các đơn vị thành viên Cụm"],
        archive=f"VT, {cluster.symbol}",
        signer=Signer(
            authority=f"TM. {cluster.name.upper()}",
            position="CỤM TRƯỞNG",
            name=(leader.head_name or "") if leader else "",
        ),
    )


def nomination_totals(nominations: list[Nomination]) -> str:
    counts: dict[str, int] = {}
    for n in nominations:
        if n.award and n.status is Status.PROPOSED:
            counts[n.award] = counts.get(n.award, 0) + 1
    ties = [n for n in nominations if n.status is Status.TIE_VOTE]
    checks = [n for n in nominations if n.status is Status.CHECK]
    tail = f"; {prose.two_digits(len(ties))} đơn vị đồng điểm chờ Cụm biểu quyết" if ties else ""
    tail += f"; {prose.two_digits(len(checks))} đơn vị chờ đối chiếu bảng điểm" if checks else ""
    if not counts:
        return f"Chưa có đơn vị nào được đề nghị khen thưởng{tail}."
    parts = [f"{prose.two_digits(c)} {a}" for a, c in counts.items()]
    return f"Tổng số đề nghị: {'; '.join(parts)}{tail}."


def score_checks(result: ClusterResult, of_units_settled: bool = False) -> list[str]:
    """'<unit>: cần đối chiếu bảng điểm: đơn vị ghi X, tdkt đọc được Y' for each unit whose own
    total disagrees with tdkt's reading; ``of_units_settled``: only those whose nomination did
    not become CHECK (a CHECK nomination says it in its own note)."""
    status = {n.member_id: n.status for n in result.nominations.nominations}
    return [f"{u.name}: {u.doubt.describe()}." for u in result.board.units
            if u.doubt is not None and not (of_units_settled and status.get(u.member_id) is Status.CHECK)]


def bases(result: ClusterResult, adopted: bool = True) -> list[str]:
    """Legal bases for the draft's date, then the cluster's own rules (and this year's criteria)."""
    lines = [f"Căn cứ {b}" for b in result.rules.legal_basis_for(result.year, result.cluster.issue_date)]
    criteria = f" và Bảng tiêu chí chấm điểm thi đua năm {result.year}" if adopted else ""
    lines.append(f"Căn cứ Quy chế hoạt động{criteria} của {result.cluster.name}")
    return lines
