"""Self-scoring tables generated with their truth, read by tdkt and judged: exact, flagged
(the reading admits doubt), silent (wrong and nothing said) or crash. Shared by the property
test (tests/test_selfscore_generated.py) and bench/selfscore_read.py.

  exact    every scored criterion read with its self-score, and the total read (claimed_total,
           else the signed sum of the rows) equal to the one the document states, if it states one
  flagged  not exact, but the reading admits doubt: no table found, rows matched to no
           criterion, problems reported, or a claimed total that is not the sum of the rows
  silent   not exact and nothing said: a reviewer would trust wrong figures
  crash    an exception
"""

from __future__ import annotations

import multiprocessing
import re
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .criteria_tables import start_conversion, wait_conversion
from .selfscore_tables import GeneratedReport, generate_report, write_docx

_EPS = 0.005
STATUSES = ("exact", "flagged", "silent", "crash")


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


def check(fmt: str, seed: int, path: Path) -> Outcome:
    """Read one file and compare the reading with its truth."""
    from extractors import extract
    from pipeline.understanding.selfscore import find_self_score_table

    report = generate_report(seed)
    base = dict(fmt=fmt, seed=seed, layout=report.summary(), choices=report.layout.choices())
    start = time.perf_counter()
    try:
        table = find_self_score_table(extract(path), report.rubric)
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
    from pipeline.rubric import GroupKind
    from pipeline.understanding.facts import RowKind

    kinds = {c.code: c.kind for _, c in report.rubric.walk()}
    total = 0.0
    for row in table.rows:
        if row.kind is RowKind.CRITERION and row.code and row.self_score is not None:
            total += -row.self_score if kinds.get(row.code) is GroupKind.DEDUCTION else row.self_score
    return total


def doubts(table, report: GeneratedReport) -> bool:
    if table is None or table.unmatched or getattr(table, "problems", []):
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


def _write(seed: int, folder: str) -> str:
    report = generate_report(seed)
    return str(write_docx(report, Path(folder) / f"{report.name}.docx"))


def _check(fmt: str, seed: int, path: str) -> Outcome:
    return check(fmt, seed, Path(path))


def run(seeds: list[int], pdf: int, folder: Path, jobs: int, soffice: str | None = None
        ) -> tuple[list[Outcome], dict[str, float]]:
    """Write every .docx, convert the first ``pdf`` in the background, read them all."""
    import extractors  # noqa: F401 — load the readers before forking
    import pipeline.understanding.selfscore  # noqa: F401

    timings: dict[str, float] = {}
    src = folder / "docx"
    src.mkdir(parents=True, exist_ok=True)
    with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
        t = time.perf_counter()
        paths = list(pool.map(_write, seeds, [str(src)] * len(seeds), chunksize=8))
        timings["write"] = time.perf_counter() - t
        conversion = start_conversion([Path(p) for p in paths[:pdf]], "pdf", folder / "pdf", soffice) if pdf else None
        t = time.perf_counter()
        outcomes = list(pool.map(_check, ["docx"] * len(seeds), seeds, paths, chunksize=4))
        timings["docx"] = time.perf_counter() - t
        if conversion is not None:
            t = time.perf_counter()
            pdfs = [str(p) for p in wait_conversion(conversion)]
            timings["waiting for LibreOffice"] = time.perf_counter() - t
            t = time.perf_counter()
            outcomes += list(pool.map(_check, ["pdf"] * len(pdfs), seeds[:pdf], pdfs))
            timings["pdf"] = time.perf_counter() - t
    return outcomes, timings
