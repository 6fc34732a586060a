"""Word .docx → common document model: paragraphs and tables in document order.

Reads the body in order (paragraphs and tables interleaved, content controls unwrapped, text
boxes included), heading levels from styles or outline levels (or inferred from numbering when
a report uses bold Normal paragraphs), automatic list numbering, merged table cells, and the
headers and footers of every section.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
from docx.exceptions import InvalidXmlError
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.part import PartFactory
from docx.package import Package
from docx.parts.document import DocumentPart
from docx.text.paragraph import Paragraph
from lxml import etree

from extractors.base import cell, text_block
from extractors.docx_numbering import Numbering, int_value
from extractors.docx_styles import Styles
from extractors.docx_text import MC_FALLBACK, paragraph_text
from extractors.layout import heading_level
from extractors.xml_names import grandchild, qn
from pipeline.core.errors import RejectedFileError, RejectReason
from pipeline.core.model import Block, BlockKind, Cell, Document, DocumentFormat, Part, Provenance
from pipeline.core.settings import Settings

# Macro-enabled documents and templates (.docm, .dotm, .dotx) have the same body as a .docx.
# python-docx maps only the plain types to its document part; tdkt reads the others the same way.
# Only XML is read: the macro project (vbaProject.bin) is never loaded, let alone run.
_OTHER_MAIN = (
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
)
for _content_type in _OTHER_MAIN:
    PartFactory.part_type_for.setdefault(_content_type, DocumentPart)
_WORD_MAIN = (CT.WML_DOCUMENT_MAIN, *_OTHER_MAIN)


class _NotWord(Exception):
    """An Office file whose main part is not a Word document (a spreadsheet, a presentation)."""


def open_word(path: Path) -> docx.document.Document:
    """The document of a .docx, .docm, .dotx or .dotm file (python-docx's Document() refuses the
    macro-enabled ones). Raises _NotWord for an Office file that is not a Word document."""
    part = Package.open(str(path)).main_document_part
    if part.content_type not in _WORD_MAIN or not isinstance(part, DocumentPart):
        raise _NotWord(part.content_type)
    return part.document


# What libxml2 says when it stops a document built to exhaust a reader (entity loops, billion
# laughs, nesting beyond its depth limit, huge text nodes): signs of a hostile file, not damage.
_HOSTILE_XML = ("entity", "amplification", "huge", "excessive depth", "depth")


def _xml_refused(name: str, error: etree.XMLSyntaxError) -> RejectedFileError | MemoryError:
    if error.code == etree.ErrorTypes.ERR_NO_MEMORY:
        # libxml2 could not allocate (under the per-file cap: 290 MB of XML) and says so as a syntax
        # error "unknown error, line 0": a memory limit, for the isolation to name, not damage.
        return MemoryError(str(error))
    words = str(error).lower()
    if any(w in words for w in _HOSTILE_XML):
        return RejectedFileError(
            name, RejectReason.CORRUPT,
            "tệp Word (.docx) có dấu hiệu tệp độc hại (cấu trúc XML dựng để làm treo hoặc tràn bộ nhớ chương trình "
            "đọc); đã để riêng, không mở; hãy đề nghị đơn vị gửi lại tệp gốc")
    return RejectedFileError(name, RejectReason.CORRUPT,
                             "tệp Word (.docx) bị hỏng hoặc chưa được sao chép hết; hãy gửi lại tệp gốc")


def read_docx(path: Path, display_name: str, sha256: str, settings: Settings | None = None) -> Document:
    try:
        word = open_word(path)
        # Each part counts its own paragraphs and tables, so "đoạn 3" means the third body block.
        body = _Walker(word, display_name).body()
        headers = list(_Walker(word, display_name).headers_and_footers(Part.HEADER))
        footers = list(_Walker(word, display_name).headers_and_footers(Part.FOOTER))
    except _NotWord as e:
        raise RejectedFileError(
            display_name, RejectReason.UNSUPPORTED,
            "tệp văn phòng không phải văn bản Word (Excel, PowerPoint…); hãy gửi báo cáo dạng Word hoặc PDF",
        ) from e
    except etree.XMLSyntaxError as e:
        raise _xml_refused(display_name, e) from e
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, EOFError) as e:
        raise RejectedFileError(
            display_name,
            RejectReason.CORRUPT,
            "tệp Word (.docx) bị hỏng hoặc chưa được sao chép hết; hãy gửi lại tệp gốc",
        ) from e
    # A part whose root is not what Word writes (relationships, the body), or an attribute value
    # Word never writes (a bold of "-1"): python-docx trips on either.
    except (AttributeError, TypeError, ValueError, InvalidXmlError) as e:
        raise RejectedFileError(
            display_name, RejectReason.CORRUPT,
            "cấu trúc bên trong tệp Word (.docx) không đúng chuẩn (tệp bị sửa hỏng hoặc không do Word tạo ra); hãy "
            "gửi lại tệp gốc",
        ) from e
    blocks = headers + body + footers
    return Document(file=display_name, sha256=sha256, format=DocumentFormat.DOCX, blocks=blocks)


class _Walker:
    """Turns one python-docx document into blocks; keeps the running paragraph/table indexes."""

    def __init__(self, word: docx.document.Document, file: str):
        self.word = word
        self.file = file
        self.numbering = Numbering.from_document(word)
        self.styles = Styles(word)
        self.index = 0
        self.table_index = 0

    def body(self) -> list[Block]:
        return list(self._container(self.word.element.body, Part.BODY))

    def headers_and_footers(self, part: Part) -> Iterator[Block]:
        seen: set[str] = set()
        for section in self.word.sections:
            for hf in _section_parts(section, part):
                if hf.is_linked_to_previous:
                    continue
                for block in self._container(hf._element, part):
                    if block.text and block.text not in seen:
                        seen.add(block.text)
                        yield block

    def _container(self, element: etree._Element, part: Part) -> Iterator[Block]:
        for child in element.iterchildren():
            if child.tag == qn("w:p"):
                yield from self._paragraph(child, part)
            elif child.tag == qn("w:tbl"):
                yield self._table(child, part)
            elif child.tag == qn("w:sdt"):
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    yield from self._container(content, part)

    def _provenance(self, part: Part, **where: int) -> Provenance:
        return Provenance(file=self.file, paragraph=self.index, part=part, **where)

    def _paragraph(self, p: etree._Element, part: Part) -> Iterator[Block]:
        content = paragraph_text(p, self.styles)
        if content.text.strip():
            style = self.styles.of(p)
            label = self.numbering.label_for(p, style.num_pr)
            level = _outline_level(p) or style.heading_level
            if level is None:
                para = Paragraph(p, self.word.part)
                level = heading_level(f"{label} {content.text}" if label else content.text,
                                      _is_bold(para, style.bold))
            kind = BlockKind.HEADING if level is not None else BlockKind.PARAGRAPH
            yield text_block(kind, content.raw, self._provenance(part), level=level, list_label=label,
                             decoded=content.text)
            self.index += 1
        # Text boxes sit inside runs; Word stores each twice (DrawingML and a VML fallback).
        for box in p.iter(qn("w:txbxContent")):
            if not any(a.tag == MC_FALLBACK for a in box.iterancestors()):
                yield from self._container(box, part)

    def _table(self, tbl: etree._Element, part: Part) -> Block:
        rows = _resolve_grid(tbl, self.styles, self.numbering)
        provenance = self._provenance(part, table=self.table_index)
        raw = "\n".join(" | ".join(c.raw for c in row) for row in rows)
        decoded = "\n".join(" | ".join(c.text for c in row) for row in rows)
        block = text_block(BlockKind.TABLE, raw, provenance, rows=rows, decoded=decoded)
        self.index += 1
        self.table_index += 1
        return block


def _section_parts(section: object, part: Part) -> list:
    if part is Part.HEADER:
        return [section.header, section.first_page_header, section.even_page_header]
    return [section.footer, section.first_page_footer, section.even_page_footer]


def _outline_level(p: etree._Element) -> int | None:
    outline = grandchild(p, "w:pPr", "w:outlineLvl")
    if outline is not None and outline.get(qn("w:val"), "9").isdigit():
        value = int(outline.get(qn("w:val")))
        return value + 1 if value < 9 else None
    return None


def _is_bold(para: Paragraph, style_bold: bool) -> bool:
    runs = [r for r in para.runs if r.text.strip()]
    return bool(runs) and all(r.bold or (r.bold is None and style_bold) for r in runs)


def _cell_text(tc: etree._Element, styles: Styles, numbering: Numbering) -> tuple[str, str]:
    """(raw, Unicode) text of a cell: its paragraphs, one per line, with their automatic numbers
    (an STT column numbered by Word holds no text of its own)."""
    raws, texts = [], []
    for p in tc.iter(qn("w:p")):
        content = paragraph_text(p, styles)
        label = numbering.label_for(p, styles.of(p).num_pr)
        if label and label != "-":
            raws.append(f"{label} {content.raw}".strip())
            texts.append(f"{label} {content.text}".strip())
        elif content.text.strip():
            raws.append(content.raw)
            texts.append(content.text)
    return "\n".join(raws), "\n".join(texts)


def _resolve_grid(tbl: etree._Element, styles: Styles, numbering: Numbering) -> list[list[Cell]]:
    """The table as a full grid: a merged cell's text fills every position it covers."""
    grid: list[list[Cell | None]] = []
    origins: dict[tuple[int, int], tuple[int, int]] = {}
    for r, tr in enumerate(tbl.iter(qn("w:tr"))):
        if tr.getparent() is not tbl:
            continue  # rows of a nested table belong to its cell's text
        r = len(grid)
        row: list[Cell | None] = []
        before = grandchild(tr, "w:trPr", "w:gridBefore")
        for _ in range(int_value(before.get(qn("w:val")), 0) if before is not None else 0):
            row.append(cell(""))
        for tc in tr.findall(qn("w:tc")):
            span = _grid_span(tc)
            c = len(row)
            above = origins.get((r - 1, c)) if _continues_vertical_merge(tc) else None
            if above is not None:
                origin = grid[above[0]][above[1]]
                origin.row_span += 1
                for k in range(span):
                    origins[(r, c + k)] = above
                    row.append(cell(origin.raw, merged_from=above, decoded=origin.text))
                continue
            raw, text = _cell_text(tc, styles, numbering)
            row.append(cell(raw, col_span=span, decoded=text))
            origins[(r, c)] = (r, c)
            for k in range(1, span):
                origins[(r, c + k)] = (r, c)
                row.append(cell(raw, merged_from=(r, c), decoded=text))
        grid.append(row)
    width = max((len(row) for row in grid), default=0)
    return [[c or cell("") for c in row] + [cell("")] * (width - len(row)) for row in grid]


def _grid_span(tc: etree._Element) -> int:
    span = grandchild(tc, "w:tcPr", "w:gridSpan")
    return max(int_value(span.get(qn("w:val")), 1), 1) if span is not None else 1


def _continues_vertical_merge(tc: etree._Element) -> bool:
    merge = grandchild(tc, "w:tcPr", "w:vMerge")
    return merge is not None and merge.get(qn("w:val"), "continue") == "continue"
