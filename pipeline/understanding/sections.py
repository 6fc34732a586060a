"""The report's own assessment: strengths, limitations, causes, directions, proposals.

A section starts at a heading (or a short lead-in paragraph, or "Hạn chế: …" inline) naming it,
and runs until the next heading.
"""

from __future__ import annotations

import re

from pipeline.model import Block, BlockKind
from pipeline.textnorm import fold
from pipeline.understanding.facts import Quote, SectionKind
from pipeline.understanding.passages import quote

# Checked in order: "Tồn tại, hạn chế và nguyên nhân" is a limitations heading.
_KEYWORDS: list[tuple[SectionKind, tuple[str, ...]]] = [
    (SectionKind.STRENGTHS, ("ưu điểm", "kết quả nổi bật", "mặt mạnh")),
    (SectionKind.LIMITATIONS, ("hạn chế", "tồn tại")),
    (SectionKind.CAUSES, ("nguyên nhân",)),
    (SectionKind.DIRECTIONS, ("phương hướng", "nhiệm vụ trọng tâm", "nhiệm vụ và giải pháp", "nhiệm vụ, giải pháp")),
    (SectionKind.PROPOSALS, ("kiến nghị", "đề xuất", "đề nghị")),
]
_LEAD_IN = re.compile(r"^[\W\dIVXivx]*\s*([^:.]{1,80}):\s*(.*)$", re.S)
_MAX_LEAD_CHARS = 90


def find_sections(blocks: list[Block]) -> dict[SectionKind, list[Quote]]:
    sections: dict[SectionKind, list[Quote]] = {}
    current: SectionKind | None = None
    for block in blocks:
        kind, rest = _section_start(block)
        if kind is not None:
            current = kind
            if rest:
                start = block.text.find(rest)
                sections.setdefault(kind, []).append(quote(block, start, start + len(rest)))
            continue
        if block.kind is BlockKind.HEADING:
            current = None
        elif current is not None and block.kind is BlockKind.PARAGRAPH:
            sections.setdefault(current, []).append(quote(block, 0, len(block.text)))
    return sections


def _section_start(block: Block) -> tuple[SectionKind | None, str]:
    if block.kind is BlockKind.TABLE:
        return None, ""
    folded = fold(block.text)
    head, rest = folded, ""
    lead = _LEAD_IN.match(folded)
    if lead:
        head, rest = lead.group(1), block.text[len(block.text) - len(lead.group(2)) :].strip()
    elif block.kind is not BlockKind.HEADING and len(folded) > _MAX_LEAD_CHARS:
        return None, ""
    for kind, words in _KEYWORDS:
        if any(w in head for w in words):
            return kind, rest
    return None, ""
