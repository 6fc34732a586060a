"""Text PDF → common document model.

Text and positions come from pypdfium2 (fast, keeps Vietnamese diacritics and word spacing:
see shared/stack.md, ~60× faster than pdfplumber's text). Ruled tables are found by pdfplumber's
table algorithm run on the lines PDFium reads from the page (extractors/pdf_edges.py), and their
cells are read by pypdfium2 inside each cell's box. Lines outside tables are joined into
paragraphs by indentation and spacing.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from extractors.base import text_block
from extractors.layout import heading_level
from extractors.pdf_edges import page_edges, table_cells
from extractors.pdf_lines import Line, page_lines, paragraph_text, paragraphs
from extractors.pdf_tables import TableOnPage, find_tables, join_split_tables
from pipeline.errors import RejectedFileError, RejectReason
from pipeline.model import Block, BlockKind, Document, DocumentFormat, Part, Provenance
from pipeline.settings import Settings

# PDFium is not thread-safe (its error code is process-global, and concurrent calls can crash):
# every use of it in this process goes through this lock. Scale comes from processes, not threads.
PDFIUM_LOCK = threading.Lock()


def read_pdf(path: Path, display_name: str, sha256: str, settings: Settings | None = None) -> Document:
    with PDFIUM_LOCK:
        return _read_pdf(path, display_name, sha256, settings or Settings())


def _read_pdf(path: Path, display_name: str, sha256: str, settings: Settings) -> Document:
    pdf = _open(path, display_name)
    try:
        if len(pdf) > settings.max_pages:
            raise RejectedFileError(
                display_name,
                RejectReason.TOO_LARGE,
                f"tệp PDF có {len(pdf)} trang, vượt giới hạn {settings.max_pages} trang",
            )
        pages = [_read_page(pdf, i) for i in range(len(pdf))]
        page_count = len(pdf)
    finally:
        pdf.close()
    blocks = _number_blocks(join_split_tables(pages), display_name)
    if not any(b.text for b in blocks):
        raise RejectedFileError(
            display_name,
            RejectReason.UNSUPPORTED,
            "tệp PDF không có lớp chữ (có thể là bản quét); bản quét chưa được hỗ trợ, "
            "hãy gửi bản PDF xuất từ Word hoặc tệp .docx",
        )
    return Document(file=display_name, sha256=sha256, format=DocumentFormat.PDF, pages=page_count, blocks=blocks)


def _open(path: Path, name: str) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as e:
        if e.err_code == pdfium_c.FPDF_ERR_PASSWORD:
            raise RejectedFileError(
                name,
                RejectReason.ENCRYPTED,
                "tệp PDF được đặt mật khẩu nên không đọc được; hãy gửi bản không đặt mật khẩu",
            ) from e
        raise RejectedFileError(
            name, RejectReason.CORRUPT, "tệp PDF bị hỏng hoặc chưa được sao chép hết; hãy gửi lại tệp gốc"
        ) from e


@dataclass
class _PageItem:
    """A paragraph (list of lines) or a table, with its top edge for ordering on the page."""

    top: float
    lines: list[Line] | None = None
    table: TableOnPage | None = None

    @property
    def in_margin(self) -> bool:
        return self.lines is not None and all(ln.in_margin for ln in self.lines)


def _read_page(pdf: pdfium.PdfDocument, index: int) -> list[_PageItem]:
    page = pdf[index]
    try:
        textpage = page.get_textpage()
        height = page.get_height()
        edges = page_edges(page, height)
        tables = find_tables(table_cells(edges), textpage, height, index + 1) if edges else []
        lines = [ln for ln in page_lines(textpage, height) if not any(t.contains(ln) for t in tables)]
        items = [_PageItem(top=para[0].top, lines=para) for para in paragraphs(lines, height)]
        items += [_PageItem(top=t.top, table=t) for t in tables]
        return sorted(items, key=lambda item: item.top)
    finally:
        page.close()


def _number_blocks(pages: list[list[_PageItem]], name: str) -> list[Block]:
    blocks: list[Block] = []
    table_index = 0
    for page_number, items in enumerate(pages, start=1):
        for item in items:
            index = len(blocks)
            if item.table is not None:
                prov = Provenance(file=name, page=item.table.page, paragraph=index, table=table_index)
                raw = "\n".join(" | ".join(c.raw for c in row) for row in item.table.rows)
                blocks.append(text_block(BlockKind.TABLE, raw, prov, rows=item.table.rows))
                table_index += 1
                continue
            raw = paragraph_text(item.lines)
            part = item.lines[0].margin if item.in_margin else Part.BODY
            prov = Provenance(file=name, page=page_number, paragraph=index, part=part)
            level = heading_level(raw, bold=None)
            kind = BlockKind.HEADING if level is not None else BlockKind.PARAGRAPH
            blocks.append(text_block(kind, raw, prov, level=level))
    return blocks
