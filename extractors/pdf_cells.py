"""The text in each cell box of a ruled table, from the page's characters.

Merged cells are resolved by geometry: every position of the grid the boxes' edges draw belongs
to the first box that covers its centre. A character belongs to the box of the position its
centre falls in, 1 point inside the box's edges so that the text of a neighbour is not caught.
Both are worked out for all positions and characters of a table at once (numpy); the characters
of one box that follow each other, with nothing but spaces between them, are one line of it.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from operator import itemgetter

import numpy as np

from extractors.pdf_chars import PageChars
from extractors.pdf_edges import Box
from extractors.syllables import join_split_words

_INSET = 1.0  # points trimmed off each cell box so the text of neighbours is not caught
_SPACES = re.compile(r"\s+")


@dataclass
class Centres:
    """Where each boxed character of a page sits (its box's centre, y top-down), and how many
    characters that end a line of a cell (a line break, or any character but a space) come
    before each position of the text."""

    x: np.ndarray
    y: np.ndarray
    breaks_before: np.ndarray


def centres(chars: PageChars, page_height: float) -> Centres:
    codes = np.frombuffer(chars.text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    breaks = ~chars.space | (codes == ord("\n")) | (codes == ord("\r"))
    with _as_python():
        return Centres((chars.left + chars.right) / 2, page_height - (chars.bottom + chars.top) / 2,
                       np.concatenate(([0], np.cumsum(breaks))))


def owners(boxes: list[Box], xs: list[float], ys: list[float]) -> np.ndarray:
    """For each position of the grid (row, column), the index in ``boxes`` of the first box that
    covers its centre, or -1."""
    sides = np.array(boxes, dtype=np.float64)
    with _as_python():
        mid_x, mid_y = (np.array(xs[:-1]) + np.array(xs[1:])) / 2, (np.array(ys[:-1]) + np.array(ys[1:])) / 2
    across = (sides[:, 0] <= mid_x[:, None]) & (mid_x[:, None] <= sides[:, 2])  # column × box
    down = (sides[:, 1] <= mid_y[:, None]) & (mid_y[:, None] <= sides[:, 3])  # row × box
    covers = down[:, None, :] & across[None, :, :]
    return np.where(covers.any(axis=2), covers.argmax(axis=2), -1)


def texts_by_box(chars: PageChars, where: Centres, boxes: list[Box], owner: np.ndarray, xs: list[float],
                 ys: list[float]) -> dict[Box, str]:
    """Each box's text. Within a box, lines keep the page's reading order but are put top to
    bottom (PDFium orders a rotated page's lines bottom up); wrapped lines are joined with
    spaces, a line ending in a hyphen continues."""
    near = np.flatnonzero((where.y >= ys[0]) & (where.y < ys[-1]))  # the others are in no row
    if not len(near):
        return {}
    box = _box_of(where.x[near], where.y[near], np.array(boxes, dtype=np.float64), owner, xs, ys)
    at = chars.at[near]
    # Characters that follow each other in one box make a line, if only spaces stand between.
    broken = where.breaks_before[at[1:]] > where.breaks_before[at[:-1] + 1]
    goes_on = np.concatenate(([False], (box[1:] >= 0) & (box[1:] == box[:-1]) & ~broken))
    ends = np.append(np.flatnonzero(~goes_on), len(near))
    firsts = np.flatnonzero((box >= 0) & ~goes_on)
    lasts = ends[np.searchsorted(ends, firsts, side="right")]
    lines: dict[Box, list[tuple[float, str]]] = {}
    for first, last in zip(firsts.tolist(), lasts.tolist(), strict=True):
        text = _SPACES.sub(" ", chars.text[at[first]:at[last - 1] + 1]).strip()
        height = statistics.fmean(where.y[near[first:last]].tolist())
        lines.setdefault(boxes[box[first]], []).append((height, text))
    texts = {}
    for cell_box, cell_lines in lines.items():
        text = ""
        for _, line in sorted(cell_lines, key=itemgetter(0)):
            text = _join_wrapped(text, line)
        texts[cell_box] = join_split_words(text)
    return texts


def _box_of(x: np.ndarray, y: np.ndarray, sides: np.ndarray, owner: np.ndarray, xs: list[float],
            ys: list[float]) -> np.ndarray:
    """The index of the box each character (centre x, y, within the grid's rows) is in, or -1."""
    row = np.searchsorted(ys, y, side="right") - 1  # bisect.bisect
    column = np.searchsorted(xs, x, side="right") - 1
    in_grid = (column >= 0) & (column < len(xs) - 1)
    box = np.full(len(x), -1)
    box[in_grid] = owner[row[in_grid], column[in_grid]]
    side = sides[box]  # the last box's sides where there is none: not looked at
    with _as_python():
        inside = (box >= 0) & (side[:, 0] + _INSET <= x) & (x <= side[:, 2] - _INSET) \
            & (side[:, 1] + _INSET <= y) & (y <= side[:, 3] - _INSET)
    return np.where(inside, box, -1)


def _as_python() -> np.errstate:
    """numpy's arithmetic on doubles is Python's; with this, an overflow or a NaN also comes
    silently, as in Python, rather than with a warning."""
    return np.errstate(over="ignore", invalid="ignore")


def _join_wrapped(text: str, line: str) -> str:
    """A cell's next line: after a space, unless the text ends in a hyphen glued to its word
    ("45/QĐ-" + "CĐYT"); a dash standing apart ("kinh tế -") or a bullet starting the line
    ("- Có kế hoạch") keeps its spaces."""
    if not text or not line:
        return text or line
    if re.search(r"\w-$", text) and line[:1].isalnum():
        return text + line
    return f"{text} {line}"
