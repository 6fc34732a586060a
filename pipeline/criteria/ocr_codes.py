"""Codes read by OCR, checked against the codes the table's own order allows.

Tesseract reads the short code cells of a scanned table poorly: a serif "I" comes out as "L",
"1", "T" or "[", "II" as "H", a dot goes missing ("I.1" → "I1", "12"). A table's codes follow an
order, though: after "I.1" come "I.2", a first sub-criterion ("I.1.a") or the next group ("II").
A code read by OCR that is not one of those is compared with them by the shape of its glyphs,
and taken as the likeliest of those it can be. What fits none stays as read. A table read by OCR
is never taken as settled: the import always asks for it to be checked against the original.
"""

from __future__ import annotations

from pipeline.core.textnorm import roman_to_int
from pipeline.criteria.codes import VIETNAMESE_LETTERS, Code, int_to_roman, next_group_code, next_letter, parse_code

# Glyphs OCR confuses, by the shape they share.
_SHAPES = {
    **dict.fromkeys("IlL1|[]!iíÍìĩtTjJf", "I"),
    "H": "II", "U": "II", "N": "II",
    **dict.fromkeys("Vvy", "V"),
    **dict.fromkeys("Xx×", "X"),
    **dict.fromkeys("0OoQD", "0"),
    **dict.fromkeys(".,:;·", "."),
    **dict.fromkeys("Ss", "5"),
    **dict.fromkeys("Zz", "2"),
    **dict.fromkeys("8BaạàáảãâăđĐ", "8"),
    **dict.fromkeys("cCcç(", "c"),
}
_DROP = set(" )'\"`-_~")


def shape(text: str) -> str:
    """'II.1' → 'II.I', 'H1' → 'III', 'L.' → 'I.'; closing punctuation dropped."""
    out = "".join(_SHAPES.get(ch, ch.lower()) for ch in text if ch not in _DROP)
    return out.rstrip(".")


def _distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def settle(read: str, candidates: list[str]) -> str | None:
    """The candidate the code read most likely is: same glyph shapes, else the same without dots
    (a dot OCR lost), else one glyph off; of several, the first (the caller lists them likeliest
    first). None when none fits."""
    if not candidates:
        return None
    seen = shape(read)
    for same in (lambda c: shape(c) == seen,
                 lambda c: shape(c).replace(".", "") == seen.replace(".", ""),
                 lambda c: _strokes_off(shape(c), seen)):
        found = [c for c in candidates if same(c)]
        if found:
            return found[0]
    return None


def _strokes_off(want: str, seen: str) -> bool:
    """The same distinctive glyphs (digits 2–9, letters) in the same order, one stroke ("I",
    "1", "l" …) more or less: OCR loses or adds strokes and dots, rarely a "2" or a "b"."""
    def distinct(text: str) -> str:
        return text.replace(".", "").replace("I", "")

    return distinct(want) == distinct(seen) and abs(want.count("I") - seen.count("I")) <= 1


def one_glyph_off(want: str, seen: str) -> bool:
    """One glyph misread, or one lost ("II" read as "I"), but no guess from a single glyph."""
    return _distance(want, seen) <= 1 and (len(seen) > 1 or len(want) > len(seen))


def following(code: Code) -> list[str]:
    """Codes that can come right after ``code`` at its own level: 'I.2' after 'I.1', 'b' after
    'a', 'III' after 'II', 'a1.3' after 'a1.2'."""
    written = code.written
    last = code.parts[-1]
    head = written[: len(written) - len(last)]
    return [head + nxt for nxt in _next_parts(last)]


def first_children(code: Code, position: int) -> list[str]:
    """Codes a first sub-criterion of ``code`` can have: 'I.1', '1', 'a', '1.1' (by position)."""
    w = code.written
    lower = [f"{w.lower()}1", f"{w.lower()}.1"] if len(w) == 1 and w.isalpha() else []
    return [f"{w}.1", f"{w}.a", f"{w}1", *lower, "1", "a", "A", f"{position}.1", f"{w}.I"]


def first_groups() -> list[str]:
    return ["I", "A", "1"]


def _next_parts(part: str) -> list[str]:
    if part.isdigit():
        return [str(int(part) + 1)]
    numeral = roman_to_int(part) if part.isupper() else None
    found = []
    if numeral is not None:
        found.append(int_to_roman(numeral + 1))
    if len(part) == 1 and part.isalpha():
        letter = next_letter(part)
        if letter:
            found.append(letter)
        latin = chr(ord(part) + 1) if part.isascii() else ""
        if latin and latin.upper() in VIETNAMESE_LETTERS:
            found.append(latin)
    if part.islower() and len(part) > 1 and roman_to_int(part.upper()):
        found.append(int_to_roman(roman_to_int(part.upper()) + 1).lower())
    return list(dict.fromkeys(found))


def next_group(last: Code | None, style: str) -> str:
    return next_group_code(last.written if last else None, style)


def parsed(text: str) -> Code | None:
    return parse_code(text)
