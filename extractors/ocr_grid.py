"""Ruled tables on a scanned page: the rules found as long runs of ink, the grid they draw, and
which grid positions are merged into one cell.

Long runs find where a table is and its column lines; every other question (is there a rule
between these two positions? does a short rule close a row in one column only?) is answered
from the ink itself, along that one cell edge. A rule only one row long (a header's "Mã số |
Nội dung", the sub-columns under a merged "Điểm", a row between two rows merged across) is too
short to be a long run, yet it separates two cells.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

import numpy as np

_LINE_FRACTION = 0.04  # a long rule is a run of ink at least this share of the page side
_EDGE_INK = 0.8  # share of a cell edge that ink must cover for the edge to be ruled
_EDGE_SLACK = 4  # pixels either side of a grid line searched for its rule (residual skew)
_CLUSTER = 6  # rule positions closer than this many pixels are one rule
_SHORT_RULE = 40  # pixels: a rule one row long is at least this long
_UNBROKEN = 0.97  # share of a row's height a short column line must cover, its ends included


@dataclass
class Grid:
    ys: list[int]  # row boundaries
    xs: list[int]  # column boundaries
    ink: np.ndarray  # the page's ink before the rules were erased

    def spans(self) -> dict[tuple[int, int], tuple[int, int]]:
        """(row, col) of each cell's top-left grid position → (row span, col span). A rule missing
        between two positions makes them one merged cell."""
        n_rows, n_cols = len(self.ys) - 1, len(self.xs) - 1
        owner: dict[tuple[int, int], tuple[int, int]] = {}
        for r in range(n_rows):
            for c in range(n_cols):
                if c > 0 and not self.ruled(r, c, vertical=True):
                    owner[(r, c)] = owner[(r, c - 1)]
                elif r > 0 and not self.ruled(r, c, vertical=False):
                    owner[(r, c)] = owner[(r - 1, c)]
                else:
                    owner[(r, c)] = (r, c)
        spans: dict[tuple[int, int], tuple[int, int]] = {}
        for (r, c), origin in owner.items():
            rows, cols = spans.get(origin, (1, 1))
            spans[origin] = (max(rows, r - origin[0] + 1), max(cols, c - origin[1] + 1))
        return spans

    def ruled(self, r: int, c: int, vertical: bool) -> bool:
        """Is the left (vertical) or top (horizontal) edge of grid position (r, c) a rule? Ink must
        cover most of the edge; text never does, a rule broken by scanning noise still does."""
        if vertical:
            y0, y1, x = self.ys[r] + _EDGE_SLACK, self.ys[r + 1] - _EDGE_SLACK, self.xs[c]
            strip = self.ink[y0:y1, max(x - _EDGE_SLACK - 1, 0) : x + _EDGE_SLACK + 2]
            return _covered(strip, axis=0)
        y, x0, x1 = self.ys[r], self.xs[c] + _EDGE_SLACK, self.xs[c + 1] - _EDGE_SLACK
        strip = self.ink[max(y - _EDGE_SLACK - 1, 0) : y + _EDGE_SLACK + 2, x0:x1]
        return _covered(strip.T, axis=0)

    def box(self, origin: tuple[int, int], span: tuple[int, int]) -> tuple[int, int, int, int]:
        r, c = origin
        return self.xs[c], self.ys[r], self.xs[c + span[1]], self.ys[r + span[0]]


def _covered(strip: np.ndarray, axis: int) -> bool:
    """Does one line of ``strip`` (a column when axis=0), allowing a pixel of slant, hold ink along
    _EDGE_INK of its length?"""
    if strip.shape[0] < 3 or strip.shape[1] < 3:
        return False
    wobble = strip[:, :-2] | strip[:, 1:-1] | strip[:, 2:]
    return bool(wobble.mean(axis=axis).max() >= _EDGE_INK)


def runs(mask: np.ndarray, length: int, axis: int) -> np.ndarray:
    """Pixels that belong to a run of ink at least ``length`` long along ``axis``."""
    a = mask if axis == 1 else mask.T
    out = np.empty(a.shape, dtype=bool)
    # A band of lines at a time: runs along a line depend on that line alone, and the temporaries
    # of a whole page (five int32 copies of it, 190 MB at 300 dpi) were most of a page's memory,
    # which pages read side by side in one worker share under its cap.
    band = max(1, _BAND_PIXELS // max(a.shape[1], 1))
    for start in range(0, a.shape[0], band):
        out[start : start + band] = _runs_along_lines(a[start : start + band], length)
    return out if axis == 1 else out.T


_BAND_PIXELS = 1 << 20


def _runs_along_lines(a: np.ndarray, length: int) -> np.ndarray:
    padded = np.pad(a.astype(np.int32), ((0, 0), (1, 0)))
    sums = np.cumsum(padded, axis=1, dtype=np.int32)  # numpy's default widens to int64: twice the memory
    window = sums[:, length:] - sums[:, :-length]
    full = window == length
    # Mark every pixel covered by a full window.
    starts = np.zeros((a.shape[0], a.shape[1] + 1), dtype=np.int32)
    starts[:, : full.shape[1]] += full
    starts[:, length : length + full.shape[1]] -= full
    return np.cumsum(starts, axis=1, dtype=np.int32)[:, : a.shape[1]] > 0


def dilate(mask: np.ndarray, radius: int) -> np.ndarray:
    out = mask.copy()
    for dy in range(-radius, radius + 1):
        for dx in range(-radius, radius + 1):
            out |= np.roll(np.roll(mask, dy, axis=0), dx, axis=1)
    return out


def ruled_lines(ink: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Long horizontal and vertical runs of ink: the rules of tables (and nothing in text)."""
    height, width = ink.shape
    horizontal = runs(ink, max(int(width * _LINE_FRACTION * 2), 40), axis=1)
    vertical = runs(ink, max(int(height * _LINE_FRACTION), 40), axis=0)
    return horizontal, vertical


def find_grids(ink: np.ndarray, vertical: np.ndarray) -> list[Grid]:
    """Ruled tables: the column lines within a band of the page that long rules span, and every
    rule that closes a row in at least one column."""
    if not vertical.any():
        return []
    grids = []
    run = max(int(ink.shape[0] * _LINE_FRACTION), 40)
    for top, bottom in _bands(vertical.any(axis=1)):
        # Every long rule in the band is a column line, even one that rows merged across
        # interrupt for most of the table's height.
        long = _line_positions(vertical[top : bottom + 1].sum(axis=0), min(run, (bottom - top + 1) // 2))
        if len(long) < 2:
            continue
        span = slice(max(top - 5, 0), bottom + 6)
        short = _short_columns(ink[span, long[0] : long[-1] + 1])
        xs = _cluster(sorted({*long, *(long[0] + x for x in short)}))
        ys = _row_rules(ink, xs, span.start, span.stop)
        if len(ys) < 2:
            continue
        # A rule only a row or two long ("Mã số | Nội dung" in a header, a row between rows
        # merged across) is a column line when it rules a row from top to bottom.
        xs = [x for c, x in enumerate(xs) if x in long or _rules_a_row(Grid(ys, xs, ink), c)]
        ys = _row_rules(ink, xs, span.start, span.stop)
        if len(xs) >= 3 and len(ys) >= 2:
            grids.append(Grid(ys, xs, ink))
    return grids


def _short_columns(band: np.ndarray) -> list[int]:
    """Where vertical runs of ink a row long stand in a table's band: candidate column lines
    (and tall strokes of letters, which _rules_a_row tells apart)."""
    found = runs(band, _SHORT_RULE, axis=0)
    return _line_positions(found.sum(axis=0), _SHORT_RULE)


def _rules_a_row(grid: Grid, c: int) -> bool:
    """Does column line ``c`` run unbroken from one row rule to the next somewhere? A letter's
    stroke stops short of the rules: a cell's padding is blank."""
    x = grid.xs[c]
    for r in range(len(grid.ys) - 1):
        strip = grid.ink[grid.ys[r] : grid.ys[r + 1] + 1, max(x - 2, 0) : x + 3]
        if strip.shape[0] > _SHORT_RULE and strip.any(axis=1).mean() >= _UNBROKEN:
            return True
    return False


def _row_rules(ink: np.ndarray, xs: list[int], top: int, bottom: int) -> list[int]:
    """Heights of the horizontal rules between ``top`` and ``bottom``: rows of pixels that ink
    covers across one column at least (a rule under a merged header may span only some)."""
    found = []
    for x0, x1 in pairwise(xs):
        column = ink[top:bottom, x0 + _EDGE_SLACK : x1 - _EDGE_SLACK]
        if column.shape[0] < 3 or column.shape[1] < 3:
            continue
        wobble = column[:-2] | column[1:-1] | column[2:]  # a rule a pixel or two off level
        cover = (wobble.mean(axis=1) * 100).astype(int)
        found += [top + 1 + y for y in _line_positions(cover, int(_EDGE_INK * 100))]
    return _cluster(sorted(found))


def _cluster(positions: list[int]) -> list[int]:
    """One position (the median) for each group of positions closer than _CLUSTER pixels."""
    groups: list[list[int]] = []
    for p in positions:
        if groups and p - groups[-1][-1] < _CLUSTER:
            groups[-1].append(p)
        else:
            groups.append([p])
    return [g[len(g) // 2] for g in groups]


def _line_positions(profile: np.ndarray, threshold: int) -> list[int]:
    """Centres of consecutive index runs where ``profile`` reaches ``threshold``."""
    positions, start = [], None
    for i, on in enumerate(np.append(profile >= threshold, False)):
        if on and start is None:
            start = i
        elif not on and start is not None:
            positions.append((start + i - 1) // 2)
            start = None
    return positions


def _bands(flags: np.ndarray, min_length: int = 60) -> list[tuple[int, int]]:
    bands, start = [], None
    for i, on in enumerate(np.append(flags, False)):
        if on and start is None:
            start = i
        elif not on and start is not None:
            if i - start >= min_length:
                bands.append((start, i - 1))
            start = None
    return bands
