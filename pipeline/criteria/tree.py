"""The criteria table's rows placed into a tree, by their codes, as the document writes them.

A compound code ("A.1.a", "a4.2.1", "1.1") goes under the row its prefix names, whatever the
spelling ("a.7" or "a7"; a letter or number naming a group by position). A simple code ("I",
"1", "a") opens a level by its style; a style already open above closes the levels below. A row
without a code is an item of the row above (when it has points), the rest of the row above
(when it has none: a row cut by a page break), a note (caps, principles) or a bonus/deduction
section. See docs/criteria-import.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.config.rubric import GroupKind
from pipeline.criteria import ocr_codes
from pipeline.criteria.codes import (
    BULLET,
    Code,
    follows_letter,
    number_of,
    parse_code,
    split_leading_code,
)
from pipeline.criteria.nodes import Node, TableNote, inherits, set_cap, walk
from pipeline.criteria.points import Cap, Points, find_caps, read_points
from pipeline.criteria.table import RawRow
from pipeline.criteria.text import is_note_row, is_total_row, read_cell, section_kind


@dataclass
class TargetedCap:
    cap: Cap
    where: str


@dataclass
class Tree:
    roots: list[Node] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    table_notes: list[TableNote] = field(default_factory=list)
    declared_total: float | None = None
    _stack: list[Node] = field(default_factory=list)
    _last: Node | None = None
    _group_origin: tuple[int, int] | None = None
    targeted: list[TargetedCap] = field(default_factory=list)  # caps naming a row by its code
    from_ocr: bool = False

    # --- one row -------------------------------------------------------------------------------

    def add(self, row: RawRow) -> None:
        opened = False
        if row.group is not None and row.group[1] and row.group[0] != self._group_origin:
            self._group_origin = row.group[0]
            self._open_group(row.group[1], row)
            opened = True
        code = parse_code(row.code) if row.code else None
        label = row.label or ("" if code else row.code)
        if row.provenance.ocr_confidence is not None:
            self.from_ocr = True
            code, label = self._ocr_code(row, code, label)
        if opened and code is None and (not label or label == row.group[1]):
            # The group's own row: the group cell holds its title, the row its points.
            self._fill(self._stack[0], self._stack[0].label, read_cell(self._stack[0].label), self._stack[0].guidance,
                       {k: p for k, text in row.points.items() if (p := read_points(text)) is not None})
            return
        if code is None:
            code, label = split_leading_code(label)
        words = read_cell(label)
        guidance = "\n".join(t for t in (words.guidance, row.guidance) if t)
        points = {kind: p for kind, text in row.points.items() if (p := read_points(text)) is not None}
        if code is None and is_total_row(words.title, ocr=self.from_ocr):
            self.declared_total = next((p.amount for p in points.values()), None)
            return
        if code is None or code is BULLET:
            self._uncoded(row, label, words.title, guidance, points, words)
            return
        if self._is_open_group(code):
            self._fill(self._stack[0], label, words, guidance, points)
            return
        node = Node(code, label, words.title, guidance, row.where, guidance_cell=row.guidance, style=code.style)
        if not self._place(node):
            return
        self._fill(node, label, words, guidance, points)

    def _uncoded(self, row: RawRow, label: str, title: str, guidance: str, points: dict, words) -> None:
        if not points and (is_note_row(title) or words.caps):
            self._note(title + ("\n" + guidance if guidance else ""), row)
            return
        kind = section_kind(title, short=True, ocr=self.from_ocr)
        if kind is not None and not points.get(GroupKind.STANDARD) and not self._item_like(points):
            self._section(kind, label, words, guidance, points, row)
            return
        if points:
            self._item(label, words, guidance, points, row)
            return
        if self._last is not None:
            self._continue(self._last, row.label or row.code, row.guidance)
            return
        self.unplaced.append(f"{row.where}: dòng không có mã, không có điểm, không thuộc mục nào: “{title[:80]}”")

    @staticmethod
    def _item_like(points: dict) -> bool:
        """Signed or per-occurrence points ("-0,5/lần"): an item, even if its words say "trừ điểm"."""
        return any(p.sign != 0 or p.per for p in points.values())

    # --- codes read by OCR --------------------------------------------------------------------------

    def _ocr_code(self, row: RawRow, code: Code | None, label: str) -> tuple[Code | None, str]:
        """The code of a row read from a scan: its code cell, or a short first word of its content
        cell ("IH. CÔNG TÁC …"), checked against the codes the table's order allows next."""
        read, whole = (row.code if row.label else ""), label
        if not read and code is None:
            first, _, rest = label.partition(" ")
            if 1 <= len(first) <= 6 and first[-1] in ".)" and rest:
                read, label = first, rest
        if not read:
            return code, whole
        as_read = code or parse_code(read)
        likelier, others = self._allowed_next(group_row=_looks_like_group(label))
        # Allowed as spelled, or with other separators: tables mix "b1" and "b.2" in one level.
        allowed = {c.parts for a in likelier + others if (c := parse_code(a)) is not None}
        if as_read is not None and as_read.parts in allowed:
            return as_read, label
        readings = [read, *row.code_alternatives]
        exact = next((r for r in readings[1:] if (c := parse_code(r)) and c.parts in allowed), None)
        settled = exact or next((found for allowed in (likelier, others) for r in readings
                                 if (found := ocr_codes.settle(r, allowed))), None)
        if settled is None:
            # A code spelled unlike its siblings but naming an open row ("1.2" under "I" after
            # "I.1") stands only when no expected code is a glyph or another reading away.
            if code is not None and self._fits_below(code):
                return code, label
            return code, whole
        self.notes.append(f"{row.where}: mã đọc bằng OCR “{read}” được hiểu là {settled} theo thứ tự các mã trong "
                          "bảng")
        return parse_code(settled), label

    def _fits_below(self, code: Code) -> bool:
        """A compound code whose prefix names an open row ("a1" under group A, "II.3" under II)."""
        if code.style != "compound":
            return False
        prefix = code.parts[:-1]
        parent = self._by_parts(prefix) or self._by_position(prefix)
        return parent is not None and parent in self._stack

    def _allowed_next(self, group_row: bool) -> tuple[list[str], list[str]]:
        """Codes that can come next, (the likelier kind, the other): a first sub-criterion of the
        open row or the next row at an open level, or the next group once the open group holds a
        row; a row titled in capitals is likelier a group."""
        if not self.roots:
            return ocr_codes.first_groups(), []
        inside: list[str] = []
        if self._stack and self._stack[-1].code is not None:
            deepest = self._stack[-1]
            inside += ocr_codes.first_children(deepest.code, deepest.position(self.roots))
        groups: list[str] = []
        for node in reversed(self._stack):
            if node.code is not None and (node.parent is not None or node.children):
                (inside if node.parent is not None else groups).extend(ocr_codes.following(node.code))
        inside, groups = list(dict.fromkeys(inside)), list(dict.fromkeys(groups))
        return (groups, inside) if group_row else (inside, groups)

    # --- placing coded rows ----------------------------------------------------------------------

    def _place(self, node: Node) -> bool:
        code = node.code
        assert code is not None
        if code.style == "compound":
            parent = self._compound_parent(code, node)
            if parent is None:
                self.unplaced.append(f"{node.where}: mã '{code.written}' không thuộc mục nào ở trên "
                                     f"({node.title[:60]})")
                return False
            if parent in self._stack:
                del self._stack[self._stack.index(parent) + 1:]
            else:
                self._stack[:] = self._path(parent)
        else:
            style = self._simple_style(code)
            node.style = style
            level = next((i for i, n in enumerate(self._stack) if n.style == style), None)
            if level is not None:
                del self._stack[level:]
            parent = self._stack[-1] if self._stack else None
        self._attach(node, parent)
        return True

    def _simple_style(self, code: Code) -> str:
        """'C', 'D', 'I', 'V' after the letter before them are letters, not numerals."""
        above = [*self._stack, *self.roots[-1:]]
        if code.style == "roman" and len(code.written) == 1 and any(
                n.style == "upper" and n.code and follows_letter(n.code.written, code.written) for n in above):
            return "upper"
        return code.style

    def _compound_parent(self, code: Code, node: Node) -> Node | None:
        for k in range(code.depth - 1, 0, -1):
            prefix = code.parts[:k]
            found = self._by_parts(prefix) or self._by_position(prefix)
            if found is not None:
                if k < code.depth - 1:
                    missing = code.written[:code.written.rfind(code.parts[-1])].rstrip(".")
                    self.notes.append(f"{node.where}: không có dòng mã '{missing}': '{code.written}' được đặt "
                                      f"dưới '{found.code.written}'")
                return found
        return None

    def _by_parts(self, parts: tuple[str, ...]) -> Node | None:
        """The row whose code has these parts: a group for a one-part prefix, else the open row,
        else any row; as written first, then in either case ("a1" is under group A)."""
        key = tuple(p.lower() for p in parts)
        everywhere = [*reversed(self._stack), *reversed(self._all())]
        searches = (
            # A one-part prefix names a group, in either case: "b6" and "B.4" are under group B,
            # not under a criterion "b." of another group.
            (lambda c: c.key() == key, list(reversed(self.roots)) if len(parts) == 1 else []),
            (lambda c: c.parts == parts, everywhere),
            (lambda c: c.key() == key, everywhere),
        )
        for same, candidates in searches:
            found = next((n for n in candidates if n.code is not None and same(n.code)), None)
            if found is not None:
                return found
        return None

    def _by_position(self, parts: tuple[str, ...]) -> Node | None:
        """'1.1' under group 'I': the prefix numbers the open rows by their place."""
        if len(parts) > len(self._stack):
            return None
        for part, n in zip(parts, self._stack, strict=False):
            if number_of(part) != n.position(self.roots) and not (n.code and n.code.written.lower() == part.lower()):
                return None
        return self._stack[len(parts) - 1]

    def _path(self, node: Node) -> list[Node]:
        path = []
        while node is not None:
            path.insert(0, node)
            node = node.parent
        return path

    def _attach(self, node: Node, parent: Node | None) -> None:
        node.parent = parent
        (parent.children if parent else self.roots).append(node)
        if not node.item:
            self._stack.append(node)
        self._last = node

    def _all(self) -> list[Node]:
        return list(walk(self.roots))

    # --- groups from a group column, sections, items, continuations ------------------------------

    def _open_group(self, text: str, row: RawRow) -> None:
        code = parse_code(text)
        label = "" if code else text
        if code is None:
            code, label = split_leading_code(text)
        group = self.roots[-1] if self.roots else None
        if code is None and group is not None and group.code is not None \
                and section_kind(read_cell(text).title, short=True, ocr=self.from_ocr) is None:
            # The group cell cut by a page break ("III. NGHIÊN CỨU KHOA" | "HỌC VÀ CHUYỂN GIAO …"):
            # the rest of the open group's title, not a group without a code.
            self._continue(group, text, "")
            return
        words = read_cell(label)
        node = Node(code, label, words.title, words.guidance, row.where,
                    style=self._simple_style(code) if code else "group")
        self._stack.clear()
        if code is None:
            node.section = True
        self._attach(node, None)
        self._fill(node, label, words, words.guidance, {})

    def _is_open_group(self, code: Code) -> bool:
        """The group's own row inside a group column ("A | A | CÔNG TÁC … | 300")."""
        return (self._group_origin is not None and bool(self._stack) and self._stack[0].code is not None
                and self._stack[0].code.parts == code.parts)

    def _section(self, kind: GroupKind, label: str, words, guidance: str, points: dict, row: RawRow) -> None:
        node = Node(None, label, words.title, guidance, row.where, guidance_cell=row.guidance, kind=kind,
                    section=True, style="section")
        self._stack.clear()
        self._attach(node, None)
        self._fill(node, label, words, guidance, points)

    def _item(self, label: str, words, guidance: str, points: dict, row: RawRow) -> None:
        holder = self._stack[-1] if self._stack else None
        if holder is None:
            amounts = ", ".join(f"{p.amount:g}" for p in points.values())
            self.unplaced.append(f"{row.where}: dòng không có mã ({amounts} điểm) trước mọi mục có mã: "
                                 f"“{words.title[:80]}”")
            return
        node = Node(None, label, words.title, guidance, row.where, guidance_cell=row.guidance, item=True,
                    style="item")
        self._attach(node, holder)
        self._fill(node, label, words, guidance, points)

    def _continue(self, node: Node, label: str, guidance_cell: str) -> None:
        """A row cut by a page break (or guidance written in rows of its own): its words belong to
        the row above, which is read again whole."""
        node.label = "\n".join(t for t in (node.label, label) if t)
        node.guidance_cell = " ".join(t for t in (node.guidance_cell, guidance_cell) if t)
        words = read_cell(node.label)
        node.title = words.title or node.title
        node.guidance = "\n".join(t for t in (words.guidance, node.guidance_cell) if t)

    def _note(self, text: str, row: RawRow) -> None:
        caps = find_caps(text)
        if not caps:
            self.table_notes.append(TableNote(text, row.where, row.provenance))
            self.notes.append(f"{row.where}: ghi chú của bảng (không phải tiêu chí): “{text[:100]}”")
            return
        for cap in caps:
            if cap.target is not None:
                self.targeted.append(TargetedCap(cap, row.where))
            else:
                target = self._cap_holder(cap.kind)
                if target is None:
                    self.problems.append(f"{row.where}: không rõ mức tối đa “{cap.text}” áp dụng cho mục nào")
                else:
                    set_cap(target, cap)

    def _cap_holder(self, kind: GroupKind) -> Node | None:
        """For a cap in a note row without a code: the nearest row above that holds items of its kind."""
        node = self._last
        if node is not None and not node.children:
            node = node.parent
        while node is not None and not (node.kind is kind or node.has_kind_inside(kind) or inherits(node, kind)):
            node = node.parent
        return node

    # --- a node's words and points ---------------------------------------------------------------

    def _fill(self, node: Node, label: str, words, guidance: str, points: dict[GroupKind | None, Points]) -> None:
        node.label = label or node.label
        node.title = words.title or node.title
        node.guidance = guidance or node.guidance
        if node.parent is None and node.kind is None:
            node.kind = section_kind(node.title, ocr=self.from_ocr)
        chosen = _chosen_points(points, words.points)
        if chosen is not None:
            kind, p = chosen
            node.max, node.per = p.amount, p.per
            if kind is not None:
                node.kind = kind
            elif p.sign and node.parent is not None:
                node.kind = GroupKind.BONUS if p.sign > 0 else GroupKind.DEDUCTION
            for other, q in points.items():
                if other is not None and other is not kind:
                    node.side[other] = q
        for cap in words.caps:
            if cap.target is None:
                set_cap(node, cap)
            else:
                self.targeted.append(TargetedCap(cap, node.where))

    def paragraph_caps(self, paragraphs: list[tuple[str, str]]) -> dict[GroupKind, float]:
        """Caps the text around the table states: naming a row ("điểm trừ của mục V không quá 10
        điểm"), or the whole table ("Tổng điểm thưởng không quá 10 điểm")."""
        whole: dict[GroupKind, float] = {}
        for text, where in paragraphs:
            for cap in find_caps(text):
                if cap.target is not None:
                    self.targeted.append(TargetedCap(cap, where))
                else:
                    whole[cap.kind] = cap.points
        return whole


def _looks_like_group(title: str) -> bool:
    """Group rows are written in capitals in most criteria tables."""
    letters = [c for c in title if c.isalpha()]
    return len(letters) > 3 and all(c.isupper() for c in letters)


def _chosen_points(points: dict[GroupKind | None, Points],
                   from_title: Points | None) -> tuple[GroupKind | None, Points] | None:
    """The row's own points: the standard column first, else the only column, else bonus, else
    deduction, else '(… điểm)' at the end of its title."""
    for kind in (GroupKind.STANDARD, None, GroupKind.BONUS, GroupKind.DEDUCTION):
        if kind in points:
            return kind, points[kind]
    return (None, from_title) if from_title is not None else None
