"""Clark names of Word's XML tags ("w:p" → "{http://…/main}p"), each worked out once.

python-docx's qn splits the prefix and looks it up on every call; the readers ask for the same few
dozen names tens of thousands of times a document (a tenth of reading a .docx went there)."""

from __future__ import annotations

from functools import cache

from docx.oxml.ns import qn as _qn


@cache
def qn(tag: str) -> str:
    return _qn(tag)
