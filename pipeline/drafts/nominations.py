"""The nomination list (Danh sách đề nghị khen thưởng): the units in rank order with the award
proposed for each and why (tie votes and score tables to check marked for the cluster), then the
officers proposed for an individual award.

Reviewers correct this list; ``tdkt finalize`` reads it back and rewrites the documents that
depend on it (render.DEPENDS_ON_LIST).
"""

from __future__ import annotations

from pydantic import BaseModel

from pipeline.core.textnorm import Verbatim, capitalized
from pipeline.core.textnorm import format_number as fmt
from pipeline.drafts import prose
from pipeline.drafts.common import CommonContext, common_context, nomination_totals
from pipeline.drafts.document import DraftDocument
from pipeline.nomination.nominate import CHECK_MARK, VOTE_MARK, Nomination, OfficerNomination, Status
from pipeline.results.outcome import ClusterResult


class NominationRow(BaseModel):
    stt: int
    name: str
    total: str
    rank: str
    award: str
    reason: str
    note: str


class OfficerRow(BaseModel):
    stt: int
    name: Verbatim
    position: str
    award: str
    note: str


class NominationListContext(CommonContext):
    proposal_number: str
    rows: list[NominationRow]
    totals: str
    officer_rows: list[OfficerRow]
    officer_totals: str


def nomination_context(result: ClusterResult) -> NominationListContext:
    common = common_context(result, "DS")
    rows = [_nomination_row(i, n) for i, n in enumerate(result.nominations.nominations, start=1)]
    return NominationListContext(
        **common.model_dump(),
        proposal_number=f"…/TTr-{result.cluster.symbol}",
        rows=rows,
        totals=nomination_totals(result.nominations.nominations),
        officer_rows=[
            OfficerRow(stt=i, name=o.name, position=capitalized(", ".join(p for p in (o.position, o.unit) if p)),
                       award=o.award, note=_officer_note(result, o))
            for i, o in enumerate(result.nominations.officers, start=1)
        ],
        officer_totals=_officer_totals(result),
    )


DOCUMENT = DraftDocument(
    kind="nominations",
    label="Danh sách đề nghị khen thưởng",
    template="danh-sach-de-nghi-khen-thuong.docx",
    file_name="danh-sach-de-nghi-khen-thuong-{year}.docx",
    context=nomination_context,
)


def _officer_note(result: ClusterResult, officer: OfficerNomination) -> str:
    report = result.reports.get(officer.member_id)
    return f"Nguồn: {prose.source_of(report)}" if report else officer.reason


def _officer_totals(result: ClusterResult) -> str:
    officers = result.nominations.officers
    if not officers:
        return ""
    return f"Tổng số: {prose.two_digits(len(officers))} cá nhân đề nghị tặng {officers[0].award}."


def _nomination_row(stt: int, n: Nomination) -> NominationRow:
    award = n.award or ""
    if n.status is Status.TIE_VOTE:
        award += f" {VOTE_MARK}"
    if n.status is Status.CHECK:
        award += f" {CHECK_MARK}"
    return NominationRow(stt=stt, name=n.name, total=fmt(n.total), rank=str(n.rank), award=award or "Không đề nghị",
                         reason=n.reason, note=n.note)
