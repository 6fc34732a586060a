"""The summary report (Báo cáo tổng kết): the cluster's year as the units' reports and tdkt's
scoring tell it (the members, results by criteria group and by unit, awards received, strengths,
limitations and their causes, next year's directions, the score table, the award proposals and
next year's leadership), with an appendix explaining every proposed score.

It quotes the nomination list, so ``tdkt finalize`` rewrites it from the reviewers' list
(render.DEPENDS_ON_LIST).
"""

from __future__ import annotations

from statistics import mean

from pydantic import BaseModel

from pipeline.config.award_rules import ScoreLine
from pipeline.config.rubric import GroupKind
from pipeline.core.textnorm import capitalized
from pipeline.core.textnorm import format_number as fmt
from pipeline.drafts import prose
from pipeline.drafts.common import CommonContext, common_context, nomination_totals
from pipeline.drafts.document import DraftDocument
from pipeline.nomination.nominate import Nomination, Status
from pipeline.results.explain import UnitExplanation, explain_all
from pipeline.results.outcome import ClusterResult
from pipeline.results.unit_proposals import unit_proposals
from pipeline.scoring.score import FlagCode, UnitScore
from pipeline.understanding.facts import SectionKind
from pipeline.understanding.rules import metric_rules


class GroupRow(BaseModel):
    title: str
    max: str
    mean: str
    high: str
    low: str


class UnitResult(BaseModel):
    name: str
    text: str


class AwardRow(BaseModel):
    stt: int
    award: str
    collective: str
    individual: str


class ScoreRow(BaseModel):
    stt: int
    name: str
    self_total: str
    total: str
    rank: str
    note: str


class SummaryContext(CommonContext):
    intro: str
    characteristics: list[str]
    groups_summary: str
    group_rows: list[GroupRow]
    unit_results: list[UnitResult]
    awards_summary: str
    award_rows: list[AwardRow]
    awards_by_unit: list[str]
    strengths: list[str]
    limitations: list[str]
    causes: list[str]
    directions: list[str]
    proposals: list[str]
    scoring_summary: str
    score_rows: list[ScoreRow]
    scoring_conclusion: str
    proposals_intro: str
    award_proposals: list[str]
    proposals_total: str
    leadership: list[str]
    closing: str
    appendix_intro: str
    appendix: list[UnitExplanation]


def summary_context(result: ClusterResult) -> SummaryContext:
    common = common_context(result, "BC")
    units = result.board.units
    return SummaryContext(
        **common.model_dump(),
        intro=_intro(result),
        characteristics=_characteristics(result),
        groups_summary=_groups_summary(units),
        group_rows=_group_rows(result),
        unit_results=[_unit_result(result, u) for u in units],
        awards_summary=_awards_summary(result),
        award_rows=[
            AwardRow(stt=i, award=a, collective=_count(c), individual=_count(p))
            for i, (a, c, p) in enumerate(prose.award_counts(_all_awards(result)), start=1)
        ],
        awards_by_unit=_awards_by_unit(result),
        strengths=_strengths(result),
        limitations=_limitations(result),
        causes=_causes(result),
        directions=_directions(result),
        proposals=_unit_recommendations(result),
        scoring_summary=_scoring_summary(result),
        score_rows=[_score_row(i, u, len(units)) for i, u in enumerate(units, start=1)],
        scoring_conclusion=_scoring_conclusion(result),
        proposals_intro=(
            "Căn cứ kết quả chấm điểm, xếp hạng và quy định về khen thưởng, Cụm đề nghị khen thưởng như sau:"
        ),
        award_proposals=_award_proposals(result) + _officer_proposals(result),
        proposals_total=nomination_totals(result.nominations.nominations),
        leadership=_leadership(result),
        closing=(
            f"Trên đây là báo cáo tổng kết công tác thi đua, khen thưởng năm {result.year} và phương hướng, "
            f"nhiệm vụ năm {result.year + 1} của {result.cluster.name}./."
        ),
        appendix_intro=(
            "Với từng đơn vị và từng tiêu chí: điểm chuẩn, điểm đơn vị tự chấm, điểm Cụm đề xuất, quy tắc cho điểm "
            "đề xuất và đoạn trích minh chứng trong báo cáo của đơn vị (tên tệp, trang hoặc đoạn) để các thành "
            "viên Cụm đối chiếu. Tiêu chí có ghi “Cần rà soát” là tiêu chí có điểm đề xuất khác điểm tự chấm "
            "hoặc chưa tìm thấy minh chứng."
        ),
        appendix=explain_all(result),
    )


DOCUMENT = DraftDocument(
    kind="summary",
    label="Báo cáo tổng kết",
    template="bao-cao-tong-ket.docx",
    file_name="bao-cao-tong-ket-{year}.docx",
    context=summary_context,
)


def _count(n: int) -> str:
    return prose.two_digits(n) if n else "-"


def _intro(result: ClusterResult) -> str:
    bases = result.rules.legal_basis_for(result.year, result.cluster.issue_date)
    lead = f"Thực hiện {'; '.join(bases)}; căn cứ" if bases else "Căn cứ"
    return (
        f"{lead} Bảng tiêu chí chấm điểm thi đua năm {result.year} đã được các đơn vị thành viên thống nhất, "
        f"{result.cluster.name} báo cáo tổng kết công tác thi đua, khen thưởng năm {result.year} và phương hướng, "
        f"nhiệm vụ năm {result.year + 1} như sau:"
    )


def _characteristics(result: ClusterResult) -> list[str]:
    cluster = result.cluster
    members = [m.name for m in cluster.members]
    lines = [f"{cluster.name} gồm {prose.two_digits(len(members))} đơn vị: {'; '.join(members)}."]
    leader, deputy = cluster.member_or_none(cluster.leader), cluster.member_or_none(cluster.deputy)
    if leader:
        lines.append(
            f"Năm {result.year}, {leader.name} là Cụm trưởng"
            + (f", {deputy.name} là Cụm phó." if deputy else ".")
        )
    received = len(result.reports)
    line = (
        f"Cụm đã nhận được báo cáo tổng kết và bảng tự chấm điểm của {prose.two_digits(received)}/"
        f"{prose.two_digits(len(members))} đơn vị"
    )
    if result.missing:
        line += f"; chưa nhận được báo cáo của {prose.name_list(result.missing)}"
    lines.append(line + ".")
    return lines


def _groups_summary(units: list[UnitScore]) -> str:
    if not units:
        return "Chưa có đơn vị nào được chấm điểm."
    best, worst = units[0], units[-1]
    return (
        f"Điểm bình quân của các đơn vị đạt {fmt(mean(u.total for u in units))} điểm; cao nhất là {best.name} "
        f"({fmt(best.total)} điểm), thấp nhất là {worst.name} ({fmt(worst.total)} điểm)."
    )


def _group_rows(result: ClusterResult) -> list[GroupRow]:
    rows = []
    for group in result.rubric.groups:
        values = [g.proposed for u in result.board.units for g in u.groups if g.code == group.code]
        if not values:
            continue
        rows.append(
            GroupRow(
                title=f"{group.code}. {group.title}",
                max=group.points_text(),
                mean=fmt(mean(values)),
                high=fmt(max(values)),
                low=fmt(min(values)),
            )
        )
    return rows


def _unit_result(result: ClusterResult, unit: UnitScore) -> UnitResult:
    report = result.reports[unit.member_id]
    metrics = prose.headline_metrics(report.metrics, metric_rules().headline)
    parts = []
    figures = prose.join_quotes([m.quote.text for m in metrics])
    if figures:
        scanned = any(m.quote.provenance.ocr_confidence is not None for m in metrics)
        parts.append(capitalized(figures) + (" (số liệu đọc bằng OCR từ bản quét)" if scanned else ""))
    # The unit's awards are listed once, by unit, in part IV (awards_by_unit), not here again.
    parts.append(
        f"Đơn vị tự chấm {fmt(unit.claimed_total if unit.claimed_total is not None else unit.self_total)} điểm, "
        f"Cụm chấm {fmt(unit.total)} điểm, xếp thứ {unit.rank}/{len(result.board.units)}"
    )
    return UnitResult(name=unit.name, text=". ".join(parts) + f" (nguồn: {prose.source_of(report)}).")


def _unit_awards(report: object) -> str:
    groups: dict[str, list] = {}
    for fact in report.awards:
        groups.setdefault(fact.award, []).append(fact)
    ordered = sorted(groups.values(), key=lambda g: prose.award_order(g[0].award, g[0].level))
    return "; ".join(prose.award_phrase(g) for g in ordered)


def _all_awards(result: ClusterResult) -> list:
    return [fact for report in result.reports.values() for fact in report.awards]


def _awards_summary(result: ClusterResult) -> str:
    counts = prose.award_counts(_all_awards(result))
    if not counts:
        return f"Các báo cáo chưa nêu kết quả khen thưởng trong năm {result.year}."
    collective = sum(c for _, c, _ in counts)
    individual = sum(p for _, _, p in counts)
    top = [name for name, _, _ in counts[:2]]
    return (
        f"Năm {result.year}, các đơn vị trong Cụm có {prose.two_digits(collective)} lượt tập thể và "
        f"{prose.two_digits(individual)} lượt cá nhân được khen thưởng các cấp, trong đó có {prose.name_list(top)}. "
        "Kết quả cụ thể như sau:"
    )


def _awards_by_unit(result: ClusterResult) -> list[str]:
    lines = []
    for unit in result.board.units:
        awards = _unit_awards(result.reports[unit.member_id])
        if awards:
            lines.append(f"{unit.name}: {awards}.")
    return lines


def _award_line(result: ClusterResult) -> ScoreLine:
    """The lowest score line of the rules (the one that opens an award to most units); without
    one, the default: the total against 80% of the standard scale."""
    lines = [a.line for a in result.rules.awards if a.line is not None]
    scale = result.board.scale
    return min(lines, key=lambda line: line.points_for(scale), default=ScoreLine(share=0.8))


def _strengths(result: ClusterResult) -> list[str]:
    units, scale = result.board.units, result.board.scale
    if not units:
        return []
    line = _award_line(result)
    good = [u for u in units if line.score_of(u.total, u.standard) + 0.005 >= line.points_for(scale)]
    lines = [
        f"Các đơn vị trong Cụm hoàn thành tốt nhiệm vụ năm {result.year}: {prose.two_digits(len(good))}/"
        f"{prose.two_digits(len(units))} đơn vị đạt {line.describe(scale)}; điểm chuẩn bình quân "
        f"đạt {fmt(mean(u.standard for u in units))}/{fmt(scale)} điểm."
    ]
    good = _good_groups(result)
    if good:
        share = fmt(result.rules.assessment.good_share * 100)
        what = "Nhóm tiêu chí" if len(good) == 1 else "Các nhóm tiêu chí"
        lines.append(f"{what} {prose.name_list(good)} được các đơn vị thực hiện tốt (điểm bình quân từ {share}% "
                     "điểm chuẩn trở lên).")
    awards = _all_awards(result)
    if awards:
        counts = prose.award_counts(awards)
        lines.append(
            "Công tác khen thưởng được quan tâm, kịp thời; nhiều tập thể, cá nhân được khen thưởng cấp cao như "
            f"{prose.name_list([name for name, _, _ in counts[:3]])}."
        )
    with_bonus = [u for u in units if u.bonus > 0]
    if with_bonus:
        lines.append(
            f"{prose.two_digits(len(with_bonus))}/{prose.two_digits(len(units))} đơn vị có điểm thưởng nhờ thành tích "
            "được khen thưởng cấp cao, mô hình mới, sáng kiến hoặc đăng cai hoạt động chung của Cụm."
        )
    return lines


def _good_groups(result: ClusterResult) -> list[str]:
    """'“title” (57/60 điểm)' for each standard group averaging from the 'good' share of its points."""
    found = []
    for group in result.rubric.groups_of(GroupKind.STANDARD):
        values = [g.proposed for u in result.board.units for g in u.groups if g.code == group.code]
        if values and group.points and mean(values) >= result.rules.assessment.good_share * group.points - 0.005:
            found.append(f"“{group.title}” ({fmt(mean(values))}/{fmt(group.points)} điểm)")
    return found


def _criterion_means(result: ClusterResult) -> list[tuple[float, str, str, float, float]]:
    """(share of max, code, title, mean, max) for standard criteria, lowest share first."""
    rows = []
    for group, criterion in result.rubric.leaves():
        if group.kind is not GroupKind.STANDARD or not criterion.max:
            continue
        values = [c.proposed for u in result.board.units for c in u.criteria if c.code == criterion.code]
        if values:
            rows.append((mean(values) / criterion.max, criterion.code, criterion.title, mean(values), criterion.max))
    return sorted(rows, key=lambda r: (r[0], r[1]))


def _low_criteria(result: ClusterResult) -> list[tuple[float, str, str, float, float]]:
    """The standard criteria averaging below the 'low' share of their points, lowest first, at
    most as many as the rules say (award rules, assessment)."""
    assessment = result.rules.assessment
    return [r for r in _criterion_means(result) if r[0] < assessment.low_share - 1e-9][: assessment.max_low]


def _low_sentence(result: ClusterResult) -> str:
    """One sentence for every low criterion: those with the same average share one clause
    ('Tiêu chí II.3 “…” và III.3 “…” đạt bình quân 4,42/5 điểm')."""
    low = _low_criteria(result)
    if not low:
        return ""
    by_score: dict[tuple[str, str], list[str]] = {}
    for _, code, title, avg, top in low:
        by_score.setdefault((fmt(avg), fmt(top)), []).append(f"{code} “{title}”")
    clauses = [f"{prose.name_list(named)} đạt bình quân {avg}/{top} điểm" for (avg, top), named in by_score.items()]
    what = "Tiêu chí" if len(low) == 1 else "Các tiêu chí"
    line = fmt(result.rules.assessment.low_share * 100)
    return f"{what} {'; '.join(clauses)}, còn thấp (dưới {line}% điểm chuẩn)."


def _limitations(result: ClusterResult) -> list[str]:
    lines = [line for line in [_low_sentence(result)] if line]
    for unit in result.board.units:
        for c in unit.criteria:
            if c.kind is GroupKind.DEDUCTION and c.proposed > 0:
                lines.append(f"{unit.name} bị trừ {fmt(c.proposed)} điểm do {c.title[0].lower()}{c.title[1:]}.")
    over = [u.name for u in result.board.units if any(c.has(FlagCode.OVER_MAX) for c in u.criteria)]
    unsupported = [u.name for u in result.board.units if any(c.has(FlagCode.NO_EVIDENCE) for c in u.criteria)]
    if over:
        lines.append(f"Có đơn vị tự chấm vượt điểm chuẩn của tiêu chí ({prose.name_list(over)}); Cụm đã điều chỉnh.")
    if unsupported:
        lines.append(
            f"Có đơn vị chưa nêu minh chứng cho điểm tự chấm ở một số tiêu chí ({prose.name_list(unsupported)}); "
            "đề nghị bổ sung minh chứng."
        )
    lines += _unit_quotes(result, SectionKind.LIMITATIONS)
    return lines


def _causes(result: ClusterResult) -> list[str]:
    quotes = _unit_quotes(result, SectionKind.CAUSES)
    return quotes or [
        "Các đơn vị chưa nêu cụ thể nguyên nhân của hạn chế trong báo cáo; đề nghị các đơn vị trao đổi, "
        "bổ sung tại hội nghị tổng kết Cụm."
    ]


def _directions(result: ClusterResult) -> list[str]:
    lines = []
    low = [f"{code} “{title}”" for _, code, title, _, _ in _low_criteria(result)]
    if low:
        lines.append(f"Tập trung cải thiện kết quả {'tiêu chí' if len(low) == 1 else 'các tiêu chí'} "
                     f"{prose.name_list(low)} trong năm {result.year + 1}.")
    leadership = result.nominations.leadership
    if leadership.leader:
        line = f"{leadership.leader} đảm nhận vai trò Cụm trưởng"
        if leadership.deputy:
            line += f", {leadership.deputy} là Cụm phó"
        lines.append(
            f"{line} năm {result.year + 1}; duy trì sinh hoạt Cụm định kỳ, trao đổi kinh nghiệm giữa các đơn vị."
        )
    return lines


def _unit_quotes(result: ClusterResult, kind: SectionKind) -> list[str]:
    """One sentence per unit from its own section of that kind, attributed; a sentence two units
    wrote alike is written once, with both units."""
    said: dict[str, list[str]] = {}
    for unit in result.board.units:
        quotes = result.reports[unit.member_id].sections.get(kind, [])
        sentence = prose.first_sentence(quotes[0].text) if quotes else ""
        if sentence:
            said.setdefault(sentence, []).append(unit.name)
    return [f"{prose.name_list(names)}: {sentence}." for sentence, names in said.items()]


def _unit_recommendations(result: ClusterResult) -> list[str]:
    """Each unit's first recommendation, said as the unit's ('Trường … kiến nghị: đề nghị Sở Y tế
    …'). Awards a unit proposes for itself are not the cluster's proposals: they are left out
    (the cluster proposes awards from the scores; the run report lists them)."""
    first: dict[str, tuple[str, str]] = {}
    for proposal in unit_proposals(result):
        if not proposal.award and proposal.member_id not in first:
            first[proposal.member_id] = (proposal.unit, prose.clause(proposal.text))
    said: dict[str, list[str]] = {}
    for unit, text in first.values():
        said.setdefault(text, []).append(unit)
    if not said:
        return []
    return ["Cụm tổng hợp kiến nghị của các đơn vị thành viên để cấp có thẩm quyền xem xét:"] + [
        f"{prose.name_list(units)} kiến nghị: {_lower_verb(text)}." for text, units in said.items()]


def _lower_verb(text: str) -> str:
    """'Đề nghị Sở …' → 'đề nghị Sở …' after 'kiến nghị:' (a proper name keeps its capital)."""
    first = text.split(" ", 1)[0]
    return text[0].lower() + text[1:] if first in ("Đề", "Kiến", "Cần", "Tiếp") else text


def _scoring_summary(result: ClusterResult) -> str:
    adjusted = [u for u in result.board.units if abs(u.total - (u.claimed_total or u.self_total)) > 0.005]
    text = "Căn cứ báo cáo, bảng tự chấm điểm và minh chứng của các đơn vị, kết quả chấm điểm của Cụm như sau"
    if adjusted:
        count = prose.two_digits(len(adjusted))
        text += f" ({count} đơn vị được điều chỉnh so với điểm tự chấm, lý do ghi tại cột Ghi chú)"
    # Cluster-level notes for reviewers (an imported rubric not yet settled): marked for deletion.
    text += "".join(f" [Cần kiểm tra: {note}]" for note in result.review_notes)
    return text + ":"


def _scoring_conclusion(result: ClusterResult) -> str:
    units = result.board.units
    if not units:
        return ""
    leaders = [u for u in units if u.rank == 1]
    names = prose.name_list([u.name for u in leaders])
    return f"{names} dẫn đầu {result.cluster.name} năm {result.year} với {fmt(leaders[0].total)} điểm."


def _score_row(stt: int, unit: UnitScore, count: int) -> ScoreRow:
    notes = []
    for c in unit.criteria:
        if c.has(FlagCode.OVER_MAX):
            notes.append(f"Tiêu chí {c.code}: tự chấm {fmt(c.self_score or 0)}, tối đa {fmt(c.max_points)}")
        if c.has(FlagCode.NO_EVIDENCE):
            notes.append(f"Tiêu chí {c.code}: chưa thấy minh chứng")
    if unit.tied_with:
        notes.insert(0, "Đồng hạng")
    if unit.from_ocr:
        notes.append("Bảng điểm đọc bằng OCR từ bản quét" + ("; cần đối chiếu bản gốc" if unit.needs_check else ""))
    claimed = unit.claimed_total if unit.claimed_total is not None else unit.self_total
    return ScoreRow(stt=stt, name=unit.name, self_total=fmt(claimed), total=fmt(unit.total),
                    rank=str(unit.rank), note="; ".join(notes))


def _award_proposals(result: ClusterResult) -> list[str]:
    lines = []
    by_award: dict[str, list[Nomination]] = {}
    for n in result.nominations.nominations:
        if n.status is Status.PROPOSED:
            by_award.setdefault(n.proposal, []).append(n)
    for proposal, items in by_award.items():
        lines.append(f"{proposal} cho {prose.name_list([n.name for n in items])}.")
    for n in result.nominations.nominations:
        if n.status is Status.TIE_VOTE and n.note not in lines:
            lines.append(n.note)
    for n in result.nominations.nominations:
        if n.status is Status.CHECK:
            lines.append(f"{n.name}: {n.note[0].lower()}{n.note[1:]}.")
    for n in result.nominations.nominations:
        if n.status is Status.NONE:
            lines.append(f"Chưa đề nghị khen thưởng đối với {n.name}: {n.reason[0].lower()}{n.reason[1:]}.")
    return lines


def _officer_proposals(result: ClusterResult) -> list[str]:
    officers = result.nominations.officers
    if not officers:
        return []
    people = prose.name_list([f"{o.name} ({o.unit})" for o in officers])
    return [f"{officers[0].proposal} cho {prose.two_digits(len(officers))} cá nhân có thành tích trong công tác "
            f"thi đua, khen thưởng năm {result.year}: {people}."]


def _leadership(result: ClusterResult) -> list[str]:
    ld = result.nominations.leadership
    lines = [f"Cụm trưởng: {ld.leader or '…… (Cụm biểu quyết)'}.", f"Cụm phó: {ld.deputy or '…… (Cụm biểu quyết)'}."]
    lines.append(f"Căn cứ đề xuất: {ld.basis[0].lower()}{ld.basis[1:]}.")
    return lines
