"""Word files for bench/docx_extract_identity.py, written by the test generators into a folder.

    .venv/bin/python bench/docx_generated.py /tmp/tdkt-docx-generated [--seeds 60] [--fuzz 600]

Sub-folders: ``generated/`` (self-score tables, criteria tables, report headers, other documents:
valid files as the tests write them), ``hostile/`` (tests/generators/hostile_files.py's Word
cases), ``fuzz/`` (the sample report mutated by tests/generators/fuzz_inputs.py, one file per seed:
damaged zips, XML and attribute values) and ``package/`` (the packaging corners a reader of the
zip itself must get right: relationship targets, content types, missing or shared parts, linked
headers, style chains). The same arguments write the same files.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from generators import (  # noqa: E402
    criteria_tables,
    fuzz_inputs,
    hostile_files,
    other_documents,
    report_headers,
    selfscore_tables,
)
from generators.city_corpus import sample_rubric  # noqa: E402
from generators.other_writing import write_docx as write_other_docx  # noqa: E402
from generators.word_packages import write_corners  # noqa: E402


def write_generated(folder: Path, seeds: int) -> None:
    folder.mkdir(parents=True)
    rubric = sample_rubric()
    for seed in range(seeds):
        selfscore_tables.write_docx(selfscore_tables.generate_report(seed), folder / f"selfscore-{seed:03d}.docx")
        criteria_tables.write_docx(criteria_tables.generate(seed), folder / f"criteria-{seed:03d}.docx")
        header = report_headers.generate(seed)
        report_headers.write_docx(header, folder / f"header-{seed:03d}.docx")
        for maker in (other_documents.generate, other_documents.generate_carrier):
            doc = maker(seed)
            doc.fmt = "docx"
            write_other_docx(doc, folder / f"other-{maker.__name__}-{seed:03d}.docx", rubric)
    for seed in range(3):
        split = folder / f"selfscore-split-{seed}"
        split.mkdir()
        selfscore_tables.write_split_docx(selfscore_tables.generate_report(seed), split)


def write_hostile(folder: Path) -> None:
    folder.mkdir(parents=True)
    for case in hostile_files.CASES:
        if case.file.endswith(".docx"):
            hostile_files.write_case(folder, case.file)


def write_fuzz(folder: Path, count: int) -> None:
    folder.mkdir(parents=True)
    for seed in range(count):
        (folder / f"fuzz-{seed:04d}.docx").write_bytes(fuzz_inputs.docx_bytes(random.Random(seed)))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seeds", type=int, default=60, help="seeds of each valid-document generator")
    parser.add_argument("--fuzz", type=int, default=600, help="fuzzed copies of the sample report")
    args = parser.parse_args()
    if args.folder.exists():
        shutil.rmtree(args.folder)
    write_generated(args.folder / "generated", args.seeds)
    write_hostile(args.folder / "hostile")
    write_fuzz(args.folder / "fuzz", args.fuzz)
    write_corners(args.folder / "package")
    count = sum(1 for p in args.folder.rglob("*") if p.is_file())
    print(f"{count} files in {args.folder}")


if __name__ == "__main__":
    main()
