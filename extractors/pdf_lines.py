"""Lines of a PDF page from pypdfium2 characters, and lines joined into paragraphs.

Coordinates are converted to top-down (like pdfplumber): ``top`` grows down the page.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from itertools import pairwise, repeat
from operator import sub

import numpy as np

from extractors.layout import starts_list_item
from extractors.pdf_chars import PageChars
from extractors.syllables import join_split_words
from pipeline.core.model import Part

# Share of the page height treated as the top/bottom margin (page numbers, running headers).
_MARGIN_SHARE = 0.07
# A horizontal gap wider than this many average character widths splits a line into segments
# (borderless two-column headers, signature blocks).
_SEGMENT_GAP_CHARS = 4.0
# A narrower gap, still wider than letters ever stand apart, is a space the PDF did not write.
_SPACE_GAP_CHARS = 1.2


@dataclass
class Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    margin: Part | None = None  # HEADER/FOOTER for page numbers in the top/bottom margin
    in_band: bool = False  # part of a side-by-side column band (header, signature block)

    @property
    def in_margin(self) -> bool:
        return self.margin is not None

    @property
    def height(self) -> float:
        return self.bottom - self.top


def page_lines(chars: PageChars, page_height: float) -> list[Line]:
    """Every text line (or segment of a line) on the page, top to bottom, left to right.

    A line of the page's text is split into segments at gaps wider than a few of its characters.
    Only characters with a width are placed; gaps run from one to the next. The figures of every
    line are worked out for the whole page at once (numpy): the same floats as statistics.median,
    min and max give over each line's own characters."""
    spans = [match.span() for match in _TEXT_LINE.finditer(chars.text)]
    with np.errstate(over="ignore", invalid="ignore"):  # inf and NaN come silently, as with Python's floats
        placed = np.flatnonzero(chars.right > chars.left)
        if not len(placed) or not spans:
            return []
        at = chars.at[placed]
        left, right, top, bottom = chars.left[placed], chars.right[placed], chars.top[placed], chars.bottom[placed]
        # Every placed character is on one line of the text (\r and \n are spaces): the lines that
        # hold any share the placed characters out, in order.
        bounds = np.searchsorted(at, np.array(spans)).tolist()
        held = [i for i, (first, end) in enumerate(bounds) if end > first]
        firsts = np.array([bounds[i][0] for i in held])
        width = _medians(right - left, np.diff(np.append(firsts, len(placed))))
        segments = _segments(chars.text, [spans[i] for i in held], firsts, width, at, left[1:] - right[:-1])
        starts = np.array([first for first, _ in segments])
        extents = _extents(starts, left, right, top, bottom, page_height)
    lines = [_line(raw, x0, x1, top_, bottom_, page_height) for (_, raw), (x0, x1, top_, bottom_)
             in zip(segments, zip(*extents, strict=True), strict=True)]
    return sorted((line for line in lines if line), key=lambda ln: (round(ln.bottom), ln.x0))


def _extents(starts: np.ndarray, left: np.ndarray, right: np.ndarray, top: np.ndarray, bottom: np.ndarray,
             page_height: float) -> tuple[list[float], list[float], list[float], list[float]]:
    """Each segment's left, right, top and baseline: the segments are the runs of placed characters
    from each of ``starts``. The top is the page height less the highest top (page_height - t falls
    as t rises); the baseline, robust to descenders, is the median bottom."""
    if np.isnan(top).any() or np.isnan(bottom).any() or (left == 0).any() or (right == 0).any():
        # Python's min and max pass over a NaN that is not first and keep the first of 0.0 and -0.0,
        # and sorting with a NaN depends on the order; numpy's reductions do neither: as before.
        ranges = list(pairwise([*starts.tolist(), len(left)]))
        return ([min(left[a:b].tolist()) for a, b in ranges], [max(right[a:b].tolist()) for a, b in ranges],
                [page_height - max(top[a:b].tolist()) for a, b in ranges],
                [statistics.median(map(sub, repeat(page_height), bottom[a:b].tolist())) for a, b in ranges])
    sizes = np.diff(np.append(starts, len(left)))
    return (np.minimum.reduceat(left, starts).tolist(), np.maximum.reduceat(right, starts).tolist(),
            (page_height - np.maximum.reduceat(top, starts)).tolist(), _medians(page_height - bottom, sizes).tolist())


# A line of the page's text: PDFium ends one with \r\n.
_TEXT_LINE = re.compile(r"[^\r\n]+")


def _segments(text: str, spans: list[tuple[int, int]], firsts: np.ndarray, width: np.ndarray, at: np.ndarray,
              gaps: np.ndarray) -> list[tuple[int, str]]:
    """Each segment's first placed character and its text. A gap of more than a few of its line's
    median character widths starts a segment (borderless two-column headers, signature blocks);
    a narrower one, still wider than letters stand apart, with no space before it, is a space the
    PDF did not write. ``gaps[j - 1]`` is the gap before placed character j."""
    counts = np.diff(np.append(firsts, len(at)))
    wide = gaps > np.repeat(_SPACE_GAP_CHARS * width, counts)[1:]
    wide[firsts[1:] - 1] = False  # a line's first character has no gap before it
    by_line: dict[int, list[int]] = {}
    candidates = np.flatnonzero(wide) + 1
    for line, j in zip(np.searchsorted(firsts, candidates, side="right").tolist(), candidates.tolist(), strict=True):
        by_line.setdefault(line - 1, []).append(j)
    segments = []
    for line, ((start, end), first) in enumerate(zip(spans, firsts.tolist(), strict=True)):
        piece_start, pieces = start, []
        max_gap = _SEGMENT_GAP_CHARS * float(width[line])
        for j in by_line.get(line, ()):
            position = int(at[j])
            if gaps[j - 1] > max_gap:
                pieces.append(text[piece_start:position])
                segments.append((first, " ".join(pieces)))
                first, piece_start, pieces = j, position, []
            elif not text[position - 1].isspace():
                # A word-wide gap with no space character (a tab stop: "Số: 84/BC-TV" and "Hà Nội,
                # ngày …" on one line): a space, so the two do not run together.
                pieces.append(text[piece_start:position])
                piece_start = position
        pieces.append(text[piece_start:end])
        segments.append((first, " ".join(pieces)))
    return segments


def _medians(values: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """statistics.median of each run of ``values``, the runs ``counts`` long one after another:
    the middle value of each run's sorted values, or the mean of the middle two. The sort is
    stable, as sorted() is (0.0 and -0.0 keep their order); no value may be NaN."""
    starts = np.cumsum(counts) - counts
    ordered = values[np.lexsort((values, np.repeat(np.arange(len(counts)), counts)))]
    middle = starts + counts // 2
    medians = ordered[middle]
    even = counts % 2 == 0
    medians[even] = (ordered[middle[even] - 1] + ordered[middle[even]]) / 2
    return medians


def _line(raw: str, x0: float, x1: float, top: float, bottom: float, page_height: float) -> Line | None:
    text = join_split_words(raw.strip())
    if not text:
        return None
    margin = None
    if _looks_like_page_number(text):
        if top < page_height * _MARGIN_SHARE:
            margin = Part.HEADER
        elif top > page_height * (1 - _MARGIN_SHARE):
            margin = Part.FOOTER
    return Line(text=text, x0=x0, x1=x1, top=top, bottom=bottom, margin=margin)


def _looks_like_page_number(text: str) -> bool:
    stripped = text.strip("-– ").lower().removeprefix("trang").strip()
    return stripped.isdigit() and len(stripped) <= 4


def paragraphs(lines: list[Line], page_height: float) -> list[list[Line]]:
    """Group lines into paragraphs.

    Side-by-side columns (the national header, the signature block) are read column by column,
    each column split only at wider gaps. Elsewhere a new paragraph starts after a wider gap, at
    an indent, after a short line, at a list marker, or where lines do not overlap horizontally.
    """
    if not lines:
        return []
    body = [ln for ln in lines if len(ln.text) > 40] or lines
    left = statistics.median(ln.x0 for ln in body)
    right = max(ln.x1 for ln in body)
    pitches = [b.bottom - a.bottom for a, b in pairwise(lines) if b.bottom - a.bottom > 1]
    pitch = statistics.median(pitches) if pitches else 0.0
    extent = (min(ln.x0 for ln in lines), max(ln.x1 for ln in lines))
    groups: list[list[Line]] = []
    i = 0
    while i < len(lines):
        end, split = _band(lines, i, extent)
        if end > i:
            band = lines[i:end]
            groups += _column_paragraphs([ln for ln in band if ln.x1 <= split], pitch)
            groups += _column_paragraphs([ln for ln in band if ln.x1 > split], pitch)
            i = end
            continue
        end = i + 1
        while end < len(lines) and _band(lines, end, extent)[0] == end:
            end += 1
        groups += _split(lines[i:end], lambda a, b: _starts_paragraph(a, b, left, right, pitch))
        i = end
    return groups


# A column with more lines than this is running text (a two-column page), not a header block
# (parent bodies and the unit's name on up to three lines each, a rule, the number, a "V/v" line).
_BLOCK_LINES = 10


def _column_paragraphs(column: list[Line], pitch: float) -> list[list[Line]]:
    """One column of a side-by-side band: a header or signature block (a few short lines, split
    at wider gaps, line breaks kept), or a column of running text (paragraphs as usual)."""
    if len(column) <= _BLOCK_LINES:
        # A wider gap than a line and a half parts paragraphs. The page's pitch alone misleads
        # here: the other column's lines between halve it, so the lines' own height bounds it.
        height = statistics.median(ln.height for ln in column)
        step = max(pitch * 1.6 + 1, height * 1.9)
        return _split(column, lambda a, b: b.bottom - a.bottom > step, in_band=True)
    body = [ln for ln in column if len(ln.text) > 20] or column
    left = statistics.median(ln.x0 for ln in body)
    right = max(ln.x1 for ln in body)
    return _split(column, lambda a, b: _starts_paragraph(a, b, left, right, pitch))


def _band(lines: list[Line], start: int, extent: tuple[float, float]) -> tuple[int, float]:
    """End of a two-column band starting at ``start`` and where its columns part, or ``start``
    when no band starts there. A band starts where a baseline holds exactly two segments whose
    gap lies in the middle half of the text's width (the two cells of the national header, of a
    signature block); it goes on while every line keeps to one side of that gap."""
    first = lines[start]
    if start + 1 >= len(lines) or not _same_baseline(first, lines[start + 1]):
        return start, 0.0
    second = lines[start + 1]
    split = (first.x1 + second.x0) / 2
    low, high = extent[0] + (extent[1] - extent[0]) / 4, extent[1] - (extent[1] - extent[0]) / 4
    third = start + 2 < len(lines) and _same_baseline(first, lines[start + 2])
    if first.x1 >= second.x0 or not low <= split <= high or third:
        return start, 0.0
    end = start
    while end < len(lines) and (lines[end].x1 <= split or lines[end].x0 >= split):
        end += 1
    return end, split


def _split(lines: list[Line], breaks: object, in_band: bool = False) -> list[list[Line]]:
    groups: list[list[Line]] = []
    for line in lines:
        line.in_band = in_band
        if groups and not breaks(groups[-1][-1], line):
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


def _same_baseline(a: Line, b: Line) -> bool:
    return abs(a.bottom - b.bottom) < max(a.height, 2.0) * 0.5


def _starts_paragraph(prev: Line, line: Line, left: float, right: float, pitch: float) -> bool:
    wide_gap = pitch > 0 and line.bottom - prev.bottom > pitch * 1.25 + 1
    indented = line.x0 > left + 12
    short_previous = prev.x1 < right - 0.15 * (right - left)
    no_overlap = line.x1 < prev.x0 or line.x0 > prev.x1
    return (
        _same_baseline(prev, line)
        or wide_gap
        or indented
        or short_previous
        or no_overlap
        or prev.in_margin != line.in_margin
        or starts_list_item(line.text)
        or _heading_ends(prev, line)
    )


# Letters a line in capitals must have to be taken for a heading (a shorter one ends short anyway).
_HEADING_LETTERS = 12


def _heading_ends(prev: Line, line: Line) -> bool:
    """A heading in capitals ("I. THỰC HIỆN NHIỆM VỤ CHÍNH TRỊ, CHUYÊN MÔN ĐƯỢC GIAO") ends where a
    line that does not go on in capitals follows, paragraph spacing or not: running text does not
    wrap from a whole line of capitals into a word in lower case. A title in capitals wrapped over
    lines stays one, with what follows its last words on their line ("- ĐƯỢC TẶNG CỜ THI ĐUA …
    HOẶC" / "THÀNH PHỐ TRONG NĂM: tự chấm 2 điểm"), and so does a line that ends on a comma."""
    first = line.text.split(maxsplit=1)[0]
    return _in_capitals(prev.text) and not prev.text.endswith(",") and any(ch.islower() for ch in first)


def _in_capitals(text: str) -> bool:
    return text.isupper() and sum(ch.isalpha() for ch in text) >= _HEADING_LETTERS


def paragraph_text(lines: list[Line]) -> str:
    """Lines of a column band keep their breaks; wrapped body lines are joined with spaces."""
    joiner = "\n" if lines[0].in_band else " "
    return joiner.join(ln.text for ln in lines).strip()
