"""Documents that are not unit reports, generated (tests/generators/other_documents.py), mixed into
inboxes with valid reports: none is ever scored, each is set aside once as what it is, and the
reports are used. Positive controls: a công văn that carries the whole report is read as the report.

Rebuild a failing document with ``generate(seed)`` (or ``generate_carrier(seed)``) and
``write_all([doc], folder, sample_rubric())``; bench/other_documents.py runs the same over more seeds.
"""

from __future__ import annotations

import shutil
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from builders import full_scores, report_docx
from generators.other_documents import (
    FORMATS,
    GENRES,
    HEADERS,
    NUMBERS,
    TITLE_CASES,
    OtherDocument,
    generate,
    generate_carrier,
    write_all,
)
from rubric_docs import sample_rubric

from examples import SAMPLE_CLUSTER_DIR
from pipeline.core.errors import RejectReason
from pipeline.results.outcome import RunSummary
from pipeline.runs.inbox_run import process_inbox
from pipeline.runs.steps import read_report
from pipeline.understanding.rules import document_kinds

SEEDS = range(240)
INBOXES = 16
CARRIERS = range(24)
YEAR = 2023
REPORTING_UNITS = ["Trường Cao đẳng Y tế Hà Đông", "Trường Cao đẳng Sư phạm Hà Tây",
                   "Trường Đại học Văn hóa Nghệ thuật Thủ đô", "Trường Cao đẳng Nghệ thuật Thăng Long",
                   "Trường Cao đẳng Điều dưỡng Hà Nội", "Trường Trung cấp Mầm non Hoàng Mai", "Học viện Âm nhạc Hà Nội"]


@dataclass
class Inbox:
    docs: list[OtherDocument]
    reports: list[str]  # file names of the two valid reports
    summary: RunSummary
    text: str  # the run report


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> dict[str, list[tuple[OtherDocument, Path]]]:
    """Every generated document written once (the PDFs in one LibreOffice run)."""
    folder = tmp_path_factory.mktemp("other-documents")
    others = [generate(seed) for seed in SEEDS]
    carriers = [generate_carrier(seed) for seed in CARRIERS]
    paths = write_all(others + carriers, folder, sample_rubric())
    return {"others": list(zip(others, paths[: len(others)], strict=True)),
            "carriers": list(zip(carriers, paths[len(others):], strict=True))}


@pytest.fixture(scope="module")
def inboxes(written, tmp_path_factory) -> list[Inbox]:
    rubric = sample_rubric()
    runs = []
    for i in range(INBOXES):
        inbox = tmp_path_factory.mktemp(f"inbox-{i:02d}")
        chosen = written["others"][i::INBOXES]
        for _, path in chosen:
            shutil.copy2(path, inbox / path.name)
        units = [REPORTING_UNITS[i % len(REPORTING_UNITS)], REPORTING_UNITS[(i + 3) % len(REPORTING_UNITS)]]
        reports = []
        for n, unit in enumerate(units):
            name = f"BC tong ket {YEAR} - don vi {n + 1}.docx"
            report_docx(inbox / name, rubric, unit, full_scores(rubric, minus=n), number=f"{10 + n}/BC-DV{n}")
            reports.append(name)
        summary = process_inbox(inbox, tmp_path_factory.mktemp(f"out-{i:02d}"), year=YEAR,
                                rubric=SAMPLE_CLUSTER_DIR / "rubric.yaml")
        runs.append(Inbox([d for d, _ in chosen], reports, summary, Path(summary.report).read_text(encoding="utf-8")))
    return runs


def _kind_name(kind: str) -> str:
    vocabulary = document_kinds()
    return vocabulary.kinds[kind].name if kind in vocabulary.kinds else vocabulary.other_name


def _problems(doc: OtherDocument, run: Inbox) -> list[str]:
    """What is wrong with how the run treated one generated document (nothing, when right)."""
    problems = []
    records = run.summary.result.reports.values() if run.summary.result else []
    if any(doc.name == r.file or doc.name in r.merged_from for r in records):
        problems.append("dùng để chấm điểm")
    mine = [r for r in run.summary.rejected if r.file == doc.name]
    expected = f"không phải báo cáo tổng kết (đây là {_kind_name(doc.kind)}"
    if len(mine) != 1:
        problems.append(f"{len(mine)} lần trong danh sách tệp không dùng")
    elif mine[0].reason is not RejectReason.NOT_A_REPORT or not mine[0].message.startswith(expected):
        problems.append(f"để riêng vì {mine[0].reason.value}: {mine[0].message}")
    if run.text.count(doc.name) != 1:
        problems.append(f"tên tệp xuất hiện {run.text.count(doc.name)} lần trong báo cáo xử lý")
    return problems


def test_documents_that_are_not_reports_are_never_scored_and_set_aside_once_as_what_they_are(inboxes):
    failures = [f"{doc.summary()}: {'; '.join(problems)}"
                for run in inboxes for doc in run.docs if (problems := _problems(doc, run))]
    assert sum(len(run.docs) for run in inboxes) >= 200
    assert not failures, f"{len(failures)} tài liệu bị xử lý sai:\n" + "\n".join(failures)


def test_the_valid_reports_beside_them_are_used(inboxes):
    for run in inboxes:
        used = sorted(r.file for r in run.summary.result.reports.values())
        assert used == sorted(run.reports), [(r.file, r.message) for r in run.summary.rejected if r.file in run.reports]


def test_a_cong_van_carrying_the_whole_report_is_read_as_the_report(written):
    wrong = []
    for doc, path in written["carriers"]:
        outcome = read_report(path, sample_rubric(), None)
        kind = outcome.facts.kind if outcome.facts else None
        if kind is None or kind.kind != "report" or not kind.scored:
            wrong.append(f"{doc.summary()}: {kind or outcome.rejection}")
        elif doc.choices["score_table"] == "true" and outcome.facts.self_scores is None:
            wrong.append(f"{doc.summary()}: bảng tự chấm điểm không được đọc")
    assert not wrong, "\n".join(wrong)


def test_the_generator_covers_every_kind_and_layout_over_50_seeds():
    docs = [generate(seed) for seed in range(50)]
    seen = Counter(f for doc in docs for f in doc.features)
    choices = {"genre": GENRES, "header": HEADERS, "number": NUMBERS, "title": TITLE_CASES, "format": FORMATS,
               "table": ("no", "yes", "criteria"), "spacing": ("normal", "double", "nbsp"),
               "mark": ("none", "draft", "urgent"), "signature": ("paragraphs", "table"),
               "variant": ("sends", "requests", "outline", "meeting", "inspection", "template", "site", "email",
                           "letter"), "loose": ("yes", "no")}
    wanted = [f"{name}:{value}" for name, values in choices.items() for value in values]
    assert not [f for f in wanted if not seen[f]]
    assert {doc.kind for doc in docs} == {*GENRES[:-2], "other"}
    carriers = [generate_carrier(seed) for seed in range(50)]
    seen = Counter(f for doc in carriers for f in doc.features)
    assert all(seen[f] for f in ("form:cover", "form:letter_form", "score_table:true", "score_table:false",
                                 "report_header:table", "report_header:unit_line", "report_header:none"))


def test_the_same_seed_gives_the_same_bytes(tmp_path):
    docs = [generate(s) for s in (0, 9, 13)]  # a giấy mời, a cover note, a biên bản
    first = write_all([d for d in docs if d.fmt != "pdf"], tmp_path / "a", sample_rubric())
    again = write_all([generate(d.seed) for d in docs if d.fmt != "pdf"], tmp_path / "b", sample_rubric())
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in again]
