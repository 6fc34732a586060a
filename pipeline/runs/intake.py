"""Taking files in from a workspace inbox, exactly once each.

scan() finds what is new or changed (a name, size and modification time the ledger has not seen),
leaving files that are still being copied, Office lock files and temporary names for a later run.
ingest() takes one file: hashes it, recognizes a duplicate by content, claims new content in the
ledger, keeps the original in archive/, reads it, and records the outcome; a file set aside is
copied to rejected/ with a note saying why. A criteria document is imported once and kept in the
ledger (status "criteria"); which one the cluster uses is decided when drafting.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import time
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from extractors import file_sha256
from pipeline.config.cluster import Cluster
from pipeline.config.rubric import Rubric
from pipeline.core.errors import RejectReason, TdktError
from pipeline.core.files import NAME_MAX, fitted_name, write_atomically, write_text_atomically
from pipeline.core.settings import Settings
from pipeline.results.outcome import CriteriaDocument, Rejection
from pipeline.runs.inbox_names import TEMP_SUFFIXES, entry_reason
from pipeline.runs.ledger import FileReading, FileStatus, Ledger
from pipeline.runs.steps import read_report_isolated, usable
from pipeline.runs.workspace import ClusterSource, Workspace
from pipeline.understanding import READER_VERSION

CRITERIA_MESSAGE = "đã nhập"


class TransientFileError(TdktError):
    """Raised when a file cannot be read right now (locked or busy); the next attempt may succeed."""


@dataclass(frozen=True)
class Candidate:
    path: Path
    rel: str
    size: int
    mtime: float
    sha256: str


class Outcome(StrEnum):
    READ = "read"
    REJECTED = "rejected"
    DUPLICATE = "duplicate"
    WAITING = "waiting"
    BUSY = "busy"  # another run holds it
    CRITERIA = "criteria"  # the cluster's criteria document, imported


@dataclass
class Ingested:
    name: str
    outcome: Outcome
    message: str = ""
    sha256: str | None = None
    unit: str | None = None
    year: int | None = None


@dataclass
class Scan:
    new: list[Candidate]
    waiting: list[str]
    known: int
    skipped: list[Rejection] = field(default_factory=list)  # entries that are not documents, with why


def scan(ws: Workspace, source: ClusterSource, ledger: Ledger, settle_seconds: float, hashed: bool = True) -> Scan:
    """What is new in the cluster's inbox. ``hashed=False`` leaves the new files' contents unread
    (sha256 ""): enough to know whether there is anything to do, and the run that takes them in
    scans again."""
    new, waiting, known = [], [], 0
    now = time.time()
    files, skipped = _entries(ws, source)
    names = ledger.name_keys(source.key)
    for path in files:
        name = path.name
        if name.lower().endswith(TEMP_SUFFIXES):
            waiting.append(name)
            continue
        try:
            stat = path.stat()
        except OSError:  # gone between the listing and now: the next run will see what is there
            waiting.append(name)
            continue
        rel = path.relative_to(source.inbox).as_posix()
        if (rel, stat.st_size, stat.st_mtime) in names:
            known += 1
        elif now - stat.st_mtime < settle_seconds:
            waiting.append(name)  # still being written, or just arrived: read it next run
        else:
            try:
                new.append(Candidate(path, rel, stat.st_size, stat.st_mtime, file_sha256(path) if hashed else ""))
            except OSError:
                waiting.append(name)  # locked by another program: next run
    # In order of arrival, so of two identical files the one that came first is the original.
    new.sort(key=lambda c: (c.mtime, len(c.rel), c.rel))
    return Scan(new=new, waiting=waiting, known=known, skipped=skipped)


def first_arrivals(candidates: list[Candidate]) -> tuple[list[Candidate], list[Candidate]]:
    """(one candidate per content, in arrival order; the later copies). The first may be read in
    parallel; the copies are taken in after them and are recorded as duplicates."""
    seen: set[str] = set()
    first, later = [], []
    for candidate in candidates:
        (later if candidate.sha256 in seen else first).append(candidate)
        seen.add(candidate.sha256)
    return first, later


def _entries(ws: Workspace, source: ClusterSource) -> tuple[list[Path], list[Rejection]]:
    """(the files of a cluster's inbox to consider; every other entry with why it is not read).
    The root inbox leaves out the other clusters' folders; links are followed only inside the inbox."""
    other = {s.inbox.resolve() for s in ws.clusters() if s.inbox != source.inbox}
    root = source.inbox.resolve()
    files, skipped = [], []
    for path in sorted(source.inbox.rglob("*")):
        # One resolve and a set lookup per folder above it: a city's 60 clusters made this a
        # resolve per file and per other cluster (200,000 for a run with nothing new, 7 s).
        resolved = path.resolve()
        if resolved in other or any(parent in other for parent in resolved.parents):
            continue  # another cluster's folder: its own run names it
        if path.name.lower().endswith(TEMP_SUFFIXES) and path.is_file():
            files.append(path)  # still arriving: scan() lists it as waiting for the next run
            continue
        reason = entry_reason(path, root)
        if reason is None and not path.is_dir():
            files.append(path)
        elif reason is not None:
            rel = path.relative_to(source.inbox).as_posix()
            skipped.append(Rejection(file=rel, reason=RejectReason.SKIPPED, message=reason))
    return files, skipped


def ingest(ws: Workspace, source: ClusterSource, candidate: Candidate, ledger: Ledger, run_id: str,
           rubric: Rubric, cluster: Cluster | None) -> Ingested:
    name = candidate.path.name
    sha = candidate.sha256
    if _changed(candidate):
        return Ingested(name, Outcome.WAITING, "tệp vẫn đang thay đổi (đang sao chép?)")
    known = ledger.file(sha)
    if known is not None and known.status != FileStatus.PROCESSING:
        return _seen_before(ws, source, candidate, ledger, known, sha)
    ext = candidate.path.suffix.lower()[:16]
    if not ledger.claim(run_id, sha, source.key, candidate.size, ext, candidate.rel, candidate.mtime):
        return Ingested(name, Outcome.BUSY, sha256=sha)
    archived = archive_copy(ws, candidate.path, sha, ext)
    reading, rejection = understand_file(archived, name, rubric, cluster, ws.config().limits.settings())
    if rejection is not None:
        set_aside(ws, source, candidate.path, sha, rejection)
    ledger.record(sha, run_id, reading)
    ledger.add_name(source.key, candidate.rel, candidate.size, candidate.mtime, sha, "original")
    if rejection is not None:
        return Ingested(name, Outcome.REJECTED, rejection.message, sha)
    if reading.status is FileStatus.CRITERIA:
        imported = CriteriaDocument.model_validate_json(reading.criteria)
        return Ingested(name, Outcome.CRITERIA, f"{CRITERIA_MESSAGE} ({imported.describe()})", sha)
    return Ingested(name, Outcome.READ, sha256=sha, unit=reading.unit_name, year=reading.year)


def understanding_fingerprint(rubric: Rubric, cluster: Cluster | None) -> str:
    """What reading a report depends on besides the file: the reader's version, the rubric and the
    cluster's members."""
    text = f"{READER_VERSION}:" + rubric.model_dump_json() + (cluster.model_dump_json() if cluster else "")
    return hashlib.sha256(text.encode()).hexdigest()


def understand_file(archived: Path, name: str, rubric: Rubric, cluster: Cluster | None,
                    settings: Settings | None = None) -> tuple[FileReading, Rejection | None]:
    """Read an archived file (under the workspace's limits): what the ledger stores, and the
    rejection if it cannot be used."""
    outcome = read_report_isolated(archived, rubric, cluster, display_name=name, settings=settings)
    if outcome.criteria is not None:
        return _criteria_reading(outcome.criteria), None
    facts = outcome.facts
    rejection = outcome.rejection or (usable(facts) if facts else None)
    reading = FileReading(
        status=FileStatus.REJECTED if rejection else FileStatus.READ,
        reason=rejection.reason.value if rejection else None,
        message=rejection.message if rejection else None,
        facts=facts.model_dump_json() if facts else None,
        understood_with=understanding_fingerprint(rubric, cluster),
        unit_id=facts.unit.member_id if facts and facts.unit else None,
        unit_name=facts.unit.name if facts and facts.unit else None,
        year=facts.year if facts else None,
        doc_date=facts.doc_date if facts else None,
    )
    return reading, rejection


def _criteria_reading(criteria: CriteriaDocument) -> FileReading:
    """A criteria document as the ledger keeps it: imported once, never read again (its reading
    depends on no rubric)."""
    # Read from the archive, the document's own modification time is when tdkt copied it; its
    # arrival is the ledger row's (the inbox file's), put back whenever the document is used.
    stored = criteria.model_copy(update={"arrived": None})
    return FileReading(status=FileStatus.CRITERIA, criteria=stored.model_dump_json(), doc_date=criteria.doc_date)


def _changed(candidate: Candidate) -> bool:
    try:
        stat = candidate.path.stat()
    except FileNotFoundError:
        return True
    return (stat.st_size, stat.st_mtime) != (candidate.size, candidate.mtime)


def _seen_before(ws: Workspace, source: ClusterSource, candidate: Candidate, ledger: Ledger, known: object,
                 sha: str) -> Ingested:
    """Content the ledger already has: the original under its own name (a run was cut short after
    reading it), or a byte-identical copy under another name."""
    name = candidate.path.name
    if known.cluster == source.key and known.first_name == candidate.rel:
        ledger.add_name(source.key, candidate.rel, candidate.size, candidate.mtime, sha, "original")
        if known.status == FileStatus.CRITERIA:
            return Ingested(name, Outcome.CRITERIA, CRITERIA_MESSAGE, sha)
        outcome = Outcome.READ if known.status == FileStatus.READ else Outcome.REJECTED
        return Ingested(name, outcome, known.message or "", sha, known.unit_name, known.year)
    message = f"trùng hoàn toàn với tệp {Path(known.first_name).name} (đã xử lý)"
    if ledger.add_name(source.key, candidate.rel, candidate.size, candidate.mtime, sha, "duplicate"):
        set_aside(ws, source, candidate.path, sha, Rejection(file=name, reason=RejectReason.DUPLICATE,
                                                              message=message))
    return Ingested(name, Outcome.DUPLICATE, message, sha)


def archive_copy(ws: Workspace, path: Path, sha: str, ext: str) -> Path:
    """The original, kept under its content hash. Written under a temporary name, then renamed."""
    target = ws.archive / f"{sha}{ext}"
    if not target.exists():
        _atomic_copy(path, target)
    return target


_NOTE_SUFFIX = ".txt"


def set_aside(ws: Workspace, source: ClusterSource, path: Path, sha: str, rejection: Rejection) -> Path:
    """Copy a file to rejected/<cluster>/ with a Vietnamese note beside it saying why."""
    folder = ws.rejected / source.key
    folder.mkdir(parents=True, exist_ok=True)
    room = NAME_MAX - len(_NOTE_SUFFIX)  # the copy's name, and its note's with ".txt", must be valid names
    target = folder / fitted_name(path.stem, path.suffix, room)
    if target.exists() and file_sha256(target) != sha:
        target = folder / fitted_name(path.stem, f" ({sha[:8]}){path.suffix}", room)
    if not target.exists():
        _atomic_copy(path, target)
    note = (
        f"Tệp: {path.name}\n"
        f"Thời điểm xử lý: {dt.datetime.now():%d/%m/%Y %H:%M}\n"
        f"Lý do không sử dụng: {rejection.message}\n"
        "Tệp gốc vẫn còn trong hộp thư; bản sao này chỉ để tra cứu. Nếu cần, hãy gửi lại tệp đã sửa.\n"
    )
    write_text_atomically(target.with_name(target.name + _NOTE_SUFFIX), note)
    return target


def _atomic_copy(source: Path, target: Path) -> None:
    try:
        write_atomically(target, lambda tmp: shutil.copyfile(source, tmp))
    except OSError as e:
        raise TransientFileError(f"{source.name}: không sao chép được tệp ({e.strerror})") from e

