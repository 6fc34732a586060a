"""Every score explains itself: the appendix of the summary report and `tdkt explain` show, per
criterion, the self score, the proposed score, the rule and the evidence with its source."""

import docx
import pytest

from cli.main import main as tdkt
from pipeline.drafts.render import render_drafts
from pipeline.results.explain import UnitNotFound, explain_unit, find_unit
from pipeline.results.outcome import RunSummary
from pipeline.results.run_report import write_run_report


def _line(explanation, code):
    return next(c for c in explanation.criteria if c.code == code)


def test_claim_above_evidence_is_explained(sample_result):
    cdyt = explain_unit(sample_result, find_unit(sample_result, "cdyt"))
    assert (cdyt.self_total, cdyt.total, cdyt.rank) == ("99", "98", "2/6")
    line = _line(cdyt, "IV.1")
    assert (line.max, line.self_score, line.proposed, line.differs) == ("2", "2", "1", True)
    assert line.rule == "Quy tắc khen thưởng"
    assert "Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố (01 tập thể): 1 điểm" in line.reason
    assert line.flags == ["Tự chấm 2, minh chứng chỉ đủ 1"]
    assert line.evidence[0].quote == ("01 tập thể và 04 cá nhân được tặng Bằng khen của Chủ tịch Ủy ban nhân dân "
                                      "Thành phố")
    assert line.evidence[0].source == "trang 3"  # of the unit's own report, named once above its table
    kept = _line(cdyt, "I.1")
    assert (kept.self_score, kept.proposed, kept.differs, kept.flags) == ("10", "10", False, [])


def test_evidence_from_another_file_names_it():
    from pipeline.core.model import Provenance
    from pipeline.results.explain import source_of
    from pipeline.understanding.facts import Quote

    quote = Quote(text="Bảng tự chấm điểm", provenance=Provenance(file="Bang diem CDYT.xlsx.pdf", page=1, table=0,
                                                                  row=4))
    assert source_of(quote, "BC CDYT.docx") == "tệp Bang diem CDYT.xlsx.pdf, trang 1, bảng 1, dòng 5"
    assert source_of(quote, "Bang diem CDYT.xlsx.pdf") == "trang 1, bảng 1, dòng 5"


def test_claim_without_evidence_is_flagged(sample_result):
    cdmn = explain_unit(sample_result, find_unit(sample_result, "cdmn"))
    line = _line(cdmn, "II.3")
    assert (line.self_score, line.proposed, line.evidence) == ("4", "4", [])
    assert line.flags == ["Chưa tìm thấy minh chứng trong báo cáo"]
    assert "Chưa tìm thấy minh chứng cho tiêu chí II.3" in cdmn.notes


def test_metric_rule_below_the_claim_keeps_the_claim(sample_result):
    line = _line(explain_unit(sample_result, find_unit(sample_result, "dhvhnt")), "I.3")
    assert (line.self_score, line.proposed, line.rule) == ("9,5", "9,5", "Quy tắc số liệu")
    assert "đạt 92,5%" in line.reason and "giữ điểm tự chấm 9,5" in line.reason
    # How the criteria say to score it, beside the rule, for reviewers.
    assert line.guidance == ("Từ 90% người học có việc làm trở lên: 10 điểm; dưới 50%: 0 điểm; từ 50% đến dưới "
                             "90%: tính theo tỷ lệ")


def test_tie_is_noted(sample_result):
    cddd = explain_unit(sample_result, find_unit(sample_result, "cddd"))
    assert cddd.rank == "4/6" and cddd.notes[0] == "Đồng hạng với Trường Cao đẳng Nghệ thuật Thăng Long"


@pytest.mark.parametrize("query, member_id", [
    ("cdyt", "cdyt"), ("Trường Cao đẳng Y tế Thủ đô", "cdyt"), ("CĐYT", "cdyt"), ("y te", "cdyt"),
    ("Mầm non", "cdmn"), ("  điều   dưỡng ", "cddd"),
])
def test_unit_found_by_id_name_alias_or_part(sample_result, query, member_id):
    assert find_unit(sample_result, query).member_id == member_id


def test_ambiguous_or_unknown_unit_named_plainly(sample_result):
    with pytest.raises(UnitNotFound, match="'Cao đẳng' khớp với 5 đơn vị"):
        find_unit(sample_result, "Cao đẳng")
    with pytest.raises(UnitNotFound, match=r"không thấy đơn vị 'Bách khoa'.*Trường Cao đẳng Y tế Thủ đô \(cdyt\)"):
        find_unit(sample_result, "Bách khoa")


def test_appendix_of_the_summary_report(sample_result, tmp_path):
    summary = render_drafts(sample_result, tmp_path)["summary"]
    doc = docx.Document(str(summary))
    paragraphs = [p.text for p in doc.paragraphs]
    start = paragraphs.index("Phụ lục")
    assert doc.paragraphs[start].style.name == "TDKT Phụ lục"
    assert paragraphs[start + 1] == "BẢNG ĐIỂM CHI TIẾT VÀ MINH CHỨNG"
    headings = [p.text for p in doc.paragraphs[start:] if p.style.name == "Heading 3"]
    assert headings == [f"{i}. {u.name}" for i, u in enumerate(sample_result.board.units, start=1)]
    # The table right after the second unit's heading is that unit's.
    heading = next(p for p in doc.paragraphs[start:] if p.text == "2. Trường Cao đẳng Y tế Thủ đô")
    following = heading._p.getnext()
    while following.tag != docx.oxml.ns.qn("w:tbl"):
        following = following.getnext()
    table = docx.table.Table(following, doc)
    rows = [[c.text for c in r.cells] for r in table.rows]
    assert rows[0] == ["Mã", "Tiêu chí", "Điểm chuẩn", "Tự chấm", "Đề xuất", "Căn cứ đề xuất, minh chứng"]
    assert len(rows) == 1 + len(list(sample_result.rubric.leaves()))
    iv1 = next(r for r in rows if r[0] == "IV.1")
    assert iv1[2:5] == ["2", "2", "1"]
    lines = iv1[5].split("\n")
    assert lines[0].startswith("Quy tắc khen thưởng: Khen thưởng trong năm: Bằng khen")
    assert lines[1] == "Cần rà soát: Tự chấm 2, minh chứng chỉ đủ 1"
    assert lines[2] == ("“01 tập thể và 04 cá nhân được tặng Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố” "
                        "(trang 3)")
    i3 = next(r for r in rows if r[0] == "I.3")
    assert i3[1].split("\n") == ["Tỷ lệ người học có việc làm sau tốt nghiệp", "Cách chấm: Từ 90% người học có việc "
                                 "làm trở lên: 10 điểm; dưới 50%: 0 điểm; từ 50% đến dưới 90%: tính theo tỷ lệ"]


def test_explain_command_from_a_run_output(sample_result, tmp_path, capsys):
    write_run_report(RunSummary(year=2023, result=sample_result), tmp_path)
    assert tdkt(["explain", "cdmn", "--from-run", str(tmp_path)]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "Trường Cao đẳng Sư phạm Mầm non Hoàng Mai — năm 2023" in out
    assert "Tự chấm 93,5 điểm; Cụm chấm 92,5 điểm; xếp thứ 6/6." in out
    assert "Cần rà soát: Chưa tìm thấy minh chứng trong báo cáo" in out
    assert "Cách chấm (theo bảng tiêu chí): Từ 90% người học có việc làm trở lên: 10 điểm;" in out
    assert tdkt(["explain", "Bách khoa", "--from-run", str(tmp_path)]) == 1
    assert "Lỗi: không thấy đơn vị 'Bách khoa'" in capsys.readouterr().err
