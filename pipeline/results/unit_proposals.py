"""What units propose in their reports' "kiến nghị, đề xuất" section, sorted into awards a unit
proposes for itself (or asks the cluster to propose for it) and recommendations it makes.

Both are the unit's words, never the cluster's: the summary attributes the recommendations to
their unit and leaves the award proposals out (the cluster proposes awards from the scores); the
run report lists those so a reviewer knows what each unit asked for.
"""

from __future__ import annotations

import re

from pydantic import BaseModel

from pipeline.config.drafting import drafting_vocabulary
from pipeline.core.textnorm import fold, nfc
from pipeline.results.outcome import ClusterResult
from pipeline.understanding.facts import SectionKind

_SENTENCE = re.compile(r"(?<=[.;!?])\s+(?=\S)")
_LIST_MARK = re.compile(r"^\s*(\d{1,2}[.)]|[a-zđ]\)|[-–+•*])\s+")


class UnitProposal(BaseModel):
    member_id: str
    unit: str
    text: str  # one sentence, as the report wrote it (list mark and final stop removed)
    award: bool  # proposes an award for the unit itself


def unit_proposals(result: ClusterResult) -> list[UnitProposal]:
    """Every sentence of every ranked unit's proposals section, in ranking order."""
    words = [fold(w) for w in drafting_vocabulary().unit_proposals.award_words]
    found = []
    for unit in result.board.units:
        for quote in result.reports[unit.member_id].sections.get(SectionKind.PROPOSALS, []):
            for sentence in _sentences(quote.text):
                folded = fold(sentence)
                found.append(UnitProposal(member_id=unit.member_id, unit=unit.name, text=sentence,
                                          award=any(w in folded for w in words)))
    return found


def _sentences(text: str) -> list[str]:
    parts = (_LIST_MARK.sub("", nfc(p)).rstrip(".;!? ") for p in _SENTENCE.split(nfc(text)))
    return [p for p in parts if len(p.split()) >= 3 and not p.isupper()]  # a title in capitals is no proposal
