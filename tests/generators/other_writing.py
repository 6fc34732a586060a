"""Writing generated documents (tests/generators/other_documents.py): the blocks they are made of,
as Word files, plain text (a table as tab-separated lines), or PDFs made with LibreOffice."""

from __future__ import annotations

import shutil
import tempfile
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.shared import Pt

from pipeline.config.rubric import GroupKind, Rubric

from .criteria_tables import FIXED_TIME, _save, _set_fonts, convert, new_page_document, soffice


@dataclass(frozen=True)
class Para:
    text: str
    bold: bool = False
    italic: bool = False
    center: bool = False
    page_break: bool = False  # starts a new page


@dataclass(frozen=True)
class Table:
    rows: list[list[list[Para]]]  # row → cell → the cell's paragraphs
    grid: bool = True  # borders (a header table has none)
    page_break: bool = False  # starts a new page


@dataclass(frozen=True)
class ScoreTable:
    """A unit's self-scoring table, its rows written from the rubric given at write time; with
    ``verified`` also the cluster's marks (a biên bản of the cluster's check)."""

    verified: bool = False


Block = Para | Table | ScoreTable


class Written(Protocol):
    """What a writer needs of a generated document."""

    fmt: str  # docx | txt | pdf
    font: str
    size: float
    blocks: list[Block]

    @property
    def name(self) -> str: ...


def write_all(docs: list[Written], folder: Path, rubric: Rubric | None = None) -> list[Path]:
    """Write each document in its format into ``folder`` (PDFs in one LibreOffice run). Without
    LibreOffice the PDF cases are written as .docx (their ``fmt`` changed), with a warning."""
    folder.mkdir(parents=True, exist_ok=True)
    office = soffice()
    if office is None and any(doc.fmt == "pdf" for doc in docs):
        warnings.warn("LibreOffice (soffice) không có: các tài liệu PDF được sinh dưới dạng .docx", stacklevel=2)
        for doc in docs:
            doc.fmt = "docx" if doc.fmt == "pdf" else doc.fmt
    paths: list[Path] = []
    pdf_sources: list[tuple[int, Path]] = []
    with tempfile.TemporaryDirectory(prefix="tdkt-other-docs-") as tmp:
        for i, doc in enumerate(docs):
            paths.append(folder / doc.name)
            if doc.fmt == "txt":
                write_text(doc, paths[-1], rubric)
            elif doc.fmt == "pdf":
                pdf_sources.append((i, write_docx(doc, Path(tmp) / f"{paths[-1].stem}.docx", rubric)))
            else:
                write_docx(doc, paths[-1], rubric)
        if pdf_sources:
            made = convert([source for _, source in pdf_sources], "pdf", Path(tmp) / "pdf", office)
            for (i, _), pdf in zip(pdf_sources, made, strict=True):
                shutil.move(pdf, paths[i])
    return paths


def write_docx(doc: Written, path: Path, rubric: Rubric | None = None) -> Path:
    """The document as a Word file; the same seed gives the same bytes."""
    document = new_page_document(False, doc.size, doc.font)
    document.styles["Normal"].paragraph_format.space_after = Pt(6)
    for block in doc.blocks:
        if isinstance(block, Para):
            _paragraph(document.add_paragraph(), block, doc.font)
        elif isinstance(block, ScoreTable):
            _table(document, score_rows(rubric, block.verified), doc.font)
        else:
            if block.page_break:
                document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            _table(document, block, doc.font)
    props = document.core_properties
    props.author = props.last_modified_by = "Văn thư"
    props.created = props.modified = props.last_printed = FIXED_TIME
    props.revision = 1
    path.parent.mkdir(parents=True, exist_ok=True)
    _save(document, path)
    return path


def _paragraph(p, block: Para, font: str) -> None:
    if block.center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if block.page_break:
        p.add_run().add_break(WD_BREAK.PAGE)
    lines = block.text.split("\n")
    for i, line in enumerate(lines):
        run = p.add_run(line)
        run.bold, run.italic = block.bold or None, block.italic or None
        _set_fonts(run._element.get_or_add_rPr(), font)
        if i < len(lines) - 1:
            run.add_break()


def _table(document, block: Table, font: str) -> None:
    width = max(len(r) for r in block.rows)
    table = document.add_table(rows=len(block.rows), cols=width)
    if block.grid:
        table.style = document.styles["Table Grid"]
    for row, cells in zip(block.rows, (r.cells for r in table.rows), strict=True):  # one pass: cell(r, c) is slow
        for paras, cell in zip(row, cells, strict=False):
            for i, para in enumerate(paras):
                _paragraph(cell.paragraphs[0] if i == 0 else cell.add_paragraph(), para, font)


def score_rows(rubric: Rubric | None, verified: bool) -> Table:
    """A unit's self-scoring table, every standard criterion at its maximum, and the total; with
    ``verified`` the cluster's marks beside them (half a point lower on every third criterion)."""
    if rubric is None:
        raise ValueError("a document with a self-scoring table needs the rubric to write it")
    rows = [["TT", "Nội dung tiêu chí", "Điểm chuẩn", "Điểm tự chấm"] + ["Điểm Cụm chấm"] * verified]
    total = checked = 0.0
    for group in rubric.groups:
        rows.append([group.code, group.title, _vn(group.max), ""] + [""] * verified)
        for i, criterion in enumerate(group.leaves(), start=1):
            value = criterion.max if criterion.kind is GroupKind.STANDARD else None
            mark = None if value is None else value - 0.5 * (len(rows) % 3 == 0)
            total, checked = total + (value or 0), checked + (mark or 0)
            rows.append([str(i), criterion.title, _vn(criterion.max), _vn(value)] + [_vn(mark)] * verified)
    rows.append(["", "Tổng cộng", _vn(rubric.scale), _vn(total)] + [_vn(checked)] * verified)
    return Table([[[Para(t, bold=r == 0)] for t in row] for r, row in enumerate(rows)])


def _vn(value: float | None) -> str:
    return "" if value is None else f"{value:g}".replace(".", ",")


def write_text(doc: Written, path: Path, rubric: Rubric | None = None) -> Path:
    """The document as plain text: a paragraph a line group, a table as tab-separated lines."""
    chunks: list[str] = []
    for block in doc.blocks:
        if isinstance(block, ScoreTable):
            block = score_rows(rubric, block.verified)
        if isinstance(block, Para):
            chunks.append(block.text)
        else:
            chunks.append("\n".join(_text_rows(block)))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n\n".join(chunks) + "\n", encoding="utf-8")
    return path


def _text_rows(table: Table) -> list[str]:
    """Cells side by side, line by line (a header table's two columns as pasted from Word)."""
    out = []
    for row in table.rows:
        cells = [[p.text for p in paras] for paras in row]
        for i in range(max(len(c) for c in cells)):
            out.append("\t".join(c[i] if i < len(c) else "" for c in cells))
    return out
