"""A city's year through tdkt, measured from outside, beside what plain reading costs (issue 16).

    .venv/bin/python bench/city.py [--scales 1,4,16] [--full] [--seed 1] [--json FILE]
                                   [--cache /tmp/tdkt-city] [--stages-scale 4] [--skip plumber,stages]

The corpus (tests/generators/city_corpus.py): N clusters × 8 member units, each cluster a folder
of a tdkt workspace's inbox (cluster.yaml, the sample rubric.yaml and rules.yaml) holding every
member's year-end reports for 2022 and 2023 (~15 pages each, .docx or text PDF, a self-scoring
table of any generated layout) and 9 documents that are not reports; 60 clusters make ~1,500
files and ~15,000 pages. Clusters are generated one by one and cached under
--cache/<seed and options>/clusters/ (a scale takes the first N), so a second bench run
generates nothing; generation time is reported apart and is no part of the measurements.

For each scale, on fresh copies of the workspace (child processes, measured the same way):

  floor            pypdfium2's raw text of every text-PDF page and a python-docx walk of every
                   .docx (paragraphs and table cells), one process: the cheapest honest reading
  plain script     pdfplumber's extract_text of every PDF page and the same python-docx walk (what
                   a plain script does); past --plumber-max-pages PDF pages the rest is estimated
                   at the rate measured (marked ~)
  plain functions  pipeline.runs.workspace_run.process_workspace(ws): tdkt's own steps without
                   Prefect, reading in the same worker processes as tdkt (TDKT_ISOLATE left on);
                   then again with nothing changed
  tdkt process     `python -m cli.main process --workspace ws` (the `tdkt` command) with Prefect's
                   temporary server, PREFECT_HOME under --cache; then again with nothing changed

Measured from outside, for the whole process tree: wall; user+sys CPU from wait4() of the child
and of every descendant (this process is the children's subreaper, so daemons that outlive their
parent, e.g. reading workers, are reaped here and counted); CPU ÷ wall; peak memory as the
largest sum over the tree of each process's PSS, sampled every --sample seconds from /proc (RSS
sums count the pages forked workers share once per worker; the JSON has both, and the largest
single process's max RSS from wait4()); pages/s. Every figure is also printed as a ratio to the
floor and to the plain functions.

Accuracy: after tdkt's first run, each cluster's result for each year
(pipeline.runs.workspace_run.workspace_result) against the truth: reports used for their unit,
self-scores per criterion code and stated totals, exact / wrong / missing; and whether the plain
functions read the same.

Stages: at --stages-scale, the plain functions once more in one process (TDKT_ISOLATE=0, so the
reading happens there too) with the stage functions wrapped by CPU timers (exclusive: a stage's
time excludes the stages it calls): extract (extractors.extract), understand
(pipeline.understanding.understand), score (pipeline.runs.steps.score_cluster: scoring, ranking,
nominations), render (pipeline.drafts.render.render_document), ledger (every Ledger method), scan
(pipeline.runs.intake.scan: listing and hashing the inbox), the rest; Prefect's share is tdkt's
CPU minus the plain functions' CPU at that scale. Timers cost next to nothing where cProfile would
double the Python-heavy stages and skew the split (--cprofile FILE also writes a cProfile of that
run).

Targets of issue 16 (for the full city, --full): ≤ 5 min wall, CPU ÷ wall ≥ 1.7, peak ≤ 1.5 GB,
second run ≤ 10 s, Prefect ≤ 15% of CPU.
"""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
YEARS = (2022, 2023)
_PR_SET_CHILD_SUBREAPER = 36
_PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024


def _generators():
    """tests/generators, importable (the bench scripts' way: bench/selfscore_read.py)."""
    for path in (str(ROOT), str(ROOT / "tests")):
        if path not in sys.path:
            sys.path.insert(0, path)
    import generators.city_corpus as city

    return city


# --- the corpus -------------------------------------------------------------------------------


@dataclass
class CorpusOptions:
    seed: int
    pages: float
    others: int
    pdf_share: float
    scan_share: float
    doc_share: float

    def folder(self, cache: Path, version: int) -> Path:
        name = (f"seed{self.seed}-g{version}-p{self.pages:g}-o{self.others}-pdf{self.pdf_share:g}"
                f"-scan{self.scan_share:g}-doc{self.doc_share:g}")
        return cache / name / "clusters"


def _make_cluster(options: CorpusOptions, number: int, folder: str) -> tuple[int, float]:
    city = _generators()
    plan = city.plan_cluster(options.seed, number, options.pages, options.others, options.pdf_share,
                             options.scan_share, options.doc_share)
    started = time.perf_counter()
    city.write_cluster(plan, Path(folder) / plan.key)
    return number, time.perf_counter() - started


def ensure_corpus(options: CorpusOptions, clusters: int, cache: Path, jobs: int) -> tuple[Path, float, int]:
    """Clusters 1…``clusters`` on disk (a cluster is done when its truth file exists); returns the
    folder, the wall seconds spent generating now and how many clusters were made now."""
    city = _generators()
    folder = options.folder(cache, city.GENERATOR_VERSION)
    folder.mkdir(parents=True, exist_ok=True)
    missing = [k for k in range(1, clusters + 1) if not (folder / f"ctd{k}.truth.json").exists()]
    if not missing:
        return folder, 0.0, 0
    print(f"generating {len(missing)} clusters into {folder} ({jobs} jobs) …", flush=True)
    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(_make_cluster, options, k, str(folder)) for k in missing]
        for done, future in enumerate(futures, 1):
            number, seconds = future.result()
            print(f"  cluster {number} in {seconds:.0f} s ({done}/{len(missing)})", flush=True)
    return folder, time.perf_counter() - started, len(missing)


def load_truth(folder: Path, clusters: int) -> list[dict]:
    return [json.loads((folder / f"ctd{k}.truth.json").read_text(encoding="utf-8")) for k in range(1, clusters + 1)]


def make_workspace(corpus: Path, truths: list[dict], root: Path) -> Path:
    """A fresh workspace: each cluster's folder copied into inbox/ with its files' times."""
    if root.exists():
        shutil.rmtree(root)
    (root / "inbox").mkdir(parents=True)
    for truth in truths:
        shutil.copytree(corpus / truth["key"], root / "inbox" / truth["key"])
    return root


@dataclass
class CorpusStats:
    clusters: int
    files: int = 0
    pages: int = 0
    reports: int = 0
    by_format: dict[str, list[int]] = field(default_factory=dict)  # fmt → [files, pages]
    report_pages: int = 0

    def add(self, entry: dict) -> None:
        self.files += 1
        self.pages += entry["pages"]
        files_pages = self.by_format.setdefault(entry["fmt"], [0, 0])
        files_pages[0] += 1
        files_pages[1] += entry["pages"]
        if entry["kind"] == "report":
            self.reports += 1
            self.report_pages += entry["pages"]

    def pages_of(self, *fmts: str) -> int:
        return sum(self.by_format.get(f, [0, 0])[1] for f in fmts)

    def line(self) -> str:
        split = ", ".join(f"{fmt} {n} files/{p} pages" for fmt, (n, p) in sorted(self.by_format.items()))
        return (f"{self.clusters} clusters, {self.files} files ({self.reports} reports, {self.report_pages} pages, "
                f"{self.report_pages / max(1, self.reports):.1f} pages each; {self.files - self.reports} other "
                f"documents), {self.pages} pages: {split}")


def corpus_stats(truths: list[dict]) -> CorpusStats:
    stats = CorpusStats(len(truths))
    for truth in truths:
        for entry in truth["files"]:
            stats.add(entry)
    return stats


# --- measuring a process tree from outside ------------------------------------------------------


@dataclass
class Measured:
    label: str
    wall: float = 0.0
    user: float = 0.0
    sys: float = 0.0
    peak_pss_mb: float = 0.0  # the largest sum of PSS over the tree at one sample
    peak_rss_mb: float = 0.0  # the same with RSS (shared pages counted in every process)
    max_process_rss_mb: float = 0.0  # the largest single process (wait4's ru_maxrss)
    processes: int = 0  # distinct processes seen in the tree
    returncode: int = 0
    lingering: list[str] = field(default_factory=list)  # descendants still alive after the run, killed
    pages: int = 0  # pages this run read (0: nothing new)
    estimated: bool = False  # wall and CPU partly extrapolated
    extra: dict = field(default_factory=dict)

    @property
    def cpu(self) -> float:
        return self.user + self.sys

    @property
    def cores(self) -> float:
        return self.cpu / self.wall if self.wall else 0.0


def _become_subreaper() -> None:
    """Orphaned descendants (a worker whose parent exited first) are re-parented to this process
    instead of init, so their CPU time is reaped and counted here."""
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(_PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_CHILD_SUBREAPER)")


def _proc_table() -> dict[int, int]:
    """pid → parent pid of every process."""
    table = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as f:
                stat = f.read()
        except OSError:
            continue
        # the command name may hold spaces and parentheses: the fields start after the last ')'
        table[int(entry.name)] = int(stat[stat.rindex(b")") + 2:].split()[1])
    return table


def _descendants(root: int, table: dict[int, int], exclude: set[int]) -> set[int]:
    children: dict[int, list[int]] = {}
    for pid, ppid in table.items():
        children.setdefault(ppid, []).append(pid)
    found, todo = set(), [p for p in children.get(root, []) if p not in exclude]
    while todo:
        pid = todo.pop()
        if pid not in found:
            found.add(pid)
            todo += children.get(pid, [])
    return found


def _memory_kb(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of a process in kB; (0, 0) once it is gone."""
    rss = pss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Rss:"):
                    rss = int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss = int(line.split()[1])
                    break
    except (OSError, ValueError):
        pass
    return rss, pss


class _Sampler(threading.Thread):
    """The tree's memory every ``interval`` seconds, and every process it ever held."""

    def __init__(self, interval: float, exclude: set[int]) -> None:
        super().__init__(daemon=True)
        self.interval, self.exclude = interval, exclude
        self.stop = threading.Event()
        self.seen: set[int] = set()
        self.peak_pss = self.peak_rss = 0

    def run(self) -> None:
        me = os.getpid()
        while not self.stop.is_set():
            tree = _descendants(me, _proc_table(), self.exclude)
            self.seen |= tree
            sizes = [_memory_kb(pid) for pid in tree]
            self.peak_rss = max(self.peak_rss, sum(r for r, _ in sizes))
            self.peak_pss = max(self.peak_pss, sum(p for _, p in sizes))
            self.stop.wait(self.interval)


def measure(label: str, command: list[str], env: dict[str, str], log: Path, sample: float,
            cwd: Path = ROOT, timeout: float = 7200) -> Measured:
    """Run ``command`` and measure its whole process tree (see the module's docstring)."""
    before = {pid for pid, ppid in _proc_table().items() if ppid == os.getpid()}  # not ours to measure
    sampler = _Sampler(sample, before)
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("wb") as out:
        started = time.perf_counter()
        child = subprocess.Popen(command, env=env, cwd=cwd, stdout=out, stderr=subprocess.STDOUT)
        sampler.start()
        deadline = started + timeout
        usage = None
        while usage is None:
            pid, status, rusage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                usage = (status, rusage)
            elif time.perf_counter() > deadline:
                os.kill(child.pid, signal.SIGKILL)
            else:
                time.sleep(0.05)
        wall = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(usage[0])  # reaped here: Popen must not wait again
    result = Measured(label, wall=wall, user=usage[1].ru_utime, sys=usage[1].ru_stime,
                      max_process_rss_mb=usage[1].ru_maxrss / 1024, returncode=child.returncode)
    _reap_orphans(result, sampler, before)
    sampler.stop.set()
    sampler.join()
    result.peak_pss_mb, result.peak_rss_mb = sampler.peak_pss / 1024, sampler.peak_rss / 1024
    result.processes = max(1, len(sampler.seen))  # the child among them
    return result


def _reap_orphans(result: Measured, sampler: _Sampler, before: set[int], grace: float = 60) -> None:
    """Descendants re-parented here once the child exited (workers, a server being stopped): wait
    for them a while, add their CPU, then kill what is left and name it."""
    me, deadline = os.getpid(), time.perf_counter() + grace
    while True:
        table = _proc_table()
        mine = [pid for pid, ppid in table.items() if ppid == me and pid not in before]
        for pid in mine:
            try:
                done, _, rusage = os.wait4(pid, os.WNOHANG)
            except ChildProcessError:
                continue
            if done:
                result.user += rusage.ru_utime
                result.sys += rusage.ru_stime
                result.max_process_rss_mb = max(result.max_process_rss_mb, rusage.ru_maxrss / 1024)
        alive = _descendants(me, _proc_table(), before)
        if not alive:
            return
        if time.perf_counter() > deadline:
            for pid in alive:
                try:
                    result.lingering.append(Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")
                                            .decode(errors="replace")[:120])
                    os.kill(pid, signal.SIGKILL)
                except OSError:
                    pass
            deadline = time.perf_counter() + 5  # the killed ones are reaped on the next passes
        time.sleep(0.1)


def _env(**extra: str) -> dict[str, str]:
    """The children's environment: this tree's code first, no Prefect server from outside."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "TDKT_"))}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])
    env.update(extra)
    return env


# --- the children: floors, the plain functions with stage timers -----------------------------


def _walk_docx(path: str) -> int:
    import docx

    doc = docx.Document(path)
    size = sum(len(p.text) for p in doc.paragraphs)
    return size + sum(len(c.text) for t in doc.tables for row in t.rows for c in row.cells)


def child_floor(files: list[dict], plumber: bool, max_pages: int) -> dict:
    """pypdfium2 (or pdfplumber) text of the PDFs, then the python-docx walk of the .docx."""
    pdfs = [f for f in files if f["fmt"] == "pdf"]
    docxs = [f for f in files if f["fmt"] == "docx"]
    out: dict[str, float] = {"pdf_pages": 0, "pdf_files": 0, "docx_files": len(docxs), "docx_pages": 0}
    wall, cpu = time.perf_counter(), time.process_time()
    if plumber:
        import pdfplumber

        for f in pdfs:
            if out["pdf_pages"] >= max_pages:
                break
            with pdfplumber.open(f["path"]) as pdf:
                for page in pdf.pages:
                    page.extract_text()
                    page.flush_cache()
                out["pdf_pages"] += len(pdf.pages)
                out["pdf_files"] += 1
    else:
        import pypdfium2 as pdfium

        for f in pdfs:
            pdf = pdfium.PdfDocument(f["path"])
            try:
                for i in range(len(pdf)):
                    page = pdf[i]
                    text = page.get_textpage()
                    text.get_text_range()
                    text.close()
                    page.close()
                out["pdf_pages"] += len(pdf)
                out["pdf_files"] += 1
            finally:
                pdf.close()
    out["pdf_wall"], out["pdf_cpu"] = time.perf_counter() - wall, time.process_time() - cpu
    wall, cpu = time.perf_counter(), time.process_time()
    for f in docxs:
        _walk_docx(f["path"])
        out["docx_pages"] += f["pages"]
    out["docx_wall"], out["docx_cpu"] = time.perf_counter() - wall, time.process_time() - cpu
    return out


_STAGES = {
    "scan": [("pipeline.runs.intake", "scan")],
    "extract": [("extractors", "extract")],
    "understand": [("pipeline.understanding", "understand")],
    "score": [("pipeline.runs.steps", "score_cluster")],
    "render": [("pipeline.drafts.render", "render_drafts"), ("pipeline.drafts.render", "render_document")],
}


class StageTimer:
    """CPU and wall seconds per stage, exclusive: a stage called inside another is the inner
    one's time only."""

    def __init__(self) -> None:
        self.cpu: dict[str, float] = {}
        self.wall: dict[str, float] = {}
        self.calls: dict[str, int] = {}
        # extract and understand by the document's format: [CPU s, files, pages]
        self.by_format: dict[str, dict[str, list[float]]] = {"extract": {}, "understand": {}}
        self.pages: dict[str, int] = {}  # file name → pages (LibreOffice's count, for .docx)
        self._stack: list[list] = []  # [stage, cpu start, wall start, nested cpu, nested wall]

    def wrap(self, stage: str, fn):
        import functools

        @functools.wraps(fn)
        def timed(*args, **kwargs):
            if self._stack and self._stack[-1][0] == stage:  # a ledger method calling another
                return fn(*args, **kwargs)
            self._stack.append([stage, time.process_time(), time.perf_counter(), 0.0, 0.0])
            result = None
            try:
                result = fn(*args, **kwargs)
                return result
            finally:
                _, cpu0, wall0, nested_cpu, nested_wall = self._stack.pop()
                cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
                self.cpu[stage] = self.cpu.get(stage, 0.0) + cpu - nested_cpu
                doc = result if stage == "extract" else args[0] if stage == "understand" else None
                if doc is not None and hasattr(doc, "format"):
                    tally = self.by_format[stage].setdefault(str(doc.format), [0.0, 0, 0])
                    tally[0] += cpu - nested_cpu
                    tally[1] += 1
                    tally[2] += self.pages.get(Path(doc.file).name, doc.pages or 0)
                self.wall[stage] = self.wall.get(stage, 0.0) + wall - nested_wall
                self.calls[stage] = self.calls.get(stage, 0) + 1
                if self._stack:
                    self._stack[-1][3] += cpu
                    self._stack[-1][4] += wall

        return timed

    def install(self) -> None:
        """Wrap every reference to the stage functions in the loaded modules (``from x import f``
        binds f in the importing module; a later import inside a function finds the wrapper), and
        every method of the Ledger (but its context managers, whose body runs in the caller)."""
        import importlib
        import inspect

        import pipeline.runs.workspace_run  # noqa: F401  (loads the run's modules)
        from pipeline.runs.ledger import Ledger

        for stage, functions in _STAGES.items():
            for module, name in functions:
                original = getattr(importlib.import_module(module), name)
                wrapper = self.wrap(stage, original)
                for mod in list(sys.modules.values()):
                    if getattr(mod, "__name__", "").split(".")[0] in ("pipeline", "extractors", "flows", "cli"):
                        for attr, value in list(vars(mod).items()):
                            if value is original:
                                setattr(mod, attr, wrapper)
        for name, value in list(vars(Ledger).items()):
            if inspect.isfunction(value) and name not in ("session", "lock") and (
                    not name.startswith("_") or name == "__init__"):
                setattr(Ledger, name, self.wrap("ledger", value))


def child_stages(ws: Path, profile: Path | None, listing: Path | None) -> dict:
    os.environ["TDKT_ISOLATE"] = "0"
    timer = StageTimer()
    timer.install()
    from pipeline.core.collector import settle

    settle()  # with the run's modules loaded, as `tdkt process` and its reading workers do
    if listing:
        timer.pages = {f["file"]: f["pages"] for f in json.loads(listing.read_text(encoding="utf-8"))}
    from pipeline.runs.workspace_run import process_workspace

    wall, cpu = time.perf_counter(), time.process_time()
    if profile:
        import cProfile

        cProfile.runctx("process_workspace(ws)", globals(), {"process_workspace": process_workspace, "ws": ws},
                        str(profile))
    else:
        process_workspace(ws)
    return {"cpu": timer.cpu, "wall": timer.wall, "calls": timer.calls, "by_format": timer.by_format,
            "total_cpu": time.process_time() - cpu, "total_wall": time.perf_counter() - wall}


_PLAIN = ("import sys; from pathlib import Path; from pipeline.runs.workspace_run import process_workspace; "
          "process_workspace(Path(sys.argv[1]))")


# --- accuracy -----------------------------------------------------------------------------------


@dataclass
class Accuracy:
    reports: int = 0
    used: int = 0  # used for their unit and year, from the right file
    scores_exact: int = 0
    scores_wrong: int = 0
    scores_missing: int = 0
    totals_exact: int = 0
    totals_wrong: int = 0
    totals_missing: int = 0
    totals_unstated: int = 0
    problems: dict[str, list[str]] = field(default_factory=dict)  # kind → the first differences, to look into

    def note(self, kind: str, text: str, keep: int = 4) -> None:
        seen = self.problems.setdefault(kind, [])
        if len(seen) < keep:
            seen.append(text)

    def line(self) -> list[str]:
        scores = self.scores_exact + self.scores_wrong + self.scores_missing
        totals = self.totals_exact + self.totals_wrong + self.totals_missing
        return [f"reports used for their unit and year: {self.used}/{self.reports}",
                f"self-scores per criterion: {self.scores_exact} exact, {self.scores_wrong} wrong, "
                f"{self.scores_missing} missing (of {scores}; {100 * self.scores_exact / max(1, scores):.2f}% exact)",
                f"stated totals: {self.totals_exact} exact, {self.totals_wrong} wrong, {self.totals_missing} missing "
                f"(of {totals}; {self.totals_unstated} reports state none)"]


def readings(ws: Path, truths: list[dict]) -> dict[tuple, tuple]:
    """(cluster, year, unit) → (file, {code: self-score}, claimed total), as tdkt's results hold them."""
    from pipeline.core.errors import WorkspaceError
    from pipeline.runs.workspace_run import workspace_result

    read: dict[tuple, tuple] = {}
    for truth in truths:
        for year in YEARS:
            try:
                result = workspace_result(ws, truth["key"], year)
            except WorkspaceError:
                continue
            for unit, facts in result.reports.items():
                table = facts.self_scores
                rows = {c: r.self_score for c, r in table.criterion_rows().items()} if table else {}
                read[(truth["key"], year, unit)] = (facts.file, rows, table.claimed_total if table else None)
    return read


def judge(read: dict[tuple, tuple], truths: list[dict]) -> Accuracy:
    acc = Accuracy()
    for truth in truths:
        for entry in truth["files"]:
            if entry["kind"] != "report":
                continue
            acc.reports += 1
            file, rows, total = read.get((truth["key"], entry["year"], entry["unit"]), (None, {}, None))
            if file is not None and Path(file).name == entry["file"]:
                acc.used += 1
            else:
                acc.note("not used", f"{truth['key']} {entry['year']} {entry['unit']}: used {file}, "
                                     f"want {entry['file']}")
            for code, want in entry["scores"].items():
                got = rows.get(code)
                if got is None:
                    acc.scores_missing += 1
                    acc.note("not read", f"{entry['file']} {code}: want {want:g} ({entry['layout']})")
                elif abs(got - want) < 1e-6:
                    acc.scores_exact += 1
                else:
                    acc.scores_wrong += 1
                    acc.note("wrong", f"{entry['file']} {code}: read {got:g}, want {want:g} ({entry['layout']})")
            if entry["stated_total"] is None:
                acc.totals_unstated += 1
            elif total is None:
                acc.totals_missing += 1
                acc.note("total not read", f"{entry['file']}: want {entry['stated_total']:g} ({entry['layout']})")
            elif abs(total - entry["stated_total"]) < 1e-6:
                acc.totals_exact += 1
            else:
                acc.totals_wrong += 1
                acc.note("total wrong", f"{entry['file']}: read {total:g}, want {entry['stated_total']:g} "
                                        f"({entry['layout']})")
    return acc


# --- one scale ----------------------------------------------------------------------------------


@dataclass
class ScaleResult:
    clusters: int
    stats: dict
    rows: list[Measured] = field(default_factory=list)
    accuracy: dict | None = None
    plain_reads_same: bool | None = None
    stages: dict | None = None
    prefect_share: float | None = None


def _files(ws: Path, truths: list[dict]) -> list[dict]:
    return [{**e, "path": str(ws / "inbox" / t["key"] / e["file"])} for t in truths for e in t["files"]]


def run_scale(args: argparse.Namespace, corpus: Path, clusters: int) -> ScaleResult:
    truths = load_truth(corpus, clusters)
    stats = corpus_stats(truths)
    out = ScaleResult(clusters, asdict(stats))
    work = args.cache / "runs" / f"x{clusters}"
    prefect_home = args.cache / "prefect-home"
    print(f"\n=== ×{clusters}: {stats.line()}", flush=True)
    skip = set(args.skip)

    def child(label: str, command: list[str], pages: int, **env: str) -> Measured:
        load = os.getloadavg()[0]
        print(f"  {label} (load {load:.1f}) …", end=" ", flush=True)
        m = measure(label, command, _env(**env), work / "logs" / f"{label.replace(' ', '-')}.log", args.sample)
        m.pages = pages
        m.extra["load_before"] = load
        print(f"{m.wall:.1f} s wall, {m.cpu:.1f} s CPU" + (f" (exit {m.returncode}: see {work / 'logs'})"
                                                          if m.returncode else ""), flush=True)
        return m

    tdkt_ws = make_workspace(corpus, truths, work / "tdkt")
    files = _files(tdkt_ws, truths)
    listing = work / "files.json"
    listing.write_text(json.dumps(files, ensure_ascii=False), encoding="utf-8")
    text_pages = stats.pages_of("pdf", "docx")

    floor = child("floor", [PYTHON, __file__, "--child-floor", str(listing), "--json", str(work / "floor.json")],
                  text_pages)
    floor.extra.update(json.loads((work / "floor.json").read_text()))
    out.rows.append(floor)
    if "plumber" not in skip:
        plumber = child("plain script", [PYTHON, __file__, "--child-plumber", str(listing), "--plumber-max-pages",
                                         str(args.plumber_max_pages), "--json", str(work / "plumber.json")],
                        text_pages)
        plumber.extra.update(json.loads((work / "plumber.json").read_text()))
        _extrapolate(plumber, stats.pages_of("pdf"))
        out.rows.append(plumber)
    plain = None
    if "plain" not in skip:
        plain_ws = make_workspace(corpus, truths, work / "plain")
        plain = child("plain functions", [PYTHON, "-c", _PLAIN, str(plain_ws)], stats.pages)
        plain_again = child("plain functions, no change", [PYTHON, "-c", _PLAIN, str(plain_ws)], 0)
        out.rows += [plain, plain_again]
    prefect_home.mkdir(parents=True, exist_ok=True)
    tdkt_cmd = [PYTHON, "-m", "cli.main", "process", "--workspace", str(tdkt_ws)]
    tdkt = child("tdkt process", tdkt_cmd, stats.pages, PREFECT_HOME=str(prefect_home))
    tdkt_again = child("tdkt process, no change", tdkt_cmd, 0, PREFECT_HOME=str(prefect_home))
    out.rows += [tdkt, tdkt_again]

    print("  accuracy …", flush=True)
    read = readings(tdkt_ws, truths)
    accuracy = judge(read, truths)
    out.accuracy = asdict(accuracy)
    if plain is not None:
        out.plain_reads_same = _same(readings(plain_ws, truths), read)
        out.prefect_share = (tdkt.cpu - plain.cpu) / tdkt.cpu if tdkt.cpu else None

    if clusters == args.stages_scale and "stages" not in skip:
        stage_ws = make_workspace(corpus, truths, work / "stages")
        command = [PYTHON, __file__, "--child-stages", str(stage_ws), "--listing", str(listing),
                   "--json", str(work / "stages.json")]
        if args.cprofile:
            command += ["--cprofile", str(args.cprofile)]
        stage_run = child("stages (one process)", command, stats.pages)
        out.stages = {**json.loads((work / "stages.json").read_text()), "measured": asdict(stage_run)}
        shutil.rmtree(stage_ws)
    _print_scale(out, stats, accuracy)
    if not args.keep:
        shutil.rmtree(tdkt_ws)
        if plain is not None:
            shutil.rmtree(plain_ws)
    return out


def _same(a: dict[tuple, tuple], b: dict[tuple, tuple]) -> bool:
    def names(d: dict[tuple, tuple]) -> dict[tuple, tuple]:
        return {k: (Path(v[0]).name, *v[1:]) for k, v in d.items()}

    return names(a) == names(b)


def _extrapolate(m: Measured, pdf_pages: int) -> None:
    """pdfplumber stopped after --plumber-max-pages: the rest at the rate it read."""
    read = m.extra["pdf_pages"]
    if read >= pdf_pages or read == 0:
        return
    more = (pdf_pages - read) / read
    m.wall += m.extra["pdf_wall"] * more
    m.user += m.extra["pdf_cpu"] * more
    m.estimated = True


# --- printing -----------------------------------------------------------------------------------


def _ratio(a: float, b: float | None) -> str:
    return f"{a / b:7.2f}" if b else f"{'-':>7}"


_NAMES = {"floor": "floor: pypdfium2 + python-docx", "plain script": "plain script: pdfplumber"}


def _print_scale(out: ScaleResult, stats: CorpusStats, accuracy: Accuracy) -> None:
    rows = {m.label: m for m in out.rows}
    floor, plain = rows["floor"], rows.get("plain functions")
    plain_again = rows.get("plain functions, no change")
    print(f"\n×{out.clusters}: {stats.line()}")
    print(f"{'':31} {'wall s':>7} {'CPU s':>7} {'CPU÷wall':>8} {'peak MB':>7} {'pages/s':>8} {'p/CPU-s':>8}"
          f" {'wall÷floor':>10} {'CPU÷floor':>9} {'wall÷plain':>10} {'CPU÷plain':>9}")
    f = floor.extra
    parts = (("  pypdfium2 text, text PDFs", f["pdf_wall"], f["pdf_cpu"], f["pdf_pages"]),
             ("  python-docx walk, .docx", f["docx_wall"], f["docx_cpu"], f["docx_pages"]))
    for m in out.rows:
        base = plain_again if m.label.endswith("no change") else plain
        mark = "~" if m.estimated else " "
        rate = (f"{m.pages / m.wall:8.1f} {m.pages / m.cpu:8.1f}" if m.pages and m.wall and m.cpu
                else f"{'-':>8} {'-':>8}")
        print(f"{_NAMES.get(m.label, m.label):31} {mark}{m.wall:6.1f} {m.cpu:7.1f} {m.cores:8.2f} {m.peak_pss_mb:7.0f}"
              f" {rate} {_ratio(m.wall, floor.wall):>10} {_ratio(m.cpu, floor.cpu):>9}"
              f" {_ratio(m.wall, base.wall if base else None):>10} {_ratio(m.cpu, base.cpu if base else None):>9}")
        for label, wall, cpu, pages in parts if m.label == "floor" else ():
            print(f"{label:31} {wall:7.1f} {cpu:7.1f} {cpu / wall if wall else 0:8.2f} {'':>7}"
                  f" {pages / wall if wall else 0:8.1f} {pages / cpu if cpu else 0:8.1f}")
    if any(m.estimated for m in out.rows):
        p = rows["plain script"].extra
        print(f"  ~ pdfplumber read {p['pdf_pages']} of {stats.pages_of('pdf')} PDF pages; the rest estimated at "
              f"{p['pdf_pages'] / p['pdf_wall']:.1f} pages/s")
    loads = [m.extra.get("load_before", 0) for m in out.rows]
    print(f"  the machine's 1-minute load before each row: {min(loads):.1f}–{max(loads):.1f} on {os.cpu_count()} cores")
    print("  peak MB: the largest sum of PSS over the process tree (sampled); pages/s: the pages the row read "
          "÷ wall; p/CPU-s: ÷ CPU (what one core does)")
    lingering = [(m.label, m.lingering) for m in out.rows if m.lingering]
    for label, what in lingering:
        print(f"  {label}: left running after it exited (killed): {'; '.join(what)}")
    for m in out.rows:
        if m.returncode:
            print(f"  {m.label}: exit status {m.returncode}")
    if out.prefect_share is not None:
        print(f"  Prefect's share of tdkt's CPU (tdkt − plain functions): {100 * out.prefect_share:.0f}%")
    print("  accuracy (tdkt's first run against the truth):")
    for line in accuracy.line():
        print(f"    {line}")
    for kind, lines in accuracy.problems.items():
        for line in lines:
            print(f"      {kind}: {line}")
    if out.plain_reads_same is not None:
        print(f"    the plain functions read the same: {'yes' if out.plain_reads_same else 'NO'}")
    if out.stages:
        _print_stages(out, stats)


def _print_stages(out: ScaleResult, stats: CorpusStats) -> None:
    s = out.stages
    total = s["total_cpu"]
    print(f"  stages (×{out.clusters}, plain functions in one process, TDKT_ISOLATE=0; CPU s, exclusive):")
    print(f"    {'stage':12} {'CPU s':>8} {'share':>6} {'calls':>6} {'pages/s':>8}")
    named = 0.0
    for stage in ("scan", "extract", "understand", "score", "render", "ledger"):
        cpu = s["cpu"].get(stage, 0.0)
        named += cpu
        print(f"    {stage:12} {cpu:8.1f} {100 * cpu / total:5.0f}% {s['calls'].get(stage, 0):6d}"
              f" {stats.pages / cpu if cpu else 0:8.0f}")
    print(f"    {'the rest':12} {total - named:8.1f} {100 * (total - named) / total:5.0f}%")
    print(f"    {'total':12} {total:8.1f}  (in-process CPU; measured from outside: "
          f"{s['measured']['user'] + s['measured']['sys']:.1f} s)")
    rows = {m.label: m for m in out.rows}
    if "plain functions" in rows:
        prefect = rows["tdkt process"].cpu - rows["plain functions"].cpu
        print(f"    {'Prefect':12} {prefect:8.1f}  (tdkt's CPU − the plain functions' CPU, both reading in workers)")
    print("    reading by format (CPU s; per core):")
    for fmt, unit in (("pdf", "pages"), ("docx", "docs")):
        rate = reading_rate(s, fmt)
        if rate:
            print(f"      {fmt:5} {rate['files']:4d} files, {rate['pages']:5d} pages: "
                  f"extract {rate['extract']:6.1f} s, understand {rate['understand']:6.1f} s → "
                  f"extract {rate['extract_rate']:6.1f} {unit}/s, "
                  f"extract + understand {rate['rate']:6.1f} {unit}/s")


def reading_rate(stages: dict, fmt: str) -> dict | None:
    """Extraction and understanding of one format in the stage run: CPU seconds, and pages (PDF)
    or documents (.docx) per CPU second."""
    ext, und = (stages["by_format"][k].get(fmt) for k in ("extract", "understand"))
    if not ext or not und or not ext[0]:
        return None
    count = ext[2] if fmt == "pdf" else ext[1]
    return {"files": int(ext[1]), "pages": int(ext[2]), "extract": ext[0], "understand": und[0],
            "extract_rate": count / ext[0], "rate": count / (ext[0] + und[0])}


def _print_targets(results: list[ScaleResult]) -> None:
    """Issue 16's targets against the largest scale measured (they are set for 60 clusters)."""
    r = results[-1]
    rows = {m.label: m for m in r.rows}
    t, again = rows["tdkt process"], rows["tdkt process, no change"]
    print(f"\nissue 16's targets (set for the city of 60 clusters, ~15,000 pages), at ×{r.clusters} "
          f"({r.stats['pages']} pages):")
    checks = [("inbox → drafts ≤ 300 s wall", f"{t.wall:.0f} s", t.wall <= 300),
              ("CPU ÷ wall ≥ 1.7", f"{t.cores:.2f}", t.cores >= 1.7),
              ("peak memory ≤ 1.5 GB", f"{t.peak_pss_mb:.0f} MB (tree PSS)", t.peak_pss_mb <= 1536),
              ("second run, nothing changed ≤ 10 s", f"{again.wall:.1f} s", again.wall <= 10)]
    if r.prefect_share is not None:
        checks.append(("Prefect ≤ 15% of CPU", f"{100 * r.prefect_share:.0f}%", r.prefect_share <= 0.15))
    staged = next((x for x in results if x.stages), None)
    if staged:
        for fmt, goal, unit in (("pdf", 100, "pages"), ("docx", 50, "docs")):
            rate = reading_rate(staged.stages, fmt)
            if rate:
                checks.append((f"{fmt} extract + understand ≥ {goal} {unit}/s per core (×{staged.clusters})",
                               f"{rate['rate']:.1f}", rate["rate"] >= goal))
    for what, got, ok in checks:
        print(f"  {what:58} {got:>22}  {'met' if ok else 'NOT met'}")


def _print_summary(results: list[ScaleResult]) -> None:
    print("\nsummary (first runs; no change: the second run)")
    print(f"{'clusters':>8} {'files':>6} {'pages':>7} {'tdkt wall':>9} {'CPU÷wall':>8} {'peak MB':>8} {'pages/s':>8}"
          f" {'÷plain wall':>11} {'no change s':>11} {'Prefect':>8}")
    for r in results:
        rows = {m.label: m for m in r.rows}
        t, again = rows["tdkt process"], rows["tdkt process, no change"]
        plain = rows.get("plain functions")
        share = f"{100 * r.prefect_share:7.0f}%" if r.prefect_share is not None else f"{'-':>8}"
        print(f"{r.clusters:8d} {r.stats['files']:6d} {r.stats['pages']:7d} {t.wall:9.1f} {t.cores:8.2f}"
              f" {t.peak_pss_mb:8.0f} {t.pages / t.wall:8.1f} {_ratio(t.wall, plain.wall if plain else None):>11}"
              f" {again.wall:11.1f} {share}")


# --- main ---------------------------------------------------------------------------------------


def _child_main(args: argparse.Namespace) -> None:
    if args.child_floor or args.child_plumber:
        files = json.loads(Path(args.child_floor or args.child_plumber).read_text(encoding="utf-8"))
        result = child_floor(files, plumber=bool(args.child_plumber), max_pages=args.plumber_max_pages)
    else:
        result = child_stages(Path(args.child_stages), args.cprofile, args.listing)
    Path(args.json).write_text(json.dumps(result, indent=1), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scales", default="1,4,16", help="clusters per run, comma-separated")
    parser.add_argument("--full", action="store_true", help="add the city of 60 clusters")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--pages", type=float, default=15.0, help="mean pages of a year-end report")
    parser.add_argument("--others", type=int, default=9, help="documents that are not reports, per cluster")
    parser.add_argument("--pdf-share", type=float, default=0.5, help="reports sent as text PDF (the rest .docx)")
    parser.add_argument("--scan-share", type=float, default=0.0, help="of the PDFs, scans (read with OCR: slow)")
    parser.add_argument("--doc-share", type=float, default=0.0, help="of the .docx, sent as Word 97 .doc")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/tdkt-city"), help="corpus, runs, Prefect home")
    parser.add_argument("--gen-jobs", type=int, default=2, help="clusters generated side by side")
    parser.add_argument("--stages-scale", type=int, default=4, help="scale of the stage split (0: none)")
    parser.add_argument("--plumber-max-pages", type=int, default=1000, help="pdfplumber reads this many PDF pages")
    parser.add_argument("--skip", type=lambda s: [x for x in s.split(",") if x], default=[],
                        help="rows to leave out: plumber, plain, stages")
    parser.add_argument("--sample", type=float, default=0.25, help="seconds between memory samples")
    parser.add_argument("--keep", action="store_true", help="keep the workspaces (under --cache/runs)")
    parser.add_argument("--cprofile", type=Path, help="also write a cProfile of the stage run here")
    parser.add_argument("--json", type=str, help="write every figure here")
    parser.add_argument("--child-floor", help=argparse.SUPPRESS)
    parser.add_argument("--child-plumber", help=argparse.SUPPRESS)
    parser.add_argument("--child-stages", help=argparse.SUPPRESS)
    parser.add_argument("--listing", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_floor or args.child_plumber or args.child_stages:
        _child_main(args)
        return

    scales = sorted({int(s) for s in args.scales.split(",") if s} | ({60} if args.full else set()))
    options = CorpusOptions(args.seed, args.pages, args.others, args.pdf_share, args.scan_share, args.doc_share)
    corpus, generation, made = ensure_corpus(options, max(scales), args.cache, args.gen_jobs)
    truths = load_truth(corpus, max(scales))
    made_before = sum(t["seconds"] for t in truths)
    print(f"corpus {corpus}: {corpus_stats(truths).line()}")
    print(f"generation: {made} clusters made now in {generation:.0f} s wall; the {len(truths)} clusters took "
          f"{made_before:.0f} s in all (one job each, LibreOffice included)")
    _become_subreaper()
    _prefect_database(args)
    results = [run_scale(args, corpus, n) for n in scales]
    _print_summary(results)
    _print_targets(results)
    if args.json:
        Path(args.json).write_text(json.dumps({
            "command": " ".join(sys.argv), "date": time.strftime("%Y-%m-%d %H:%M:%S"), "machine": _machine(),
            "corpus": str(corpus), "options": asdict(options), "generation_wall": generation, "generated_now": made,
            "generation_seconds_all": made_before,
            "scales": [{**asdict(r), "rows": [{**asdict(m), "cpu": m.cpu, "cores": m.cores} for m in r.rows]}
                       for r in results],
        }, ensure_ascii=False, indent=1), encoding="utf-8")


def _prefect_database(args: argparse.Namespace) -> None:
    """tdkt's runs use a Prefect home of their own under --cache (nothing else's runs share its
    database); a new one is made by a run on an empty workspace first, not measured: the first
    run on a new database waits twice as long for the temporary server (shared/stack.md), which
    is no part of a city's run."""
    home = args.cache / "prefect-home"
    if (home / "prefect.db").exists():
        return
    home.mkdir(parents=True, exist_ok=True)
    empty = args.cache / "runs" / "empty"
    (empty / "inbox").mkdir(parents=True, exist_ok=True)
    print("new Prefect home: its database is made by a run on an empty workspace (not measured) …", flush=True)
    m = measure("prefect database", [PYTHON, "-m", "cli.main", "process", "--workspace", str(empty)],
                _env(PREFECT_HOME=str(home)), args.cache / "runs" / "prefect-database.log", args.sample)
    print(f"  {m.wall:.0f} s", flush=True)


def _machine() -> dict:
    import platform

    return {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(),
            "load": os.getloadavg()}


if __name__ == "__main__":
    main()
