"""Criterion codes as clusters write them: "I", "A", "1", "a)", "1.1", "A.1.a", "a1", "a4.2.1",
"a.7.1", "b1.", "b.1.1". A code is kept as written (without the punctuation that closes it); its
parts ("a4.2.1" → a, 4, 2, 1) say where it sits, whatever the spelling ("a.7" and "a7" are one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.core.textnorm import roman_to_int

# The Vietnamese alphabet as lists are lettered (no F, J, W, Z; Đ after D).
VIETNAMESE_LETTERS = "ABCDĐEGHIKLMNOPQRSTUVXY"
_LEADING_WORDS = re.compile(r"^(?:phần|mục|nhóm|tiêu chí|chương)\s+(?=\S)", re.IGNORECASE)
_PART = re.compile(r"[IVXLC]+(?![a-zđ])|\d+|[A-ZĐa-zđ]")
_CODE_TEXT = re.compile(r"^[(\[]?\s*([0-9A-ZĐa-zđ]+(?:\s*\.\s*[0-9A-ZĐa-zđ]+)*)\s*[.):/\]-]?$")
# A code leading a title cell: "1.1. Tuyển sinh", "a) Đào tạo", "II- CÔNG TÁC …", "A.1 …".
_LEADING = re.compile(
    r"^\s*[(\[]?((?:[IVXLC]+|\d+|[A-ZĐa-zđ]\d*)(?:\.(?:[IVXLC]+|\d+|[A-ZĐa-zđ]\d*))*)\s*([.):/\]-])?\s+(?=\S)")
_BULLET = re.compile(r"^\s*[-–+•*]\s+")
_AMOUNT_AFTER = re.compile(r"(?:điểm|đ|%)(?:\W|$)", re.IGNORECASE)


@dataclass(frozen=True)
class Code:
    written: str  # as the table writes it, closing punctuation removed: "a.7.1", "I", "b1"
    parts: tuple[str, ...]  # ("a", "7", "1")
    style: str  # 'roman' | 'upper' | 'lower' | 'arabic' | 'lower_roman' | 'compound' | 'bullet'

    @property
    def depth(self) -> int:
        return len(self.parts)

    def key(self) -> tuple[str, ...]:
        return tuple(p.lower() for p in self.parts)


BULLET = Code("-", ("-",), "bullet")


def parse_code(text: str) -> Code | None:
    """The code a code cell holds, or None when the cell holds no code ("", "Tổng", a title)."""
    text = _LEADING_WORDS.sub("", " ".join(text.split()))
    if text in ("-", "–", "+", "•", "*"):
        return BULLET
    m = _CODE_TEXT.match(text)
    if m is None:
        return None
    written = re.sub(r"\s+", "", m.group(1))
    parts = tuple(p for chunk in written.split(".") for p in _split_chunk(chunk))
    if not parts or len(written) > 12:
        return None
    return Code(written, parts, _style(written, parts))


def split_leading_code(title: str) -> tuple[Code | None, str]:
    """'II. CÔNG TÁC …' → (II, 'CÔNG TÁC …'); '- Có sáng kiến' → (bullet, 'Có sáng kiến').
    A lone capital followed by a space ("A Công tác") counts only with punctuation after it,
    so a title that starts with a one-letter word is not taken for a code."""
    bullet = _BULLET.match(title)
    if bullet:
        return BULLET, title[bullet.end():]
    m = _LEADING.match(title)
    if m is None:
        return None, title
    written, closing = m.group(1), m.group(2)
    if len(written) == 1 and written.isalpha() and not closing:
        return None, title
    if not closing and _AMOUNT_AFTER.match(title[m.end():]):
        return None, title  # "10 điểm; dưới 80% …": points, not a code ("6. ĐIỂM THƯỞNG" is one)
    if not closing and not re.search(r"[\d.]", written) and roman_to_int(written) is None:
        return None, title
    code = parse_code(written)
    return (code, title[m.end():]) if code is not None else (None, title)


def _split_chunk(chunk: str) -> list[str]:
    """'a4' → ['a', '4']; 'IV' → ['IV']; 'ii' → ['ii']; '12' → ['12']; 'A1' → ['A', '1']."""
    if roman_to_int(chunk.upper()) is not None and (chunk.isupper() or (chunk.islower() and len(chunk) > 1)):
        return [chunk]
    return _PART.findall(chunk)


def _style(written: str, parts: tuple[str, ...]) -> str:
    if len(parts) > 1:
        return "compound"
    part = parts[0]
    if part.isdigit():
        return "arabic"
    if part.isupper() and roman_to_int(part) is not None:
        return "roman"
    if len(part) == 1:
        return "upper" if part.isupper() else "lower"
    if part.islower() and roman_to_int(part.upper()) is not None:
        return "lower_roman"
    return "compound"


def next_letter(letter: str) -> str | None:
    """The letter after ``letter`` in Vietnamese list order (D → Đ → E), or None."""
    i = VIETNAMESE_LETTERS.find(letter.upper())
    if i < 0 or i + 1 >= len(VIETNAMESE_LETTERS):
        return None
    following = VIETNAMESE_LETTERS[i + 1]
    return following if letter.isupper() else following.lower()


def follows_letter(previous: str, letter: str) -> bool:
    """'C' after 'B', 'Đ' or 'E' after 'D', 'I' after 'H': a letter sequence, not a numeral."""
    if len(previous) != 1 or len(letter) != 1:
        return False
    latin = chr(ord(previous) + 1) if previous.isascii() else None
    return letter in (next_letter(previous), latin)


def next_group_code(last: str | None, style: str = "roman") -> str:
    """The code after the last group's: II → III, D → Đ, 3 → 4 (for a section with no code)."""
    if last is None:
        return "I"
    if last.isdigit():
        return str(int(last) + 1)
    numeral = roman_to_int(last) if last.isupper() else None
    if numeral is not None and style == "roman":
        return int_to_roman(numeral + 1)
    if len(last) == 1 and last.isalpha():
        return next_letter(last) or f"{last}'"
    return f"{last}'"


def int_to_roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                           (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + letters, n - value
    return out


def letter_position(part: str) -> int | None:
    """1-based place of a letter in Vietnamese list order ('a' → 1, 'đ' → 5), else None."""
    i = VIETNAMESE_LETTERS.find(part.upper())
    return i + 1 if len(part) == 1 and i >= 0 else None


def number_of(part: str) -> int | None:
    """The number a single part stands for: 3, III, c (by letter position)."""
    if part.isdigit():
        return int(part)
    numeral = roman_to_int(part) if part.isupper() else None
    return numeral if numeral is not None else letter_position(part)
