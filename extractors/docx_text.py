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


class ParagraphProps(NamedTuple):
    """What a paragraph's own properties (pPr) say, read in one pass."""

    pstyle: etree._Element | None  # the first pPr's first pStyle (python-docx reads only that one)
    num_pr: etree._Element | None  # the first numPr under any pPr
    outline: etree._Element | None  # the first outlineLvl under any pPr


_EMPTY = ParagraphText("", "", None)
_NO_PROPS = ParagraphProps(None, None, None)


def paragraph_props(p: etree._Element) -> ParagraphProps:
    pstyle = num_pr = outline = None
    pprs = 0
    for ppr in p.iterchildren(W_PPR):
        for child in ppr:
            tag = child.tag
            if tag == W_PSTYLE:
                if pprs == 0 and pstyle is None:
                    pstyle = child
            elif tag == W_NUMPR:
                if num_pr is None:
                    num_pr = child
            elif tag == W_OUTLINE_LVL and outline is None:
                outline = child
        pprs += 1
    return ParagraphProps(pstyle, num_pr, outline) if pprs else _NO_PROPS


def paragraph_text(p: etree._Element, style_font: str | None, styles: Styles, hidden: bool) -> ParagraphText:
    """The text of ``p``, whose style gives ``style_font``; ``hidden`` when the paragraph itself is
    inside a deletion, a text box or a fallback (it then shows no text here)."""
    if hidden:
        return _EMPTY
    raw_parts, text_parts, legacy = [], [], None
    for run in p.iter(W_R):
        if run.getparent() is not p and not _belongs(run, p):
            continue
        raw, rpr = _run_text(run)
        if not raw:
            continue
        font = _run_font(run, rpr) or style_font or styles.default_font
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
            return ParagraphText(raw, decode(raw, guessed), guessed)
        return ParagraphText(raw, raw, None)
    return ParagraphText(raw, "".join(text_parts), legacy)


# Font name → (legacy encoding, draws capitals): a document names a handful of fonts thousands of
# times; a file naming a font per run (a hostile one) fills the table and then goes without it.
_ENCODINGS: dict[str | None, tuple[str | None, bool]] = {}
_MAX_FONTS = 512


def _encoding(font: str | None) -> tuple[str | None, bool]:
    found = encoding_of_font(font)
    if len(_ENCODINGS) < _MAX_FONTS:
        _ENCODINGS[font] = found
    return found


def hidden_below(element: etree._Element, top: etree._Element) -> bool:
    """Whether a deletion, text box or fallback holds ``element`` below ``top``."""
    parent = element.getparent()
    while parent is not top and parent is not None:
        if parent.tag in SKIP:
            return True
        parent = parent.getparent()
    return False


def hidden_anywhere(element: etree._Element) -> bool:
    """Whether ``element`` is, or is inside, a deletion, text box or fallback."""
    return element.tag in SKIP or any(a.tag in SKIP for a in element.iterancestors())


def all_bold(p: etree._Element, style_bold: bool) -> bool:
    """Whether every run of ``p`` that shows text is bold, by its own formatting or else its style's
    (python-docx's reading: the paragraph's own runs, a run's first rPr and its first w:b)."""
    runs = [r for r in p.iterchildren(W_R) if _shows_text(r)]
    for run in runs:
        bold = _run_bold(run)
        if not (bold or (bold is None and style_bold)):
            return False
    return bool(runs)


def _belongs(run: etree._Element, p: etree._Element) -> bool:
    """Whether ``run`` is ``p``'s own (not in a deletion, text box or fallback below it)."""
    parent = run.getparent()
    while parent is not p and parent is not None and parent.tag not in SKIP:
        parent = parent.getparent()
    return parent is p


_SEVERAL = object()  # a run with more than one rPr


def _run_text(run: etree._Element) -> tuple[str, object]:
    """(the run's text, its rPr: None, the element, or _SEVERAL)."""
    parts = []
    rpr = None
    for child in run:
        tag = child.tag
        if tag == W_T:
            parts.append(child.text or "")
        elif tag in _PIECES:
            parts.append(_PIECES[tag])
        elif tag == W_RPR:
            rpr = child if rpr is None else _SEVERAL
    return "".join(parts), rpr


def _shows_text(run: etree._Element) -> bool:
    """Whether python-docx's ``run.text`` of ``run`` is more than white space."""
    for child in run:
        tag = child.tag
        if tag == W_T:
            text = child.text
            if text and not text.isspace():
                return True
        elif tag == W_NO_BREAK_HYPHEN:
            return True
    return False


def _run_bold(run: etree._Element) -> bool | None:
    """The run's bold: its first rPr's first w:b (rPr comes first in a run, b early in rPr)."""
    rpr = _first_child(run, W_RPR)
    b = _first_child(rpr, W_B) if rpr is not None else None
    return on_off(b) if b is not None else None


def _first_child(element: etree._Element, tag: str) -> etree._Element | None:
    """``element.find(tag)`` for a tag that comes first or nearly: walked rather than searched."""
    for child in element:
        if child.tag == tag:
            return child
    return None


def _all_caps(run: etree._Element) -> bool:
    caps = grandchild(run, W_RPR, W_CAPS)
    return caps is not None and caps.get(W_VAL, "true") not in ("0", "false", "off")


def _run_font(run: etree._Element, rpr: object) -> str | None:
    """The run's font: of the first rFonts under its rPr (``rpr`` from _run_text)."""
    if rpr is None:
        return None
    fonts = grandchild(run, W_RPR, W_RFONTS) if rpr is _SEVERAL else _first_child(rpr, W_RFONTS)
    if fonts is None:
        return None
    return fonts.get(W_ASCII) or fonts.get(W_HANSI) or fonts.get(W_CS)
