"""Whether a document says it replaces an earlier one: "Báo cáo này thay thế Báo cáo số 12/BC-CĐYT
ngày 05/12/2023", "(BẢN SỬA ĐỔI)". Such a document wins over the one it replaces, whatever their
dates or arrival (pipeline/runs/steps.py chooses among a unit's versions). Words: rules/versions.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice

from pipeline.core.model import BlockKind, Document, Part
from pipeline.core.textnorm import fold
from pipeline.understanding.facts import Quote
from pipeline.understanding.header import block_lines
from pipeline.understanding.rules import version_words

# A revision is said near the top: in the header, by the title, or in the opening paragraphs.
_OPENING_BLOCKS = 24
# A line that only marks a revision is short ("(BẢN SỬA ĐỔI, BỔ SUNG)").
_MARK_CHARS = 60
_NUMBER = re.compile(r"^\s*(?:số\s*:?\s*)?(\d{1,5}\s*/\s*[^\s,;.()]+)")


@dataclass(frozen=True)
class Revision:
    replaces: str | None  # the number of the document replaced, as written ("12/BC-CĐYT")
    quote: Quote  # the words that say so


def read_revision(doc: Document) -> Revision | None:
    words = version_words()
    replaces = [fold(w) for w in words.replaces]
    marks = [fold(w) for w in words.revised]
    # The opening blocks taken as they come, not after listing the hundreds of a whole report.
    body = (b for b in doc.blocks if b.provenance.part is Part.BODY and b.kind is not BlockKind.TABLE)
    for block in islice(body, _OPENING_BLOCKS):
        for line in block_lines(block):
            folded = fold(line.text)
            for phrase in replaces:
                at = folded.find(phrase)
                if at >= 0:
                    number = _NUMBER.match(line.text[at + len(phrase):])
                    return Revision(re.sub(r"\s+", "", number.group(1)) if number else None,
                                    Quote(text=line.text, provenance=line.provenance))
            if len(folded) <= _MARK_CHARS and _is_mark(folded, marks):
                return Revision(None, Quote(text=line.text, provenance=line.provenance))
    return None


def _is_mark(folded: str, marks: list[str]) -> bool:
    """A line that is only a revision mark: "(bản sửa đổi)", "bản điều chỉnh lần 2", "sửa đổi, bổ sung"."""
    text = folded.strip(" ()[]*-–")
    rest = text
    for mark in sorted(marks, key=len, reverse=True):
        rest = rest.replace(mark, " ")
    return rest != text and not re.sub(r"(lần|\d|,|và|thứ|hai|ba|[\s.:;])", "", rest)
