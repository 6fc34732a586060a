"""The self-scoring table (bảng tự chấm điểm): find it, read its columns, match rows to the rubric.

Units lay the table out their own way: codes that restart in each group ("I", "1", "2") or run
on (1…20) or are dotted ("1.1"); merged header cells ("Điểm" over "Tối đa | Tự chấm"); labels
reworded. Rows are matched to rubric criteria by code within the current group, checked
against the label, and by label similarity where the code does not fit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.model import Block, Document, Provenance
from pipeline.rubric import Criterion, Group, GroupKind, Rubric
from pipeline.textnorm import fold, parse_number, roman_to_int
from pipeline.understanding.facts import RowKind, SelfScoreRow, SelfScoreTable
from pipeline.understanding.rules import header_roles
from pipeline.understanding.similarity import label_similarity
from pipeline.understanding.table_columns import Roles, TableLayout, find_layout

# Column roles by header words (rules/table_headers.yaml), checked in this order: "Điểm tự chấm"
# is a self-score column even though it also says "điểm"; an empty "Điểm Cụm thẩm định" column is
# the cluster's, not the unit's.
_ROLES: Roles = header_roles("self", "verified", "note", "guidance", "bonus", "deduction", "max", "code", "ordinal",
                             "label")
_BONUS_WORDS = ("điểm thưởng", "điểm cộng", "điểm khuyến khích", "cộng điểm")
_DEDUCTION_WORDS = ("điểm trừ", "trừ điểm")
_TOTAL = re.compile(r"^(tổng cộng|tổng điểm|tổng số điểm|tổng số|cộng|tổng)\b")
_CODE_OK = 0.25  # a code match is kept when the labels share at least this much
_LABEL_OK = 0.5  # a label alone must be at least this similar
_TEXT_TOTAL_REACH = 6  # paragraphs after the table searched for a total written in a sentence
_GROUP_TITLE_OK = 0.75  # a row with no usable code is a group row only if its label is the group's title


def find_self_score_table(doc: Document, rubric: Rubric) -> SelfScoreTable | None:
    """The first table whose header names a self-score column, read against ``rubric``."""
    for block in doc.tables():
        layout = _layout(block)
        if layout is not None:
            table = _read(block, layout, rubric)
            if table.claimed_total is None:
                _total_in_text(doc, block, table)
            return table
    return None


# "Tổng cộng: 912,5/1000 điểm", "Tổng điểm tự chấm là 84,5 điểm" (not "Tự chấm 5,5/3,5 điểm":
# that is one criterion's score in prose).
_TOTAL_IN_TEXT = re.compile(
    r"(?:tổng cộng|tổng điểm|tổng số điểm)(?: tự chấm)?(?: của đơn vị)?\s*(?:là|đạt|được)?\s*:?\s*"
    r"(?P<total>\d[\d.,]*)\s*(?:/\s*\d[\d.,]*\s*)?điểm"
)


def _total_in_text(doc: Document, table_block: Block, table: SelfScoreTable) -> None:
    """A total the unit writes in a sentence under its table, when the table has no total row:
    the first paragraph after the table that states one (only one such number, or it is not sure)."""
    after = [b for b in doc.body_text_blocks()
             if (b.provenance.paragraph or 0) > (table_block.provenance.paragraph or 0)]
    for block in after[:_TEXT_TOTAL_REACH]:
        found = {parse_number(m.group("total")) for m in _TOTAL_IN_TEXT.finditer(fold(block.text))}
        found.discard(None)
        if len(found) == 1:
            table.claimed_total = found.pop()
            table.claimed_total_where = block.provenance
            return


def _layout(block: Block) -> TableLayout | None:
    layout = find_layout(block, _ROLES, lambda c: "self" in c and ("max" in c or "label" in c), _is_header_row)
    if layout is not None and "code" not in layout.columns and "ordinal" in layout.columns:
        # A running STT is the code column only when the table has no code column of its own.
        layout.columns["code"] = layout.columns.pop("ordinal")
    return layout


def _is_header_row(row: list) -> bool:
    texts = [c.text for c in row if c.text]
    return bool(texts) and not any(parse_number(t) is not None for t in texts) and any(
        role_word in fold(t) for t in texts for _, words in _ROLES for role_word in words
    )


@dataclass
class _State:
    rubric: Rubric
    group: Group | None = None
    used: set[str] = field(default_factory=set)


def _read(block: Block, layout: TableLayout, rubric: Rubric) -> SelfScoreTable:
    state = _State(rubric)
    rows: list[SelfScoreRow] = []
    claimed_total: float | None = None
    unmatched: list[str] = []
    for r in range(layout.header_rows, len(block.rows)):
        cells = _cells(block, r, layout)
        if not any(cells.values()):
            continue
        prov = _row_provenance(block, r, layout)
        row = _classify(cells, state, prov)
        if row is None:
            continue
        if row.kind is RowKind.TOTAL:
            claimed_total = row.self_score
        elif row.kind is RowKind.CRITERION and row.code is None:
            unmatched.append(row.label or row.code_as_written)
        rows.append(row)
    return SelfScoreTable(rows=rows, claimed_total=claimed_total, unmatched=unmatched, provenance=block.provenance)


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


def _cells(block: Block, r: int, layout: TableLayout) -> dict[str, str]:
    row = block.rows[r]
    return {role: row[c].text.replace("\n", " ").strip() if c < len(row) else "" for role, c in layout.columns.items()}


def _classify(cells: dict[str, str], state: _State, prov: object) -> SelfScoreRow | None:
    code = cells.get("code", "").strip()
    label = cells.get("label", "")
    # Some units write the group name in the code cell ("ĐIỂM THƯỞNG") and leave the label empty.
    if not label and code and not re.match(r"^[\dIVXivx.]+$", code):
        code, label = "", code
    folded = fold(label or code)
    self_written = cells.get("self", "")
    base = dict(
        code_as_written=code,
        label=label,
        max_points=parse_number(cells.get("max", "")),
        self_score_as_written=self_written,
        note=cells.get("note", ""),
        provenance=prov,
    )
    if _TOTAL.match(folded):
        return SelfScoreRow(kind=RowKind.TOTAL, code=None, self_score=parse_number(self_written), **base)
    if not code and not cells.get("max", "").strip() and not self_written.strip():
        return None  # the wrapped end of the previous row's label, cut into a row of its own
    group = _group_row(code, folded, state)
    if group is not None:
        state.group = group
        score = _score(self_written, state)
        return SelfScoreRow(kind=RowKind.GROUP, code=group.code, self_score=score, match="group", **base)
    parent = _parent_criterion(code, label, state)
    if parent is not None:
        return SelfScoreRow(kind=RowKind.SUBTOTAL, code=parent.code, self_score=_score(self_written, state),
                            match="subtotal", **base)
    criterion, how = _match_criterion(code, label, state)
    if criterion is not None:
        state.used.add(criterion.code)
    return SelfScoreRow(
        kind=RowKind.CRITERION,
        code=criterion.code if criterion else None,
        self_score=_score(self_written, state, criterion),
        match=how,
        **base,
    )


def _score(written: str, state: _State, criterion: Criterion | None = None) -> float | None:
    """The self score; deductions as positive amounts, an empty deduction cell as no deduction
    (a deduction item inside a criterion counts as one, whatever its group)."""
    value = parse_number(written)
    kind = criterion.kind if criterion is not None and criterion.kind else (
        state.group.kind if state.group is not None else GroupKind.STANDARD)
    if kind is GroupKind.DEDUCTION:
        return abs(value) if value is not None else (0.0 if not written.strip() else None)
    return value


def _group_row(code: str, folded_label: str, state: _State) -> Group | None:
    groups = state.rubric.groups
    if any(w in folded_label for w in _BONUS_WORDS):
        return next((g for g in groups if g.kind is GroupKind.BONUS), None)
    if any(w in folded_label for w in _DEDUCTION_WORDS):
        return next((g for g in groups if g.kind is GroupKind.DEDUCTION), None)
    by_label = max(groups, key=lambda g: label_similarity(folded_label, g.title))
    numeral = roman_to_int(code)
    if numeral is None or "." in code.strip().rstrip("."):
        # A code misread (OCR "H" for "II") or missing: a label that is plainly a group's title.
        strong = label_similarity(folded_label, by_label.title) >= _GROUP_TITLE_OK
        return by_label if strong and not _criterion_like(folded_label, state) else None
    by_code = next((g for g in groups if roman_to_int(g.code) == numeral), None)
    if by_code is not None and (not folded_label or label_similarity(folded_label, by_code.title) >= _CODE_OK):
        return by_code
    return by_label if label_similarity(folded_label, by_label.title) >= _CODE_OK else by_code


def _criterion_like(folded_label: str, state: _State) -> bool:
    """Does the label read as one of the rubric's criteria rather than a group title?"""
    best = max((label_similarity(folded_label, c.title) for _, c in state.rubric.leaves()), default=0.0)
    group = max(label_similarity(folded_label, g.title) for g in state.rubric.groups)
    return best > group


def _match_criterion(code: str, label: str, state: _State) -> tuple[Criterion | None, str]:
    candidates = _candidates(state)
    by_code = _by_code(code, state)
    code_fits = by_code is not None and by_code.code not in state.used
    if code_fits and (not label or label_similarity(label, by_code.title) >= _CODE_OK):
        return by_code, "code"
    scored = sorted(
        ((label_similarity(label, c.title), c) for c in candidates if c.code not in state.used),
        key=lambda pair: -pair[0],
    )
    if scored and scored[0][0] >= _LABEL_OK:
        return scored[0][1], "label"
    if code_fits:
        return by_code, "code (nội dung ghi khác)"
    return None, ""


def _parent_criterion(code: str, label: str, state: _State) -> Criterion | None:
    """A row of a criterion that has sub-criteria ('A.1' over 'A.1.a', 'A.1.b'), by its code and
    label; such a row holds their sum, not a score of its own."""
    parents = {c.code.upper(): c for c in _all_parents(state.rubric)}
    if not parents:
        return None
    written = code.strip().rstrip(".").replace(" ", "").upper()
    tries = [written] + ([f"{state.group.code}.{written}".upper()] if state.group is not None and written else [])
    by_code = next((parents[t] for t in tries if t in parents), None)
    if by_code is not None and (not label or label_similarity(label, by_code.title) >= _CODE_OK):
        return by_code
    if _by_code(code, state) is None and label:
        best = max(parents.values(), key=lambda c: label_similarity(label, c.title))
        if label_similarity(label, best.title) >= _GROUP_TITLE_OK:
            return best
    return None


def _all_parents(rubric: Rubric) -> list[Criterion]:
    found: list[Criterion] = []

    def walk(criteria: list[Criterion]) -> None:
        for c in criteria:
            if c.holds_own_kind():
                found.append(c)
            walk(c.criteria)

    for group in rubric.groups:
        walk(group.criteria)
    return found


def _candidates(state: _State) -> list[Criterion]:
    if state.group is not None:
        return list(state.group.leaves())
    return [c for _, c in state.rubric.leaves()]


def _by_code(code: str, state: _State) -> Criterion | None:
    """The criterion a written code points at: 'I.1', or '1' / '1.1' under the current group."""
    code = code.strip().rstrip(".").replace(" ", "")
    if not code:
        return None
    leaves = {c.code.upper(): c for _, c in state.rubric.leaves()}
    tries = [code.upper()]
    if state.group is not None:
        tries.append(f"{state.group.code}.{code}".upper())
        tries.append(f"{state.group.code}.{code.split('.')[-1]}".upper())
    return next((leaves[t] for t in tries if t in leaves), None)
