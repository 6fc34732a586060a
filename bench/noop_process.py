"""How long `tdkt process` takes when nothing is new and `tdkt serve` already runs a Prefect server
for the workspace (the target: ≤ 3 s), beside what the same machine does in the same run:

    .venv/bin/python bench/noop_process.py [--runs 5]

  python        `python -c pass`: the interpreter alone
  import        `python -c "import prefect"`: Prefect's import, the floor of any Prefect run
  plain         the same no-op run as plain functions (pipeline.runs.workspace_run, no Prefect),
                imports included
  tdkt process  the command an officer types, through serve's server

It builds the sample workspace in a temporary folder, starts `tdkt serve` (its own server on a
free port), processes once so that everything is read, then times each command --runs times and
prints the medians and their ratios to the plain run. serve and its server are stopped at the end.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
TDKT = str(ROOT / ".venv" / "bin" / "tdkt")
TARGET = 3.0


def _workspace(root: Path) -> Path:
    sample = ROOT / "examples" / "cluster18-2023"
    (root / "inbox").mkdir(parents=True)
    for name in ("cluster.yaml", "rubric.yaml", "rules.yaml"):
        shutil.copyfile(sample / name, root / name)
    for report in (sample / "inbox").iterdir():
        shutil.copyfile(report, root / "inbox" / report.name)
        os.utime(root / "inbox" / report.name, (time.time() - 60, time.time() - 60))
    return root


def _timed(command: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return times


def _serve(root: Path, log: Path) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    with log.open("w") as out:
        serve = subprocess.Popen([TDKT, "serve", "--workspace", str(root)], env=env, stdout=out,
                                 stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.monotonic() + 180
    while not (root / ".prefect" / "api-url").exists():
        if time.monotonic() > deadline or serve.poll() is not None:
            raise SystemExit(f"tdkt serve did not start: {log.read_text()[-2000:]}")
        time.sleep(0.5)
    return serve


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="tdkt-noop-") as tmp:
        root = _workspace(Path(tmp) / "ws")
        serve = _serve(root, Path(tmp) / "serve.log")
        try:
            subprocess.run([TDKT, "process", "--workspace", str(root)], check=True, capture_output=True)
            plain = [PYTHON, "-c", "import sys; from pathlib import Path; "
                     "from pipeline.runs.workspace_run import process_workspace; "
                     f"r = process_workspace(Path({str(root)!r})); "
                     "sys.exit(any(c.ingested or any(y.version for y in c.years) for c in r.clusters))"]
            rows = [
                ("python", _timed([PYTHON, "-c", "pass"], args.runs)),
                ("import", _timed([PYTHON, "-c", "import prefect"], args.runs)),
                ("plain", _timed(plain, args.runs)),
                ("tdkt process", _timed([TDKT, "process", "--workspace", str(root)], args.runs)),
            ]
        finally:
            os.killpg(serve.pid, signal.SIGINT)
            serve.wait(timeout=60)
    floor = statistics.median(dict(rows)["plain"])
    print(f"{'':14} {'median s':>9} {'min s':>7} {'÷ plain':>8}")
    for name, times in rows:
        print(f"{name:14} {statistics.median(times):9.2f} {min(times):7.2f} {statistics.median(times) / floor:8.2f}")
    measured = statistics.median(dict(rows)["tdkt process"])
    print(f"target ≤ {TARGET:.1f} s: {'met' if measured <= TARGET else 'NOT met'} ({measured:.2f} s)")


if __name__ == "__main__":
    main()
