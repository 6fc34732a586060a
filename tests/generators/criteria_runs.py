"""Generated criteria documents in every format, imported and compared with their truth.

Shared by tests/test_criteria_generated.py and bench/criteria_import.py:

    cases = plan(docx=230, pdf=60, doc=5, odt=5, scan=5)
    with Runner(folder, jobs=2) as run:
        outcomes = run.all(cases)        # .docx written and read while LibreOffice converts the rest

Each format draws its own seeds (a .docx seed n, a PDF seed 100000 + n …), so every format sees
different documents; the same case always gives the same document.
"""

from __future__ import annotations

import multiprocessing
import threading
import time
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .criteria_tables import (
    first_difference,
    generate,
    rubric_shape,
    scan_pdf,
    start_conversion,
    wait_conversion,
    write_docx,
)

FORMATS = ("docx", "pdf", "doc", "odt", "scan")
SEED_BASE = {"docx": 0, "pdf": 100_000, "doc": 200_000, "odt": 300_000, "scan": 400_000}


@dataclass(frozen=True)
class Case:
    fmt: str
    seed: int

    @property
    def profile(self) -> str:
        return "scan" if self.fmt == "scan" else "default"

    @property
    def stem(self) -> str:
        return f"tieu-chi-{self.fmt}-{self.seed:06d}"


@dataclass
class Outcome:
    case: Case
    status: str  # exact | reported | silent | crash
    seconds: float
    diff: str = ""
    detail: str = ""  # what the import reported, or the exception
    layout: str = ""
    recognised: bool | None = None  # taken for a criteria document in an inbox (None: not read)

    def line(self) -> str:
        return f"{self.case.fmt} seed {self.case.seed}: {self.diff or self.detail} [{self.layout}]"


def plan(docx: int = 0, pdf: int = 0, doc: int = 0, odt: int = 0, scan: int = 0, start: int = 0) -> list[Case]:
    counts = {"docx": docx, "pdf": pdf, "doc": doc, "odt": odt, "scan": scan}
    return [Case(fmt, SEED_BASE[fmt] + start + i) for fmt in FORMATS for i in range(counts[fmt])]


def check(case: Case, path: Path) -> Outcome:
    """Import one file and compare it with its truth."""
    from extractors import extract  # (imported before timing: the first call loads it)
    from pipeline.core.errors import RejectedFileError
    from pipeline.criteria import RubricImportError, import_rubric, is_rubric_document

    g = generate(case.seed, case.profile)
    want = rubric_shape(g.rubric)
    start = time.perf_counter()
    recognised = None
    try:
        doc = extract(path, path.name)  # what import_file does, once for both questions
        recognised = is_rubric_document(doc)
        imported = import_rubric(doc)
    except (RubricImportError, RejectedFileError) as e:
        return Outcome(case, "reported", time.perf_counter() - start, "", f"refused: {e}", g.summary(), recognised)
    except Exception as e:  # a crash is a finding, reported with its seed
        return Outcome(case, "crash", time.perf_counter() - start, "", f"{type(e).__name__}: {e}", g.summary(),
                       recognised)
    seconds = time.perf_counter() - start
    got = rubric_shape(imported.rubric)
    if got == want:
        return Outcome(case, "exact", seconds, layout=g.summary(), recognised=recognised)
    said = "; ".join([*imported.unplaced, *imported.problems])[:300]
    return Outcome(case, "silent" if imported.clean else "reported", seconds, first_difference(got, want), said,
                   g.summary(), recognised)


def _write_and_check(case: Case, folder: str) -> Outcome:
    path = write_docx(generate(case.seed, case.profile), Path(folder) / f"{case.stem}.docx")
    return check(case, path)


def _write(case: Case, folder: str) -> Path:
    return write_docx(generate(case.seed, case.profile), Path(folder) / f"{case.stem}.docx")


def _scan(case: Case, pdf: str, folder: str) -> Path:
    return scan_pdf(Path(pdf), Path(folder) / f"{case.stem}.pdf", case.seed)


def _check_path(case: Case, path: str) -> Outcome:
    return check(case, Path(path))


@dataclass
class Runner:
    """A pool of worker processes (forked, so they start with the pipeline loaded) and the
    LibreOffice conversions, run in the background while the .docx cases are read."""

    folder: Path
    jobs: int = 2
    soffice: str | None = None
    lo_batches: int = 1
    timings: dict[str, float] = field(default_factory=dict)

    def __enter__(self) -> Runner:
        import extractors  # noqa: F401 — load the readers before forking
        import pipeline.criteria  # noqa: F401

        self.pool = ProcessPoolExecutor(self.jobs, mp_context=multiprocessing.get_context("fork"))
        list(self.pool.map(abs, range(self.jobs)))  # fork the workers now, before any thread starts
        return self

    def __exit__(self, *exc) -> None:
        self.pool.shutdown(cancel_futures=True)

    def all(self, cases: Iterable[Case]) -> list[Outcome]:
        cases = list(cases)
        src = self.folder / "docx"
        src.mkdir(parents=True, exist_ok=True)
        converted = [c for c in cases if c.fmt != "docx"]
        t = time.perf_counter()
        list(self.pool.map(_write, converted, [str(src)] * len(converted), chunksize=8))
        self.timings["write sources"] = time.perf_counter() - t
        conversions = _Conversions(self.folder, src, converted, self.soffice, self.lo_batches)
        conversions.start()
        t = time.perf_counter()
        docx = [c for c in cases if c.fmt == "docx"]
        outcomes = list(self.pool.map(_write_and_check, docx, [str(src)] * len(docx), chunksize=4))
        self.timings["docx"] = time.perf_counter() - t
        t = time.perf_counter()
        paths = conversions.wait()
        self.timings["waiting for LibreOffice"] = time.perf_counter() - t
        scans = [c for c in converted if c.fmt == "scan"]
        if scans:
            t = time.perf_counter()
            out = self.folder / "scan"
            out.mkdir(exist_ok=True)
            made = self.pool.map(_scan, scans, [str(paths[c]) for c in scans], [str(out)] * len(scans))
            paths.update(zip(scans, made, strict=True))
            self.timings["scanning"] = time.perf_counter() - t
        t = time.perf_counter()
        # Slow cases first (.doc/.odt go through LibreOffice again, scans through OCR).
        rest = sorted(converted, key=lambda c: {"scan": 0, "doc": 1, "odt": 1}.get(c.fmt, 2))
        outcomes += list(self.pool.map(_check_path, rest, [str(paths[c]) for c in rest]))
        self.timings["other formats"] = time.perf_counter() - t
        return outcomes


class _Conversions(threading.Thread):
    """PDF (for PDF and scan cases), .doc and .odt, each one LibreOffice run (or a few, in
    parallel, for a bench), one after the other."""

    def __init__(self, folder: Path, src: Path, cases: list[Case], program: str | None, batches: int):
        super().__init__(daemon=True)
        self.folder, self.src, self.cases, self.program, self.batches = folder, src, cases, program, batches
        self.paths: dict[Case, Path] = {}
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            for fmt, members in (("pdf", ("pdf", "scan")), ("doc", ("doc",)), ("odt", ("odt",))):
                chosen = [c for c in self.cases if c.fmt in members]
                if not chosen:
                    continue
                out = self.folder / fmt
                parts = [chosen[i::self.batches] for i in range(self.batches)] if fmt == "pdf" else [chosen]
                running = [(part, start_conversion([self.src / f"{c.stem}.docx" for c in part], fmt, out,
                                                   self.program)) for part in parts if part]
                for part, conversion in running:
                    for case, path in zip(part, wait_conversion(conversion), strict=True):
                        self.paths[case] = path
        except BaseException as e:  # raised again in wait()
            self.error = e

    def wait(self) -> dict[Case, Path]:
        self.join()
        if self.error is not None:
            raise self.error
        return dict(self.paths)


def tally(outcomes: list[Outcome]) -> dict[str, dict[str, float]]:
    """Per format: documents, exact, reported, silent, crash, seconds per document."""
    out: dict[str, dict[str, float]] = {}
    for o in outcomes:
        row = out.setdefault(o.case.fmt, {"documents": 0, "exact": 0, "reported": 0, "silent": 0, "crash": 0,
                                          "seconds": 0.0})
        row["documents"] += 1
        row[o.status] += 1
        row["seconds"] += o.seconds
    return out
