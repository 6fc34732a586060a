"""The drafts speak for the cluster, in one spelling, without repeating themselves, with
assessments that follow the rules' thresholds, and a Tờ trình that holds only what goes up;
the list's notes and the pledge's signatures laid out so they read well."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from builders import full_scores, report_docx
from docx.oxml.ns import qn
from docx.shared import Twips

from examples import SAMPLE_CLUSTER_DIR
from pipeline.config.award_rules import DecidedBy, load_rules
from pipeline.drafts.pledge import SIGNATURE_LINE_CHARS
from pipeline.drafts.render import render_document, render_drafts
from pipeline.drafts.spelling import canonical
from pipeline.results.outcome import FileOutcome
from pipeline.results.run_report import drafting_lines
from pipeline.runs.steps import read_report, score_cluster, select_reports

SELF_NOMINATION = ("Đề nghị Cụm thi đua số 18 xem xét, đề nghị Thủ tướng Chính phủ tặng Cờ thi đua của Chính phủ "
                   "cho Nhà trường vì đã có thành tích xuất sắc.")
# Each unit writes names its own way: old tone placement, lower-case "thành phố".
UNITS = [
    ("Trường Đại học Văn hóa Nghệ thuật Thủ đô", 0.0, [
        "Năm 2023, 01 cá nhân đạt danh hiệu Chiến sĩ thi đua thành phố.",
        "2. Hạn chế", "Công tác phối hợp giữa các khoa chưa thật sự nhịp nhàng, hoà hợp.",
        "III. KIẾN NGHỊ, ĐỀ XUẤT", SELF_NOMINATION,
        "Đề nghị Uỷ ban nhân dân thành phố quan tâm bố trí vốn xây dựng ký túc xá."]),
    ("Trường Cao đẳng Y tế Thủ đô", 1.0, [
        "Năm 2023, 02 cá nhân được tặng Bằng khen của Chủ tịch UBND thành phố.",
        "2. Hạn chế", "Cơ sở vật chất phục vụ thực hành còn thiếu.",
        "III. KIẾN NGHỊ, ĐỀ XUẤT", "Đề nghị Sở Y tế hỗ trợ kinh phí mua sắm thiết bị thuỷ lực cho phòng thực hành."]),
    ("Trường Cao đẳng Sư phạm Tây Hồ", 2.0, [
        "2. Hạn chế", "Cơ sở vật chất phục vụ thực hành còn thiếu.",
        "III. KIẾN NGHỊ, ĐỀ XUẤT", "Đề nghị Cụm đề nghị tặng Bằng khen của Chủ tịch Uỷ ban nhân dân thành phố cho "
        "Nhà trường."]),
    ("Trường Cao đẳng Điều dưỡng Hà Đông", 3.0, [
        "III. KIẾN NGHỊ, ĐỀ XUẤT", "Đề nghị Uỷ ban nhân dân thành phố quan tâm bố trí kinh phí sửa chữa giảng đường."]),
]


@pytest.fixture(scope="module")
def generated(sample_inputs, tmp_path_factory):
    """A cluster of four units whose reports were written in code, with variant spellings."""
    rubric, rules, cluster = sample_inputs
    inbox = tmp_path_factory.mktemp("inbox")
    outcomes = []
    for i, (unit, minus, narrative) in enumerate(UNITS, start=1):
        path = report_docx(inbox / f"bao-cao-{i}.docx", rubric, unit, full_scores(rubric, minus=minus),
                           number=f"{10 + i}/BC-TEST", narrative=narrative)
        read = read_report(path, rubric, cluster)
        assert read.rejection is None, read.rejection
        outcomes.append(FileOutcome(file=read.facts.file, sha256=read.facts.sha256, facts=read.facts))
    reports, rejected = select_reports(outcomes, 2023)
    return score_cluster(reports, rejected, rubric, rules, cluster, 2023)


@pytest.fixture(scope="module")
def generated_drafts(generated, tmp_path_factory) -> dict[str, Path]:
    return render_drafts(generated, tmp_path_factory.mktemp("drafts"))


@pytest.fixture(scope="module")
def sample_drafts(sample_result, tmp_path_factory) -> dict[str, Path]:
    return render_drafts(sample_result, tmp_path_factory.mktemp("sample-drafts"))


def _paragraphs(doc, quotes: bool = True) -> list[str]:
    """Body paragraphs and table cells' paragraphs, in order; ``quotes=False`` leaves out the
    evidence quotes (kept as the reports wrote them)."""
    found = [p for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                found += cell.paragraphs
    return [p.text for p in found if quotes or p.style.name != "TDKT Bảng trích dẫn"]


def _section(texts: list[str], start: str, end: str) -> list[str]:
    first = texts.index(start)
    return texts[first + 1:texts.index(end, first)]


# 1. Units' proposals about themselves are never the cluster's.

def test_a_units_self_nomination_is_not_the_clusters_proposal(generated, generated_drafts):
    texts = [p.text for p in docx.Document(str(generated_drafts["summary"])).paragraphs]
    part3 = _section(texts, "Phần III\nĐỀ XUẤT, KIẾN NGHỊ", "KẾT QUẢ CHẤM ĐIỂM VÀ ĐỀ NGHỊ KHEN THƯỞNG")
    assert part3 == [
        "- Đề nghị Ban Thi đua - Khen thưởng Thành phố tiếp tục quan tâm hướng dẫn nghiệp vụ công tác thi đua, "
        "khen thưởng cho các đơn vị trong Cụm.",
        "- Cụm tổng hợp kiến nghị của các đơn vị thành viên để cấp có thẩm quyền xem xét:",
        "- Trường Đại học Văn hóa Nghệ thuật Thủ đô kiến nghị: đề nghị Ủy ban nhân dân Thành phố quan tâm bố trí "
        "vốn xây dựng ký túc xá.",
        "- Trường Cao đẳng Y tế Thủ đô kiến nghị: đề nghị Sở Y tế hỗ trợ kinh phí mua sắm thiết bị thủy lực cho "
        "phòng thực hành.",
        "- Trường Cao đẳng Điều dưỡng Hà Đông kiến nghị: đề nghị Ủy ban nhân dân Thành phố quan tâm bố trí kinh phí "
        "sửa chữa giảng đường.",
    ]
    own = drafting_lines(generated)
    assert "  - Trường Đại học Văn hóa Nghệ thuật Thủ đô: " + SELF_NOMINATION.rstrip(".") + "." in own
    assert any(line.startswith("  - Trường Cao đẳng Sư phạm Tây Hồ: Đề nghị Cụm đề nghị tặng Bằng khen")
               for line in own)


def test_the_sample_summary_no_longer_carries_a_units_flag_request(sample_drafts):
    text = "\n".join(p.text for p in docx.Document(str(sample_drafts["summary"])).paragraphs)
    assert "Đề nghị Cụm thi đua số 18 xem xét, đề nghị Thủ tướng" not in text
    assert "xem xét, đề nghị Chủ tịch Ủy ban nhân dân Thành phố tặng Bằng khen cho Nhà trường" not in text


# 2. One spelling across the set.

def test_every_draft_writes_names_in_one_spelling(generated_drafts):
    variants = re.compile(r"Uỷ|uỷ|UỶ|\bhoà\b|thuỷ|Chiến sĩ thi đua thành phố|Ủy ban nhân dân thành phố|UBND thành phố")
    for kind, path in generated_drafts.items():
        texts = _paragraphs(docx.Document(str(path)), quotes=False)
        assert [t for t in texts if variants.search(t)] == [], kind
    summary = "\n".join(_paragraphs(docx.Document(str(generated_drafts["summary"]))))
    assert "Chiến sĩ thi đua Thành phố (01 cá nhân)" in summary
    assert "hòa hợp" in summary  # a unit's limitation, quoted with today's tone placement
    # The evidence quotes of the appendix stay as the report wrote them (a reviewer searches for them).
    quotes = [t for t in _paragraphs(docx.Document(str(generated_drafts["summary"])))
              if t.startswith("“") and "thành phố" in t]
    assert quotes and all("thành phố" in q for q in quotes)


def test_spelling_keeps_names_of_people_and_named_cities():
    assert canonical("Ngô Thị Thuỳ Linh đề nghị Uỷ ban nhân dân thành phố", keep=["Ngô Thị Thuỳ Linh"]) == \
        "Ngô Thị Thuỳ Linh đề nghị Ủy ban nhân dân Thành phố"
    assert canonical("Ủy ban nhân dân thành phố Thủ Đức") == "Ủy ban nhân dân thành phố Thủ Đức"
    assert canonical("UỶ BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI") == "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI"
    assert canonical("các thành phố lớn; đề tài cấp thành phố") == "các thành phố lớn; đề tài cấp Thành phố"


# 3. No sentence twice; assessments follow the rules' thresholds.

def _sentences(doc) -> list[str]:
    """The sentences of the body; the summary's appendix is a record per unit, where one check
    (no evidence for the same criteria) may read alike under two units' headings."""
    found = []
    for paragraph in doc.paragraphs:
        if paragraph.text == "Phụ lục":
            break
        for sentence in re.split(r"(?<=[.!?])\s+", paragraph.text.strip()):
            if len(sentence.split()) >= 5:
                found.append(sentence.lstrip("- "))
    return found


@pytest.mark.parametrize("which", ["sample", "generated"])
def test_no_draft_says_the_same_sentence_twice(which, sample_drafts, generated_drafts):
    drafts = sample_drafts if which == "sample" else generated_drafts
    for kind, path in drafts.items():
        sentences = _sentences(docx.Document(str(path)))
        assert sentences, kind
        assert sorted({s for s in sentences if sentences.count(s) > 1}) == [], kind


def test_criteria_with_the_same_finding_share_one_sentence(sample_drafts):
    texts = [p.text for p in docx.Document(str(sample_drafts["summary"])).paragraphs]
    limitations = _section(texts, "2. Hạn chế", "3. Nguyên nhân")
    assert limitations[0] == (
        "- Các tiêu chí II.3 “Phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến” và III.3 “Thực hành tiết kiệm, "
        "phòng, chống tham nhũng, cải cách hành chính” đạt bình quân 4,42/5 điểm, còn thấp (dưới 90% điểm chuẩn).")
    assert sum(t.startswith(("- Tiêu chí", "- Các tiêu chí")) for t in limitations) == 1
    strengths = _section(texts, "1. Ưu điểm", "2. Hạn chế")
    assert ("- Các nhóm tiêu chí “Thực hiện nhiệm vụ chính trị, chuyên môn được giao” (57/60 điểm) và “Tổ chức phong "
            "trào thi đua và công tác khen thưởng” (19,08/20 điểm) được các đơn vị thực hiện tốt (điểm bình quân "
            "từ 95% điểm chuẩn trở lên).") in strengths


def test_the_thresholds_are_the_rules_and_the_run_report_states_them(sample_result, tmp_path):
    lenient = sample_result.model_copy(deep=True)
    lenient.rules.assessment.low_share = 0.85
    lenient.rules.assessment.good_share = 0.96
    texts = [p.text for p in docx.Document(str(render_document("summary", lenient, tmp_path / "bc.docx"))).paragraphs]
    limitations = _section(texts, "2. Hạn chế", "3. Nguyên nhân")
    assert not any(t.startswith(("- Tiêu chí", "- Các tiêu chí")) for t in limitations)
    assert not any("thực hiện tốt" in t for t in _section(texts, "1. Ưu điểm", "2. Hạn chế"))
    assert ("  - Đánh giá trong Báo cáo tổng kết (mục assessment): nhóm tiêu chí “thực hiện tốt” khi điểm bình quân "
            "đạt từ 96% điểm chuẩn; tiêu chí “còn thấp” khi điểm bình quân dưới 85% điểm chuẩn (nêu tối đa 3 tiêu chí "
            "thấp nhất).") in drafting_lines(lenient)


# 4. The Tờ trình holds what goes to the city.

def test_the_proposal_letter_leaves_out_the_cluster_leaders_commendation(sample_result, sample_drafts):
    letter = [p.text for p in docx.Document(str(sample_drafts["proposal"])).paragraphs]
    assert not any("Giấy khen của Cụm trưởng" in t for t in letter)
    assert ("Cụm thi đua số 18 kính đề nghị Hội đồng Thi đua - Khen thưởng Thành phố Hà Nội xem xét, trình cấp có "
            "thẩm quyền khen thưởng cho các tập thể sau:") in letter
    assert sample_result.rules.officer_award.decided_by is DecidedBy.CLUSTER
    assert any(line.startswith("  - Tờ trình không gồm Giấy khen của Cụm trưởng Cụm thi đua")
               for line in drafting_lines(sample_result))
    # The minutes still record the conference's own decision.
    minutes = [p.text for p in docx.Document(str(sample_drafts["minutes"])).paragraphs]
    assert any(t.startswith("Hội nghị thống nhất đề nghị tặng Giấy khen của Cụm trưởng Cụm thi đua") for t in minutes)


def test_a_rules_file_can_send_it_to_the_city(sample_result, tmp_path):
    text = (SAMPLE_CLUSTER_DIR / "rules.yaml").read_text(encoding="utf-8")
    assert "  decided_by: cluster\n" in text
    path = tmp_path / "rules.yaml"
    path.write_text(text.replace("  decided_by: cluster\n", "  decided_by: superior\n"), encoding="utf-8")
    opted = sample_result.model_copy(deep=True)
    opted.rules = load_rules(path)
    letter = [p.text for p in docx.Document(str(render_document("proposal", opted, tmp_path / "ttr.docx"))).paragraphs]
    assert ("d) Giấy khen của Cụm trưởng Cụm thi đua: 06 cá nhân có thành tích trong công tác thi đua, khen thưởng "
            "(Phần II danh sách kèm theo).") in letter
    assert any(t.endswith("khen thưởng cho các tập thể, cá nhân sau:") for t in letter)


def test_without_a_word_the_clusters_own_award_stays_out(sample_result):
    rules = sample_result.rules.model_copy(deep=True)
    rules.officer_award.decided_by = None
    assert not rules.officer_award.in_proposal_letter  # "… của Cụm trưởng Cụm thi đua"
    assert all(a.in_proposal_letter for a in rules.awards)


# 5. Layout.

def _grid_mm(table) -> list[float]:
    """Column widths in mm (the grid is in twentieths of a point)."""
    return [round(Twips(int(c.get(qn("w:w")))).mm) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]


def test_the_lists_notes_have_room(sample_drafts):
    doc = docx.Document(str(sample_drafts["nominations"]))
    section = doc.sections[0]
    assert round(section.page_width.mm) == 297  # landscape
    text_width = section.page_width.mm - section.left_margin.mm - section.right_margin.mm
    units = doc.tables[1]
    assert [c.text for c in units.rows[0].cells][-1] == "Ghi chú"
    widths = _grid_mm(units)
    assert sum(widths) <= text_width + 1
    assert widths[-1] >= 55  # was 20 mm: a tie note ran over seven lines
    # 12 pt Times averages about 2.1 mm a character: the longest note keeps to three lines.
    longest = max(len(r.cells[-1].text) for r in units.rows[1:])
    assert longest / (widths[-1] / 2.1) <= 3


def test_every_signature_in_the_pledge_stands_level(sample_drafts):
    grid = docx.Document(str(sample_drafts["pledge"])).tables[2]
    cells = [c for row in grid.rows for c in row.cells if c.text.strip()]
    assert len(cells) == 6
    shapes = {(len(c.paragraphs), c.paragraphs[0].text.count("\n")) for c in cells}
    assert shapes == {(3, 1)}  # unit (two lines each), title, name
    for cell in cells:
        assert all(len(line) <= SIGNATURE_LINE_CHARS for line in cell.paragraphs[0].text.split("\n"))
        assert cell.vertical_alignment in (None, 1)  # top
    assert cells[1].paragraphs[0].text == "TRƯỜNG CAO ĐẲNG\nY TẾ THỦ ĐÔ"
