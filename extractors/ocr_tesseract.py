"""Running Tesseract: one image, or many small images (table cells) in one process.

Tesseract is run as a program (Debian's tesseract-ocr packages), one thread each: on two cores
its own threading is 4–5× slower (shared/stack.md). Its TSV output gives every word's box and
confidence. Each run holds one of the run's Tesseract slots (ocr_slots), so pages OCR'd side by
side in several workers never run more Tesseracts than there are slots, and dies with the thread
that started it, so a reader killed for its time limit leaves no Tesseract running.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
from PIL import Image

from extractors.ocr_slots import slot
from pipeline.core.processes import kill_now

TIMEOUT = 180


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
    page: int = 1

    @property
    def cx(self) -> float:
        return (self.left + self.right) / 2

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2


@cache
def languages() -> frozenset[str]:
    """The language models installed ('vie', 'eng' …); none when Tesseract is missing."""
    if not shutil.which("tesseract"):
        return frozenset()
    try:
        listed = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return frozenset()
    return frozenset(listed.stdout.split())


def tesseract_ready() -> bool:
    return "vie" in languages()


def env() -> dict[str, str]:
    return {**os.environ, "OMP_THREAD_LIMIT": "1"}


def png(image: Image.Image) -> bytes:
    """PNG bytes, barely compressed: zlib's default level costs more time than the OCR of a page."""
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=1)
    return buffer.getvalue()


def run(arguments: list[str], image: bytes | None = None) -> bytes:
    """Tesseract's standard output for ``arguments``, run in a slot; raises
    subprocess.TimeoutExpired after TIMEOUT seconds (the process is killed)."""
    with slot() as held:
        result = subprocess.run(["tesseract", *arguments], input=image, capture_output=True, timeout=TIMEOUT,
                                env=env(), pass_fds=held, preexec_fn=kill_now)
    return result.stdout


def read_image(image: Image.Image, psm: int, lang: str = "vie", whitelist: str | None = None) -> list[Word]:
    return parse_tsv(run(["stdin", "stdout", "-l", lang, "--psm", str(psm), *_options(whitelist), "tsv"],
                         png(image)))


def read_images(images: Sequence[np.ndarray], psm: int, lang: str = "vie",
                whitelist: str | None = None) -> list[list[Word]]:
    """Each image read on its own (its own page, so its own layout and line), all in one
    Tesseract process: the model is loaded once, not once per cell."""
    if not images:
        return []
    with tempfile.TemporaryDirectory(prefix="tdkt-ocr-") as folder:
        names = []
        for i, pixels in enumerate(images):
            name = Path(folder) / f"{i:05d}.pgm"
            Image.fromarray(pixels).save(name)
            names.append(str(name))
        listing = Path(folder) / "images.txt"
        listing.write_text("\n".join(names) + "\n")
        output = run([str(listing), "stdout", "-l", lang, "--psm", str(psm), *_options(whitelist), "tsv"])
    out: list[list[Word]] = [[] for _ in images]
    for word in parse_tsv(output):
        if 1 <= word.page <= len(out):
            out[word.page - 1].append(word)
    return out


def _options(whitelist: str | None) -> list[str]:
    return ["-c", f"tessedit_char_whitelist={whitelist}"] if whitelist else []


def parse_tsv(output: bytes) -> list[Word]:
    words = []
    reader = csv.DictReader(io.StringIO(output.decode("utf-8", "replace")), delimiter="\t",
                            quoting=csv.QUOTE_NONE)
    for row in reader:
        text = (row.get("text") or "").strip()
        if row.get("level") != "5" or not text:
            continue
        left, top = int(row["left"]), int(row["top"])
        words.append(Word(text, left, top, left + int(row["width"]), top + int(row["height"]),
                          float(row["conf"]), int(row["block_num"]), int(row["par_num"]), int(row["line_num"]),
                          int(row["page_num"])))
    return words
