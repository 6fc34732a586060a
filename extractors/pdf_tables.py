"""Ruled tables of a PDF page: cell boxes come from pdf_edges (pdfplumber's table algorithm over
PDFium's lines), PDFium reads the text in them.

Merged cells are resolved by geometry: every grid position takes the text of the cell box that
covers its centre. A table that runs on from one page to the next is joined into one table.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

from extractors.base import cell
from extractors.pdf_edges import Box
from extractors.syllables import join_split_words
from pipeline.model import Cell

if TYPE_CHECKING:
    from extractors.pdf_lines import Line

_INSET = 1.0  # points trimmed off each cell box so the text of neighbours is not caught


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


def find_tables(cell_groups: list[list[Box]], textpage: object, page_height: float,
                page_number: int) -> list[TableOnPage]:
    """Tables from groups of cell boxes (see pdf_edges.table_cells), their text read by PDFium."""
    found = []
    for boxes in cell_groups:
        if len(boxes) < 2:
            continue
        xs = sorted({round(v, 1) for b in boxes for v in (b[0], b[2])})
        ys = sorted({round(v, 1) for b in boxes for v in (b[1], b[3])})
        rows = _grid(boxes, xs, ys, textpage, page_height)
        rows = [r for r in rows if any(c.text for c in r)]
        if rows and len(rows[0]) >= 2:
            x0, top = min(b[0] for b in boxes), min(b[1] for b in boxes)
            x1, bottom = max(b[2] for b in boxes), max(b[3] for b in boxes)
            found.append(TableOnPage(page_number, x0, top, x1, bottom, rows))
    return found


def _grid(boxes: list[tuple[float, float, float, float]], xs: list[float], ys: list[float],
          textpage: object, page_height: float) -> list[list[Cell]]:
    origins: dict[tuple[float, float, float, float], tuple[int, int]] = {}
    texts: dict[tuple[float, float, float, float], str] = {}
    grid: list[list[Cell]] = []
    for r, (top, bottom) in enumerate(pairwise(ys)):
        row: list[Cell] = []
        for c, (left, right) in enumerate(pairwise(xs)):
            box = _covering((left + right) / 2, (top + bottom) / 2, boxes)
            if box is None:
                row.append(cell(""))
            elif box in origins:
                row.append(cell(texts[box], merged_from=origins[box]))
            else:
                origins[box] = (r, c)
                texts[box] = _text_in(textpage, box, page_height)
                row.append(cell(texts[box]))
        grid.append(row)
    _set_spans(grid)
    return grid


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


def _text_in(textpage: object, box: tuple[float, float, float, float], page_height: float) -> str:
    x0, top, x1, bottom = box
    raw = textpage.get_text_bounded(
        left=x0 + _INSET, bottom=page_height - bottom + _INSET, right=x1 - _INSET, top=page_height - top - _INSET
    )
    # Cell lines are wrapping, not paragraphs; a line ending in pdfium's hyphen mark continues.
    text = raw.replace("\r", "").replace("\x02\n", "-").replace("\x02", "-")
    return join_split_words(" ".join(ln.strip() for ln in text.split("\n") if ln.strip()))


def join_split_tables(pages: list[list]) -> list[list]:
    """Join a table that ends one page with a table of as many columns that starts the next.

    A header row repeated on the continuation page is dropped.
    """
    previous_last = None
    for items in pages:
        body = [item for item in items if not item.in_margin]
        first = body[0] if body else None
        if (
            previous_last is not None
            and first is not None
            and first.table is not None
            and len(first.table.rows[0]) == len(previous_last.table.rows[0])
        ):
            rows = first.table.rows
            if [c.text for c in rows[0]] == [c.text for c in previous_last.table.rows[0]]:
                rows = rows[1:]
            offset = len(previous_last.table.rows)
            previous_last.table.rows.extend(_shift_merges(rows, offset))
            items.remove(first)
            body.remove(first)
        last = body[-1] if body else None
        previous_last = last if last is not None and last.table is not None else None
    return pages


def _shift_merges(rows: list[list[Cell]], offset: int) -> list[list[Cell]]:
    for row in rows:
        for c in row:
            if c.merged_from is not None:
                c.merged_from = (c.merged_from[0] + offset, c.merged_from[1])
    return rows

