"""Vietnamese text normalization: NFC, tone-placement folding, numbers written the Vietnamese way."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Annotated

# Combining tone marks (huyền, sắc, ngã, hỏi, nặng). Vowel-quality marks (circumflex, breve,
# horn) are letters of their own in Vietnamese and are never folded away.
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_VOWELS = set("aăâeêioôơuưy")
_MARKED = set("ăâêôơư")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_WORD_SPLIT = re.compile(r"([^\W\d_]+)", re.UNICODE)  # separators at even indexes, words at odd
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u3000]+")
_ODD_SPACE = re.compile(r"[\t\u00a0\u2000-\u200b\u202f\u3000]")  # _SPACES but the plain space


class _VerbatimText:
    """Metadata of a str field written exactly as found: drafts never respell it."""

    def __repr__(self) -> str:
        return "VERBATIM"


VERBATIM = _VerbatimText()
# A person's name, a quoted passage, a file name: the drafts' spelling leaves it as written.
Verbatim = Annotated[str, VERBATIM]


def nfc(text: str) -> str:
    """NFC form with non-breaking and odd spaces turned into plain spaces, trimmed."""
    text = unicodedata.normalize("NFC", text).replace("\u00ad", "")
    if "  " not in text and not _ODD_SPACE.search(text):
        # Single plain spaces only (most texts): the substitution would replace each by itself, and
        # it cost a tenth of reading a .docx's text.
        return text.strip()
    return _SPACES.sub(" ", text).strip()


def _tone_position(letters: str) -> int | None:
    """Index in ``letters`` (lowercase, no tone) where a canonical tone mark goes."""
    start = 0
    if letters.startswith("qu") or (letters.startswith("gi") and len(letters) > 2 and letters[2] in _VOWELS):
        start = 2
    first = next((i for i in range(start, len(letters)) if letters[i] in _VOWELS), None)
    if first is None:
        # "gì", "gìn": the i of gi is the only vowel.
        return 1 if letters.startswith("gi") else None
    end = first
    while end < len(letters) and letters[end] in _VOWELS:
        end += 1
    cluster = range(first, end)
    marked = [i for i in cluster if letters[i] in _MARKED]
    if marked:
        return marked[-1]
    if end < len(letters) or len(cluster) == 1:
        return end - 1 if end < len(letters) else first
    if len(cluster) == 2:
        return first  # "hòa", "khỏe", "thủy": the placement of current official text
    return first + 1


# Words repeat: a report has a few thousand distinct ones, each folded ~40 times. Vietnamese has
# ~7,000 syllables in use; the bound keeps a text of random words from growing it (~5 MB at most).
@lru_cache(maxsize=1 << 15)
def _fold_word(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word.lower())
    tone = next((ch for ch in decomposed if ch in _TONES), None)
    if tone is None:
        return unicodedata.normalize("NFC", decomposed)
    bare = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONES))
    pos = _tone_position(bare)
    if pos is None:
        return unicodedata.normalize("NFC", decomposed)
    return unicodedata.normalize("NFC", bare[: pos + 1] + tone + bare[pos + 1 :])


def fold(text: str) -> str:
    """Lower-case NFC text with tone marks put in one canonical place ("hoà" == "hòa").

    Folding keeps the length of NFC text unchanged, so character offsets found in the folded
    text point at the same characters in the NFC original.
    """
    # The readers fold the same paragraph and cell again and again (a report's blocks ~30 times
    # each); short texts are remembered (at most ~16 MB), long ones are not kept alive by the cache.
    return _fold_short(text) if len(text) <= _FOLD_CACHED_CHARS else _fold(text)


_FOLD_CACHED_CHARS = 1_000


@lru_cache(maxsize=1 << 12)
def _fold_short(text: str) -> str:
    return _fold(text)


def _fold(text: str) -> str:
    text = nfc(text)
    # The text is folded a space-separated piece at a time, each piece remembered: a word never
    # holds a space, so this is the word-by-word fold, without a regex split of every text (pieces
    # repeat across a report's texts far more than the texts do).
    pieces = text.split(" ")
    try:
        folded = " ".join(map(_PIECES.__getitem__, pieces))  # a plain dict: twice as fast as an lru_cache
    except KeyError:
        folded = " ".join(map(_fold_piece, pieces))
    return folded if len(folded) == len(text) else text.lower()


_PIECES: dict[str, str] = {}  # piece → folded piece
_MAX_PIECES = 1 << 15  # ~7 MB at most, like the word fold's; emptied when full


def _fold_piece(piece: str) -> str:
    found = _PIECES.get(piece)
    if found is None:
        # Split, not sub with a function: the words are folded by one map over the cached word fold.
        parts = _WORD_SPLIT.split(piece)
        parts[1::2] = map(_fold_word, parts[1::2])
        found = "".join(parts)
        if len(_PIECES) >= _MAX_PIECES:
            _PIECES.clear()
        _PIECES[piece] = found
    return found


def retone(text: str) -> str:
    """Tone marks moved to the place of administrative text, case kept: "Uỷ ban" → "Ủy ban",
    "HOÀ" → "HÒA", "thuỷ" → "thủy" (fold's placement). Nothing else changes, so the result has the
    length of the NFC text."""
    text = unicodedata.normalize("NFC", text)

    def one(match: re.Match[str]) -> str:
        word = match.group(0)
        folded = _fold_word(word)
        if len(folded) != len(word):
            return word
        return "".join(f.upper() if w.isupper() else f for w, f in zip(word, folded, strict=True))

    return _WORD.sub(one, text)


def capitalized(text: str) -> str:
    """First letter upper case, the rest as written ('chuyên viên Phòng …' → 'Chuyên viên Phòng …')."""
    return text[:1].upper() + text[1:]


def strip_tones(text: str) -> str:
    """Remove tone marks only (keeps ă â ê ô ơ ư đ): a loose key for near matches."""
    decomposed = unicodedata.normalize("NFD", fold(text))
    return unicodedata.normalize("NFC", decomposed.translate(_NO_TONES))


_NO_TONES = dict.fromkeys(map(ord, _TONES))


_NUMBER = re.compile(r"^[+-−–]?\(?\s*\d[\d.,\s]*\)?$")


def parse_number(text: str) -> float | None:
    """Parse a number written Vietnamese-style: "9,5", "1.250", "9,50 điểm", "(1)", "-1".

    A dot followed by exactly three digits (and no comma) is a thousands separator; otherwise a
    single dot or comma is the decimal mark. Returns None for empty or non-numeric cells.
    """
    t = nfc(text).lower()
    for unit in ("điểm", "đ", "%"):
        if t.endswith(unit):
            t = t[: -len(unit)].strip()
    if not t or not _NUMBER.match(t):
        return None
    negative = t[0] in "-−–" or (t.startswith("(") and t.endswith(")"))
    digits = t.strip("+-−–() ").replace(" ", "")
    if "," in digits and "." in digits:
        digits = digits.replace(".", "").replace(",", ".")
    elif "," in digits:
        digits = digits.replace(",", ".") if digits.count(",") == 1 else digits.replace(",", "")
    elif "." in digits and (digits.count(".") > 1 or re.fullmatch(r"\d{1,3}\.\d{3}", digits)):
        digits = digits.replace(".", "")
    try:
        value = float(digits)
    except ValueError:
        return None
    return -value if negative else value


def format_number(value: float, decimals: int = 2) -> str:
    """Vietnamese rendering: 96.5 → "96,5", 100.0 → "100", 1250 → "1.250"."""
    rounded = round(value, decimals)
    if rounded == int(rounded):
        return f"{int(rounded):,}".replace(",", ".")
    whole, frac = f"{rounded:.{decimals}f}".split(".")
    return f"{int(whole):,}".replace(",", ".") + "," + frac.rstrip("0")


_ROMAN = re.compile(r"^(?=[IVXLC])M*(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$")


def roman_to_int(text: str) -> int | None:
    token = text.strip().rstrip(".").upper()
    if not token or not _ROMAN.match(token):
        return None
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "M": 1000, "D": 500}
    total = 0
    for ch, nxt in zip(token, token[1:] + " ", strict=True):
        v = values[ch]
        total += -v if nxt != " " and values.get(nxt, 0) > v else v
    return total


def printable(text: str) -> str:
    """Text safe to print and to write in a report: control and format characters (a file name may
    hold an ESC sequence that would recolour or clear the officer's terminal) shown as escapes,
    e.g. "\\x1b"; everything else, Vietnamese letters included, as it is."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() or ch == " " else _escape(ch) for ch in text)


def _escape(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
