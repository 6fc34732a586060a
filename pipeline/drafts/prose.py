"""Vietnamese sentences written from data, as an officer would write them."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from pipeline.core.textnorm import fold
from pipeline.understanding.facts import AwardFact, MetricFact, Recipient, ReportFacts

LEVEL_ORDER = ["Nhà nước", "Chính phủ", "Bộ", "Thành phố", "Sở", "Cơ sở"]
# Within a level, forms and titles in the order reports and statistics list them.
FORM_ORDER = ["Huân chương", "Cờ thi đua", "Chiến sĩ thi đua toàn quốc", "Bằng khen", "Chiến sĩ thi đua",
              "Tập thể lao động xuất sắc", "Giấy khen", "Tập thể lao động tiên tiến", "Lao động tiên tiến"]


def award_order(name: str, level: str) -> tuple[int, int, str]:
    form = next((i for i, prefix in enumerate(FORM_ORDER) if name.startswith(prefix)), len(FORM_ORDER))
    return (LEVEL_ORDER.index(level) if level in LEVEL_ORDER else len(LEVEL_ORDER), form, name)
_LOWER_FIRST = {"tỷ", "tỉ", "tổng", "số", "có", "đã", "công", "tuyển", "hoàn", "đạt"}


def two_digits(n: int) -> str:
    """Counts in administrative text: '01', '06', '12'."""
    return f"{n:02d}"


def place_date(place: str, date: dt.date | None) -> str:
    """'Hà Nội, ngày 05 tháng 01 năm 2024' (Decree 30: leading 0 for days < 10 and months 1–2)."""
    if date is None:
        return f"{place}, ngày …… tháng …… năm ……"
    month = f"{date.month:02d}" if date.month <= 2 else str(date.month)
    return f"{place}, ngày {date.day:02d} tháng {month} năm {date.year}"


def short_date(date: dt.date | None) -> str:
    return f"{date.day:02d}/{date.month:02d}/{date.year}" if date else ""


def source_of(report: ReportFacts) -> str:
    """'Báo cáo số 125/BC-CĐYT ngày 12/12/2023' or the file name when the report has no number."""
    if report.doc_number:
        when = f" ngày {short_date(report.doc_date)}" if report.doc_date else ""
        return f"Báo cáo số {report.doc_number}{when}"
    return f"tệp {report.file}"


def clause(text: str) -> str:
    """A quoted fragment fitted into a sentence: no final stop, common first word in lower case."""
    text = text.strip().rstrip(".;, ")
    first = text.split(" ", 1)[0]
    if fold(first) in _LOWER_FIRST:
        text = first.lower() + text[len(first):]
    return text


def headline_metrics(metrics: list[MetricFact], keywords: list[str], limit: int = 4) -> list[MetricFact]:
    """The figures worth quoting: those whose measure names a headline topic, in topic order."""
    chosen: list[MetricFact] = []
    for keyword in keywords:
        for metric in metrics:
            if fold(keyword) in fold(metric.quote.text) and metric not in chosen:
                chosen.append(metric)
                break
        if len(chosen) >= limit:
            break
    return chosen


def join_quotes(quotes: list[str]) -> str:
    fragments = []
    for quote in quotes:
        fragment = clause(quote)
        if fragment and not any(fragment in other for other in fragments):
            fragments.append(fragment)
    return "; ".join(fragments)


def award_phrase(fact_group: list[AwardFact]) -> str:
    """'Cờ thi đua của Ủy ban nhân dân Thành phố (tập thể đơn vị)' / 'Bằng khen … (03 cá nhân)'."""
    award = fact_group[0].award
    parts = []
    for recipient in (Recipient.COLLECTIVE, Recipient.INDIVIDUAL):
        count = sum(f.count for f in fact_group if f.recipient is recipient)
        if count:
            parts.append(f"{two_digits(count)} {recipient.value}")
    return f"{award} ({', '.join(parts)})"


def award_counts(facts: list[AwardFact]) -> list[tuple[str, int, int]]:
    """(award, collective count, individual count), highest level first."""
    collective: Counter[str] = Counter()
    individual: Counter[str] = Counter()
    levels: dict[str, str] = {}
    for fact in facts:
        target = collective if fact.recipient is Recipient.COLLECTIVE else individual
        target[fact.award] += fact.count
        levels[fact.award] = fact.level
    names = sorted(levels, key=lambda a: award_order(a, levels[a]))
    return [(name, collective[name], individual[name]) for name in names]


_LIST_MARK = re.compile(r"^\s*(\d{1,2}[.)]|[a-zđ]\)|[-–+•*])\s+")


def first_sentence(text: str, limit: int = 220) -> str:
    """The first sentence of a passage, without a leading list marker ("1.", "-", "a)")."""
    text = _LIST_MARK.sub("", text.strip())
    match = re.match(r"(.+?[.;!?])(\s|$)", text)
    sentence = match.group(1) if match else text
    if len(sentence) > limit:
        sentence = sentence[:limit].rsplit(" ", 1)[0] + " …"
    return sentence.rstrip(".;")


def name_list(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " và " + names[-1]

