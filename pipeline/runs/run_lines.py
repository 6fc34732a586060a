"""The Vietnamese lines a run reports as it works: one per file, one per cluster. The same words
go to the terminal, to a scheduled run's output and to the Prefect run's logs."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from pipeline.core.textnorm import printable
from pipeline.results.outcome import FileOutcome
from pipeline.runs.intake import Ingested, Outcome

if TYPE_CHECKING:
    from pipeline.runs.workspace_run import ClusterRun

OUTCOME_WORDS = {
    Outcome.READ: "đã đọc",
    Outcome.REJECTED: "không dùng",
    Outcome.DUPLICATE: "trùng lặp, không dùng",
    Outcome.WAITING: "để lần sau",
    Outcome.BUSY: "lần chạy khác đang xử lý",
    Outcome.CRITERIA: "bảng tiêu chí của Cụm",
}


def ingested_line(key: str, item: Ingested) -> str:
    """'ctd18: BC 2023.docx: đã đọc (Trường Cao đẳng Y tế Hà Nội, năm 2023)'."""
    if item.outcome is Outcome.READ:
        detail = f" ({item.unit or 'chưa rõ đơn vị'}, năm {item.year})" if item.unit or item.year else ""
    else:
        detail = f": {item.message}" if item.message else ""
    return printable(f"{key}: {item.name}: {OUTCOME_WORDS[item.outcome]}{detail}")


def outcome_line(outcome: FileOutcome) -> str:
    """A file of a one-shot run, once it is opened and (if a report) understood."""
    if outcome.criteria is not None:
        return printable(f"{outcome.file}: bảng tiêu chí của Cụm, đã nhập ({outcome.criteria.describe()})")
    if outcome.rejection is not None:
        return printable(f"{outcome.file}: không dùng: {outcome.rejection.message}")
    facts = outcome.facts
    unit = facts.unit.name if facts and facts.unit else "chưa rõ đơn vị"
    return printable(f"{outcome.file}: đã đọc ({unit}, năm {facts.year if facts else '?'})")


def cluster_line(run: ClusterRun) -> str:
    """'ctd18: 7 tệp mới (6 đã đọc, 1 không dùng), 2 để lần sau; năm 2023: đã ghi dự thảo bản 2'."""
    if run.problem:
        return f"{run.key}: không xử lý được Cụm này: {run.problem}"
    parts = []
    if run.ingested:
        counts = Counter(OUTCOME_WORDS[i.outcome] for i in run.ingested)
        parts.append(f"{len(run.ingested)} tệp mới ({', '.join(f'{n} {w}' for w, n in counts.items())})")
    else:
        parts.append("không có tệp mới")
    if run.waiting:
        parts.append(f"{len(run.waiting)} tệp để lần sau")
    if run.skipped:
        parts.append(f"{len(run.skipped)} mục không phải báo cáo (xem kết quả xử lý)")
    if run.drafting_skipped:
        parts.append("lần chạy khác đang viết dự thảo")
    for year in run.years:
        parts.append(f"năm {year.year}: đã ghi dự thảo bản {year.version}" if year.version
                     else f"năm {year.year}: dự thảo giữ nguyên")
    return printable(f"{run.key}: " + "; ".join(parts))
