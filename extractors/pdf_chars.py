"""A PDF page's characters and their boxes, read from PDFium in one pass.

Asking PDFium for the boxes is most of reading a text page: one call per character. pypdfium2's
``get_charbox`` makes four ctypes doubles and type-checks every argument on each call (1.2 µs a
character); here the same PDFium function is called through a prototype without argument
conversion, into one reused buffer (0.35 µs). The boxes are kept as four lists of floats, side by
side, which the lines and the table cells read with slices rather than a tuple per character.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass, field
from itertools import compress, repeat
from operator import add, not_, sub, truediv

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

# FPDFText_GetCharBox(text_page, index, &left, &right, &bottom, &top) without argtypes: the
# caller passes ready-made ctypes arguments, so ctypes converts nothing. It does not release the
# GIL (a box is a few hundred nanoseconds; every PDFium call already runs under PDFIUM_LOCK).
_GET_CHAR_BOX = ctypes.PYFUNCTYPE(ctypes.c_int)(ctypes.cast(pdfium_c.FPDFText_GetCharBox, ctypes.c_void_p).value)


@dataclass
class PageChars:
    """A page's text in reading order and the boxes of its characters that are not spaces.

    ``at[k]`` is the position in ``text`` of the k-th such character; its box is ``left[k]``,
    ``bottom[k]``, ``right[k]``, ``top[k]`` in PDF space (origin bottom left). A space's box is
    never needed: lines and cells are placed by their visible characters.
    """

    text: str
    at: list[int]
    left: list[float]
    bottom: list[float]
    right: list[float]
    top: list[float]
    _centres: tuple[list[float], list[float]] | None = field(default=None, repr=False)

    def centres(self, page_height: float) -> tuple[list[float], list[float]]:
        """Each boxed character's centre, x and y, y top-down (computed once, for the tables)."""
        if self._centres is None:
            xs = list(map(truediv, map(add, self.left, self.right), repeat(2)))
            ys = list(map(sub, repeat(page_height), map(truediv, map(add, self.bottom, self.top), repeat(2))))
            self._centres = xs, ys
        return self._centres


def page_chars(textpage: pdfium.PdfTextPage) -> PageChars:
    """pdfium writes a hyphen that ends a line as \x02: it is a real hyphen ("45/QĐ-CĐYT")."""
    text = textpage.get_text_range().replace("\x02", "-")
    at = list(compress(range(len(text)), map(not_, map(str.isspace, text))))
    flat = memoryview(_boxes(textpage, at)).cast("d").tolist()
    return PageChars(text, at, flat[0::4], flat[1::4], flat[2::4], flat[3::4])


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
