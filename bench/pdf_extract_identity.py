"""Does a change to the PDF extractors leave every document exactly as it was? And how fast is it?

    .venv/bin/python bench/pdf_extract_identity.py --base /work/wt-pdf-base [FOLDER ...]
    .venv/bin/python bench/pdf_extract_identity.py --base /work/wt-pdf-base --speed 200 [FOLDER ...]

``--base`` is a checkout of the code to compare against (a git worktree at main). Every PDF under
the folders (default: the sample cluster's inbox) is extracted by both checkouts, each in its own
process with its own PYTHONPATH, and each file's Document.model_dump_json() (or, for a refused
file, its reason and message) is compared byte for byte.

``--speed N`` instead times extraction alone (extractors.extract, one process, CPU time so the
figure is per core) of the first N PDFs, base and this checkout taking turns in fresh processes;
the machines are shared and noisy, so compare the two figures of one run, not across runs.
"""

from __future__ import annotations

import json
import statistics
import tempfile
import time
from pathlib import Path

from checkouts import HERE, extractor_main, run_in, worker_lines


def _worker(out: Path, files: list[Path]) -> None:
    """Run inside a checkout: one JSON line per file, in order."""
    from extractors import extract
    from pipeline.core.errors import RejectedFileError

    with out.open("w", encoding="utf-8") as f:
        for path in files:
            try:
                result = extract(path).model_dump_json()
            except RejectedFileError as e:
                result = f"rejected: {e.reason} {e}"
            f.write(json.dumps(result, ensure_ascii=False) + "\n")


def _timer(files: list[Path]) -> None:
    """Run inside a checkout: pages and seconds of extracting ``files`` once (after a warm-up file)."""
    import pypdfium2 as pdfium

    from extractors import extract
    from pipeline.core.settings import Settings

    settings = Settings()  # made once, as a run does (pipeline/runs/steps.py)
    pages = 0
    for path in files:
        pdf = pdfium.PdfDocument(str(path))
        pages += len(pdf)
        pdf.close()
    extract(files[0], settings=settings)  # imports and caches warmed, as in a long-running worker
    start = time.process_time()
    for path in files:
        extract(path, settings=settings)
    print(json.dumps({"pages": pages, "seconds": time.process_time() - start}))


def _pdfs(folders: list[Path]) -> list[Path]:
    return sorted(p for folder in folders for p in folder.rglob("*.pdf"))


def identity(base: Path, files: list[Path]) -> int:
    old, new = worker_lines(base, files, __file__)
    differing = [f for f, a, b in zip(files, old, new, strict=False) if a != b]
    print(f"{len(files) - len(differing)}/{len(files)} PDFs byte-identical")
    for path in differing:
        print(f"  differs: {path}")
    return 1 if differing or len(old) != len(new) else 0


def speed(base: Path, files: list[Path], rounds: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        listing = Path(tmp) / "files.txt"
        listing.write_text("\n".join(map(str, files)), encoding="utf-8")
        rates: dict[str, list[float]] = {"base": [], "new": []}
        for _ in range(rounds):
            for label, root in (("base", base), ("new", HERE)):
                result = json.loads(run_in(root, __file__, "--timer", str(listing)))
                rates[label].append(result["pages"] / result["seconds"])
    pages = int(result["pages"])
    print(f"{len(files)} PDFs, {pages} pages, extract() on one core, CPU time, median of {rounds} rounds")
    for label, values in rates.items():
        print(f"  {label:4}: {statistics.median(values):6.1f} pages/s  ({', '.join(f'{v:.1f}' for v in values)})")
    print(f"  new ÷ base: {statistics.median(rates['new']) / statistics.median(rates['base']):.2f}×")


def main() -> None:
    extractor_main(_pdfs, _worker, _timer, identity, speed)


if __name__ == "__main__":
    main()
