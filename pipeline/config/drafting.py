"""Vocabularies the drafts are written with (drafting.yaml): the canonical spelling of official
and award names, and the words that make a unit's proposal an award proposal for itself."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator

from pipeline.core.configfile import load_model
from pipeline.core.textnorm import fold, nfc


class UnitProposalWords(BaseModel):
    model_config = ConfigDict(extra="forbid")

    award_words: list[str] = Field(min_length=1, description="A proposal naming one of these proposes an award")


class DraftingVocabulary(BaseModel):
    model_config = ConfigDict(extra="forbid")

    spelling: list[str] = Field(description="Names written exactly so in every draft ('Ủy ban nhân dân Thành phố')")
    unit_proposals: UnitProposalWords
    unit_types: list[str] = Field(default_factory=list, description="Unit types a long name is broken after")

    @field_validator("spelling")
    @classmethod
    def _distinct(cls, names: list[str]) -> list[str]:
        folded = [fold(n) for n in names]
        twice = sorted({n for n, f in zip(names, folded, strict=True) if folded.count(f) > 1})
        if twice:
            raise ValueError(f"cụm từ ghi hai lần: {', '.join(twice)}")
        return [nfc(n) for n in names]


@cache
def drafting_vocabulary() -> DraftingVocabulary:
    return load_model(Path(__file__).with_name("drafting.yaml"), DraftingVocabulary)
