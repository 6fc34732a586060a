"""What the identity benches share: running one of them again inside another checkout (its own
process, its own PYTHONPATH), and the command line of the extractor benches (--base, --speed N,
--rounds, folders of files)."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent


def run_in(root: Path, script: str, *args: str) -> str:
    """``bench/<script> args…`` run with the code of the checkout at ``root``; its output."""
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run([sys.executable, str(HERE / "bench" / Path(script).name), *args],
                          env=env, cwd=root, check=True, capture_output=True, text=True).stdout


def worker_lines(base: Path, files: list[Path], script: str) -> tuple[list[bytes], list[bytes]]:
    """The output lines of ``script --worker OUT LIST`` over ``files``, in the base checkout and in
    this one."""
    with tempfile.TemporaryDirectory() as tmp:
        listing = Path(tmp) / "files.txt"
        listing.write_text("\n".join(map(str, files)), encoding="utf-8")
        outputs = {}
        for label, root in (("base", base), ("new", HERE)):
            outputs[label] = Path(tmp) / f"{label}.jsonl"
            run_in(root, script, "--worker", str(outputs[label]), str(listing))
        return outputs["base"].read_bytes().split(b"\n"), outputs["new"].read_bytes().split(b"\n")


def extractor_main(files_in: Callable[[list[Path]], list[Path]], worker: Callable[[Path, list[Path]], None],
                   timer: Callable[[list[Path]], None], identity: Callable[[Path, list[Path]], int],
                   speed: Callable[[Path, list[Path], int], None]) -> None:
    """An extractor bench's command line: as the child (``--worker OUT LIST`` or ``--timer LIST``),
    or compare with ``--base`` (``--speed N``: time the first N files instead)."""
    if len(sys.argv) > 1 and sys.argv[1] in ("--worker", "--timer"):
        sys.path.insert(0, os.getcwd())
        files = [Path(p) for p in Path(sys.argv[-1]).read_text(encoding="utf-8").splitlines()]
        worker(Path(sys.argv[2]), files) if sys.argv[1] == "--worker" else timer(files)
        return
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", type=Path, required=True, help="checkout to compare against")
    parser.add_argument("--speed", type=int, metavar="N", help="time the first N files instead")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("folders", type=Path, nargs="*")
    args = parser.parse_args()
    from examples import SAMPLE_CLUSTER_DIR

    files = files_in(args.folders or [SAMPLE_CLUSTER_DIR / "inbox"])
    if args.speed:
        speed(args.base.resolve(), files[:args.speed], args.rounds)
    else:
        sys.exit(identity(args.base.resolve(), files))
