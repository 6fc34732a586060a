"""Plain text reports (.txt): UTF-8, or Windows-1258 as Vietnamese Windows saves it.

Paragraphs are separated by blank lines; runs of tab-separated lines are tables (that is how a
table pasted from Word arrives as text). Legacy TCVN3/VNI text is recognized by its characters.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from extractors.base import cell, text_block
from extractors.layout import heading_level
from extractors.legacy import decode_document
from pipeline.core.model import Block, BlockKind, Document, DocumentFormat, Provenance
from pipeline.core.settings import Settings

_SHORT_LINE = 60


def read_text(path: Path, display_name: str, sha256: str, settings: Settings | None = None) -> Document:
    text = _decode(path.read_bytes())
    blocks: list[Block] = []
    for group in _groups(text.replace("\r\n", "\n").replace("\r", "\n").split("\n")):
        prov = Provenance(file=display_name, paragraph=len(blocks))
        if all("\t" in line for line in group):
            rows = [[cell(value.strip()) for value in line.split("\t")] for line in group]
            width = max(len(r) for r in rows)
            rows = [r + [cell("")] * (width - len(r)) for r in rows]
            raw = "\n".join(" | ".join(c.raw for c in r) for r in rows)
            blocks.append(text_block(BlockKind.TABLE, raw, prov.model_copy(update={"table": _tables(blocks)}),
                                     rows=rows))
            continue
        joiner = "\n" if all(len(line) < _SHORT_LINE for line in group) else " "
        raw = joiner.join(line.strip() for line in group)
        level = heading_level(raw, bold=None)
        blocks.append(text_block(BlockKind.HEADING if level else BlockKind.PARAGRAPH, raw, prov, level=level))
    return decode_document(Document(file=display_name, sha256=sha256, format=DocumentFormat.TXT, blocks=blocks))


def _decode(data: bytes) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1258", errors="replace")


def _groups(lines: list[str]) -> list[list[str]]:
    """Blank lines separate paragraphs; a change between tabbed and plain lines separates too."""
    groups: list[list[str]] = []
    for line in lines:
        if not line.strip():
            groups.append([])
            continue
        tabbed = "\t" in line.strip("\t") or line.count("\t") >= 2
        if groups and groups[-1] and (("\t" in groups[-1][-1]) != tabbed):
            groups.append([])
        if not groups:
            groups.append([])
        groups[-1].append(line.rstrip())
    return [g for g in groups if g]


def _tables(blocks: list[Block]) -> int:
    return sum(1 for b in blocks if b.kind is BlockKind.TABLE)
