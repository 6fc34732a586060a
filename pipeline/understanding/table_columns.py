"""Which column of a table holds what, from its header rows (one, two or three merged rows).

Shared by the self-scoring table reader and the criteria document import: each gives its own
roles (role → header words), what a usable header must have, and how to tell a further header row.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from pipeline.core.model import Block, Cell
from pipeline.core.textnorm import fold

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
        columns = assign_roles(column_labels(block, header_rows), roles,
                               loose=block.provenance.ocr_confidence is not None)
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
            text = header_text(block.rows[r][c].text)
            if text and text not in parts:
                parts.append(text)
        labels.append(" ".join(parts))
    return labels


def header_text(text: str) -> str:
    """A header cell's words, folded. Punctuation in a header is noise (what OCR leaves of a
    rule: "Điểm tự _ chấm")."""
    return " ".join(re.sub(r"[^\w\s]|_", " ", fold(text)).split())


def roles_named(label: str, roles: Roles) -> list[tuple[int, int, str]]:
    """The roles a folded header label names, as (-length of the longest word found, the role's
    order, role): whole words ("Nội dung tiêu chí"), else a short header a PDF broke inside a
    narrow column ("ST T" for "STT", "Mã s ố"). Every reader of header rows asks this, so a
    header one reader knows is known to all."""
    return list(_roles_named(label, tuple(roles)))


# The same header labels come back in every table of a layout and for every header depth tried.
@lru_cache(maxsize=1 << 12)
def _roles_named(label: str, roles: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[tuple[int, int, str], ...]:
    found = []
    for order, (role, words) in enumerate(roles):
        # The plain substring test first: the pattern needs the word, and most words are absent.
        longest = max((len(w) for w in words if w in label and _whole_word(w).search(label)), default=0)
        if longest:
            found.append((-longest, order, role))
    if not found:
        compact = label.replace(" ", "")
        compacts = _compact(roles)
        found = [(0, order, role) for order, (role, _) in enumerate(roles) if compact and compact in compacts[order]]
    return tuple(found)


@lru_cache(maxsize=64)
def _compact(roles: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[frozenset[str], ...]:
    """Each role's words without their spaces, made once for the roles rather than for every
    label compared with them (a dozen new labels a report, each against every word)."""
    return tuple(frozenset(w.replace(" ", "") for w in words) for _, words in roles)


@lru_cache(maxsize=1 << 10)
def _whole_word(word: str) -> re.Pattern[str]:
    return re.compile(rf"(^|\W){re.escape(word)}(\W|$)")


def assign_roles(labels: list[str], roles: Roles, loose: bool = False) -> dict[str, int]:
    """Each column to the role whose header words it has most specifically: the longest word
    found wins ("Nội dung tiêu chí chấm điểm" is the content, not a points column for its
    "điểm"; "Điểm tự chấm" is the self score), the readers' role order breaking ties. A role is
    taken by the first column that claims it; a later column falls back to its next role."""
    columns: dict[str, int] = {}
    for c, label in enumerate(labels):
        found = roles_named(label, roles)
        if loose:  # read by OCR: words with a letter wrong count too, a little less specific
            found += [(-max(len(w) for w in near) + 1, order, role) for order, (role, words) in enumerate(roles)
                      if (near := [w for w in words if _nearly_in(label, w)])]
        for _, _, role in sorted(found):
            if role not in columns:
                columns[role] = c
                break
    return columns


# --- headers read by OCR -------------------------------------------------------------------------

_LEAST_LOOSE = 4  # letters a header word must have to be matched with one letter wrong


def _nearly_in(label: str, word: str) -> bool:
    """A header word in a label OCR read with one letter wrong, a mark lost or a word broken
    ("lự chấm" for "tự chấm", "Chuã n" for "Chuẩn"): compared without marks, over as many words
    of the label as the header word has, or one more."""
    want = _bare(word).replace(" ", "")
    if len(want) < _LEAST_LOOSE:
        return False
    tokens = _bare(label).split()
    size = len(word.split())
    for n in (size, size + 1):
        for i in range(len(tokens) - n + 1):
            if _within_one("".join(tokens[i:i + n]), want):
                return True
    return False


def _bare(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def _within_one(a: str, b: str) -> bool:
    """Edit distance at most 1."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = j = edits = 0
    while i < len(a) and j < len(b):
        if a[i] == b[j]:
            i += 1
            j += 1
            continue
        edits += 1
        if edits > 1:
            return False
        if len(a) == len(b):
            i += 1
        j += 1
    return edits + (len(b) - j) + (len(a) - i) <= 1
