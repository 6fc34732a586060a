"""Points as criteria tables write them, and the caps they state in words.

"10", "10,0", "10 điểm", "tối đa 2", "1.000", "+ 0,5", "-3", "(-1)", "Trừ 2 điểm" are amounts;
"-3/trường hợp", "-0,25/01 trường hợp", "trừ 1 điểm/lần", "cộng 0,1 điểm cho 01 báo cáo",
"mỗi báo cáo cộng 0,1 điểm" are amounts per occurrence. "Tổng điểm trừ của mục a1 không quá
1,5 điểm" and "Điểm cộng tối đa là 1 điểm" are caps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.config.rubric import GroupKind
from pipeline.core.textnorm import fold, nfc, parse_number

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_SIGN = re.compile(r"^\s*(?:\(\s*)?(?P<sign>[+\-−–])\s*\d")
_WORD_SIGN = re.compile(r"\b(?P<word>cộng|thưởng|trừ)\b")
_PER_SLASH = re.compile(r"/\s*(?:0*1\s+|một\s+)?(?P<noun>[^\W\d][^/;,.()]*)")
_PER_FOR = re.compile(r"\b(?:cho|trên)\s+(?:0*1|một|mỗi)\s+(?P<noun>[^\W\d][^;,.()]*)")
_PER_EACH = re.compile(r"\bmỗi\s+(?P<noun>[^\W\d][^;,.()]*?)\s+(?:được\s+|bị\s+)?(?:cộng|trừ|thưởng)\b")
_PER_STOP = re.compile(r"\s+(?:được|bị|cộng|trừ|thưởng|điểm|tối đa|không quá)\b.*$")

@dataclass(frozen=True)
class Points:
    amount: float
    sign: int  # +1 written as a bonus ("+1", "cộng"), -1 as a deduction ("-3", "(1)", "trừ"), 0 unsigned
    per: str | None = None  # "trường hợp", "báo cáo", "lần": the amount is per occurrence


def read_points(text: str) -> Points | None:
    """The amount a points cell (or a title's "(tối đa 5 điểm)") writes, or None if it writes none."""
    text = nfc(text)
    m = _NUMBER.search(text)
    if m is None or len(text) > 80:
        return None
    amount = parse_number(m.group(0))
    if amount is None:
        return None
    return Points(amount=abs(amount), sign=_sign(text, m.start()), per=_per(text))


def _sign(text: str, number_at: int) -> int:
    signed = _SIGN.match(text)
    if signed:
        return 1 if signed.group("sign") == "+" else -1
    before = fold(text[:number_at])
    if before.rstrip().endswith("(") and text[number_at:].lstrip("0123456789.,").lstrip().startswith(")"):
        return -1  # "(1)": a deduction written in brackets
    word = _WORD_SIGN.search(fold(text))
    if word:
        return -1 if word.group("word") == "trừ" else 1
    return 0


def _per(text: str) -> str | None:
    folded = fold(text)
    for pattern in (_PER_SLASH, _PER_FOR, _PER_EACH):
        m = pattern.search(folded)
        if m:
            # Folding keeps offsets, so the noun is cut from the text as written.
            noun = text[m.start("noun"):m.end("noun")]
            noun = _PER_STOP.sub("", " ".join(noun.split()))
            if noun and len(noun.split()) <= 4:
                return noun.lower()
    return None


# --- caps written in words ----------------------------------------------------------------------

@dataclass(frozen=True)
class Cap:
    kind: GroupKind  # BONUS or DEDUCTION
    points: float
    target: str | None  # the code the sentence names ("của mục a1"), as written
    text: str  # the sentence, as written


_CAP = re.compile(
    r"(?P<what>điểm\s+trừ|trừ\s+điểm|mức\s+trừ|điểm\s+cộng|cộng\s+điểm|mức\s+cộng|điểm\s+thưởng|thưởng\s+điểm)"
    r"(?P<mid>(?:[^.;]|\.(?=\w)){0,80}?)"
    r"(?:không\s+(?:được\s+)?(?:vượt\s+)?quá|tối\s+đa(?:\s+là|\s+không\s+quá)?|cao\s+nhất(?:\s+là)?)"
    r"[^.;\d]{0,30}?(?P<n>\d+(?:[.,]\d+)?)\s*(?:điểm|đ)\b",
    re.IGNORECASE)
_TARGET = re.compile(r"\b(?:mục|tiêu\s+chí|nội\s+dung|nhóm|phần)\s+(?P<code>[0-9A-ZĐa-zđ]+(?:\.[0-9A-ZĐa-zđ]+)*)",
                     re.IGNORECASE)


def find_caps(text: str) -> list[Cap]:
    """Every cap a sentence states: the kind (bonus or deduction), the points, the code it names."""
    text = nfc(text)
    caps = []
    for m in _CAP.finditer(text):
        kind = GroupKind.DEDUCTION if "trừ" in fold(m.group("what")) else GroupKind.BONUS
        points = parse_number(m.group("n"))
        target = _TARGET.search(m.group("mid"))
        if points is not None:
            caps.append(Cap(kind, points, target.group("code").rstrip(".") if target else None,
                            _sentence_around(text, m.start(), m.end())))
    return caps


def _sentence_around(text: str, start: int, end: int) -> str:
    left = max(text.rfind(". ", 0, start), text.rfind("; ", 0, start), text.rfind("\n", 0, start))
    right = min((i for i in (text.find(". ", end), text.find("; ", end), text.find("\n", end)) if i >= 0),
                default=len(text))
    return text[left + 1 if left >= 0 else 0:right].strip(" .;:\n")
