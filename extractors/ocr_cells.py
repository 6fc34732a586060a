"""Reading the cells of a ruled table on a scanned page.

Every cell that holds ink is read once, all cells stacked one under another in one Tesseract
call (each is its own block of text, small isolated numbers included). Short cells (codes,
points, short headings) are read again one by one, in one more call per model: cleaned to black
and white, at a smaller scale, by the Vietnamese model and by the English one (which reads
digits and "a)", "c." better, and Roman numerals differently); a cell of bars and dots ("II.1")
is also read from the shapes of its glyphs. The likeliest reading becomes the cell's text; the
others are kept as its alternatives, for a reader that knows what the column holds.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

import numpy as np
from PIL import Image, ImageFilter

from extractors import ocr_tesseract as tesseract
from extractors.ocr_glyphs import read_strokes

Origin = tuple[int, int]
Box = tuple[int, int, int, int]

_DARK = 150  # grey level under which a pixel is ink
_GAP = 40  # white pixels between stacked cell images
_TEXT_INSET = 3  # pixels trimmed off a cell's edges for its text: more cuts the dots under letters
_INSET = 6  # the same for a short cell read again: what is left of a rule beside a digit misleads it
_SHORT = 16  # characters: cells read this short are read again on their own
_SMALL = 0.7  # short cells are read at this scale: Tesseract reads a lone "5" or "II" better so
_PAD = 20  # white pixels around a short cell read on its own
_SPECK = 12  # ink pixels a 5×5 window must hold to be part of a glyph, not scanner grain
_SMOOTH = 0.7  # Gaussian radius taken off the grain before the text pass

_NUMBER = re.compile(r"[+\-–]?\s?\d+(?:[.,]\d+)?")
_DIGITS_ONLY = re.compile(r"[0-9,.+\-–/() ]*\d[0-9,.+\-–/() ]*")
_NOISE = re.compile(r"^[\W_]+$")
# What OCR makes of a code of bars, dots and digits ("I2", "IL.1", "[.3"): a stroke letter in it.
_STROKES = re.compile(r"[0-9.:]*[IlL|\[\]!iíìtTjJfH][IlL1|\[\]!iíìtTjJfH0-9.:]*")
_LETTER_ITEM = re.compile(r"[a-zđ][.)]")
_DECIMAL_COMMA = re.compile(r"\d,\d")
_WORD = re.compile(r"[^\W\d_]{2,}")


@dataclass
class CellText:
    text: str = ""
    confidence: float | None = None
    alternatives: list[str] = field(default_factory=list)


@dataclass
class _Reading:
    text: str
    confidence: float | None
    words: list[tesseract.Word] = field(default_factory=list)  # in the crop's pixels


def read_cells(boxes: dict[Origin, Box], pixels: np.ndarray) -> dict[Origin, CellText]:
    """The text of every cell (``boxes`` in page pixels, ``pixels`` the page with its rules
    erased); blank cells are left out."""
    text_crops = _crops(boxes, pixels, _TEXT_INSET)
    inks = {o: _clean_ink(c) for o, c in _crops(boxes, pixels, _INSET).items()}
    filled = [o for o in text_crops if o in inks and inks[o].any()]
    first = _read_stacked({o: _smooth(text_crops[o]) for o in filled})
    first = {o: replace(r, text=_with_leading_code(r, text_crops[o])) for o, r in first.items()}
    out = {o: CellText(r.text, r.confidence) for o, r in first.items()}
    short = [o for o in filled if len(first.get(o, _Reading("", None)).text) <= _SHORT]
    for origin, cell in _read_short({o: inks[o] for o in short}, first).items():
        out[origin] = cell
    return out


def _with_leading_code(reading: _Reading, crop: np.ndarray) -> str:
    """A cell's text with its leading code ("II. Thi đua …", read "H. Thi đua …") read again
    from the shapes of its glyphs, when they are bars and dots."""
    if len(reading.words) < 2 or len(reading.words[0].text) > 5 or reading.words[0].text[-1] not in ".)":
        return reading.text
    word = reading.words[0]
    box = crop[max(word.top - 2, 0) : word.bottom + 3, max(word.left - 2, 0) : word.right + 3]
    code = read_strokes(_clean_ink(box))
    if code is None or not code.endswith("."):
        return reading.text
    return clean(" ".join([code, *(w.text for w in reading.words[1:])]))


def _read_short(inks: dict[Origin, np.ndarray], first: dict[Origin, _Reading]) -> dict[Origin, CellText]:
    """Short cells read again on their own, and the likeliest of their readings chosen."""
    origins = list(inks)
    images = [_small(inks[o]) for o in origins]
    vie = tesseract.read_images(images, psm=6, lang="vie")
    eng = tesseract.read_images(images, psm=6, lang="eng") if "eng" in tesseract.languages() else []
    out = {}
    for i, origin in enumerate(origins):
        readings = {
            "first": first.get(origin, _Reading("", None)),
            "vie": _joined(vie[i]),
            "eng": _joined(eng[i]) if eng else _Reading("", None),
            "strokes": _Reading(read_strokes(inks[origin]) or "", None),
        }
        out[origin] = _choose(readings)
    return out


def _choose(readings: dict[str, _Reading]) -> CellText:
    """The likeliest reading of a short cell, the others kept as alternatives."""
    first, vie, eng, strokes = (readings[k] for k in ("first", "vie", "eng", "strokes"))
    chosen = _pick(first, vie, eng, strokes)
    others = [r.text for r in (first, vie, eng, strokes) if r.text and r.text != chosen.text]
    return CellText(chosen.text, chosen.confidence, list(dict.fromkeys(others)))


def _pick(first: _Reading, vie: _Reading, eng: _Reading, strokes: _Reading) -> _Reading:
    """Bars and dots read from the glyphs' shapes ("II.", "I.1"): Tesseract misses lone bars.
    Then a number, a number followed by words, a letter item, words as first read, and else
    what the Vietnamese model read in the cell alone (codes: "b1", "II.3")."""
    if strokes.text:
        return _Reading(strokes.text, vie.confidence or first.confidence)
    return _number(first, vie, eng) or _number_and_words(first, vie, eng) or _letter_item(vie, eng) \
        or (first if _is_words(first.text) or not vie.text else vie)


def _number(first: _Reading, vie: _Reading, eng: _Reading) -> _Reading | None:
    """A cell holding only a number. Its digits as most readings have them, the English model's
    when they all differ (it reads "5" and "50" where the Vietnamese one sees "Đ" and "950");
    written with the decimal comma and the dots that a reading of those digits has (OCR loses
    dots and reads commas as dots, it does not invent them). Not when a reading is made of
    strokes ("I2", "IL.1"): that is a Roman code the English model read as digits."""
    if not _DIGITS_ONLY.fullmatch(eng.text):
        return None
    numbers = [r for r in (eng, vie, first) if _DIGITS_ONLY.fullmatch(r.text)]
    if len(numbers) == 1 and any(_STROKES.fullmatch(r.text) for r in (first, vie)):
        return None
    digits = Counter(_digits(r.text) for r in numbers).most_common(1)[0]
    same = [r for r in numbers if _digits(r.text) == (digits[0] if digits[1] >= 2 else _digits(eng.text))]
    return max(same, key=lambda r: (bool(_DECIMAL_COMMA.search(r.text)), len(r.text)))


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _number_and_words(first: _Reading, vie: _Reading, eng: _Reading) -> _Reading | None:
    """Words led by a number ("17 điểm", "0,5 điểm/lần"): the first reading when its number is
    the English model's, else the Vietnamese reading alone when its number is."""
    leading = _leading_number(eng.text)
    if leading is None or not _WORD.search(eng.text) or not _has_letters(first.text):
        return None
    if _leading_number(first.text) != leading and _leading_number(vie.text) == leading:
        return vie
    return first


def _letter_item(vie: _Reading, eng: _Reading) -> _Reading | None:
    """A lower-case letter item ("a)", "c."), which the Vietnamese model reads as "8)" or "C)"."""
    if not _LETTER_ITEM.fullmatch(eng.text) or vie.text == eng.text or vie.text[-1:] != eng.text[-1:]:
        return None
    return eng if vie.text.lower() == eng.text or vie.text[:-1].isdigit() else None


def _leading_number(text: str) -> str | None:
    """'17' of '17 điểm', '0.5' of '0,5 điểm/lần' (the decimal mark made one)."""
    match = _NUMBER.match(text)
    return re.sub(r"\s", "", match.group()).replace(",", ".") if match else None


def _is_words(text: str) -> bool:
    """A short heading or note ("Mã số", "Tổng cộng"), which the first pass reads better than
    the cleaned, smaller image; not a code ("a1", "II.3")."""
    return " " in text and bool(_WORD.search(text))


def _has_letters(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


# --- images --------------------------------------------------------------------------------------

def _crops(boxes: dict[Origin, Box], pixels: np.ndarray, inset: int) -> dict[Origin, np.ndarray]:
    return {origin: pixels[y0 + inset : y1 - inset, x0 + inset : x1 - inset]
            for origin, (x0, y0, x1, y1) in boxes.items() if y1 - y0 > 2 * inset and x1 - x0 > 2 * inset}


def _smooth(crop: np.ndarray) -> np.ndarray:
    return np.asarray(Image.fromarray(crop).filter(ImageFilter.GaussianBlur(_SMOOTH)))


def _clean_ink(crop: np.ndarray) -> np.ndarray:
    """The cell's ink, black and white by Otsu's threshold, without scanner grain: specks are
    dropped, thin strokes joined to a glyph (serifs, the dot of "ị") kept. None at all in a cell
    that holds only specks (binarized alone, its grain would turn into letters)."""
    if not _without_specks(crop < _DARK).any():
        return np.zeros(crop.shape, dtype=bool)
    return _without_specks(crop <= _otsu(crop))


def _without_specks(ink: np.ndarray) -> np.ndarray:
    glyphs = ink & (_box_sum(ink, 2) >= _SPECK)
    for _ in range(3):  # grow back along the ink: the strokes the seed test cut off
        glyphs = ink & (_box_sum(glyphs, 1) > 0)
    return glyphs


def _small(ink: np.ndarray) -> np.ndarray:
    """A short cell for Tesseract: black on white, scaled down, with a white margin."""
    image = Image.fromarray(np.where(ink, 0, 255).astype(np.uint8))
    size = (max(round(image.width * _SMALL), 1), max(round(image.height * _SMALL), 1))
    return np.pad(np.asarray(image.resize(size, Image.LANCZOS)), _PAD, constant_values=255)


def _box_sum(mask: np.ndarray, radius: int) -> np.ndarray:
    """How many True pixels each (2·radius+1)² window holds."""
    k = 2 * radius + 1
    sums = np.pad(mask.astype(np.int32), ((radius + 1, radius), (radius + 1, radius))).cumsum(0).cumsum(1)
    return sums[k:, k:] - sums[:-k, k:] - sums[k:, :-k] + sums[:-k, :-k]


def _otsu(pixels: np.ndarray) -> int:
    """The grey level that best splits ink from paper (Otsu's method)."""
    histogram = np.bincount(pixels.ravel(), minlength=256).astype(float)
    levels = np.arange(256)
    dark = np.cumsum(histogram)
    dark_sum = np.cumsum(histogram * levels)
    total, weighted = dark[-1], dark_sum[-1]
    light = total - dark
    with np.errstate(divide="ignore", invalid="ignore"):
        between = dark * light * (dark_sum / dark - (weighted - dark_sum) / light) ** 2
    between[(dark == 0) | (light == 0)] = -1
    return int(np.argmax(between))


# --- Tesseract output ----------------------------------------------------------------------------

def _read_stacked(crops: dict[Origin, np.ndarray]) -> dict[Origin, _Reading]:
    if not crops:
        return {}
    width = max(crop.shape[1] for crop in crops.values()) + 2 * _GAP
    height = sum(crop.shape[0] + _GAP for crop in crops.values()) + _GAP
    canvas = np.full((height, width), 255, dtype=np.uint8)
    spans, y = [], _GAP
    for origin, crop in crops.items():
        canvas[y : y + crop.shape[0], _GAP : _GAP + crop.shape[1]] = crop
        spans.append((origin, y, y + crop.shape[0]))
        y += crop.shape[0] + _GAP
    found: dict[Origin, list[tesseract.Word]] = {}
    for word in tesseract.read_image(Image.fromarray(canvas), psm=6):
        for origin, top, bottom in spans:
            if top - _GAP / 2 <= word.cy < bottom + _GAP / 2:
                found.setdefault(origin, []).append(_shifted(word, -_GAP, -top))
                break
    return {origin: _joined(members) for origin, members in found.items()}


def _shifted(word: tesseract.Word, dx: int, dy: int) -> tesseract.Word:
    return replace(word, left=word.left + dx, right=word.right + dx, top=word.top + dy, bottom=word.bottom + dy)


def _joined(words: list[tesseract.Word]) -> _Reading:
    words = [w for w in sorted(words, key=lambda w: (w.block, w.par, w.line, w.left)) if not _NOISE.match(w.text)]
    confs = [w.conf / 100 for w in words if w.conf >= 0]
    return _Reading(clean(" ".join(w.text for w in words)), float(np.mean(confs)) if confs else None, words)


def clean(text: str) -> str:
    """Drop what is left of erased rules: tokens made only of punctuation (|, —, _, ¬ …) at the
    ends of a cell's text."""
    tokens = text.split()
    while tokens and _NOISE.match(tokens[0]):
        tokens.pop(0)
    while tokens and _NOISE.match(tokens[-1]):
        tokens.pop()
    return " ".join(tokens)
