"""Ruled tables of a PDF page: cell boxes come from pdf_edges (pdfplumber's table algorithm over
PDFium's lines), PDFium reads the text in them.

Merged cells are resolved by geometry: every grid position takes the text of the cell box that
covers its centre. A table that runs on from one page to the next is joined into one table.
"""

from __future__ import annotations

import bisect
import re
import statistics
from dataclasses import dataclass
from itertools import compress, pairwise
from operator import and_
from typing import TYPE_CHECKING

from extractors.base import cell
from extractors.pdf_edges import Box
from extractors.syllables import join_split_words
from pipeline.core.model import Cell

if TYPE_CHECKING:
    from extractors.pdf_chars import PageChars
    from extractors.pdf_lines import Line

_INSET = 1.0  # points trimmed off each cell box so the text of neighbours is not caught
_SPACES = re.compile(r"\s+")


@dataclass
class TableOnPage:
    page: int
    x0: float
    top: float
    x1: float
    bottom: float
    rows: list[list[Cell]]

    def contains(self, line: Line) -> bool:
        cy = (line.top + line.bottom) / 2
        cx = (line.x0 + line.x1) / 2
        return self.top - 1 <= cy <= self.bottom + 1 and self.x0 - 1 <= cx <= self.x1 + 1


def find_tables(cell_groups: list[list[Box]], chars: PageChars, page_height: float,
                page_number: int) -> list[TableOnPage]:
    """Tables from groups of cell boxes (see pdf_edges.table_cells), their text read by PDFium."""
    found = []
    for boxes in cell_groups:
        if len(boxes) < 2:
            continue
        xs = sorted({round(v, 1) for b in boxes for v in (b[0], b[2])})
        ys = sorted({round(v, 1) for b in boxes for v in (b[1], b[3])})
        rows = _grid(boxes, xs, ys, chars, page_height)
        rows = [r for r in rows if any(c.text for c in r)]
        if rows and len(rows[0]) >= 2:
            x0, top = min(b[0] for b in boxes), min(b[1] for b in boxes)
            x1, bottom = max(b[2] for b in boxes), max(b[3] for b in boxes)
            found.append(TableOnPage(page_number, x0, top, x1, bottom, rows))
    return found


def _grid(boxes: list[tuple[float, float, float, float]], xs: list[float], ys: list[float],
          chars: PageChars, page_height: float) -> list[list[Cell]]:
    owner: dict[tuple[int, int], tuple[float, float, float, float] | None] = {
        (r, c): _covering((left + right) / 2, (top + bottom) / 2, boxes)
        for r, (top, bottom) in enumerate(pairwise(ys))
        for c, (left, right) in enumerate(pairwise(xs))
    }
    texts = _texts_by_box(chars, xs, ys, owner, page_height)
    origins: dict[tuple[float, float, float, float], tuple[int, int]] = {}
    grid: list[list[Cell]] = []
    for r in range(len(ys) - 1):
        row: list[Cell] = []
        for c in range(len(xs) - 1):
            box = owner[(r, c)]
            if box is None:
                row.append(cell(""))
            elif box in origins:
                row.append(cell(texts.get(box, ""), merged_from=origins[box]))
            else:
                origins[box] = (r, c)
                row.append(cell(texts.get(box, "")))
        grid.append(row)
    _set_spans(grid)
    return grid


def _texts_by_box(chars: PageChars, xs: list[float], ys: list[float], owner: dict,
                  page_height: float) -> dict[tuple[float, float, float, float], str]:
    """Each cell box's text, from one pass over the page's characters. Within a cell, lines keep
    the page's reading order but are put top to bottom (PDFium orders a rotated page's lines
    bottom up); wrapped lines are joined with spaces, a line ending in a hyphen continues.

    A run of characters in one cell ends at a line break or at a character outside that cell;
    characters whose centre is outside the grid's height are passed over in bulk, as what lies
    between two characters of the grid only matters for the breaks and spaces it holds."""
    cxs, cys = chars.centres(page_height)
    in_grid = compress(range(len(cys)), map(and_, map(ys[0].__le__, cys), map(ys[-1].__gt__, cys)))
    runs: dict[tuple, list[tuple[list[str], list[float]]]] = {}
    text, at, current_box, last = chars.text, chars.at, None, -1
    letters: list[str] = []
    heights: list[float] = []
    for k in in_grid:
        position = at[k]
        if current_box is not None and position > last + 1:
            between = text[last + 1:position]
            if between.isspace() and "\n" not in between and "\r" not in between:
                letters.append(" ")
            else:  # a line break, or a character outside the grid
                current_box = None
        last = position
        cx, cy = cxs[k], cys[k]
        box = owner.get((bisect.bisect(ys, cy) - 1, bisect.bisect(xs, cx) - 1))
        if box is None or not _inside(box, cx, cy):
            current_box = None
            continue
        if box != current_box:
            letters, heights = [], []
            runs.setdefault(box, []).append((letters, heights))
            current_box = box
        letters.append(text[position])
        heights.append(cy)
    texts = {}
    for box, lines in runs.items():
        ordered = sorted(lines, key=lambda line: statistics.fmean(line[1]))
        text = ""
        for letters, _ in ordered:
            part = _SPACES.sub(" ", "".join(letters)).strip()
            text = _join_wrapped(text, part)
        texts[box] = join_split_words(text)
    return texts


def _join_wrapped(text: str, line: str) -> str:
    """A cell's next line: after a space, unless the text ends in a hyphen glued to its word
    ("45/QĐ-" + "CĐYT"); a dash standing apart ("kinh tế -") or a bullet starting the line
    ("- Có kế hoạch") keeps its spaces."""
    if not text or not line:
        return text or line
    if re.search(r"\w-$", text) and line[:1].isalnum():
        return text + line
    return f"{text} {line}"


def _inside(box: tuple[float, float, float, float], x: float, y: float) -> bool:
    return box[0] + _INSET <= x <= box[2] - _INSET and box[1] + _INSET <= y <= box[3] - _INSET


def _set_spans(grid: list[list[Cell]]) -> None:
    for r, row in enumerate(grid):
        for c, position in enumerate(row):
            if position.merged_from is None:
                continue
            r0, c0 = position.merged_from
            origin = grid[r0][c0]
            origin.row_span = max(origin.row_span, r - r0 + 1)
            origin.col_span = max(origin.col_span, c - c0 + 1)


def _covering(x: float, y: float, boxes: list[tuple[float, float, float, float]]):
    for box in boxes:
        if box[0] <= x <= box[2] and box[1] <= y <= box[3]:
            return box
    return None


def join_split_tables(pages: list[list]) -> list[list]:
    """Join a table that ends one page with a table of as many columns that starts the next.

    A header row repeated on the continuation page is dropped.
    """
    previous_last = None
    for items in pages:
        body = [item for item in items if not item.in_margin]
        first = body[0] if body else None
        joined = False
        if (
            previous_last is not None
            and first is not None
            and first.table is not None
            and len(first.table.rows[0]) == len(previous_last.table.rows[0])
        ):
            table = previous_last.table
            rows = first.table.rows
            repeated = _repeated_header_rows(table.rows, rows)
            offset = len(table.rows) - repeated
            rows = _shift_merges(rows, offset)[repeated:]
            if rows:
                _continue_vertical_merges(table.rows, rows)
            table.rows.extend(rows)
            items.remove(first)
            body.remove(first)
            joined = True
        if body or not joined:
            # A page that holds nothing but the table's continuation passes it on to the next page.
            last = body[-1] if body else None
            previous_last = last if last is not None and last.table is not None else None
    return pages


def _repeated_header_rows(table: list[list[Cell]], continuation: list[list[Cell]]) -> int:
    """How many header rows (up to three) the continuation repeats from the table's top."""
    count = 0
    while count < min(3, len(table) - 1, len(continuation)) and \
            [c.text for c in continuation[count]] == [c.text for c in table[count]]:
        count += 1
    return count


def _continue_vertical_merges(table: list[list[Cell]], continuation: list[list[Cell]]) -> None:
    """A cell merged down across the page break (a group column "Nhóm" spanning the group's
    rows) is drawn on the next page as an empty box of its own: it is the same cell."""
    last = len(table) - 1
    for c, below in enumerate(continuation[0]):
        above = table[last][c]
        origin_at = above.merged_from or (last, c)
        origin = table[origin_at[0]][origin_at[1]]
        if below.text or below.merged_from is not None or below.col_span != 1 or origin.col_span != 1 \
                or origin_at[1] != c or not origin.text:
            continue
        top = last + 1
        box_rows = [0] + [i for i, row in enumerate(continuation) if row[c].merged_from == (top, c)]
        if len(box_rows) < 2:
            continue  # one empty cell (a total row's) looks the same as a merge's last row: left empty
        for i in box_rows:
            continuation[i][c] = continuation[i][c].model_copy(
                update={"raw": origin.raw, "text": origin.text, "merged_from": origin_at, "row_span": 1})
        origin.row_span += len(box_rows)


def _shift_merges(rows: list[list[Cell]], offset: int) -> list[list[Cell]]:
    for row in rows:
        for c in row:
            if c.merged_from is not None:
                c.merged_from = (c.merged_from[0] + offset, c.merged_from[1])
    return rows

