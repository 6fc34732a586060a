"""The text of a Word paragraph, run by run, with legacy-font runs converted to Unicode; whether
its visible runs are all bold.

python-docx's `paragraph.text` cannot do this: it does not know a run's font, and it drops
`<w:softHyphen/>`, which is how Word stores the TCVN3 letter "ư" typed with an ABC keyboard.
"""

from __future__ import annotations

from typing import NamedTuple

from lxml import etree

from extractors.docx_styles import Styles, on_off
from extractors.legacy import decode, encoding_of_font, guess_encoding
from extractors.xml_names import (
    MC_FALLBACK,
    W_ASCII,
    W_B,
    W_BR,
    W_CAPS,
    W_CR,
    W_CS,
    W_DEL,
    W_HANSI,
    W_NO_BREAK_HYPHEN,
    W_NUMPR,
    W_OUTLINE_LVL,
    W_P,
    W_PPR,
    W_PSTYLE,
    W_R,
    W_RFONTS,
    W_RPR,
    W_SOFT_HYPHEN,
    W_T,
    W_TAB,
    W_TXBX_CONTENT,
    W_VAL,
    first_children,
    grandchild,
)

_PIECES = {
    W_TAB: "\t",
    W_BR: "\n",
    W_CR: "\n",
    W_SOFT_HYPHEN: "\u00ad",
    W_NO_BREAK_HYPHEN: "-",
}
# Runs under these are not part of the visible text (deleted revisions, text boxes read apart).
SKIP = frozenset((W_DEL, W_TXBX_CONTENT, MC_FALLBACK))


class ParagraphText(NamedTuple):
    raw: str  # as the file stores it (legacy bytes stay legacy)
    text: str  # Unicode
    legacy: str | None  # "tcvn3" / "vni" when any run was converted
    # The bold property (w:b, not yet read) of each of the paragraph's own runs that shows text, in
    # order, None for a run without one: for all_bold, found in the same walk of the runs.
    bolds: tuple[etree._Element | None, ...] = ()


class ParagraphProps(NamedTuple):
    """What a paragraph's own properties (pPr) say, read in one pass."""

    pstyle: etree._Element | None  # the first pPr's first pStyle (python-docx reads only that one)
    num_pr: etree._Element | None  # the first numPr under any pPr
    outline: etree._Element | None  # the first outlineLvl under any pPr


_EMPTY = ParagraphText("", "", None)
_NO_PROPS = ParagraphProps(None, None, None)


class PartProps:
    """What the properties (pPr) of each paragraph of a part say, read in one walk of the part:
    searching each paragraph for its pPr cost more than the rest of reading them (lxml makes an
    iterator per search), and most paragraphs' properties say none of this."""

    def __init__(self, root: etree._Element):
        found: dict[etree._Element, list[etree._Element | None]] = {}
        for element in root.iter(W_PSTYLE, W_NUMPR, W_OUTLINE_LVL):  # in document order
            ppr = element.getparent()
            p = ppr.getparent() if ppr is not None and ppr.tag == W_PPR else None
            if p is None or p.tag != W_P:
                continue
            props = found.setdefault(p, [None, None, None])
            tag = element.tag
            if tag == W_PSTYLE:
                # the first pPr's first pStyle (python-docx reads only that one)
                if props[0] is None and next(ppr.itersiblings(W_PPR, preceding=True), None) is None:
                    props[0] = element
            elif tag == W_NUMPR:
                props[1] = element if props[1] is None else props[1]
            elif props[2] is None:
                props[2] = element
        # Keyed by the paragraphs' elements, kept alive here, so lxml gives the walk the same ones.
        self._props = {p: ParagraphProps(*props) for p, props in found.items()}

    def of(self, p: etree._Element) -> ParagraphProps:
        return self._props.get(p, _NO_PROPS)


def paragraph_text(p: etree._Element, style_font: str | None, styles: Styles, hidden: bool) -> ParagraphText:
    """The text of ``p``, whose style gives ``style_font``; ``hidden`` when the paragraph itself is
    inside a deletion, a text box or a fallback (it then shows no text here)."""
    if hidden:
        return _EMPTY
    raw_parts, text_parts, legacy, bolds = [], [], None, []
    for run in p.iter(W_R):
        own = run.getparent() is p
        if not own and not _belongs(run, p):
            continue
        raw, rpr, shows = _run_text(run)
        if not raw:
            continue
        font, bold = _run_props(run, rpr)
        if own and shows:
            bolds.append(bold)
        font = font or style_font or styles.default_font
        encoding, capitals = _ENCODINGS.get(font) or _encoding(font)
        raw_parts.append(raw)
        if encoding is None:
            text_parts.append(raw)
        else:
            # "All caps" formatting shows lower-case typing as capitals: read what the page shows.
            text_parts.append(decode(raw, encoding, capitals or _all_caps(run)))
            legacy = legacy or encoding
    raw = "".join(raw_parts)
    if legacy is None:
        if guessed := guess_encoding(raw):
            # Font names can be lost (a document re-saved, styles replaced): go by the characters.
            return ParagraphText(raw, decode(raw, guessed), guessed, tuple(bolds))
        return ParagraphText(raw, raw, None, tuple(bolds))
    return ParagraphText(raw, "".join(text_parts), legacy, tuple(bolds))


# Font name → (legacy encoding, draws capitals): a document names a handful of fonts thousands of
# times; a file naming a font per run (a hostile one) fills the table and then goes without it.
_ENCODINGS: dict[str | None, tuple[str | None, bool]] = {}
_MAX_FONTS = 512


def _encoding(font: str | None) -> tuple[str | None, bool]:
    found = encoding_of_font(font)
    if len(_ENCODINGS) < _MAX_FONTS:
        _ENCODINGS[font] = found
    return found


# In a table cell, a text box's paragraphs are the cell's too (the cell's paragraphs are read in
# document order, a box's after the paragraph anchoring it): only deletions and Word's copies hide.
HIDDEN_IN_CELL = frozenset((W_DEL, MC_FALLBACK))


def hidden_below(element: etree._Element, top: etree._Element, hiding: frozenset[str] = SKIP) -> bool:
    """Whether a deletion, text box or fallback (``hiding``) holds ``element`` below ``top``."""
    parent = element.getparent()
    while parent is not top and parent is not None:
        if parent.tag in hiding:
            return True
        parent = parent.getparent()
    return False


def hidden_anywhere(element: etree._Element) -> bool:
    """Whether ``element`` is, or is inside, a deletion, text box or fallback."""
    return element.tag in SKIP or any(a.tag in SKIP for a in element.iterancestors())


def all_bold(content: ParagraphText, style_bold: bool) -> bool:
    """Whether every run of the paragraph read as ``content`` that shows text is bold, by its own
    formatting or else its style's (python-docx's reading: the paragraph's own runs, a run's first
    rPr and its first w:b). The bold properties are read here, in order, up to the first run that
    is not bold: a value Word never writes fails only when reached."""
    for b in content.bolds:
        bold = on_off(b) if b is not None else None
        if not (bold or (bold is None and style_bold)):
            return False
    return bool(content.bolds)


def _belongs(run: etree._Element, p: etree._Element) -> bool:
    """Whether ``run`` is ``p``'s own (not in a deletion, text box or fallback below it)."""
    parent = run.getparent()
    while parent is not p and parent is not None and parent.tag not in SKIP:
        parent = parent.getparent()
    return parent is p


_SEVERAL = object()  # a run with more than one rPr


def _run_text(run: etree._Element) -> tuple[str, object, bool]:
    """(the run's text, its rPr: None, the element, or _SEVERAL, whether the text is more than white
    space as python-docx's ``run.text`` has it), in one walk of its children."""
    parts = []
    rpr = None
    shows = False
    for child in run:
        tag = child.tag
        if tag == W_T:
            text = child.text
            if text:
                parts.append(text)
                shows = shows or not text.isspace()
        elif tag in _PIECES:
            parts.append(_PIECES[tag])
            shows = shows or tag == W_NO_BREAK_HYPHEN
        elif tag == W_RPR:
            rpr = child if rpr is None else _SEVERAL
    return "".join(parts), rpr, shows


def _run_props(run: etree._Element, rpr: object) -> tuple[str | None, etree._Element | None]:
    """(the run's font: of the first rFonts under its rPr; its first rPr's first w:b), given ``rpr``
    from _run_text: one walk of a single rPr finds both."""
    if rpr is None:
        return None, None
    if rpr is _SEVERAL:
        fonts, bold = grandchild(run, W_RPR, W_RFONTS), _first_child(_first_child(run, W_RPR), W_B)
    else:
        fonts, bold = first_children((rpr,), W_RFONTS, W_B)
    if fonts is None:
        return None, bold
    return fonts.get(W_ASCII) or fonts.get(W_HANSI) or fonts.get(W_CS), bold


def _first_child(element: etree._Element, tag: str) -> etree._Element | None:
    """``element.find(tag)`` for a tag that comes first or nearly: walked rather than searched."""
    for child in element:
        if child.tag == tag:
            return child
    return None


def _all_caps(run: etree._Element) -> bool:
    caps = grandchild(run, W_RPR, W_CAPS)
    return caps is not None and caps.get(W_VAL, "true") not in ("0", "false", "off")
