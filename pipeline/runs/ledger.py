"""The ledger: every file seen and every draft written, in a real database (SQLAlchemy).

SQLite in the workspace by default; a PostgreSQL URL works the same. Identity is the content
hash. Work is claimed inside a transaction (a row insert that only one run can win), so two runs
never process a file twice; a claim left by a killed run is taken over by the next one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum

from pydantic import BaseModel, Field
from sqlalchemy import (
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    create_engine,
    delete,
    event,
    func,
    inspect,
    select,
    text,
    update,
)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, OperationalError, ProgrammingError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker

# A claim older than this is taken over even if its process cannot be checked (another host).
CLAIM_LEASE = dt.timedelta(hours=1)


class FileStatus(StrEnum):
    """What happened to a file content (stored as its value)."""

    PROCESSING = "processing"  # claimed by a run, not yet recorded
    READ = "read"  # understood: a report, a table
    REJECTED = "rejected"  # set aside, with its reason
    CRITERIA = "criteria"  # the cluster's criteria document, imported


class DraftStatus(StrEnum):
    WRITING = "writing"  # reserved, being written
    DONE = "done"


class FileReading(BaseModel):
    """What reading a file found, as the ledger stores it: the one record that crosses from
    understanding into the ledger."""

    status: FileStatus
    reason: str | None = None
    message: str | None = None
    facts: str | None = Field(default=None, description="ReportFacts as JSON")
    criteria: str | None = Field(default=None, description="CriteriaDocument as JSON")
    understood_with: str | None = None
    unit_id: str | None = None
    unit_name: str | None = None
    year: int | None = None
    doc_date: dt.date | None = None

    def columns(self) -> dict[str, object]:
        return {**self.model_dump(), "status": self.status.value}


class Base(DeclarativeBase):
    pass


class FileRow(Base):
    """One file content (by sha256), what it is and what happened to it."""

    __tablename__ = "files"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    cluster: Mapped[str] = mapped_column(String(100), index=True)
    size: Mapped[int] = mapped_column(Integer)
    ext: Mapped[str] = mapped_column(String(16))
    first_name: Mapped[str] = mapped_column(Text)
    arrived: Mapped[float] = mapped_column(Float, doc="Modification time of the first copy seen")
    status: Mapped[str] = mapped_column(String(20), doc="A FileStatus value")
    reason: Mapped[str | None] = mapped_column(String(40))
    message: Mapped[str | None] = mapped_column(Text)
    unit_id: Mapped[str | None] = mapped_column(String(200))
    unit_name: Mapped[str | None] = mapped_column(Text)
    year: Mapped[int | None] = mapped_column(Integer)
    doc_date: Mapped[dt.date | None] = mapped_column(Date)
    facts: Mapped[str | None] = mapped_column(Text, doc="ReportFacts as JSON")
    criteria: Mapped[str | None] = mapped_column(Text, doc="A criteria document as imported (CriteriaDocument JSON)")
    understood_with: Mapped[str | None] = mapped_column(String(64), doc="Fingerprint of rubric and cluster used")
    superseded_by: Mapped[str | None] = mapped_column(String(64))
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    claimed_host: Mapped[str | None] = mapped_column(String(255))
    claimed_pid: Mapped[int | None] = mapped_column(Integer)
    claimed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    processed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class NameRow(Base):
    """A name (path in the inbox, size, mtime) a content arrived under."""

    __tablename__ = "file_names"
    __table_args__ = (UniqueConstraint("cluster", "path", "size", "mtime"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    cluster: Mapped[str] = mapped_column(String(100))
    path: Mapped[str] = mapped_column(Text)
    size: Mapped[int] = mapped_column(Integer)
    mtime: Mapped[float] = mapped_column(Float)
    sha256: Mapped[str] = mapped_column(ForeignKey("files.sha256"))
    role: Mapped[str] = mapped_column(String(20), doc="original | duplicate")
    seen_at: Mapped[dt.datetime] = mapped_column(DateTime)


class DraftRow(Base):
    """A draft (or change note) written, with the fingerprint of the inputs it was made from."""

    __tablename__ = "drafts"
    __table_args__ = (UniqueConstraint("cluster", "year", "version", "kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    cluster: Mapped[str] = mapped_column(String(100))
    year: Mapped[int] = mapped_column(Integer)
    version: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(40))
    path: Mapped[str] = mapped_column(Text)
    fingerprint: Mapped[str] = mapped_column(String(64))
    summary: Mapped[str | None] = mapped_column(Text, doc="Scores and awards as JSON, for change notes")
    sha256: Mapped[str | None] = mapped_column(String(64), doc="Of the file as written; differs once edited")
    status: Mapped[str] = mapped_column(String(20), doc="A DraftStatus value")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class ClusterStateRow(Base):
    """What a cluster's drafting last found (a digest of the ledger's rows and the cluster's input
    files): a run that finds the same has nothing to redo."""

    __tablename__ = "cluster_states"

    cluster: Mapped[str] = mapped_column(String(100), primary_key=True)
    state: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)
    # What that drafting said of each year (JSON list of results.outcome.YearHeadline), said again
    # by a run that finds the same state. None in a ledger of an older tdkt.
    headlines: Mapped[str | None] = mapped_column(Text, nullable=True)


class LockRow(Base):
    __tablename__ = "locks"

    name: Mapped[str] = mapped_column(String(200), primary_key=True)
    holder: Mapped[str] = mapped_column(String(64))
    host: Mapped[str] = mapped_column(String(255))
    pid: Mapped[int] = mapped_column(Integer)
    acquired_at: Mapped[dt.datetime] = mapped_column(DateTime)


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _alive(host: str | None, pid: int | None, since: dt.datetime | None) -> bool:
    """Whether the process behind a claim or lock may still be working."""
    if host == socket.gethostname() and pid is not None:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return True
    return since is not None and now() - since < CLAIM_LEASE


class Ledger:
    def __init__(self, url: str):
        self.engine: Engine = create_engine(url, future=True, **_engine_options(url))
        if url.startswith("sqlite"):
            event.listen(self.engine, "connect", _sqlite_pragmas)
        _create_tables(self.engine)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        self.host = socket.gethostname()
        self.pid = os.getpid()

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self.sessions.begin() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()

    # --- names and contents --------------------------------------------------------------

    def file(self, sha256: str) -> FileRow | None:
        with self.session() as s:
            return s.get(FileRow, sha256)

    def add_name(self, cluster: str, path: str, size: int, mtime: float, sha256: str, role: str) -> bool:
        """Record a name; False if it was already recorded (by this or another run)."""
        try:
            with self.session() as s:
                s.add(NameRow(cluster=cluster, path=path, size=size, mtime=mtime, sha256=sha256, role=role,
                              seen_at=now()))
        except IntegrityError:
            return False
        return True

    def claim(self, run_id: str, sha256: str, cluster: str, size: int, ext: str, name: str, arrived: float) -> bool:
        """Take a new content for processing. False if another live run has it or it is done.

        Every change is a single insert or compare-and-swap update, atomic in SQLite and PostgreSQL.
        """
        try:
            with self.session() as s:
                s.add(FileRow(sha256=sha256, cluster=cluster, size=size, ext=ext, first_name=name, arrived=arrived,
                              status=FileStatus.PROCESSING.value, claimed_by=run_id, claimed_host=self.host,
                              claimed_pid=self.pid, claimed_at=now()))
            return True
        except IntegrityError:
            pass
        row = self.file(sha256)
        if row is None or row.status != FileStatus.PROCESSING:
            return False
        if row.claimed_by != run_id and _alive(row.claimed_host, row.claimed_pid, row.claimed_at):
            return False
        with self.session() as s:
            taken = s.execute(
                update(FileRow)
                .where(FileRow.sha256 == sha256, FileRow.status == FileStatus.PROCESSING.value,
                       FileRow.claimed_by == row.claimed_by)
                .values(claimed_by=run_id, claimed_host=self.host, claimed_pid=self.pid, claimed_at=now())
            )
            return taken.rowcount == 1

    def record(self, sha256: str, run_id: str, reading: FileReading) -> bool:
        """Store what processing found; only the run holding the claim may."""
        with self.session() as s:
            done = s.execute(
                update(FileRow)
                .where(FileRow.sha256 == sha256, FileRow.claimed_by == run_id)
                .values(**reading.columns(), processed_at=now(), claimed_by=None, claimed_host=None, claimed_pid=None,
                        claimed_at=None)
            )
            return done.rowcount == 1

    def update_file(self, sha256: str, reading: FileReading) -> None:
        """Re-read results for a file already taken in (callers hold the cluster's drafting lock)."""
        with self.session() as s:
            s.execute(update(FileRow).where(FileRow.sha256 == sha256).values(**reading.columns(), processed_at=now()))

    def release(self, sha256: str, run_id: str) -> None:
        """Give a claim back (the file could not be read this time: try again next run)."""
        with self.session() as s:
            s.execute(delete(FileRow).where(FileRow.sha256 == sha256, FileRow.status == FileStatus.PROCESSING.value,
                                            FileRow.claimed_by == run_id))

    def in_flight(self, cluster: str, run_id: str) -> int:
        """Files of the cluster that other live runs are reading right now."""
        with self.session() as s:
            rows = s.scalars(select(FileRow).where(FileRow.cluster == cluster,
                                                   FileRow.status == FileStatus.PROCESSING.value,
                                                   FileRow.claimed_by != run_id))
            return sum(1 for r in rows if _alive(r.claimed_host, r.claimed_pid, r.claimed_at))

    def files(self, cluster: str) -> list[FileRow]:
        with self.session() as s:
            return list(s.scalars(select(FileRow).where(FileRow.cluster == cluster).order_by(FileRow.arrived)))

    def names(self, cluster: str) -> list[NameRow]:
        with self.session() as s:
            return list(s.scalars(select(NameRow).where(NameRow.cluster == cluster).order_by(NameRow.id)))

    def name_keys(self, cluster: str) -> set[tuple[str, int, float]]:
        """(path, size, mtime) of every name recorded for the cluster: one query for a whole scan."""
        with self.session() as s:
            return {tuple(r) for r in s.execute(select(NameRow.path, NameRow.size, NameRow.mtime)
                                                .where(NameRow.cluster == cluster))}

    def digest(self, cluster: str) -> str:
        """A digest of everything the ledger holds for the cluster that its drafts depend on: each
        file's status and when it was last read, the names recorded, the drafts written."""
        h = hashlib.sha256()
        with self.session() as s:
            # A criteria document's import is included whole (a few per cluster): an import made by
            # an earlier importer is done again at drafting.
            for row in s.execute(select(FileRow.sha256, FileRow.status, FileRow.reason, FileRow.understood_with,
                                        FileRow.processed_at, FileRow.superseded_by, FileRow.criteria)
                                 .where(FileRow.cluster == cluster).order_by(FileRow.sha256)):
                h.update(repr(tuple(row)).encode())
            h.update(repr(s.execute(select(func.count(NameRow.id), func.max(NameRow.id))
                                    .where(NameRow.cluster == cluster)).one()).encode())
            for row in s.execute(select(DraftRow.id, DraftRow.status, DraftRow.sha256)
                                 .where(DraftRow.cluster == cluster).order_by(DraftRow.id)):
                h.update(repr(tuple(row)).encode())
        return h.hexdigest()

    def cluster_state(self, cluster: str) -> str | None:
        with self.session() as s:
            row = s.get(ClusterStateRow, cluster)
            return row.state if row else None

    def kept_headlines(self, cluster: str) -> str | None:
        with self.session() as s:
            row = s.get(ClusterStateRow, cluster)
            return row.headlines if row else None

    def set_cluster_state(self, cluster: str, state: str, headlines: str | None = None) -> None:
        with self.session() as s:
            row = s.get(ClusterStateRow, cluster)
            if row is None:
                s.add(ClusterStateRow(cluster=cluster, state=state, updated_at=now(), headlines=headlines))
            else:
                row.state, row.updated_at, row.headlines = state, now(), headlines

    def set_superseded(self, cluster: str, superseded: dict[str, str | None]) -> None:
        with self.session() as s:
            for row in s.scalars(select(FileRow).where(FileRow.cluster == cluster)):
                new = superseded.get(row.sha256)
                if row.superseded_by != new:
                    row.superseded_by = new

    # --- drafts ---------------------------------------------------------------------------

    def drafts(self, cluster: str, year: int) -> list[DraftRow]:
        with self.session() as s:
            return list(s.scalars(select(DraftRow).where(DraftRow.cluster == cluster, DraftRow.year == year)
                                  .order_by(DraftRow.version, DraftRow.kind)))

    def reserve_drafts(self, rows: list[DraftRow]) -> None:
        with self.session() as s:
            s.add_all(rows)

    def finish_draft(self, draft_id: int, sha256: str) -> None:
        with self.session() as s:
            row = s.get(DraftRow, draft_id)
            row.sha256, row.status = sha256, DraftStatus.DONE.value

    # --- locks ----------------------------------------------------------------------------

    @contextmanager
    def lock(self, name: str, run_id: str, wait: float = 0.0) -> Iterator[bool]:
        """A named lock across processes and hosts; yields False if another live holder keeps it
        for ``wait`` seconds (by default it does not wait)."""
        deadline = time.monotonic() + wait
        acquired = self._acquire(name, run_id)
        while not acquired and time.monotonic() < deadline:
            time.sleep(_LOCK_POLL)
            acquired = self._acquire(name, run_id)
        try:
            yield acquired
        finally:
            if acquired:
                with self.session() as s:
                    s.execute(delete(LockRow).where(LockRow.name == name, LockRow.holder == run_id))

    def _acquire(self, name: str, run_id: str) -> bool:
        try:
            with self.session() as s:
                s.add(LockRow(name=name, holder=run_id, host=self.host, pid=self.pid, acquired_at=now()))
            return True
        except IntegrityError:
            pass
        with self.session() as s:
            row = s.get(LockRow, name)
        if row is None:
            return self._acquire(name, run_id)
        if _alive(row.host, row.pid, row.acquired_at):
            return False
        with self.session() as s:
            taken = s.execute(
                update(LockRow).where(LockRow.name == name, LockRow.holder == row.holder)
                .values(holder=run_id, host=self.host, pid=self.pid, acquired_at=now())
            )
            return taken.rowcount == 1


_LOCK_POLL = 0.2  # seconds between tries for a held lock


def _create_tables(engine: Engine) -> None:
    """Create missing tables. Two runs starting together may race to create them: the loser
    sees "already exists" and checks again."""
    for attempt in range(5):
        try:
            Base.metadata.create_all(engine)
            _add_missing_columns(engine)
            return
        except (OperationalError, ProgrammingError, IntegrityError):
            if attempt == 4:
                raise
            time.sleep(0.2 * (attempt + 1))


def _add_missing_columns(engine: Engine) -> None:
    """Bring a ledger made by an older tdkt up to date: columns added since are added (nullable,
    so existing rows stay valid). Only additive changes are made this way."""
    existing = inspect(engine)
    with engine.begin() as connection:
        for table in Base.metadata.sorted_tables:
            present = {c["name"] for c in existing.get_columns(table.name)}
            for column in table.columns:
                if column.name not in present and column.nullable:
                    kind = column.type.compile(dialect=engine.dialect)
                    connection.execute(text(f'ALTER TABLE {table.name} ADD COLUMN "{column.name}" {kind}'))


_open: dict[str, Ledger] = {}
_open_lock = threading.Lock()


@contextmanager
def opened_ledger(url: str) -> Iterator[Ledger]:
    """The ledger at ``url`` for the duration, shared by everything in this process that asks for the
    same URL meanwhile: a run's tasks (threads) use the run's engine instead of each building one
    and checking the schema again. Closed when the first opener is done."""
    with _open_lock:
        ledger = _open.get(url)
        mine = ledger is None
        if mine:
            ledger = _open[url] = Ledger(url)
    try:
        yield ledger
    finally:
        if mine:
            with _open_lock:
                _open.pop(url, None)
            ledger.close()


def _engine_options(url: str) -> dict:
    if url.startswith("sqlite"):
        return {"connect_args": {"timeout": 60}}
    return {"pool_pre_ping": True}


def _sqlite_pragmas(dbapi_connection: object, _record: object) -> None:
    # WAL lets readers work while one run writes; the busy timeout makes concurrent writers wait.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=60000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()
