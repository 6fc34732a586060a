"""Tone marks OCR misread, settled by the words the document itself writes.

Tesseract's Vietnamese model misreads tone marks most on capitals: the hook above a capital is
small and a scan's grain blurs it, so "BẢO ĐẢM" comes out "BÁO ĐÁM", "THƯỞNG" "THƯỚNG",
"TỔ CHỨC" "TỐ CHỨC". Those words are real syllables, so no spelling check can catch them. A
document writes the same phrases more than once, though, mostly in lower case, which OCR reads
far better ("… thực hiện bảo đảm an ninh …").

So a pair of adjacent words read by OCR is replaced by a pair that differs from it only in the
marks on its vowels when that pair is written clearly more often: at least twice, and more than twice as often
as the pair as read. The counts come from the whole document, text layer and OCR alike, and from
a list of phrases such documents write (vocabulary/ocr_phrases.yaml), each counting as a few
sightings: a document that writes its own spelling more often keeps it.

Only the marks on vowels change (tones, and the circumflex, breve and horn OCR also loses:
"công nghẹ" for "công nghệ"); letters, words and their case never do, and "đ" stays as read.
The text as OCR read it stays in ``raw``, so a reviewer can compare.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import yaml
from pydantic import BaseModel, field_validator

from pipeline.core.model import Block, Cell
from pipeline.core.textnorm import fold, nfc

# Two words with one space between them: a phrase a document repeats.
_PAIR = re.compile(r"(?=\b([^\W\d_]+) ([^\W\d_]+)\b)")
_MIN_SEEN = 2  # a pair written fewer times than this is not evidence
_RATIO = 2  # … and it must be written more than this many times as often as the pair read
_PHRASE_WEIGHT = 3  # a phrase of the list counts as this many sightings
_PHRASES = Path(__file__).parent / "vocabulary" / "ocr_phrases.yaml"


class _Phrases(BaseModel):
    phrases: list[str]

    @field_validator("phrases")
    @classmethod
    def _two_words_each(cls, phrases: list[str]) -> list[str]:
        for phrase in phrases:
            if len(phrase.split()) < 2 or phrase != fold(nfc(phrase)):
                raise ValueError(f"“{phrase}”: a phrase is two words or more, lower case NFC")
        return phrases


@cache
def _phrase_counts() -> Counter[str]:
    listed = _Phrases.model_validate(yaml.safe_load(_PHRASES.read_text(encoding="utf-8")))
    counts = _pair_counts(listed.phrases)
    return Counter(dict.fromkeys(counts, _PHRASE_WEIGHT))


def settle_tones(blocks: list[Block]) -> list[Block]:
    """The blocks with the tone marks of their OCR text settled (see the module's docstring);
    blocks not read by OCR are returned as they are."""
    if not any(b.provenance.ocr_confidence is not None for b in blocks):
        return blocks
    counts = _pair_counts(_texts(blocks)) + _phrase_counts()
    variants: dict[str, list[str]] = {}
    for pair in counts:
        variants.setdefault(_key(pair), []).append(pair)
    return [_settled_block(b, counts, variants) if b.provenance.ocr_confidence is not None else b for b in blocks]


def _texts(blocks: list[Block]) -> Iterable[str]:
    """Each piece of text once: a table's cells (a merged cell once), not its joined text too."""
    for block in blocks:
        if not block.rows:
            yield block.text
        for row in block.rows:
            yield from (cell.text for cell in row if cell.merged_from is None)


def _pair_counts(texts: Iterable[str]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for text in texts:
        folded = fold(text)
        counts.update(f"{m.group(1)} {m.group(2)}" for m in _PAIR.finditer(folded))
    return counts


def _settled_block(block: Block, counts: Counter[str], variants: dict[str, list[str]]) -> Block:
    rows = [[_settled_cell(c, counts, variants) for c in row] for row in block.rows]
    return block.model_copy(update={"text": settle_text(block.text, counts, variants), "rows": rows})


def _settled_cell(cell: Cell, counts: Counter[str], variants: dict[str, list[str]]) -> Cell:
    text = settle_text(cell.text, counts, variants)
    return cell if text == cell.text else cell.model_copy(update={"text": text})


def settle_text(text: str, counts: Counter[str], variants: dict[str, list[str]]) -> str:
    """``text`` with each pair of words whose tone marks the document settles replaced."""
    folded = fold(text)
    if len(folded) != len(text):  # fold keeps NFC lengths; anything else is left as read
        return text
    chars = list(text)
    for m in _PAIR.finditer(folded):
        read = f"{m.group(1)} {m.group(2)}"
        best = max(variants.get(_key(read), [read]), key=lambda p: (counts[p], p == read))
        if best == read or counts[best] < _MIN_SEEN or counts[best] <= _RATIO * counts[read]:
            continue
        start, end = m.start(1), m.end(2)
        if len(best) == end - start:
            chars[start:end] = _in_case_of(best, text[start:end])
    return "".join(chars)


def _key(pair: str) -> str:
    """A pair without any mark on its vowels: OCR also loses or adds a circumflex with the tone
    ("công nghẹ" for "công nghệ", "truyẽn" for "truyền"). "đ" is a letter of its own and stays."""
    return "".join(ch for ch in unicodedata.normalize("NFD", pair) if not unicodedata.combining(ch))


def _in_case_of(replacement: str, original: str) -> str:
    """The replacement's letters in the original's case, letter by letter ("BÁO" → "BẢO")."""
    return "".join(r.upper() if o.isupper() else r for r, o in zip(replacement, original, strict=True))
