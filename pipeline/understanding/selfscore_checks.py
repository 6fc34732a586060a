"""What a reading of a unit's self-scores must satisfy, whatever it was read from (a table, prose):
subtotals equal to the sum under them, every standard criterion scored."""

from __future__ import annotations

from pipeline.rubric import GroupKind, Rubric
from pipeline.textnorm import format_number
from pipeline.understanding.facts import RowKind, SelfScoreRow


def missing_criteria(rows: list[SelfScoreRow], rubric: Rubric) -> list[str]:
    """Standard criteria the reading has no self-score for: left out by the unit, or rows tdkt
    could not place; either way a reviewer looks. (Bonus and deduction items a unit leaves out
    are none.)"""
    read = {r.code for r in rows if r.kind is RowKind.CRITERION and r.code and r.self_score is not None}
    missing = [c.code for _, c in rubric.leaves() if c.kind is GroupKind.STANDARD and c.code not in read]
    if not missing:
        return []
    return ["Không thấy điểm tự chấm của tiêu chí " + ", ".join(missing)]


def subtotal_problems(rows: list[SelfScoreRow], rubric: Rubric) -> list[str]:
    """A criterion row that holds sub-criteria must add up to what was read under it."""
    by_code = {r.code: r for r in rows if r.code and r.kind is RowKind.CRITERION}
    problems = []
    for row in rows:
        if row.kind is not RowKind.SUBTOTAL or row.self_score is None or row.code is None:
            continue
        holder = rubric.criterion(row.code)
        parts = [by_code[c.code].self_score for c in holder.leaves() if c.code in by_code]
        if not parts or any(p is None for p in parts):
            continue
        signed = sum((-1 if c.kind is GroupKind.DEDUCTION else 1) * (by_code[c.code].self_score or 0)
                     for c in holder.leaves() if c.code in by_code)
        if abs(signed - row.self_score) > 0.005:
            problems.append(f"{row.provenance.describe()}: tiêu chí {row.code} ghi {format_number(row.self_score)} "
                            f"nhưng cộng các tiêu chí con được {format_number(signed)}")
    return problems
