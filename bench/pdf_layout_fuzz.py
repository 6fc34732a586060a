"""Lines and table cells of made-up pages, read by the code before pdf-speed and by this code.

    .venv/bin/python bench/pdf_layout_fuzz.py --base /work/wt-pdf-base [--pages 4000]

The city corpus (bench/pdf_extract_identity.py) comes from one generator and LibreOffice; the
pages made here go where it does not: characters without a width or with a negative one, tab
stops and wide gaps, spaces of every kind, \\r, \\n and \\r\\n, boxes with NaN, ±inf, ±0 and huge
values, merged and duplicate cell boxes. ``--base`` is a checkout from before pdf-speed (main at
f86bf64), whose page_lines and find_tables take a list of (character, box) pairs; its modules are
loaded beside this checkout's and given the same pages. Lines are compared by the repr of their
fields (so 0.0 and -0.0, or two NaN, count as what they are), tables by their cells; a page on
which the old code raises must raise the same error here.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import random
import sys
from pathlib import Path
from types import ModuleType

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extractors.pdf_chars import PageChars, is_space
from extractors.pdf_lines import page_lines
from extractors.pdf_tables import find_tables

LETTERS = "abcdeghiklmnopqrstuvxyđăâêôơưáàảãạếềểễệĐỀỂABCDEGHIKLMNOPQRSTUVXY0123456789.,;:-–()/"
SPACES = [" "] * 20 + ["\t", "\xa0", "\u2003", "\u3000", "\x0b"]
ODD = [float("nan"), float("inf"), -float("inf"), 0.0, -0.0, 1e308, -1e308]
NO_BOX = (0.0, 0.0, 0.0, 0.0)


def load(base: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"base_{name}", base / "extractors" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def made_up_page(rng: random.Random, odd: bool) -> tuple[float, str, list]:
    """A page height, its text and each character's box (None for a space or a line break)."""
    height = rng.choice([842.0, 595.2, 792.0, 1000.5])
    text, boxes = [], []
    y = rng.uniform(20, 60)
    for _ in range(rng.randint(0, 40)):
        x = rng.uniform(0, 200)
        y += rng.choice([0, 0, 12.5, 14.1, 30, rng.uniform(-5, 40)])
        size = rng.choice([10.0, 12.0, 13.0, 8.5])
        for _ in range(rng.randint(0, 60)):
            if rng.random() < 0.15:
                text.append(rng.choice(SPACES))
                boxes.append(None)
                x += size * 0.3
                continue
            width = size * rng.choice([0.5, 0.5, 0.55, 0.3, 0.7, 0.25])
            width = 0.0 if rng.random() < 0.05 else -1.0 if rng.random() < 0.02 else width
            x += rng.choice([0.0] * 10 + [size * 0.8, size * 2, size * 6, rng.uniform(0, 80)])
            bottom = height - y - rng.choice([0.0, 0.0, 2.5, -1.0, rng.uniform(-3, 3)])
            box = [x, bottom, x + width, bottom + size * rng.choice([0.7, 0.7, 0.9, 1.1])]
            if odd and rng.random() < 0.03:
                box[rng.randrange(4)] = rng.choice(ODD)
            text.append(rng.choice(LETTERS))
            boxes.append(tuple(box))
            x += max(width, 0)
        for ch in rng.choice(["\r\n", "\r\n", "\n", "\r", "\r\n\r\n"]):
            text.append(ch)
            boxes.append(None)
    return height, "".join(text), boxes


def page_chars(text: str, boxes: list) -> PageChars:
    space = is_space(text)
    at = np.flatnonzero(~space)
    left, bottom, right, top = np.array([boxes[i] for i in at.tolist()], dtype=np.float64).reshape(-1, 4).T.copy()
    return PageChars(text, space, at, left, bottom, right, top)


def cell_groups(rng: random.Random, height: float) -> list[list[tuple[float, float, float, float]]]:
    xs = sorted({round(rng.uniform(0, 500), 1) for _ in range(rng.randint(2, 7))})
    ys = sorted({round(rng.uniform(0, height), 1) for _ in range(rng.randint(2, 9))})
    boxes = []
    for i in range(len(ys) - 1):
        for j in range(len(xs) - 1):
            if rng.random() < 0.15 and j + 2 < len(xs):
                boxes.append((xs[j] + rng.uniform(-0.04, 0.04), ys[i], xs[j + 2], ys[i + 1]))
            if rng.random() < 0.1 and i + 2 < len(ys):
                boxes.append((xs[j], ys[i], xs[j + 1], ys[i + 2]))
            if rng.random() < 0.9:
                boxes.append((xs[j], ys[i], xs[j + 1], ys[i + 1]))
    rng.shuffle(boxes)
    if boxes and rng.random() < 0.2:
        boxes.append(boxes[0])
    return [boxes, boxes[:len(boxes) // 3]]


def outcome(read: object, *args: object) -> object:
    """What a reading gives, field by field (repr: 0.0 and -0.0, or two NaN, are told apart)."""
    try:
        result = read(*args)
    except Exception as e:  # the old code's errors are part of what must stay the same
        return ("raised", type(e).__name__, str(e))
    return [repr(_fields(item)) for item in result]


def _fields(item: object) -> tuple:
    if hasattr(item, "rows"):  # a table
        cells = [[c.model_dump() for c in row] for row in item.rows]
        return item.page, item.x0, item.top, item.x1, item.bottom, cells
    return dataclasses.astuple(item)  # a line


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", type=Path, required=True, help="checkout from before pdf-speed")
    parser.add_argument("--pages", type=int, default=4000)
    args = parser.parse_args()
    old_lines, old_tables = load(args.base, "pdf_lines"), load(args.base, "pdf_tables")
    differing, raised = [], 0
    for seed in range(args.pages):
        rng = random.Random(seed)
        height, text, boxes = made_up_page(rng, odd=seed % 5 == 0)
        old_chars = [(ch, box or NO_BOX) for ch, box in zip(text, boxes, strict=True)]
        chars = page_chars(text, boxes)
        old = outcome(old_lines.page_lines, old_chars, height)
        raised += isinstance(old, tuple)
        if old != outcome(page_lines, chars, height):
            differing.append(f"lines of page {seed}")
            continue
        groups = cell_groups(rng, height)
        if outcome(old_tables.find_tables, groups, old_chars, height, 1) != outcome(find_tables, groups, chars,
                                                                                   height, 1):
            differing.append(f"tables of page {seed}")
    print(f"{args.pages} made-up pages: {len(differing)} differ; on {raised} both raise the same error")
    for what in differing:
        print(f"  differs: {what}")
    sys.exit(1 if differing else 0)


if __name__ == "__main__":
    main()
