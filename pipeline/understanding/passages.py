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
    left = 0
    for m in boundary.finditer(text, 0, start):
        left = m.end()
    m = boundary.search(text, end)
    right = m.start() + (1 if m.group(0) in ".!?" else 0) if m else len(text)
    return left, right


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
