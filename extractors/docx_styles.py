"""Paragraph style facts (heading level, bold, list numbering, font) looked up once per style.

Read from the styles part's XML as python-docx 1.2 reads it (``docx.styles``), so that a file is
read, or refused, as before: a style's type decides what it is (a style without one, or with a
type Word does not have, is an error once the styles are listed), its base style is the first
style of the basedOn id (a missing one ends the chain), a name makes a heading style whatever its
case (python-docx shows "heading 1" as "Heading 1"), and bold is an on/off value ("1", "true",
"on", "0", "false", "off"; none is on; anything else is an error). A basedOn chain that loops
(python-docx followed it for ever, until the run's time limit set the file aside) ends where it
would come back to a style already read: the styles of the loop have then each given what they
hold, which is all that following it further could give.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from lxml import etree

from extractors.docx_package import PackageDamaged, ParsedStyles, PartMalformed, WordPackage
from extractors.xml_names import (
    W_ASCII,
    W_B,
    W_BASED_ON,
    W_DEFAULT,
    W_DOC_DEFAULTS,
    W_HANSI,
    W_NAME,
    W_NS,
    W_NUMPR,
    W_OUTLINE_LVL,
    W_PPR,
    W_RFONTS,
    W_RPR,
    W_RPR_DEFAULT,
    W_STYLE,
    W_STYLE_ID,
    W_STYLES,
    W_TYPE,
    W_VAL,
    grandchild,
)

_HEADING_STYLE = re.compile(r"^(heading|tiêu đề|đầu đề)\s*(\d)$", re.IGNORECASE)
_STYLE_TYPES = ("paragraph", "character", "table", "numbering")
_NUMBERING = "numbering"  # python-docx's numbering styles have neither a font nor a base style
_ON_OFF = {"1": True, "true": True, "on": True, "0": False, "false": False, "off": False}


def on_off(element: etree._Element) -> bool:
    """The value of an on/off property (<w:b/>, <w:b w:val="0"/>): on unless it says otherwise."""
    value = element.get(W_VAL)
    if value is None:
        return True
    if value not in _ON_OFF:
        raise PartMalformed(f"value must be one of '1', '0', 'true', 'false', 'on', or 'off', got '{value}'")
    return _ON_OFF[value]


def rfonts_name(fonts: etree._Element | None) -> str | None:
    return (fonts.get(W_ASCII) or fonts.get(W_HANSI)) if fonts is not None else None


@dataclass
class StyleFacts:
    heading_level: int | None
    bold: bool
    num_pr: etree._Element | None
    font: str | None


_NO_STYLE = StyleFacts(heading_level=None, bold=False, num_pr=None, font=None)


class Styles:
    """The styles of a document, read when first asked for (as python-docx did)."""

    def __init__(self, package: WordPackage):
        self.package = package
        self._index: _StylesIndex | None = None

    @property
    def default_font(self) -> str | None:
        """The document's default font (docDefaults), which a run without a font uses."""
        return self._styles().default_font

    def of(self, pstyle: etree._Element | None) -> StyleFacts:
        """The facts of a paragraph's style: its first pPr's first pStyle (python-docx reads only
        those), else the default paragraph style. A pStyle without an id looks nothing up."""
        style_id = pstyle.get(W_VAL) if pstyle is not None else self._styles().default_id
        if not style_id:
            return _NO_STYLE
        index = self._styles()
        facts = index.facts.get(style_id)
        if facts is None:
            facts = index.facts[style_id] = index.read(style_id)
        return facts

    def _styles(self) -> _StylesIndex:
        if self._index is None:
            self._index = _index_of(self.package.styles())
        return self._index


class _StylesIndex:
    """What one styles part says, worked out when first asked for; a styles part shared by
    documents (docx_package keeps the parts it parsed last) is worked out once for them all. What
    fails is not kept: it fails again for the next document, as it would have."""

    def __init__(self, root: etree._Element):
        self.root = root
        self.facts: dict[str, StyleFacts] = {}

    @cached_property
    def by_id(self) -> dict[str | None, etree._Element]:
        if self.root.tag != W_STYLES:
            raise PartMalformed(f"the styles part has root {self.root.tag}")
        by_id = {}
        for style in self.root.iterchildren(W_STYLE):
            _check_type(style)
            by_id[style.get(W_STYLE_ID)] = style  # a repeated id: its last style
        return by_id

    @cached_property
    def default_font(self) -> str | None:
        return rfonts_name(_first(self.root, W_DOC_DEFAULTS, W_RPR_DEFAULT, W_RPR, W_RFONTS))

    @cached_property
    def default_id(self) -> str | None:
        for style in self.root.iterchildren(W_STYLE):
            if style.get(W_TYPE) == "paragraph" and style.get(W_DEFAULT) in ("1", "true"):
                return style.get(W_STYLE_ID)
        return None

    def read(self, style_id: str) -> StyleFacts:
        level, bold, num_pr, font = None, None, None, None
        style = self.by_id.get(style_id)
        read: set[etree._Element] = set()  # the chain's styles so far: a loop ends where it closes
        while style is not None and style not in read:
            read.add(style)
            if font is None:
                font = rfonts_name(grandchild(style, W_RPR, W_RFONTS))
            match = _HEADING_STYLE.match(_name(style) or "")
            if level is None and match:
                level = int(match.group(2))
            if bold is None:
                bold = _bold(style)
            ppr = style.find(W_PPR)
            if num_pr is None and ppr is not None:
                num_pr = ppr.find(W_NUMPR)
                outline = ppr.find(W_OUTLINE_LVL)
                if level is None and outline is not None and outline.get(W_VAL, "9").isdigit():
                    value = int(outline.get(W_VAL))
                    level = value + 1 if value < 9 else None
            if _check_type(style) == _NUMBERING:
                raise PartMalformed(f"numbering style {style.get(W_STYLE_ID)} has no base style")
            style = self._base_style(style)
        return StyleFacts(heading_level=level, bold=bool(bold), num_pr=num_pr, font=font)

    @cached_property
    def _first_by_id(self) -> dict[str | None, etree._Element]:
        first: dict[str | None, etree._Element] = {}
        for style in self.root.iterchildren(W_STYLE):
            first.setdefault(style.get(W_STYLE_ID), style)
        return first

    def _base_style(self, style: etree._Element) -> etree._Element | None:
        """The first style (of any type) of this one's basedOn id, among the styles beside it; None
        when there is none."""
        style_id = _value_of(style, W_BASED_ON)
        if style_id is None:
            return None
        styles = style.getparent()
        if '"' in style_id:
            base = _by_xpath(styles, style_id)
        elif styles is self.root:
            base = self._first_by_id.get(style_id)
        elif styles is not None and styles.tag == W_STYLES:  # a style an XPath found elsewhere
            base = next((s for s in styles.iterchildren(W_STYLE) if s.get(W_STYLE_ID) == style_id), None)
        else:
            raise PartMalformed(f"style {style.get(W_STYLE_ID)} is not among styles")
        if base is not None:
            _check_type(base)
        return base


def _index_of(styles: ParsedStyles) -> _StylesIndex:
    if styles.index is None:
        styles.index = _StylesIndex(styles.root)
    return styles.index


def _first(element: etree._Element, *path: str) -> etree._Element | None:
    """``element.find("a/b/c")``: the first match, in document order."""
    if not path:
        return element
    for child in element.iterchildren(path[0]):
        found = _first(child, *path[1:])
        if found is not None:
            return found
    return None


def _check_type(style: etree._Element) -> str:
    kind = style.get(W_TYPE)
    if kind is None:
        raise PackageDamaged(f"style {style.get(W_STYLE_ID)} has no type")  # python-docx: a KeyError
    if kind not in _STYLE_TYPES:
        raise PartMalformed(f"WD_STYLE_TYPE has no XML mapping for '{kind}'")
    return kind


def _name(style: etree._Element) -> str | None:
    return _value_of(style, W_NAME)


def _value_of(style: etree._Element, tag: str) -> str | None:
    """The w:val of the style's first ``tag`` child, None without one; a child without its w:val is
    malformed (python-docx raised an error of its own, which set the file aside as an internal error)."""
    child = style.find(tag)
    if child is None:
        return None
    value = child.get(W_VAL)
    if value is None:
        raise PartMalformed(f"required 'w:val' attribute not present on element {child.tag}")
    return value


def _bold(style: etree._Element) -> bool | None:
    if _check_type(style) == _NUMBERING:
        raise PartMalformed(f"numbering style {style.get(W_STYLE_ID)} has no font")
    rpr = style.find(W_RPR)
    b = rpr.find(W_B) if rpr is not None else None
    return on_off(b) if b is not None else None


def _by_xpath(styles: etree._Element | None, style_id: str) -> etree._Element | None:
    """python-docx's lookup, an XPath with the id between double quotes, for an id holding one: it
    selects what the expression it makes selects, or fails (etree.XPathEvalError: read_docx then
    refuses the file as malformed)."""
    if styles is None or styles.tag != W_STYLES:
        raise PartMalformed(f"a style of base {style_id!r} is not among styles")
    found = styles.xpath(f'w:style[@w:styleId="{style_id}"]', namespaces={"w": W_NS})
    base = found[0] if found else None
    if base is not None and not (isinstance(base, etree._Element) and base.tag == W_STYLE):
        raise PartMalformed(f"the base style of id {style_id!r} is not a style")
    return base
