"""Scanned pages: OCR with Tesseract's Vietnamese model, keeping word confidence.

Why Tesseract directly (its TSV output) rather than ocrmypdf: tdkt needs each word's box and
confidence (to rebuild table cells and to tell reviewers what was read by OCR), which a PDF text
layer made by ocrmypdf no longer carries. A page is rendered by PDFium (no Ghostscript needed),
turned upright (Tesseract's orientation detection for pages scanned sideways, a projection-profile
search for small skews), its ruled table lines are found and erased (they confuse OCR), and the
words are read once per page and placed into paragraphs or table cells.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from functools import cache

import numpy as np
from PIL import Image

from extractors.base import cell
from extractors.pdf_lines import Line
from extractors.pdf_tables import TableOnPage
from pipeline.model import Cell

DPI = 300
_SKEW_RANGE = 3.0  # degrees searched either way
_SKEW_STEP = 0.2
_DARK = 150  # grey level under which a pixel is ink
_LINE_FRACTION = 0.04  # a ruled line is a run of ink at least this share of the page side
_TESSERACT_TIMEOUT = 180


class OcrUnavailable(Exception):
    """Raised when Tesseract or its Vietnamese data is not installed."""


@cache
def tesseract_ready() -> bool:
    if not shutil.which("tesseract"):
        return False
    try:
        langs = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return "vie" in langs.stdout.split()


@dataclass
class Word:
    text: str
    left: int
    top: int
    right: int
    bottom: int
    conf: float
    block: int
    par: int
    line: int

    @property
    def cx(self) -> float:
        return (self.left + self.right) / 2

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2


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


def read_scanned_page(image: Image.Image, page_number: int, page_height_pt: float) -> OcrPage:
    """OCR one page image (rendered at DPI). Coordinates come back in PDF points, top-down."""
    if not tesseract_ready():
        raise OcrUnavailable
    gray = _upright(image.convert("L"))
    angle = _skew_angle(gray)
    if abs(angle) > 0.05:
        gray = gray.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
    pixels = np.asarray(gray).copy()
    horizontal, vertical = _ruled_lines(pixels < _DARK)
    # OCR reads text better without the rules; widen them to take their blurred edges too.
    pixels[_dilate(horizontal | vertical, 3)] = 255
    scale = 72 / DPI
    grids = _grids(horizontal, vertical)
    tables = [t for g in grids if (t := _read_table(g, pixels, scale, page_number)) is not None]
    narrative = pixels.copy()
    for grid in grids:  # the tables are read cell by cell; the page pass reads the rest
        narrative[grid.ys[0] : grid.ys[-1] + 1, grid.xs[0] : grid.xs[-1] + 1] = 255
    words = _tesseract(Image.fromarray(narrative), psm=3)
    paragraphs = _paragraphs(words, scale)
    confs = [w.conf / 100 for w in words if w.conf >= 0]
    confs += [c.confidence for t in tables for row in t.rows for c in row if c.confidence is not None]
    return OcrPage(paragraphs, tables, float(np.mean(confs)) if confs else 0.0, angle)


# --- orientation and skew ------------------------------------------------------------------------

def _upright(gray: Image.Image) -> Image.Image:
    """Turn a page scanned sideways or upside down, as Tesseract's orientation detection says."""
    try:
        result = subprocess.run(["tesseract", "stdin", "stdout", "--psm", "0"], input=_png(gray),
                                capture_output=True, timeout=_TESSERACT_TIMEOUT, env=_env())
    except subprocess.TimeoutExpired:
        return gray
    match = re.search(rb"Rotate: (\d+)", result.stdout)
    confident = re.search(rb"Orientation confidence: ([\d.]+)", result.stdout)
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


# --- ruled lines and tables ----------------------------------------------------------------------

def _runs(mask: np.ndarray, length: int, axis: int) -> np.ndarray:
    """Pixels that belong to a run of ink at least ``length`` long along ``axis``."""
    a = mask if axis == 1 else mask.T
    padded = np.pad(a.astype(np.int32), ((0, 0), (1, 0)))
    sums = np.cumsum(padded, axis=1)
    window = sums[:, length:] - sums[:, :-length]
    full = window == length
    # Mark every pixel covered by a full window.
    starts = np.zeros((a.shape[0], a.shape[1] + 1), dtype=np.int32)
    starts[:, : full.shape[1]] += full
    starts[:, length : length + full.shape[1]] -= full
    out = np.cumsum(starts, axis=1)[:, : a.shape[1]] > 0
    return out if axis == 1 else out.T


def _dilate(mask: np.ndarray, radius: int) -> np.ndarray:
    out = mask.copy()
    for dy in range(-radius, radius + 1):
        for dx in range(-radius, radius + 1):
            out |= np.roll(np.roll(mask, dy, axis=0), dx, axis=1)
    return out


def _ruled_lines(ink: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    height, width = ink.shape
    horizontal = _runs(ink, max(int(width * _LINE_FRACTION * 2), 40), axis=1)
    vertical = _runs(ink, max(int(height * _LINE_FRACTION), 40), axis=0)
    return horizontal, vertical


@dataclass
class _Grid:
    ys: list[int]  # row boundaries
    xs: list[int]  # column boundaries
    h_mask: np.ndarray
    v_mask: np.ndarray


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


def _grids(horizontal: np.ndarray, vertical: np.ndarray) -> list[_Grid]:
    """Ruled tables: vertical lines that span a common band, and the horizontal lines across it."""
    if not vertical.any() or not horizontal.any():
        return []
    rows_with_vertical = vertical.any(axis=1)
    grids = []
    for top, bottom in _bands(rows_with_vertical):
        band_v = vertical[top : bottom + 1]
        xs = _line_positions(band_v.sum(axis=0), int((bottom - top + 1) * 0.5))
        if len(xs) < 3:
            continue
        band_h = horizontal[max(top - 5, 0) : bottom + 6, xs[0] : xs[-1] + 1]
        ys = [y + max(top - 5, 0) for y in _line_positions(band_h.sum(axis=1), int((xs[-1] - xs[0]) * 0.3))]
        if len(ys) >= 2:
            grids.append(_Grid(ys, xs, horizontal, vertical))
    return grids


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


_GAP = 40  # white pixels between stacked cell images
_SHORT = 6  # cells this short are read again as codes or numbers
_NUMERIC = "0123456789,.-()IVX"
_HEADER_WORDS = {"tt", "stt", "mã", "số"}


# Codes with a letter the digits-only pass cannot read ("a1", "b.2", "A.1", "c)"): kept as first
# read. Letters OCR makes of a stroke or two ("I", "l", "H", "t", "L" …) are left to that pass.
_CODE_LETTER = "a-hkm-suwyzđA-GĐKM-SUWYZ"
_LETTER_CODE = re.compile(rf"[{_CODE_LETTER}]\.?\d+(?:\.\d+)*\.?|[{_CODE_LETTER}][.)]")


def _is_code_or_number(text: str) -> bool:
    return bool(re.fullmatch(r"[IVX]{1,4}\.?|\(?-?\d{1,3}([.,]\d{1,2})?\)?\.?", text.strip()))
_INSET = 6  # pixels trimmed off each short cell's edges (what is left of its rules)
_TEXT_INSET = 3  # the same for text: more would cut the dots under letters


def _read_table(grid: _Grid, pixels: np.ndarray, scale: float, page_number: int) -> TableOnPage | None:
    """Read every cell of a ruled table in one Tesseract call: the cell images are stacked one
    under another, so each is read as its own text block (small isolated numbers included)."""
    origins = _cell_origins(grid)
    boxes = {origin: _cell_box(grid, origin, span) for origin, span in origins.items()}
    # Text is read from cells trimmed a little (a wider trim cuts the dots under "ự", "ệ", "ộ"),
    # short cells from cells trimmed more (what is left of a rule beside a digit misleads it).
    crops = _crops(boxes, pixels, _TEXT_INSET)
    texts = _read_stacked(crops)
    # Short cells (codes, points) again, limited to the characters they can hold: Tesseract's
    # language model otherwise reads "3" as "ở" or "II" as "H" in a cell of its own.
    narrow = _crops(boxes, pixels, _INSET)
    short = {o: narrow[o] for o, (text, _) in texts.items() if len(text) <= _SHORT and o in narrow}
    texts.update(_read_stacked(short))
    for origin, (text, conf) in _read_stacked(short, whitelist=_NUMERIC).items():
        first, first_conf = texts[origin]
        if os.environ.get("TDKT_OCR_DEBUG"):
            print("second pass", origin, repr(first), first_conf, "->", repr(text), conf)
        unsure = first_conf is None or (first_conf < 0.6 and (conf or 0) > first_conf)
        if _is_code_or_number(text) and (unsure or not _is_code_or_number(first)) \
                and first.lower() not in _HEADER_WORDS \
                and not (_LETTER_CODE.fullmatch(first) and (first_conf or 0) >= 0.6):
            texts[origin] = (text, conf)
    rows: list[list[Cell]] = []
    for r in range(len(grid.ys) - 1):
        row = []
        for c in range(len(grid.xs) - 1):
            origin = _origin_of(origins, r, c)
            text, conf = texts.get(origin, ("", None))
            if origin == (r, c):
                span = origins[origin]
                row.append(cell(text, row_span=span[0], col_span=span[1], confidence=conf))
            else:
                row.append(cell(text, merged_from=origin, confidence=conf))
        rows.append(row)
    if not any(c.text for row in rows for c in row):
        return None
    return TableOnPage(page_number, grid.xs[0] * scale, grid.ys[0] * scale, grid.xs[-1] * scale,
                       grid.ys[-1] * scale, rows)


def _crops(boxes: dict, pixels: np.ndarray, inset: int) -> dict[tuple[int, int], np.ndarray]:
    return {origin: pixels[y0 + inset : y1 - inset, x0 + inset : x1 - inset]
            for origin, (x0, y0, x1, y1) in boxes.items() if y1 - y0 > 2 * inset and x1 - x0 > 2 * inset}


def _cell_origins(grid: _Grid) -> dict[tuple[int, int], tuple[int, int]]:
    """(row, col) of each cell's top-left grid position → (row span, col span). A rule missing
    between two positions makes them one merged cell."""
    n_rows, n_cols = len(grid.ys) - 1, len(grid.xs) - 1
    owner: dict[tuple[int, int], tuple[int, int]] = {}
    for r in range(n_rows):
        for c in range(n_cols):
            if c > 0 and not _rule_between(grid, r, c, vertical=True):
                owner[(r, c)] = owner[(r, c - 1)]
            elif r > 0 and not _rule_between(grid, r, c, vertical=False):
                owner[(r, c)] = owner[(r - 1, c)]
            else:
                owner[(r, c)] = (r, c)
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    for (r, c), origin in owner.items():
        rows, cols = spans.get(origin, (1, 1))
        spans[origin] = (max(rows, r - origin[0] + 1), max(cols, c - origin[1] + 1))
    return spans


def _rule_between(grid: _Grid, r: int, c: int, vertical: bool) -> bool:
    """Is there a rule on the left (vertical) or top (horizontal) edge of grid position (r, c)?"""
    if vertical:
        y, x = (grid.ys[r] + grid.ys[r + 1]) // 2, grid.xs[c]
        return bool(grid.v_mask[max(y - 4, 0) : y + 5, max(x - 4, 0) : x + 5].any())
    y, x = grid.ys[r], (grid.xs[c] + grid.xs[c + 1]) // 2
    return bool(grid.h_mask[max(y - 4, 0) : y + 5, max(x - 4, 0) : x + 5].any())


def _origin_of(origins: dict, r: int, c: int) -> tuple[int, int]:
    for (r0, c0), (rows, cols) in origins.items():
        if r0 <= r < r0 + rows and c0 <= c < c0 + cols:
            return (r0, c0)
    return (r, c)


def _cell_box(grid: _Grid, origin: tuple[int, int], span: tuple[int, int]) -> tuple[int, int, int, int]:
    r, c = origin
    return grid.xs[c], grid.ys[r], grid.xs[c + span[1]], grid.ys[r + span[0]]


def _read_stacked(crops: dict[tuple[int, int], np.ndarray],
                  whitelist: str | None = None) -> dict[tuple[int, int], tuple[str, float | None]]:
    if not crops:
        return {}
    width = max(crop.shape[1] for crop in crops.values()) + 2 * _GAP
    height = sum(crop.shape[0] + _GAP for crop in crops.values()) + _GAP
    canvas = np.full((height, width), 255, dtype=np.uint8)
    spans, y = [], _GAP
    for origin, crop in crops.items():
        canvas[y : y + crop.shape[0], _GAP : _GAP + crop.shape[1]] = _binarize(crop) if whitelist else crop
        spans.append((origin, y, y + crop.shape[0]))
        y += crop.shape[0] + _GAP
    words = _tesseract(Image.fromarray(canvas), psm=6, whitelist=whitelist)
    found: dict[tuple[int, int], list[Word]] = {}
    for word in words:
        for origin, top, bottom in spans:
            if top - _GAP / 2 <= word.cy < bottom + _GAP / 2:
                found.setdefault(origin, []).append(word)
                break
    texts = {}
    for origin, members in found.items():
        members.sort(key=lambda w: (w.block, w.par, w.line, w.left))
        text = _clean(" ".join(w.text for w in members))
        confs = [w.conf / 100 for w in members if w.conf >= 0]
        texts[origin] = (text, float(np.mean(confs)) if confs else None)
    return texts


def _binarize(crop: np.ndarray) -> np.ndarray:
    """Black and white by Otsu's threshold: scanner noise and JPEG halos around small digits go."""
    histogram = np.bincount(crop.ravel(), minlength=256).astype(float)
    total, weighted = histogram.sum(), np.dot(np.arange(256), histogram)
    best, best_var, dark, dark_sum = _DARK, -1.0, 0.0, 0.0
    for level in range(256):
        dark += histogram[level]
        dark_sum += level * histogram[level]
        if dark == 0 or dark == total:
            continue
        mean_dark, mean_light = dark_sum / dark, (weighted - dark_sum) / (total - dark)
        variance = dark * (total - dark) * (mean_dark - mean_light) ** 2
        if variance > best_var:
            best, best_var = level, variance
    return np.where(crop <= best, 0, 255).astype(np.uint8)


_NOISE = re.compile(r"^[\W_]+$")


def _clean(text: str) -> str:
    """Drop what is left of erased rules: tokens made only of punctuation (|, —, _, ¬ …) at the
    ends of a cell's text."""
    tokens = text.split()
    while tokens and _NOISE.match(tokens[0]):
        tokens.pop(0)
    while tokens and _NOISE.match(tokens[-1]):
        tokens.pop()
    return " ".join(tokens)


# --- Tesseract -----------------------------------------------------------------------------------

def _env() -> dict[str, str]:
    # One thread per Tesseract: on two cores, its own threading is 4–5× slower (shared/stack.md).
    return {**os.environ, "OMP_THREAD_LIMIT": "1"}


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _tesseract(image: Image.Image, psm: int, whitelist: str | None = None) -> list[Word]:
    options = ["-c", f"tessedit_char_whitelist={whitelist}"] if whitelist else []
    result = subprocess.run(["tesseract", "stdin", "stdout", "-l", "vie", "--psm", str(psm), *options, "tsv"],
                            input=_png(image), capture_output=True, timeout=_TESSERACT_TIMEOUT, env=_env())
    words = []
    reader = csv.DictReader(io.StringIO(result.stdout.decode("utf-8", "replace")), delimiter="\t",
                            quoting=csv.QUOTE_NONE)
    for row in reader:
        text = (row.get("text") or "").strip()
        if row.get("level") != "5" or not text:
            continue
        left, top = int(row["left"]), int(row["top"])
        words.append(Word(text, left, top, left + int(row["width"]), top + int(row["height"]),
                          float(row["conf"]), int(row["block_num"]), int(row["par_num"]), int(row["line_num"])))
    return words


def _paragraphs(words: list[Word], scale: float) -> list[OcrParagraph]:
    groups: dict[tuple[int, int], list[Word]] = {}
    for word in words:
        groups.setdefault((word.block, word.par), []).append(word)
    paragraphs = []
    for members in groups.values():
        lines: dict[int, list[Word]] = {}
        for word in members:
            lines.setdefault(word.line, []).append(word)
        built = []
        for line_words in lines.values():
            line_words.sort(key=lambda w: w.left)
            built.append(Line(
                text=" ".join(w.text for w in line_words),
                x0=min(w.left for w in line_words) * scale, x1=max(w.right for w in line_words) * scale,
                top=min(w.top for w in line_words) * scale, bottom=max(w.bottom for w in line_words) * scale,
            ))
        built.sort(key=lambda ln: ln.top)
        confs = [w.conf / 100 for w in members if w.conf >= 0]
        paragraphs.append(OcrParagraph(built, float(np.mean(confs)) if confs else 0.0))
    return sorted(paragraphs, key=lambda p: p.lines[0].top)
