"""`tdkt rubric import`: the cluster's criteria document, in the layouts clusters use, read into
the rubric YAML tdkt scores with; a rubric written back as a Word table reads the same."""

from pathlib import Path

import pytest
from builders import full_scores, report_docx
from rubric_docs import (
    NESTED,
    dotted_docx,
    dotted_with_deductions_docx,
    lettered_group_column_docx,
    merged_docx,
    nested_docx,
    numbered_docx,
    provincial_docx,
    sample_rubric,
)

from cli.main import main as tdkt
from pipeline.config.rubric import GroupKind, load_rubric
from pipeline.criteria import RubricImportError, import_file, import_rubric
from pipeline.criteria.export import rubric_yaml
from pipeline.scoring.score import score_unit
from pipeline.tools.rubric_docx import write_rubric_docx
from pipeline.understanding import understand
from pipeline.understanding.nlp import RuleSet

LAYOUTS = {"merged": merged_docx, "numbered": numbered_docx, "dotted": dotted_docx}


def _shape(rubric):
    """What a criteria document says: codes, titles, points, kinds, nesting (not the derived phrases)."""
    def node(c):
        return (c.code, c.title, c.max, [node(x) for x in c.criteria])
    return [(g.code, g.title, g.kind, g.max, [node(c) for c in g.criteria]) for g in rubric.groups]


@pytest.fixture(scope="module")
def docs(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("rubric-docs")
    return {name: build(folder / f"bang-tieu-chi-{name}.docx") for name, build in LAYOUTS.items()}


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_each_layout_reads_as_the_signed_criteria(docs, layout):
    imported = import_file(docs[layout])
    assert _shape(imported.rubric) == _shape(sample_rubric())
    assert imported.rubric.scale == 100
    assert imported.unplaced == [] and imported.problems == []


def test_all_layouts_give_the_same_yaml(docs, to_pdf, tmp_path):
    [pdf] = to_pdf([docs["merged"]], tmp_path)  # merged cells, as a PDF the cluster sent
    texts = {name: rubric_yaml(import_file(path).rubric) for name, path in {**docs, "pdf": pdf}.items()}
    assert len(set(texts.values())) == 1, {k: v[:400] for k, v in texts.items()}
    yaml_text = texts["merged"]
    assert "  - code: II.3\n    title: Phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến\n    max: 5\n" in yaml_text
    # What the import derives for reviewers to check: evidence phrases, rules for deductions it can find.
    rubric = import_file(docs["merged"]).rubric
    assert rubric.criterion("I.1").evidence == ["chỉ tiêu tuyển sinh", "chỉ tiêu", "tuyển sinh"]
    late, discipline = rubric.criterion("V.1"), rubric.criterion("V.2")
    assert (late.deduction.when.value, late.deduction.points, late.discipline) == ("late_report", 2, False)
    assert (discipline.deduction.when.value, discipline.discipline) == ("discipline", True)
    assert [g.kind for g in rubric.groups][-2:] == [GroupKind.BONUS, GroupKind.DEDUCTION]


def test_sections_without_a_code_are_named_in_the_notes(docs):
    notes = import_file(docs["numbered"]).notes
    assert notes == ["bảng 1, dòng 19: mục “Điểm thưởng” không có mã, được đặt mã IV",
                     "bảng 1, dòng 23: mục “Điểm trừ” không có mã, được đặt mã V",
                     "mã đánh lại từ đầu trong từng mục được ghép với mã mục trên để phân biệt (1, 2, 3, 4, 5, 6)"]


def test_round_trip_through_a_word_table(docs, tmp_path):
    first = import_file(docs["merged"])
    table = write_rubric_docx(first.rubric, tmp_path / "bang-tieu-chi.docx")
    second = import_file(table)
    assert second.rubric == first.rubric
    assert second.unplaced == [] and second.problems == [] and second.declared_total == 100


def test_nested_three_deep_on_a_thousand_points(tmp_path):
    imported = import_file(nested_docx(tmp_path / "nested.docx"))
    rubric = imported.rubric
    assert rubric.scale == 1000 and imported.declared_total == 1000
    assert [g.code for g in rubric.groups] == [code for code, *_ in NESTED]  # C and D are letters here
    a1 = rubric.groups[0].criteria[0]
    assert (a1.code, a1.max, [(c.code, c.max) for c in a1.criteria]) == ("A.1", 200, [("A.1.a", 120), ("A.1.b", 80)])
    assert [g.kind for g in rubric.groups] == [GroupKind.STANDARD] * 3 + [GroupKind.BONUS, GroupKind.DEDUCTION]
    assert rubric.criterion("E.2").discipline
    # Deductions by rule look only for their own evidence ("cá nhân" in the title would find every award).
    assert rubric.criterion("E.2").evidence == ["kỷ luật"] and rubric.criterion("E.1").evidence == []
    assert imported.problems == [] and imported.unplaced == []
    # The YAML written is a rubric tdkt loads, and reads back the same.
    path = tmp_path / "rubric.yaml"
    path.write_text(rubric_yaml(rubric, imported), encoding="utf-8")
    assert load_rubric(path) == rubric
    # Round trip of the nested rubric as a Word table (codes written as their last part: A / 1 / a).
    again = import_file(write_rubric_docx(rubric, tmp_path / "nested-again.docx"))
    assert _shape(again.rubric) == _shape(rubric)


def test_a_unit_scored_on_the_imported_nested_rubric(tmp_path):
    """Rows of criteria with sub-criteria hold subtotals: they are not taken for a sub-criterion."""
    import docx as word

    rubric = import_file(nested_docx(tmp_path / "nested.docx")).rubric
    scores = full_scores(rubric, minus=20)  # A.1.a: 100 of 120
    doc = word.Document()
    header = doc.add_table(rows=1, cols=2)
    header.cell(0, 0).text = "UBND THÀNH PHỐ HÀ NỘI\nTRƯỜNG CAO ĐẲNG THỬ NGHIỆM"
    header.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHà Nội, ngày 10 tháng 12 năm 2024"
    doc.add_paragraph("BÁO CÁO")
    doc.add_paragraph("Tổng kết công tác thi đua, khen thưởng năm 2024")
    doc.add_paragraph("Nhà trường hoàn thành chỉ tiêu tuyển sinh; tỷ lệ người học tốt nghiệp đạt 96%.")
    table = doc.add_table(rows=1, cols=4)
    for cell, text in zip(table.rows[0].cells, ("Mã", "Nội dung", "Điểm chuẩn", "Tự chấm"), strict=True):
        cell.text = text

    def row(code, title, points, value):
        cells = table.add_row().cells
        for cell, text in zip(cells, (code, title, f"{points:g}", "" if value is None else f"{value:g}"), strict=True):
            cell.text = text

    for group in rubric.groups:
        row(group.code, group.title, group.max, None)
        for criterion in group.criteria:
            if criterion.criteria:
                row(criterion.code, criterion.title, criterion.max,
                    sum(scores.get(c.code, 0) for c in criterion.criteria))
                for leaf in criterion.criteria:
                    row(leaf.code, leaf.title, leaf.max, scores.get(leaf.code))
            else:
                row(criterion.code, criterion.title, criterion.max, scores.get(criterion.code, 0))
    path = tmp_path / "bao-cao.docx"
    doc.save(str(path))

    from extractors import extract

    facts = understand(extract(path), rubric, RuleSet.build(rubric, None))
    rows = facts.self_scores.criterion_rows()
    assert rows["A.1.a"].self_score == 100 and rows["A.1.b"].self_score == 80
    assert {r.code for r in facts.self_scores.rows if r.kind.value == "subtotal"} == {"A.1", "A.2"}
    unit = score_unit(facts, rubric)
    assert unit.standard == 980


def _table_doc(path, rows, header=("STT", "Nội dung tiêu chí", "Điểm chuẩn")):
    import docx as word

    doc = word.Document()
    doc.add_paragraph("BẢNG TIÊU CHÍ THI ĐUA")
    table = doc.add_table(rows=1, cols=len(header))
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    for row in rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    doc.save(str(path))
    return path


@pytest.mark.parametrize(("codes", "kept"), [
    # Restarting in each group: "1" repeats, so that level is composed with its group; a, b are unique.
    (["I", "1", "a)", "b)", "2", "II", "1"], ["I", "I.1", "a", "b", "I.2", "II", "II.1"]),
    (["I.", "1.", "a.", "b.", "2.", "II.", "1."], ["I", "I.1", "a", "b", "I.2", "II", "II.1"]),
    # Unique as written: kept exactly, whatever the group codes are.
    (["I", "1.1", "1.1.1", "1.1.2", "1.2", "II", "2.1"], ["I", "1.1", "1.1.1", "1.1.2", "1.2", "II", "2.1"]),
    (["I", "I.1", "I.1.a", "I.1.b", "I.2", "II", "II.1"], ["I", "I.1", "I.1.a", "I.1.b", "I.2", "II", "II.1"]),
    (["A", "a1", "a1.1", "a.1.2", "a2", "B", "b1."], ["A", "a1", "a1.1", "a.1.2", "a2", "B", "b1"]),
])
def test_codes_stay_as_the_document_writes_them(tmp_path, codes, kept):
    titles = ["Chuyên môn", "Tuyển sinh", "Chỉ tiêu", "Phương thức", "Đào tạo", "Thi đua", "Phát động"]
    points = ["30", "20", "12", "8", "10", "10", "10"]
    imported = import_file(_table_doc(tmp_path / "b.docx", zip(codes, titles, points, strict=True)))
    assert imported.unplaced == [] and imported.problems == []
    c = dict(enumerate(kept))
    assert _shape(imported.rubric) == [
        (c[0], "Chuyên môn", GroupKind.STANDARD, 30, [
            (c[1], "Tuyển sinh", 20, [(c[2], "Chỉ tiêu", 12, []), (c[3], "Phương thức", 8, [])]),
            (c[4], "Đào tạo", 10, [])]),
        (c[5], "Thi đua", GroupKind.STANDARD, 10, [(c[6], "Phát động", 10, [])]),
    ]


def test_rows_it_cannot_place_are_reported(tmp_path):
    import docx as word

    doc = word.Document()
    doc.add_paragraph("BẢNG TIÊU CHÍ THI ĐUA")
    table = doc.add_table(rows=1, cols=3)
    for cell, text in zip(table.rows[0].cells, ("STT", "Nội dung tiêu chí", "Điểm chuẩn"), strict=True):
        cell.text = text
    for code, title, points in (("I", "Công tác chuyên môn", "30"), ("1", "Tuyển sinh", "20"),
                                ("2", "Đào tạo", "5"), ("3.2.9", "Mục lạc chỗ", "1"), ("", "Xếp loại chung", "4")):
        cells = table.add_row().cells
        for cell, text in zip(cells, (code, title, points), strict=True):
            cell.text = text
    imported = import_file(Path(doc.save(str(tmp_path / "lech.docx")) or tmp_path / "lech.docx"))
    assert imported.unplaced == ["bảng 1, dòng 5: mã '3.2.9' không thuộc mục nào ở trên (Mục lạc chỗ)"]
    # A row without a code that has points is an item of the row above: its sum no longer matches.
    assert "bảng 1, dòng 6: dòng không có mã, được đặt mã 2[1]" in imported.notes
    assert imported.problems == ["tổng điểm chuẩn các tiêu chí con của '2' là 4, khác điểm chuẩn 5 của '2'",
                                 "tổng điểm chuẩn các tiêu chí con của 'I' là 25, khác điểm chuẩn 30 của 'I'"]
    assert not imported.clean


def test_a_document_without_a_criteria_table_is_refused(tmp_path):
    from pipeline.core.model import Block, BlockKind, Document, DocumentFormat, Provenance

    doc = Document(file="cong-van.docx", sha256="0" * 64, format=DocumentFormat.DOCX, blocks=[
        Block(kind=BlockKind.PARAGRAPH, text="Kính gửi các đơn vị", provenance=Provenance(file="cong-van.docx"))])
    with pytest.raises(RubricImportError, match="không thấy bảng tiêu chí"):
        import_rubric(doc)


def test_rubric_command_writes_yaml_and_never_overwrites(docs, tmp_path, capsys):
    out = tmp_path / "rubric.yaml"
    assert tdkt(["rubric", "import", str(docs["numbered"]), "--out", str(out)]) == 0
    printed = " ".join(capsys.readouterr().out.split())
    assert "thang điểm 100" in printed and f"Đã ghi: {out}" in printed
    assert load_rubric(out).criterion("III.4").max == 4
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Bảng tiêu chí chấm điểm thi đua cho tdkt")
    assert "#   - bảng 1, dòng 19: mục “Điểm thưởng” không có mã, được đặt mã IV" in text
    out.write_text(text + "# sửa tay\n", encoding="utf-8")
    assert tdkt(["rubric", "import", str(docs["merged"]), "--out", str(out)]) == 1
    assert "đã có" in capsys.readouterr().err and out.read_text(encoding="utf-8").endswith("# sửa tay\n")
    table = tmp_path / "bang.docx"
    assert tdkt(["rubric", "table", str(out), "--out", str(table)]) == 0
    assert _shape(import_file(table).rubric) == _shape(load_rubric(out))


def test_a_rubric_in_the_inbox_is_not_taken_for_a_report(docs, tmp_path):
    from pipeline.runs.steps import read_report

    rubric = sample_rubric()
    outcome = read_report(docs["merged"], rubric, None)
    assert outcome.facts is None and outcome.rejection is None
    # It is imported as the cluster's criteria (tests/test_criteria_in_inbox.py: what the runs do with it).
    assert _shape(outcome.criteria.rubric) == _shape(rubric) and outcome.criteria.clean
    # A unit's report, with its self scores filled in, is still a report.
    report = report_docx(tmp_path / "bc.docx", rubric, "Trường Cao đẳng Y tế Thủ đô", full_scores(rubric))
    assert read_report(report, rubric, None).facts is not None


# --- layouts other clusters and a province use --------------------------------------------------

def _points(rubric):
    return {c.code: (c.kind.value, c.max, c.per) for _, c in rubric.walk()}


def test_codes_as_written_and_a_deduction_group_without_points(tmp_path):
    imported = import_file(dotted_with_deductions_docx(tmp_path / "bang.docx"))
    rubric = imported.rubric
    assert imported.clean and imported.declared_total == 100 and rubric.scale == 100
    # "1.1 … 2.1" under "I, II" stay as the cluster writes them: no "I.1".
    assert [c.code for _, c in rubric.walk()] == ["1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "3.1", "3.2", "4.1", "4.2"]
    deductions = rubric.groups[-1]
    assert (deductions.code, deductions.kind, deductions.max) == ("IV", GroupKind.DEDUCTION, None)
    assert _points(rubric)["4.1"] == ("deduction", 3, "trường hợp") and rubric.criterion("4.1").discipline
    assert _points(rubric)["4.2"] == ("deduction", 1, "lần")
    assert (rubric.groups[2].kind, rubric.groups[2].max) == (GroupKind.BONUS, 5)


def test_a_unit_disciplined_under_a_per_case_deduction_loses_the_points(tmp_path):
    """'4.1 Có cán bộ bị kỷ luật | -3/trường hợp': the unit's own count of cases is taken; the
    deduction counts as discipline."""
    rubric = import_file(dotted_with_deductions_docx(tmp_path / "bang.docx")).rubric
    scores = full_scores(rubric)
    scores["4.1"] = 6  # two cases
    report = report_docx(tmp_path / "bc.docx", rubric, "Trường Cao đẳng Y tế Thủ đô", scores)
    from extractors import extract

    unit = score_unit(understand(extract(report), rubric, RuleSet.build(rubric, None)), rubric)
    line = next(c for c in unit.criteria if c.code == "4.1")
    assert (line.kind, line.self_score, line.proposed) == (GroupKind.DEDUCTION, 6, 6)
    assert "2 trường hợp × 3" in line.reason
    assert unit.deductions == 6 and unit.discipline


def test_lettered_groups_in_a_merged_group_column_as_a_pdf(tmp_path, to_pdf):
    docx_file = lettered_group_column_docx(tmp_path / "bang-chu-cai.docx")
    [pdf] = to_pdf([docx_file], tmp_path)
    from extractors import extract

    assert extract(pdf, pdf.name).pages >= 2  # the header row repeats on every page
    for path in (docx_file, pdf):
        imported = import_file(path)
        rubric = imported.rubric
        assert imported.clean, (path.suffix, imported.unplaced, imported.problems)
        assert [g.code for g in rubric.groups] == ["A", "B", "C", "D", "Đ", "E"]
        assert [g.kind for g in rubric.groups] == [GroupKind.STANDARD] * 4 + [GroupKind.BONUS, GroupKind.DEDUCTION]
        assert rubric.scale == 1000 and [g.max for g in rubric.groups] == [400, 200, 200, 200, 50, None]
        a1 = rubric.criterion("A.1")
        assert [(c.code, c.max) for c in a1.criteria] == [("A.1.a", 100), ("A.1.b", 50)]
        assert rubric.criterion("A.3").criteria == [] and rubric.criterion("A.3").guidance.startswith("Đạt 100%")
        assert rubric.criterion("A.3").title == "Nghiên cứu khoa học, chuyển giao công nghệ"
        assert _points(rubric)["E.2"] == ("deduction", 50, "trường hợp")


def test_a_provincial_table_with_three_point_columns(tmp_path):
    imported = import_file(provincial_docx(tmp_path / "so-tnmt.docx"))
    rubric = imported.rubric
    assert imported.clean, (imported.unplaced, imported.problems)
    assert [g.code for g in rubric.groups] == ["a", "b"] and rubric.scale == 100
    codes = [c.code for _, c in rubric.walk()]
    # Mixed spellings kept as written; rows with no code are items of the row above.
    assert codes == ["a1", "a1[1]", "a1[2]", "a1.1", "a1.1.1", "a1.1.2", "a1.1.2[1]", "a4.2.1", "a.7.1", "a.7.1[1]",
                     "b1", "b.1.1", "b.1.1[1]", "b2", "b2[1]"]
    points = _points(rubric)
    assert points["a1[1]"] == ("bonus", 1, None)
    assert points["a1[2]"] == ("deduction", 0.25, "trường hợp")
    assert points["a1.1.2[1]"] == ("bonus", 0.1, "báo cáo")
    assert points["a.7.1[1]"] == ("deduction", 0.5, None)
    assert points["b.1.1[1]"] == ("bonus", 0.5, None) and points["b.1.1"] == ("standard", 20, None)
    # Caps: a note row naming a1, a group's title, a paragraph under the table.
    assert rubric.criterion("a1").deduction_cap == 1.5
    assert rubric.groups[1].bonus_cap == 1 and rubric.groups[1].title == "Công tác xây dựng đảng, đoàn thể"
    assert rubric.bonus_cap == 3
    # Title and guidance apart.
    a1 = rubric.criterion("a1")
    assert a1.title == "Thực hiện kế hoạch công tác năm"
    assert a1.guidance == "Đạt từ 100% chỉ tiêu trở lên: 10 điểm; từ 90% đến dưới 100%: 8 điểm; dưới 90%: 5 điểm"
    # Written back as a Word table (three point columns, caps as note rows), it reads the same.
    again = import_file(write_rubric_docx(rubric, tmp_path / "lai.docx"))
    assert again.rubric == rubric and again.clean


def test_caps_bite_and_are_explained(tmp_path):
    """Deductions under a1 capped at 1,5; bonus in group b capped at 1: scoring applies both and
    says so."""
    rubric = import_file(provincial_docx(tmp_path / "so-tnmt.docx")).rubric
    from pipeline.core.model import Provenance
    from pipeline.understanding.facts import ReportFacts, SelfScoreRow, SelfScoreTable, UnitFact

    where = Provenance(file="bc.docx")
    claims = {leaf.code: leaf.points for _, leaf in rubric.leaves() if leaf.kind is GroupKind.STANDARD}
    claims |= {"a1[2]": 2.5, "b.1.1[1]": 0.5, "b2[1]": 1}  # ten late tasks; 1,5 bonus in group b
    rows = [SelfScoreRow(kind="criterion", code=code, code_as_written=code, label="", max_points=None,
                         self_score=value, self_score_as_written=str(value), provenance=where)
            for code, value in claims.items()]
    unit_fact = UnitFact(member_id="u", name="Đơn vị thử", as_written="", provenance=where)
    facts = ReportFacts.model_construct(
        file="bc.docx", sha256="0" * 64, unit=unit_fact,
        self_scores=SelfScoreTable(rows=rows, claimed_total=None, provenance=where), evidence={}, awards=[],
        metrics=[], doc_date=None, year=2024)
    unit = score_unit(facts, rubric)
    assert [(c.code, c.kind, c.cap, c.before) for c in unit.caps] == [
        ("a1", GroupKind.DEDUCTION, 1.5, 2.5), ("b", GroupKind.BONUS, 1, 1.5)]
    assert (unit.standard, unit.bonus, unit.deductions, unit.total) == (100, 1, 1.5, 99.5)
    assert "Điểm trừ của mục a1 cộng lại 2,5, tối đa 1,5: tính 1,5" in unit.flags
    assert any("10 trường hợp × 0,25" in c.reason for c in unit.criteria if c.code == "a1[2]")
