"""The issuing body of a report read from its administrative header, when no cluster file names
the members: the unit's name, its parent bodies, and the name as the report's own body writes it.

The header's left column holds the parent body and the issuing body ("UBND THÀNH PHỐ HẢI PHÒNG" /
"TRƯỜNG CAO ĐẲNG" / "Y DƯỢC THANH TRÌ"), the right one the national motto. How those reach tdkt
varies: cells of a header table, paragraphs with the two columns tab-separated, PDF lines of both
columns interleaved, OCR lines with the columns glued into one. So the header is taken apart
piece by piece: the motto and what follows it on a line is cut off, number, date and separator
lines are dropped, and what is left, in reading order, is the left column.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from pipeline.core.model import BlockKind, Document, Part, Provenance
from pipeline.core.textnorm import fold
from pipeline.understanding.header import HeaderLine, header_lines, is_title_line
from pipeline.understanding.rules import unit_rules

_COLUMNS = re.compile(r"\t+| {3,}")
_TOKEN = re.compile(r"[^\W_]+(?:\.)?|[-–&]")
# Share of a piece's letters that must be capitals for it to be header text (OCR reads a few
# capitals as small letters).
_UPPER_SHARE = 0.8
# Names of bodies are short; a longer line in small letters is a sentence.
_NAME_WORDS = 16


@dataclass(frozen=True)
class Issuer:
    name: str  # as the report's body writes it, else by the naming rules
    as_written: str  # the header's words, joined
    parents: tuple[str, ...]  # parent bodies as written, the highest first
    provenance: Provenance


@dataclass(frozen=True)
class _Piece:
    text: str
    line: HeaderLine

    @property
    def provenance(self) -> Provenance:
        # The line's, made when asked for: a header table's cell copies its table's provenance,
        # and only the unit's first piece is ever quoted.
        return self.line.provenance


def read_issuer(doc: Document) -> Issuer | None:
    found = _header_unit(doc)
    if found is None:
        return None
    unit, parents = found
    written = _clean(" ".join(p.text for p in unit))
    if not written:
        return None
    return Issuer(name=cased_name(written, doc), as_written=written, parents=parents, provenance=unit[0].provenance)


def header_parents(doc: Document) -> tuple[str, ...]:
    """The parent bodies the header names above the unit (the unit's name itself not cased: a
    cluster file names the member)."""
    found = _header_unit(doc)
    return found[1] if found else ()


def _header_unit(doc: Document) -> tuple[list[_Piece], tuple[str, ...]] | None:
    """The pieces of the unit's name in the header's left column, and the parent bodies above it."""
    pieces = [p for p in left_column(_until_title(doc)) if _is_upper(p.text) or _names_a_body(p.text)]
    if not pieces:
        return None
    start = _unit_start(pieces)
    unit = [pieces[start]]
    for piece in pieces[start + 1 :]:
        if _starts_body(piece.text) or not _is_upper(piece.text):
            break
        unit.append(piece)
    return unit, _parents(pieces[:start])


def _until_title(doc: Document) -> list[HeaderLine]:
    lines = list(header_lines(doc))
    for i, line in enumerate(lines):
        if is_title_line(line.text):
            return lines[:i]
    return lines


def left_column(lines: Iterable[HeaderLine]) -> list[_Piece]:
    """The pieces of header text that are neither the motto, nor the number or date line."""
    pieces: list[_Piece] = []
    pending: list[str] = []  # the motto's words still to come ("NAM" after "… CHỦ NGHĨA VIỆT")
    for line in lines:
        for raw in _COLUMNS.split(line.text):
            parts, pending = _without_motto(raw, pending)
            pieces += [_Piece(text, line) for text in parts if not _is_furniture(_key(text))]
    return pieces


def _without_motto(text: str, pending: list[str]) -> tuple[list[str], list[str]]:
    """The parts of ``text`` around the motto, and the motto's words still to come when it
    breaks off at the line's end. A piece that only finishes the motto ("NAM") is dropped."""
    key = _key(text)
    words = key.split()
    if pending and (words == pending[: len(words)] or (len(pending) > 1 and words[: len(pending)] == pending)):
        cut = _after_words(key, len(pending) if words[: len(pending)] == pending else len(words))
        text, key = text[cut:], key[cut:]
        pending = []
    parts: list[str] = []
    rest = pending  # not finished here: may still come on a later line
    start = 0
    for match in _motto_pattern().finditer(key):
        parts.append(text[start : match.start()])
        start = match.end()
        said = tuple(re.findall(r"[a-z]+", match.group(0)))
        phrase = next(p for p in _motto_words() if p[: len(said)] == said)
        rest = list(phrase[len(said) :])
    parts.append(text[start:])
    return [p.strip(" ,") for p in parts if p.strip(" ,-–")], rest


def _after_words(key: str, count: int) -> int:
    """Position in ``key`` after its first ``count`` words."""
    matches = list(re.finditer(r"\S+", key))
    return matches[count - 1].end() if 0 < count <= len(matches) else 0


@cache
def _motto_words() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(re.findall(r"[a-z]+", _key(m))) for m in unit_rules().motto)


@cache
def _motto_pattern() -> re.Pattern[str]:
    """A motto phrase from its first two words on; it may break off at the line's end. No word
    boundary before it: PDFs and OCR glue it to the unit's name ("DỰ ÁNCỘNG HÒA")."""
    alternatives = []
    for words in _motto_words():
        tail = "".join(r"(?:[\s\-–]*" + w for w in words[2:]) + ")?" * (len(words) - 2)
        alternatives.append(words[0] + r"\s*" + words[1] + tail)
    return re.compile("|".join(alternatives))


def _key(text: str) -> str:
    """Letters without any mark, lower case, one for one with ``text``'s characters (positions
    kept): header words compared however fonts and OCR spell them."""
    return "".join(_key_char(ch) for ch in text)


def _key_char(ch: str) -> str:
    if ch in "đĐ":
        return "d"
    base = unicodedata.normalize("NFKD", ch)[:1].lower()
    return base if len(base) == 1 else ch


def _is_furniture(key: str) -> bool:
    """Number line, place-date line, "V/v" subject, a note in brackets ("(BẢN SỬA ĐỔI)"), separator
    rules ("-----", "oOo", "***")."""
    if re.match(r"^(so|s6|s0)\s*([:.]|\d)|^v/v\b|^\(", key) or re.search(r"\bngay\b.*\bthang\b", key):
        return True
    letters = re.sub(r"[^a-zđ]", "", key.replace("ooo", ""))
    return len(letters) < 2


def _is_upper(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 2 and sum(ch.isupper() for ch in letters) >= _UPPER_SHARE * len(letters)


def _starts_body(text: str) -> bool:
    """Whether the piece starts the name of an organisation ("TRƯỜNG …", "SỞ …", "UBND …")."""
    return _opens_with(text, _starts())


def _opens_with(text: str, words: tuple[str, ...]) -> bool:
    key = _key(text)
    return any(key == w or key.startswith(w + " ") for w in words)


def _names_a_body(text: str) -> bool:
    """A header line in small letters that names a body ("Trường Cao đẳng Y tế Hà Đông"), not a
    sentence of the text that starts with one ("Sở Y tế tổ chức hội nghị …")."""
    return _starts_body(text) and len(text.split()) <= _NAME_WORDS and not re.search(r"[.;:!?]", text)


@cache
def _starts() -> tuple[str, ...]:
    vocabulary = unit_rules()
    return tuple(_key(w) for w in (*vocabulary.institution_starts, *vocabulary.parent_starts))


@cache
def _institutions() -> tuple[str, ...]:
    return tuple(_key(w) for w in unit_rules().institution_starts)


def _unit_start(pieces: list[_Piece]) -> int:
    """The issuing body is the last piece that starts an institution's name ("TRƯỜNG …",
    "BỆNH VIỆN …"); without one, the last piece that starts any body's name below a parent."""
    for i in range(len(pieces) - 1, -1, -1):
        if _opens_with(pieces[i].text, _institutions()):
            return i
    starts = [i for i, p in enumerate(pieces) if _starts_body(p.text)]
    if starts and starts[-1] > 0:
        return starts[-1]
    # One piece: the unit, without a parent; more: the parent on top, the unit below it.
    return 0 if len(pieces) == 1 else 1


def _parents(pieces: list[_Piece]) -> tuple[str, ...]:
    """Parent bodies, a line that starts no body continuing the one above ("ỦY BAN NHÂN DÂN" /
    "THÀNH PHỐ HÀ NỘI")."""
    bodies: list[str] = []
    for piece in pieces:
        if bodies and not _starts_body(piece.text):
            bodies[-1] += " " + piece.text
        else:
            bodies.append(piece.text)
    return tuple(_clean(b) for b in bodies if _clean(b))


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" -–_.,:;*")


# --- casing --------------------------------------------------------------------------------------

def cased_name(written: str, doc: Document | None = None) -> str:
    """The name with the casing the report's body gives it ("Trường Cao đẳng Du lịch và Dịch vụ Tây
    Hồ"); the words the body does not write, by the rules of official names."""
    tokens = _TOKEN.findall(written)
    if not tokens or not _is_upper(written):
        return written  # written in small letters already: as the unit writes it
    cased = official_case(tokens)
    if doc is not None:
        found = _body_casing(tokens, doc)
        if found is not None:
            start, words = found
            cased = cased[:start] + words
    cased[0] = cased[0][:1].upper() + cased[0][1:]
    return _joined(cased)


def _joined(tokens: list[str]) -> str:
    out = ""
    for token in tokens:
        out += (" " if out else "") + token
    return re.sub(r"\s+([-–&])\s+", r" \1 ", out)


def _body_casing(tokens: list[str], doc: Document) -> tuple[int, list[str]] | None:
    """The longest tail of the name (the whole name, else without its leading type words) that
    the body writes with a capital first letter; the most common writing of it."""
    keys = [fold(t) for t in tokens]
    words = _body_words(doc)
    # The body is long and the name short: a word is folded only where its first letter (without
    # marks: folding moves tone marks, "Uỷ" → "ủy") could start the name's tail.
    at_initial: dict[str, list[int]] = {}
    for i, word in enumerate(words):
        at_initial.setdefault(_key_char(word[:1]) if word else "", []).append(i)
    folded: dict[int, str] = {}

    def folded_at(i: int) -> str:
        if i not in folded:
            folded[i] = fold(words[i])
        return folded[i]

    for start in range(0, len(tokens) - 1):
        tail = keys[start:]
        if len(tail) < 2:
            break
        seen: Counter[tuple[str, ...]] = Counter()
        for i in at_initial.get(_key_char(tail[0][:1]), []):
            if i + len(tail) > len(words):
                break
            if all(folded_at(i + k) == key for k, key in enumerate(tail)) and (start == 0 or words[i][:1].isupper()):
                seen[tuple(words[i : i + len(tail)])] += 1
        # Written in capitals, the body's text is just the header again.
        seen = Counter({k: n for k, n in seen.items() if not _is_upper(" ".join(k))})
        if seen:
            return start, list(seen.most_common(1)[0][0])
    return None


def _body_words(doc: Document) -> list[str]:
    words: list[str] = []
    for block in doc.blocks:
        if block.kind is BlockKind.TABLE or block.provenance.part is not Part.BODY:
            continue
        words += _TOKEN.findall(block.text)
        words.append("\n")  # no match across paragraphs
    return words


def _starts_with(letters: list[str], keys: list[str], i: int, phrase_letters: list[str], phrase: list[str]) -> bool:
    """Whether the phrase is written at ``i``: by letters alone for phrases of two syllables or more,
    with tones for one syllable ("lao" the disease is no "Lão" of a place)."""
    if len(phrase) > 1:
        return letters[i : i + len(phrase)] == phrase_letters
    return keys[i] == phrase[0]


def official_case(tokens: list[str]) -> list[str]:
    """Names of bodies as official texts write them (Decree 30, appendix II): a capital on the
    first syllable of each word naming the kind and field of the body ("Cao đẳng", "Du lịch",
    "Dịch vụ"), small letters for "và" and administrative levels ("huyện", "quận"), and a capital on
    every syllable of place and proper names ("Tây Hồ", "Mê Linh")."""
    vocabulary = unit_rules()
    # Vocabulary words are found by their letters alone and written as the vocabulary spells
    # them: OCR reads tone marks on capitals poorly ("CAO ĐĂNG" for "CAO ĐẲNG").
    phrases = sorted([(fold(t).split(), True) for t in vocabulary.common_terms]
                     + [(fold(t).split(), False) for t in vocabulary.small_words], key=lambda p: -len(p[0]))
    by_letters = [([_key(w) for w in words], words, capital) for words, capital in phrases]
    keep = {_key(a) for a in vocabulary.kept_abbreviations}
    letters = [_key(t) for t in tokens]
    keys = [fold(t) for t in tokens]  # one-syllable words by their tones too ("Lão" is no "lao")
    out: list[str] = []
    i = 0
    while i < len(tokens):
        if letters[i] in keep:
            out.append(tokens[i].upper())
            i += 1
            continue
        phrase = next((p for p in by_letters if _starts_with(letters, keys, i, p[0], p[1])), None)
        if phrase is None:
            out.append(fold(tokens[i]).capitalize())
            i += 1
            continue
        _, words, capital = phrase
        out += [words[0].capitalize() if capital or not out else words[0], *words[1:]]
        i += len(words)
    return out
