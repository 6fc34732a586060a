"""Import the cluster's own criteria document (bảng tiêu chí chấm điểm thi đua) into a rubric.

    document ─► table.criteria_tables / read_rows ─► tree.Tree (rows placed by their codes)
             ─► Rubric (codes as written, kinds, points per occurrence, caps, guidance)
             + what could not be placed, sums that differ, codes tdkt had to make.

How each thing a table writes is read: docs/criteria-import.md.
"""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import BaseModel, Field

from pipeline.config.award_rules import AwardRules, load_rules
from pipeline.config.rubric import Criterion, Group, GroupKind, Rubric, check_rubric
from pipeline.core.errors import TdktError
from pipeline.core.model import Block, BlockKind, Document
from pipeline.core.textnorm import fold, format_number
from pipeline.criteria.finish import finish
from pipeline.criteria.nodes import Node, TableNote
from pipeline.criteria.phrases import deduction_rule, evidence_phrases
from pipeline.criteria.principles import PrinciplesReading, read_principles
from pipeline.criteria.table import criteria_tables, read_rows, self_scores_filled
from pipeline.criteria.text import sentence_case
from pipeline.criteria.tree import Tree
from pipeline.understanding.doc_kind import titled_kind
from pipeline.understanding.selfscore import self_score_columns
from templates import DEFAULT_RULES


class RubricImportError(TdktError):
    """The document holds no table that reads as a criteria table."""


class ImportedCriteria(BaseModel):
    """What a criteria document was read as: the rubric, the rows that could not be placed, the
    sums that differ, the codes tdkt had to make, and its nomination principles."""

    rubric: Rubric
    principles: PrinciplesReading | None = Field(
        default=None, description="Its nomination principles as read: the rules they state, what was not understood")
    unplaced: list[str] = Field(default_factory=list, description="Rows the import could not place, with where")
    problems: list[str] = Field(default_factory=list, description="Sums that differ, caps naming no row, OCR")
    notes: list[str] = Field(default_factory=list, description="Codes tdkt composed or assigned, and the like")

    @property
    def rules(self) -> AwardRules | None:
        """The award rules the document's nomination principles state, or None."""
        return self.principles.rules if self.principles is not None else None

    @property
    def clean(self) -> bool:
        """Every row placed and every sum as the document states it."""
        return not self.unplaced and not self.problems


class RubricImport(ImportedCriteria):
    """A criteria document just read (tdkt rubric import)."""

    source: str
    declared_total: float | None = None
    table_notes: list[TableNote] = Field(default_factory=list, description="Note rows that are not caps")


def import_rubric(doc: Document, name: str | None = None, base_rules: AwardRules | None = None) -> RubricImport:
    """The rubric the document's criteria table says, and the award rules its nomination
    principles say (starting from ``base_rules``, tdkt's default rules when not given)."""
    tables = criteria_tables(doc)
    if not tables:
        raise RubricImportError(
            "không thấy bảng tiêu chí (cần một bảng có cột “STT/Mã” hoặc “Nội dung tiêu chí” và cột “Điểm chuẩn”)")
    tree = Tree()
    for row in read_rows(tables):
        tree.add(row)
    if not tree.roots:
        raise RubricImportError("bảng tiêu chí không có dòng nào có mã (I, II, 1, 2, a, b, …)")
    whole_table = tree.paragraph_caps([(b.text, b.provenance.describe()) for b in doc.body_text_blocks()])
    finish(tree)
    roots = _grouped(tree)
    groups = [_group(node, tree.notes) for node in roots]
    rubric = Rubric(name=name or _document_title(doc) or "Bảng tiêu chí chấm điểm thi đua", step=0.5, groups=groups,
                    bonus_cap=whole_table.get(GroupKind.BONUS), deduction_cap=whole_table.get(GroupKind.DEDUCTION))
    # The scale is the standard points the groups add up to (known once holders have their sums).
    rubric.scale = sum(g.points for g in rubric.groups if g.kind is GroupKind.STANDARD) or 100
    problems = tree.problems + [msg for _, msg in check_rubric(rubric)] + _scanned(tables)
    total = tree.declared_total
    if total is not None and abs(total - rubric.scale) > 1e-6 and abs(total - _grand_total(rubric.groups)) > 1e-6:
        problems.append(f"dòng tổng cộng ghi {format_number(total)} điểm, khác tổng điểm chuẩn các nhóm "
                        f"({format_number(rubric.scale)})")
    principles = read_principles(_principle_blocks(doc, tree.table_notes), rubric,
                                 base_rules or load_rules(DEFAULT_RULES))
    return RubricImport(rubric=rubric, source=doc.file, unplaced=tree.unplaced, notes=_in_table_order(tree.notes),
                        problems=problems, declared_total=total, principles=principles, table_notes=tree.table_notes)


def _principle_blocks(doc: Document, notes: list[TableNote]) -> list[Block]:
    """The text around the table, and the table's note rows that are not caps: where clusters
    write how they nominate."""
    rows = [Block(kind=BlockKind.PARAGRAPH, raw=n.text, text=n.text, provenance=n.provenance) for n in notes]
    return [*doc.body_text_blocks(), *rows]


def _scanned(tables: list) -> list[str]:
    """A table read by OCR is never taken as settled: OCR can misread a letter or a digit and
    still be sure of itself, so reviewers check the imported table against the scan."""
    confidences = [c.confidence for block, _ in tables if block.provenance.ocr_confidence is not None
                   for row in block.rows for c in row if c.confidence is not None]
    if not any(block.provenance.ocr_confidence is not None for block, _ in tables):
        return []
    mean = round(100 * sum(confidences) / len(confidences)) if confidences else 0
    return [f"bảng tiêu chí đọc bằng OCR từ bản quét (độ tin cậy trung bình {mean}%): đối chiếu mã, tên tiêu chí "
            "và điểm với bản gốc trước khi dùng"]


def _in_table_order(lines: list[str]) -> list[str]:
    """Notes about rows in the order of the rows ('bảng 1, dòng 5' before 'dòng 11'), then the rest."""
    def key(line: str) -> tuple[int, int]:
        m = re.search(r"bảng (\d+), dòng (\d+)", line)
        return (int(m.group(1)), int(m.group(2))) if m else (10**6, 0)

    return sorted(lines, key=key)


def _grouped(tree: Tree) -> list[Node]:
    """Top rows become groups. A table of criteria with no group rows gets one group, 'TC'."""
    standard_leaves = [n for n in tree.roots if not n.children and n.kind in (None, GroupKind.STANDARD)]
    if standard_leaves and len(standard_leaves) == sum(1 for n in tree.roots if n.kind in (None, GroupKind.STANDARD)):
        holder = Node(None, "", "Các tiêu chí thi đua", "", standard_leaves[0].where, kind=GroupKind.STANDARD,
                      children=standard_leaves, final="TC")
        for leaf in standard_leaves:
            leaf.parent = holder
        tree.notes.append("bảng không chia nhóm: các tiêu chí được đặt trong một nhóm mã TC")
        rest = [n for n in tree.roots if n not in standard_leaves]
        return [holder, *rest]
    return tree.roots


def _grand_total(groups: list[Group]) -> float:
    """Standard and bonus points together: some tables write that as their total."""
    return sum(g.points for g in groups if g.kind is not GroupKind.DEDUCTION)


def _group(node: Node, notes: list[str]) -> Group:
    kind = node.kind or GroupKind.STANDARD
    criteria = [_criterion(child, kind, notes) for child in node.children]
    if not criteria:
        # A section with no items of its own ("IV. Điểm thưởng: tối đa 5 điểm"): it is its own criterion.
        own = Node(None, node.label, node.title, node.guidance, node.where, max=node.max, per=node.per,
                   final=f"{node.final}[1]")
        criteria = [_criterion(own, kind, notes)]
        notes.append(f"{node.where}: mục {node.final} không có tiêu chí con: đặt một tiêu chí {own.final}")
    maximum = node.max if (node.max is not None or kind is not GroupKind.STANDARD) else None
    return Group(code=node.final, title=node.title, guidance=node.guidance, kind=kind, max=maximum,
                 bonus_cap=node.bonus_cap, deduction_cap=node.deduction_cap, criteria=criteria)


def _criterion(node: Node, inherited: GroupKind, notes: list[str]) -> Criterion:
    kind = node.kind or inherited
    children = [_criterion(child, kind, notes) for child in node.children]
    if node.max is None and not children:
        notes.append(f"{node.where}: tiêu chí {node.final} không ghi điểm")
    criterion = Criterion(code=node.final, title=node.title, guidance=node.guidance,
                          kind=kind, max=node.max, per=node.per,
                          bonus_cap=node.bonus_cap, deduction_cap=node.deduction_cap, criteria=children)
    if not any(c.kind is kind for c in children):
        criterion.evidence = evidence_phrases(node.title)
        if kind is GroupKind.DEDUCTION:
            rule, discipline = deduction_rule(node.title, node.max or 0.0)
            criterion.deduction = rule
            criterion.discipline = discipline
            if discipline or criterion.deduction is not None:
                # The rule's own evidence: a date for a late report, the word itself for discipline
                # (a title's other words, "cá nhân", would find every award and deduct for it).
                criterion.evidence = ["kỷ luật"] if discipline else []
    return criterion


def _document_title(doc: Document) -> str | None:
    """'Bảng tiêu chí chấm điểm thi đua năm 2024 …' from the paragraphs before the table."""
    for block in doc.body_text_blocks()[:15]:
        text = " ".join(block.text.split())
        if "tiêu chí" in fold(text) and len(text) < 200:
            return sentence_case(text)
    return None


_RUBRIC_TITLE_WORDS = ("tiêu chí", "thang điểm", "giao ước thi đua")


def is_rubric_document(doc: Document) -> bool:
    """A criteria document (as the cluster signs it), not a unit's report: a criteria table with
    no self scores filled in, under a title about criteria or with little text around it."""
    tables = criteria_tables(doc)
    if not tables or self_scores_filled(tables) or _a_units_table(doc):
        return False
    if sum(len(block.rows) - layout.header_rows for block, layout in tables) < 5:
        return False
    texts = [b.text for b in doc.body_text_blocks()]
    titled = any(w in fold(t) for t in texts[:8] for w in _RUBRIC_TITLE_WORDS)
    return titled or sum(len(t.split()) for t in texts) < 150


def _a_units_table(doc: Document) -> bool:
    """A unit's self-scoring table, however this module read its header: the report reader finds
    self-scores in a table (the two readers of headers then never disagree silently), or the
    document is titled as a report ("BÁO CÁO …") and a table has a self-score column, even an
    empty one (a unit's report is read and flagged, never taken for the cluster's criteria)."""
    columns = self_score_columns(doc)
    if any(columns):
        return True
    titled = titled_kind(doc)
    return bool(columns) and titled is not None and titled.kind == "report"


def import_file(path: Path, name: str | None = None, base_rules: AwardRules | None = None) -> RubricImport:
    from extractors import extract

    return import_rubric(extract(path, path.name), name, base_rules)
