"""Self-scoring tables generated with their truth, read by tdkt and judged: exact, flagged
(the reading admits doubt), silent (wrong and nothing said) or crash. Shared by the property
test (tests/test_selfscore_generated.py) and bench/selfscore_read.py.

  exact    every scored criterion read with its self-score, and the total read (claimed_total,
           else the signed sum of the rows) equal to the one the document states, if it states one
  flagged  not exact, but the reading admits doubt: no table found, rows matched to no
           criterion, problems reported, or a claimed total that is not the sum of the rows
  silent   not exact and nothing said: a reviewer would trust wrong figures
  crash    an exception

Reports that score in prose (no table) are judged the same way: the reader is to build its
SelfScoreTable from the paragraphs; until it does, "no table found" counts as flagged.

Scans: ``run(..., scans=K)`` draws K seeds of its own (``scan_cases``: from SCAN_BASE on, every
third a table long enough to span pages, every fourth with one page scanned sideways), converts
them with LibreOffice as the PDF cases are and turns each PDF into a scan (criteria_tables'
``scan_pdf``). ``rebuild_scan(case, folder)`` makes one again.
"""

from __future__ import annotations

import multiprocessing
import random
import re
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .criteria_tables import convert, scan_pdf, start_conversion, wait_conversion
from .selfscore_tables import GeneratedReport, generate_report, write_docx, write_split_docx

_EPS = 0.005
STATUSES = ("exact", "flagged", "silent", "crash")
SCAN_BASE = 100_000  # scan seeds: SCAN_BASE + first seed + n, apart from the .docx and PDF ones
LONG_LINES = 45  # table lines of a long table: Times 13 pt fits ~25 rows a page, so 2–4 pages


@dataclass(frozen=True)
class ScanCase:
    seed: int
    sideways: bool  # one page (``sideways_page``) scanned a quarter turn

    @property
    def stem(self) -> str:
        return f"tu-cham-scan-{self.seed:06d}"


def scan_cases(first: int, count: int) -> list[ScanCase]:
    """``count`` scan cases from seed SCAN_BASE + ``first`` on: every third one (the first, the
    fourth …) a long table (seeds that draw a short one, or prose, are passed over), every fourth
    one with a page turned sideways."""
    cases: list[ScanCase] = []
    seed = SCAN_BASE + first
    while len(cases) < count:
        if len(cases) % 3 == 0 and not _long_table(generate_report(seed)):
            seed += 1
            continue
        cases.append(ScanCase(seed, sideways=len(cases) % 4 == 3))
        seed += 1
    return cases


def _long_table(report: GeneratedReport) -> bool:
    return report.layout.form == "table" and len(report.lines) >= LONG_LINES


def sideways_page(case: ScanCase, pages: int) -> int | None:
    """The page (0-based) a sideways case turns: drawn from its seed among the PDF's pages."""
    return random.Random(f"selfscore-sideways-{case.seed}").randrange(pages) if case.sideways else None


@dataclass
class Outcome:
    fmt: str
    seed: int
    status: str
    seconds: float
    diff: str = ""  # the first difference, with figures
    shape: str = ""  # the same without codes and figures
    layout: str = ""
    choices: dict[str, object] = field(default_factory=dict)

    def line(self) -> str:
        return f"{self.fmt} seed {self.seed}: {self.diff} [{self.layout}]"


class TakenForCriteria(Exception):
    """tdkt took the unit's table for the cluster's criteria document (an inbox would set it aside,
    or import it as the cluster's criteria): silently wrong."""


def check(fmt: str, seed: int, path: Path, note: str = "") -> Outcome:
    """Read one file as an inbox does and compare the reading with its truth (``note``: how the
    file was made, added to the layout in reports)."""
    from extractors import extract
    from pipeline.criteria import is_rubric_document
    from pipeline.understanding.selfscore import find_self_score_table

    report = generate_report(seed)
    layout = f"{note} | {report.summary()}" if note else report.summary()

    def read():
        doc = extract(path)
        if is_rubric_document(doc):
            raise TakenForCriteria
        return find_self_score_table(doc, report.rubric)

    return _judged(report, fmt, layout, read)


def _judged(report: GeneratedReport, fmt: str, layout: str, read) -> Outcome:
    """``read()`` timed and its table compared with the truth; an exception is a crash outcome."""
    base = dict(fmt=fmt, seed=report.seed, layout=layout, choices=report.layout.choices())
    start = time.perf_counter()
    try:
        table = read()
    except TakenForCriteria:
        return Outcome(status="silent", seconds=time.perf_counter() - start,
                       diff="taken for the cluster's criteria document", shape="taken for a criteria document",
                       **base)
    except Exception as e:  # a crash is a finding, reported with its seed
        return Outcome(status="crash", seconds=time.perf_counter() - start, diff=f"{type(e).__name__}: {e}",
                       shape=f"crash {type(e).__name__}", **base)
    seconds = time.perf_counter() - start
    diff, shape = first_difference(table, report)
    if not diff:
        return Outcome(status="exact", seconds=seconds, **base)
    status = "flagged" if doubts(table, report) else "silent"
    return Outcome(status=status, seconds=seconds, diff=diff, shape=shape, **base)


def signed_rows(table, report: GeneratedReport) -> float:
    """The total the rows read add up to: criterion rows matched to a code, deductions subtracted."""
    from pipeline.config.rubric import GroupKind
    from pipeline.understanding.facts import RowKind

    kinds = {c.code: c.kind for _, c in report.rubric.walk()}
    total = 0.0
    for row in table.rows:
        if row.kind is RowKind.CRITERION and row.code and row.self_score is not None:
            total += -row.self_score if kinds.get(row.code) is GroupKind.DEDUCTION else row.self_score
    return total


def doubts(table, report: GeneratedReport) -> bool:
    """What tdkt tells the reviewer about this reading (scoring adds the standard criteria that
    have no score)."""
    from pipeline.understanding.selfscore_checks import missing_criteria

    if table is None or table.unmatched or table.problems or missing_criteria(table.rows, report.rubric):
        return True
    return table.claimed_total is not None and abs(table.claimed_total - signed_rows(table, report)) > _EPS


def first_difference(table, report: GeneratedReport) -> tuple[str, str]:
    """('', '') when the reading is exact; else the first difference and its shape."""
    if table is None:
        return "no self-scoring table found", "no table found"
    rows = table.criterion_rows()
    for _, c in report.rubric.leaves():
        want = report.scores[c.code]
        row = rows.get(c.code)
        if row is None:
            how = _read_as(table, report, c.code)
            return f"{c.code} ({c.kind}) {how} (truth {want:g})", f"{c.kind} criterion {_code_shape(how)}"
        got = row.self_score
        if got is not None and abs(got - want) < _EPS:
            continue
        cell = row.self_score_as_written
        what = "no number" if got is None else "sign" if abs(abs(got) - want) < _EPS else "another value"
        return (f"{c.code} ({c.kind}) read {got} from '{cell}', truth {want:g}",
                f"{c.kind} criterion: {what} from '{_cell_shape(cell)}'")
    if report.states_total:
        read = table.claimed_total if table.claimed_total is not None else signed_rows(table, report)
        if abs(read - report.stated_total) > _EPS:
            source = "claimed" if table.claimed_total is not None else "rows' sum"
            return (f"total ({source}) {read:g}, stated {report.stated_total:g} ({report.layout.total})",
                    f"total ({source}) differs, stated in a {report.layout.total}")
    return "", ""


def _read_as(table, report: GeneratedReport, code: str) -> str:
    """What became of the row written for ``code``: found by its title and self-score cell."""
    from pipeline.understanding.facts import RowKind

    line = next(line for line in report.lines if line.truth == code and line.role == "leaf")
    same = [r for r in table.rows if " ".join(r.label.split()) == " ".join(line.title.split())
            and r.self_score_as_written == line.self_text]
    if not same:
        return "row not in the reading"
    row = same[0]
    if row.kind is RowKind.GROUP:
        return f"read as group row '{row.code}'"
    if row.kind is RowKind.SUBTOTAL:
        return f"read as subtotal of '{row.code}'"
    if row.code is None:
        return "row matched to no criterion"
    return f"row matched to '{row.code}' ({row.match})"


def _code_shape(text: str) -> str:
    return re.sub(r"'[^']*'", "…", text)


def _cell_shape(text: str) -> str:
    return re.sub(r"[0-9]+([.,][0-9]+)*", "N", text)[:30]


# --- running --------------------------------------------------------------------------------


def _write(seed: int, folder: str, stem: str = "") -> str:
    report = generate_report(seed)
    return str(write_docx(report, Path(folder) / f"{stem or report.name}.docx"))


def _check(fmt: str, seed: int, path: str, note: str = "") -> Outcome:
    return check(fmt, seed, Path(path), note)


def make_scan(case: ScanCase, pdf: Path, dst: Path) -> tuple[Path, str]:
    """The scan of the case's PDF, and a note saying how many pages it has and which one is turned."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf))
    pages = len(document)
    document.close()
    turned = sideways_page(case, pages)
    scan_pdf(pdf, dst, case.seed, sideways=turned)
    return dst, f"scan: {pages} pages" + (f", page {turned + 1} sideways" if turned is not None else "")


def _scan(case: ScanCase, pdf: str, folder: str) -> tuple[str, str]:
    path, note = make_scan(case, Path(pdf), Path(folder) / f"{case.stem}.pdf")
    return str(path), note


def rebuild_scan(case: ScanCase, folder: Path, soffice: str | None = None) -> Path:
    """One scan case again, .docx → LibreOffice PDF → scan, in ``folder`` (for a failure's seed:
    ``rebuild_scan(ScanCase(seed, sideways=...), folder)``; the outcome's layout says if a page
    is sideways)."""
    source = Path(_write(case.seed, str(folder), case.stem))
    pdf = convert([source], "pdf", folder, soffice)[0]
    return make_scan(case, pdf, folder / f"{case.stem}.scan.pdf")[0]


def run(seeds: list[int], pdf: int, folder: Path, jobs: int, soffice: str | None = None, scans: int = 0
        ) -> tuple[list[Outcome], dict[str, float]]:
    """Write every .docx, convert the first ``pdf`` (and ``scans`` scan cases of their own
    seeds, ``scan_cases``) in the background, read them all; scans are read first (OCR)."""
    import extractors  # noqa: F401 — load the readers before forking
    import pipeline.understanding.selfscore  # noqa: F401

    timings: dict[str, float] = {}
    src = folder / "docx"
    src.mkdir(parents=True, exist_ok=True)
    cases = scan_cases(seeds[0] if seeds else 0, scans)
    with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
        t = time.perf_counter()
        paths = list(pool.map(_write, seeds, [str(src)] * len(seeds), chunksize=8))
        sources = list(pool.map(_write, [c.seed for c in cases], [str(src)] * len(cases), [c.stem for c in cases]))
        timings["write"] = time.perf_counter() - t
        to_convert = [Path(p) for p in paths[:pdf] + sources]
        conversion = start_conversion(to_convert, "pdf", folder / "pdf", soffice) if to_convert else None
        t = time.perf_counter()
        outcomes = list(pool.map(_check, ["docx"] * len(seeds), seeds, paths, chunksize=4))
        timings["docx"] = time.perf_counter() - t
        if conversion is not None:
            t = time.perf_counter()
            pdfs = [str(p) for p in wait_conversion(conversion)]
            timings["waiting for LibreOffice"] = time.perf_counter() - t
            read = [("pdf", seed, path, "") for seed, path in zip(seeds[:pdf], pdfs[:pdf], strict=True)]
            if cases:
                t = time.perf_counter()
                out = folder / "scan"
                out.mkdir(exist_ok=True)
                made = pool.map(_scan, cases, pdfs[pdf:], [str(out)] * len(cases))
                read = [("scan", c.seed, path, note) for c, (path, note) in zip(cases, made, strict=True)] + read
                timings["scanning"] = time.perf_counter() - t
            t = time.perf_counter()
            outcomes += list(pool.map(_check, *zip(*read, strict=True)))
            timings["pdf and scans"] = time.perf_counter() - t
    return outcomes, timings


def check_split(seed: int, folder: Path) -> Outcome:
    """A table sent in two files (write_split_docx), read as an inbox would: each file on its
    own, then the unit's record chosen and joined by select_reports."""
    from pipeline.results.outcome import FileOutcome
    from pipeline.runs.steps import read_report, select_reports

    report = generate_report(seed)

    def read():
        outcomes = []
        for path in write_split_docx(report, folder):
            read = read_report(path, report.rubric, None)
            outcomes.append(FileOutcome(file=read.file, sha256=read.sha256, facts=read.facts,
                                        rejection=read.rejection))
        records, _ = select_reports(outcomes, 2024)
        return next(iter(records.values())).self_scores if len(records) == 1 else None

    return _judged(report, "split", report.summary(), read)
