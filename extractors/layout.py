"""Layout cues shared by the extractors: which paragraphs are headings when no style says so."""

from __future__ import annotations

import re

_PART = re.compile(r"^(PHẦN|Phần|PHẦN THỨ|Phần thứ)\s+([IVX]+|\w+)\b")
_ROMAN_SECTION = re.compile(r"^[IVX]{1,5}\s*[.:/-]\s*\S")
_ARABIC_SECTION = re.compile(r"^\d{1,2}(\.\d{1,2}){0,2}\s*[.)]\s*\S")
_LETTER_SECTION = re.compile(r"^[a-zđ]\)\s*\S")
_MAX_HEADING_CHARS = 160


def heading_level(text: str, bold: bool | None) -> int | None:
    """Infer a heading level from numbering and emphasis, for files without heading styles.

    "Phần I" → 1; "I." → 1 (2 when parts exist is decided downstream); "1." → 2; "a)" → 3.
    A numbered line counts as a heading only when it is short and does not read as a sentence
    (bold, upper case, or no final full stop).
    """
    t = text.strip()
    if not t or len(t) > _MAX_HEADING_CHARS:
        return None
    sentence_like = t.endswith((".", ";", ",")) and not bold
    if _PART.match(t):
        return 1
    if _ROMAN_SECTION.match(t) and not sentence_like:
        return 1
    if _ARABIC_SECTION.match(t) and not sentence_like and (bold or len(t) <= 100):
        return 2
    if _LETTER_SECTION.match(t) and bold:
        return 3
    if bold and t.isupper() and len(t) <= 100:
        return 1
    return None


_LIST_MARKER = re.compile(r"^([-–+•*]\s|\d{1,2}(\.\d{1,2})*[.)]\s|[IVX]{1,5}\.\s|[a-zđ]\)\s)")


def starts_list_item(text: str) -> bool:
    return bool(_LIST_MARKER.match(text.strip()))
