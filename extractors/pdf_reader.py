"""Text PDF → common document model.

Text and positions come from pypdfium2 (fast, keeps Vietnamese diacritics and word spacing:
see shared/stack.md, ~60× faster than pdfplumber's text). Ruled tables are found by pdfplumber's
table algorithm run on the lines PDFium reads from the page (extractors/pdf_edges.py), and their
cells are read by pypdfium2 inside each cell's box. Lines outside tables are joined into
paragraphs by indentation and spacing. Scanned pages are read by OCR (extractors/ocr.py), several
at once (extractors/ocr_pages.py) while the next pages are read.
"""

from __future__ import annotations

import threading
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image

from extractors.base import text_block
from extractors.layout import heading_level
from extractors.legacy import decode_document
from extractors.ocr import OcrUnavailable, read_scanned_page, render_dpi
from extractors.ocr_pages import OcrPages
from extractors.ocr_tones import settle_tones
from extractors.pdf_chars import page_chars
from extractors.pdf_edges import page_edges, table_cells
from extractors.pdf_lines import Line, page_lines, paragraph_text, paragraphs
from extractors.pdf_tables import TableOnPage, find_tables, join_split_tables
from pipeline.core.errors import RejectedFileError, RejectReason
from pipeline.core.model import Block, BlockKind, Document, DocumentFormat, Part, Provenance
from pipeline.core.settings import Settings

# Fewer characters than this on a page that shows an image: the page is a scan.
_MIN_TEXT_CHARS = 20

# PDFium is not thread-safe (its error code is process-global, and concurrent calls can crash):
# every use of it in this process goes through this lock. Scale comes from processes, not threads.
PDFIUM_LOCK = threading.Lock()


def read_pdf(path: Path, display_name: str, sha256: str, settings: Settings | None = None) -> Document:
    settings = settings or Settings()
    with PDFIUM_LOCK:
        pdf = _open(path, display_name)
        page_count = len(pdf)
    try:
        if page_count > settings.max_pages:
            raise RejectedFileError(
                display_name,
                RejectReason.TOO_LARGE,
                f"tệp PDF có {page_count} trang, vượt giới hạn {settings.max_pages} trang",
            )
        pages = _read_pages(pdf, page_count, display_name)
    finally:
        with PDFIUM_LOCK:
            pdf.close()
    blocks = settle_tones(_number_blocks(join_split_tables(pages), display_name))
    ocr_pages = sorted({b.provenance.page for b in blocks if b.provenance.ocr_confidence is not None})
    document = decode_document(Document(file=display_name, sha256=sha256, format=DocumentFormat.PDF,
                                        pages=page_count, blocks=blocks, ocr_pages=ocr_pages))
    if not any(b.text for b in blocks):
        raise RejectedFileError(
            display_name,
            RejectReason.NOT_A_REPORT,
            "không đọc được chữ nào trong tệp PDF (trang trắng hoặc ảnh quá mờ); hãy gửi bản rõ hơn",
        )
    return document


def _read_pages(pdf: pdfium.PdfDocument, page_count: int, name: str) -> list[list[_PageItem]]:
    """Every page's items, in page order. Pages are taken in order; a scan, once rendered, is OCR'd
    while the pages after it are taken (OcrPages). A file with a failing page fails as if read a
    page at a time: with the first failing page's error."""
    pages: list[list[_PageItem] | Future[list[_PageItem]]] = []
    error: Exception | None = None
    with OcrPages(lambda scan, index: _read_scanned(scan, index, name)) as scans:
        for index in range(page_count):
            if scans.failed:
                break
            try:
                items = _page_items(pdf, index, name)
                pages.append(scans.submit(items, index, items.pixels) if isinstance(items, _Scan) else items)
            except Exception as e:  # raised after the pages before this one, which may fail first
                error = e
                break
    read = [page.result() if isinstance(page, Future) else page for page in pages]
    if error is not None:
        raise error
    return read


def _page_items(pdf: pdfium.PdfDocument, index: int, name: str) -> list[_PageItem] | _Scan:
    """A text page's items, read under the PDFium lock; a scan is only rendered under it, and its
    OCR (seconds a page, in Tesseract's own processes) runs without holding the lock."""
    with PDFIUM_LOCK:
        try:
            return _read_page(pdf, index)
        except pdfium.PdfiumError as e:  # a page object PDFium cannot load: the rest is not worth guessing
            raise RejectedFileError(
                name, RejectReason.CORRUPT,
                f"tệp PDF bị hỏng (không mở được trang {index + 1}) hoặc chưa được sao chép hết; hãy gửi lại tệp gốc",
            ) from e


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
    confidence: float | None = None  # OCR confidence, for scanned pages

    @property
    def in_margin(self) -> bool:
        return self.lines is not None and all(ln.in_margin for ln in self.lines)


@dataclass
class _Scan:
    image: Image.Image
    height: float
    dpi: float

    @property
    def pixels(self) -> int:
        return self.image.width * self.image.height


def _read_page(pdf: pdfium.PdfDocument, index: int) -> list[_PageItem] | _Scan:
    page = pdf[index]
    try:
        textpage = page.get_textpage()
        # Text and path positions are in the page's own (unrotated) space: use its height, not the
        # displayed height that /Rotate swaps with the width.
        _, bottom, _, top = page.get_mediabox()
        height = top - bottom
        if _scanned(page, textpage):
            dpi = render_dpi(*page.get_size())  # the size shown (the crop box), which is what is rendered
            return _Scan(page.render(scale=dpi / 72, rotation=0).to_pil(), height, dpi)
        edges = page_edges(page, height)
        chars = page_chars(textpage)
        tables = find_tables(table_cells(edges), chars, height, index + 1) if edges else []
        lines = [ln for ln in page_lines(chars, height) if not any(t.contains(ln) for t in tables)]
        text = [_PageItem(top=para[0].top, lines=para) for para in paragraphs(lines, height)]
        return _interleave(text, [_PageItem(top=t.top, table=t) for t in tables])
    finally:
        page.close()


def _interleave(text: list[_PageItem], tables: list[_PageItem]) -> list[_PageItem]:
    """Tables placed among the paragraphs by position; the paragraphs keep their reading order
    (column by column on a two-column page), which sorting everything by position would undo."""
    ordered: list[_PageItem] = []
    pending = sorted(tables, key=lambda t: t.top)
    for item in text:
        while pending and pending[0].top < item.top:
            ordered.append(pending.pop(0))
        ordered.append(item)
    return ordered + pending


def _scanned(page: pdfium.PdfPage, textpage: object) -> bool:
    """A page with (almost) no text layer but an image on it: a scan."""
    if textpage.count_chars() >= _MIN_TEXT_CHARS:
        return False
    return any(True for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2))


def _read_scanned(scan: _Scan, index: int, name: str) -> list[_PageItem]:
    try:
        result = read_scanned_page(scan.image, index + 1, scan.height, scan.dpi)
    except OcrUnavailable as e:
        raise RejectedFileError(
            name, RejectReason.MISSING_TOOL,
            "tệp PDF là bản quét (ảnh) nên cần nhận dạng chữ (OCR), nhưng máy chưa cài Tesseract tiếng Việt; "
            "bộ phận CNTT cần cài gói tesseract-ocr và tesseract-ocr-vie",
        ) from e
    text = [_PageItem(top=p.lines[0].top, lines=p.lines, confidence=p.confidence) for p in result.paragraphs]
    return _interleave(text, [_PageItem(top=t.top, table=t, confidence=_table_confidence(t)) for t in result.tables])


def _table_confidence(table: TableOnPage) -> float | None:
    confs = [c.confidence for row in table.rows for c in row if c.confidence is not None]
    return sum(confs) / len(confs) if confs else None


def _number_blocks(pages: list[list[_PageItem]], name: str) -> list[Block]:
    blocks: list[Block] = []
    table_index = 0
    for page_number, items in enumerate(pages, start=1):
        for item in items:
            index = len(blocks)
            if item.table is not None:
                prov = Provenance(file=name, page=item.table.page, paragraph=index, table=table_index,
                                  ocr_confidence=item.confidence)
                raw = "\n".join(" | ".join(c.raw for c in row) for row in item.table.rows)
                blocks.append(text_block(BlockKind.TABLE, raw, prov, rows=item.table.rows))
                table_index += 1
                continue
            raw = paragraph_text(item.lines)
            part = item.lines[0].margin if item.in_margin else Part.BODY
            prov = Provenance(file=name, page=page_number, paragraph=index, part=part,
                              ocr_confidence=item.confidence)
            level = heading_level(raw, bold=None)
            kind = BlockKind.HEADING if level is not None else BlockKind.PARAGRAPH
            blocks.append(text_block(kind, raw, prov, level=level))
    return blocks
