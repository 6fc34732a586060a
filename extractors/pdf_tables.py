"""Ruled tables of a PDF page: cell boxes come from pdf_edges (pdfplumber's table algorithm over
PDFium's lines), PDFium reads the text in them.

Merged cells are resolved by geometry: every grid position takes the text of the cell box that
covers its centre (extractors/pdf_cells.py). A table that runs on from one page to the next is
joined into one table.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from extractors.base import cell
from extractors.pdf_cells import Centres, centres, owners, texts_by_box
from extractors.pdf_edges import Box
from pipeline.core.model import Cell

if TYPE_CHECKING:
    from extractors.pdf_chars import PageChars
    from extractors.pdf_lines import Line


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
    where = centres(chars, page_height) if cell_groups else None
    for boxes in cell_groups:
        if len(boxes) < 2:
            continue
        xs = sorted({round(v, 1) for b in boxes for v in (b[0], b[2])})
        ys = sorted({round(v, 1) for b in boxes for v in (b[1], b[3])})
        rows = _grid(boxes, xs, ys, chars, where)
        rows = [r for r in rows if any(c.text for c in r)]
        if rows and len(rows[0]) >= 2:
            x0, top = min(b[0] for b in boxes), min(b[1] for b in boxes)
            x1, bottom = max(b[2] for b in boxes), max(b[3] for b in boxes)
            found.append(TableOnPage(page_number, x0, top, x1, bottom, rows))
    return found


def _grid(boxes: list[Box], xs: list[float], ys: list[float], chars: PageChars, where: Centres) -> list[list[Cell]]:
    owner = owners(boxes, xs, ys)
    texts = texts_by_box(chars, where, boxes, owner, xs, ys)
    origins: dict[Box, tuple[int, int]] = {}
    grid: list[list[Cell]] = []
    for r, row_owners in enumerate(owner.tolist()):
        row: list[Cell] = []
        for c, index in enumerate(row_owners):
            box = boxes[index] if index >= 0 else None
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


def _set_spans(grid: list[list[Cell]]) -> None:
    for r, row in enumerate(grid):
        for c, position in enumerate(row):
            if position.merged_from is None:
                continue
            r0, c0 = position.merged_from
            origin = grid[r0][c0]
            origin.row_span = max(origin.row_span, r - r0 + 1)
            origin.col_span = max(origin.col_span, c - c0 + 1)


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

