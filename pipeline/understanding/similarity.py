"""Word-overlap similarity of two Vietnamese labels, tolerant of tone placement and rewording."""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.core.textnorm import fold

_STOP = {"và", "các", "của", "trong", "được", "cho", "với", "theo", "có", "đã", "là", "những", "việc"}
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def words(text: str) -> set[str]:
    return {w for w in _WORD.findall(fold(text)) if w not in _STOP}


@lru_cache(maxsize=1 << 12)  # the rubric's titles are compared in every report of a run
def word_set(text: str) -> frozenset[str]:
    """``words(text)``, frozen and remembered."""
    return frozenset(words(text))


def label_similarity(a: str, b: str) -> float:
    """0..1: the mean of Jaccard overlap and containment of the smaller label in the larger.

    Containment lets an abridged label ("Tuyển sinh") match its full title; Jaccard keeps two
    long labels that share a few common words apart.
    """
    return word_similarity(words(a), words(b))


def word_similarity(wa: set[str] | frozenset[str], wb: set[str] | frozenset[str]) -> float:
    """label_similarity of two labels' words, for callers that compare one label with many."""
    if not wa or not wb:
        return 0.0
    common = len(wa & wb)
    # |a ∪ b| = |a| + |b| − |a ∩ b|: no union set built (called rows × rubric rows times a table).
    return 0.5 * common / (len(wa) + len(wb) - common) + 0.5 * common / min(len(wa), len(wb))


def word_similarities(wa: frozenset[str], others: list[frozenset[str]]) -> list[float]:
    """``word_similarity(wa, b)`` for each ``b`` of ``others``, the same sums in the same order:
    aligning a table compares each row's words with every rubric row's, and a call per pair
    was most of the cost."""
    size = len(wa)
    if not size:
        return [0.0] * len(others)
    found = []
    for wb in others:
        common = len(wa & wb) if wb else 0
        found.append(0.5 * common / (size + len(wb) - common) + 0.5 * common / min(size, len(wb)) if wb else 0.0)
    return found
