"""Passages of a report that are evidence for each rubric criterion.

A passage is a sentence of the narrative containing one of the criterion's evidence phrases
(rubric data); the note cell of the criterion's row in the self-scoring table also counts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pipeline.core.model import Block
from pipeline.understanding.facts import EvidencePassage, Quote, SelfScoreTable
from pipeline.understanding.passages import quote, sentence_bounds

if TYPE_CHECKING:  # spaCy is imported when rules are built, not by every importer
    from spacy.tokens import Doc

_MAX_PER_CRITERION = 5


def find_evidence(
    blocks: list[Block], docs: list[Doc], table: SelfScoreTable | None
) -> dict[str, list[EvidencePassage]]:
    found: dict[str, list[EvidencePassage]] = {}
    for block, doc in zip(blocks, docs, strict=True):
        by_sentence: dict[tuple[str, int, int], list[str]] = {}
        for span in doc.spans.get("evidence", []):
            bounds = sentence_bounds(doc.text, span.start_char, span.end_char)
            phrases = by_sentence.setdefault((span.label_, *bounds), [])
            if span.text not in phrases:
                phrases.append(span.text)
        for (code, start, end), phrases in by_sentence.items():
            passages = found.setdefault(code, [])
            if len(passages) < _MAX_PER_CRITERION:
                passages.append(EvidencePassage(criterion=code, phrases=phrases, quote=quote(block, start, end)))
    for row in table.criterion_rows().values() if table else []:
        if row.note.strip():
            note = Quote(text=row.note, provenance=row.provenance.model_copy(update={"cell": None}))
            found.setdefault(row.code, []).insert(0, EvidencePassage(criterion=row.code, phrases=[], quote=note))
    return found
