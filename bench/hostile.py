"""Hostile and fuzzed inputs: how many were tried, how many were handled cleanly, and the worst
time and peak memory per input.

    .venv/bin/python bench/hostile.py [--fuzz 300] [--seed 0] [--memory-mb 1024] [--case NAME ...]
                                      [--no-hostile] [--keep DIR]

Hostile: every case of tests/generators/hostile_files.py beside two valid reports (ĐH VHNT's
.docx, CĐYT's PDF), as the hostile-input trial ran them: one run (process_inbox) per case in a
process of its own with the per-file memory cap at --memory-mb, then all the cases in one inbox.
Memory is the run's whole process tree (run, forkserver, reading workers, LibreOffice,
Tesseract), resident sizes summed and sampled every 50 ms (tests/memory_watch.py). Handled
cleanly: the run ends with drafts, prints no traceback, names each hostile file once with a
reason other than an internal error or plain damage, and drafts both valid units.

Fuzzed: --fuzz inputs of each kind from tests/generators/fuzz_inputs.py (seeds --seed on): .docx,
PDF and .txt read as a run reads them (in a worker under the limits), and configuration files
(cluster, rubric, rules, tdkt.yaml, --fuzz in all) loaded. Handled cleanly: read, or set aside
with a plain Vietnamese reason that is not an internal error; a configuration loads or raises
ConfigError in Vietnamese. Time and memory per input are the reading worker's own (its peak
resident size, reset before each input); a configuration's memory is not measured per input.
Inputs not handled cleanly are listed with their seed (and written to --keep DIR).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from generators import fuzz_inputs, hostile_files  # noqa: E402
from generators.fuzz_inputs import CONFIG_LOADERS, is_vietnamese  # noqa: E402
from memory_watch import measured, run_watched  # noqa: E402

from examples import SAMPLE_CLUSTER_DIR  # noqa: E402
from pipeline.core.errors import ConfigError, RejectedFileError, RejectReason  # noqa: E402
from pipeline.core.settings import Settings  # noqa: E402
from pipeline.runs.isolation import run_isolated  # noqa: E402
from pipeline.runs.steps import open_file  # noqa: E402

VALID = ["BC TĐKT 2023 - ĐH VHNT Thủ đô.docx", "Bao cao tong ket thi dua 2023_CDYT.pdf"]
_RUN = ("import sys; from pathlib import Path; from pipeline.runs.inbox_run import process_inbox; "
        "process_inbox(Path(sys.argv[1]), Path(sys.argv[2]), cluster=Path(sys.argv[3]))")
MB = 1024 * 1024


@dataclass
class Tried:
    name: str
    clean: bool
    seconds: float
    peak: int | None  # bytes
    detail: str


# --- hostile ---------------------------------------------------------------------------------

def run_inbox(files: list[str], memory_mb: int, folder: Path) -> Tried:
    inbox, out = folder / "inbox", folder / "out"
    names = hostile_files.write_inbox(inbox, files) if files else []
    for name in VALID:
        shutil.copyfile(SAMPLE_CLUSTER_DIR / "inbox" / name, inbox / name)
    env = dict(os.environ, PYTHONPATH=str(ROOT), TDKT_MAX_MEMORY_MB=str(memory_mb))
    run = run_watched([sys.executable, "-c", _RUN, str(inbox), str(out), str(SAMPLE_CLUSTER_DIR / "cluster.yaml")],
                      env=env, timeout=1800)
    label = files[0] if len(files) == 1 else f"all {len(files)} in one inbox"
    problems = []
    result = out / "ket-qua-xu-ly-2023.json"
    if run.returncode != 0 or not result.exists():
        problems.append(f"run stopped (exit {run.returncode}): {run.stderr.strip()[-300:]}")
    else:
        summary = json.loads(result.read_text(encoding="utf-8"))
        rejected = {r["file"]: r for r in summary["rejected"]}
        for name in names:
            entry = rejected.get(name)
            if entry is None or entry["reason"] == RejectReason.INTERNAL.value:
                problems.append(f"{name}: {entry['message'] if entry else 'not named'}")
            elif "chưa được sao chép hết" in entry["message"]:  # every case is hostile, none merely damaged
                problems.append(f"{name}: named as damaged: {entry['message'][:80]}")
        report = (out / "ket-qua-xu-ly-2023.txt").read_text(encoding="utf-8")
        problems += [f"{name}: named {report.count(name)} times" for name in names if report.count(name) != 1]
        if sorted(summary["result"]["reports"]) != ["cdyt", "dhvhnt"]:
            problems.append(f"units scored: {sorted(summary['result']['reports'])}")
    if "Traceback" in run.stdout + run.stderr:
        problems.append("printed a traceback")
    detail = "; ".join(problems) or (_reason_of(out, files[0]) if len(files) == 1 else "every file named")
    return Tried(label, not problems, run.seconds, run.peak_bytes, detail)


def _reason_of(out: Path, name: str) -> str:
    summary = json.loads((out / "ket-qua-xu-ly-2023.json").read_text(encoding="utf-8"))
    entry = next(r for r in summary["rejected"] if r["file"] == name)
    return f"{entry['reason']}: {entry['message'][:90]}"


def hostile(cases: list[str], memory_mb: int) -> list[Tried]:
    tried = []
    for files in [[c] for c in cases] + ([cases] if len(cases) > 1 else []):
        with tempfile.TemporaryDirectory(prefix="tdkt-hostile-") as folder:
            tried.append(run_inbox(files, memory_mb, Path(folder)))
        print(_line(tried[-1]), flush=True)
    return tried


# --- fuzzed ----------------------------------------------------------------------------------

_FILES = {"docx": (fuzz_inputs.docx_bytes, "bao-cao.docx"), "pdf": (fuzz_inputs.pdf_bytes, "bao-cao.pdf"),
          "txt": (fuzz_inputs.text_bytes, "bao-cao.txt")}
_CONFIGS = ["cluster", "rubric", "rules", "workspace"]


def fuzz_file(kind: str, seed: int, limits: Settings, folder: Path) -> tuple[Tried, bytes]:
    make, name = _FILES[kind]
    data = make(random.Random(seed))
    path = folder / name
    path.write_bytes(data)
    label = f"{kind} seed {seed}"
    try:
        opened, seconds, peak = run_isolated(measured, (open_file, path, name, limits), limits, name)
    except RejectedFileError as e:  # a limit: handled, by the isolation
        return Tried(label, is_vietnamese(e.message), limits.max_seconds, None, e.message), data
    rejection = opened.outcome.rejection
    clean = rejection is None or (rejection.reason is not RejectReason.INTERNAL and is_vietnamese(rejection.message))
    return Tried(label, clean, seconds, peak, rejection.message if rejection else "read"), data


def fuzz_config(kind: str, seed: int, folder: Path) -> tuple[Tried, bytes]:
    text = fuzz_inputs.yaml_text(random.Random(seed), kind)
    path = folder / f"{kind}.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    started = time.perf_counter()
    try:
        CONFIG_LOADERS[kind](path)
        clean, detail = True, "valid"
    except ConfigError as e:
        clean, detail = all(is_vietnamese(p) for p in e.problems), "; ".join(e.problems)[:200]
    except Exception as e:  # what fuzzing is for: anything else is a finding
        clean, detail = False, f"{type(e).__name__}: {e}"[:300]
    return Tried(f"{kind}.yaml seed {seed}", clean, time.perf_counter() - started, None, detail), text.encode()


def fuzzed(count: int, seed: int, memory_mb: int, keep: Path | None) -> list[Tried]:
    limits = Settings(max_memory_mb=memory_mb, max_seconds=60, read_workers=1,
                      error_log=Path(tempfile.gettempdir()) / "tdkt-fuzz-loi-khi-doc-tep.log")
    tried: list[Tried] = []
    with tempfile.TemporaryDirectory(prefix="tdkt-fuzz-") as tmp:
        folder = Path(tmp)
        jobs = [(kind, s) for kind in _FILES for s in range(seed, seed + count)]
        jobs += [(_CONFIGS[s % len(_CONFIGS)], s) for s in range(seed, seed + count)]
        for kind, s in jobs:
            one, data = fuzz_file(kind, s, limits, folder) if kind in _FILES else fuzz_config(kind, s, folder)
            tried.append(one)
            if not one.clean:
                print(_line(one), flush=True)
                if keep:
                    keep.mkdir(parents=True, exist_ok=True)
                    (keep / f"{kind}-seed-{s}.{kind if kind in _FILES else 'yaml'}").write_bytes(data)
    return tried


# --- report ----------------------------------------------------------------------------------

def _line(t: Tried) -> str:
    peak = f"{t.peak / MB:6.0f} MB" if t.peak is not None else "      - "
    return f"  {'ok ' if t.clean else 'BAD'} {t.seconds:7.2f} s {peak}  {t.name[:48]:48}  {t.detail[:110]}"


def summarize(label: str, tried: list[Tried]) -> None:
    if not tried:
        return
    slowest = max(tried, key=lambda t: t.seconds)
    measured_ = [t for t in tried if t.peak is not None]
    heaviest = max(measured_, key=lambda t: t.peak) if measured_ else None
    print(f"{label}: {len(tried)} inputs tried, {sum(t.clean for t in tried)} handled cleanly; worst time "
          f"{slowest.seconds:.2f} s ({slowest.name[:48]})" +
          (f", worst peak memory {heaviest.peak / MB:.0f} MB ({heaviest.name[:48]})" if heaviest else ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fuzz", type=int, default=300, help="fuzzed inputs of each kind (0: none)")
    parser.add_argument("--seed", type=int, default=0, help="first fuzzing seed")
    parser.add_argument("--memory-mb", type=int, default=1024, help="per-file memory cap (max_memory_mb)")
    parser.add_argument("--case", action="append", help="only these hostile cases (file names)")
    parser.add_argument("--no-hostile", action="store_true", help="fuzz only")
    parser.add_argument("--keep", type=Path, help="write inputs not handled cleanly here")
    args = parser.parse_args()
    cases = args.case or [c.file for c in hostile_files.CASES]
    hostile_tried = [] if args.no_hostile else hostile(cases, args.memory_mb)
    fuzz_tried = fuzzed(args.fuzz, args.seed, args.memory_mb, args.keep) if args.fuzz else []
    print()
    summarize(f"hostile (each beside 2 valid reports, cap {args.memory_mb} MB a file)", hostile_tried)
    for kind in ("docx", "pdf", "txt"):
        summarize(f"fuzzed {kind}", [t for t in fuzz_tried if t.name.startswith(kind + " ")])
    summarize("fuzzed config", [t for t in fuzz_tried if ".yaml" in t.name])
    summarize("fuzzed, all", fuzz_tried)


if __name__ == "__main__":
    main()
