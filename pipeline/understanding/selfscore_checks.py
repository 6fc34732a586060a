"""What a reading of a unit's self-scores must satisfy, whatever it was read from (a table, prose):
subtotals equal to the sum under them, every standard criterion scored; and, for a scan, the one
other reading of a score cell that makes the rows add up to the unit's own total."""

from __future__ import annotations

from itertools import combinations, product

from pipeline.config.rubric import GroupKind, Rubric
from pipeline.core.textnorm import format_number, parse_number
from pipeline.understanding.facts import RowKind, SelfScoreRow, SelfScoreTable


def score_number(written: str) -> float | None:
    """A self score as units write it: "9,5", "9,50 điểm", "- 1", or "5,5/3,5" (over the maximum)."""
    return parse_number(written.split("/", 1)[0])


def missing_criteria(rows: list[SelfScoreRow], rubric: Rubric) -> list[str]:
    """Standard criteria the reading has no self-score for: left out by the unit, or rows tdkt
    could not place; either way a reviewer looks. (Bonus and deduction items a unit leaves out
    are none.) Checked on the unit's whole record, which may join tables from several files."""
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
        parts = [c for c in rubric.criterion(row.code).leaves() if c.code in by_code]
        if not parts or any(by_code[c.code].self_score is None for c in parts):
            continue
        signed = sum((-1 if c.kind is GroupKind.DEDUCTION else 1) * (by_code[c.code].self_score or 0) for c in parts)
        if abs(signed - row.self_score) > _EPS:
            problems.append(f"{row.provenance.describe()}: tiêu chí {row.code} ghi {format_number(row.self_score)} "
                            f"nhưng cộng các tiêu chí con được {format_number(signed)}")
    return problems


def settle_by_total(table: SelfScoreTable, rubric: Rubric) -> None:
    """A scan's rows that do not add up to the unit's stated total: when exactly one set of other
    readings OCR made of the score cells ("25" for "2,5", "5,5" for "5,9"), the fewest cells
    changed, makes them add up, those readings are taken and a note says so for each. Several or
    none: nothing changes (scoring then shows both totals to the reviewer)."""
    if table.claimed_total is None:
        return
    scored = [r for r in table.rows if r.kind is RowKind.CRITERION and r.code]
    signs = {r.code: -1 if rubric.criterion(r.code).kind is GroupKind.DEDUCTION else 1 for r in scored}
    gap = table.claimed_total - sum(signs[r.code] * (r.self_score or 0) for r in scored)
    if abs(gap) <= _EPS:
        return
    options = [[(row, value) for value in _other_values(row)] for row in scored
               if row.provenance.ocr_confidence is not None]
    options = [o for o in options if o]
    for size in range(1, _MOST_CHANGES + 1):
        fixes = [choice for rows in combinations(options, size) for choice in product(*rows)
                 if abs(sum(signs[r.code] * (v - (r.self_score or 0)) for r, v in choice) - gap) <= _EPS]
        if len(fixes) > 1:
            return  # several ways to add up: none is taken
        if fixes:
            for row, value in fixes[0]:
                table.notes.append(
                    f"{row.provenance.describe()}: điểm tự chấm của tiêu chí {row.code} đọc bằng OCR là "
                    f"“{row.self_score_as_written}”, được hiểu là {format_number(value)} vì chỉ cách đọc này "
                    f"khớp tổng điểm đơn vị ghi ({format_number(table.claimed_total)})")
                row.self_score = value
            return


def _other_values(row: SelfScoreRow) -> list[float]:
    """What the cell's other readings say, a decimal comma OCR lost put back where the number is
    more than the criterion's points ("25" for "2,5")."""
    values = []
    for text in row.alternatives:
        value = score_number(text)
        if value is None:
            continue
        value = abs(value) if (row.self_score or 0) >= 0 else value
        lost_comma = not any(mark in text for mark in ",.") and any(mark in row.self_score_as_written for mark in ",.")
        if lost_comma and row.max_points is not None and value > row.max_points and value / 10 <= row.max_points:
            value /= 10
        if row.self_score is None or abs(value - row.self_score) > _EPS:
            values.append(value)
    return values


_EPS = 0.005
_MOST_CHANGES = 3  # cells a total may settle at once
