"""A unit's report is never taken for the cluster's criteria document (bảng tiêu chí), and the
cluster's criteria document still is one.

An inbox sets a criteria document apart before it reads reports (pipeline.runs.steps.open_file,
``is_rubric_document``): a unit's table taken for one is lost as a report, and, if it imports,
becomes the cluster's rubric. Three guards, each tested on its own:

  the header    a PDF breaks "STT" inside a narrow column ("ST T"); the criteria reader knows that
                header as the self-scoring reader does, so a two-row header ("Điểm" over "Chuẩn |
                Tự chấm") is read through and the filled self-score column is seen
  two readers   whatever the self-scoring reader reads as a filled self-score column is a unit's
                table, however the criteria reader read the header (a fault injected here)
  the title     a document titled as a report ("BÁO CÁO …") with a self-score column is a unit's
                report even when the column is empty; a criteria template with an empty one is not

tests/test_selfscore_generated.py and tests/test_criteria_generated.py hold the property over
their generated families (a unit's table taken for criteria is silently wrong; every criteria
document is taken for one).
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from generators.criteria_tables import generate as generate_criteria
from generators.criteria_tables import write_docx as write_criteria
from generators.selfscore_runs import check
from generators.selfscore_tables import generate_report, write_docx

import pipeline.criteria.importer
from examples import SAMPLE_CLUSTER_DIR
from extractors import extract
from pipeline.config.rubric import load_rubric
from pipeline.criteria import is_rubric_document
from pipeline.criteria.table import criteria_tables
from pipeline.runs.steps import open_file, read_report
from pipeline.understanding.selfscore_checks import missing_criteria

UNIT = "Trường Cao đẳng Y tế Hà Đông"


def stt_two_row_seeds(count: int) -> list[int]:
    """Self-scoring tables with a running "STT", a code column and "Điểm" over "Chuẩn | Tự chấm":
    the layout a PDF broke before (6 of bench's first 60 PDFs were taken for criteria)."""
    found = []
    seed = 10_000
    while len(found) < count:
        lay = generate_report(seed).layout
        if lay.form == "table" and lay.headers.get("stt") == "STT" and lay.two_row_header:
            found.append(seed)
        seed += 1
    return found


def test_a_units_table_in_a_text_pdf_is_read_as_a_report(to_pdf, tmp_path):
    seeds = stt_two_row_seeds(3)
    sources = [write_docx(generate_report(s), tmp_path / f"tu-cham-{s}.docx") for s in seeds]
    for seed, pdf in zip(seeds, to_pdf(sources, tmp_path / "pdf"), strict=True):
        doc = extract(pdf, pdf.name)
        block, layout = criteria_tables(doc)[0]
        assert block.rows[0][0].text == "ST T"  # as LibreOffice's PDF breaks it
        assert layout.header_rows == 2
        assert block.rows[1][layout.columns["self"]].text == "Tự chấm"
        assert not is_rubric_document(doc)
        assert open_file(pdf).document is not None  # not set aside as criteria
        outcome = check("pdf", seed, pdf)
        assert outcome.status == "exact", outcome.line()


def test_a_criteria_reader_blind_to_the_self_column_still_leaves_the_units_table(tmp_path, monkeypatch):
    """A fault on purpose: the criteria reader sees no self-score column at all."""
    monkeypatch.setattr(pipeline.criteria.importer, "self_scores_filled", lambda tables: False)
    report = generate_report(stt_two_row_seeds(1)[0])
    assert not is_rubric_document(extract(write_docx(report, tmp_path / "tu-cham.docx")))
    criteria = write_criteria(generate_criteria(3), tmp_path / "tieu-chi.docx")
    assert is_rubric_document(extract(criteria))


def units_report(path: Path, title: list[str], scores: dict[str, str], issuer: str = UNIT) -> Path:
    """A document with an administrative header (``issuer``), ``title`` and a table of the sample
    rubric's criteria with a "Tự chấm" column holding ``scores`` (code → cell text)."""
    rubric = load_rubric(SAMPLE_CLUSTER_DIR / "rubric.yaml")
    doc = docx.Document()
    header = doc.add_table(rows=2, cols=2)
    header.cell(0, 0).text = f"UBND THÀNH PHỐ HÀ NỘI\n{issuer.upper()}"
    header.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    header.cell(1, 0).text = "Số: 12/BC-CĐYTHĐ"
    header.cell(1, 1).text = "Hà Nội, ngày 10 tháng 12 năm 2023"
    for line in title:
        doc.add_paragraph(line)
    table = doc.add_table(rows=1, cols=4)
    for cell, text in zip(table.rows[0].cells, ("Mã", "Nội dung tiêu chí", "Điểm chuẩn", "Tự chấm"), strict=True):
        cell.text = text
    for group in rubric.groups:
        for criterion in group.criteria:
            cells = table.add_row().cells
            points = f"{criterion.max:g}" if criterion.max is not None else ""
            for cell, text in zip(cells, (criterion.code, criterion.title, points, scores.get(criterion.code, "")),
                                  strict=True):
                cell.text = text
    doc.save(str(path))
    return path


def test_a_report_whose_self_scores_are_not_filled_in_is_a_report_and_says_so(tmp_path):
    path = units_report(tmp_path / "bc.docx", ["BÁO CÁO", "Tổng kết công tác thi đua, khen thưởng năm 2023"], {})
    assert not is_rubric_document(extract(path))
    rubric = load_rubric(SAMPLE_CLUSTER_DIR / "rubric.yaml")
    facts = read_report(path, rubric, None).facts
    assert facts is not None and facts.kind.kind == "report" and facts.year == 2023
    assert facts.self_scores is not None
    # Read as the unit's report, and what it lacks said: every standard criterion has no score.
    assert missing_criteria(facts.self_scores.rows, rubric) == [
        "Không thấy điểm tự chấm của tiêu chí I.1, I.2, I.3, I.4, I.5, I.6, II.1, II.2, II.3, II.4, III.1, III.2, "
        "III.3, III.4"]


def test_a_criteria_template_with_an_empty_self_score_column_is_criteria(tmp_path):
    """The cluster's table for units to fill in: its title names criteria, not a report."""
    path = units_report(tmp_path / "tieu-chi.docx", ["BẢNG TIÊU CHÍ CHẤM ĐIỂM THI ĐUA NĂM 2024"], {},
                        issuer="Cụm thi đua số 18")
    assert is_rubric_document(extract(path))


@pytest.mark.parametrize("title", [["BÁO CÁO", "Tổng kết công tác thi đua, khen thưởng năm 2023"],
                                   ["BẢNG TỰ CHẤM ĐIỂM THI ĐUA NĂM 2023"]])
@pytest.mark.parametrize("written", ["{score}", "{score}/{max}"], ids=["score", "score/max"])
def test_a_filled_table_is_a_units_whatever_its_title(tmp_path, title, written):
    rubric = load_rubric(SAMPLE_CLUSTER_DIR / "rubric.yaml")
    scores = {c.code: written.format(score=f"{(c.max or 0) - 0.5:g}".replace(".", ","), max=f"{c.max or 0:g}")
              for g in rubric.groups for c in g.criteria}
    assert scores["I.1"] in ("9,5", "9,5/10")
    assert not is_rubric_document(extract(units_report(tmp_path / "bc.docx", title, scores)))
