"""Awards the unit and its people received during the year.

Award names are found by the span ruler; who received them and how many is read from the words
between the previous award and this one ("01 tập thể và 04 cá nhân được tặng Bằng khen …"),
or after it ("… Bằng khen của Giám đốc Sở cho 03 cá nhân"), or from the subject ("Nhà trường").
Proposals and targets ("đề nghị tặng", "phấn đấu đạt") are not received awards. Each award
records the year the text states for it (see years.py: "Bằng khen của Thủ tướng năm 2023").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pipeline.core.model import Block
from pipeline.understanding.facts import AwardFact, Recipient
from pipeline.understanding.nlp import RuleSet, text_of
from pipeline.understanding.passages import quote, sentence_bounds
from pipeline.understanding.phrase_spans import Mark, marks
from pipeline.understanding.years import Mention, TextYears, lead_ins

if TYPE_CHECKING:  # spaCy is imported when rules are built, not by every importer
    from spacy.tokens import Doc

_COLLECTIVE_NOUNS = ("tập thể", "khoa", "phòng", "bộ môn", "tổ", "đơn vị", "chi bộ", "đoàn thể", "trung tâm", "lớp")
_INDIVIDUAL_NOUNS = ("cá nhân", "đồng chí", "giảng viên", "cán bộ", "viên chức", "nhà giáo", "người lao động",
                     "sinh viên", "học sinh", "đoàn viên", "công chức", "nhân viên", "người")
_COUNTED = re.compile(
    r"(\d{1,4})\s+(" + "|".join(re.escape(n) for n in _COLLECTIVE_NOUNS + _INDIVIDUAL_NOUNS) + r")\b"
)
_NOT_RECEIVED = ("đề nghị", "đề xuất", "phấn đấu", "kiến nghị", "xét tặng", "trình cấp", "chỉ tiêu", "đăng ký")
_INDIVIDUAL_SUBJECT = ("đồng chí", "ông ", "bà ", "nhà giáo", "ts.", "ths.", "pgs", "nghệ sĩ")


def find_awards(blocks: list[Block], docs: list[Doc], rules: RuleSet,
                leads: list[Mention | None] | None = None) -> list[AwardFact]:
    """``leads``: lead_ins(blocks), when the caller has them already."""
    facts: list[AwardFact] = []
    for block, doc, lead in zip(blocks, docs, leads if leads is not None else lead_ins(blocks), strict=True):
        previous_end = 0
        spans = _longest(marks(doc, "awards"))
        if not spans:
            continue
        years = TextYears(text_of(doc), lead).of_awards([(s.start_char, s.end_char) for s in spans])
        for span, year in zip(spans, years, strict=True):
            s_start, s_end = sentence_bounds(text_of(doc), span.start_char, span.end_char)
            before = text_of(doc)[max(s_start, previous_end) : span.start_char]
            previous_end = span.end_char
            if any(w in text_of(doc)[s_start : span.start_char] for w in _NOT_RECEIVED):
                continue
            info = rules.awards[span.id_]
            after = text_of(doc)[span.end_char : s_end]
            as_written = block.text[span.start_char : span.end_char]
            for recipient, count in _recipients(before, after, info.recipient):
                facts.append(
                    AwardFact(
                        award=info.name,
                        as_written=as_written,
                        kind=info.kind,
                        level=info.level,
                        recipient=recipient,
                        count=count,
                        **(year.stated() if year else {}),
                        quote=quote(block, s_start, s_end),
                    )
                )
    return facts


def _longest(spans: list[Mark]) -> list[Mark]:
    """Drop spans inside longer ones ("Lao động tiên tiến" inside "Tập thể lao động tiên tiến")."""
    ordered = sorted(spans, key=lambda s: (s.start, -(s.end - s.start)))
    kept: list[Mark] = []
    for span in ordered:
        if kept and span.start < kept[-1].end:
            continue
        kept.append(span)
    return kept


def _recipients(before: str, after: str, inherent: str | None) -> list[tuple[Recipient, int]]:
    found = [_counted(m) for m in _COUNTED.finditer(before)]
    if not found:
        m = re.match(r"^\W*(?:cho|:|gồm|với)?\s*" + _COUNTED.pattern, after)
        if m:
            found = [(_kind(m.group(2)), int(m.group(1)))]
    if found:
        return found
    if inherent:
        return [(Recipient(inherent), 1)]
    if any(w in before for w in _INDIVIDUAL_SUBJECT):
        return [(Recipient.INDIVIDUAL, 1)]
    return [(Recipient.COLLECTIVE, 1)]


def _counted(match: re.Match[str]) -> tuple[Recipient, int]:
    return _kind(match.group(2)), int(match.group(1))


def _kind(noun: str) -> Recipient:
    return Recipient.COLLECTIVE if noun in _COLLECTIVE_NOUNS else Recipient.INDIVIDUAL
