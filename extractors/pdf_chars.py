"""A PDF page's characters and their boxes, read from PDFium in one pass.

Asking PDFium for the boxes is most of reading a text page: one call per character. pypdfium2's
``get_charbox`` makes four ctypes doubles and type-checks every argument on each call (1.2 µs a
character); here the same PDFium function is called through a prototype without argument
conversion, into one reused buffer (0.27 µs). The boxes are kept as four numpy arrays, side by
side, which lines and table cells work on a page at a time rather than a tuple per character.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

# FPDFText_GetCharBox(text_page, index, &left, &right, &bottom, &top) without argtypes: the
# caller passes ready-made ctypes arguments, so ctypes converts nothing. It does not release the
# GIL (a box is a few hundred nanoseconds; every PDFium call already runs under PDFIUM_LOCK).
_GET_CHAR_BOX = ctypes.PYFUNCTYPE(ctypes.c_int)(ctypes.cast(pdfium_c.FPDFText_GetCharBox, ctypes.c_void_p).value)

# str.isspace() of every code point up to U+3000 (ideographic space), the last one that is a space
# (tests/test_extract_pdf.py checks that none above is): spaces found for a whole page at once.
_LAST_SPACE = 0x3000
_IS_SPACE = np.array([chr(c).isspace() for c in range(_LAST_SPACE + 1)] + [False])


@dataclass
class PageChars:
    """A page's text in reading order and the boxes of its characters that are not spaces.

    ``at[k]`` is the position in ``text`` of the k-th such character; its box is ``left[k]``,
    ``bottom[k]``, ``right[k]``, ``top[k]`` in PDF space (origin bottom left). A space's box is
    never needed: lines and cells are placed by their visible characters.
    """

    text: str
    space: np.ndarray  # per position of the text: str.isspace()
    at: np.ndarray
    left: np.ndarray
    bottom: np.ndarray
    right: np.ndarray
    top: np.ndarray


def page_chars(textpage: pdfium.PdfTextPage) -> PageChars:
    """pdfium writes a hyphen that ends a line as \x02: it is a real hyphen ("45/QĐ-CĐYT")."""
    text = textpage.get_text_range().replace("\x02", "-")
    space = is_space(text)
    at = np.flatnonzero(~space)
    boxes = np.frombuffer(_boxes(textpage, at.tolist()), dtype=np.float64).reshape(-1, 4)
    left, bottom, right, top = boxes.T.copy()  # each side contiguous
    return PageChars(text, space, at, left, bottom, right, top)


def is_space(text: str) -> np.ndarray:
    """``[ch.isspace() for ch in text]`` as an array."""
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    return _IS_SPACE[np.minimum(codes, _LAST_SPACE + 1)]


def _boxes(textpage: pdfium.PdfTextPage, indices: list[int]) -> bytearray:
    """The boxes of the characters at ``indices``, as doubles (left, bottom, right, top) each."""
    box = (ctypes.c_double * 4)()
    left, bottom, right, top = (ctypes.byref(box, i * ctypes.sizeof(ctypes.c_double)) for i in range(4))
    handle = ctypes.c_void_p(ctypes.cast(textpage.raw, ctypes.c_void_p).value)
    get_box, out = _GET_CHAR_BOX, bytearray()
    for index in indices:
        if not get_box(handle, index, left, right, bottom, top):  # PDFium's order: l, r, b, t
            raise pdfium.PdfiumError("Failed to get charbox.")
        out += box
    return out
