"""The self-scoring reader on a family of generated tables, not one fixture.

tests/generators/selfscore_tables.py draws, from a seed, a rubric (the criteria generator's),
a unit's self-scores and a layout of the unit's own: codes in another numbering, a running
STT or none, flat or grouped, subtotals at 0–2 levels, total row / sentence / none, empty
"Điểm Cụm thẩm định" and "Ghi chú" columns, two-row headers, the header repeated, "x/y" cells,
deductions with or without their minus, reworded titles. The property held for every table:
the reading is exact, or it admits doubt; never silently wrong. Text formats: ≥ 99% exact.
"""

from __future__ import annotations

import pytest
from generators.selfscore_runs import Outcome, run

DOCX, PDF = 300, 20


@pytest.fixture(scope="module")
def outcomes(soffice, tmp_path_factory) -> dict[str, list[Outcome]]:
    found, _ = run(list(range(10_000, 10_000 + DOCX)), PDF, tmp_path_factory.mktemp("selfscore-generated"), jobs=2,
                   soffice=soffice)
    by_format: dict[str, list[Outcome]] = {}
    for outcome in found:
        by_format.setdefault(outcome.fmt, []).append(outcome)
    return by_format


def _report(rows: list[Outcome], statuses: tuple[str, ...]) -> str:
    failing = [o for o in rows if o.status in statuses]
    return f"{len(failing)} of {len(rows)}:\n" + "\n".join("    " + o.line() for o in failing[:8])


def test_a_reading_is_exact_or_says_it_is_unsure_never_silently_wrong(outcomes):
    everything = [o for rows in outcomes.values() for o in rows]
    assert len(everything) == DOCX + PDF
    assert not [o for o in everything if o.status in ("silent", "crash")], _report(everything, ("silent", "crash"))


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_text_formats_are_read_exactly(outcomes, fmt):
    rows = outcomes[fmt]
    exact = sum(o.status == "exact" for o in rows)
    assert exact >= 0.99 * len(rows), _report(rows, ("flagged", "silent", "crash"))
