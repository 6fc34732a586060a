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
    """A title word (any case; the word boundary before it is checked by finditer_after), a name, a position."""
    titles = "|".join(re.escape(t) for t in officer_rules().titles)
    return re.compile(rf"(?i:(?:{titles}))\s+((?:{_SYLLABLE}\s+){{1,4}}{_SYLLABLE})(?:\s*,\s*([^,;.]+))?")


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
