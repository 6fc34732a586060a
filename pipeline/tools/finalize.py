"""`tdkt finalize`: make the conference set agree with the nomination list the reviewers edited.

The reviewers' list is the truth. The documents that depend on it (the proposal letter, the
minutes' scoring and ballot tables, the summary's scoring table and proposals) are rendered again
from the decided result, and only their data regions (Word bookmarks ``tdkt_…``) are put into the
reviewers' latest copy of each document, so everything they wrote elsewhere stays. Votes already
written into the ballot table are carried over. Where a reviewer reworded a data region itself,
their wording is kept and the conflict reported. Nothing in the drafts folder is modified: the
finished set goes to a new folder beside it, with a report of what changed against tdkt's proposal.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import docx

from pipeline.core.errors import WorkspaceError
from pipeline.core.textnorm import format_number as fmt
from pipeline.drafts.regions import (
    carry_filled_in,
    fill_in_masks,
    region_blocks,
    region_names,
    region_text,
    replace_region,
    set_cell_text,
)
from pipeline.drafts.render import DEPENDS_ON_LIST, DOCUMENTS, NOMINATIONS, render_document, write_new
from pipeline.results.outcome import ClusterResult
from pipeline.results.run_report import load_run_result
from pipeline.tools.nomination_list import (
    EditedList,
    apply_list,
    compare,
    inconsistencies,
    read_nomination_list,
)
from pipeline.tools.set_check import check_set

OUT_DIR = "hoan-thien"
REGION_LABELS = {
    "xep_hang": "kết quả xếp hạng",
    "de_nghi": "đề nghị khen thưởng",
    "bang_diem": "bảng kết quả chấm điểm",
    "bieu_quyet": "biểu quyết đề nghị khen thưởng",
    "tong_hop": "kết quả theo nhóm tiêu chí",
    "ket_qua_don_vi": "kết quả của từng đơn vị",
    "phu_luc": "phụ lục bảng điểm chi tiết",
}


@dataclass
class Finalized:
    nomination_list: Path
    out_dir: Path
    written: list[Path] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)
    updates: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    report: Path | None = None


def finalize(drafts: Path, year: int | None = None, nomination_list: Path | None = None) -> Finalized:
    """Finish the set in ``drafts`` (a `tdkt run --out` folder or a workspace's drafts/<cụm>/<năm>)."""
    if not drafts.is_dir():
        raise WorkspaceError(f"không thấy thư mục dự thảo {drafts}")
    proposed = load_run_result(drafts, year)
    year = proposed.year
    listed = nomination_list or latest_edit(drafts, NOMINATIONS, year)
    if listed is None:
        raise WorkspaceError(f"không thấy danh sách đề nghị khen thưởng năm {year} trong {drafts}")
    try:
        edited = read_nomination_list(listed, proposed)
    except ValueError as e:
        raise WorkspaceError(str(e)) from e
    except Exception as e:  # a file Word left half-saved or not a .docx at all
        raise WorkspaceError(f"không đọc được {listed.name}: {e}") from e
    decided = apply_list(proposed, edited)
    out = drafts / OUT_DIR
    out.mkdir(exist_ok=True)
    done = Finalized(nomination_list=listed, out_dir=out, changes=compare(proposed, edited),
                     problems=edited.problems + inconsistencies(edited))
    done.written.append(_finish_list(listed, edited, decided, out / DOCUMENTS[NOMINATIONS].name_for(year), done))
    with tempfile.TemporaryDirectory(prefix="tdkt-finalize-") as tmp:
        for kind in DEPENDS_ON_LIST:
            document = DOCUMENTS[kind]
            target = out / document.name_for(year)
            fresh = render_document(kind, decided, Path(tmp) / f"moi-{document.name_for(year)}")
            base = latest_edit(drafts, kind, year)
            if base is None:
                done.written.append(_copy(fresh, target))
                done.updates.append(f"{document.label}: chưa có bản dự thảo, đã lập mới theo danh sách.")
                continue
            original = render_document(kind, proposed, Path(tmp) / f"goc-{document.name_for(year)}")
            done.written.append(_merge(kind, base, fresh, original, target, done, figure_changes(proposed, decided)))
        for kind in DOCUMENTS:
            if kind not in DEPENDS_ON_LIST and kind != NOMINATIONS:
                base = latest_edit(drafts, kind, year)
                if base is not None:
                    done.written.append(_copy(base, out / DOCUMENTS[kind].name_for(year)))
    # Read the finished set back as a reviewer would: any figure still disagreeing with the list
    # (a passage a reviewer reworded, a part that could not be updated) is named.
    done.problems += [f"Số liệu chưa khớp danh sách — {p}" for p in check_set(done.written, decided)]
    done.report = _write_report(done, year)
    return done


def latest_edit(drafts: Path, kind: str, year: int) -> Path | None:
    """The most recently saved version of a document in ``drafts`` (the one reviewers worked on):
    'name.docx', 'name (bản 2).docx', a copy saved as 'name - sửa.docx'…; Word lock files ignored."""
    stem = DOCUMENTS[kind].name_for(year).removesuffix(".docx")
    found = [p for p in drafts.glob(f"{stem}*.docx") if not p.name.startswith(("~$", ".~lock", ".tdkt-"))]
    return max(found, key=lambda p: (p.stat().st_mtime, p.name)) if found else None


def figure_changes(proposed: ClusterResult, decided: ClusterResult) -> dict[str, str]:
    """Per unit name, the figures the list changed: 'tổng điểm 92,5 → 93; xếp thứ 4 → 5'."""
    before = {u.member_id: u for u in proposed.board.units}
    was, now = (_awards(r) for r in (proposed, decided))
    changes = {}
    for unit in decided.board.units:
        old = before.get(unit.member_id)
        if old is None:
            continue
        parts = []
        if abs(old.total - unit.total) > 0.005:
            parts.append(f"tổng điểm {fmt(old.total)} → {fmt(unit.total)}")
        if old.rank != unit.rank:
            parts.append(f"xếp thứ {old.rank} → {unit.rank}")
        if was.get(unit.member_id, _NO_AWARD) != now.get(unit.member_id, _NO_AWARD):
            parts.append(f"hình thức “{was.get(unit.member_id, _NO_AWARD)}” → “{now.get(unit.member_id, _NO_AWARD)}”")
        if parts:
            changes[unit.name] = "; ".join(parts)
    return changes


_NO_AWARD = "Không đề nghị"


def _awards(result: ClusterResult) -> dict[str, str]:
    return {n.member_id: n.award or _NO_AWARD for n in result.nominations.nominations}


def _merge(kind: str, base: Path, fresh: Path, original: Path, target: Path, done: Finalized,
           changes: dict[str, str]) -> Path:
    label = DOCUMENTS[kind].label
    try:
        edited_doc = docx.Document(str(base))
    except Exception:  # half-saved, or saved in another format under the .docx name
        done.problems.append(f"{base.name}: không mở được bản đã sửa (tệp hỏng hoặc không phải .docx); tdkt lập "
                             f"{label} mới theo danh sách, cần chép lại phần đã sửa tay.")
        return _copy(fresh, target)
    fresh_doc, original_doc = docx.Document(str(fresh)), docx.Document(str(original))
    body, fresh_body, original_body = (d.element.body for d in (edited_doc, fresh_doc, original_doc))
    changed = []
    for name in region_names(fresh_body):
        part = REGION_LABELS.get(name, name)
        old = region_blocks(body, name)
        if old is None:
            done.problems.append(f"{base.name}: không còn phần “{part}” (có thể đã bị xóa khi sửa); phần này không "
                                 "được cập nhật, cần sửa tay theo danh sách.")
            continue
        ours = region_blocks(original_body, name) or []
        masks = fill_in_masks(ours)
        if region_text(old, masks) != region_text(ours, masks):
            words = " ".join(region_text(ours))
            figures = [f"{name}: {change}" for name, change in changes.items() if name in words]
            done.problems.append(f"{base.name}: phần “{part}” đã được người rà soát sửa tay nên tdkt giữ nguyên; "
                                 "cần đối chiếu với danh sách đề nghị khen thưởng"
                                 + (f" ({'; '.join(figures)})." if figures else "."))
            continue
        new = region_blocks(fresh_body, name) or []
        if region_text(new) == region_text(old):
            continue
        carry_filled_in(old, new)
        replace_region(body, fresh_body, name)
        changed.append(part)
    if changed:
        done.updates.append(f"{label} ({base.name}): đã cập nhật phần {', '.join(f'“{c}”' for c in changed)} theo "
                            "danh sách; các phần khác giữ nguyên như bản đã sửa.")
    else:
        done.updates.append(f"{label} ({base.name}): không có phần nào cần cập nhật; giữ nguyên bản đã sửa.")
    return _save(edited_doc, target)


def _finish_list(listed: Path, edited: EditedList, decided: ClusterResult, target: Path, done: Finalized) -> Path:
    """The reviewers' list as they left it, except tdkt's own reasons that quote what they changed
    (“Xếp thứ 6/6 với 92,5 điểm” beside a corrected 93): those are written again from the list."""
    rewritten = [(row, n.reason) for row, n in zip(edited.units, decided.nominations.nominations, strict=True)
                 if n.reason != row.reason]
    if not rewritten or edited.reason_column is None:
        return _copy(listed, target)
    document = docx.Document(str(listed))
    table = document.tables[edited.table]
    for row, reason in rewritten:
        set_cell_text(table.rows[row.table_row].cells[edited.reason_column], reason)
        done.updates.append(f"{DOCUMENTS[NOMINATIONS].label}: lý do của {row.name} viết lại theo danh sách: “{reason}” "
                            f"(trước: “{row.reason}”).")
    return _save(document, target)


def _save(document: docx.document.Document, target: Path) -> Path:
    return write_new(target, document.save)


def _copy(source: Path, target: Path) -> Path:
    return write_new(target, lambda tmp: shutil.copyfile(source, tmp))


def _write_report(done: Finalized, year: int) -> Path:
    lines = [
        f"HOÀN THIỆN HỒ SƠ THI ĐUA, KHEN THƯỞNG NĂM {year}",
        "",
        f"Danh sách đề nghị khen thưởng dùng làm căn cứ: {done.nomination_list.name}",
        "",
        "1. Thay đổi so với đề xuất của tdkt:",
        *([f"   - {c}" for c in done.changes] or ["   Không có thay đổi: danh sách giữ nguyên đề xuất của tdkt."]),
        "",
        "2. Văn bản đã cập nhật theo danh sách:",
        *[f"   - {u}" for u in done.updates],
        "",
        "3. Cần kiểm tra:",
        *([f"   - {p}" for p in done.problems] or ["   Không có."]),
        "",
        f"Bộ hồ sơ hoàn thiện (thư mục {done.out_dir.name}/):",
        *[f"   - {p.name}" for p in done.written],
    ]
    text = "\n".join(lines) + "\n"
    return write_new(done.out_dir / f"bao-cao-hoan-thien-{year}.txt",
                     lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))
