"""Lines of a PDF page from pypdfium2 characters, and lines joined into paragraphs.

Coordinates are converted to top-down (like pdfplumber): ``top`` grows down the page.
"""

from __future__ import annotations

import re
import statistics
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress, pairwise, repeat
from operator import gt, sub

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
    """Every text line (or segment of a line) on the page, top to bottom, left to right."""
    lines: list[Line] = []
    end = 0
    for run in _TEXT_LINE.finditer(chars.text):
        first = bisect_left(chars.at, run.start(), end)
        end = bisect_left(chars.at, run.end(), first)
        lines += _segments(chars, run.start(), run.end(), range(first, end), page_height)
    return sorted(lines, key=lambda ln: (round(ln.bottom), ln.x0))


# A line of the page's text: PDFium ends one with \r\n.
_TEXT_LINE = re.compile(r"[^\r\n]+")


def _segments(chars: PageChars, start: int, end: int, boxed: range, page_height: float) -> list[Line]:
    """The line text[start:end] (its boxed characters ``boxed``), split at gaps wider than a few
    characters. Only characters with a width are placed: gaps run from one to the next."""
    lefts, rights = chars.left[boxed.start:boxed.stop], chars.right[boxed.start:boxed.stop]
    if all(map(gt, rights, lefts)):
        visible: Sequence[int] = boxed
        tops, bottoms = chars.top[boxed.start:boxed.stop], chars.bottom[boxed.start:boxed.stop]
    else:  # a character without width (a mark PDFium does not place): passed over
        visible = list(compress(boxed, map(gt, rights, lefts)))
        lefts, rights, tops, bottoms = ([values[k] for k in visible]
                                        for values in (chars.left, chars.right, chars.top, chars.bottom))
    if not visible:
        return []
    width = statistics.median(map(sub, rights, lefts))
    max_gap, space_gap = _SEGMENT_GAP_CHARS * width, _SPACE_GAP_CHARS * width
    gaps = list(map(sub, lefts[1:], rights[:-1]))  # gaps[j - 1]: the gap before visible[j]
    text, lines = chars.text, []
    first, piece_start, pieces = 0, start, []
    for j in compress(range(1, len(visible)), map(space_gap.__lt__, gaps)):
        position = chars.at[visible[j]]
        if gaps[j - 1] > max_gap:
            pieces.append(text[piece_start:position])
            lines.append(_line(" ".join(pieces), lefts[first:j], rights[first:j], tops[first:j], bottoms[first:j],
                               page_height))
            first, piece_start, pieces = j, position, []
        elif not text[position - 1].isspace():
            # A word-wide gap with no space character (a tab stop: "Số: 84/BC-TV" and "Hà Nội,
            # ngày …" on one line): a space, so the two do not run together.
            pieces.append(text[piece_start:position])
            piece_start = position
    pieces.append(text[piece_start:end])
    if first:
        lefts, rights, tops, bottoms = lefts[first:], rights[first:], tops[first:], bottoms[first:]
    lines.append(_line(" ".join(pieces), lefts, rights, tops, bottoms, page_height))
    return [line for line in lines if line]


def _line(raw: str, lefts: list[float], rights: list[float], tops: list[float], bottoms: list[float],
          page_height: float) -> Line | None:
    """A segment's line from its text and the boxes of its visible characters."""
    text = join_split_words(raw.strip())
    if not text:
        return None
    # pdfium boxes are (left, bottom, right, top) with the origin at the bottom left. The highest
    # top gives the smallest distance from the page's top: page_height - t falls as t rises.
    top = page_height - max(tops)
    margin = None
    if _looks_like_page_number(text):
        if top < page_height * _MARGIN_SHARE:
            margin = Part.HEADER
        elif top > page_height * (1 - _MARGIN_SHARE):
            margin = Part.FOOTER
    return Line(
        text=text,
        x0=min(lefts),
        x1=max(rights),
        top=top,
        bottom=statistics.median(map(sub, repeat(page_height), bottoms)),  # the baseline, robust to descenders
        margin=margin,
    )


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
