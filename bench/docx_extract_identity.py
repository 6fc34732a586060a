"""Does a change to the Word reader leave every document exactly as it was? And how fast is it?

    .venv/bin/python bench/docx_extract_identity.py --base /work/wt-base [FOLDER ...]
    .venv/bin/python bench/docx_extract_identity.py --base /work/wt-base --speed 200 [FOLDER ...]

``--base`` is a checkout of the code to compare against (a git worktree at main). Every .docx,
.docm, .dotx and .dotm under the folders (default: the sample cluster's inbox) is extracted by both
checkouts, each in its own process with its own PYTHONPATH, and each file's
Document.model_dump_json() is compared byte for byte; for a refused file, its reason and message;
for a file whose reading raised anything else (a reader never should, but a damaged file can make
a library raise), the exception's type and words. Each process reads under the per-file memory cap
of a run (max_memory_mb), so that a file built to exhaust memory fails as it would in a run.

``--speed N`` instead times extraction alone (extractors.extract, one process, CPU time so the
figure is per core) of the first N files, base and this checkout taking turns in fresh processes;
it also gives the share of read_docx (the .docx reader without the checks before it: sniffing,
the zip limits, the file's sha256). The machines are shared and noisy, so compare the two figures
of one run, not across runs.
"""

from __future__ import annotations

import json
import statistics
import tempfile
import time
from pathlib import Path

from checkouts import HERE, extractor_main, run_in, worker_lines

SUFFIXES = (".docx", ".docm", ".dotx", ".dotm")


def _worker(out: Path, files: list[Path]) -> None:
    """Run inside a checkout: one JSON line per file, in order."""
    import resource

    from extractors import extract
    from pipeline.core.errors import RejectedFileError
    from pipeline.core.settings import Settings

    settings = Settings()
    cap = settings.max_memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    with out.open("w", encoding="utf-8") as f:
        for path in files:
            try:
                result = extract(path, settings=settings).model_dump_json()
            except RejectedFileError as e:
                result = f"rejected: {e.reason} {e}"
            except MemoryError:
                result = "raised: MemoryError"
            except Exception as e:
                result = f"raised: {type(e).__module__}.{type(e).__name__}: {e}"
            f.write(json.dumps(result, ensure_ascii=False) + "\n")


def _timer(files: list[Path]) -> None:
    """Run inside a checkout: seconds of extracting ``files`` once (after a warm-up file), and of
    read_docx alone on them."""
    from extractors import extract, file_sha256
    from extractors.docx_reader import read_docx
    from pipeline.core.settings import Settings

    settings = Settings()  # made once, as a run does (pipeline/runs/steps.py)
    extract(files[0], settings=settings)  # imports and caches warmed, as in a long-running worker
    start = time.process_time()
    for path in files:
        extract(path, settings=settings)
    whole = time.process_time() - start
    hashes = [file_sha256(path) for path in files]
    start = time.process_time()
    for path, sha in zip(files, hashes, strict=True):
        read_docx(path, path.name, sha, settings)
    print(json.dumps({"files": len(files), "seconds": whole, "reader": time.process_time() - start}))


def _documents(folders: list[Path]) -> list[Path]:
    return sorted(p for folder in folders for p in folder.rglob("*")
                  if p.suffix.lower() in SUFFIXES and p.is_file() and not p.is_symlink())


def identity(base: Path, files: list[Path]) -> int:
    old, new = worker_lines(base, files, __file__)
    differing = [(f, a, b) for f, a, b in zip(files, old, new, strict=False) if a != b]
    refused = sum(1 for line in old if line.startswith(b'"rejected: '))
    raised = sum(1 for line in old if line.startswith(b'"raised: '))
    print(f"{len(files) - len(differing)}/{len(files)} Word files identical "
          f"({len(files) - refused - raised} read, {refused} refused, {raised} raised), "
          f"{len(differing)} different")
    for path, a, b in differing:
        print(f"  differs: {path}\n    base: {a[:300].decode(errors='replace')}\n"
              f"    new:  {b[:300].decode(errors='replace')}")
    return 1 if differing or len(old) != len(new) else 0


def speed(base: Path, files: list[Path], rounds: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        listing = Path(tmp) / "files.txt"
        listing.write_text("\n".join(map(str, files)), encoding="utf-8")
        figures: dict[str, dict[str, list[float]]] = {"base": {"extract": [], "reader": []},
                                                      "new": {"extract": [], "reader": []}}
        for _ in range(rounds):
            for label, root in (("base", base), ("new", HERE)):
                result = json.loads(run_in(root, __file__, "--timer", str(listing)))
                figures[label]["extract"].append(1000 * result["seconds"] / result["files"])
                figures[label]["reader"].append(1000 * result["reader"] / result["files"])
    print(f"{len(files)} Word files, one core, CPU time per file, median of {rounds} rounds")
    for what in ("extract", "reader"):
        name = "extract()" if what == "extract" else "read_docx"
        for label in ("base", "new"):
            values = figures[label][what]
            print(f"  {name:9} {label:4}: {statistics.median(values):6.2f} ms/file  "
                  f"({', '.join(f'{v:.2f}' for v in values)})")
        ratio = statistics.median(figures["base"][what]) / statistics.median(figures["new"][what])
        print(f"  {name:9} base ÷ new: {ratio:.2f}×")


def main() -> None:
    extractor_main(_documents, _worker, _timer, identity, speed)


if __name__ == "__main__":
    main()
