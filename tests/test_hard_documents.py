"""Hard documents, measured on the generated corpus (tests/corpus/make_corpus.py → tests/data/corpus):
legacy encodings, .doc/.odt/.rtf, Windows-1258 text, NFD, split words, rotated and two-column pages,
self-scoring table variants, tables sent apart, and scans read by OCR."""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from examples import SAMPLE_CLUSTER_DIR
from extractors import extract
from extractors.legacy import (
    TCVN3,
    VNI,
    guess_encoding,
    tcvn3_to_unicode,
    unicode_to_tcvn3,
    unicode_to_vni,
    vni_to_unicode,
)
from pipeline.core.errors import RejectedFileError, RejectReason
from pipeline.results.outcome import FileOutcome
from pipeline.runs.inbox_run import process_inbox
from pipeline.runs.steps import load_inputs, read_report

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "tests" / "data" / "corpus"
TRUTH = json.loads((CORPUS / "truth.json").read_text(encoding="utf-8"))
sys.path.insert(0, str(REPO / "bench"))
from accuracy import Tally, score_outcome  # noqa: E402

# The OCR path's floor on the corpus scans (measured 91.7% of cells; totals and units 100%).
OCR_CELL_FLOOR = 0.85


@pytest.fixture(scope="module")
def inputs():
    return load_inputs(SAMPLE_CLUSTER_DIR / "rubric.yaml", None, SAMPLE_CLUSTER_DIR / "cluster.yaml")


@pytest.fixture(scope="module")
def outcomes(inputs) -> dict[str, FileOutcome]:
    """Each corpus file read once (scans take seconds a page), by file name."""
    rubric, _, cluster = inputs
    return {e["file"]: read_report(CORPUS / e["file"], rubric, cluster) for e in TRUTH}


@pytest.fixture(scope="module")
def measured(outcomes) -> dict[str, Tally]:
    return {e["file"]: score_outcome(outcomes[e["file"]], e, 0.0) for e in TRUTH}


def test_the_corpus_is_what_truth_says():
    """The corpus is committed; make_corpus.py regenerates it by hand, never during a test run."""
    assert len({e["case"] for e in TRUTH}) >= 20
    for entry in TRUTH:
        assert (CORPUS / entry["file"]).is_file(), entry["file"]
    cases = {}
    for entry in TRUTH:
        cases.setdefault(entry["case"], set()).add(entry["variant"])
    assert all(len(variants) >= 2 for variants in cases.values()), cases


NON_OCR = [e for e in TRUTH if e["case"] != "scan-pdf"]


@pytest.mark.parametrize("entry", NON_OCR, ids=[e["file"] for e in NON_OCR])
def test_every_non_ocr_cell_total_and_unit_is_exact(entry, measured):
    tally = measured[entry["file"]]
    assert tally.misses == [], tally.misses
    assert tally.units_right == 1


def test_awards_on_the_non_ocr_corpus(measured):
    total = Tally()
    for entry in NON_OCR:
        total.add(measured[entry["file"]])
    row = total.row()
    assert row["award_precision"] == 1.0
    assert row["award_recall"] >= 0.95, total.misses


def test_ocr_path_holds_its_floor_and_marks_what_it_read(outcomes, measured):
    total = Tally()
    scans = [e for e in TRUTH if e["case"] == "scan-pdf"]
    for entry in scans:
        total.add(measured[entry["file"]])
    row = total.row()
    assert row["cell_accuracy"] >= OCR_CELL_FLOOR, total.misses
    assert row["unit_accuracy"] == 1.0
    rows = outcomes[scans[0]["file"]].facts.self_scores.criterion_rows()
    assert all(r.provenance.ocr_confidence is not None for r in rows.values())
    assert "đọc bằng OCR, độ tin cậy" in rows["I.1"].provenance.describe()


def test_ocr_numbers_that_do_not_add_up_are_flagged_not_trusted(inputs, outcomes):
    from pipeline.scoring.score import score_unit

    facts = outcomes["scan-pdf/B-cdsp.pdf"].facts.model_copy(deep=True)
    # The scan is read right now; misread one self-score as OCR used to ("5,5" as "55").
    row = next(r for r in facts.self_scores.rows if r.code == "III.1")
    assert row.self_score == 5.5 and row.provenance.ocr_confidence is not None
    row.self_score = 55.0
    unit = score_unit(facts, inputs[0])
    assert unit.from_ocr and unit.needs_check
    assert any(flag.startswith("Số đọc bằng OCR không khớp") or "OCR chưa chắc chắn" in flag
               for flag in unit.flags), unit.flags


def _ocr_page(name: str, index: int):
    from extractors.ocr import DPI, read_scanned_page

    pdf = pdfium.PdfDocument(str(CORPUS / name))
    try:
        page = pdf[index]
        return read_scanned_page(page.render(scale=DPI / 72).to_pil(), index + 1, page.get_height())
    finally:
        pdf.close()


def test_scans_are_deskewed_and_turned_upright():
    leaning = _ocr_page("scan-pdf/B-cdsp.pdf", 0)
    assert abs(leaning.angle - 1.6) <= 0.3  # the scan leans 1.6° clockwise; tdkt turns it back
    sideways = _ocr_page("scan-pdf/C-cdmn.pdf", 1)  # page 2 was fed sideways
    text = " ".join(line.text for p in sideways.paragraphs for line in p.lines)
    assert "Nơi nhận" in text and sideways.confidence > 0.8


@pytest.mark.parametrize("name", ["tcvn3-docx/A-cddd.docx", "tcvn3-docx/B-cdyt.docx", "vni-docx/A-cdsp.docx",
                                  "mixed-docx/A-dhvhnt.docx"])
def test_legacy_fonts_read_as_unicode(name):
    document = extract(CORPUS / name)
    text = "\n".join(b.text for b in document.blocks)
    assert "khen thưởng" in text.lower()
    assert "Trường" in text or "TRƯỜNG" in text
    assert not re.search("[¸µ¶·¹¨©ª«¬®]", text)


def test_soft_hyphen_is_tcvn3_u_horn():
    body = [b for b in extract(CORPUS / "tcvn3-docx" / "B-cdyt.docx").blocks if b.text.startswith("Năm 2023")]
    assert "\u00ad" in body[0].raw  # Word's <w:softHyphen/> kept while reading …
    assert "Trường" in body[0].text  # … and read as "ư"


def test_legacy_pdf_text_layers_are_converted():
    for name in ("tcvn3-pdf/A-cddd.pdf", "vni-pdf/A-cdsp.pdf"):
        document = extract(CORPUS / name)
        assert document.legacy_encoding in (TCVN3, VNI)
        text = " ".join(b.text for b in document.blocks).lower()
        assert "bảng tự chấm điểm" in text and "năm 2023" in text


def test_split_words_are_joined():
    document = extract(CORPUS / "split-words-pdf" / "A-cdyt.pdf")
    text = " ".join(b.text for b in document.blocks)
    assert "Tổng kết công tác thi đua, khen thưởng năm 2023" in text
    assert "Tổ ng" not in text and "thưở ng" not in text and "ĐIỂ M" not in text


def test_windows_1258_text():
    document = extract(CORPUS / "cp1258-txt" / "A-cdnt.txt")
    assert document.format.value == "txt"
    assert any(b.kind.value == "table" for b in document.blocks)
    assert any("Trường Cao đẳng Nghệ thuật Thăng Long" in b.text for b in document.blocks)


def test_report_and_table_sent_apart_are_one_unit_record(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for entry in (e for e in TRUTH if e["case"] == "separate-files" and e["variant"] == "B"):
        shutil.copyfile(CORPUS / entry["file"], inbox / Path(entry["file"]).name)
    summary = process_inbox(inbox, tmp_path / "out", cluster=SAMPLE_CLUSTER_DIR / "cluster.yaml",
                            rubric=SAMPLE_CLUSTER_DIR / "rubric.yaml")
    assert summary.rejected == []
    [record] = summary.result.reports.values()
    assert record.file == "B-cdmn-report.docx" and record.merged_from == ["B-cdmn-table.pdf"]
    truth = next(e for e in TRUTH if e["file"] == "separate-files/B-cdmn-table.pdf")
    got = {code: row.self_score for code, row in record.self_scores.criterion_rows().items()}
    assert {code: got[code] or 0.0 for code in truth["self_scores"]} == truth["self_scores"]
    assert record.awards  # the awards come from the report's text


def test_missing_libreoffice_is_a_plain_message(monkeypatch):
    import extractors.office_convert

    monkeypatch.setattr(extractors.office_convert, "soffice", lambda: None)
    with pytest.raises(RejectedFileError) as err:
        extract(CORPUS / "doc" / "A-dhvhnt.doc")
    assert err.value.reason is RejectReason.MISSING_TOOL
    assert "libreoffice-writer-nogui" in err.value.message


def test_missing_tesseract_is_a_plain_message(monkeypatch):
    import extractors.ocr

    monkeypatch.setattr(extractors.ocr, "tesseract_ready", lambda: False)
    with pytest.raises(RejectedFileError) as err:
        extract(CORPUS / "scan-pdf" / "A-cdyt.pdf")
    assert err.value.reason is RejectReason.MISSING_TOOL
    assert "tesseract-ocr-vie" in err.value.message


def test_legacy_tables_round_trip_and_detection():
    text = "Trường Cao đẳng Y tế Thủ đô: tỷ lệ người học có việc làm đạt 92,5%; khuỷu, quỹ, ỵ"
    assert tcvn3_to_unicode(unicode_to_tcvn3(text)) == text
    assert vni_to_unicode(unicode_to_vni(text)) == text
    assert unicode_to_tcvn3("Báo cáo") == "B¸o c¸o" and unicode_to_vni("chào") == "chaøo"
    assert guess_encoding(unicode_to_tcvn3(text)) == TCVN3
    assert guess_encoding(unicode_to_vni(text)) == VNI
    assert guess_encoding(text) is None
