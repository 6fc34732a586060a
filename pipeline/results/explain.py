"""Why each unit got its score: criterion by criterion, the self score, the score tdkt proposes,
the rule that gave it and the evidence quotes with their source. The summary report's appendix
and `tdkt explain` are both made from this, so the draft and the terminal never disagree.
"""

from __future__ import annotations

import unicodedata

from pydantic import BaseModel

from pipeline.config.rubric import GroupKind
from pipeline.core.errors import TdktError
from pipeline.core.textnorm import Verbatim, capitalized, fold
from pipeline.core.textnorm import format_number as fmt
from pipeline.results.outcome import ClusterResult
from pipeline.scoring.score import CriterionScore, UnitScore
from pipeline.understanding.facts import Quote

RULE_LABELS = {
    "metric": "Quy tắc số liệu",
    "awards": "Quy tắc khen thưởng",
    "deduction": "Quy tắc điểm trừ",
    "evidence": "Điểm tự chấm, đối chiếu minh chứng",
}  # 'reason' starts with the label for rubric rules; the evidence check's reasons say it themselves


class EvidenceLine(BaseModel):
    quote: Verbatim  # as the report wrote it, so Ctrl+F finds it
    source: Verbatim  # 'tệp X.pdf, trang 3'


class CriterionLine(BaseModel):
    code: str
    title: str
    guidance: str  # how the criteria document says to score it ('' when it says nothing)
    kind: GroupKind
    max: str  # '10', or '0,25/trường hợp' for an amount per occurrence
    self_score: str
    proposed: str
    differs: bool
    rule: str
    reason: str
    flags: list[str]
    evidence: list[EvidenceLine]
    more_evidence: int  # passages found beyond those shown


class UnitExplanation(BaseModel):
    member_id: str
    name: str
    file: Verbatim
    rank: str
    self_total: str
    total: str
    notes: list[str]
    criteria: list[CriterionLine]


class UnitNotFound(TdktError):
    def __init__(self, query: str, names: list[str], matching: int):
        what = f"'{query}' khớp với {matching} đơn vị, cần ghi rõ hơn" if matching > 1 else (
            f"không thấy đơn vị '{query}' trong kết quả chấm điểm")
        super().__init__(f"{what}; các đơn vị: {'; '.join(names)}")


def source_of(quote: Quote, home_file: str | None = None) -> str:
    """'trang 3, bảng 1, dòng 4'; the file is named when it is not the unit's report itself."""
    where = quote.provenance.describe()
    if quote.provenance.file == home_file and where:
        return where
    return f"tệp {quote.provenance.file}" + (f", {where}" if where else "")


def shorten(text: str, limit: int) -> str:
    """At most ``limit`` characters, cut at a word boundary, with an ellipsis when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + " …"


def explain_unit(result: ClusterResult, unit: UnitScore, quotes: int = 1, quote_chars: int | None = 200,
                 flagged_quotes: int = 3) -> UnitExplanation:
    """``quotes`` evidence passages per criterion (``flagged_quotes`` where a reviewer must look),
    each cut to ``quote_chars`` (None: as written)."""
    count = len(result.board.units)
    claimed = unit.claimed_total if unit.claimed_total is not None else unit.self_total
    notes = list(unit.flags)
    if unit.doubt is not None:
        notes.insert(0, capitalized(unit.doubt.describe()))
    if unit.tied_with:
        names = [u.name for u in result.board.units if u.member_id in unit.tied_with]
        notes.insert(0, f"Đồng hạng với {', '.join(names)}")
    if unit.proposed_total is not None:
        notes.insert(0, f"Tổng điểm theo danh sách đề nghị khen thưởng Hội nghị Cụm thống nhất: {fmt(unit.total)} "
                        f"(dự thảo đề xuất {fmt(unit.proposed_total)}); điểm từng tiêu chí dưới đây là điểm đề xuất "
                        "trước Hội nghị")
    return UnitExplanation(
        member_id=unit.member_id,
        name=unit.name,
        file=unit.file,
        rank=f"{unit.rank}/{count}",
        self_total=fmt(claimed),
        total=fmt(unit.total),
        notes=notes,
        criteria=[_criterion_line(c, flagged_quotes if c.flags else quotes, quote_chars, unit.file,
                                  _guidance(result, c.code, quote_chars)) for c in unit.criteria],
    )


def explain_all(result: ClusterResult) -> list[UnitExplanation]:
    return [explain_unit(result, u) for u in result.board.units]


def _guidance(result: ClusterResult, code: str, limit: int | None) -> str:
    guidance = next((c.guidance for _, c in result.rubric.walk() if c.code == code), "")
    return shorten(guidance, limit * 2) if limit and guidance else guidance


def points_label(c: CriterionScore) -> str:
    """'10'; '0,25/trường hợp' for an amount per occurrence; '' when the table gives none."""
    if c.max_points is None:
        return ""
    return fmt(c.max_points) + (f"/{c.per}" if c.per else "")


def _criterion_line(c: CriterionScore, quotes: int, quote_chars: int | None, home_file: str,
                    guidance: str) -> CriterionLine:
    shown = c.evidence[:quotes]
    return CriterionLine(
        code=c.code,
        title=c.title,
        guidance=guidance,
        kind=c.kind,
        max=points_label(c),
        self_score="" if c.self_score is None else fmt(c.self_score),
        proposed=fmt(c.proposed),
        differs=c.self_score is None or abs(c.proposed - c.self_score) > 0.005,
        rule=RULE_LABELS.get(c.rule, c.rule),
        reason=c.reason if c.rule == "evidence" else f"{RULE_LABELS.get(c.rule, c.rule)}: {c.reason}",
        flags=[f.message for f in c.flags],
        evidence=[
            EvidenceLine(quote=shorten(p.quote.text, quote_chars) if quote_chars else p.quote.text,
                         source=source_of(p.quote, home_file))
            for p in shown
        ],
        more_evidence=len(c.evidence) - len(shown),
    )


def find_unit(result: ClusterResult, query: str) -> UnitScore:
    """The unit named by its id, its name, one of its aliases, or a unique part of its name; typed
    with or without Vietnamese marks ('y te' finds 'Y tế')."""
    units = result.board.units

    def names(unit: UnitScore) -> list[str]:
        member = result.cluster.member_or_none(unit.member_id)
        return [unit.member_id, unit.name, *(member.aliases if member else [])]

    partial: list[UnitScore] = []
    for key in (fold, _ascii):
        wanted = key(" ".join(query.split()))
        exact = [u for u in units if any(key(n) == wanted for n in names(u))]
        if len(exact) == 1:
            return exact[0]
        partial = [u for u in units if any(wanted in key(n) for n in names(u))]
        if len(partial) == 1:
            return partial[0]
        if partial:
            break
    raise UnitNotFound(query, [f"{u.name} ({u.member_id})" for u in units], len(partial))


def _ascii(text: str) -> str:
    """Without any Vietnamese marks: how names get typed on a terminal without an input method."""
    decomposed = unicodedata.normalize("NFD", fold(text).replace("đ", "d"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
