"""`tdkt rubric import` on a family of generated criteria documents, not one fixture.

tests/generators/criteria_tables.py draws a criteria structure and a layout from a seed (code
spellings, restarting or running numbering, one or three point columns, items without a code,
caps in notes, cells and paragraphs, guidance, merged group rows and columns, repeated headers,
split tables …) together with the rubric docs/criteria-import.md says the import must read. The
property held for every document: the import is exactly that rubric, or it is not clean (rows
unplaced or problems reported) — never a silently different rubric. Text formats must be read
exactly; scans (OCR) all but one.

Failures print, for the first few seeds, the first node that differs and the layout drawn, so
that a case can be rebuilt with `generate(seed, profile)` and `write_docx`.
"""

from __future__ import annotations

import time
from collections import Counter

import pytest
from generators.criteria_runs import Outcome, Runner, plan, tally
from generators.criteria_tables import AVOIDED, generate, rubric_shape, write_docx

from pipeline.config.rubric import GroupKind, check_rubric

DOCX, PDF, DOC, ODT, SCAN = 230, 60, 5, 5, 5
SHOWN = 8


@pytest.fixture(scope="module")
def outcomes(soffice, tmp_path_factory) -> dict[str, list[Outcome]]:
    """Every generated document imported: .docx read directly; PDFs, .doc and .odt made from
    the .docx by LibreOffice (one run per format, in the background); scans from the PDFs."""
    import shutil

    if shutil.which("tesseract") is None:
        pytest.fail("Cần Tesseract (OCR) cho kiểm thử này: chạy ./scripts/system-tools")
    folder = tmp_path_factory.mktemp("criteria-generated")
    start = time.perf_counter()
    with Runner(folder, jobs=2, soffice=soffice) as run:
        results = run.all(plan(docx=DOCX, pdf=PDF, doc=DOC, odt=ODT, scan=SCAN))
    by_format: dict[str, list[Outcome]] = {}
    for outcome in results:
        key = "doc/odt" if outcome.case.fmt in ("doc", "odt") else outcome.case.fmt
        by_format.setdefault(key, []).append(outcome)
    print(f"\ncriteria documents generated and imported in {time.perf_counter() - start:.1f} s "
          f"({', '.join(f'{k} {v:.1f} s' for k, v in run.timings.items())})")
    for fmt, row in tally(results).items():
        print(f"  {fmt:5} {row['documents']:4} documents: exact {row['exact']:4}, reported {row['reported']:4}, "
              f"silently wrong {row['silent']:3}, crashed {row['crash']:3}, "
              f"{row['seconds'] / row['documents']:.2f} s per document")
    return by_format


def _report(outcomes: list[Outcome], statuses: tuple[str, ...]) -> str:
    """The first few failing seeds: format, seed, first node that differs (or what the import
    said), and the layout drawn."""
    failing = [o for o in outcomes if o.status in statuses]
    lines = [o.line() for o in failing[:SHOWN]]
    more = f"\n  … and {len(failing) - SHOWN} more" if len(failing) > SHOWN else ""
    return (f"{len(failing)} of {len(outcomes)}:\n  " + "\n  ".join(lines) + more
            + "\n  (rebuild one: write_docx(generate(seed, 'scan' if scan else 'default'), path))")


def test_the_generator_is_seeded_and_its_truth_is_a_valid_rubric(tmp_path):
    first = write_docx(generate(11), tmp_path / "a.docx").read_bytes()
    again = write_docx(generate(11), tmp_path / "b.docx").read_bytes()
    assert first == again
    assert write_docx(generate(12), tmp_path / "c.docx").read_bytes() != first
    for seed in range(40):
        g = generate(seed)
        assert check_rubric(g.rubric) == []
        assert sum(grp.max for grp in g.rubric.groups if grp.kind is GroupKind.STANDARD) == g.rubric.scale
        assert rubric_shape(generate(seed).rubric) == rubric_shape(g.rubric)
    assert "lower-case roman" in AVOIDED  # the cases left out are written down with the generator


def test_the_documents_are_a_family_of_layouts():
    """What the .docx seeds of the property test cover (so a narrower generator is noticed)."""
    seen: Counter[str] = Counter()
    for seed in range(DOCX):
        g = generate(seed)
        lay, rubric = g.layout, g.rubric
        seen.update(g.features)
        seen[f"groups {g.scheme.group_style}"] += 1
        seen[f"points {lay.points}"] += 1
        seen[f"group rows {lay.group_rows}"] += 1
        seen[f"guidance {lay.guidance}"] += 1
        for level in g.scheme.levels.values():
            seen[f"level {level.kind} {level.style or level.variant}{' running' if level.running else ''}"] += 1
        seen["nested bonus/deduction"] += rubric.has_nested_items()
        seen["scale 1000"] += rubric.scale == 1000
        seen["four levels"] += len(g.scheme.levels) == 3 and any(
            c.criteria and any(x.criteria for x in c.criteria if x.kind is GroupKind.STANDARD)
            for grp in rubric.groups for c in grp.criteria)
        for flag in ("code_in_content", "auto_number", "repeat_header", "landscape", "cant_split"):
            seen[flag] += bool(getattr(lay, flag))
        seen["header written again"] += lay.header_again_at is not None
        seen["table split in two"] += lay.split_at is not None
        seen["STT and Mã"] += "stt" in lay.columns
        seen["two header rows"] += len(lay.header) == 2
        seen["total row"] += lay.total != "none"
        seen["Arial"] += lay.font == "Arial"
    wanted = {"groups roman": 60, "groups letter": 40, "groups arabic": 20, "points one": 100, "points three": 40,
              "two header rows": 30, "group rows row": 50, "group rows merged_code": 25, "group rows merged_all": 10,
              "group rows column": 8, "guidance line": 30, "guidance inline": 10, "guidance column": 20,
              "level simple arabic running": 8, "level compound letter": 20, "level compound position": 20,
              "level compound full": 15, "level simple lower": 40, "letter-dot spelling": 10,
              "composed codes": 40, "items without a code": 40, "item beside the points": 5,
              "per occurrence": 50, "nested bonus/deduction": 40, "cap cell": 20, "cap note_here": 15,
              "cap note_coded": 15, "cap paragraph": 10, "cap same_row": 5, "caps on the table": 10,
              "section without a code": 30, "section row holding items": 15, "capitals": 60, "scale 1000": 15,
              "four levels": 15,
              "code_in_content": 15, "auto_number": 15, "repeat_header": 60, "landscape": 15, "cant_split": 30,
              "header written again": 15, "table split in two": 15, "STT and Mã": 10, "total row": 100,
              "Arial": 30}
    short = {k: (seen[k], n) for k, n in wanted.items() if seen[k] < n}
    assert not short, short


def test_an_import_is_exact_or_reported_never_silently_different(outcomes):
    everything = [o for rows in outcomes.values() for o in rows]
    assert not [o for o in everything if o.status == "silent"], _report(everything, ("silent",))


@pytest.mark.parametrize("fmt", ["docx", "pdf", "doc/odt"])
def test_text_formats_are_read_exactly(outcomes, fmt):
    rows = outcomes[fmt]
    assert len(rows) == {"docx": DOCX, "pdf": PDF, "doc/odt": DOC + ODT}[fmt]
    assert all(o.status == "exact" for o in rows), _report(rows, ("reported", "silent", "crash"))


def test_scans_are_read_exactly_but_one(outcomes):
    rows = outcomes["scan"]
    assert len(rows) == SCAN
    assert sum(o.status == "exact" for o in rows) >= SCAN - 1, _report(rows, ("reported", "silent", "crash"))


def test_criteria_documents_are_taken_for_criteria_in_an_inbox(outcomes):
    """An inbox sets a file apart as the cluster's criteria document (is_rubric_document) before
    it is read as a report: every generated criteria document, in every format, is."""
    everything = [o for rows in outcomes.values() for o in rows]
    missed = [o for o in everything if not o.recognised]
    assert not missed, f"{len(missed)} of {len(everything)} not taken for criteria:\n  " + "\n  ".join(
        o.line() for o in missed[:SHOWN])
