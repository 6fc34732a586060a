"""Ruled lines of a PDF page from pypdfium2 path objects, in pdfplumber's edge format.

pdfplumber finds tables from a page's edges, but getting them costs a full pdfminer parse of the
page (~90% of PDF reading time on table pages, measured by bench/extract_speed.py). PDFium has
already parsed the page: its path objects give the same lines, and pdfplumber's own table
algorithm (merge edges, intersections, cells, tables) then runs on them unchanged.
"""

from __future__ import annotations

import bisect
import ctypes
from collections.abc import Callable, Iterator
from operator import itemgetter

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
    bounds = [ctypes.c_float() for _ in range(4)]
    for obj in _path_objects(page.raw):
        if pdfium_c.FPDFPath_CountSegments(obj) > _MAX_SEGMENTS:
            continue
        if not pdfium_c.FPDFPageObj_GetBounds(obj, *bounds):
            raise pdfium.PdfiumError("Failed to locate pageobject.")
        left, bottom, right, top = (b.value for b in bounds)
        y0, y1 = page_height - top, page_height - bottom  # top-down, like pdfplumber
        if right - left < _LINE_WIDTH and y1 - y0 >= _MIN_LENGTH:
            edges.append(_edge("v", (left + right) / 2, y0, (left + right) / 2, y1))
        elif y1 - y0 < _LINE_WIDTH and right - left >= _MIN_LENGTH:
            edges.append(_edge("h", left, (y0 + y1) / 2, right, (y0 + y1) / 2))
        elif right - left >= _LINE_WIDTH and y1 - y0 >= _LINE_WIDTH:
            edges += [_edge("h", left, y0, right, y0), _edge("h", left, y1, right, y1),
                      _edge("v", left, y0, left, y1), _edge("v", right, y0, right, y1)]
    return edges


def _path_objects(page: object) -> Iterator[object]:
    """The page's path objects, and those of the forms placed on it (not of forms in those), as
    ``page.get_objects(filter=[FPDF_PAGEOBJ_PATH], max_depth=2)`` finds them; without a Python
    object made for every object on the page (text objects are most of them)."""
    for obj, kind in _objects(page, pdfium_c.FPDFPage_CountObjects, pdfium_c.FPDFPage_GetObject):
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            yield obj
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            for inner, inner_kind in _objects(obj, pdfium_c.FPDFFormObj_CountObjects, pdfium_c.FPDFFormObj_GetObject):
                if inner_kind == pdfium_c.FPDF_PAGEOBJ_PATH:
                    yield inner


def _objects(parent: object, count: Callable, get: Callable) -> Iterator[tuple[object, int]]:
    n_objects = count(parent)
    if n_objects < 0:
        raise pdfium.PdfiumError("Failed to get number of pageobjects.")
    for i in range(n_objects):
        obj = get(parent, i)
        if not obj:
            raise pdfium.PdfiumError("Failed to get pageobject.")
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_UNKNOWN:
            raise pdfium.PdfiumError("Failed to determine pageobject type.")
        yield obj, kind


def _edge(orientation: str, x0: float, top: float, x1: float, bottom: float) -> dict:
    return {"x0": x0, "x1": x1, "top": top, "bottom": bottom, "width": x1 - x0, "height": bottom - top,
            "orientation": orientation, "object_type": "line"}


def table_cells(edges: list[dict]) -> list[list[Box]]:
    """Cell boxes (x0, top, x1, bottom) of each ruled table, by pdfplumber's algorithm."""
    merged = plumber_table.merge_edges(edges, _SNAP, _SNAP, _JOIN, _JOIN)
    merged = [e for e in merged if (e["x1"] - e["x0"] if e["orientation"] == "h" else e["bottom"] - e["top"])
              >= _MIN_LENGTH]
    intersections = plumber_table.edges_to_intersections(merged, _INTERSECTION, _INTERSECTION)
    return plumber_table.cells_to_tables(_intersections_to_cells(intersections))


def _intersections_to_cells(intersections: dict[tuple[float, float], dict[str, list[dict]]]) -> list[Box]:
    """pdfplumber's ``intersections_to_cells``: the same cells in the same order. Its version
    builds both points' sets of edges again for every pair it tries (and a typing annotation with
    them), and scans all the later points for those below and to the right of each: most of the
    time of a ruled page. Here the sets are built once, and a point's neighbours come from the
    points grouped by column and by row."""
    edge_box = itemgetter("x0", "top", "x1", "bottom")
    vertical = {p: set(map(edge_box, edges["v"])) for p, edges in intersections.items()}
    horizontal = {p: set(map(edge_box, edges["h"])) for p, edges in intersections.items()}

    def connects(p1: tuple[float, float], p2: tuple[float, float]) -> bool:
        return (p1[0] == p2[0] and not vertical[p1].isdisjoint(vertical[p2])) or \
            (p1[1] == p2[1] and not horizontal[p1].isdisjoint(horizontal[p2]))

    points = sorted(intersections)
    columns: dict[float, list[tuple[float, float]]] = {}
    rows: dict[float, list[tuple[float, float]]] = {}
    for point in points:  # each column and row keeps the points' sorted order
        columns.setdefault(point[0], []).append(point)
        rows.setdefault(point[1], []).append(point)
    cells = []
    for point in points:
        column, row = columns[point[0]], rows[point[1]]
        below = column[bisect.bisect_right(column, point):]
        right = [p for p in row[bisect.bisect_right(row, point):] if connects(point, p)]
        cell = _smallest_cell(point, below, right, intersections, connects)
        if cell is not None:
            cells.append(cell)
    return cells


def _smallest_cell(point: tuple[float, float], below: list[tuple[float, float]], right: list[tuple[float, float]],
                   intersections: dict, connects: Callable) -> Box | None:
    for below_point in below:
        if not connects(point, below_point):
            continue
        for right_point in right:
            corner = (right_point[0], below_point[1])
            if corner in intersections and connects(corner, right_point) and connects(corner, below_point):
                return (point[0], point[1], corner[0], corner[1])
    return None
