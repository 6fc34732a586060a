"""Finding the criteria table in a document and reading its rows cell by cell.

The columns are found by their header words (pipeline/understanding/rules/table_headers.yaml): a
code column ("Mã") wins over a running ordinal ("STT"); one points column or three ("Chuẩn |
Thưởng | Trừ"); a guidance column; a group column merged down each group (named "Nhóm", or any
column whose cells are mostly merged vertically). Tables that follow with the same number of
columns continue the table over a page break; header rows repeated inside it are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.config.rubric import GroupKind
from pipeline.core.model import Block, Cell, Document, Provenance
from pipeline.core.textnorm import fold
from pipeline.criteria.codes import parse_code
from pipeline.understanding.rules import header_roles
from pipeline.understanding.selfscore_checks import score_number
from pipeline.understanding.table_columns import TableLayout, find_layout, header_text, roles_named

ROLES = header_roles("self", "verified", "guidance", "note", "bonus", "deduction", "max", "group", "code",
                     "ordinal", "label")
_POINT_COLUMNS = (("max", GroupKind.STANDARD), ("bonus", GroupKind.BONUS), ("deduction", GroupKind.DEDUCTION))
_NUMBER = re.compile(r"\d")
_MERGED_DOWN_SHARE = 0.3  # a column merged down over this share of rows groups them


@dataclass
class RawRow:
    """One data row of the criteria table, cell texts as written (line breaks kept)."""

    where: str  # "bảng 1, dòng 5" (or with the page, for PDFs)
    provenance: Provenance
    code: str
    label: str
    points: dict[GroupKind | None, str]  # None: the only points column (kind from sign or section)
    guidance: str
    group: tuple[tuple[int, int], str] | None  # the group column: (origin of its merged cell, text)
    self_score: str
    code_alternatives: list[str] = field(default_factory=list)  # other readings OCR made of the code cell


def criteria_layout(block: Block) -> TableLayout | None:
    """The columns of a criteria table (code or label, and points), or None."""
    layout = find_layout(block, ROLES, _usable, is_header_row)
    if layout is None or not all(_looks_like_header(block.rows[r]) for r in range(layout.header_rows)):
        return None  # a data row whose words happen to name columns ("Mỗi nội dung … tối đa 5")
    if any(_names_a_listing(c.text) for r in range(layout.header_rows) for c in block.rows[r]):
        return None  # units' points and ranks (a tờ trình's or a biên bản's list), not criteria
    columns = dict(layout.columns)
    if "code" not in columns and "ordinal" in columns:
        columns["code"] = columns.pop("ordinal")
    columns.pop("ordinal", None)
    if "code" not in columns and "label" in columns:
        _find_unnamed_code_column(block, layout.header_rows, columns)
    _find_group_column(block, layout.header_rows, columns)
    return TableLayout(layout.header_rows, columns)


# Columns of a list of units or people (its unit, rank and award columns): never a criteria table's.
_LISTING_WORDS = {w for _, words in header_roles("unit", "person", "rank", "award") for w in words}


def _names_a_listing(text: str) -> bool:
    return " ".join(re.sub(r"[^\w\s]|_", " ", fold(text)).split()) in _LISTING_WORDS


def _usable(columns: dict[str, int]) -> bool:
    return any(k in columns for k in ("max", "bonus", "deduction")) and any(
        k in columns for k in ("label", "code", "ordinal"))


def is_header_row(row: list[Cell]) -> bool:
    """Every written cell is a column name ("TT | Tiêu chí | | Tự chấm"). Two cells at least, so
    a section row "ĐIỂM TRỪ" (a column word too) is never taken for a header."""
    texts = list(dict.fromkeys(c.text for c in row if c.text.strip()))
    return len(texts) >= 2 and all(_is_column_name(t) for t in texts)


def _looks_like_header(row: list[Cell]) -> bool:
    """Header cells are short names without numbers."""
    return all(not _NUMBER.search(c.text) and len(c.text) < 80 for c in row)


def _is_column_name(text: str) -> bool:
    """A header cell: short, no number, naming a column's role as the layout reads it (a PDF's
    "ST T" broken in a narrow column included: a second header row under it is still header)."""
    folded = header_text(text)
    return not _NUMBER.search(folded) and len(folded) < 60 and bool(roles_named(folded, ROLES))


def _find_unnamed_code_column(block: Block, header_rows: int, columns: dict[str, int]) -> None:
    """A column before the content whose header was not read (OCR made "STT" into "I") but whose
    cells are short, like codes: the code column."""
    taken = set(columns.values())
    rows = block.rows[header_rows:]
    for c in range(columns["label"]):
        if c in taken or not rows:
            continue
        texts = [row[c].text for row in rows if c < len(row) and row[c].merged_from is None and row[c].text]
        if texts and sum(len(t) <= 8 for t in texts) >= 0.8 * len(texts):
            columns["code"] = c
            return


def _find_group_column(block: Block, header_rows: int, columns: dict[str, int]) -> None:
    """A column merged down each group: named so, or unnamed, or the code column when its cells
    are mostly merged vertically (then codes are read from the content cells)."""
    if "group" in columns:
        return
    rows = block.rows[header_rows:]
    if len(rows) < 4:
        return
    taken = set(columns.values())
    for c in range(len(block.rows[0])):
        if c in taken and c != columns.get("code"):
            continue
        merged = sum(1 for r, row in enumerate(rows, start=header_rows)
                     if c < len(row) and row[c].merged_from is not None and row[c].merged_from[0] < r
                     and row[c].merged_from[1] == c)
        if merged / len(rows) > _MERGED_DOWN_SHARE:
            if columns.get("code") == c:
                del columns["code"]
            columns["group"] = c
            return


def criteria_tables(doc: Document) -> list[tuple[Block, TableLayout]]:
    """The criteria table and the tables continuing it (same number of columns, header repeated
    or not)."""
    tables = doc.tables()
    for i, block in enumerate(tables):
        layout = criteria_layout(block)
        if layout is None:
            continue
        found = [(block, layout)]
        width = len(block.rows[0])
        header = [_folded_row(block.rows[r]) for r in range(layout.header_rows)]
        for nxt in tables[i + 1:]:
            if not nxt.rows or len(nxt.rows[0]) != width:
                break
            # The same columns go on; a header is repeated exactly or not at all (a merged group row
            # "IV. ĐIỂM THƯỞNG" starting the next table is data, whatever its words).
            repeated = 0
            while repeated < min(len(header), len(nxt.rows)) and _folded_row(nxt.rows[repeated]) == header[repeated]:
                repeated += 1
            found.append((nxt, TableLayout(repeated, layout.columns)))
        return found
    return []


def _folded_row(row: list[Cell]) -> list[str]:
    return [" ".join(fold(c.text).split()) for c in row]


def self_scores_filled(tables: list[tuple[Block, TableLayout]]) -> bool:
    """Whether a self-score column (a unit's table) holds scores, as the self-scoring reader reads
    them ("9,5", "3,5/5"); an empty one is a template."""
    for block, layout in tables:
        column = layout.columns.get("self")
        if column is None:
            continue
        for row in block.rows[layout.header_rows:]:
            if column < len(row) and score_number(row[column].text) is not None:
                return True
    return False


def read_rows(tables: list[tuple[Block, TableLayout]]) -> list[RawRow]:
    rows = _rows(tables)
    _fill_split_group_cells(rows)
    return rows


def _fill_split_group_cells(rows: list[RawRow]) -> None:
    """A group cell merged down over a page break is drawn as two boxes, and its words land in
    one of them: rows with an empty group cell belong to the group above (the box below the
    break), unless one of them starts a numbering afresh ("a", "1"), which starts the group whose
    words come next (the box above the break)."""
    i = 0
    while i < len(rows):
        if rows[i].group is None or rows[i].group[1]:
            i += 1
            continue
        end = i
        while end < len(rows) and rows[end].group is not None and not rows[end].group[1]:
            end += 1
        above = next((r.group for r in reversed(rows[:i]) if r.group and r.group[1]), None)
        below = rows[end].group if end < len(rows) and rows[end].group and rows[end].group[1] else None
        fresh = next((k for k in range(i, end) if _starts_numbering(rows[k].code)), end)
        for k in range(i, end):
            rows[k].group = (below if k >= fresh else above) or rows[k].group
        i = end


def _starts_numbering(code: str) -> bool:
    parsed = parse_code(code) if code else None
    return parsed is not None and parsed.parts[-1] in ("1", "a", "A", "I")


def _rows(tables: list[tuple[Block, TableLayout]]) -> list[RawRow]:
    rows: list[RawRow] = []
    for block, layout in tables:
        for r in range(layout.header_rows, len(block.rows)):
            cells = block.rows[r]
            if is_header_row(cells):
                continue  # a header repeated after a page break
            provenance = block.provenance.model_copy(update={"row": r})
            row = _read_row(cells, r, layout.columns, provenance)
            if row.code or row.label or any(row.points.values()) or row.guidance:
                rows.append(row)
    return rows


def _read_row(cells: list[Cell], r: int, cols: dict[str, int], provenance: Provenance) -> RawRow:
    """One row's cells by role. A cell merged across the row (a group title spanning the code or
    points columns) counts once, as the label."""

    def text(role: str) -> str:
        c = cols.get(role)
        return cells[c].text.strip() if c is not None and c < len(cells) else ""

    def origin(role: str) -> tuple[int, int] | None:
        c = cols.get(role)
        return (cells[c].merged_from or (r, c)) if c is not None and c < len(cells) else None

    label_origin = origin("label")
    code = text("code") if origin("code") not in (None, label_origin) else ""
    label = text("label") or (text("code") if origin("code") == label_origin or "label" not in cols else "")
    points: dict[GroupKind | None, str] = {}
    multi = sum(role in cols for role, _ in _POINT_COLUMNS) > 1
    for role, kind in _POINT_COLUMNS:
        if role in cols and origin(role) not in (label_origin, origin("code")):
            points[kind if multi else None] = text(role)
    group = None
    if "group" in cols and cols["group"] < len(cells) and origin("group") != label_origin:
        group = (origin("group"), cells[cols["group"]].text.strip())
    guidance = text("guidance") if origin("guidance") != label_origin else ""
    alternatives = cells[cols["code"]].alternatives if code and "code" in cols else []
    return RawRow(where=provenance.describe(), provenance=provenance, code=code, label=label, points=points,
                  code_alternatives=list(alternatives),
                  guidance=guidance, group=group, self_score=text("self"))
