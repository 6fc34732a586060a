"""Turn a text PDF into what a scanner gives back: JPEG page images, no text layer.

Each page is rendered at 200 dpi in grey; the last page gets a signature scribble and a red
round stamp partly over the signature block (found by searching the page text); then the sheet
is skewed a little, scanner noise is added, and pages are saved as a PDF of JPEG images.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFont

DPI = 200
STAMP_RED = (205, 35, 45)
INK_BLUE = (30, 45, 140)
STAMP_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
FIXED_DATE = dt.datetime(2023, 12, 14, 9, 30, 0).timetuple()  # Pillow wants a struct_time


@dataclass(frozen=True)
class ScanOptions:
    skew_degrees: float
    seed: int
    signature_anchor: str  # text of the signature title, e.g. "HIỆU TRƯỞNG"
    stamp_text: str  # around the stamp's rim (the unit's name in capitals)
    rotate_page: int | None = None  # 0-based page turned by 90° (fed sideways)
    quality: int = 75


def scan_pdf(src: Path, dst: Path, options: ScanOptions) -> dict:
    """Write the scanned PDF; return facts for the ground truth (stamp page, angles)."""
    rng = random.Random(options.seed)
    doc = pdfium.PdfDocument(src)
    images, stamped = [], None
    try:
        for index in range(len(doc)):
            page = doc[index]
            image = page.render(scale=DPI / 72, grayscale=True).to_pil().convert("RGB")
            anchor = _find_text(page, options.signature_anchor)
            if anchor is not None:
                _sign_and_stamp(image, anchor, page.get_height(), options.stamp_text, rng)
                stamped = index
            page.close()
            image = _skew(image, options.skew_degrees)
            if index == options.rotate_page:
                image = image.transpose(Image.Transpose.ROTATE_90)
            images.append(_noise(image, rng))
    finally:
        doc.close()
    images[0].save(dst, "PDF", save_all=True, append_images=images[1:], resolution=DPI,
                   quality=options.quality, creationDate=FIXED_DATE, modDate=FIXED_DATE)
    return {"stamp_page": None if stamped is None else stamped + 1}


def _find_text(page, text: str) -> tuple[float, float, float, float] | None:
    """Box (left, bottom, right, top, PDF points) of the first occurrence of text on a page."""
    textpage = page.get_textpage()
    try:
        searcher = textpage.search(text, match_case=True)
        found = searcher.get_next()
        if not found:
            return None
        start, count = found
        boxes = [textpage.get_charbox(i) for i in range(start, start + count)]
        return (min(b[0] for b in boxes), min(b[1] for b in boxes),
                max(b[2] for b in boxes), max(b[3] for b in boxes))
    finally:
        textpage.close()


def _sign_and_stamp(image: Image.Image, anchor, page_height: float, stamp_text: str,
                    rng: random.Random) -> None:
    scale = DPI / 72
    left, bottom, right, _top = (v * scale for v in anchor)
    bottom_px = page_height * scale - bottom  # image rows grow downwards
    centre_x = (left + right) / 2
    # The signature sits in the blank lines between the title and the name.
    _scribble(image, centre_x, bottom_px + 0.45 * DPI, rng)
    radius = int(0.8 * DPI)  # a 4 cm stamp
    stamp_centre = (int(left - 0.15 * DPI), int(bottom_px + 0.55 * DPI))
    _stamp(image, stamp_centre, radius, stamp_text)


def _scribble(image: Image.Image, x: float, y: float, rng: random.Random) -> None:
    draw = ImageDraw.Draw(image)
    points, px = [], x - 0.6 * DPI
    for _ in range(14):
        px += rng.uniform(0.05, 0.12) * DPI
        points.append((px, y + rng.uniform(-0.18, 0.18) * DPI))
    draw.line(points, fill=INK_BLUE, width=4, joint="curve")


def _stamp(image: Image.Image, centre: tuple[int, int], radius: int, text: str) -> None:
    """A red round seal: two rings, the name around the rim, a star in the middle; blended so
    the print below stays visible (multiply), as ink on paper."""
    size = 2 * radius + 8
    layer = Image.new("RGB", (size, size), "white")
    draw = ImageDraw.Draw(layer)
    c = size // 2
    for r, width in ((radius, 7), (int(radius * 0.68), 4)):
        draw.ellipse((c - r, c - r, c + r, c + r), outline=STAMP_RED, width=width)
    _rim_text(layer, c, int(radius * 0.84), text)
    _star(draw, c, int(radius * 0.3))
    region = image.crop((centre[0] - c, centre[1] - c, centre[0] - c + size, centre[1] - c + size))
    blended = np.asarray(region, dtype=np.float32) * np.asarray(layer, dtype=np.float32) / 255
    image.paste(Image.fromarray(blended.astype(np.uint8)), (centre[0] - c, centre[1] - c))


def _rim_text(layer: Image.Image, c: int, r: int, text: str) -> None:
    font = ImageFont.truetype(STAMP_FONT, 22)
    step = 2 * math.pi / (len(text) + 4)
    for i, ch in enumerate(text):
        angle = -math.pi / 2 + (i - len(text) / 2) * step
        glyph = Image.new("L", (34, 34), 0)
        ImageDraw.Draw(glyph).text((17, 17), ch, font=font, fill=255, anchor="mm")
        glyph = glyph.rotate(-math.degrees(angle) - 90, resample=Image.Resampling.BICUBIC)
        x, y = c + r * math.cos(angle) - 17, c + r * math.sin(angle) - 17
        layer.paste(Image.new("RGB", glyph.size, STAMP_RED), (int(x), int(y)), glyph)


def _star(draw: ImageDraw.ImageDraw, c: int, r: int) -> None:
    points = []
    for k in range(10):
        radius = r if k % 2 == 0 else r * 0.4
        angle = -math.pi / 2 + k * math.pi / 5
        points.append((c + radius * math.cos(angle), c + radius * math.sin(angle)))
    draw.polygon(points, fill=STAMP_RED)


def _skew(image: Image.Image, degrees: float) -> Image.Image:
    return image.rotate(degrees, resample=Image.Resampling.BICUBIC, fillcolor=(255, 255, 255))


def _noise(image: Image.Image, rng: random.Random) -> Image.Image:
    """Paper tone, grain and a few specks."""
    np_rng = np.random.default_rng(rng.randrange(2**32))
    pixels = np.asarray(image, dtype=np.float32) * 0.96 + 6
    pixels += np_rng.normal(0, 4, pixels.shape[:2])[..., None]
    specks = np_rng.random(pixels.shape[:2]) < 0.0004
    pixels[specks] = 60
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
