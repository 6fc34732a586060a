"""The award names tdkt knows (award_names.yaml): fixed titles and forms ("Cờ thi đua của Chính
phủ"), and forms built from a head and an issuer ("Bằng khen của" + "Bộ trưởng Bộ Y tế"), each
with its kind and level. The award rules check their names against it; the readers find awards
in reports and criteria documents with it."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from pipeline.core.configfile import load_model


class FixedAward(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    variants: list[str] = Field(default_factory=list)
    kind: str
    level: str
    recipient: str | None = None


class AwardHead(BaseModel):
    model_config = ConfigDict(extra="forbid")
    head: str
    kind: str
    recipient: str | None = None


class AwardIssuer(BaseModel):
    model_config = ConfigDict(extra="forbid")
    issuer: str
    level: str


class IssuedAwards(BaseModel):
    model_config = ConfigDict(extra="forbid")
    heads: list[AwardHead]
    issuers: list[AwardIssuer]


class AwardVocabulary(BaseModel):
    model_config = ConfigDict(extra="forbid")
    fixed: list[FixedAward]
    issued: IssuedAwards


@cache
def award_vocabulary() -> AwardVocabulary:
    return load_model(Path(__file__).with_name("award_names.yaml"), AwardVocabulary)
