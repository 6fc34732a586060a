"""Old .doc files: one LibreOffice call per file against one call for the batch (issue 16).

    .venv/bin/python bench/office_batch.py [--files 8] [--repeat 3] [--pages 15] [--corpus DIR]

Writes a cluster's year-end reports (tests/generators/city_corpus.py, seed 16, cluster 1: the
2023 reports first, then 2022's) as Word 97 .doc files (LibreOffice, once; kept in --corpus to be
used again), puts ``--files`` of them in an inbox, and opens the inbox the way `tdkt run` does
(PlainInboxSteps.open: each file extracted in a reading worker under the per-file limits), both
ways in turn, the order swapped every round: "per file", each file converted by a LibreOffice call
of its own in its reading (the batch switched off, as before), and "batched", the inbox's .doc files
converted in one call first (pipeline/runs/office_batch.py). Prints every round's wall seconds, the
best and the median of each, and checks that both give the same documents. The machine is shared:
compare the figures of one run.
"""

from __future__ import annotations

import argparse
import contextlib
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for _path in (str(ROOT), str(ROOT / "tests")):
    if _path not in sys.path:
        sys.path.insert(0, _path)

from pipeline.core.settings import Settings  # noqa: E402
from pipeline.runs import inbox_run  # noqa: E402
from pipeline.runs.isolation import warm_up  # noqa: E402


def write_corpus(folder: Path, files: int, pages: float) -> list[Path]:
    """``files`` generated reports as .doc in ``folder`` (made once)."""
    import generators.city_corpus as city
    from generators.criteria_tables import start_conversion, wait_conversion

    made = sorted(folder.glob("*.doc"))
    if len(made) >= files:
        return made[:files]
    plan = city.plan_cluster(16, 1, pages=pages, others=0, pdf_share=0.0)
    reports = sorted(plan.reports, key=lambda r: -r.year)[:files]
    with tempfile.TemporaryDirectory(prefix="tdkt-bench-docx-") as tmp:
        sources = [city.write_report_docx(r, Path(tmp) / f"{i:02d}.docx") for i, r in enumerate(reports)]
        docs = wait_conversion(start_conversion(sources, "doc", Path(tmp) / "doc"))
        folder.mkdir(parents=True, exist_ok=True)
        for i, (report, doc) in enumerate(zip(reports, docs, strict=True)):
            shutil.move(doc, folder / f"{i:02d} {Path(report.name).stem}.doc")
    return sorted(folder.glob("*.doc"))[:files]


def open_inbox(files: list[tuple[Path, str]], batched: bool) -> tuple[float, list]:
    steps = inbox_run.PlainInboxSteps()
    original = inbox_run.converted_together
    if not batched:
        inbox_run.converted_together = lambda paths, settings: contextlib.nullcontext()
    try:
        started = time.perf_counter()
        opened = steps.open(files)
        return time.perf_counter() - started, opened
    finally:
        inbox_run.converted_together = original


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=8)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--pages", type=float, default=15.0)
    parser.add_argument("--corpus", type=Path, default=Path(tempfile.gettempdir()) / "tdkt-bench-doc")
    args = parser.parse_args()
    sources = write_corpus(args.corpus, args.files, args.pages)
    settings = Settings()
    warm_up(settings)
    print(f"{len(sources)} .doc files ({sum(p.stat().st_size for p in sources) / 1e6:.1f} MB) in {args.corpus}; "
          f"{settings.read_workers} reading workers; isolated: {settings.isolate}")
    with tempfile.TemporaryDirectory(prefix="tdkt-bench-inbox-") as tmp:
        inbox = Path(tmp)
        for source in sources:
            shutil.copyfile(source, inbox / source.name)
        files = [(p, p.name) for p in sorted(inbox.iterdir())]
        times: dict[bool, list[float]] = {False: [], True: []}
        documents: dict[bool, list] = {}
        for round_ in range(args.repeat):
            for batched in ((False, True) if round_ % 2 == 0 else (True, False)):
                seconds, opened = open_inbox(files, batched)
                times[batched].append(seconds)
                documents.setdefault(batched, [o.document for o in opened])
                print(f"  round {round_ + 1} {'batched' if batched else 'per file'}: {seconds:.2f} s")
    unread = sorted({name for docs in documents.values()
                     for (_, name), document in zip(files, docs, strict=True) if document is None})
    same = documents[False] == documents[True]
    for batched, label in ((False, "per file (before)"), (True, "batched (one call)")):
        print(f"{label:18}  best {min(times[batched]):6.2f} s  median {statistics.median(times[batched]):6.2f} s")
    print(f"per file ÷ batched (medians): {statistics.median(times[False]) / statistics.median(times[True]):.2f}×; "
          f"same documents: {same}; not read: {unread or 'none'}")
    return 0 if same and not unread else 1


if __name__ == "__main__":
    sys.exit(main())
