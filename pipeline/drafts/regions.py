"""Data regions: the parts of a draft that tdkt may rewrite after reviewers edited it.

A template marks each part written from the decision (a ballot table, the list of proposals)
with a Word bookmark named ``tdkt_…``. Bookmarks survive editing in Word and LibreOffice, so
``tdkt finalize`` can replace exactly those parts in the reviewers' copy with freshly rendered
ones and leave every other paragraph, including the reviewers' rewording, as it is.

Word may move a bookmark that sits between paragraphs into the neighbouring paragraph; both
placements are understood.
"""

from __future__ import annotations

import copy

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

PREFIX = "tdkt_"
_BLOCKS = (qn("w:p"), qn("w:tbl"))


def mark_region(first: etree._Element, last: etree._Element, name: str, bookmark_id: int) -> None:
    """Bookmark the body blocks ``first`` … ``last``. The marks go inside the first and last
    paragraphs: LibreOffice drops a bookmark that starts or ends between blocks."""
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(bookmark_id))
    start.set(qn("w:name"), PREFIX + name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(bookmark_id))
    if first.tag == qn("w:p"):
        ppr = first.find(qn("w:pPr"))
        if ppr is not None:
            ppr.addnext(start)
        else:
            first.insert(0, start)
    else:
        first.addprevious(start)
    if last.tag == qn("w:p"):
        last.append(end)
    else:
        last.addnext(end)


def region_names(body: etree._Element) -> list[str]:
    names = [el.get(qn("w:name"), "") for el in body.iter(qn("w:bookmarkStart"))]
    return list(dict.fromkeys(n.removeprefix(PREFIX) for n in names if n.startswith(PREFIX)))


def _top(body: etree._Element, el: etree._Element) -> etree._Element:
    while el.getparent() is not body:
        el = el.getparent()
    return el


def _marks(body: etree._Element, name: str) -> tuple[list[etree._Element], list[etree._Element]]:
    """The region's bookmark starts and ends. LibreOffice saves a bookmark spanning paragraphs as a
    start with no end plus a second start-end pair of the same name in the last paragraph, so
    the region runs from the first start of that name to the last end of any of them."""
    starts = [el for el in body.iter(qn("w:bookmarkStart")) if el.get(qn("w:name")) == PREFIX + name]
    ids = {el.get(qn("w:id")) for el in starts}
    ends = [el for el in body.iter(qn("w:bookmarkEnd")) if el.get(qn("w:id")) in ids]
    return starts, ends


def _bounds(body: etree._Element, name: str) -> tuple[list[etree._Element], int, int] | None:
    """(the region's marks, first index, last index) of its body blocks; None if it is gone."""
    starts, ends = _marks(body, name)
    if not starts or not ends:
        return None
    start, end = starts[0], ends[-1]
    children = list(body)
    top_start, top_end = _top(body, start), _top(body, end)
    first = children.index(top_start) + (1 if top_start is start else 0)
    last = children.index(top_end) - (1 if top_end is end else 0)
    return [*starts, *ends], first, last


def region_blocks(body: etree._Element, name: str) -> list[etree._Element] | None:
    bounds = _bounds(body, name)
    if bounds is None:
        return None
    children = list(body)
    return [el for el in children[bounds[1]: bounds[2] + 1] if el.tag in _BLOCKS]


def replace_region(target: etree._Element, source: etree._Element, name: str) -> bool:
    """Put ``source``'s region ``name`` in place of ``target``'s; False if either lacks it."""
    new = region_blocks(source, name)
    bounds = _bounds(target, name)
    if not new or bounds is None:
        return False
    marks, first, last = bounds
    children = list(target)
    old = [el for el in children[first: last + 1] if el.tag in _BLOCKS]
    bookmark_id = int(marks[0].get(qn("w:id")))
    source_ids = {el.get(qn("w:id")) for el in _marks(source, name)[0]}
    clones = []
    for block in new:
        clone = copy.deepcopy(block)
        for mark in [*clone.iter(qn("w:bookmarkStart")), *clone.iter(qn("w:bookmarkEnd"))]:
            if mark.get(qn("w:id")) in source_ids:
                mark.getparent().remove(mark)
        clones.append(clone)
    anchor = old[0] if old else _top(target, marks[0])
    for clone in clones:
        if old:
            anchor.addprevious(clone)
        else:
            anchor.addnext(clone)
            anchor = clone
    for block in old:
        target.remove(block)
    for mark in marks:
        if mark.getparent() is not None:
            mark.getparent().remove(mark)
    mark_region(clones[0], clones[-1], name, bookmark_id)
    return True


BLANK = "……"  # what a draft leaves for the meeting to fill in


def _text(el: etree._Element) -> str:
    return " ".join("".join(t.text or "" for t in el.iter(qn("w:t"))).split())


def _cell_texts(tbl: etree._Element) -> list[list[str]]:
    return [[_text(tc) for tc in tr.iter(qn("w:tc"))] for tr in tbl.iter(qn("w:tr"))]


def _fill_in_columns(rows: list[list[str]]) -> set[int]:
    """Columns left blank ('……') in every data row: what the meeting fills in by hand."""
    data = rows[1:]
    if not data:
        return set()
    return {c for c in range(len(data[0])) if all(c < len(r) and r[c] == BLANK for r in data)}


def region_text(blocks: list[etree._Element], masks: list[set[int]] | None = None) -> list[str]:
    """The region's words, paragraph by paragraph and cell by cell; ``masks`` (per table) are
    fill-in columns left out, so filling in the blanks does not count as rewording."""
    texts: list[str] = []
    table = 0
    for block in blocks:
        if block.tag == qn("w:tbl"):
            mask = masks[table] if masks and table < len(masks) else set()
            table += 1
            for row in _cell_texts(block):
                texts.append(" | ".join(t for c, t in enumerate(row) if c not in mask))
        else:
            text = _text(block)
            if text:
                texts.append(text)
    return texts


def fill_in_masks(blocks: list[etree._Element]) -> list[set[int]]:
    return [_fill_in_columns(_cell_texts(b)) for b in blocks if b.tag == qn("w:tbl")]


def carry_filled_in(old_blocks: list[etree._Element], new_blocks: list[etree._Element]) -> int:
    """Copy what the meeting wrote in blank columns (votes, %) from the old tables into the new
    ones, matching rows on the columns before the first blank one (unit, award, …) so votes cast
    for one proposal never land on another. Returns the number of cells carried."""
    old_tables = [b for b in old_blocks if b.tag == qn("w:tbl")]
    new_tables = [b for b in new_blocks if b.tag == qn("w:tbl")]
    carried = 0
    for old, new in zip(old_tables, new_tables, strict=False):
        new_texts = _cell_texts(new)
        blank_cols = _fill_in_columns(new_texts)
        if not blank_cols:
            continue
        key_cols = range(1, min(blank_cols))  # column 0 is the running number

        def key(row: list[str], key_cols: range = key_cols) -> tuple[str, ...]:
            return tuple(row[c] if c < len(row) else "" for c in key_cols)

        old_by_key = {key(r): r for r in _cell_texts(old)[1:]}
        for tr, texts in zip(list(new.iter(qn("w:tr")))[1:], new_texts[1:], strict=False):
            written = old_by_key.get(key(texts))
            if not written:
                continue
            cells = list(tr.iter(qn("w:tc")))
            for c in sorted(blank_cols):
                if c < len(cells) and c < len(written) and written[c] not in ("", BLANK):
                    set_cell_text(cells[c], written[c])
                    carried += 1
    return carried


def set_cell_text(cell: object, text: str) -> None:
    """Type over a cell as Word does: its first run takes the text (and keeps its formatting), the
    others are emptied. ``cell`` is a python-docx cell or a ``w:tc`` element."""
    tc = getattr(cell, "_tc", cell)
    texts = list(tc.iter(qn("w:t")))
    if not texts:
        paragraph = tc.find(qn("w:p"))
        run = OxmlElement("w:r")
        texts = [OxmlElement("w:t")]
        run.append(texts[0])
        paragraph.append(run)
    texts[0].text = text
    for t in texts[1:]:
        t.text = ""
