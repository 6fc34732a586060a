"""Sentences and clauses of a block, and quotes cut from the text as the file wrote it."""

from __future__ import annotations

import re
import unicodedata

from pipeline.core.model import Block
from pipeline.understanding.facts import Quote

# A sentence ends at . ! ? ; followed by a space — not at the dot of "1.250" or "QĐ-CĐYT.".
_SENTENCE_END = re.compile(r"[.!?;](?=\s)|\n")
_CLAUSE_END = re.compile(r"[,;:.!?](?=\s)|\n")


def _bounds(text: str, start: int, end: int, boundary: re.Pattern[str]) -> tuple[int, int]:
    """From the last boundary before ``start`` to the first at or after ``end`` (a sentence's stop
    included). Right before ``start`` only a line break counts: a stop there needs the space after
    it, which a search ending at ``start`` (as this was written first) does not see."""
    left, right = around(text, start, end, boundary, "\n")
    return left, right + (text[right] in ".!?") if right is not None else len(text)


def around(text: str, start: int, end: int, boundary: re.Pattern[str], right_before: str) -> tuple[int, int | None]:
    """For a pattern of one-character boundaries: where the last boundary before ``start`` ends (0
    if none) and where the first at or after ``end`` is (None if none). A boundary just before
    ``start`` counts when it is one of ``right_before``, the characters the pattern takes there
    when its search ends at ``start``."""
    # Both are searched near the passage, not over the whole text: most texts are asked about once
    # or twice, and listing every boundary of every paragraph was the larger cost.
    found = boundary.search(text, end)
    return start_of(text, start, boundary, right_before), found.start() if found is not None else None


def start_of(text: str, start: int, boundary: re.Pattern[str], right_before: str) -> int:
    """``around(text, start, …)[0]``, without searching for the end: what a reader that needs only
    where a figure's sentence or clause starts asks."""
    return start if start and text[start - 1] in right_before else _after_last(text, start - 1, boundary)


def _after_last(text: str, before: int, boundary: re.Pattern[str]) -> int:
    """Where the last boundary at a position below ``before`` ends (0 if none). A boundary's
    lookahead sees the character after it: the search runs up to ``before`` + 1, and one found at
    ``before`` is not taken."""
    # One match of the boundary after the longest possible run of anything: the engine backtracks
    # from the end to the last boundary, in C, instead of a Python loop over the boundaries of a
    # window before the passage (a tenth of finding evidence).
    found = _last_of(boundary).match(text, 0, before + 1) if before >= 0 else None
    return found.end() if found is not None else 0


_LAST: dict[re.Pattern[str], re.Pattern[str]] = {}


def _last_of(boundary: re.Pattern[str]) -> re.Pattern[str]:
    """Matches a text up to the end of its last one-character ``boundary`` that has a character
    after it (the lookahead: a boundary at the search's last character is not one below it)."""
    last = _LAST.get(boundary)
    if last is None:
        last = _LAST[boundary] = re.compile(rf"(?s:.*)(?:{boundary.pattern})(?s:(?=.))", boundary.flags)
    return last


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    return _bounds(text, start, end, _SENTENCE_END)


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    return _bounds(text, start, end, _CLAUSE_END)


def sentence_start(text: str, at: int) -> int:
    """``sentence_bounds(text, at, at)[0]``."""
    return start_of(text, at, _SENTENCE_END, "\n")


def clause_start(text: str, at: int) -> int:
    """``clause_bounds(text, at, at)[0]``."""
    return start_of(text, at, _CLAUSE_END, "\n")


def quote(block: Block, start: int, end: int) -> Quote:
    """The passage [start, end) of ``block.text``, taken from the raw text when it is there
    verbatim (so Ctrl+F in the source finds it), else from the normalized text."""
    normalized = block.text[start:end].strip(" ,;:-–+")
    raw = unicodedata.normalize("NFC", block.raw)
    if normalized and normalized in raw:
        # Most passages are in the raw text as they are: no pattern to build (a pattern per quote
        # overflowed re's cache and compiling them was a quarter of understanding a long report).
        return Quote(text=normalized, provenance=block.provenance)
    pattern = r"\s+".join(re.escape(w) for w in normalized.split())
    found = re.search(pattern, raw) if pattern else None
    text = found.group(0) if found else normalized
    return Quote(text=text, provenance=block.provenance)
