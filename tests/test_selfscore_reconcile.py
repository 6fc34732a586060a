"""A unit's self-scores checked against the totals the unit itself states (issue: never silently
wrong). Reports are built in code (tests/builders.py) against the sample rubric."""

from __future__ import annotations

import docx
import pytest
from builders import full_scores, report_docx
from rubric_docs import sample_rubric

from pipeline.config.award_rules import load_rules
from pipeline.core.textnorm import fold
from pipeline.drafts.render import render_drafts
from pipeline.nomination.nominate import CHECK_MARK, Status
from pipeline.results.outcome import FileOutcome
from pipeline.runs.steps import read_report, score_cluster, select_reports
from templates import DEFAULT_RULES

UNITS = ["Trường Cao đẳng Y tế Thủ đô", "Trường Cao đẳng Điện tử Viễn thông Mê Linh",
         "Trường Trung cấp Kỹ thuật Tây Hồ"]


def _facts(path):
    outcome = read_report(path, sample_rubric(), None)
    assert outcome.facts is not None, outcome.rejection
    return outcome.facts


def test_a_total_written_only_in_a_sentence_under_the_table_is_the_units_stated_total(tmp_path):
    rubric = sample_rubric()
    scores = full_scores(rubric, minus=2.5)
    facts = _facts(report_docx(tmp_path / "bc.docx", rubric, UNITS[0], scores, total="text"))
    table = facts.self_scores
    assert table.claimed_total == rubric.scale - 2.5
    assert table.claimed_total_where is not None and table.claimed_total_where.paragraph is not None


@pytest.fixture
def disputed(tmp_path):
    """Three units: a.docx consistent, b.docx whose total row says the full scale while its rows
    add up to 3 points less, c.docx with no total at all; scored, ranked and nominated."""
    return _cluster(tmp_path)


def _cluster(tmp_path, c_stated: float | None = None):
    """The three units above; ``c_stated``: c.docx writes this total row instead of none."""
    rubric = sample_rubric()
    reports = [
        report_docx(tmp_path / "a.docx", rubric, UNITS[0], full_scores(rubric, minus=1.0), number="1/BC-A"),
        report_docx(tmp_path / "b.docx", rubric, UNITS[1], full_scores(rubric, minus=3.0), number="2/BC-B",
                    stated_total=rubric.scale),
        report_docx(tmp_path / "c.docx", rubric, UNITS[2], full_scores(rubric, minus=5.0), number="3/BC-C",
                    total="none" if c_stated is None else "row", stated_total=c_stated),
    ]
    outcomes = []
    for path in reports:
        facts = _facts(path)
        outcomes.append(FileOutcome(file=facts.file, sha256=facts.sha256, facts=facts))
    selected, rejected = select_reports(outcomes, 2023)
    return score_cluster(selected, rejected, rubric, load_rules(DEFAULT_RULES), None, 2023)


def test_a_unit_whose_stated_total_disagrees_with_the_reading_is_marked_with_both_numbers(disputed):
    scale = disputed.rubric.scale
    by_file = {u.file: u for u in disputed.board.units}
    doubtful = by_file["b.docx"]
    assert doubtful.doubt is not None and (doubtful.doubt.stated, doubtful.doubt.read) == (scale, scale - 3)
    assert by_file["a.docx"].doubt is None  # its total row agrees with its rows
    assert by_file["c.docx"].doubt is None  # nothing stated, nothing contradicted
    nominations = {n.member_id: n for n in disputed.nominations.nominations}
    mine, first, third = (nominations[by_file[f].member_id] for f in ("b.docx", "a.docx", "c.docx"))
    assert mine.note.startswith(f"Cần đối chiếu bảng điểm: đơn vị ghi {scale:g}, tdkt đọc được {scale - 3:g}")
    # By tdkt's reading a.docx leads and b.docx is second; by b.docx's own total, the other way
    # round. Neither flag is proposed as settled; the Bằng khen of c.docx does not depend on it.
    assert (first.award_id, first.status) == ("co_chinh_phu", Status.CHECK)
    assert (mine.award_id, mine.status) == ("co_ubnd_tp", Status.CHECK)
    assert f"theo tổng điểm đơn vị tự ghi ({scale:g}): Cờ thi đua của Chính phủ" in mine.note
    assert (third.award_id, third.status) == ("bang_khen_ubnd_tp", Status.PROPOSED) and not third.note
    # Next year's leader goes to the first-ranked unit here: which one also waits for the check.
    leadership = disputed.nominations.leadership
    assert leadership.leader_id == by_file["a.docx"].member_id
    assert f"chờ đối chiếu bảng điểm của {doubtful.name}: theo tổng điểm đơn vị tự ghi, Cụm trưởng là " \
           f"{doubtful.name}" in leadership.basis


def test_a_second_doubt_that_decides_nothing_leaves_the_first_ones_marks_as_they_were(tmp_path):
    # c.docx writes 96 for rows adding up to 95: still third, still a Bằng khen either way.
    result = _cluster(tmp_path, c_stated=sample_rubric().scale - 4)
    by_file = {u.file: u for u in result.board.units}
    nominations = {n.member_id: n for n in result.nominations.nominations}
    first, mine, third = (nominations[by_file[f].member_id] for f in ("a.docx", "b.docx", "c.docx"))
    assert by_file["c.docx"].doubt is not None
    assert (third.award_id, third.status) == ("bang_khen_ubnd_tp", Status.PROPOSED)
    assert third.note == "Cần đối chiếu bảng điểm: đơn vị ghi 96, tdkt đọc được 95"
    # a.docx's flag depends on b.docx's table only: one pending note, naming b.docx's unit.
    assert first.status is Status.CHECK and first.note.count("chờ đối chiếu") == 1
    assert by_file["c.docx"].name not in first.note and (mine.award_id, mine.status) == ("co_ubnd_tp", Status.CHECK)


def test_the_list_the_proposal_and_the_minutes_show_both_numbers_and_propose_nothing_unsettled(disputed, tmp_path):
    drafts = render_drafts(disputed, tmp_path / "drafts")
    scale = disputed.rubric.scale
    both = f"cần đối chiếu bảng điểm: đơn vị ghi {scale:g}, tdkt đọc được {scale - 3:g}"
    listed = docx.Document(str(drafts["nominations"]))
    rows = [[c.text for c in r.cells] for t in listed.tables for r in t.rows]
    mine = next(r for r in rows if "Mê Linh" in r[1])  # the unit column
    assert any(c.endswith(CHECK_MARK) and c.startswith("Cờ thi đua của Ủy ban nhân dân") for c in mine)
    assert any(both in fold(c) for c in mine)
    proposal = _text(drafts["proposal"])
    assert both in fold(proposal)
    # Only the Bằng khen is proposed to the city; the two flags wait for the check.
    assert "Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố (01 tập thể)" in proposal
    assert "Cờ thi đua của Chính phủ (01 tập thể)" not in proposal
    minutes = _text(drafts["minutes"])
    assert both in fold(minutes) and "(chờ đối chiếu bảng điểm)" in minutes


def _text(path) -> str:
    doc = docx.Document(str(path))
    return "\n".join([p.text for p in doc.paragraphs] + [c.text for t in doc.tables for r in t.rows for c in r.cells])


def test_a_table_sent_in_two_files_is_read_as_one(tmp_path):
    """The report carries groups I–II of the table; the rest, with the total, comes as a second
    file (the next scanned page, say). Neither is a version of the other: one record, all scores."""
    rubric = sample_rubric()
    scores = full_scores(rubric, minus=2.0)
    first_codes = {c.code for g in rubric.groups[:2] for c in g.leaves()}
    report = report_docx(tmp_path / "bao-cao.docx", rubric, UNITS[0], {k: v for k, v in scores.items()
                                                                     if k in first_codes}, total="none",
                         narrative=["Năm 2023, Nhà trường hoàn thành tốt các nhiệm vụ được giao."] * 3)
    rest = docx.Document()
    rest.add_paragraph(f"UBND THÀNH PHỐ HÀ NỘI\n{UNITS[0].upper()}")
    rest.add_paragraph("BẢNG TỰ CHẤM ĐIỂM THI ĐUA NĂM 2023 (tiếp theo)")
    table = rest.add_table(rows=1, cols=4)
    for cell, text in zip(table.rows[0].cells, ("TT", "Nội dung tiêu chí", "Điểm chuẩn", "Điểm tự chấm"), strict=True):
        cell.text = text
    for group in rubric.groups[2:]:
        for criterion in group.leaves():
            cells = table.add_row().cells
            cells[0].text, cells[1].text = criterion.code, criterion.title
            cells[2].text, cells[3].text = f"{criterion.max:g}", f"{scores.get(criterion.code, 0):g}".replace(".", ",")
    cells = table.add_row().cells
    cells[1].text, cells[3].text = "Tổng cộng", f"{rubric.scale - 2:g}"
    rest.save(tmp_path / "bao-cao-trang-2.docx")
    outcomes = []
    for path in (report, tmp_path / "bao-cao-trang-2.docx"):
        facts = _facts(path)
        outcomes.append(FileOutcome(file=facts.file, sha256=facts.sha256, facts=facts))
    selected, rejected = select_reports(outcomes, 2023)
    assert not rejected and len(selected) == 1
    record = next(iter(selected.values()))
    read = {r.code: r.self_score for r in record.self_scores.rows if r.code and r.kind.value == "criterion"}
    assert {k: read[k] for k in scores} == scores and record.self_scores.claimed_total == rubric.scale - 2
    assert any("ghép từ 2 tệp" in n for n in record.notes)
    unit = score_cluster(selected, rejected, rubric, load_rules(DEFAULT_RULES), None, 2023).board.units[0]
    assert unit.doubt is None and unit.self_total == rubric.scale - 2
    assert not any("Không thấy điểm tự chấm" in f for f in unit.flags)
