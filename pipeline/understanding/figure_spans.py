"""Where the figures of a folded text are: token spans for a percentage ("92,5 %"), a value
against a target ("1.250/1.200") and a count of a listed noun ("15 đề tài").

These were spaCy Matcher patterns. The Matcher tried every counted noun's pattern from every
number token and kept a state per pattern and token, which made it a third of understanding a
report; the readers only ever use the longest figure at each start, left to right. So the spans
are found directly from the token texts: a number, then the longest listed noun (syllable by
syllable, from a table keyed by the first) or "%" after it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pipeline.core.textnorm import fold
from pipeline.understanding.phrase_spans import literal_trie

if TYPE_CHECKING:
    from spacy.tokens import Doc

PERCENT, FRACTION, COUNT = "PERCENT", "FRACTION", "COUNT"

# Whole token texts (the Matcher's REGEX predicates were anchored the same way).
_NUMBER = re.compile(r"^\d[\d.,]*$")
_FRACTION = re.compile(r"^\d[\d.,]*/\d[\d.,]*$")


@dataclass(frozen=True)
class FigureSpans:
    """The counted nouns as syllable sequences by their first syllable, longest first."""

    nouns: dict[str, tuple[tuple[str, ...], ...]]
    # What a text without any figure lacks: "%", "/", or a number before a noun's first syllable
    # (the token after a number starts at most a space after it). Most paragraphs have digits (a
    # list label, a date) but no figure, and need no walk over their tokens.
    possible: re.Pattern[str]

    @classmethod
    def build(cls, counted: list[str]) -> FigureSpans:
        by_first: dict[str, set[tuple[str, ...]]] = {}
        for noun in counted:
            syllables = tuple(fold(noun).split())
            if syllables:
                by_first.setdefault(syllables[0], set()).add(syllables[1:])
        counted = rf"|\d[\d.,]*\s*{literal_trie(set(by_first))}" if by_first else ""
        return cls({first: tuple(sorted(rests, key=lambda r: (-len(r), r))) for first, rests in by_first.items()},
                   re.compile("%|/" + counted))

    def spans(self, doc: Doc, text: str) -> Iterator[tuple[str, int, int]]:
        """(kind, start, end) token spans of ``doc`` (whose text is ``text``), left to right; a
        span never starts inside the one before."""
        if self.possible.search(text) is None:
            return
        starts: list[int] = doc.to_array("IDX").tolist() if len(doc) else []
        count = len(starts)
        after = 0  # a span never starts inside the one before
        for i in [i for i, start in enumerate(starts) if text[start].isdigit()]:  # a figure starts at a digit
            if i < after:
                continue
            found = self._at(doc, i, doc[i].text, count)
            if found is not None:
                yield found
                after = found[2]

    def _at(self, doc: Doc, i: int, token: str, count: int) -> tuple[str, int, int] | None:
        if _FRACTION.search(token):
            return FRACTION, i, i + 1
        if not _NUMBER.search(token) or i + 1 >= count:
            return None
        following = doc[i + 1].text
        best: tuple[str, int, int] | None = (PERCENT, i, i + 2) if following == "%" else None
        for rest in self.nouns.get(following, ()):
            end = i + 2 + len(rest)
            if best is not None and end <= best[2]:
                break  # longest first: nothing after this one is longer
            if end <= count and all(doc[i + 2 + k].text == syllable for k, syllable in enumerate(rest)):
                best = (COUNT, i, end)
                break
        return best
