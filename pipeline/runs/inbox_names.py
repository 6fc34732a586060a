"""Names in an inbox that are not documents to read, and why: said in the run report, so every
entry of the inbox is accounted for. One vocabulary for the one-shot run and the workspace."""

from __future__ import annotations

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
