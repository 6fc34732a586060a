"""Change notes: what a new version of a workspace's drafts changes against the one before it."""

from __future__ import annotations

import json
from pathlib import Path

from extractors import file_sha256
from pipeline.core.textnorm import format_number as fmt
from pipeline.results.outcome import ClusterResult
from pipeline.runs.ledger import DraftRow


def draft_summary(result: ClusterResult) -> dict:
    """What a version says, kept in the ledger so the next version can be compared with it."""
    awards = {n.member_id: n for n in result.nominations.nominations}
    return {
        "units": {
            u.member_id: {"name": u.name, "total": u.total, "rank": u.rank,
                          "award": awards[u.member_id].award, "status": awards[u.member_id].status.value,
                          "file": result.reports[u.member_id].file}
            for u in result.board.units
        },
        "leader": result.nominations.leadership.leader,
        "deputy": result.nominations.leadership.deputy,
    }


def change_note(result: ClusterResult, previous: list[DraftRow], out_dir: Path) -> str:
    new = draft_summary(result)
    version = previous[0].version + 1 if previous else 1
    lines = [f"GHI CHÚ THAY ĐỔI — bản {version} so với bản {version - 1}, năm {result.year}", ""]
    lines += _edited(previous, out_dir)
    old = json.loads(previous[0].summary) if previous and previous[0].summary else {"units": {}}
    changes = _unit_changes(old["units"], new["units"])
    for key, label in (("leader", "Cụm trưởng"), ("deputy", "Cụm phó")):
        if old.get(key) != new.get(key):
            before, after = old.get(key) or "(chưa có)", new.get(key) or "(chưa có)"
            changes.append(f"- {label} năm {result.year + 1}: {before} → {after}")
    lines += changes or ["- Kết quả chấm điểm và đề nghị khen thưởng không đổi (thay đổi ở dữ liệu đầu vào "
                         "hoặc mẫu văn bản)."]
    return "\n".join(lines) + "\n"


def _edited(previous: list[DraftRow], out_dir: Path) -> list[str]:
    """Tell reviewers which files of the previous version they changed: tdkt left those untouched."""
    edited = []
    for row in previous:
        path = out_dir / Path(row.path).name  # the ledger keeps drafts' names (drafting.located)
        if row.kind != "changes" and path.exists() and row.sha256 and file_sha256(path) != row.sha256:
            edited.append(path.name)
    if not edited:
        return []
    return [f"Bản trước đã được chỉnh sửa: {', '.join(edited)}. tdkt giữ nguyên các tệp đó; "
            "nếu cần, hãy chép phần đã sửa sang bản mới.", ""]


def _unit_changes(old: dict, new: dict) -> list[str]:
    lines = []
    for member_id, unit in new.items():
        before = old.get(member_id)
        name = unit["name"]
        if before is None:
            lines.append(f"- Thêm {name} ({fmt(unit['total'])} điểm, xếp thứ {unit['rank']}; báo cáo {unit['file']}).")
            continue
        if before["file"] != unit["file"]:
            lines.append(f"- {name}: dùng báo cáo mới {unit['file']} thay cho {before['file']}.")
        if before["total"] != unit["total"] or before["rank"] != unit["rank"]:
            lines.append(f"- {name}: {fmt(before['total'])} → {fmt(unit['total'])} điểm, "
                         f"xếp thứ {before['rank']} → {unit['rank']}.")
        if (before["award"], before["status"]) != (unit["award"], unit["status"]):
            lines.append(f"- {name}: đề nghị {_award(before)} → {_award(unit)}.")
    for member_id, unit in old.items():
        if member_id not in new:
            lines.append(f"- Bỏ {unit['name']} (không còn báo cáo hợp lệ).")
    return lines


def _award(unit: dict) -> str:
    if not unit["award"]:
        return "không đề nghị"
    return unit["award"] + (" (Cụm biểu quyết)" if unit["status"] == "tie_vote" else "")
