"""Paragraph style facts (heading level, bold, list numbering) looked up once per style.

python-docx resolves `paragraph.style` by scanning every style of the document on each call;
reports have hundreds of paragraphs and styles, so this reads each style chain once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from docx.document import Document as WordDocument
from lxml import etree

from extractors.xml_names import grandchild, qn

_HEADING_STYLE = re.compile(r"^(heading|tiêu đề|đầu đề)\s*(\d)$", re.IGNORECASE)


@dataclass
class StyleFacts:
    heading_level: int | None
    bold: bool
    num_pr: etree._Element | None
    font: str | None


@dataclass
class Styles:
    word: WordDocument
    _facts: dict[str | None, StyleFacts] = field(default_factory=dict)

    @cached_property
    def _by_id(self) -> dict[str, object]:
        return {s.style_id: s for s in self.word.styles}

    @cached_property
    def default_font(self) -> str | None:
        """The document's default font (docDefaults), which a run without a font uses."""
        fonts = self.word.styles.element.find(
            f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}"
        )
        return fonts.get(qn("w:ascii")) or fonts.get(qn("w:hAnsi")) if fonts is not None else None

    @cached_property
    def _default_id(self) -> str | None:
        for style in self.word.styles.element.findall(qn("w:style")):
            if style.get(qn("w:type")) == "paragraph" and style.get(qn("w:default")) in ("1", "true"):
                return style.get(qn("w:styleId"))
        return None

    def of(self, p: etree._Element) -> StyleFacts:
        ppr = p.find(qn("w:pPr"))
        pstyle = ppr.find(qn("w:pStyle")) if ppr is not None else None
        style_id = pstyle.get(qn("w:val")) if pstyle is not None else self._default_id
        if style_id not in self._facts:
            self._facts[style_id] = self._read(style_id)
        return self._facts[style_id]

    def _read(self, style_id: str | None) -> StyleFacts:
        level, bold, num_pr, font = None, None, None, None
        style = self._by_id.get(style_id) if style_id else None
        while style is not None:
            if font is None:
                fonts = grandchild(style.element, "w:rPr", "w:rFonts")
                font = (fonts.get(qn("w:ascii")) or fonts.get(qn("w:hAnsi"))) if fonts is not None else None
            match = _HEADING_STYLE.match(style.name or "")
            if level is None and match:
                level = int(match.group(2))
            if bold is None and style.font.bold is not None:
                bold = style.font.bold
            ppr = style.element.pPr
            if num_pr is None and ppr is not None:
                num_pr = ppr.find(qn("w:numPr"))
                outline = ppr.find(qn("w:outlineLvl"))
                if level is None and outline is not None and outline.get(qn("w:val"), "9").isdigit():
                    value = int(outline.get(qn("w:val")))
                    level = value + 1 if value < 9 else None
            style = style.base_style
        return StyleFacts(heading_level=level, bold=bool(bold), num_pr=num_pr, font=font)
