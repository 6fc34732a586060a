"""Scanned criteria tables: the grid of a ruled table (merged header cells, rules one row long),
codes read from the shapes of their glyphs, and short cells read again and chosen.

The images are drawn here with PIL at the resolution tdkt renders scans (300 dpi): a serif font,
rules 3 px wide, a little grain. No LibreOffice, no network.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from extractors import ocr_tesseract
from extractors.ocr_cells import _choose, _Reading, read_cells
from extractors.ocr_glyphs import read_strokes
from extractors.ocr_grid import find_grids, ruled_lines

SERIF = Path("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf")
SERIF_BOLD = Path("/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf")
SANS_BOLD = Path("/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf")


@pytest.fixture(scope="module", autouse=True)
def _tools() -> None:
    """The fonts the pages are drawn in and Tesseract: missing is a failure (CI installs them)."""
    if not all(font.exists() for font in (SERIF, SERIF_BOLD, SANS_BOLD)):
        pytest.fail("Cần phông Liberation (fonts-liberation2) cho kiểm thử này: chạy ./scripts/system-tools")
    if not ocr_tesseract.tesseract_ready():
        pytest.fail("Cần Tesseract với dữ liệu tiếng Việt cho kiểm thử này: chạy ./scripts/system-tools")

# Column lines (x) and row lines (y) of a criteria table with a two-row header: "Mã số" and
# "Nội dung" each over both header rows, "Điểm" over "Chuẩn | Thưởng | Trừ"; then a group row
# merged across, two criteria rows, a second group row, one more row.
XS = [200, 420, 1500, 1750, 2000, 2250]
YS = [300, 365, 430, 495, 560, 625, 690, 755]
ROWS = [
    ["Mã số", "Nội dung đánh giá", "Điểm", None, None],
    [None, None, "Chuẩn", "Thưởng", "Trừ"],
    ["I. CÔNG TÁC XÃ HỘI (70 điểm)", None, None, None, None],
    ["II.1", "Hoạt động văn nghệ, thể dục thể thao", "35", "", ""],
    ["I.2", "Công tác xã hội, từ thiện", "50", "+3", "1/lần"],
    ["II. THỰC HIỆN NHIỆM VỤ", None, None, None, None],
    ["III", "Công tác tuyển sinh", "20", "", ""],
]


def _font(path: Path, size: int = 54) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(path), size)


def _table_page(grain: bool = True) -> Image.Image:
    """The table above drawn as a scan: only the cell edges that separate two cells are ruled."""
    page = Image.new("L", (2480, 3508), 255)  # A4 at 300 dpi
    draw = ImageDraw.Draw(page)
    owner = _owners()
    for r in range(len(YS) - 1):
        for c in range(len(XS) - 1):
            if c == 0 or owner[(r, c)] != owner[(r, c - 1)]:
                draw.line([(XS[c], YS[r]), (XS[c], YS[r + 1])], fill=0, width=3)
            if r == 0 or owner[(r, c)] != owner[(r - 1, c)]:
                draw.line([(XS[c], YS[r]), (XS[c + 1], YS[r])], fill=0, width=3)
    draw.line([(XS[-1], YS[0]), (XS[-1], YS[-1])], fill=0, width=3)
    draw.line([(XS[0], YS[-1]), (XS[-1], YS[-1])], fill=0, width=3)
    for (r, c), text in _texts().items():
        bold = r < 2 or ROWS[r][1] is None
        draw.text((XS[c] + 22, YS[r] + 8), text, font=_font(SERIF_BOLD if bold else SERIF), fill=0)
    pixels = np.asarray(page, dtype=np.float32)
    if grain:  # a scanner's paper tone and grain
        pixels = pixels * 0.95 + 8 + np.random.default_rng(7).normal(0, 5, pixels.shape)
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))


def _owners() -> dict[tuple[int, int], tuple[int, int]]:
    """Each grid position's cell: the merged ones named, every other its own."""
    merged = {(1, 0): (0, 0), (1, 1): (0, 1), (0, 3): (0, 2), (0, 4): (0, 2),
              **{(r, c): (r, 0) for r in (2, 5) for c in range(1, 5)}}
    return {(r, c): merged.get((r, c), (r, c)) for r in range(len(ROWS)) for c in range(len(XS) - 1)}


def _texts() -> dict[tuple[int, int], str]:
    return {(r, c): text for r, row in enumerate(ROWS) for c, text in enumerate(row) if text}


def _grid(page: Image.Image):
    ink = np.asarray(page) < 150
    _, vertical = ruled_lines(ink)
    [grid] = find_grids(ink, vertical)
    return grid


def test_a_two_row_header_keeps_its_merged_cells_and_its_short_rules():
    grid = _grid(_table_page())
    assert len(grid.xs) == len(XS) and len(grid.ys) == len(YS)
    spans = grid.spans()
    assert spans[(0, 0)] == (2, 1)  # "Mã số" over both header rows
    assert spans[(0, 1)] == (2, 1)  # "Nội dung đánh giá", its rule to "Mã số" only two rows long
    assert spans[(0, 2)] == (1, 3)  # "Điểm" over its three columns
    assert spans[(1, 2)] == spans[(1, 3)] == spans[(1, 4)] == (1, 1)  # Chuẩn | Thưởng | Trừ
    assert spans[(2, 0)] == (1, 5)  # a group row merged across
    assert spans[(3, 1)] == spans[(3, 2)] == (1, 1)  # a criterion's title apart from its points
    assert spans[(6, 0)] == spans[(6, 1)] == (1, 1)  # a rule one row long, between two group rows


def _ink(text: str, path: Path, size: int = 54) -> np.ndarray:
    image = Image.new("L", (40 + size * len(text), 2 * size), 255)
    ImageDraw.Draw(image).text((20, size // 3), text, font=_font(path, size), fill=0)
    return np.asarray(image) < 128


@pytest.mark.parametrize("font", [SERIF, SERIF_BOLD, SANS_BOLD])
@pytest.mark.parametrize("code", ["I", "II", "III", "I.", "II.", "III.1", "I.1", "1.", "1.1", "11"])
def test_codes_of_bars_and_dots_are_read_from_their_glyphs(code, font):
    assert read_strokes(_ink(code, font)) == code


@pytest.mark.parametrize("text", ["10", "100", "a)", "b.", "IV", "H", "L", "T", "Mã số", "5", "0"])
def test_other_glyphs_are_left_to_tesseract(text):
    for font in (SERIF, SERIF_BOLD, SANS_BOLD):
        assert read_strokes(_ink(text, font)) is None, font


def test_a_short_cell_keeps_its_other_readings():
    read = lambda text: _Reading(text, 0.9)  # noqa: E731
    # A number: the English model's digits, with the decimal comma a Vietnamese reading has.
    cell = _choose({"first": read("14,0"), "vie": read("14.0"), "eng": read("14.0"), "strokes": read("")})
    assert cell.text == "14,0" and cell.alternatives == ["14.0"]
    cell = _choose({"first": read("950"), "vie": read("950"), "eng": read("50"), "strokes": read("")})
    assert cell.text == "950"  # two readings agree
    cell = _choose({"first": read("s"), "vie": read("b)"), "eng": read("5"), "strokes": read("")})
    assert cell.text == "5" and cell.alternatives == ["s", "b)"]
    # A Roman code the English model read as digits stays a code.
    cell = _choose({"first": read("L2"), "vie": read("I.2"), "eng": read("1.2"), "strokes": read("")})
    assert cell.text == "I.2" and "1.2" in cell.alternatives
    # Bars and dots read from the glyphs win; what Tesseract read is kept beside them.
    cell = _choose({"first": read("H."), "vie": read("H."), "eng": read("Il."), "strokes": read("II.")})
    assert cell.text == "II." and cell.alternatives == ["H.", "Il."]
    # Points followed by words keep the words.
    cell = _choose({"first": read("Hy g điểm"), "vie": read("17 điểm"), "eng": read("17 diém"), "strokes": read("")})
    assert cell.text == "17 điểm"
    cell = _choose({"first": read("c)"), "vie": read("8)"), "eng": read("a)"), "strokes": read("")})
    assert cell.text == "a)"


def test_cells_of_a_scanned_table_are_read():
    page = _table_page()
    grid = _grid(page)
    pixels = np.asarray(page).copy()
    spans = grid.spans()
    cells = read_cells({o: grid.box(o, s) for o, s in spans.items()}, _erased(pixels, grid))
    text = {origin: cell.text for origin, cell in cells.items()}
    assert text[(0, 0)] == "Mã số" and text[(0, 2)] == "Điểm" and text[(1, 3)] == "Thưởng"
    assert text[(3, 0)] == "II.1" and text[(6, 0)] == "III"
    assert re.fullmatch(r"I\.?2", text[(4, 0)])  # the dot may be lost; the bar and the 2 are there
    assert text[(3, 2)] == "35" and text[(4, 2)] == "50" and text[(4, 3)] == "+3"
    assert re.fullmatch(r"1/l?ần", text[(4, 4)])  # the per-occurrence word is kept
    assert text[(2, 0)].startswith("I. CÔNG TÁC") and text[(5, 0)].startswith("II. ")  # not "H."
    assert (3, 3) not in cells  # a blank cell is not read (its grain would become letters)
    assert all(isinstance(cell.alternatives, list) for cell in cells.values())


def _erased(pixels: np.ndarray, grid) -> np.ndarray:
    """The page with its rules erased, as read_scanned_page does before reading cells."""
    from extractors.ocr_grid import dilate

    horizontal, vertical = ruled_lines(pixels < 150)
    out = pixels.copy()
    out[dilate(horizontal | vertical, 3)] = 255
    return out
