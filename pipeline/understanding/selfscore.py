"""The self-scoring table (bảng tự chấm điểm): find it, read its rows, align them to the rubric.

Units lay the table out their own way: their own numbering or none, a running STT, merged
header cells ("Điểm" over "Tối đa | Tự chấm"), an empty column for the cluster's marks, group and
subtotal rows or only the criteria, the header repeated after a page break, "5,5/3,5" for a
score over its maximum. The rows are read here and aligned to the rubric's rows by
selfscore_align (codes in any scheme, points, titles and order together). What does not add up
(a subtotal that is not the sum under it, a score that cannot be read, a row that is no
criterion) is reported, for scoring to weigh against the unit's own total.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.config.rubric import GroupKind, Rubric
from pipeline.core.model import Block, BlockKind, Document, Provenance
from pipeline.core.textnorm import fold, parse_number
from pipeline.understanding.facts import RowKind, SelfScoreRow, SelfScoreTable
from pipeline.understanding.rules import header_roles
from pipeline.understanding.selfscore_align import (
    Node,
    NodeKind,
    RowSignals,
    align,
    code_parts,
    how_matched,
    rubric_nodes,
)
from pipeline.understanding.selfscore_checks import score_number, settle_by_total, subtotal_problems
from pipeline.understanding.selfscore_prose import prose_self_scores
from pipeline.understanding.table_columns import Roles, TableLayout, find_layout

# Column roles by header words (rules/table_headers.yaml), checked in this order: "Điểm tự chấm"
# is a self-score column even though it also says "điểm"; an empty "Điểm Cụm thẩm định" column is
# the cluster's, not the unit's.
_ROLES: Roles = header_roles("self", "verified", "note", "guidance", "bonus", "deduction", "max", "code", "ordinal",
                             "label")
_BONUS_WORDS = ("điểm thưởng", "điểm cộng", "điểm khuyến khích", "cộng điểm")
_DEDUCTION_WORDS = ("điểm trừ", "trừ điểm")
_TOTAL = re.compile(r"^(tổng cộng|tổng điểm|tổng số điểm|tổng số|cộng|tổng)\b")
_TEXT_TOTAL_REACH = 6  # paragraphs after the table searched for a total written in a sentence


def find_self_score_table(doc: Document, rubric: Rubric) -> SelfScoreTable | None:
    """The first table whose header names a self-score column, read against ``rubric``."""
    for block in doc.tables():
        layout = _layout(block)
        if layout is not None:
            parts = [(block, layout), *_continuations(doc, block, layout)]
            table = _read(parts, rubric, stt_codes=layout.stt_codes)
            if table.claimed_total is None:
                _total_in_text(doc, parts[-1][0].provenance.paragraph or 0, table)
            settle_by_total(table, rubric)
            return table
    table = prose_self_scores(doc, rubric)
    if table is not None:
        _total_in_text(doc, -1, table, reach=None)
    return table


# "Tổng cộng: 912,5/1000 điểm", "Tổng điểm tự chấm là 84,5 điểm" (not "Tự chấm 5,5/3,5 điểm":
# that is one criterion's score in prose).
_TOTAL_IN_TEXT = re.compile(
    r"(?:tổng cộng|tổng điểm|tổng số điểm)(?: tự chấm)?(?: của đơn vị)?\s*(?:là|đạt|được)?\s*:?\s*"
    r"(?P<total>\d[\d.,]*)\s*(?:/\s*\d[\d.,]*\s*)?điểm"
)


def _total_in_text(doc: Document, after_paragraph: int, table: SelfScoreTable,
                   reach: int | None = _TEXT_TOTAL_REACH) -> None:
    """A total the unit writes in a sentence under its table, when the table has no total row
    (or anywhere, ``reach`` None, for scores written in prose): the first paragraph that states
    one (only one such number, or it is not sure)."""
    after = [b for b in doc.body_text_blocks() if (b.provenance.paragraph or 0) > after_paragraph]
    for block in after[:reach]:
        if reach is None and "tự chấm" not in fold(block.text):
            continue  # far from any table, only a total that says it is the self-score
        found = {parse_number(m.group("total")) for m in _TOTAL_IN_TEXT.finditer(fold(block.text))}
        found.discard(None)
        if len(found) == 1:
            table.claimed_total = found.pop()
            table.claimed_total_where = block.provenance
            return


def self_score_columns(doc: Document) -> list[bool]:
    """For each table whose header names the unit's self-score column (as this reader finds the
    table), whether that column holds a number: what tells a unit's table from a criteria table."""
    found = []
    for block in doc.tables():
        layout = _layout(block)
        if layout is not None:
            column = layout.columns["self"]
            found.append(any(column < len(row) and score_number(row[column].text) is not None
                             for row in block.rows[layout.header_rows:]))
    return found


def _layout(block: Block) -> TableLayout | None:
    layout = find_layout(block, _ROLES, lambda c: "self" in c and ("max" in c or "label" in c), _is_header_row)
    if layout is not None and "code" not in layout.columns and "ordinal" in layout.columns:
        # An STT column is the code column only when the table has no code column of its own,
        # and only if it does not just count the rows (see _running_count).
        layout.columns["code"] = layout.columns.pop("ordinal")
        layout.stt_codes = True
    return layout


def _is_header_row(row: list) -> bool:
    texts = [c.text for c in row if c.text]
    return bool(texts) and not any(parse_number(t) is not None for t in texts) and any(
        role_word in fold(t) for t in texts for _, words in _ROLES for role_word in words
    )


@dataclass
class _Row:
    """A data row of the unit's table, before it is aligned to the rubric."""

    r: int
    code: str
    label: str
    max_written: str
    self_written: str
    note: str
    provenance: Provenance
    alternatives: list[str]  # other readings OCR made of the self-score cell

    def signals(self, stt_codes: bool) -> RowSignals:
        folded = fold(self.label or self.code)
        words = None
        if len(folded.split()) <= 8:
            if any(w in folded for w in _BONUS_WORDS):
                words = GroupKind.BONUS
            elif any(w in folded for w in _DEDUCTION_WORDS):
                words = GroupKind.DEDUCTION
        return RowSignals(code="" if stt_codes else self.code, label=self.label, max=self.max, group_words=words)

    @property
    def max(self) -> float | None:
        written = parse_number(self.max_written)
        if written is None and "/" in self.self_written:  # "5,5/3,5": the self score over the maximum
            written = parse_number(self.self_written.split("/", 1)[1])
        return written

    @property
    def has_numbers(self) -> bool:
        return bool(self.max_written.strip() or self.self_written.strip())


# Between a table and its continuation on the next page (or scan) only a page's running
# header or number: no paragraph of more words than this.
_BETWEEN_PARTS_WORDS = 12


def _continuations(doc: Document, first: Block, layout: TableLayout) -> list[tuple[Block, TableLayout]]:
    """Tables that carry the first one on (a scan or a PDF split page by page): the same number
    of columns, the header written again or not, nothing but a page's furniture in between."""
    found: list[tuple[Block, TableLayout]] = []
    start = next(i for i, b in enumerate(doc.blocks) if b is first)  # by identity: blocks compare by value
    blocks = doc.blocks[start + 1:]
    width = len(first.rows[0]) if first.rows else 0
    for block in blocks:
        if block.kind is not BlockKind.TABLE:
            if len(block.text.split()) > _BETWEEN_PARTS_WORDS:
                break
            continue
        if not block.rows or len(block.rows[0]) != width:
            break
        again = _layout(block)
        found.append((block, again if again is not None else TableLayout(0, layout.columns, layout.stt_codes)))
    return found


def _read(parts: list[tuple[Block, TableLayout]], rubric: Rubric, stt_codes: bool = False) -> SelfScoreTable:
    rows: list[_Row] = []
    claimed_total: float | None = None
    for block, layout in parts:
        for r in range(layout.header_rows, len(block.rows)):
            cells = _cells(block, r, layout)
            if not any(cells.values()) or _is_header_row(block.rows[r]):
                continue  # an empty row, or the header written again after a page break
            code, label = cells.get("code", "").strip(), cells.get("label", "")
            # Some units write the group name in the code cell ("ĐIỂM THƯỞNG") and leave the label empty.
            if (not label or label == code) and code and code_parts(code) is None:
                code, label = "", code
            row = _Row(r, code, label, cells.get("max", ""), cells.get("self", ""), cells.get("note", ""),
                       _row_provenance(block, r, layout), _alternatives(block, r, layout))
            if not code and _TOTAL.match(fold(label)):
                claimed_total = score_number(row.self_written)
                continue
            if not code and not row.has_numbers:
                continue  # the wrapped end of the previous row's label, cut into a row of its own
            rows.append(row)
    block = parts[0][0]
    stt_codes = stt_codes and _running_count([row.code for row in rows])
    nodes = rubric_nodes(rubric)
    signals = [row.signals(stt_codes) for row in rows]
    found = align(signals, nodes)
    read: list[SelfScoreRow] = []
    unmatched: list[str] = []
    problems: list[str] = []
    for row, said, index in zip(rows, signals, found, strict=True):
        node = nodes[index] if index is not None else None
        read_row = _self_score_row(row, node, how_matched(said, node) if node is not None else "")
        if node is None:
            if row.self_written.strip():
                unmatched.append(row.label or row.code)
            else:
                continue  # a heading of the unit's own, with no score: nothing lost
        elif node.kind is NodeKind.SCORED and row.self_written.strip() and read_row.self_score is None:
            problems.append(f"{row.provenance.describe()}: không đọc được điểm tự chấm “{row.self_written}” "
                            f"của tiêu chí {node.code}")
        read.append(read_row)
    problems += subtotal_problems(read, rubric)
    return SelfScoreTable(rows=read, claimed_total=claimed_total, unmatched=unmatched, problems=problems,
                          provenance=block.provenance)


_ROW_KINDS = {NodeKind.GROUP: RowKind.GROUP, NodeKind.HOLDER: RowKind.SUBTOTAL, NodeKind.SCORED: RowKind.CRITERION}


def _self_score_row(row: _Row, node: Node | None, how: str) -> SelfScoreRow:
    kind = _ROW_KINDS[node.kind] if node is not None else RowKind.CRITERION
    value = score_number(row.self_written)
    if node is not None and node.score_kind is GroupKind.DEDUCTION and node.kind is NodeKind.SCORED:
        # Deductions as positive amounts, written with or without a minus; an empty cell: none.
        value = abs(value) if value is not None else (0.0 if not row.self_written.strip() else None)
    return SelfScoreRow(kind=kind, code=node.code if node is not None else None, code_as_written=row.code,
                        label=row.label, max_points=row.max, self_score=value, alternatives=row.alternatives,
                        self_score_as_written=row.self_written, note=row.note,
                        match=how, provenance=row.provenance)


def _running_count(codes: list[str]) -> bool:
    """An STT column numbering every row 1, 2, 3 …: a count, not the rubric's codes."""
    numbers = [int(c.rstrip(".")) for c in codes if c.rstrip(".").isdigit()]
    return len(numbers) == len(codes) > 2 and numbers == list(range(numbers[0], numbers[0] + len(numbers)))


def _row_provenance(block: Block, r: int, layout: TableLayout) -> Provenance:
    """Where the row's self score sits; for a scan, with the OCR confidence of the numbers read
    (the lower of the max and self-score cells), not of the whole table."""
    column = layout.columns.get("self")
    update: dict[str, object] = {"row": r, "cell": column}
    if block.provenance.ocr_confidence is not None:
        confs = [block.rows[r][c].confidence for role in ("self", "max")
                 if (c := layout.columns.get(role)) is not None and c < len(block.rows[r])]
        confs = [x for x in confs if x is not None]
        update["ocr_confidence"] = min(confs) if confs else 0.0
    return block.provenance.model_copy(update=update)


def _alternatives(block: Block, r: int, layout: TableLayout) -> list[str]:
    column = layout.columns.get("self")
    row = block.rows[r]
    return list(row[column].alternatives) if column is not None and column < len(row) else []


def _cells(block: Block, r: int, layout: TableLayout) -> dict[str, str]:
    row = block.rows[r]
    return {role: row[c].text.replace("\n", " ").strip() if c < len(row) else "" for role, c in layout.columns.items()}
