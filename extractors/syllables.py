"""Re-join Vietnamese words that PDF text extraction split around accented letters ("ĐIỀ U").

Some PDF producers place accented letters as separate glyph runs, and text extractors then see a
gap: "ĐIỀ U", "d ụ ng". A fragment that is not a possible Vietnamese syllable is joined to its
neighbour when the two together are one; real words are never joined, because two valid
syllables stay apart and abbreviations ("CĐYT") do not make a syllable with anything.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.core.textnorm import strip_tones

_ONSETS = "ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x"
# Vowel groups that may end a syllable, and those that need a final consonant or glide.
_OPEN = ("a|e|ê|i|o|ô|ơ|u|ư|y|ai|ao|au|ay|âu|ây|eo|êu|ia|iu|oa|oe|oi|ôi|ơi|ua|ui|uy|ưa|ưi|ưu|oai|oay|oeo"
         "|uôi|uya|uyu|ươi|ươu|yêu|iêu|uây|uê|uơ")
_CLOSED = "ă|â|iê|yê|uô|ươ|uyê|oă|uâ|oo|a|e|ê|i|o|ô|ơ|u|ư|y|oa|oe|uy|ưa|ua|ia"
_FINALS = "ch|nh|ng|c|m|n|p|t"
_SYLLABLE = re.compile(rf"^(?:{_ONSETS})?(?:(?:{_OPEN})|(?:{_CLOSED})(?:{_FINALS}))$")
_LETTERS = re.compile(r"^[^\W\d_]+$")
_VOWELS = set("aăâeêioôơuưy")


@lru_cache(maxsize=65536)
def is_syllable(word: str) -> bool:
    return bool(_SYLLABLE.match(strip_tones(word)))


def _fragment(word: str) -> bool:
    return bool(_LETTERS.match(word)) and not is_syllable(word)


@lru_cache(maxsize=65536)
def _no_vowel(word: str) -> bool:
    return bool(_LETTERS.match(word)) and not (set(strip_tones(word)) & _VOWELS)


@lru_cache(maxsize=65536)
def _may_join(word: str) -> bool:
    """Whether a join could involve this word: a fragment on the left or a word without vowels."""
    return _fragment(word) or _no_vowel(word)


def join_split_words(text: str) -> str:
    tokens = text.split(" ")
    if not any(map(_may_join, tokens)):
        # Nearly every line: with no fragment and no word without vowels, the loop below joins
        # nothing and gives the text back as it is.
        return text
    out: list[str] = []
    for token in tokens:
        if out and token and (_fragment(out[-1]) or _no_vowel(token)) and _LETTERS.match(out[-1]) \
                and _LETTERS.match(token) and is_syllable(out[-1] + token):
            out[-1] += token
        else:
            out.append(token)
    return " ".join(out)
