"""What the command line is given, checked before any file is read: paths that must exist, a
year that can be a report year. Each problem is one Vietnamese sentence for the user."""

from __future__ import annotations

import argparse
import datetime as dt
import errno
from pathlib import Path

# (argument, what it must be): "file" or "folder"
_PATHS: dict[str, tuple[tuple[str, str], ...]] = {
    "run": (("inbox", "folder"), ("rubric", "file"), ("rules", "file"), ("cluster", "file")),
    "extract": (("file", "file"), ("rubric", "file"), ("cluster", "file")),
    "process": (("workspace", "folder"),),
    "explain": (("from_run", "any"),),
    "finalize": (("drafts", "folder"), ("nomination_list", "file")),
}
_FIRST_YEAR = 1990  # emulation reports tdkt can meet are after this


def check_arguments(args: argparse.Namespace) -> str | None:
    """The first problem with the arguments, or None."""
    for name, kind in _PATHS.get(args.command, ()):
        path = getattr(args, name, None)
        problem = _path_problem(path, kind) if path is not None else None
        if problem:
            return problem
    if args.command == "explain" and not args.from_run and not args.workspace.is_dir():
        return f"không thấy thư mục không gian làm việc {args.workspace}"
    year = getattr(args, "year", None)
    last = dt.date.today().year + 1
    if year is not None and not _FIRST_YEAR <= year <= last:
        return f"năm {year} không thể là năm tổng kết (từ {_FIRST_YEAR} đến {last})"
    return None


def _path_problem(path: Path, kind: str) -> str | None:
    if not path.exists():
        return f"không thấy {'thư mục' if kind == 'folder' else 'tệp'} {path}"
    if kind == "folder" and not path.is_dir():
        return f"{path} là một tệp, cần một thư mục"
    if kind == "file" and not path.is_file():
        return f"{path} là một thư mục, cần một tệp"
    return None


def os_error_message(error: OSError) -> str:
    """An operating-system error as the user can act on it."""
    where = f" {error.filename}" if error.filename else ""
    if isinstance(error, FileNotFoundError):
        return f"không thấy{where}"
    if isinstance(error, PermissionError):
        return f"không có quyền đọc hoặc ghi{where}"
    if isinstance(error, IsADirectoryError):
        return f"{where.strip()} là một thư mục, cần một tệp"
    if error.errno == errno.ENOSPC:
        return f"ổ đĩa đã đầy khi ghi{where}; hãy giải phóng chỗ trống rồi chạy lại (không tệp nào bị mất)"
    return f"lỗi hệ thống khi truy cập{where}: {error.strerror or error}"


DISK_FULL = ("ổ đĩa đã đầy khi ghi sổ theo dõi hoặc dự thảo; hãy giải phóng chỗ trống trên ổ chứa không gian làm việc "
             "rồi chạy lại (không tệp nào bị mất: lần chạy sau làm tiếp)")


def disk_full(error: BaseException) -> bool:
    """Whether ``error`` (or what caused it: a database driver wraps the OS's error) is a full disk."""
    seen = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, OSError) and error.errno == errno.ENOSPC:
            return True
        if any(words in str(error).lower() for words in ("disk is full", "no space left on device")):
            return True
        error = error.__cause__ or error.__context__
    return False
