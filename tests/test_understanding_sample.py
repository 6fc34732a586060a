"""What tdkt reads from each sample report (3 .docx, 3 PDF), against the generator's ground truth."""

import datetime as dt

import pytest

from pipeline.core.textnorm import fold
from pipeline.understanding.facts import Recipient, RowKind

UNITS = ["dhvhnt", "cdyt", "cdsp", "cdnt", "cddd", "cdmn"]


@pytest.mark.parametrize("unit_id", UNITS)
def test_exact_self_scores(unit_id, sample_facts, expected):
    table = sample_facts[unit_id].self_scores
    got = {code: (row.max_points, row.self_score) for code, row in table.criterion_rows().items()}
    want = {code: (v["max"], v["self"]) for code, v in expected[unit_id]["self_scores"].items()}
    assert got == want
    assert table.claimed_total == expected[unit_id]["claimed_total"]
    assert table.unmatched == []
    groups = {r.code: r.self_score for r in table.rows if r.kind is RowKind.GROUP}
    assert {k: v for k, v in groups.items() if k in ("I", "II", "III", "IV")} == {
        k: v for k, v in expected[unit_id]["group_scores"].items() if k in ("I", "II", "III", "IV")
    }


def test_sample_covers_both_formats(expected):
    formats = [e["file"].rsplit(".", 1)[1] for e in expected.values()]
    assert formats.count("docx") == 3 and formats.count("pdf") == 3


def test_specific_cells_as_written(sample_facts):
    cdnt = sample_facts["cdnt"].self_scores.criterion_rows()
    assert (cdnt["I.4"].self_score, cdnt["I.4"].max_points) == (10.5, 10)  # claims over the max
    cddd = sample_facts["cddd"].self_scores.criterion_rows()
    assert cddd["V.1"].self_score_as_written == "(1)" and cddd["V.1"].self_score == 1
    assert cddd["II.1"].match == "label"  # numbered 7 in a table numbered 1…20
    cdsp = sample_facts["cdsp"].self_scores
    assert cdsp.provenance.table is not None and cdsp.claimed_total == 97.5


@pytest.mark.parametrize("unit_id", UNITS)
def test_unit_year_number_and_date(unit_id, sample_facts, expected):
    facts, truth = sample_facts[unit_id], expected[unit_id]
    assert facts.unit.member_id == unit_id
    assert facts.year == 2023
    assert facts.doc_number == truth["doc_number"]
    assert facts.doc_date == dt.date.fromisoformat(truth["doc_date"])


def test_unit_is_named_as_written_in_the_header(sample_facts):
    assert sample_facts["cdyt"].unit.as_written == "TRƯỜNG CAO ĐẲNG Y TẾ THỦ ĐÔ"
    assert sample_facts["cdyt"].unit.provenance.page == 1
    assert sample_facts["cdmn"].unit.name == "Trường Cao đẳng Sư phạm Mầm non Hoàng Mai"


@pytest.mark.parametrize("unit_id", UNITS)
def test_awards_received(unit_id, sample_facts, expected):
    got = sorted((fold(a.as_written), a.recipient.value, a.count) for a in sample_facts[unit_id].awards)
    want = sorted((fold(a["form"]), a["recipient"], a["count"]) for a in expected[unit_id]["awards"])
    assert got == want


def test_award_canonical_names_and_levels(sample_facts):
    cddd = {a.award: a for a in sample_facts["cddd"].awards}
    flag = cddd["Cờ thi đua của Ủy ban nhân dân Thành phố"]
    assert flag.as_written == "Cờ thi đua của UBND Thành phố"
    assert (flag.recipient, flag.count, flag.level, flag.kind) == (Recipient.COLLECTIVE, 1, "Thành phố", "danh hiệu")
    assert cddd["Lao động tiên tiến"].count == 112
    assert cddd["Lao động tiên tiến"].quote.provenance.file == sample_facts["cddd"].file


def test_proposals_are_not_received_awards(sample_facts):
    # The leading unit proposes itself for the Government flag in "Đề xuất": not an award received.
    assert "Cờ thi đua của Chính phủ" not in {a.award for a in sample_facts["dhvhnt"].awards}


def test_headline_metrics_of_two_reports(sample_facts):
    dhvhnt = {(m.value, m.unit): m for m in sample_facts["dhvhnt"].metrics}
    job = dhvhnt[(92.5, "%")]
    assert job.measure == "tỷ lệ sinh viên có việc làm sau tốt nghiệp"
    assert job.quote.text == "tỷ lệ sinh viên có việc làm sau tốt nghiệp đạt 92,5%"
    assert dhvhnt[(46, "bài báo")].measure.startswith("bài báo khoa học")
    enrolment = dhvhnt[(1250, "chỉ tiêu")]
    assert enrolment.target == 1200
    cdyt = {(m.value, m.unit): m for m in sample_facts["cdyt"].metrics}
    assert cdyt[(96.1, "%")].measure == "tỷ lệ tốt nghiệp"
    assert cdyt[(15, "đề tài")].measure.startswith("đề tài nghiên cứu khoa học cấp cơ sở")
    assert cdyt[(96.1, "%")].quote.provenance.page == 1


def test_metric_recall_over_the_sample(sample_facts, expected):
    found = total = 0
    for unit_id, truth in expected.items():
        for metric in truth["metrics"]:
            total += 1
            found += any(
                (abs(m.value - metric["value"]) < 1e-9 and fold(metric["text"]) in fold(m.quote.text))
                or (abs(m.value - metric["value"]) < 1e-9 and fold(m.quote.text) in fold(metric["text"]))
                for m in sample_facts[unit_id].metrics
            )
    assert found / total >= 0.9, f"{found}/{total}"


def test_evidence_found_except_the_unsupported_claim(sample_facts):
    cdmn = sample_facts["cdmn"]
    assert "II.3" not in cdmn.evidence
    passages = cdmn.evidence["I.3"]
    assert any("việc làm" in p.quote.text for p in passages)
    assert all(p.quote.provenance.file == cdmn.file for p in passages)


def test_assessment_sections(sample_facts):
    sections = sample_facts["cdsp"].sections
    assert {k.value for k in sections} >= {"ưu điểm", "hạn chế", "phương hướng"}


@pytest.mark.parametrize("unit_id", UNITS)
def test_emulation_officer_named_with_position(unit_id, sample_facts, expected):
    truth = expected[unit_id]["officer"]
    officers = sample_facts[unit_id].officers
    assert [o.name for o in officers] == [truth["name"]]
    officer = officers[0]
    assert officer.position and officer.position in truth["text"]
    assert truth["text"] in officer.quote.text
    assert officer.quote.provenance.file == sample_facts[unit_id].file


def test_people_outside_emulation_work_are_not_officers():
    from pipeline.core.model import Block, BlockKind, Provenance
    from pipeline.understanding.officers import find_officers

    def para(text):
        return Block(kind=BlockKind.PARAGRAPH, text=text, provenance=Provenance(file="a.docx", paragraph=1))

    found = find_officers([
        para("Đồng chí Lê Văn Hùng, Hiệu trưởng, đã tiếp đoàn kiểm tra của Sở Y tế."),
        para("Bà Trần Thị Mai, chuyên viên Phòng Tổ chức, làm thường trực công tác thi đua, khen thưởng."),
    ])
    assert [(o.name, o.position) for o in found] == [("Trần Thị Mai", "chuyên viên Phòng Tổ chức")]
