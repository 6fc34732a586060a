"""The run report: a plain Vietnamese text an officer reads first, and the same as JSON."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from pipeline.errors import WorkspaceError
from pipeline.outcome import ClusterResult, RunSummary
from pipeline.textnorm import format_number as fmt


def write_run_report(summary: RunSummary, out_dir: Path) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    suffix = summary.year or "khong-ro-nam"
    text_path = out_dir / f"ket-qua-xu-ly-{suffix}.txt"
    _atomic_write(text_path, "\n".join(report_lines(summary)) + "\n")
    _atomic_write(out_dir / f"ket-qua-xu-ly-{suffix}.json", json.dumps(
        summary.model_dump(mode="json"), ensure_ascii=False, indent=1))
    return text_path


def report_lines(summary: RunSummary) -> list[str]:
    lines = [f"KẾT QUẢ XỬ LÝ HỘP THƯ — năm {summary.year or '(chưa xác định)'}", ""]
    used = summary.result.reports if summary.result else {}
    lines.append(f"Báo cáo được dùng để chấm điểm: {len(used)}")
    for facts in used.values():
        where = f"{facts.doc_number or 'không số'}" + (f", ngày {facts.doc_date:%d/%m/%Y}" if facts.doc_date else "")
        lines.append(f"  - {facts.file}: {facts.unit.name} ({where})")
    lines += ["", f"Tệp không dùng: {len(summary.rejected)}"]
    lines += [f"  - {r.file}: {r.message}" for r in summary.rejected]
    if summary.result:
        result = summary.result
        lines += ["", "Xếp hạng (điểm Cụm chấm):"]
        for unit in result.board.units:
            lines.append(f"  {unit.rank}. {unit.name}: {fmt(unit.total)} điểm")
        if result.missing:
            lines += ["", "Chưa có báo cáo hợp lệ của: " + "; ".join(result.missing)]
        lines += ["", "Cần rà soát:"]
        flagged = [(u.name, f) for u in result.board.units for f in u.flags]
        lines += [f"  - {name}: {flag}" for name, flag in flagged] or ["  (không có)"]
    if summary.problem:
        lines += ["", f"Không tạo được dự thảo: {summary.problem}"]
    if summary.drafts:
        # Names only: the report sits beside the drafts, and shared folders mount under other paths.
        lines += ["", "Dự thảo:"] + [f"  - {Path(d).name}" for d in summary.drafts]
    return lines


def _atomic_write(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(prefix=".tdkt-", dir=path.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


def load_run_result(path: Path, year: int | None = None) -> ClusterResult:
    """The result a `tdkt run` wrote: its JSON file, or the output folder holding it."""
    if path.is_dir():
        found = sorted(path.glob(f"ket-qua-xu-ly-{year or '*'}.json"))
        if not found:
            raise WorkspaceError(f"không thấy tệp ket-qua-xu-ly-….json trong {path}")
        path = found[-1]
    try:
        summary = RunSummary.model_validate_json(path.read_bytes())
    except (OSError, ValueError) as e:
        raise WorkspaceError(f"không đọc được kết quả xử lý {path}: {e}") from e
    if summary.result is None:
        raise WorkspaceError(f"{path.name}: lần chạy này không chấm điểm được ({summary.problem})")
    return summary.result
