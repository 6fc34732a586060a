"""Codes made of strokes and dots ("I", "II.", "III.1", "1.2"), read from the shapes of their glyphs.

Tesseract reads a cell holding only "II" poorly: as "H", "ll", "|", or nothing at all (a lone bar
looks like a rule to its layout analysis). These glyphs are simple shapes, though: a bar as tall
as the line is "I", or "1" when it has a flag on its left and nothing on its right at the top; a
small blob on the baseline is a dot. A cell whose glyphs are all of these is read here; any
other glyph ("2", "a", "V") and the cell is left to Tesseract.
"""

from __future__ import annotations

from itertools import pairwise

import numpy as np

_BAR_WIDTH = 0.5  # a bar is at most this wide for its height (serifs included)
_STEM = 0.95  # a stem column holds ink along nearly all the glyph's height (a bar is straight)
_DOT = 0.3  # a dot is at most this share of the line's height, either way
_TALL = 0.75  # a bar is at least this share of the line's height
_ONE_WIDTH = 0.75  # a "1" with its flag and foot, for its height
_SERIFS = 0.25  # serifs that touch join two bars along at most this share of their height


def read_strokes(ink: np.ndarray) -> str | None:
    """'II.1' for a cell (ink mask, cleaned of specks) holding those glyphs; None when a glyph
    is not a bar or a dot, or the cell holds more than one line."""
    rows = np.flatnonzero(ink.any(axis=1))
    if rows.size == 0:
        return None
    line = ink[rows[0] : rows[-1] + 1]
    height = line.shape[0]
    out = []
    for x0, x1 in _ink_runs(line.any(axis=0)):
        glyph = _trim(line[:, x0:x1])
        read = _glyph(glyph, height)
        if read is None:
            return None
        out.append(read)
    text = "".join(out)
    return text if text and text[0] != "." else None


def _glyph(glyph: np.ndarray, line_height: int) -> str | None:
    h, w = glyph.shape
    if h <= _DOT * line_height and w <= _DOT * line_height:
        return "."
    if h < _TALL * line_height:
        return None
    stems = _ink_runs(glyph.sum(axis=0) >= _STEM * h)
    middle = _ink_runs(glyph[h * 2 // 5 : h * 3 // 5 + 1].any(axis=0))
    # As many stems as separate strokes across the middle ("H" has one, its crossbar), each no
    # wider than a bar: touching serifs make "II" one blob, and it is still two bars.
    if not stems or len(middle) != len(stems):
        return None
    if len(stems) == 1:
        return _one_or_i(glyph, stems[0])
    if w > _BAR_WIDTH * h * len(stems) + 2:
        return None
    between = [glyph[:, a_end:b_start] for (_, a_end), (b_start, _) in pairwise(stems)]
    if any(gap.any(axis=1).mean() > _SERIFS for gap in between):
        return None  # joined across the top and bottom by more than serifs: "0", "O", "D"
    return "I" * len(stems)


def _one_or_i(glyph: np.ndarray, stem: tuple[int, int]) -> str | None:
    """'I' has the same serifs on both sides of its top and its foot, or none; '1' has a flag to
    the left of its top and nothing to the right, and a foot like I's or none. Other glyphs with
    one straight stem ("L", "T", "[") are neither."""
    h, w = glyph.shape
    band = max(h // 5, 2)
    top_left, top_right = _overhangs(glyph[:band], stem)
    foot_left, foot_right = _overhangs(glyph[-band:], stem)
    even_foot = abs(foot_left - foot_right) <= 2
    if even_foot and abs(top_left - top_right) <= 2 and w <= _BAR_WIDTH * h:
        return "I"
    if even_foot and top_left >= 3 and top_right <= 1 and w <= _ONE_WIDTH * h:
        return "1"
    return None


def _overhangs(band: np.ndarray, stem: tuple[int, int]) -> tuple[int, int]:
    """How far ink reaches left and right of the stem in a band of rows."""
    cols = np.flatnonzero(band.any(axis=0))
    return stem[0] - cols[0], cols[-1] - (stem[1] - 1)


def _trim(glyph: np.ndarray) -> np.ndarray:
    rows = np.flatnonzero(glyph.any(axis=1))
    return glyph[rows[0] : rows[-1] + 1]


def _ink_runs(flags: np.ndarray) -> list[tuple[int, int]]:
    """[start, end) of each run of True."""
    edges = np.diff(np.concatenate(([0], flags.astype(np.int8), [0])))
    return list(zip(np.flatnonzero(edges == 1).tolist(), np.flatnonzero(edges == -1).tolist(), strict=True))
