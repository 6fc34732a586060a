"""Sentences and clauses of a block, and quotes cut from the text as the file wrote it."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from functools import lru_cache

from pipeline.core.model import Block
from pipeline.understanding.facts import Quote

# A sentence ends at . ! ? ; followed by a space — not at the dot of "1.250" or "QĐ-CĐYT.".
_SENTENCE_END = re.compile(r"[.!?;](?=\s)|\n")
_CLAUSE_END = re.compile(r"[,;:.!?](?=\s)|\n")


def _bounds(text: str, start: int, end: int, boundary: re.Pattern[str]) -> tuple[int, int]:
    """From the last boundary before ``start`` to the first at or after ``end`` (a sentence's
    stop included). What ``boundary.finditer(text, 0, start)`` found last is the last boundary
    ending before ``start``, or a line break ending there: a stop right before ``start`` needs the
    space after it, which a search ending at ``start`` does not see."""
    at, ends, line_breaks = _boundaries(text, boundary)
    i = bisect_left(ends, start)
    left = start if i < len(ends) and ends[i] == start and line_breaks[i] else ends[i - 1] if i else 0
    j = bisect_left(at, end)
    right = at[j] + (1 if text[at[j]] in ".!?" else 0) if j < len(at) else len(text)
    return left, right


@lru_cache(maxsize=1024)
def _boundaries(text: str, boundary: re.Pattern[str]) -> tuple[list[int], list[int], list[bool]]:
    """Where each boundary of ``text`` is (one character each), its end, and whether it is a line
    break: found once for a text whose sentences and clauses are asked for again and again."""
    found = list(boundary.finditer(text))
    return [m.start() for m in found], [m.end() for m in found], [m.group(0) == "\n" for m in found]


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    return _bounds(text, start, end, _SENTENCE_END)


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    return _bounds(text, start, end, _CLAUSE_END)


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
