"""Regex searches that start with a lookbehind, run by their body.

A pattern that begins with ``\\b`` or a lookbehind (``(?<![\\d/.,])``) cannot use the regex
engine's fast scan for its first literal or digit: it tries the assertion at every position of
the text, which made the year and date patterns ~4× slower than their bodies (a tenth of
understanding a report). ``finditer_after`` runs the body's own fast search and checks the
assertion on the character before each match, resuming one character later when it fails: the
same matches, in the same order, as ``re.finditer`` of the assertion followed by the body.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator


def finditer_after(body: re.Pattern[str], text: str, allowed: Callable[[str], bool]) -> Iterator[re.Match[str]]:
    """The matches of (assertion)(body) in ``text``, where the assertion holds at a position when
    ``allowed(the character before it, or "" at the start)``. The body must not match empty."""
    pos = 0
    while (m := body.search(text, pos)) is not None:
        start = m.start()
        if allowed(text[start - 1] if start else ""):
            yield m
            pos = m.end()
        else:
            pos = start + 1


def word_start(before: str) -> bool:
    """``\\b`` before a body that starts with a word character: nothing, or no word character, before."""
    return not (before.isalnum() or before == "_")


def whole_word(text: str, word: str) -> bool:
    """Whether ``(?<!\\w)word(?!\\w)`` is found in ``text``: str.find and a test of the characters
    either side, ~3× cheaper than the regex."""
    at = text.find(word)
    while at >= 0:
        after = at + len(word)
        if word_start(text[at - 1] if at else "") and word_start(text[after] if after < len(text) else ""):
            return True
        at = text.find(word, at + 1)
    return False


def not_in_number(before: str) -> bool:
    """``(?<![\\d/.,])``: not a digit, a slash, a dot or a comma before (not part of "98/2023")."""
    return not (before.isdecimal() or before in ("/", ".", ","))


def blank_after(body: re.Pattern[str], text: str, allowed: Callable[[str], bool]) -> tuple[str, int]:
    """``re.subn`` of (assertion)(body) by one space per match: the text with each match blanked
    out, and how many there were."""
    parts, last, count = [], 0, 0
    for m in finditer_after(body, text, allowed):
        parts += (text[last : m.start()], " ")
        last, count = m.end(), count + 1
    return ("".join(parts) + text[last:], count) if count else (text, 0)


def not_word_or(chars: str) -> Callable[[str], bool]:
    """``(?<![\\w<chars>])``: no word character (a letter, a digit, "_") and none of ``chars`` before."""
    def allowed(before: str) -> bool:
        return not (before.isalnum() or before == "_" or (before != "" and before in chars))

    return allowed
