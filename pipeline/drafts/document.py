"""A draft document's entry in the registry: its template, its file name and how its context is
built. Each document module (summary, nominations, proposal_letter, minutes, pledge) declares its
own as ``DOCUMENT``; render.py lists them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from pydantic import BaseModel

from pipeline.results.outcome import ClusterResult


@dataclass(frozen=True)
class DraftDocument:
    """One document of the conference set: its template, its file name, how its context is built."""

    kind: str
    label: str  # how messages name it
    template: str
    file_name: str  # may name {year} and {next_year}
    context: Callable[[ClusterResult], BaseModel]

    def name_for(self, year: int) -> str:
        return self.file_name.format(year=year, next_year=year + 1)
