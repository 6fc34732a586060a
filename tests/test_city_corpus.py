"""The city corpus bench/city.py measures tdkt on (tests/generators/city_corpus.py): a cluster is
the same for the same seed whatever the city's size, its configuration loads, and its reports,
read by tdkt, name their member unit, their year and the self-scores of the truth.

Kept cheap: the cluster is drawn, not written (no LibreOffice); two reports are written as .docx
(the PDFs are LibreOffice's rendering of the same files) and read in this process.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from generators.city_corpus import YEARS, members, plan_cluster, report_truth, write_report_docx

from examples import SAMPLE_CLUSTER_DIR
from pipeline.runs.steps import load_inputs, read_report


@pytest.fixture(scope="module")
def plan():
    return plan_cluster(7, 3)


def test_a_cluster_depends_on_the_seed_and_its_number_only(plan):
    again = plan_cluster(7, 3, others=2)
    assert [m.name for m in again.members] == [m.name for m in plan.members]
    assert [r.name for r in again.reports] == [r.name for r in plan.reports]
    assert [m.name for m in members(8, 3)] != [m.name for m in plan.members]
    assert len(plan.reports) == len(YEARS) * len(plan.members)


def test_members_are_told_apart(plan):
    names = [m.name for m in plan.members]
    aliases = [a for m in plan.members for a in m.aliases]
    assert len(set(names)) == len(names) and len(set(aliases)) == len(aliases)
    assert not any(a in b for a in names for b in names if a != b)


def test_reports_are_read_to_the_truth_and_written_the_same_twice(plan, tmp_path: Path):
    (tmp_path / "cluster.yaml").write_text(plan.cluster_yaml(), encoding="utf-8")
    rubric, _, cluster = load_inputs(SAMPLE_CLUSTER_DIR / "rubric.yaml", SAMPLE_CLUSTER_DIR / "rules.yaml",
                                     tmp_path / "cluster.yaml")
    assert [m.id for m in cluster.members] == [m.id for m in plan.members]
    chosen = [next(r for r in plan.reports if r.year == year and r.scored.layout.form == "table") for year in YEARS]
    for i, report in enumerate(chosen):
        first = write_report_docx(report, tmp_path / f"a{i}.docx")
        second = write_report_docx(report, tmp_path / f"b{i}.docx")
        assert first.read_bytes() == second.read_bytes()
        truth = report_truth(report)
        facts = read_report(first, rubric, cluster).facts
        assert facts.unit is not None and facts.unit.member_id == truth["unit"]
        assert facts.year == truth["year"]
        rows = facts.self_scores.criterion_rows()
        assert {code: rows[code].self_score for code in truth["scores"] if code in rows} == truth["scores"]
        if truth["stated_total"] is not None:
            assert facts.self_scores.claimed_total == pytest.approx(truth["stated_total"])


def test_the_unit_is_found_the_same_from_the_paragraphs_docs_already_made(plan, tmp_path: Path):
    """understand() hands identify_unit the docs it made of the body's paragraphs (marked with the unit
    names there instead of tokenized again): the same unit, written the same, at the same place, as
    when identify_unit tokenizes every text itself."""
    from extractors import extract
    from pipeline.runs.steps import ruleset_for
    from pipeline.understanding.unit import identify_unit

    (tmp_path / "cluster.yaml").write_text(plan.cluster_yaml(), encoding="utf-8")
    rubric, _, cluster = load_inputs(SAMPLE_CLUSTER_DIR / "rubric.yaml", SAMPLE_CLUSTER_DIR / "rules.yaml",
                                     tmp_path / "cluster.yaml")
    rules = ruleset_for(rubric, cluster)
    found = []
    for i, report in enumerate(plan.reports[::3]):
        doc = extract(write_report_docx(report, tmp_path / f"r{i}.docx"))
        paragraphs = doc.body_text_blocks()
        given = identify_unit(doc, rules, list(rules.docs(b.text for b in paragraphs)))
        assert given == identify_unit(doc, rules)
        found.append(given.member_id)
    assert found == [report_truth(r)["unit"] for r in plan.reports[::3]]
    with pytest.raises(ValueError):  # docs that are not the paragraphs'
        identify_unit(doc, rules, list(rules.docs(b.text for b in paragraphs[1:])))
