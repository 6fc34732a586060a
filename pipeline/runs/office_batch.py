"""The .doc, .odt and .rtf files of a batch of files about to be read, converted to .docx together.

Starting LibreOffice costs about a second, converting a report a fifth of one (shared/stack.md): a
cluster whose eight units send old .doc files paid some nine seconds when each file's reading
started LibreOffice for itself. While a batch is read (a cluster's new files, an inbox, the reports
read again), its legacy files are converted beforehand in one LibreOffice call, in a reading worker
of its own (pipeline/runs/isolation.py: the memory cap, and a time limit that grows with the number
of files, extractors.office_convert.batch_seconds). Each file is then read as before, in a worker of
its own under the per-file limits, from the .docx made for its content (found by sha256; the folder
reaches the worker with its settings, as the error log does).

A file the batch did not convert (LibreOffice could not open it, the time was up, the batch's worker
broke a limit) is converted alone when it is read, exactly as before: a broken or hostile file is
named for itself, with the same reason, and the batch's other files are read.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from extractors import convert_legacy_together
from extractors.office_convert import batch_seconds
from extractors.sniff import may_need_libreoffice
from pipeline.core.errors import RejectedFileError
from pipeline.core.settings import Settings
from pipeline.runs.isolation import run_isolated
from pipeline.runs.side_by_side import reading_threads, side_by_side

_current: ContextVar[Path | None] = ContextVar("tdkt_converted", default=None)

# Files per LibreOffice call: a call that hangs on a hostile file costs one batch's time limit and the
# conversion of its other files one by one; larger batches save little more (a call's start is paid
# once per 20 files) and several batches convert side by side on the reading workers.
_BATCH_FILES = 20


@contextmanager
def converted_together(paths: list[Path], settings: Settings) -> Iterator[None]:
    """Within: the .doc, .odt and .rtf files among ``paths`` already converted, for the readings
    started in this context (pipeline.runs.steps passes the folder to their workers). A single such
    file is left to its reading: converting it ahead would save nothing."""
    legacy = [path for path in paths if may_need_libreoffice(path)]
    if len(legacy) < 2:
        yield
        return
    with tempfile.TemporaryDirectory(prefix="tdkt-lo-batch-") as tmp:
        folder = Path(tmp)
        batches = [legacy[i:i + _BATCH_FILES] for i in range(0, len(legacy), _BATCH_FILES)]
        side_by_side(lambda batch: _convert_isolated(batch, folder, settings), batches, reading_threads(settings))
        token = _current.set(folder)
        try:
            yield
        finally:
            _current.reset(token)


def current_conversions() -> Path | None:
    """Where the files being read in this context were converted ahead, if they were."""
    return _current.get()


def _convert_isolated(batch: list[Path], folder: Path, settings: Settings) -> list[str]:
    # The worker's limit leaves LibreOffice's own (batch_seconds) the room a file's reading leaves its
    # conversion, so LibreOffice is stopped first and what it converted by then is kept.
    limits = settings.model_copy(update={"max_seconds": batch_seconds(len(batch), settings) / 0.8})
    try:
        return run_isolated(convert_legacy_together, (batch, folder, settings), limits, "")
    except (RejectedFileError, OSError):  # OSError: read in this process (TDKT_ISOLATE=0), no room in /tmp
        return []  # the batch's worker broke a limit or died: each file is converted in its own reading
