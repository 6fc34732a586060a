"""Passages of a report that are evidence for each rubric criterion, the most direct first.

A candidate is a sentence of the narrative containing one of the criterion's evidence phrases
(rubric data). It is evidence only when it states something the unit did or achieved
(passage_kinds: not the title, a heading, the opening reference, the unit's description, a
difficulty or next year's target; a deduction's evidence may be a difficulty). Table cells, the
self-scoring table's notes among them, are the unit's claims and headers, never quotes.

Candidates are ranked: a sentence stating a fact (a figure, a document issued, a result verb)
before one that does not, then by how much it states and how much of the criterion's wording it
has, long passages and the report's own praise ("Ưu điểm") last.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from pipeline.core.model import Block
from pipeline.core.textnorm import fold
from pipeline.understanding.facts import EvidencePassage, SectionKind
from pipeline.understanding.nlp import text_of
from pipeline.understanding.passage_kinds import (
    EVIDENCE,
    BlockRole,
    FactCues,
    PassageKind,
    bare_topic,
    block_roles,
    classify,
    fact_cues,
    sentence_words,
)
from pipeline.understanding.passages import quote, sentence_bounds
from pipeline.understanding.phrase_spans import marks
from pipeline.understanding.rules import evidence_words

if TYPE_CHECKING:  # spaCy is imported when rules are built, not by every importer
    from spacy.tokens import Doc

_MAX_PER_CRITERION = 5
_PHRASE_WORD = 0.5  # rank per word of the criterion's phrases in the sentence
_PHRASE_CAP = 3.0
_PRAISE = 1.5  # the report's own assessment ranks below what it reports
_DENSITY = 4.0  # rank for a sentence that is all about the criterion (its phrases' share of the words)
_DENSITY_CAP = 0.5


@dataclass
class _Judged:
    """What one sentence is, and its cues and word count once a candidate needs them."""

    kind: PassageKind
    cues: FactCues | None = None
    words: int = 0


@dataclass
class _Candidate:
    passage: EvidencePassage
    fact: bool
    rank: float
    order: int


def find_evidence(blocks: list[Block], docs: list[Doc], *, year: int | None = None,
                  negative: frozenset[str] = frozenset(),
                  sections: list[SectionKind | None] | None = None) -> dict[str, list[EvidencePassage]]:
    """``negative``: codes of deduction criteria, whose evidence is a difficulty or a violation;
    ``sections``: block_sections(blocks), when the caller has them already."""
    found: dict[str, list[_Candidate]] = {}
    order = 0
    for block, doc, role in zip(blocks, docs, block_roles(blocks, sections), strict=True):
        text = text_of(doc)
        # A sentence holding several criteria's phrases is judged once, not once per criterion.
        judged: dict[tuple[int, int], _Judged] = {}
        for (code, start, end), phrases in _sentences(doc).items():
            sentence = text[start:end]
            seen = judged.get((start, end))
            if seen is None:
                seen = judged[(start, end)] = _Judged(classify(sentence, role, year))
            kind = seen.kind
            if kind in EVIDENCE and bare_topic(sentence, phrases):
                continue
            if kind in EVIDENCE or (code in negative and kind is PassageKind.DIFFICULTY):
                passage = EvidencePassage(criterion=code, phrases=phrases, quote=quote(block, start, end))
                found.setdefault(code, []).append(_candidate(passage, sentence, seen, role, order))
                order += 1
    return {code: [c.passage for c in sorted(candidates, key=lambda c: (not c.fact, -c.rank, c.order))
                   [:_MAX_PER_CRITERION]]
            for code, candidates in found.items()}


def _sentences(doc: Doc) -> dict[tuple[str, int, int], list[str]]:
    """(criterion, sentence start, end) → the criterion's phrases found in the sentence, leaving
    out a phrase that is part of a longer one of another criterion ("tốt nghiệp" in "việc làm
    sau tốt nghiệp")."""
    text = text_of(doc)
    spans = [(span.label_, span.start_char, span.end_char) for span in marks(doc, "evidence")]
    by_sentence: dict[tuple[str, int, int], list[str]] = {}
    # Only another criterion's phrase can hide one: with one criterion's phrases (most blocks) no
    # pair needs comparing.
    several = len({label for label, _, _ in spans}) > 1
    for label, start, end in spans:
        if several and any(other != label and o_start <= start and o_end >= end and o_end - o_start > end - start
               for other, o_start, o_end in spans):
            continue  # inside a longer phrase of another criterion
        bounds = sentence_bounds(text, start, end)
        phrases = by_sentence.setdefault((label, *bounds), [])
        if text[start:end] not in phrases:
            phrases.append(text[start:end])
    return by_sentence


def _candidate(passage: EvidencePassage, text: str, judged: _Judged, role: BlockRole, order: int) -> _Candidate:
    if judged.cues is None:
        judged.cues, judged.words = fact_cues(fold(text)), max(sentence_words(text), 1)
    cues, words = judged.cues, judged.words
    phrase_words = sum(len(p.split()) for p in passage.phrases)
    rank = cues.weight() + min(_PHRASE_WORD * phrase_words, _PHRASE_CAP)
    rank += _DENSITY * min(phrase_words / words, _DENSITY_CAP)
    rank -= max(0, words - evidence_words().long_words) / 10
    rank -= _PRAISE if role.assessment else 0.0
    return _Candidate(passage=passage, fact=judged.kind is not PassageKind.STATEMENT, rank=rank, order=order)
