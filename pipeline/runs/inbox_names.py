"""Names in an inbox that are not documents to read, and why: said in the run report, so every
entry of the inbox is accounted for. One vocabulary for the one-shot run and the workspace."""

from __future__ import annotations

import stat
from pathlib import Path

# Office owner/lock files (Word's "~$…", LibreOffice's ".~lock.…#"): gone when the document closes.
LOCK_PREFIXES = ("~$", ".~lock.")
# Downloads and copies still in progress.
TEMP_SUFFIXES = (".tmp", ".part", ".crdownload", ".partial", ".download", ".filepart")
# An officer's configuration beside the reports (cluster, rubric, rules).
CONFIG_SUFFIXES = (".yaml", ".yml")


def skip_reason(name: str) -> str | None:
    """Why a file of this name is not read, in the run report's words; None for a document."""
    lower = name.lower()
    if name.startswith(LOCK_PREFIXES):
        return "tệp khóa tạm của Word/LibreOffice (tự mất khi đóng tài liệu), không phải báo cáo; bỏ qua"
    if lower.endswith(TEMP_SUFFIXES):
        return "tệp đang tải về hoặc đang chép dở; bỏ qua (lần chạy sau sẽ đọc bản đã chép xong)"
    if lower.endswith(CONFIG_SUFFIXES):
        return "tệp cấu hình (YAML), không phải báo cáo; bỏ qua"
    if name.startswith("."):
        return "tệp ẩn, không phải báo cáo; bỏ qua"
    return None


def entry_reason(path: Path, root: Path) -> str | None:
    """Why an inbox entry is not read, whatever it is; None for a document to read. Nothing is
    opened: a FIFO would block the run, a device could be endless. ``root`` is the inbox, resolved."""
    try:
        info = path.lstat()
    except OSError:
        return "tệp vừa bị xóa hoặc đổi tên trong lúc đọc hộp thư; để lần sau"
    if stat.S_ISLNK(info.st_mode):
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError):  # RuntimeError: a loop of links
            return "liên kết hỏng (không trỏ tới tệp nào); bỏ qua"
        if not target.is_relative_to(root):
            return "liên kết trỏ ra ngoài hộp thư; bỏ qua"
        try:
            info = target.stat()
        except OSError:
            return "liên kết hỏng (không trỏ tới tệp nào); bỏ qua"
    if stat.S_ISDIR(info.st_mode):
        return None  # walked into by the caller
    if not stat.S_ISREG(info.st_mode):
        kind = ("ống dẫn (FIFO)" if stat.S_ISFIFO(info.st_mode) else "socket" if stat.S_ISSOCK(info.st_mode)
                else "thiết bị" if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode) else "mục đặc biệt")
        return f"{kind}, không phải tệp thông thường; bỏ qua"
    return skip_reason(path.name)
