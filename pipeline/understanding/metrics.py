"""Headline figures: a value and what it measures.

Three shapes, found from the token texts with the nouns of rules/metrics.yaml (figure_spans.py):
- "tỷ lệ sinh viên có việc làm sau tốt nghiệp đạt 92,5%"  → measure before the verb, a percentage;
- "tuyển sinh được 1.250/1.200 chỉ tiêu"                    → a value against a target;
- "15 đề tài nghiên cứu khoa học cấp cơ sở"                 → a count of a noun phrase.
Each figure records the year the text states for it (see years.py: "đạt 92% (năm 2022 là 88%)").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pipeline.core.model import Block
from pipeline.core.textnorm import fold, parse_number
from pipeline.understanding.facts import MetricFact
from pipeline.understanding.figure_spans import COUNT, FRACTION, PERCENT
from pipeline.understanding.nlp import RuleSet, text_of
from pipeline.understanding.passages import clause_bounds, clause_start, quote, sentence_start
from pipeline.understanding.years import Mention, TextYears, lead_ins, mentions

if TYPE_CHECKING:  # spaCy is imported when rules are built, not by every importer
    from spacy.tokens import Doc

_MAX_MEASURE_WORDS = 12


_DIGIT = re.compile(r"\d")


def find_metrics(blocks: list[Block], docs: list[Doc], rules: RuleSet,
                 leads: list[Mention | None] | None = None) -> list[MetricFact]:
    """Figures in reading order; a figure repeated later (a summary restating it) is kept once.
    ``leads``: lead_ins(blocks), when the caller has them already."""
    facts: list[MetricFact] = []
    seen: set[tuple[str, float, str, int | None]] = set()
    for block, doc, lead in zip(blocks, docs, leads if leads is not None else lead_ins(blocks), strict=True):
        if not _DIGIT.search(text_of(doc)):
            continue  # every figure starts at a digit: a block without one needs no token walk
        years = TextYears(text_of(doc), lead)
        for kind, start, end in rules.figures.spans(doc, text_of(doc)):
            if _aspirational(doc, start, rules):
                continue
            fact = _READERS[kind](block, doc, start, end, rules)
            if fact is None:
                continue
            year = years.of_figure(doc[start].idx)
            fact = fact.model_copy(update=year.stated()) if year else fact
            key = (fold(fact.measure), fact.value, fact.unit, fact.year)
            if key not in seen:
                seen.add(key)
                facts.append(fact)
    return facts


def _percent(block: Block, doc: Doc, start: int, end: int, rules: RuleSet) -> MetricFact | None:
    value = parse_number(doc[start].text)
    if value is None:
        return None
    where, measure = _measure_before(doc, start, rules)
    return _fact(block, doc, (start, end), where, measure, value, "%", None)


def _fraction(block: Block, doc: Doc, start: int, end: int, rules: RuleSet) -> MetricFact | None:
    left, _, right = doc[start].text.partition("/")
    value, target = parse_number(left), parse_number(right)
    if value is None or target is None or _is_date_or_number_line(doc, start):
        return None
    noun = _noun_after(doc, end, rules) or ""
    where, measure = _measure_before(doc, start, rules)
    return _fact(block, doc, (start, end), where, measure, value, noun, target)


def _count(block: Block, doc: Doc, start: int, end: int, rules: RuleSet) -> MetricFact | None:
    value = parse_number(doc[start].text)
    if value is None or _is_date_or_number_line(doc, start):
        return None
    counted = doc[start + 1 : end]
    unit = counted.text
    phrase = _noun_after(doc, start + 1, rules) or unit
    return _fact(block, doc, (start, end), counted.start_char, phrase, value, unit, None)


def _fact(block: Block, doc: Doc, figure: tuple[int, int], where: int, measure: str, value: float,
          unit: str, target: float | None) -> MetricFact | None:
    """A metric whose measure starts at character ``where``; its quote runs from the measure
    (or the figure, if it comes first) to the end of the figure's clause."""
    if not measure.strip(" ,;:-–"):
        return None
    first, last = doc[figure[0]], doc[figure[1] - 1]
    _, c_end = clause_bounds(text_of(doc), first.idx, last.idx + len(last))
    # "đạt 92% (năm 2022 là 88%)": another year's figure in parentheses is not part of this one's quote.
    paren = text_of(doc).find("(", last.idx + len(last), c_end + 1)
    if paren >= 0 and mentions(text_of(doc)[paren:c_end]):
        c_end = paren
    original = block.text[where : where + len(measure)].strip(" ,;:-–")
    return MetricFact(
        measure=original, value=value, unit=unit, target=target, quote=quote(block, min(where, first.idx), c_end)
    )


def _measure_before(doc: Doc, start: int, rules: RuleSet) -> tuple[int, str]:
    """Start and words of the clause before the figure, without the linking verb: 'tỷ lệ … đạt'
    → 'tỷ lệ …'. When the clause is just 'đạt 104,2%', the clause before says what was measured."""
    restated = _restated_for_a_year(doc, start, rules)
    if restated is not None:
        return _measure_before(doc, restated, rules)
    at = doc[start].idx
    c_start = clause_start(text_of(doc), at)
    text = text_of(doc)[c_start:at]
    for verb in sorted(rules.metrics.verbs, key=len, reverse=True):
        stripped = text.rstrip()
        if stripped.endswith(" " + verb) or stripped.strip() == verb:
            text = stripped[: -len(verb)]
            break
    if not text.strip() and c_start > 1:
        p_start = clause_start(text_of(doc), c_start - 2)
        c_start, text = p_start, text_of(doc)[p_start : c_start - 1]
    # "Kết quả khảo sát cho thấy tỷ lệ sinh viên …": the measure starts at its head word.
    folded = text.lower()
    heads = [folded.rfind(f" {h} ") + 1 for h in rules.metrics.measure_heads if f" {h} " in f" {folded} "]
    if heads and max(heads) > 0:
        c_start, text = c_start + max(heads), text[max(heads):]
    text = text.rstrip(" (")
    lead = len(text) - len(text.lstrip())
    text = text.strip()
    if not text or len(text.split()) > _MAX_MEASURE_WORDS:
        return c_start, ""
    return c_start + lead, text


def _restated_for_a_year(doc: Doc, start: int, rules: RuleSet) -> int | None:
    """'đạt 92% (năm 2022 là 88%)': a figure in parentheses that says only which year it is of
    restates the figure before the parenthesis, for that year. The index of that figure, or None."""
    at = doc[start].idx
    s_start = sentence_start(text_of(doc), at)
    before = text_of(doc)[s_start:at]
    paren = before.rfind("(")
    if paren < 0 or ")" in before[paren:]:
        return None
    inner = before[paren + 1 :]
    for mention in reversed(mentions(inner)):
        inner = inner[: mention.start] + inner[mention.end :]
    if not mentions(before[paren + 1 :]) or inner.strip(" :,-–") not in ("", *rules.metrics.verbs):
        return None
    figures = [t.i for t in doc[:start] if t.idx < s_start + paren and t.like_num and t.idx >= s_start]
    return figures[-1] if figures else None


def _noun_after(doc: Doc, index: int, rules: RuleSet) -> str | None:
    """The noun phrase after a figure, up to punctuation or a word that starts a predicate."""
    words = []
    for token in doc[index : index + _MAX_MEASURE_WORDS]:
        if token.is_punct or token.like_num or (words and token.text in rules.metrics.stop):
            break
        words.append(token)
    if not words:
        return None
    return text_of(doc)[words[0].idx : words[-1].idx + len(words[-1])]


def _aspirational(doc: Doc, start: int, rules: RuleSet) -> bool:
    """A target or plan ("phấn đấu đạt 100%"), not a result."""
    at = doc[start].idx
    before = text_of(doc)[sentence_start(text_of(doc), at) : at]
    return any(word in before for word in rules.metrics.targets)


def _is_date_or_number_line(doc: Doc, start: int) -> bool:
    previous = doc[start - 1].text if start > 0 else ""
    return previous in ("số", "ngày", "năm", "tháng", "/") or doc[start].text.count("/") > 1


_READERS = {PERCENT: _percent, FRACTION: _fraction, COUNT: _count}
