"""Fixture documents built in code: small unit reports in the shape units write them."""

from __future__ import annotations

from pathlib import Path

import docx

from pipeline.config.rubric import GroupKind, Rubric


def report_docx(path: Path, rubric: Rubric, unit: str, scores: dict[str, float], *, year: int = 2023,
                parent: str = "UBND THÀNH PHỐ HÀ NỘI", number: str = "15/BC-TEST", place: str = "Hà Nội",
                date: str = "ngày 10 tháng 12 năm 2023", narrative: list[str] | None = None,
                total: str = "row", stated_total: float | None = None) -> Path:
    """A year-end report: header table, title, narrative paragraphs, self-scoring table and its
    total: a total row (``total="row"``), a sentence under the table ("text") or none ("none");
    ``stated_total`` writes another total than the rows add up to."""
    doc = docx.Document()
    header = doc.add_table(rows=2, cols=2)
    header.cell(0, 0).text = f"{parent}\n{unit.upper()}"
    header.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    header.cell(1, 0).text = f"Số: {number}"
    header.cell(1, 1).text = f"{place}, {date}"
    doc.add_paragraph("BÁO CÁO")
    doc.add_paragraph(f"Tổng kết công tác thi đua, khen thưởng năm {year}")
    for text in narrative or []:
        doc.add_paragraph(text)
    doc.add_paragraph("BẢNG TỰ CHẤM ĐIỂM")
    table = doc.add_table(rows=1, cols=4)
    table.style = doc.styles["Table Grid"]
    for cell, text in zip(table.rows[0].cells, ("TT", "Nội dung tiêu chí", "Điểm chuẩn", "Điểm tự chấm"), strict=True):
        cell.text = text
    summed = 0.0
    for group in rubric.groups:
        _row(table, group.code, group.title, group.max, None)
        for i, criterion in enumerate(group.leaves(), start=1):
            value = scores.get(criterion.code)
            _row(table, str(i), criterion.title, criterion.max, value)
            sign = -1 if criterion.kind is GroupKind.DEDUCTION else 1
            summed += sign * (value or 0)
    stated = summed if stated_total is None else stated_total
    if total == "row":
        _row(table, "", "Tổng cộng", rubric.scale, stated)
    elif total == "text":
        doc.add_paragraph(f"Tổng cộng: {_vn(stated)}/{_vn(rubric.scale)} điểm.")
    doc.save(path)
    return path


def _row(table: object, code: str, label: str, maximum: float | None, value: float | None) -> None:
    cells = table.add_row().cells
    cells[0].text = code
    cells[1].text = label
    cells[2].text = "" if maximum is None else _vn(maximum)
    cells[3].text = "" if value is None else _vn(value)


def _vn(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def full_scores(rubric: Rubric, minus: float = 0.0) -> dict[str, float]:
    """Every standard criterion at its maximum, the first criterion ``minus`` points lower."""
    scores = {}
    for _, criterion in rubric.leaves():
        if criterion.kind is GroupKind.STANDARD:
            scores[criterion.code] = criterion.max
    first = next(iter(scores))
    scores[first] -= minus
    return scores


def times_named(report_text: str, inbox: Path) -> dict[str, int]:
    """How many entries of the run report name each file of ``inbox`` ("  - name: …", or the
    criteria document in the "Bảng tiêu chí" part): every file must be named exactly once."""
    lines = [line.strip() for line in report_text.splitlines()]
    names = sorted(p.relative_to(inbox).as_posix() for p in inbox.rglob("*") if p.is_file() or p.is_symlink())
    return {name: sum(1 for line in lines if line.startswith(f"- {name}:") or f"trong hộp thư: {name}" in line
                      or f"trong hộp thư {name}" in line) for name in names}
