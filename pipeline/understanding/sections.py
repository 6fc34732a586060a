"""The report's own assessment: strengths, limitations, causes, directions, proposals.

A section starts at a heading (or a short lead-in paragraph, or "Hạn chế: …" inline) naming it,
and runs until the next heading.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.core.model import Block, BlockKind
from pipeline.core.textnorm import fold
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
_NUMBERED = re.compile(r"^\s*(\d{1,2}(\.\d{1,2})*[.)]|[ivx]{1,5}[.)]|[a-zđ]\)|[-–+•*])\s*\S")


# (section the block belongs to, whether it opens that section, inline text after 'X:'), block by block.
Walk = list[tuple[SectionKind | None, bool, str]]


def find_sections(blocks: list[Block], walk: Walk | None = None) -> dict[SectionKind, list[Quote]]:
    """``walk``: section_walk(blocks), when the caller has it already."""
    sections: dict[SectionKind, list[Quote]] = {}
    for block, (kind, starts_here, rest) in zip(blocks, walk or section_walk(blocks), strict=True):
        if kind is None:
            continue
        if starts_here:
            if rest:
                start = block.text.find(rest)
                sections.setdefault(kind, []).append(quote(block, start, start + len(rest)))
        elif block.kind is BlockKind.PARAGRAPH:
            sections.setdefault(kind, []).append(quote(block, 0, len(block.text)))
    return sections


def forward_looking(blocks: list[Block], walk: Walk | None = None) -> list[bool]:
    """For each block: does it sit in the directions or proposals (targets, not results)?"""
    future = (SectionKind.DIRECTIONS, SectionKind.PROPOSALS)
    return [kind in future for kind, _, _ in walk or section_walk(blocks)]


def block_sections(blocks: list[Block], walk: Walk | None = None) -> list[SectionKind | None]:
    """For each block: the assessment section it sits in (its heading's, or its own lead-in's), or None."""
    return [kind for kind, _, _ in walk or section_walk(blocks)]


def section_walk(blocks: list[Block]) -> Walk:
    """(section the block belongs to, whether it opens that section, inline text after 'X:').
    Understanding walks a report's blocks once and gives the walk to each reader above."""
    current: SectionKind | None = None
    result = []
    for block in blocks:
        kind, rest = _section_start(block)
        if kind is not None:
            current = kind
            result.append((kind, True, rest))
            continue
        if block.kind is BlockKind.HEADING:
            current = None
        result.append((current, False, ""))
    return result


def _section_start(block: Block) -> tuple[SectionKind | None, str]:
    if block.kind is BlockKind.TABLE:
        return None, ""
    return _text_starts_section(block.text, block.kind is BlockKind.HEADING)


@lru_cache(maxsize=4096)  # a report's blocks are walked three times (sections, roles, what looks forward)
def _text_starts_section(text: str, heading: bool) -> tuple[SectionKind | None, str]:
    folded = fold(text)
    head, rest = folded, ""
    # The lead-in needs a colon: without one (most paragraphs) its pattern, which backtracks over
    # the first eighty characters, is not tried.
    lead = _LEAD_IN.match(folded) if ":" in folded else None
    if lead:
        head, rest = lead.group(1), text[len(text) - len(lead.group(2)) :].strip()
    elif not heading and (len(folded) > _MAX_LEAD_CHARS or not _NUMBERED.match(folded)):
        # A short paragraph opens a section only when numbered like a heading ("2. Hạn chế"):
        # the title line "… và phương hướng, nhiệm vụ năm 2024" does not.
        return None, ""
    for kind, words in _KEYWORDS:
        if any(w in head for w in words):
            if kind in (SectionKind.DIRECTIONS, SectionKind.PROPOSALS) and "kết quả" in head:
                return None, ""  # "Kết quả thực hiện các nhiệm vụ trọng tâm" reports results
            return kind, rest
    return None, ""
