"""Import the cluster's own criteria document (bảng tiêu chí chấm điểm thi đua) into a rubric.

Clusters sign their criteria as a Word or PDF table "Mã/STT | Nội dung tiêu chí | Điểm chuẩn":
group rows I, II, III…, criteria and sub-criteria below, then bonus and deduction sections.
Layouts differ: codes restart in each group ("I", "1", "a") or are dotted ("I.1", "A.1.a"),
group rows merge their cells across the table, points sit in their own column or in the text
("(60 điểm)", "tối đa 5 điểm"), the table continues over pages. The hierarchy is read from the
codes: a code of a style seen higher up closes the levels below it; a new style opens a level.
Codes are composed from the path ("1" under "II" is "II.1"), so every layout of the same
criteria gives the same rubric. Rows that cannot be placed are reported, never dropped silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.errors import TdktError
from pipeline.model import Block, Cell, Document
from pipeline.rubric import Criterion, Group, GroupKind, Rubric, check_rubric
from pipeline.criteria.phrases import deduction_rule, evidence_phrases
from pipeline.textnorm import fold, parse_number, roman_to_int
from pipeline.understanding.table_columns import Roles, TableLayout, find_layout

_ROLES: Roles = [
    ("self", ("tự chấm", "tự đánh giá", "đơn vị chấm", "cụm chấm", "điểm chấm", "điểm đạt")),
    ("max", ("điểm chuẩn", "điểm tối đa", "tối đa", "thang điểm", "điểm quy định", "số điểm", "điểm")),
    ("note", ("minh chứng", "ghi chú", "giải trình", "tài liệu kiểm chứng", "cách chấm", "hướng dẫn")),
    ("code", ("stt", "tt", "mã", "số tt", "số thứ tự", "mục")),
    ("label", ("nội dung", "tiêu chí", "nội dung tiêu chí")),
]
_BONUS_WORDS = ("điểm thưởng", "điểm cộng", "điểm khuyến khích", "cộng điểm", "tiêu chí thưởng")
_DEDUCTION_WORDS = ("điểm trừ", "trừ điểm", "tiêu chí trừ")
_TOTAL = re.compile(r"^(tổng cộng|tổng điểm|tổng số điểm|tổng số|cộng|tổng)\b")
_NUMBER = re.compile(r"[-−–]?\s*\d+(?:[.,]\d+)?")
_POINTS_IN_TEXT = re.compile(
    r"\s*[(\[]\s*(?:tối đa|tối thiểu|không quá)?\s*[-−–+]?\s*(\d+(?:[.,]\d+)?)\s*điểm\s*[)\]]\s*$", re.IGNORECASE)
_LEADING_CODE = re.compile(r"^\s*((?:[IVXLC]+|\d+|[A-ZĐa-zđ])(?:\.(?:[IVXLC]+|\d+|[A-ZĐa-zđ]))*)\s*[.):/-]?\s+(?=\S)")
_NOTE = re.compile(r"^(ghi chú|lưu ý|chú thích|\*)")
_BULLET = re.compile(r"^\s*[-–+•*]\s+")


class RubricImportError(TdktError):
    """The document holds no table that reads as a criteria table."""


@dataclass
class _Row:
    code: str
    title: str
    max_text: str
    where: str
    self_text: str = ""


@dataclass
class _Node:
    written: str
    style: str
    code: str
    title: str
    max: float | None
    where: str
    kind: GroupKind | None = None
    children: list[_Node] = field(default_factory=list)
    generated: bool = False


@dataclass
class RubricImport:
    rubric: Rubric
    source: str
    unplaced: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # what the rubric check finds (sums that differ)
    declared_total: float | None = None


# --- finding the table --------------------------------------------------------------------


def criteria_layout(block: Block) -> TableLayout | None:
    """The columns of a criteria table (code or label, and points), or None."""
    return find_layout(block, _ROLES, lambda c: "max" in c and ("label" in c or "code" in c), _is_header_row)


def _is_header_row(row: list[Cell]) -> bool:
    texts = [c.text for c in row if c.text.strip()]
    return bool(texts) and not any(_NUMBER.search(t) for t in texts) and any(
        re.search(rf"(^|\W){re.escape(w)}(\W|$)", fold(t)) for t in texts for _, words in _ROLES for w in words
    )


def criteria_tables(doc: Document) -> list[tuple[Block, TableLayout]]:
    """The criteria table and the tables continuing it (over a page break: the same number of
    columns, with the header repeated or not)."""
    tables = doc.tables()
    for i, block in enumerate(tables):
        layout = criteria_layout(block)
        if layout is None:
            continue
        found = [(block, layout)]
        width = len(block.rows[0])
        for nxt in tables[i + 1:]:
            if not nxt.rows or len(nxt.rows[0]) != width:
                break
            again = criteria_layout(nxt)
            found.append((nxt, again if again is not None else TableLayout(0, layout.columns)))
        return found
    return []


def self_scores_filled(tables: list[tuple[Block, TableLayout]]) -> bool:
    """Whether a self-score column (a unit's table) holds numbers; an empty one is a template."""
    for block, layout in tables:
        column = layout.columns.get("self")
        if column is None:
            continue
        for row in block.rows[layout.header_rows:]:
            if column < len(row) and parse_number(row[column].text) is not None:
                return True
    return False


# --- reading rows -------------------------------------------------------------------------


def _rows(tables: list[tuple[Block, TableLayout]]) -> list[_Row]:
    rows: list[_Row] = []
    for block, layout in tables:
        for r in range(layout.header_rows, len(block.rows)):
            cells = block.rows[r]
            if _is_header_repeat(cells):
                continue
            row = _read_row(cells, r, layout.columns, block.provenance.model_copy(update={"row": r}).describe())
            if row.code or row.title or row.max_text:
                rows.append(row)
    return rows


def _read_row(cells: list[Cell], r: int, cols: dict[str, int], where: str) -> _Row:
    """One row's code, title and points. A cell merged across the row (a group title spanning
    the code or points column) counts once, as the title."""

    def text(role: str) -> str:
        c = cols.get(role)
        return " ".join(cells[c].text.split()) if c is not None and c < len(cells) else ""

    def merged(role: str, other: str) -> bool:
        a, b = cols.get(role), cols.get(other)
        if a is None or b is None or max(a, b) >= len(cells):
            return False
        return _origin(cells, a, r) == _origin(cells, b, r)

    code = "" if merged("code", "label") else text("code")
    title = text("label") if "label" in cols and not merged("label", "code") else ""
    if not title and ("label" not in cols or merged("label", "code")):
        title = text("label") or text("code")
    max_text = "" if merged("max", "label") or merged("max", "code") else text("max")
    return _Row(code=code, title=title, max_text=max_text, where=where, self_text=text("self"))


def _origin(cells: list[Cell], c: int, r: int) -> tuple[int, int]:
    return cells[c].merged_from or (r, c)


def _is_header_repeat(cells: list[Cell]) -> bool:
    return _is_header_row(cells) and not any(parse_number(c.text) is not None for c in cells)


# --- codes --------------------------------------------------------------------------------


def _split_code(title: str) -> tuple[str, str]:
    """'II. CÔNG TÁC …' → ('II', 'CÔNG TÁC …'); a title without a leading code → ('', title)."""
    bullet = _BULLET.match(title)
    if bullet:
        return "-", title[bullet.end():]
    m = _LEADING_CODE.match(title)
    if m and (len(m.group(1)) > 1 or title[m.end(1):m.end()].strip() in (".", ")", "/", ":")):
        return m.group(1), title[m.end():]
    return "", title


def _style(code: str) -> tuple[str, list[str]]:
    """('roman'|'arabic'|'lower'|'upper'|'dotted'|'bullet', parts)."""
    c = code.strip().strip("()").rstrip(".):/").strip()
    if c in ("-", "–", "+", "•", "*"):
        return "bullet", [c]
    if "." in c:
        return "dotted", [p for p in c.split(".") if p]
    if c.isdigit():
        return "arabic", [c]
    if roman_to_int(c) is not None and c.isupper():
        return "roman", [c]
    if len(c) == 1 and c.isalpha():
        return ("upper" if c.isupper() else "lower"), [c]
    return "", [c]


def _next_letter(letter: str) -> str:
    return chr(ord(letter) + 1)


@dataclass
class _Builder:
    roots: list[_Node] = field(default_factory=list)
    stack: list[_Node] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    declared_total: float | None = None

    def add(self, row: _Row) -> None:
        code, title = row.code, row.title
        if not code:
            code, title = _split_code(title)
        folded = fold(title)
        if _TOTAL.match(folded) and not code:
            self.declared_total = _points(row.max_text)
            return
        title, points = _points_from_title(title, row.max_text)
        if not code:
            self._uncoded(row, title, points, folded)
            return
        style, parts = _style(code)
        if style == "roman" and len(parts[0]) == 1 and self._continues_letters(parts[0]):
            style = "upper"
        if not style:
            self.unplaced.append(f"{row.where}: không hiểu mã '{code}' ({title[:60]})")
            return
        if style == "dotted":
            self._dotted(parts, row, title, points)
        elif style == "bullet":
            self._bullet(row, title, points)
        else:
            self._simple(style, parts[0], row, title, points)

    def _continues_letters(self, letter: str) -> bool:
        """'I' after 'H', 'V' after 'U' … at an upper-letter level: a letter, not a numeral."""
        return any(n.style == "upper" and _next_letter(n.written) == letter for n in self.stack)

    def _simple(self, style: str, written: str, row: _Row, title: str, points: float | None) -> None:
        level = next((i for i, n in enumerate(self.stack) if n.style == style), None)
        if level is not None:
            del self.stack[level:]
        parent = self.stack[-1] if self.stack else None
        code = f"{parent.code}.{written}" if parent else written
        self._push(_Node(written, style, code, title, points, row.where), parent)

    def _dotted(self, parts: list[str], row: _Row, title: str, points: float | None) -> None:
        prefix = ".".join(parts[:-1])
        # The parent is the open node written or composed as the prefix ('I.1' under 'I'), or,
        # failing that, the open node at that depth ('2.1' under group 'II').
        level = next((i for i, n in enumerate(self.stack) if prefix in (n.code, n.written)), None)
        if level is None and len(parts) - 1 <= len(self.stack) and all(
                part in (node.written, str(self._position(k, node))) for k, (part, node) in
                enumerate(zip(parts[:-1], self.stack, strict=False))):
            level = len(parts) - 2
        if level is None:
            self.unplaced.append(f"{row.where}: mã '{'.'.join(parts)}' không thuộc mục nào ở trên ({title[:60]})")
            return
        del self.stack[level + 1:]
        parent = self.stack[-1]
        self._push(_Node(".".join(parts), f"dotted{len(parts)}", f"{parent.code}.{parts[-1]}", title, points,
                         row.where), parent)

    def _position(self, depth: int, node: _Node) -> int:
        """1-based place of an open node among its siblings."""
        siblings = self.roots if depth == 0 else self.stack[depth - 1].children
        return siblings.index(node) + 1

    def _bullet(self, row: _Row, title: str, points: float | None) -> None:
        level = next((i for i, n in enumerate(self.stack) if n.style == "bullet"), None)
        if level is not None:
            del self.stack[level:]
        if not self.stack:
            self.unplaced.append(f"{row.where}: dòng gạch đầu dòng không thuộc mục nào ({title[:60]})")
            return
        parent = self.stack[-1]
        number = sum(1 for c in parent.children if c.style == "bullet") + 1
        node = _Node("-", "bullet", f"{parent.code}.{number}", title, points, row.where, generated=True)
        self._push(node, parent)
        self.notes.append(f"{row.where}: dòng gạch đầu dòng được đặt mã {node.code}")

    def _uncoded(self, row: _Row, title: str, points: float | None, folded: str) -> None:
        kind = _section_kind(folded)
        if kind is not None and len(title) < 120:
            # A bonus or deduction section written without a code: a new group after the others.
            code = _next_group_code(self.roots)
            self.stack.clear()
            node = _Node(code, self.roots[0].style if self.roots else "roman", code, title, points, row.where,
                         kind=kind, generated=True)
            self._push(node, None)
            self.notes.append(f"{row.where}: mục “{title}” không có mã, được đặt mã {code}")
            return
        if self.stack and points is None and title and not _NOTE.match(folded):
            # The wrapped end of the row above, cut into a row of its own (a row split over a page).
            self.stack[-1].title += " " + title
            return
        self.unplaced.append(f"{row.where}: dòng không có mã: “{title[:80]}”"
                             + (f" ({points:g} điểm)" if points is not None else ""))

    def _push(self, node: _Node, parent: _Node | None) -> None:
        if parent is None:
            node.kind = node.kind or _section_kind(fold(node.title)) or GroupKind.STANDARD
            self.roots.append(node)
        else:
            parent.children.append(node)
        self.stack.append(node)


def _section_kind(folded: str) -> GroupKind | None:
    if any(w in folded for w in _DEDUCTION_WORDS):
        return GroupKind.DEDUCTION
    if any(w in folded for w in _BONUS_WORDS):
        return GroupKind.BONUS
    return None


def _next_group_code(roots: list[_Node]) -> str:
    if not roots:
        return "I"
    last = roots[-1].code
    if last.isdigit():
        return str(int(last) + 1)
    numeral = roman_to_int(last)
    if numeral is not None:
        return _int_to_roman(numeral + 1)
    return _next_letter(last[-1]) if len(last) == 1 else f"{last}'"


def _int_to_roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                           (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + letters, n - value
    return out


def _points(text: str) -> float | None:
    """'10', '9,5', 'Tối đa 5', '-2', '(-1)', 'Trừ 2 điểm/lần' → the amount (deductions positive)."""
    m = _NUMBER.search(text or "")
    if m is None:
        return None
    value = parse_number(m.group(0).replace(" ", ""))
    return abs(value) if value is not None else None


def _points_from_title(title: str, max_text: str) -> tuple[str, float | None]:
    """The title without a trailing '(60 điểm)', and the points from the points cell or from it."""
    points = _points(max_text)
    m = _POINTS_IN_TEXT.search(title)
    if m:
        title = title[:m.start()].rstrip(" :,-")
        if points is None:
            points = parse_number(m.group(1))
    return _sentence_case(title.strip().rstrip(":")), points


def _sentence_case(title: str) -> str:
    """Group rows are often in capitals: 'CÔNG TÁC THI ĐUA' → 'Công tác thi đua'."""
    letters = [c for c in title if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) > 3:
        return title[:1] + title[1:].lower()
    return title


# --- building the rubric ------------------------------------------------------------------


def import_rubric(doc: Document, name: str | None = None) -> RubricImport:
    tables = criteria_tables(doc)
    if not tables:
        raise RubricImportError(
            "không thấy bảng tiêu chí (cần một bảng có cột “STT/Mã” hoặc “Nội dung tiêu chí” và cột “Điểm chuẩn”)")
    builder = _Builder()
    for row in _rows(tables):
        builder.add(row)
    if not builder.roots:
        raise RubricImportError("bảng tiêu chí không có dòng nào có mã (I, II, 1, 2, a, b, …)")
    notes = list(builder.notes)
    roots = builder.roots
    if all(not r.children for r in roots):
        # A flat list of criteria: one group holds them.
        holder = _Node("", "", "TC", "Các tiêu chí thi đua", None, roots[0].where, kind=GroupKind.STANDARD,
                       children=roots, generated=True)
        roots = [holder]
        notes.append("bảng không chia nhóm: các tiêu chí được đặt trong một nhóm mã TC")
    groups = [_group(node, notes) for node in roots]
    scale = sum(g.max for g in groups if g.kind is GroupKind.STANDARD)
    rubric = Rubric(name=name or _document_title(doc) or "Bảng tiêu chí chấm điểm thi đua", scale=scale or 100,
                    step=0.5, groups=groups)
    problems = [msg for _, msg in check_rubric(rubric)]
    total = builder.declared_total
    if total is not None and abs(total - scale) > 1e-6 and abs(total - _grand_total(groups)) > 1e-6:
        problems.append(f"dòng tổng cộng ghi {total:g} điểm, khác tổng điểm chuẩn các nhóm ({scale:g})")
    return RubricImport(rubric=rubric, source=doc.file, unplaced=builder.unplaced, notes=notes,
                        problems=problems, declared_total=total)


def _grand_total(groups: list[Group]) -> float:
    return sum(g.max for g in groups if g.kind is not GroupKind.DEDUCTION)


def _group(node: _Node, notes: list[str]) -> Group:
    kind = node.kind or GroupKind.STANDARD
    criteria = [_criterion(child, kind, notes) for child in node.children]
    if not criteria:
        # A section with no items of its own ("IV. Điểm thưởng: tối đa 5 điểm"): it is its own criterion.
        criteria = [_criterion(_Node(node.written, node.style, f"{node.code}.1", node.title, node.max, node.where),
                               kind, notes)]
        notes.append(f"{node.where}: mục {node.code} không có tiêu chí con: đặt một tiêu chí {node.code}.1")
    if node.max is None:
        node.max = sum(c.max for c in criteria)  # a standard group whose sum differs is reported by the check
    return Group(code=node.code, title=node.title, kind=kind, max=node.max, criteria=criteria)


def _criterion(node: _Node, kind: GroupKind, notes: list[str]) -> Criterion:
    children = [_criterion(child, kind, notes) for child in node.children]
    points = node.max
    if points is None:
        points = sum(c.max for c in children) if children else 0.0
        if not children:
            notes.append(f"{node.where}: tiêu chí {node.code} không ghi điểm: đặt 0")
    criterion = Criterion(code=node.code, title=node.title, max=points, criteria=children)
    if not children:
        criterion.evidence = evidence_phrases(node.title)
        if kind is GroupKind.DEDUCTION:
            rule, discipline = deduction_rule(node.title, points)
            criterion.deduction, criterion.discipline = rule, discipline
            if rule is not None:
                # The rule's own evidence: a date for a late report, the word itself for discipline
                # (a title's other words, "cá nhân", would find every award and deduct for it).
                criterion.evidence = ["kỷ luật"] if discipline else []
    return criterion


def _document_title(doc: Document) -> str | None:
    """'Bảng tiêu chí chấm điểm thi đua năm 2024 …' from the paragraphs before the table."""
    for block in doc.body_text_blocks()[:15]:
        text = " ".join(block.text.split())
        if "tiêu chí" in fold(text) and len(text) < 200:
            return _sentence_case(text)
    return None


_RUBRIC_TITLE_WORDS = ("tiêu chí", "thang điểm", "giao ước thi đua")


def is_rubric_document(doc: Document) -> bool:
    """A criteria document (as the cluster signs it), not a unit's report: a criteria table with
    no self scores filled in, under a title about criteria or with little text around it."""
    tables = criteria_tables(doc)
    if not tables or self_scores_filled(tables):
        return False
    if sum(len(block.rows) - layout.header_rows for block, layout in tables) < 5:
        return False
    texts = [b.text for b in doc.body_text_blocks()]
    titled = any(w in fold(t) for t in texts[:8] for w in _RUBRIC_TITLE_WORDS)
    return titled or sum(len(t.split()) for t in texts) < 150


def import_file(path: Path, name: str | None = None) -> RubricImport:
    from extractors import extract

    return import_rubric(extract(path, path.name), name)
