"""Evidence quotes on generated reports (tests/generators/evidence_reports.py) and on the sample
cluster: the first quote of a criterion is one of its known evidence sentences; titles, headings,
the unit's description, difficulties, targets, table headers and the self-scoring table's notes
are never quoted; a criterion claimed without evidence gets no quote (so it stays flagged).

Most seeds are read up to the evidence (extract, then the narrative's evidence, as ``understand``
does), a few through the whole ``read_report``. Rebuild a failing report with ``generate(seed)``
and ``write_all([report], folder)``; bench/evidence.py runs the same over more seeds.
"""

from __future__ import annotations

import pytest
from generators.evidence_reports import FORMATS, EvidenceReport, generate, judge, write_all
from generators.evidence_sample import KNOWN, NEVER, is_never
from rubric_docs import sample_rubric

from extractors import extract
from pipeline.core.model import BlockKind, Part
from pipeline.runs.steps import read_report
from pipeline.scoring.score import FlagCode
from pipeline.understanding import RuleSet
from pipeline.understanding.evidence import find_evidence
from pipeline.understanding.header import read_header
from pipeline.understanding.passage_kinds import PassageKind, block_roles, classify

SEEDS = range(150)
FULL_READS = range(0, 150, 15)


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    reports = [generate(seed) for seed in SEEDS]
    paths = write_all(reports, tmp_path_factory.mktemp("evidence-reports"))
    return list(zip(reports, paths, strict=True))


@pytest.fixture(scope="module")
def quoted(written) -> list[tuple[EvidenceReport, dict[str, list[str]]]]:
    rubric = sample_rubric()
    rules = RuleSet.build(rubric, None)
    out = []
    for report, path in written:
        doc = extract(path)
        narrative = [b for b in doc.blocks if b.kind is not BlockKind.TABLE and b.provenance.part is Part.BODY]
        evidence = find_evidence(narrative, list(rules.docs(b.text for b in narrative)), year=read_header(doc).year,
                                 negative=frozenset({"V.1", "V.2", "V.3"}))
        out.append((report, {code: [p.quote.text for p in passages] for code, passages in evidence.items()}))
    return out


def test_the_generator_covers_its_shapes(written):
    reports = [r for r, _ in written]
    assert {r.fmt for r in reports} == set(FORMATS)
    shapes = {shape for r in reports for shape, _ in r.distractors}
    assert shapes >= {"title", "opening", "heading", "description", "difficulty", "target", "table header",
                      "score note", "scoring", "proposal", "signature"}
    assert all(r.truth and r.claimed for r in reports)
    assert generate(7).blocks == generate(7).blocks  # seeded


def test_the_first_quote_is_known_evidence(quoted):
    wrong = [(r.seed, code, top) for r, q in quoted for code, top in judge(r, q).top.items() if top != "right"]
    assert not wrong, f"{len(wrong)} criteria, e.g. {wrong[:5]}"


def test_no_distractor_is_ever_quoted(quoted):
    found = [(r.seed, *d) for r, q in quoted for d in judge(r, q).distractors]
    assert not found, f"{len(found)} quotes, e.g. {found[:5]}"


def test_a_criterion_claimed_without_evidence_gets_no_quote(quoted):
    found = [(r.seed, code) for r, q in quoted for code in judge(r, q).claimed_quoted]
    assert not found, found[:5]


def test_every_known_evidence_sentence_is_quoted(quoted):
    verdicts = [judge(r, q) for r, q in quoted]
    assert sum(v.found for v in verdicts) == sum(v.known for v in verdicts)


def test_the_whole_reading_quotes_the_same_and_flags_no_evidence(written):
    """A few seeds through read_report: the self-scoring table is read, its notes are not quoted."""
    rubric = sample_rubric()
    for report, path in [written[i] for i in FULL_READS]:
        facts = read_report(path, rubric, None).facts
        assert facts.self_scores is not None and facts.self_scores.criterion_rows()["II.2"].note == "Cụm trưởng"
        verdict = judge(report, {c: [p.quote.text for p in ps] for c, ps in facts.evidence.items()})
        assert set(verdict.top.values()) == {"right"} and not verdict.distractors and not verdict.claimed_quoted
        assert all(p.quote.provenance.table is None for ps in facts.evidence.values() for p in ps)


def test_what_a_sentence_is():
    body = block_roles([])  # no blocks, no roles
    assert body == []
    from pipeline.understanding.passage_kinds import BlockRole

    role = BlockRole()
    assert classify("Tuy nhiên, công tác tuyển sinh chịu sự cạnh tranh gay gắt.", role, 2023) is PassageKind.DIFFICULTY
    assert classify("Trường được thành lập năm 1960, có chức năng đào tạo.", role, 2023) is PassageKind.DESCRIPTION
    assert classify("Năm 2024, Nhà trường tuyển sinh 900 người học.", role, 2023) is PassageKind.TARGET
    assert classify("Nhà trường ban hành Kế hoạch số 12/KH-CĐYT ngày 10/01/2023.", role, 2023) is PassageKind.FACT
    assert classify("Dù gặp nhiều khó khăn, song Nhà trường vẫn tuyển sinh đạt 102% chỉ tiêu.", role,
                    2023) is PassageKind.FACT
    assert classify("thăm hỏi đoàn viên có hoàn cảnh khó khăn", role, 2023) is PassageKind.STATEMENT


# --- the sample cluster ------------------------------------------------------------------------

def test_sample_top_quotes_are_the_labelled_evidence(sample_facts):
    for unit, criteria in KNOWN.items():
        for code, truth in criteria.items():
            top = sample_facts[unit].evidence[code][0].quote.text
            assert any(t.lower() in top.lower() for t in truth), (unit, code, top)


def test_sample_never_quotes_titles_headings_descriptions_or_difficulties(sample_facts):
    quoted = [(unit, code, p.quote.text) for unit, facts in sample_facts.items()
              for code, passages in facts.evidence.items() for p in passages
              if any(is_never(p.quote.text, n) for n in NEVER[unit])]
    assert not quoted


def test_sample_quotes_on_real_values(sample_facts, sample_result):
    # The title "Tổng kết công tác thi đua, khen thưởng năm 2023 …" used to lead II.4; now the awards do.
    dhvhnt = sample_facts["dhvhnt"].evidence
    assert dhvhnt["II.4"][0].quote.text == "02 cá nhân được tặng Bằng khen của Thủ tướng Chính phủ"
    assert dhvhnt["I.1"][0].quote.text.startswith("Năm 2023, Nhà trường tuyển sinh được 1.250/1.200 chỉ tiêu, đạt "
                                                  "104,2%")
    assert dhvhnt["I.5"][0].quote.text.startswith("Đến tháng 11/2023, đội ngũ giảng viên của Nhà trường có 52 tiến sĩ")
    # "tuy nhiên, cơ sở vật chất … còn chật hẹp" (a difficulty) was cdmn's first I.6 quote.
    assert sample_facts["cdmn"].evidence["I.6"][0].quote.text.startswith("Cơ sở vật chất, chuyển đổi số, hợp tác "
                                                                           "quốc tế: hoàn thành cải tạo nhà đa năng")
    assert dhvhnt["II.4"][0].quote.provenance.paragraph == 30  # "đoạn 31" for a reviewer
    # A claim with no evidence is still flagged.
    cdmn = next(u for u in sample_result.board.units if u.member_id == "cdmn")
    assert next(c for c in cdmn.criteria if c.code == "II.3").has(FlagCode.NO_EVIDENCE)
