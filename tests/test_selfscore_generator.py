"""The self-scoring table generator (tests/generators/selfscore_tables.py, selfscore_prose.py)
itself: deterministic, its truth consistent with what it writes (in a table or in prose), every
layout choice drawn, and scans turning a page sideways. The reader is measured by
bench/selfscore_read.py, not here."""

from __future__ import annotations

import pytest
from generators.criteria_tables import scan_pdf
from generators.selfscore_prose import PROSE_STYLES
from generators.selfscore_runs import LONG_LINES, scan_cases, sideways_page
from generators.selfscore_tables import OPTIONS, GeneratedReport, Line, generate_report, write_docx

from extractors import extract
from pipeline.config.rubric import GroupKind
from pipeline.core.textnorm import parse_number

SEEDS = range(50)


@pytest.fixture(scope="module")
def reports() -> list[GeneratedReport]:
    return [generate_report(seed) for seed in SEEDS]


def _document_text(path) -> str:
    doc = extract(path)
    texts = [b.text for b in doc.blocks]
    texts += [cell.text for table in doc.tables() for row in table.rows for cell in row]
    return "\n".join(texts)


def _signed(report: GeneratedReport, codes: list[str]) -> float:
    kinds = {c.code: c.kind for _, c in report.rubric.leaves()}
    return round(sum(-report.scores[c] if kinds[c] is GroupKind.DEDUCTION else report.scores[c] for c in codes), 2)


def _leaves_below(report: GeneratedReport, line: Line) -> list[str]:
    group = next((g for g in report.rubric.groups if g.code == line.truth), None)
    node = group if line.role == "group" else report.rubric.criterion(line.truth)
    return [c.code for c in node.leaves()]


def _prose(reports: list[GeneratedReport]) -> list[GeneratedReport]:
    return [r for r in reports if r.layout.form == "prose"]


def test_same_seed_same_document(tmp_path, reports):
    for seed in (3, 17, _prose(reports)[0].seed):
        first = write_docx(generate_report(seed), tmp_path / "a" / "t.docx")
        second = write_docx(generate_report(seed), tmp_path / "b" / "t.docx")
        assert first.read_bytes() == second.read_bytes()
        assert _document_text(first) == _document_text(second)
    assert generate_report(3).lines != generate_report(4).lines


def test_truth_is_consistent(reports):
    for report in reports:
        leaves = [c.code for _, c in report.rubric.leaves()]
        assert sorted(report.scores) == sorted(leaves), report.seed
        assert all(score >= 0 for score in report.scores.values()), report.seed
        assert report.stated_total == pytest.approx(_signed(report, leaves)), report.seed
        if report.layout.total != "none":
            assert report.total_text, report.seed


def test_written_numbers_are_the_truth(reports):
    """Leaf rows hold their score (deductions with or without a minus sign, 'x/y' as x); subtotal
    rows hold the signed sum of every scored criterion below them; a total row the stated total."""
    subtotals = 0
    for report in reports:
        for line in report.lines:
            if line.role in ("leaf", "group", "holder", "total") and line.self_text:
                written = parse_number(_first_figure(line.self_text))
                assert written is not None, (report.seed, line)
                assert abs(written) == pytest.approx(abs(line.value)), (report.seed, line)
            if line.role == "leaf":
                assert line.value == report.scores[line.truth], (report.seed, line)
            elif line.role in ("group", "holder") and line.self_text:
                subtotals += 1
                assert line.value == pytest.approx(_signed(report, _leaves_below(report, line))), (report.seed, line)
            elif line.role == "total":
                assert line.value == report.stated_total, report.seed
    assert subtotals > 20


def _first_figure(text: str) -> str:
    """'9,5/10 điểm (cộng …)' → '9,5'; 'trừ 1 điểm' → '1'; '-1' stays."""
    text = text.removeprefix("trừ ").removeprefix("cộng ")
    return text.split("/")[0].split(" điểm")[0].strip()


def test_prose_states_every_score(tmp_path, reports):
    """A report in prose has no table; each scored item's score phrase is in the text (read by
    extract), with its code when the report names items by code, and the truth in its figure."""
    chosen = _prose(reports)
    assert len(chosen) >= 2
    for report in chosen[:3]:
        doc = extract(write_docx(report, tmp_path / f"{report.name}.docx"))
        assert not list(doc.tables()), report.seed
        paragraphs = [b.text for b in doc.blocks]
        leaves = [line for line in report.lines if line.role == "leaf"]
        assert sorted(line.truth for line in leaves) == sorted(report.scores), report.seed
        for line in leaves:
            holding = [t for t in paragraphs if line.self_text in t]
            assert holding, (report.seed, line.truth, line.self_text)
            assert parse_number(_first_figure(line.self_text)) == pytest.approx(report.scores[line.truth])
            if line.code:
                assert any(line.code in t for t in paragraphs), (report.seed, line.code)
        if report.layout.total == "paragraph":
            assert any(report.total_text in t for t in paragraphs), report.seed


def test_prose_is_written_every_way(reports):
    styles = {line.prose for r in _prose(reports) for line in r.lines if line.prose}
    assert styles == set(PROSE_STYLES)
    leaves = [line for r in _prose(reports) for line in r.lines if line.role == "leaf"]
    coded = sum(bool(line.code) for line in leaves)
    assert coded > len(leaves) / 2 and coded < len(leaves), "codes most of the time, titles only sometimes"


def test_scans_span_pages_and_turn_one_sideways(tmp_path):
    cases = scan_cases(0, 8)
    assert len({c.seed for c in cases}) == 8
    assert sum(c.sideways for c in cases) == 2
    long = [generate_report(c.seed) for c in cases[::3]]
    assert all(r.layout.form == "table" and len(r.lines) >= LONG_LINES for r in long)
    turned = next(c for c in cases if c.sideways)
    assert sideways_page(turned, 3) == sideways_page(turned, 3) is not None
    pdf = _two_page_pdf(tmp_path / "text.pdf")
    scan_pdf(pdf, tmp_path / "scan.pdf", 1, dpi=40, sideways=1)
    import pypdfium2 as pdfium

    scan = pdfium.PdfDocument(str(tmp_path / "scan.pdf"))
    sizes = [scan[i].get_size() for i in range(len(scan))]
    assert sizes[0][0] < sizes[0][1] and sizes[1][0] > sizes[1][1], sizes


def _two_page_pdf(path):
    """A two-page portrait text PDF (pypdfium2, no LibreOffice)."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument.new()
    for _ in range(2):
        doc.new_page(595, 842)
    doc.save(str(path))
    doc.close()
    return path


def test_document_states_the_total(tmp_path, reports):
    chosen = [next(r for r in reports if r.layout.total == how) for how in ("row", "paragraph")]
    chosen.append(next(r for r in reports if r.layout.total == "row" and r.layout.numbers == "suffix"))
    for report in chosen:
        text = _document_text(write_docx(report, tmp_path / f"{report.name}.docx"))
        assert report.total_text in text, (report.seed, report.total_text)
        if report.layout.total == "paragraph":
            assert f"{report.layout.total_label}{report.total_text}" in text


def test_every_layout_choice_is_drawn(reports):
    seen: dict[str, set] = {name: set() for name in OPTIONS}
    for report in reports:
        for name, value in report.layout.choices().items():
            seen[name].add(value)
    for name, values in OPTIONS.items():
        assert seen[name] == set(values), (name, set(values) - seen[name])
    headers = {word for r in reports for word in r.layout.headers.values()}
    for word in ("TT", "STT", "Mã", "Nội dung", "Tiêu chí", "Nội dung tiêu chí", "Điểm chuẩn", "Điểm tối đa",
                 "Tối đa", "Tự chấm", "Điểm tự chấm", "Đơn vị tự chấm", "Điểm Cụm thẩm định", "Ghi chú"):
        assert word in headers, word
