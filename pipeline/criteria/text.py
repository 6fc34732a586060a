"""A criterion cell's words: the title, the scoring guidance after it, points or caps at its end.

A cell holds a title and often how to score it: in a second paragraph (Word), inline after the
title ("Hoàn thành chỉ tiêu tuyển sinh. Đạt từ 100% chỉ tiêu trở lên: 10 điểm; …"), or run on
in one line when a PDF wraps the cell ("… tuyển sinh Đạt từ 100% …"). The guidance starts at a
bullet, at a guidance word starting with a capital after a lower-case word, or at the sentence
holding the first "N điểm"; the title is what comes before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline.config.rubric import GroupKind
from pipeline.core.textnorm import fold, strip_tones
from pipeline.criteria.points import Cap, Points, find_caps, read_points
from pipeline.understanding.rules import rubric_import_rules

# A bullet inside a run-on line: "•" anywhere, "-"/"+" only before a capital ("thi đua - khen thưởng"
# is a title, "… thi đua: - Ban hành …" is guidance).
_BULLET_INSIDE = re.compile(r"\s•\s*(?=\S)|\s[-–+]\s+(?=[A-ZĐÀ-Ỹ])")
_SCORING = re.compile(r"\d+(?:[.,]\d+)?\s*(?:điểm|đ)\b", re.IGNORECASE)
_POINTS_ONLY = re.compile(r"[\s(\[]*(?:tối đa|không quá)?\s*[-+]?\s*\d+(?:[.,]\d+)?\s*(?:điểm|đ)[\s)\].]*")
_TRAILING_PAREN = re.compile(r"\s*[(\[](?P<inside>[^()\[\]]*\d[^()\[\]]*)[)\]]\s*[:.]?\s*$")


@dataclass(frozen=True)
class CellWords:
    title: str
    guidance: str
    points: Points | None  # "(60 điểm)", "(tối đa 5 điểm)" at the end of the title
    caps: list[Cap]  # caps the title or guidance states


def read_cell(text: str) -> CellWords:
    """Title, guidance, points written at the end of the title, and caps stated in either."""
    title, guidance = split_guidance(text)
    title, points, caps = _trailing(title)
    caps = caps + find_caps(guidance)
    return CellWords(sentence_case(title), guidance, points, caps)


def split_guidance(text: str) -> tuple[str, str]:
    lines = [" ".join(line.split()) for line in text.split("\n")]
    lines = [line for line in lines if line]
    if not lines:
        return "", ""
    title_lines = [lines[0]]
    rest = lines[1:]
    while rest and not _guidance_like(rest[0]):
        title_lines.append(rest.pop(0))
    title = " ".join(title_lines)
    start = _inline_start(title)
    guidance_lines = rest
    if start is not None:
        guidance_lines = [title[start:].strip(), *rest]
        title = title[:start]
    return title.strip(" ;,:.-–"), "\n".join(guidance_lines).strip()


def _guidance_like(line: str) -> bool:
    folded = fold(line)
    return (bool(re.match(r"^[-–+•*]", line)) or bool(_SCORING.search(line))
            or any(folded == w or folded.startswith(w + " ") for w in _openers()))


def _inline_start(line: str) -> int | None:
    """Where guidance starts inside a one-line title, or None (never at the very start)."""
    candidates = []
    bullet = _BULLET_INSIDE.search(line)
    if bullet and bullet.start() > 0:
        candidates.append(bullet.start())
    opener = _opener_pattern().search(line)
    if opener:
        candidates.append(opener.start())
    scoring = _SCORING.search(line)
    if scoring:
        boundary = max(line.rfind(". ", 0, scoring.start()), line.rfind(": ", 0, scoring.start()))
        if boundary > 0 and not _is_points_only(line[boundary + 2:]):
            candidates.append(boundary + 1)
    found = [c for c in candidates if len(line[:c].split()) >= 1 and line[:c].strip()]
    return min(found) if found else None


def _is_points_only(text: str) -> bool:
    """'(60 điểm)', '10 điểm': points written after the title, not guidance."""
    return bool(_POINTS_ONLY.fullmatch(fold(text)))


@cache
def _openers() -> tuple[str, ...]:
    return tuple(sorted((fold(w) for w in rubric_import_rules().guidance_openers), key=len, reverse=True))


@cache
def _opener_pattern() -> re.Pattern[str]:
    """A guidance word written with a capital right after a lower-case word or a stop."""
    words = "|".join(re.escape(w[:1].upper() + w[1:]) for w in _openers())
    return re.compile(rf"(?<=[a-zà-ỹđ0-9,;:.)%”])\s+(?=(?:{words})\b)")


def _trailing(title: str) -> tuple[str, Points | None, list[Cap]]:
    """'Điểm thưởng (tối đa 5 điểm)' → ('Điểm thưởng', 5); a cap in brackets is a cap."""
    m = _TRAILING_PAREN.search(title)
    if m is None:
        return title.rstrip(" :"), None, find_caps(title)
    inside = m.group("inside")
    caps = find_caps(inside)
    if caps:
        return title[:m.start()].rstrip(" :,-"), None, caps + find_caps(title[:m.start()])
    points = read_points(inside) if _SCORING.search(inside) or re.fullmatch(r"[-+\s\d.,]+", inside) else None
    if points is None:
        return title.rstrip(" :"), None, find_caps(title)
    return title[:m.start()].rstrip(" :,-"), points, find_caps(title[:m.start()])


def sentence_case(title: str) -> str:
    """Group rows are often in capitals: 'CÔNG TÁC THI ĐUA' → 'Công tác thi đua'."""
    letters = [c for c in title if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) > 3:
        return title[:1] + title[1:].lower()
    return title


def section_kind(title: str, short: bool = False, ocr: bool = False) -> GroupKind | None:
    """A bonus or deduction section by its title ("ĐIỂM THƯỞNG", "Các nội dung điểm trừ");
    ``short``: only a title of a few words (a row without a code: "Không để xảy ra vi phạm bị trừ
    điểm thi đua trong năm" is a criterion, not a section). ``ocr``: tone marks are not compared
    ("ĐIỂM THƯỚNG"); only there, as "tiêu chí thường …" would otherwise pass for "tiêu chí thưởng"."""
    folded = fold(title).strip()
    if short and len(folded.split()) > 8:
        return None
    key = strip_tones if ocr else fold
    folded = key(folded)
    rules = rubric_import_rules()
    for kind, words in ((GroupKind.DEDUCTION, rules.deduction_sections), (GroupKind.BONUS, rules.bonus_sections)):
        if any(key(w) in folded for w in words):
            return kind
    return None


def is_total_row(title: str, *, ocr: bool = False) -> bool:
    """A row saying "Tổng cộng". Read by OCR, tone marks are often misread ("Tống cộng"), so
    there the words of two or more are also matched without tones; single words are not, or
    "Công tác …" would pass for "cộng"."""
    folded = fold(title).strip(" .:")
    words = [fold(w) for w in rubric_import_rules().total_rows]
    if _starts_with_any(folded, words):
        return True
    return ocr and _starts_with_any(strip_tones(folded), [strip_tones(w) for w in words if " " in w])


def _starts_with_any(text: str, words: list[str]) -> bool:
    return any(text == w or text.startswith(w + " ") or text.startswith(w + ":") for w in words)


def is_note_row(title: str) -> bool:
    folded = fold(title).lstrip()
    return any(folded.startswith(fold(w)) for w in rubric_import_rules().note_starts)
