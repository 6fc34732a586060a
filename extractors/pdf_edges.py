"""Ruled lines of a PDF page from pypdfium2 path objects, in pdfplumber's edge format.

pdfplumber finds tables from a page's edges, but getting them costs a full pdfminer parse of the
page (~90% of PDF reading time on table pages, measured by bench/extract_speed.py). PDFium has
already parsed the page: its path objects give the same lines, and pdfplumber's own table
algorithm (merge edges, intersections, cells, tables) then runs on them unchanged.
"""

from __future__ import annotations

import pdfplumber.table as plumber_table
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

# pdfplumber's default table settings.
_SNAP = 3
_JOIN = 3
_MIN_LENGTH = 3
_INTERSECTION = 3
# A path thinner than this (points) is a line; anything wider is a rectangle with four edges.
_LINE_WIDTH = 3
# Paths with more segments than a rectangle are drawings (logos, stamps), not table rules.
_MAX_SEGMENTS = 5

Box = tuple[float, float, float, float]


def page_edges(page: pdfium.PdfPage, page_height: float) -> list[dict]:
    edges: list[dict] = []
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=2):
        if pdfium_c.FPDFPath_CountSegments(obj.raw) > _MAX_SEGMENTS:
            continue
        left, bottom, right, top = obj.get_bounds()
        y0, y1 = page_height - top, page_height - bottom  # top-down, like pdfplumber
        if right - left < _LINE_WIDTH and y1 - y0 >= _MIN_LENGTH:
            edges.append(_edge("v", (left + right) / 2, y0, (left + right) / 2, y1))
        elif y1 - y0 < _LINE_WIDTH and right - left >= _MIN_LENGTH:
            edges.append(_edge("h", left, (y0 + y1) / 2, right, (y0 + y1) / 2))
        elif right - left >= _LINE_WIDTH and y1 - y0 >= _LINE_WIDTH:
            edges += [_edge("h", left, y0, right, y0), _edge("h", left, y1, right, y1),
                      _edge("v", left, y0, left, y1), _edge("v", right, y0, right, y1)]
    return edges


def _edge(orientation: str, x0: float, top: float, x1: float, bottom: float) -> dict:
    return {"x0": x0, "x1": x1, "top": top, "bottom": bottom, "width": x1 - x0, "height": bottom - top,
            "orientation": orientation, "object_type": "line"}


def table_cells(edges: list[dict]) -> list[list[Box]]:
    """Cell boxes (x0, top, x1, bottom) of each ruled table, by pdfplumber's algorithm."""
    merged = plumber_table.merge_edges(edges, _SNAP, _SNAP, _JOIN, _JOIN)
    merged = [e for e in merged if (e["x1"] - e["x0"] if e["orientation"] == "h" else e["bottom"] - e["top"])
              >= _MIN_LENGTH]
    intersections = plumber_table.edges_to_intersections(merged, _INTERSECTION, _INTERSECTION)
    cells = plumber_table.intersections_to_cells(intersections)
    return plumber_table.cells_to_tables(cells)
