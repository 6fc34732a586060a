"""What every format extractor provides: a file in, a `Document` of the common model out."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from pipeline.core.model import Block, BlockKind, Cell, Document, Provenance
from pipeline.core.settings import Settings
from pipeline.core.textnorm import nfc


class Extractor(Protocol):
    """Reads one file format. Raises RejectedFileError when the file cannot be read."""

    def __call__(self, path: Path, display_name: str, sha256: str, settings: Settings) -> Document: ...


def text_block(kind: BlockKind, raw: str, provenance: Provenance | dict[str, object], decoded: str | None = None,
               **extra: object) -> Block:
    """A block keeping ``raw`` as the file wrote it; ``decoded`` is its Unicode form when the raw
    text is in a legacy encoding. The block's text is the NFC form. ``provenance`` (and the cells of
    ``rows``) may be given as the fields of one: the block validates them as it would the model's,
    at a third of the cost of a model made first."""
    return Block(kind=kind, raw=raw, text=nfc(decoded if decoded is not None else raw), provenance=provenance,
                 **extra)


def cell(raw: str, decoded: str | None = None, **extra: object) -> Cell:
    return Cell(**cell_fields(raw, decoded, **extra))


def cell_fields(raw: str, decoded: str | None = None, **extra: object) -> dict[str, object]:
    """The fields of cell(raw, decoded, **extra), for a block to validate among its rows."""
    return {"raw": raw, "text": nfc(decoded if decoded is not None else raw), **extra}

