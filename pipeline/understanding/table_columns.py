"""Which column of a table holds what, from its header rows (one, two or three merged rows).

Shared by the self-scoring table reader and the criteria document import: each gives its own
roles (role → header words), what a usable header must have, and how to tell a further header row.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from pipeline.model import Block, Cell
from pipeline.textnorm import fold

Roles = list[tuple[str, tuple[str, ...]]]


@dataclass
class TableLayout:
    header_rows: int
    columns: dict[str, int]
    stt_codes: bool = False  # the code column is an STT column (it may only count the rows)


def find_layout(block: Block, roles: Roles, usable: Callable[[dict[str, int]], bool],
                more_header: Callable[[list[Cell]], bool]) -> TableLayout | None:
    """The first header depth (1–3 rows) whose columns are ``usable``, going on while the next row
    is still header text (a two-row header with merged cells)."""
    for header_rows in (1, 2, 3):
        if len(block.rows) <= header_rows:
            break
        columns = assign_roles(column_labels(block, header_rows), roles)
        if usable(columns):
            if header_rows < 3 and more_header(block.rows[header_rows]):
                continue
            return TableLayout(header_rows, columns)
    return None


def column_labels(block: Block, header_rows: int) -> list[str]:
    labels = []
    for c in range(len(block.rows[0])):
        parts: list[str] = []
        for r in range(header_rows):
            # Punctuation in a header is noise (what OCR leaves of a rule: "Điểm tự _ chấm").
            text = " ".join(re.sub(r"[^\w\s]|_", " ", fold(block.rows[r][c].text)).split())
            if text and text not in parts:
                parts.append(text)
        labels.append(" ".join(parts))
    return labels


def assign_roles(labels: list[str], roles: Roles) -> dict[str, int]:
    """Each column to the role whose header words it has most specifically: the longest word
    found wins ("Nội dung tiêu chí chấm điểm" is the content, not a points column for its
    "điểm"; "Điểm tự chấm" is the self score), the readers' role order breaking ties. A role is
    taken by the first column that claims it; a later column falls back to its next role."""
    columns: dict[str, int] = {}
    for c, label in enumerate(labels):
        found = []
        for order, (role, words) in enumerate(roles):
            longest = max((len(w) for w in words if re.search(rf"(^|\W){re.escape(w)}(\W|$)", label)), default=0)
            if longest:
                found.append((-longest, order, role))
        if not found:
            # A short header a PDF broke inside a narrow column ("ST T" for "STT", "Mã s ố").
            compact = label.replace(" ", "")
            found = [(0, order, role) for order, (role, words) in enumerate(roles)
                     if compact and any(compact == w.replace(" ", "") for w in words)]
        for _, _, role in sorted(found):
            if role not in columns:
                columns[role] = c
                break
    return columns
