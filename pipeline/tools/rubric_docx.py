"""The rubric as the Word table clusters sign ("Mã | Nội dung tiêu chí | Điểm chuẩn"), in the
drafts' styles: `tdkt rubric export --docx`."""

from __future__ import annotations

from pathlib import Path

import docx

from pipeline.config.rubric import Criterion, GroupKind, Rubric
from pipeline.core.textnorm import format_number as fmt
from pipeline.drafts.docx_format import fixed_widths, repeat_header_row, setup_document


def write_rubric_docx(rubric: Rubric, path: Path) -> Path:
    """The rubric as the Word table clusters sign: codes as the rubric keeps them, guidance under
    each title, "Chuẩn | Thưởng | Trừ" columns when bonus or deduction items sit inside criteria,
    caps as note rows. Importing it again gives the same rubric."""
    doc = docx.Document()
    setup_document(doc)
    doc.add_paragraph(rubric.name.upper() if len(rubric.name) < 90 else rubric.name, style="TDKT Trích yếu")
    doc.add_paragraph(f"(Thang điểm {fmt(rubric.scale)} điểm)", style="TDKT Căn cứ")
    columns = _columns(rubric)
    table = doc.add_table(rows=1, cols=2 + len(columns))
    table.style = doc.styles["Table Grid"]
    for cell, text in zip(table.rows[0].cells, ("Mã", "Nội dung tiêu chí", *columns.values()), strict=True):
        cell.paragraphs[0].text = text
        cell.paragraphs[0].style = doc.styles["TDKT Bảng tiêu đề"]
    writer = _TableWriter(doc, table, list(columns))
    for group in rubric.groups:
        writer.row("" if _generated(group.code) else group.code, group.title, group.guidance, group.kind,
                   group.points_text(), bold=True)
        for criterion in group.criteria:
            writer.criterion(criterion)
        writer.caps(group.code, group.bonus_cap, group.deduction_cap)
    writer.row("", "TỔNG CỘNG (điểm chuẩn)", "", GroupKind.STANDARD, fmt(rubric.scale), bold=True)
    fixed_widths(table, [18, 120 - 12 * (len(columns) - 1), *[27 if len(columns) == 1 else 15] * len(columns)])
    repeat_header_row(table)
    for kind, cap in ((GroupKind.BONUS, rubric.bonus_cap), (GroupKind.DEDUCTION, rubric.deduction_cap)):
        if cap is not None:
            what = "điểm thưởng" if kind is GroupKind.BONUS else "điểm trừ"
            doc.add_paragraph(f"Tổng {what} của cả bảng không quá {fmt(cap)} điểm.", style="TDKT Bảng")
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))
    return path


def _columns(rubric: Rubric) -> dict[GroupKind | None, str]:
    if rubric.has_nested_items():
        return {GroupKind.STANDARD: "Chuẩn", GroupKind.BONUS: "Thưởng", GroupKind.DEDUCTION: "Trừ"}
    return {None: "Điểm chuẩn"}


def _generated(code: str) -> bool:
    """A code tdkt made for a row the document wrote without one ('a1[2]'): written empty again."""
    return code.endswith("]")


class _TableWriter:
    def __init__(self, doc: object, table: object, columns: list[GroupKind | None]):
        self.doc, self.table, self.columns = doc, table, columns

    def criterion(self, criterion: Criterion) -> None:
        self.row("" if _generated(criterion.code) else criterion.code, criterion.title, criterion.guidance,
                 criterion.kind, criterion.points_text(), bold=criterion.holds_own_kind())
        for child in criterion.criteria:
            self.criterion(child)
        self.caps(criterion.code, criterion.bonus_cap, criterion.deduction_cap)

    def caps(self, code: str, bonus: float | None, deduction: float | None) -> None:
        for what, cap in (("điểm cộng", bonus), ("điểm trừ", deduction)):
            if cap is not None:
                self.row("", f"Ghi chú: Tổng {what} của mục {code} không quá {fmt(cap)} điểm", "",
                         GroupKind.STANDARD, "", bold=False)

    def row(self, code: str, title: str, guidance: str, kind: GroupKind, points: str, bold: bool) -> None:
        cells = self.table.add_row().cells
        column = kind if kind in self.columns else self.columns[0]
        texts = [code, title] + [points if c is column else "" for c in self.columns]
        for i, (cell, text) in enumerate(zip(cells, texts, strict=True)):
            cell.paragraphs[0].style = self.doc.styles["TDKT Bảng" if i == 1 else "TDKT Bảng giữa"]
            run = cell.paragraphs[0].add_run(text)
            run.bold = bold
        for line in guidance.split("\n") if guidance else []:
            cells[1].add_paragraph(line, style="TDKT Bảng trích dẫn")
