"""The text of a Word paragraph, run by run, with legacy-font runs converted to Unicode.

python-docx's `paragraph.text` cannot do this: it does not know a run's font, and it drops
`<w:softHyphen/>`, which is how Word stores the TCVN3 letter "ư" typed with an ABC keyboard.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from extractors.docx_styles import Styles
from extractors.legacy import decode, encoding_of_font, guess_encoding
from extractors.xml_names import grandchild, qn

# python-docx does not map the markup-compatibility prefix.
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_PIECES = {
    qn("w:tab"): "\t",
    qn("w:br"): "\n",
    qn("w:cr"): "\n",
    qn("w:softHyphen"): "\u00ad",
    qn("w:noBreakHyphen"): "-",
}
# Runs under these are not part of the visible text (deleted revisions, text boxes read apart).
_SKIP = {qn("w:del"), qn("w:txbxContent"), MC_FALLBACK}


@dataclass(frozen=True)
class ParagraphText:
    raw: str  # as the file stores it (legacy bytes stay legacy)
    text: str  # Unicode
    legacy: str | None  # "tcvn3" / "vni" when any run was converted


def paragraph_text(p: etree._Element, styles: Styles) -> ParagraphText:
    style_font = styles.of(p).font if p.tag == qn("w:p") else None
    raw_parts, text_parts, legacy = [], [], None
    for run in _runs(p):
        raw = _run_text(run)
        if not raw:
            continue
        encoding, capitals = encoding_of_font(_run_font(run) or style_font or styles.default_font)
        raw_parts.append(raw)
        # "All caps" formatting shows lower-case typing as capitals: read what the page shows.
        text_parts.append(decode(raw, encoding, capitals or _all_caps(run)))
        legacy = legacy or encoding
    raw = "".join(raw_parts)
    text = "".join(text_parts)
    if legacy is None and (guessed := guess_encoding(raw)):
        # Font names can be lost (a document re-saved, styles replaced): go by the characters.
        return ParagraphText(raw, decode(raw, guessed), guessed)
    return ParagraphText(raw, text, legacy)


def _runs(p: etree._Element) -> list[etree._Element]:
    if any(a.tag in _SKIP for a in p.iterancestors()):
        return []  # the whole paragraph is inside a deletion, a text box or a fallback
    runs = []
    for run in p.iter(qn("w:r")):
        parent = run.getparent()
        while parent is not p and parent is not None and parent.tag not in _SKIP:
            parent = parent.getparent()
        if parent is p:
            runs.append(run)
    return runs


def _run_text(run: etree._Element) -> str:
    parts = []
    for child in run:
        if child.tag == qn("w:t"):
            parts.append(child.text or "")
        elif child.tag in _PIECES:
            parts.append(_PIECES[child.tag])
    return "".join(parts)


def _all_caps(run: etree._Element) -> bool:
    caps = grandchild(run, "w:rPr", "w:caps")
    return caps is not None and caps.get(qn("w:val"), "true") not in ("0", "false", "off")


def _run_font(run: etree._Element) -> str | None:
    fonts = grandchild(run, "w:rPr", "w:rFonts")
    if fonts is None:
        return None
    return fonts.get(qn("w:ascii")) or fonts.get(qn("w:hAnsi")) or fonts.get(qn("w:cs"))
