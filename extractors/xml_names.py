"""Clark names of Word's XML tags ("w:p" → "{http://…/main}p"), each worked out once.

python-docx's qn splits the prefix and looks it up on every call; the readers ask for the same few
dozen names tens of thousands of times a document (a tenth of reading a .docx went there)."""

from __future__ import annotations

from functools import cache

from docx.oxml.ns import qn as _qn
from lxml import etree


@cache
def qn(tag: str) -> str:
    return _qn(tag)


def grandchild(element: etree._Element, child: str, tag: str) -> etree._Element | None:
    """``element.find("child/tag")`` (the first ``tag`` under any ``child``) walked in lxml's C
    iterators: find goes through ElementPath in Python (~3 µs against 1.6), and the readers ask for
    a run's font or a cell's span tens of thousands of times a document."""
    for parent in element.iterchildren(qn(child)):
        for found in parent.iterchildren(qn(tag)):
            return found
    return None
