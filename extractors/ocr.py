"""Scanned pages: OCR with Tesseract's Vietnamese model, keeping word confidence.

Why Tesseract directly (its TSV output) rather than ocrmypdf: tdkt needs each word's box and
confidence (to rebuild table cells and to tell reviewers what was read by OCR), which a PDF text
layer made by ocrmypdf no longer carries. A page is rendered by PDFium (no Ghostscript needed),
turned upright (Tesseract's orientation detection for pages scanned sideways, a projection-profile
search for small skews), its ruled tables are found (ocr_grid) and their rules erased (they
confuse OCR); the tables are read cell by cell (ocr_cells), the rest of the page in one pass.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, field

import numpy as np
from PIL import Image

from extractors import ocr_tesseract as tesseract
from extractors.base import cell
from extractors.ocr_cells import read_cells
from extractors.ocr_grid import Grid, dilate, find_grids, ruled_lines
from extractors.ocr_tesseract import Word, png, read_image, tesseract_ready
from extractors.pdf_lines import Line
from extractors.pdf_lines import paragraphs as paragraphs_of
from extractors.pdf_tables import TableOnPage
from pipeline.core.errors import TdktError
from pipeline.core.model import Cell

DPI = 300
# The most pixels a page is rendered with for OCR. Reading a page takes about 17 MB a million
# pixels (an A4 page at DPI, 8.7 million, peaks at 0.45 GB with the reader; ocr_pages.py has the
# figures), so this keeps a page within the default 1 GB limit. A larger page (an A3 scan; a
# hostile 14,400 pt page, 3.6 billion pixels at DPI) is rendered at a lower DPI.
MAX_PIXELS = 12_000_000
_SKEW_RANGE = 3.0  # degrees searched either way
_SKEW_STEP = 0.2
_DARK = 150  # grey level under which a pixel is ink


class OcrUnavailable(TdktError):
    """Raised when Tesseract or its Vietnamese data is not installed."""


@dataclass
class OcrParagraph:
    lines: list[Line]
    confidence: float


@dataclass
class OcrPage:
    paragraphs: list[OcrParagraph] = field(default_factory=list)
    tables: list[TableOnPage] = field(default_factory=list)
    confidence: float = 0.0
    angle: float = 0.0


def render_dpi(width_pt: float, height_pt: float) -> float:
    """The DPI a page of this size is rendered at for OCR: DPI, or less for a page so large that
    DPI would give it more than MAX_PIXELS."""
    pixels = max(width_pt, 1.0) * max(height_pt, 1.0) * (DPI / 72) ** 2
    return DPI if pixels <= MAX_PIXELS else DPI * (MAX_PIXELS / pixels) ** 0.5


def read_scanned_page(image: Image.Image, page_number: int, page_height_pt: float, dpi: float = DPI) -> OcrPage:
    """OCR one page image (rendered at ``dpi``). Coordinates come back in PDF points, top-down."""
    if not tesseract_ready():
        raise OcrUnavailable
    gray = _upright(image.convert("L"))
    angle = _skew_angle(gray)
    if abs(angle) > 0.05:
        gray = gray.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
    pixels = np.asarray(gray).copy()
    ink = pixels < _DARK
    horizontal, vertical = ruled_lines(ink)
    grids = find_grids(ink, vertical)
    # OCR reads text better without the rules; widen them to take their blurred edges too.
    pixels[dilate(horizontal | vertical, 3)] = 255
    scale = 72 / dpi
    tables = [t for g in grids if (t := _read_table(g, pixels, scale, page_number)) is not None]
    narrative = pixels.copy()
    for grid in grids:  # the tables are read cell by cell; the page pass reads the rest
        narrative[grid.ys[0] : grid.ys[-1] + 1, grid.xs[0] : grid.xs[-1] + 1] = 255
    words = read_image(Image.fromarray(narrative), psm=3)
    paragraphs = _paragraphs(words, scale, page_height_pt)
    confs = [w.conf / 100 for w in words if w.conf >= 0]
    confs += [c.confidence for t in tables for row in t.rows for c in row if c.confidence is not None]
    return OcrPage(paragraphs, tables, float(np.mean(confs)) if confs else 0.0, angle)


# --- orientation and skew ------------------------------------------------------------------------

def _upright(gray: Image.Image) -> Image.Image:
    """Turn a page scanned sideways or upside down, as Tesseract's orientation detection says."""
    try:
        output = tesseract.run(["stdin", "stdout", "--psm", "0"], png(gray))
    except subprocess.TimeoutExpired:
        return gray
    match = re.search(rb"Rotate: (\d+)", output)
    confident = re.search(rb"Orientation confidence: ([\d.]+)", output)
    if not match or int(match.group(1)) == 0 or (confident and float(confident.group(1)) < 1.0):
        return gray
    return gray.rotate(-int(match.group(1)), expand=True, fillcolor=255)


def _skew_angle(gray: Image.Image) -> float:
    """The small rotation that makes text lines most horizontal (sharpest row profile)."""
    small = gray.resize((gray.width // 4, gray.height // 4))
    best, best_score = 0.0, -1.0
    for angle in np.arange(-_SKEW_RANGE, _SKEW_RANGE + 1e-9, _SKEW_STEP):
        turned = np.asarray(small.rotate(float(angle), fillcolor=255)) < _DARK
        rows = turned.sum(axis=1).astype(float)
        score = float(np.sum(np.diff(rows) ** 2))
        if score > best_score:
            best, best_score = float(angle), score
    return best


# --- tables --------------------------------------------------------------------------------------

def _read_table(grid: Grid, pixels: np.ndarray, scale: float, page_number: int) -> TableOnPage | None:
    """A ruled table's cells read (see ocr_cells), merged cells repeating their text in every grid
    position they cover."""
    spans = grid.spans()
    texts = read_cells({origin: grid.box(origin, span) for origin, span in spans.items()}, pixels)
    rows: list[list[Cell]] = []
    for r in range(len(grid.ys) - 1):
        row = []
        for c in range(len(grid.xs) - 1):
            origin = _origin_of(spans, r, c)
            read = texts.get(origin)
            text, conf, others = (read.text, read.confidence, read.alternatives) if read else ("", None, [])
            if origin == (r, c):
                span = spans[origin]
                row.append(cell(text, row_span=span[0], col_span=span[1], confidence=conf, alternatives=others))
            else:
                row.append(cell(text, merged_from=origin, confidence=conf, alternatives=others))
        rows.append(row)
    if not any(c.text for row in rows for c in row):
        return None
    return TableOnPage(page_number, grid.xs[0] * scale, grid.ys[0] * scale, grid.xs[-1] * scale,
                       grid.ys[-1] * scale, rows)


def _origin_of(spans: dict, r: int, c: int) -> tuple[int, int]:
    for (r0, c0), (rows, cols) in spans.items():
        if r0 <= r < r0 + rows and c0 <= c < c0 + cols:
            return (r0, c0)
    return (r, c)


# --- page text -----------------------------------------------------------------------------------

def _paragraphs(words: list[Word], scale: float, page_height: float) -> list[OcrParagraph]:
    """Tesseract's lines cut where a column gap parts them (its lines run across both columns of
    the national header), then grouped into paragraphs as a text PDF's lines are (pdf_lines:
    side-by-side columns read column by column)."""
    lines: dict[tuple[int, int, int], list[Word]] = {}
    for word in words:
        lines.setdefault((word.block, word.par, word.line), []).append(word)
    segments: list[tuple[Line, list[Word]]] = []
    for line_words in lines.values():
        line_words.sort(key=lambda w: w.left)
        height = float(np.median([w.bottom - w.top for w in line_words]))
        run = [line_words[0]]
        for word in line_words[1:]:
            if word.left - run[-1].right > _COLUMN_GAP * height:
                segments.append(_segment(run, scale))
                run = []
            run.append(word)
        segments.append(_segment(run, scale))
    segments.sort(key=lambda s: (round(s[0].bottom), s[0].x0))
    confidence = {id(line): [w.conf / 100 for w in members if w.conf >= 0] for line, members in segments}
    paragraphs = []
    for group in paragraphs_of([line for line, _ in segments], page_height):
        confs = [c for line in group for c in confidence[id(line)]]
        paragraphs.append(OcrParagraph(group, float(np.mean(confs)) if confs else 0.0))
    return paragraphs


# A gap between words wider than this many text heights parts two columns.
_COLUMN_GAP = 2.5


def _segment(words: list[Word], scale: float) -> tuple[Line, list[Word]]:
    return Line(
        text=" ".join(w.text for w in words),
        x0=min(w.left for w in words) * scale, x1=max(w.right for w in words) * scale,
        top=min(w.top for w in words) * scale, bottom=max(w.bottom for w in words) * scale,
    ), words
