"""tdkt's exceptions. Messages are Vietnamese: they reach officers as they are."""

from __future__ import annotations

from enum import StrEnum


class TdktError(Exception):
    """Base of every error tdkt raises on purpose."""


class RejectReason(StrEnum):
    """Why an inbox file was set aside; each reason has its own plain message."""

    EMPTY = "empty"
    UNSUPPORTED = "unsupported"
    CORRUPT = "corrupt"
    ENCRYPTED = "encrypted"
    TOO_LARGE = "too_large"
    MISSING_TOOL = "missing_tool"
    NOT_A_REPORT = "not_a_report"
    RUBRIC_DOCUMENT = "rubric_document"  # set aside by an older tdkt: imported now
    CRITERIA_UNREADABLE = "criteria_unreadable"  # a criteria document whose table could not be imported
    UNKNOWN_UNIT = "unknown_unit"
    WRONG_YEAR = "wrong_year"
    DUPLICATE = "duplicate"
    SUPERSEDED = "superseded"
    SKIPPED = "skipped"  # not a document: a lock or temporary file, configuration, a link out
    LIMIT = "limit"  # its reading needed more memory or time than allowed, or the reader died
    VANISHED = "vanished"  # deleted or renamed between the listing of the inbox and its reading
    INTERNAL = "internal"


class RejectedFileError(TdktError):
    """Raised when one inbox file cannot be used; the run sets it aside and goes on."""

    def __init__(self, file: str, reason: RejectReason, message: str):
        super().__init__(f"{file}: {message}")
        self.file = file
        self.reason = reason
        self.message = message


class ConfigError(TdktError):
    """Raised when a cluster, rubric or rules file is invalid; names the file and line."""

    def __init__(self, file: str, problems: list[str]):
        self.file = file
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"Tệp cấu hình {file} không hợp lệ:\n{lines}")


class TemplateError(TdktError):
    """Raised when a draft template names data the pipeline does not provide, or is broken."""


class NoReportsError(TdktError):
    """Raised when a run finds no usable unit report at all, so no draft can be written."""


class WorkspaceError(TdktError):
    """A workspace, cluster or year asked for that is not there."""


class ServerError(TdktError):
    """Raised when the Prefect server tdkt starts for itself cannot be started or does not answer."""
