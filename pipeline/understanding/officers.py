"""People a report names as doing the emulation and commendation work ("đồng chí Nguyễn Thị Hồng
Nhung, chuyên viên Phòng Tổ chức - Hành chính, phụ trách công tác thi đua, khen thưởng"): the
cluster commends them. A title word, then a name of capitalized syllables, then the position."""

from __future__ import annotations

import re
from functools import cache

from pipeline.core.model import Block
from pipeline.core.textnorm import fold
from pipeline.understanding.facts import OfficerFact
from pipeline.understanding.passages import quote, sentence_bounds
from pipeline.understanding.rules import officer_rules
from pipeline.understanding.scan import finditer_after, word_start

_SYLLABLE = r"[A-ZĐÀ-Ỹ][^\s,;.()]*"


@cache
def _pattern() -> re.Pattern[str]:
    """A title word (any case; the word boundary before it is checked by finditer_after), a name, a position.

    The title is found from its first character's case forms, a plain set the regex engine scans
    for, each then checked case-blind behind it: a case-blind alternation leading the pattern was
    tried at every character of every paragraph ("ông" is in every "công"), ~3× slower. The set
    need only hold every character the title's first one matches case-blind (test_fast_text_scans
    checks it over all of Unicode); one more costs a failed check."""
    titles = officer_rules().titles
    firsts = "".join(sorted(set().union(*(_case_forms(t[0]) for t in titles))))
    # The lookbehind gives the title's whole first character back to the case-blind test.
    alternatives = "|".join(rf"(?<=(?i:{re.escape(t[0])})){_case_blind(t[1:])}" for t in titles)
    return re.compile(rf"[{re.escape(firsts)}](?:{alternatives})\s+((?:{_SYLLABLE}\s+){{1,4}}{_SYLLABLE})"
                      r"(?:\s*,\s*([^,;.]+))?")


def _case_forms(ch: str) -> set[str]:
    return {c for c in (ch, ch.lower(), ch.upper(), ch.title(), ch.casefold(), ch.swapcase()) if len(c) == 1}


def _case_blind(text: str) -> str:
    return f"(?i:{re.escape(text)})" if text else ""


def find_officers(blocks: list[Block]) -> list[OfficerFact]:
    roles = [fold(r) for r in officer_rules().roles]
    found: dict[str, OfficerFact] = {}
    for block in blocks:
        for match in finditer_after(_pattern(), block.text, word_start):
            start, end = sentence_bounds(block.text, match.start(), match.end())
            if not any(role in fold(block.text[start:end]) for role in roles):
                continue
            name = match.group(1).strip()
            if name not in found:
                position = (match.group(2) or "").strip()
                found[name] = OfficerFact(name=name, position=position, quote=quote(block, start, end))
    return list(found.values())
