"""Facts of the right year: awards and figures count for the year the text states.

A unit's report recalls earlier years ("năm 2022 được tặng Cờ thi đua …", "Bằng khen của Thủ
tướng năm 2023", "đạt 92% (năm 2022 là 88%)"): those are history, kept apart with their year,
never counted, scored or quoted as the report year's. Reports are built in code; a seeded
generator (tests/generators/fact_years.py) checks the attribution of every fact over hundreds of
passages.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from builders import full_scores, report_docx
from generators.fact_years import Passage, generate
from rubric_docs import sample_rubric

from examples import SAMPLE_CLUSTER_DIR
from pipeline.core.model import Block, BlockKind, Provenance
from pipeline.results.outcome import FileOutcome
from pipeline.runs.inbox_run import process_inbox
from pipeline.runs.steps import read_report
from pipeline.understanding.awards import find_awards
from pipeline.understanding.facts import ReportFacts
from pipeline.understanding.metrics import find_metrics
from pipeline.understanding.nlp import RuleSet
from pipeline.understanding.years import split_by_year

RUBRIC = sample_rubric()
SCHOOL = "Trường Cao đẳng Y tế Thủ đô"
CITY_FLAG = "Cờ thi đua của Ủy ban nhân dân Thành phố"
CITY_BK = "Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố"


def _read(tmp_path: Path, narrative: list[str], year: int = 2024, name: str = "bc.docx") -> ReportFacts:
    path = report_docx(tmp_path / name, RUBRIC, SCHOOL, full_scores(RUBRIC), year=year,
                       date=f"ngày 10 tháng 12 năm {year}", narrative=narrative)
    outcome = read_report(path, RUBRIC, None)
    assert outcome.rejection is None, outcome.rejection
    assert outcome.facts.year == year
    return outcome.facts


def _awards(facts: list) -> list[tuple[str, int, int | None]]:
    return [(a.award, a.count, a.year) for a in facts]


def _metrics(facts: list) -> list[tuple[float, int | None]]:
    return [(m.value, m.year) for m in facts]


# --- examples of the issue ---------------------------------------------------------------------

def test_an_earlier_years_award_is_history_and_this_years_after_a_semicolon_counts(tmp_path):
    facts = _read(tmp_path, [
        "Năm 2022 được tặng Cờ thi đua của UBND thành phố; năm 2024, 02 cá nhân được tặng Bằng khen của Chủ tịch "
        "UBND Thành phố; 05 cá nhân đạt danh hiệu Chiến sĩ thi đua cơ sở.",
    ])
    assert _awards(facts.past_awards) == [(CITY_FLAG, 1, 2022)]
    assert _awards(facts.awards) == [(CITY_BK, 2, 2024), ("Chiến sĩ thi đua cơ sở", 5, None)]
    assert "năm 2022" in facts.past_awards[0].quote.text.lower()


def test_prime_ministers_award_with_an_earlier_year_after_its_name(tmp_path):
    facts = _read(tmp_path, [
        "Nhà trường được tặng Bằng khen của Thủ tướng năm 2023; 01 tập thể được tặng Bằng khen của Bộ trưởng Bộ Y tế.",
    ])
    assert _awards(facts.past_awards) == [("Bằng khen của Thủ tướng Chính phủ", 1, 2023)]
    assert _awards(facts.awards) == [("Bằng khen của Bộ trưởng Bộ Y tế", 1, None)]


def test_a_decision_date_of_an_earlier_year(tmp_path):
    facts = _read(tmp_path, [
        "Nhà trường được tặng Cờ thi đua của Chính phủ (Quyết định số 123/QĐ-TTg ngày 10/3/2021).",
        "Theo Quyết định số 45/QĐ-UBND ngày 15 tháng 01 năm 2024, Nhà trường được tặng Cờ thi đua của UBND "
        "Thành phố.",
        # A year mention governs before a decision date: the date is when the decision was signed.
        "Năm 2024, 03 cá nhân được tặng Bằng khen của Chủ tịch UBND Thành phố (Quyết định số 12/QĐ-UBND "
        "ngày 05/01/2023).",
    ])
    assert _awards(facts.past_awards) == [("Cờ thi đua của Chính phủ", 1, 2021)]
    assert _awards(facts.awards) == [(CITY_FLAG, 1, 2024), (CITY_BK, 3, 2024)]


def test_another_years_figure_in_parentheses_is_history(tmp_path):
    facts = _read(tmp_path, ["Tỷ lệ sinh viên có việc làm sau tốt nghiệp đạt 92% (năm 2022 là 88%)."])
    assert _metrics(facts.metrics) == [(92, None)]
    assert _metrics(facts.past_metrics) == [(88, 2022)]
    assert facts.past_metrics[0].measure == facts.metrics[0].measure == "Tỷ lệ sinh viên có việc làm sau tốt nghiệp"
    assert "88" not in facts.metrics[0].quote.text  # the draft quotes this year's figure alone


def test_a_year_compared_with_does_not_date_a_figure(tmp_path):
    facts = _read(tmp_path, [
        "Tỷ lệ sinh viên có việc làm sau tốt nghiệp đạt 92,5%, tăng 1,7 điểm phần trăm so với năm 2022.",
        "So với cùng kỳ năm 2023, Nhà trường nghiệm thu 15 đề tài nghiên cứu khoa học cấp cơ sở.",
        "Tỷ lệ sinh viên tốt nghiệp năm 2023 có việc làm đạt 94,1%.",  # the graduates' year, not the figure's
    ])
    assert _metrics(facts.metrics) == [(92.5, None), (15, None), (94.1, None)]
    assert facts.past_metrics == []


def test_a_school_year_holding_the_report_year_is_this_year(tmp_path):
    facts = _read(tmp_path, [
        "Quy mô đào tạo năm học 2023-2024 là 3.912 học sinh.",
        "Giai đoạn 2018 - 2022, Nhà trường được tặng Cờ thi đua của UBND Thành phố.",
    ])
    assert [(m.value, m.first_year, m.year) for m in facts.metrics] == [(3912, 2023, 2024)]
    assert [(a.award, a.first_year, a.year) for a in facts.past_awards] == [(CITY_FLAG, 2018, 2022)]
    assert facts.awards == []


def test_list_items_take_the_year_of_their_lead_in(tmp_path):
    facts = _read(tmp_path, [
        "Năm 2022, Nhà trường và cá nhân được khen thưởng như sau:",
        "- Cờ thi đua của UBND Thành phố;",
        "- 02 cá nhân được tặng Bằng khen của Bộ trưởng Bộ Y tế.",
        "Trong năm 2024, tập thể và cá nhân của Nhà trường được các cấp khen thưởng như sau:",
        "- 04 cá nhân được tặng Bằng khen của Chủ tịch UBND Thành phố;",
        "- 02 tập thể đạt danh hiệu Tập thể lao động xuất sắc.",
        "Nhà trường được tặng Bằng khen của Thủ tướng Chính phủ.",  # no longer a list item: no year
    ])
    assert _awards(facts.past_awards) == [(CITY_FLAG, 1, 2022), ("Bằng khen của Bộ trưởng Bộ Y tế", 2, 2022)]
    assert _awards(facts.awards) == [(CITY_BK, 4, 2024), ("Tập thể lao động xuất sắc", 2, 2024),
                                     ("Bằng khen của Thủ tướng Chính phủ", 1, None)]


def test_a_later_year_is_neither_this_years_nor_history(tmp_path):
    facts = _read(tmp_path, ["Tháng 01/2025, Nhà trường được tặng Bằng khen của Bộ trưởng Bộ Y tế.",
                             "Nhà trường được tặng Bằng khen của Chủ tịch UBND Thành phố."])
    assert _awards(facts.awards) == [(CITY_BK, 1, None)]
    assert facts.past_awards == []
    assert any("năm sau" in note and "Bộ trưởng Bộ Y tế" in note for note in facts.notes)


def test_extract_shows_earlier_years_under_their_own_heading(tmp_path, capsys):
    from cli.output import print_extract

    facts = _read(tmp_path, [
        "Năm 2022, Nhà trường được tặng Cờ thi đua của UBND Thành phố; năm 2024, Nhà trường được tặng Bằng khen "
        "của Chủ tịch UBND Thành phố.",
        "Tỷ lệ sinh viên có việc làm sau tốt nghiệp đạt 92% (năm 2022 là 88%).",
    ])
    print_extract(FileOutcome(file=facts.file, sha256=facts.sha256, facts=facts))
    out = capsys.readouterr().out
    current, _, history = out.partition("Khen thưởng các năm trước (không tính cho năm 2024):")
    assert f"Khen thưởng: {CITY_BK}" in current and CITY_FLAG not in current
    assert f"  - Năm 2022: {CITY_FLAG} — 1 tập thể" in history
    assert "Số liệu các năm trước (không tính cho năm 2024):" in history
    assert "  - Năm 2022: Tỷ lệ sinh viên có việc làm sau tốt nghiệp = 88 %" in history


# --- every fact of generated passages --------------------------------------------------------

@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return RuleSet.build(RUBRIC, None)


def _facts_of(passage: Passage, rules: RuleSet) -> ReportFacts:
    blocks = [Block(kind=BlockKind.PARAGRAPH, raw=text, text=text, provenance=Provenance(file="bc.docx", paragraph=i))
              for i, text in enumerate(passage.paragraphs)]
    docs = list(rules.docs(b.text for b in blocks))
    return ReportFacts(file="bc.docx", sha256="0", unit=None, year=passage.report_year,
                       awards=find_awards(blocks, docs, rules), metrics=find_metrics(blocks, docs, rules))


def test_generated_passages_attribute_every_fact_to_its_stated_year(rules):
    checked = 0
    for seed in range(400):
        passage = generate(seed)
        found = _facts_of(passage, rules)
        got = {("award", (a.award, a.count)): (a.year, a.first_year) for a in found.awards}
        got |= {("metric", (m.value,)): (m.year, m.first_year) for m in found.metrics}
        want = {(s.kind, s.key): (s.year, s.first_year) for s in passage.truth}
        assert got == want, (seed, passage.paragraphs)
        split = split_by_year(found)
        year = passage.report_year
        for fact in passage.truth:
            first, last = fact.first_year or fact.year, fact.year
            place = ("this" if last is None or first <= year <= last else "earlier" if last < year else "later")
            keys = {
                "this": {("award", (a.award, a.count)) for a in split.awards}
                | {("metric", (m.value,)) for m in split.metrics},
                "earlier": {("award", (a.award, a.count)) for a in split.past_awards}
                | {("metric", (m.value,)) for m in split.past_metrics},
            }
            for where, held in keys.items():
                assert ((fact.kind, fact.key) in held) == (where == place), (seed, fact, passage.paragraphs)
            checked += 1
    assert checked >= 1000


def test_the_generator_writes_every_shape():
    passages = [generate(seed) for seed in range(400)]
    text = " ".join(p for passage in passages for p in passage.paragraphs)
    for words in ("(năm 20", "Quyết định số", "Năm học", "Giai đoạn", "so với năm", "cùng kỳ năm", "tốt nghiệp năm",
                  "vì đã dẫn đầu", "như sau:", "chỉ tiêu"):
        assert words in text, words
    years = [(p.report_year, s.year) for p in passages for s in p.truth if s.year is not None]
    assert any(y < r for r, y in years) and any(y > r for r, y in years) and any(y == r for r, y in years)


# --- the drafts quote this year's awards only ------------------------------------------------

def test_summary_draft_does_not_quote_an_earlier_years_award(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    scores = full_scores(RUBRIC) | {"IV.1": 2}
    report_docx(inbox / "BC CĐYT.docx", RUBRIC, SCHOOL, scores, year=2024, date="ngày 10 tháng 12 năm 2024",
                narrative=["Năm 2022, Nhà trường được tặng Cờ thi đua của UBND Thành phố; năm 2024, Nhà trường được "
                           "tặng Bằng khen của Chủ tịch UBND Thành phố.",
                           "Tỷ lệ sinh viên có việc làm sau tốt nghiệp đạt 92% (năm 2022 là 88%)."])
    report_docx(inbox / "BC CĐSP.docx", RUBRIC, "Trường Cao đẳng Sư phạm Tây Hồ", full_scores(RUBRIC, minus=1),
                year=2024, date="ngày 11 tháng 12 năm 2024",
                narrative=["Năm 2024, 02 cá nhân được tặng Bằng khen của Bộ trưởng Bộ Giáo dục và Đào tạo."])
    summary = process_inbox(inbox, tmp_path / "out", rubric=SAMPLE_CLUSTER_DIR / "rubric.yaml")
    assert summary.year == 2024 and summary.problem is None
    unit = next(u for u in summary.result.board.units if u.name == SCHOOL)
    bonus = next(c for c in unit.criteria if c.code == "IV.1")
    assert bonus.proposed == 1 and "Cờ thi đua" not in bonus.reason  # the chairman's Bằng khen alone
    path = next(Path(p) for p in summary.drafts if Path(p).name == "bao-cao-tong-ket-2024.docx")
    text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    # The unit's Phần I passage and its line among the awards received by unit (section IV).
    lines = [line for line in text.splitlines() if line.startswith((f"{SCHOOL}:", f"- {SCHOOL}:"))]
    assert any(CITY_BK in line for line in lines), lines
    assert not any("Cờ thi đua" in line for line in lines), lines
    assert "92%" in text and "88%" not in text
