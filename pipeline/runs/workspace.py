"""The workspace an office leaves running: where files arrive, are kept, set aside and drafted.

    WS/
      tdkt.yaml                 schedule, ledger URL, Prefect server URL, settle time (optional)
      cluster.yaml rubric.yaml rules.yaml   the cluster of files dropped straight into inbox/
      inbox/                    officers drop reports (and the cluster's criteria document) here …
        cum-18/                 … or one folder per cluster, each with its own cluster.yaml
          cluster.yaml rubric.yaml rules.yaml
      archive/<sha256>.<ext>    a copy of every file taken in, named by content; never deleted
      rejected/<name> + <name>.txt   a copy of each file set aside, and why (Vietnamese)
      drafts/<cluster>/<year>/  versioned drafts and change notes
      drafts/<cluster>/bang-tieu-chi/<document> (<sha>)/rubric.yaml   an imported criteria document, to review
      ledger.sqlite             what was seen and done (or a PostgreSQL URL in tdkt.yaml)
"""

from __future__ import annotations

import grp
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from pipeline.config.cluster import load_cluster
from pipeline.core.configfile import load_model
from pipeline.core.files import FilePolicy, set_file_policy
from pipeline.core.settings import Settings
from pipeline.core.textnorm import strip_tones
from pipeline.results.outcome import Origin
from pipeline.runs.criteria_choice import ConfigFiles
from templates import DEFAULT_RUBRIC, DEFAULT_RULES

CONFIG_NAME = "tdkt.yaml"


class Schedule(BaseModel):
    model_config = ConfigDict(extra="forbid")

    interval_minutes: float | None = Field(default=None, gt=0)
    cron: str | None = Field(default=None, description="e.g. '*/10 7-18 * * 1-5'")
    timezone: str = "Asia/Ho_Chi_Minh"

    @model_validator(mode="after")
    def _one_kind(self) -> Schedule:
        if self.interval_minutes is not None and self.cron is not None:
            raise ValueError("chỉ chọn một trong interval_minutes hoặc cron")
        if self.interval_minutes is None and self.cron is None:
            self.interval_minutes = 10
        return self


class Limits(BaseModel):
    """Per-file reading limits a workspace sets in tdkt.yaml (`limits:`); unset ones keep the
    defaults (and the TDKT_… environment variables) of pipeline.core.settings."""

    model_config = ConfigDict(extra="forbid")

    max_memory_mb: int | None = Field(default=None, ge=64)
    max_seconds: float | None = Field(default=None, gt=0)
    read_workers: int | None = Field(default=None, ge=1, le=16)
    max_file_bytes: int | None = Field(default=None, gt=0)
    max_pages: int | None = Field(default=None, gt=0)
    max_unpacked_bytes: int | None = Field(default=None, gt=0)
    max_zip_entries: int | None = Field(default=None, gt=0)

    def settings(self) -> Settings:
        return Settings(**self.model_dump(exclude_none=True))


class WorkspaceConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    schedule: Schedule = Field(default_factory=Schedule)
    ledger_url: str | None = Field(default=None, description="SQLAlchemy URL; default: SQLite in the workspace")
    prefect_api_url: str | None = Field(default=None, description="Use this Prefect server instead of a local one")
    prefect_port: int = Field(default=4200, ge=1, le=65535,
                              description="Port of the local server `tdkt serve` starts (another if it is taken)")
    settle_seconds: float = Field(default=10, ge=0, description="A file must be unchanged this long to be read")
    file_mode: str | None = Field(default=None, pattern=r"^0?[0-7]{3}$",
                                  description="Mode of the files tdkt writes, e.g. '0664'; default: as the umask gives")
    group: str | None = Field(default=None, description="Group the files tdkt writes belong to (a share's group)")
    limits: Limits = Field(default_factory=Limits)
    clusters_at_once: int | None = Field(default=None, ge=1, le=64,
                                         description="Clusters processed side by side in one run (default: one "
                                         "more than the reading workers, so one drafts while the others read)")
    dask_address: str | None = Field(default=None, pattern=r"^(tcp|tls|inproc|ucx)://\S+$",
                                     description="A Dask scheduler (e.g. 'tcp://10.0.0.5:8786'): clusters are then "
                                     "processed by its workers, on other machines that share this workspace")

    @field_validator("group")
    @classmethod
    def _known_group(cls, group: str | None) -> str | None:
        if group is not None:
            try:
                grp.getgrnam(group)
            except KeyError:
                raise ValueError(f"không có nhóm người dùng '{group}' trên máy này") from None
        return group

    def file_policy(self) -> FilePolicy:
        return FilePolicy(mode=int(self.file_mode, 8) if self.file_mode else None,
                          gid=grp.getgrnam(self.group).gr_gid if self.group else None)


@dataclass(frozen=True)
class ClusterSource:
    """One cluster's inbox folder and its configuration files. The rubric and rules are the
    cluster's own (OFFICER: they beat a criteria document in its inbox), the workspace's shared
    ones (SHARED) or tdkt's defaults (DEFAULT)."""

    key: str
    inbox: Path
    config_dir: Path
    cluster_file: Path | None
    rubric_file: Path
    rubric_origin: Origin
    rules_file: Path
    rules_origin: Origin

    def config_files(self, root: Path) -> ConfigFiles:
        return ConfigFiles(self.rubric_file, self.rubric_origin, self.rules_file, self.rules_origin, base=root)


@dataclass(frozen=True)
class Workspace:
    root: Path

    @property
    def inbox(self) -> Path:
        return self.root / "inbox"

    @property
    def archive(self) -> Path:
        return self.root / "archive"

    @property
    def rejected(self) -> Path:
        return self.root / "rejected"

    @property
    def drafts(self) -> Path:
        return self.root / "drafts"

    def config(self) -> WorkspaceConfig:
        path = self.root / CONFIG_NAME
        try:
            stat = path.stat()
        except FileNotFoundError:
            return WorkspaceConfig()
        return _config(path, stat.st_mtime_ns, stat.st_size).model_copy(deep=True)

    @property
    def ledger_file(self) -> Path:
        """The SQLite ledger, used unless tdkt.yaml names another database."""
        return self.root / "ledger.sqlite"

    def ledger_url(self) -> str:
        return self.config().ledger_url or f"sqlite:///{self.ledger_file.resolve()}"

    def create(self) -> Workspace:
        """The workspace's folders made if missing, and the way its files are to be shared
        (tdkt.yaml's file_mode and group) set for this process's writes."""
        for folder in (self.inbox, self.archive, self.rejected, self.drafts):
            folder.mkdir(parents=True, exist_ok=True)
        set_file_policy(self.config().file_policy())
        return self

    def clusters(self) -> list[ClusterSource]:
        """The root inbox (if it holds files or the root has a cluster file), then each subfolder
        that has a cluster.yaml."""
        sources = []
        if self._has_files(self.inbox) or (self.root / "cluster.yaml").exists():
            sources.append(self._source(self.inbox, self.root, key=None))
        for folder in sorted(p for p in self.inbox.iterdir() if p.is_dir()) if self.inbox.is_dir() else []:
            if (folder / "cluster.yaml").exists():
                sources.append(self._source(folder, folder, key=folder.name))
        return sources

    def _source(self, inbox: Path, config_dir: Path, key: str | None) -> ClusterSource:
        cluster_file = config_dir / "cluster.yaml"
        cluster_file = cluster_file if cluster_file.exists() else None
        if key is None:
            key = cluster_key(load_cluster(cluster_file).symbol) if cluster_file else "cum"
        rubric_file, rubric_origin = self._config(config_dir, "rubric.yaml", DEFAULT_RUBRIC)
        rules_file, rules_origin = self._config(config_dir, "rules.yaml", DEFAULT_RULES)
        return ClusterSource(key=key, inbox=inbox, config_dir=config_dir, cluster_file=cluster_file,
                             rubric_file=rubric_file, rubric_origin=rubric_origin, rules_file=rules_file,
                             rules_origin=rules_origin)

    def _config(self, config_dir: Path, name: str, default: Path) -> tuple[Path, Origin]:
        """The cluster's own file, else the workspace's (for a cluster folder), else the default."""
        if (config_dir / name).exists():
            return config_dir / name, Origin.OFFICER
        if (self.root / name).exists():
            return self.root / name, Origin.SHARED
        return default, Origin.DEFAULT

    @staticmethod
    def _has_files(folder: Path) -> bool:
        return folder.is_dir() and any(
            p.is_file() and p.suffix.lower() not in (".yaml", ".yml") for p in folder.iterdir()
        )


def cluster_key(symbol: str) -> str:
    """'CTĐ18' → 'ctd18': a folder name that survives any file system."""
    return re.sub(r"[^a-z0-9]+", "-", strip_tones(symbol).replace("đ", "d").lower()).strip("-") or "cum"


@lru_cache(maxsize=32)
def _config(path: Path, mtime_ns: int, size: int) -> WorkspaceConfig:
    """tdkt.yaml parsed once per version of the file (a run asks for it for every file it reads)."""
    return load_model(path, WorkspaceConfig)
