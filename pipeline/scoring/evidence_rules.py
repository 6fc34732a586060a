"""Evidence rules: the points a criterion's rule gives from what the report shows.

A rule returns the points and the reason, quoting its evidence, or None when the report holds
nothing the rule can use (the caller then keeps the self score and says so). Rules are data in the
rubric (see pipeline/config/rubric.py): a figure and its thresholds, awards received, a deduction.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

from pipeline.config.cluster import Cluster
from pipeline.config.rubric import AwardPoints, Criterion, DeductionKind, DeductionRule, MetricRule
from pipeline.core.textnorm import fold
from pipeline.core.textnorm import format_number as fmt
from pipeline.understanding.facts import AwardFact, EvidencePassage, MetricFact, Quote, ReportFacts

_NEGATION = re.compile(r"\b(không|chưa|không có|không để|không để xảy ra)\b[^.;]{0,60}$")


@dataclass
class RuleResult:
    value: float
    reason: str
    evidence: list[EvidencePassage]


def apply_rule(criterion: Criterion, facts: ReportFacts, cluster: Cluster | None, step: float) -> RuleResult | None:
    if criterion.metric:
        return _metric(criterion, criterion.metric, facts, step)
    if criterion.awards:
        return _awards(criterion, criterion.awards, facts)
    if criterion.deduction:
        return _deduction(criterion, criterion.deduction, facts, cluster)
    return None


def _floor(value: float, step: float) -> float:
    return math.floor(value / step + 1e-9) * step


def _passage(criterion: Criterion, quote: Quote) -> EvidencePassage:
    return EvidencePassage(criterion=criterion.code, phrases=[], quote=quote)


def _source(quote: Quote) -> str:
    where = quote.provenance.describe()
    return f"{quote.provenance.file}{', ' + where if where else ''}"


# --- a figure against thresholds ---------------------------------------------------------------

def _metric(criterion: Criterion, rule: MetricRule, facts: ReportFacts, step: float) -> RuleResult | None:
    metric = _find_metric(rule, facts.metrics)
    if metric is None:
        return None
    share = (metric.value - rule.zero_below) / (rule.full_at - rule.zero_below)
    points = _floor(criterion.points * min(max(share, 0.0), 1.0), step)
    unit = rule.unit if rule.unit != "%" else "%"
    reason = (
        f"{metric.measure} đạt {fmt(metric.value)}{unit} ({_source(metric.quote)}); quy tắc: từ "
        f"{fmt(rule.full_at)}{unit} đạt đủ {fmt(criterion.points)} điểm, dưới {fmt(rule.zero_below)}{unit} "
        f"không có điểm → {fmt(points)} điểm"
    )
    return RuleResult(points, reason, [_passage(criterion, metric.quote)])


def _find_metric(rule: MetricRule, metrics: list[MetricFact]) -> MetricFact | None:
    words = [fold(w) for w in rule.measure]
    for metric in metrics:
        if metric.unit != rule.unit and not (rule.unit == "%" and metric.unit == "%"):
            continue
        described = fold(f"{metric.measure} {metric.quote.text}")
        if any(w in described for w in words):
            return metric
    return None


# --- awards received -------------------------------------------------------------------------

def _awards(criterion: Criterion, rules: list[AwardPoints], facts: ReportFacts) -> RuleResult:
    total, lines, evidence = 0.0, [], []
    for rule in rules:
        matching = [a for a in facts.awards if _matches(rule, a)]
        if not matching:
            continue
        count = sum(a.count for a in matching) if rule.per == "each" else 1
        points = rule.points * count
        total += points
        names = "; ".join(f"{a.award} ({a.count:02d} {a.recipient.value})" for a in matching)
        lines.append(f"{names}: {fmt(points)} điểm")
        evidence += [_passage(criterion, a.quote) for a in matching]
    value = min(total, criterion.max) if criterion.max is not None else total
    if not lines:
        return RuleResult(0.0, "Báo cáo không nêu khen thưởng nào được tính điểm cho tiêu chí này", [])
    cap = f", tối đa {fmt(value)}" if total > value else ""
    return RuleResult(value, "Khen thưởng trong năm: " + "; ".join(lines) + f" → {fmt(value)} điểm{cap}", evidence)


def _matches(rule: AwardPoints, award: AwardFact) -> bool:
    if rule.recipient and award.recipient.value != rule.recipient:
        return False
    return fold(award.award).startswith(fold(rule.match)) or fold(award.as_written).startswith(fold(rule.match))


# --- deductions ------------------------------------------------------------------------------

def _deduction(criterion: Criterion, rule: DeductionRule, facts: ReportFacts,
               cluster: Cluster | None) -> RuleResult | None:
    if rule.when is DeductionKind.LATE_REPORT:
        return _late(criterion, rule, facts, cluster.report_deadline if cluster else None)
    passages = [p for p in facts.evidence.get(criterion.code, []) if not _negated(p)]
    if not passages:
        return RuleResult(0.0, "Báo cáo không nêu trường hợp phải trừ điểm", [])
    what = "kỷ luật" if rule.when is DeductionKind.DISCIPLINE else "vi phạm"
    quote = passages[0].quote
    points = min(rule.points, criterion.max) if criterion.max is not None else rule.points
    return RuleResult(points, f"Báo cáo nêu có {what} ({_source(quote)}): trừ {fmt(points)} điểm",
                      passages[:3])


def _late(criterion: Criterion, rule: DeductionRule, facts: ReportFacts,
          deadline: dt.date | None) -> RuleResult | None:
    if deadline is None or facts.doc_date is None:
        return None
    written = f"{facts.doc_date:%d/%m/%Y}"
    if facts.doc_date <= deadline:
        return RuleResult(0.0, f"Báo cáo ghi ngày {written}, trong hạn {deadline:%d/%m/%Y}", [])
    return RuleResult(min(rule.points, criterion.max) if criterion.max is not None else rule.points,
                      f"Báo cáo ghi ngày {written}, sau hạn gửi {deadline:%d/%m/%Y}: trừ {fmt(rule.points)} điểm", [])


def _negated(passage: EvidencePassage) -> bool:
    """'không có cán bộ nào bị kỷ luật' is the opposite of evidence."""
    text = fold(passage.quote.text)
    for phrase in passage.phrases or [""]:
        position = text.find(fold(phrase)) if phrase else len(text)
        if position >= 0 and _NEGATION.search(text[:position]):
            return True
    return False
