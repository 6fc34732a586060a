"""Run one workspace pass in a separate process, optionally dying by SIGKILL at a chosen point.

    python tests/ws_runner.py WORKSPACE [--crash-at POINT] [--log FILE]

Points: after-extract (a file read, nothing recorded), after-record (recorded, name not yet),
during-render (a draft half-written to its temporary file), after-first-draft (one draft of the
version finished). --log appends one line per file read, to show nothing is read twice.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import docx.document

import pipeline.runs.intake
from pipeline.runs.ledger import Ledger
from pipeline.runs.workspace_run import process_workspace


def die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("workspace", type=Path)
    parser.add_argument("--crash-at")
    parser.add_argument("--log", type=Path)
    args = parser.parse_args()

    real_read = pipeline.runs.intake.read_report_isolated  # in the run's process: its death is the run's

    def read_report(path, rubric, cluster, display_name=None, settings=None):
        outcome = real_read(path, rubric, cluster, display_name=display_name, settings=settings)
        if args.log:
            with args.log.open("a", encoding="utf-8") as log:
                log.write(json.dumps({"pid": os.getpid(), "file": display_name}, ensure_ascii=False) + "\n")
        if args.crash_at == "after-extract":
            die()
        return outcome

    pipeline.runs.intake.read_report_isolated = read_report

    if args.crash_at == "after-record":
        real_record = Ledger.record

        def record(self, *a, **kw):
            real_record(self, *a, **kw)
            die()

        Ledger.record = record
    if args.crash_at == "during-render":
        def save(self, path_or_stream):
            Path(path_or_stream).write_bytes(b"PK\x03\x04 half a draft")
            die()

        docx.document.Document.save = save
    if args.crash_at == "after-first-draft":
        real_finish = Ledger.finish_draft

        def finish_draft(self, *a, **kw):
            real_finish(self, *a, **kw)
            die()

        Ledger.finish_draft = finish_draft

    run = process_workspace(args.workspace)
    print(json.dumps({"run_id": run.run_id, "read": [i.name for c in run.clusters for i in c.ingested]},
                     ensure_ascii=False))


if __name__ == "__main__":
    main()
