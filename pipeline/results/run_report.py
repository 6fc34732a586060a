"""The run report: a plain Vietnamese text an officer reads first, and the same as JSON."""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.core.errors import WorkspaceError
from pipeline.core.files import write_text_atomically
from pipeline.core.textnorm import format_number as fmt
from pipeline.core.textnorm import printable
from pipeline.results.outcome import ClusterResult, CriteriaChoice, CriteriaDocument, Origin, RunSummary
from pipeline.results.unit_proposals import unit_proposals


def write_run_report(summary: RunSummary, out_dir: Path) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    suffix = summary.year or "khong-ro-nam"
    text_path = out_dir / f"ket-qua-xu-ly-{suffix}.txt"
    write_text_atomically(text_path, "\n".join(report_lines(summary)) + "\n")
    write_text_atomically(out_dir / f"ket-qua-xu-ly-{suffix}.json", json.dumps(
        summary.model_dump(mode="json"), ensure_ascii=False, indent=1))
    return text_path


def report_lines(summary: RunSummary) -> list[str]:
    lines = [f"KẾT QUẢ XỬ LÝ HỘP THƯ — năm {summary.year or '(chưa xác định)'}", ""]
    if summary.criteria:
        lines += [*criteria_lines(summary.criteria), ""]
    used = summary.result.reports if summary.result else {}
    lines.append(f"Báo cáo được dùng để chấm điểm: {len(used)}")
    for facts in used.values():
        where = f"{facts.doc_number or 'không số'}" + (f", ngày {facts.doc_date:%d/%m/%Y}" if facts.doc_date else "")
        lines.append(f"  - {facts.file}: {facts.unit.name} ({where})")
        # Files joined into the unit's record (its table sent apart, or in parts) are used too.
        lines += [f"  - {part}: bảng tự chấm điểm của {facts.unit.name}, dùng cùng báo cáo {facts.file}"
                  for part in facts.merged_from]
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
        notes = [f"  - Cả Cụm: {note}" for note in result.review_notes]
        lines += notes + [f"  - {name}: {flag}" for name, flag in flagged] or ["  (không có)"]
        lines += ["", *drafting_lines(result)]
    if summary.problem:
        lines += ["", f"Không tạo được dự thảo: {summary.problem}"]
    if summary.drafts:
        # Names only: the report sits beside the drafts, and shared folders mount under other paths.
        lines += ["", "Dự thảo:"] + [f"  - {Path(d).name}" for d in summary.drafts]
    return [printable(line) for line in lines]  # file names may hold control characters


def drafting_lines(result: ClusterResult) -> list[str]:
    """How the drafts were written where rules decide it: the assessment lines of the summary,
    what the Tờ trình leaves out, and the awards units proposed for themselves."""
    lines = ["Cách viết dự thảo (sửa trong tệp quy tắc):",
             f"  - Đánh giá trong Báo cáo tổng kết (mục assessment): {result.rules.assessment.describe()}."]
    officer = result.rules.officer_award
    left_out = [a.name for a in result.rules.awards if not a.in_proposal_letter]
    left_out += [officer.name] if officer and not officer.in_proposal_letter and result.nominations.officers else []
    if left_out:
        lines.append(f"  - Tờ trình không gồm {'; '.join(left_out)}: hình thức do Cụm quyết định (decided_by: "
                     "cluster); ghi decided_by: superior để đưa vào Tờ trình.")
    own = [p for p in unit_proposals(result) if p.award]
    if own:
        lines += ["", "Đề nghị khen thưởng đơn vị tự nêu trong báo cáo (không đưa vào phần kiến nghị của Cụm; "
                  "Cụm đề nghị khen thưởng theo kết quả chấm điểm):"]
        lines += [f"  - {p.unit}: {p.text}." for p in own]
    return lines


_RUBRIC_FROM = {
    Origin.OFFICER: "tệp bảng tiêu chí của Cụm",
    Origin.SHARED: "tệp bảng tiêu chí chung của không gian làm việc",
    Origin.DEFAULT: "bảng tiêu chí mặc định của tdkt, không phải bảng của Cụm",
}
_RULES_FROM = {
    Origin.OFFICER: "tệp quy tắc của Cụm",
    Origin.SHARED: "tệp quy tắc chung của không gian làm việc",
    Origin.DEFAULT: "quy tắc mặc định của tdkt",
}
# Rows of an unclean import listed in the report; the rest are in the exported YAML's comments.
_GAPS_SHOWN = 10


def criteria_lines(choice: CriteriaChoice) -> list[str]:
    """The "Bảng tiêu chí" part: what the cluster was scored with, where it came from, what an
    officer should do about it."""
    doc = choice.document
    lines = ["Bảng tiêu chí chấm điểm:"]
    if choice.rubric_origin is Origin.DOCUMENT:
        lines.append(f"  - Dùng bảng tiêu chí trong hộp thư: {doc.file}{_dated(doc)} ({doc.describe()}).")
        lines += _gaps(doc)
    else:
        lines.append(f"  - Dùng {_RUBRIC_FROM[choice.rubric_origin]}: {choice.rubric_file}.")
        if doc is not None:
            lines.append(f"  - Bảng tiêu chí trong hộp thư {doc.file}{_dated(doc)} không dùng để chấm vì đã có "
                         f"{choice.rubric_file} do cán bộ viết (được ưu tiên).")
    lines.append(f"  - Quy tắc khen thưởng: {_rules_from(choice)}.")
    if choice.rules_origin is Origin.DOCUMENT and not doc.principles.complete:
        lines.append("  - Câu nguyên tắc khen thưởng tdkt chưa hiểu (đề xuất khen thưởng chưa phải kết quả chốt):")
        lines += [f"      · “{n.sentence}”: {n.why}" for n in doc.principles.not_understood]
    lines += [f"  - {name}: có dạng bảng tiêu chí nhưng không nhập được (lý do ở mục Tệp không dùng)."
              for name in choice.unreadable]
    lines += [f"  - {note}." for note in choice.notes]
    if choice.exported:
        lines.append("  - Bảng tiêu chí đã nhập được ghi ra để rà soát: " + "; ".join(choice.exported))
        lines.append(f"    {choice.adopt}")
    return lines


def _dated(doc: CriteriaDocument) -> str:
    return f" (ngày {doc.doc_date:%d/%m/%Y})" if doc.doc_date else ""


def _gaps(doc: CriteriaDocument) -> list[str]:
    if doc.clean:
        return []
    gaps = doc.problems + doc.unplaced
    lines = ["  - CHƯA KHỚP HOÀN TOÀN với văn bản: điểm dưới đây chưa phải kết quả chốt; đối chiếu bảng tiêu chí "
             "đã ký, sửa tệp rubric.yaml ghi ra bên dưới rồi dùng tệp đó:"]
    lines += [f"      · {gap}" for gap in gaps[:_GAPS_SHOWN]]
    if len(gaps) > _GAPS_SHOWN:
        lines.append(f"      · … và {len(gaps) - _GAPS_SHOWN} mục khác (ghi ở đầu tệp rubric.yaml)")
    return lines


def _rules_from(choice: CriteriaChoice) -> str:
    if choice.rules_origin is Origin.DOCUMENT:
        return f"nguyên tắc đề nghị khen thưởng trong {choice.document.file}"
    text = f"{_RULES_FROM[choice.rules_origin]}: {choice.rules_file}"
    doc = choice.document
    if doc is not None and doc.rules is not None and choice.rules_origin is Origin.OFFICER:
        text += f" (nguyên tắc trong {doc.file} không dùng vì đã có tệp do cán bộ viết)"
    elif doc is not None and doc.rules is None and choice.rubric_origin is Origin.DOCUMENT:
        text += " (bảng tiêu chí không nêu, hoặc tdkt chưa đọc được, nguyên tắc đề nghị khen thưởng)"
    return text



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
