"""Word .docx → common document model: paragraphs and tables in document order.

Reads the body in order (paragraphs and tables interleaved, content controls unwrapped), heading
levels from styles or outline levels (or inferred from numbering when a report uses bold Normal
paragraphs), automatic list numbering, merged table cells, and the headers and footers of every
section, with the paragraphs and tables of text boxes after the paragraph holding them
(_Walker._text_boxes), and in a table cell after the cell's paragraph holding them.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from extractors.base import cell_fields, text_block
from extractors.docx_numbering import Numbering, int_value
from extractors.docx_package import NotWord, PackageDamaged, PartMalformed, WordPackage, open_package
from extractors.docx_styles import Styles
from extractors.docx_text import (
    HIDDEN_IN_CELL,
    PartProps,
    all_bold,
    hidden_anywhere,
    hidden_below,
    paragraph_text,
)
from extractors.layout import heading_level
from extractors.xml_names import (
    R_ID,
    W_BODY,
    W_DOCUMENT,
    W_FOOTER_REFERENCE,
    W_GRID_BEFORE,
    W_GRID_SPAN,
    W_HEADER_REFERENCE,
    W_NS,
    W_P,
    W_SDT,
    W_SDT_CONTENT,
    W_TBL,
    W_TC,
    W_TCPR,
    W_TR,
    W_TRPR,
    W_TXBX_CONTENT,
    W_TYPE,
    W_VAL,
    W_VMERGE,
    grandchild,
)
from pipeline.core.errors import RejectedFileError, RejectReason
from pipeline.core.model import Block, BlockKind, Document, DocumentFormat, Part
from pipeline.core.settings import Settings

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
        package = open_package(path)
        numbering, styles = Numbering.from_package(package), Styles(package)
        # Each part counts its own paragraphs and tables, so "đoạn 3" means the third body block.
        body = _Walker(package, numbering, styles, display_name).body()
        headers = list(_Walker(package, numbering, styles, display_name).headers_and_footers(Part.HEADER))
        footers = list(_Walker(package, numbering, styles, display_name).headers_and_footers(Part.FOOTER))
    except NotWord as e:
        raise RejectedFileError(
            display_name, RejectReason.UNSUPPORTED,
            "tệp văn phòng không phải văn bản Word (Excel, PowerPoint…); hãy gửi báo cáo dạng Word hoặc PDF",
        ) from e
    except etree.XMLSyntaxError as e:
        raise _xml_refused(display_name, e) from e
    except (zipfile.BadZipFile, PackageDamaged, KeyError, EOFError) as e:
        raise RejectedFileError(
            display_name,
            RejectReason.CORRUPT,
            "tệp Word (.docx) bị hỏng hoặc chưa được sao chép hết; hãy gửi lại tệp gốc",
        ) from e
    # A part whose root is not what Word writes (relationships, the body), an attribute value Word
    # never writes (a bold of "-1") or a required one missing, a style id no XPath can name (python-
    # docx's lookup failed on a quote); or zipfile tripping over a damaged directory.
    except (PartMalformed, AttributeError, TypeError, ValueError, etree.XPathEvalError) as e:
        raise RejectedFileError(
            display_name, RejectReason.CORRUPT,
            "cấu trúc bên trong tệp Word (.docx) không đúng chuẩn (tệp bị sửa hỏng hoặc không do Word tạo ra); hãy "
            "gửi lại tệp gốc",
        ) from e
    blocks = headers + body + footers
    return Document(file=display_name, sha256=sha256, format=DocumentFormat.DOCX, blocks=blocks)


class _Walker:
    """Turns one part of a Word package into blocks; keeps the running paragraph/table indexes."""

    def __init__(self, package: WordPackage, numbering: Numbering, styles: Styles, file: str):
        self.package = package
        self.file = file
        self.numbering = numbering.restarted()  # each part numbers its lists from their starts
        self.styles = styles
        self.index = 0
        self.table_index = 0
        self._boxes = True  # whether the part walked has text boxes at all
        self._props: PartProps | None = None  # of the part walked

    def body(self) -> list[Block]:
        root = self.package.document
        if root.tag != W_DOCUMENT:
            raise PartMalformed(f"the main part has root {root.tag}")
        body = root.find(W_BODY)
        if body is None:
            raise PartMalformed("the document has no body")
        self._boxes = _has_text_boxes(body)
        self._props = PartProps(body)
        return list(self._container(body, Part.BODY, hidden_anywhere(body)))

    def headers_and_footers(self, part: Part) -> Iterator[Block]:
        seen: set[str] = set()
        reference = W_HEADER_REFERENCE if part is Part.HEADER else W_FOOTER_REFERENCE
        for section in _SECTIONS(self.package.document):
            for kind in ("default", "first", "even"):  # python-docx's header, first_page_header, even_page_header
                rel_id = _reference(section, reference, kind)
                if rel_id is None:
                    continue  # linked to the previous section's
                root = self.package.related(rel_id)
                self._boxes = _has_text_boxes(root)
                self._props = PartProps(root)
                for block in self._container(root, part, hidden_anywhere(root)):
                    if block.text and block.text not in seen:
                        seen.add(block.text)
                        yield block

    def _container(self, element: etree._Element, part: Part, hidden: bool) -> Iterator[Block]:
        """``hidden``: ``element`` is, or is inside, a deletion, text box or fallback."""
        for child in element.iterchildren():
            tag = child.tag
            if tag == W_P:
                block = self._paragraph(child, part, hidden)
                if block is not None:
                    yield block
                if self._boxes:
                    yield from self._text_boxes(child, part, hidden)
            elif tag == W_TBL:
                yield self._table(child, part, hidden)
            elif tag == W_SDT:
                content = child.find(W_SDT_CONTENT)
                if content is not None:
                    yield from self._container(content, part, hidden)

    def _provenance(self, part: Part, **where: int) -> dict[str, object]:
        """The fields of the block's Provenance (text_block validates them)."""
        return {"file": self.file, "paragraph": self.index, "part": part, **where}

    def _paragraph(self, p: etree._Element, part: Part, hidden: bool) -> Block | None:
        props = self._props.of(p)
        style = self.styles.of(props.pstyle)
        content = paragraph_text(p, style.font, self.styles, hidden)
        if not content.text.strip():
            return None
        label = self.numbering.label_for(props.num_pr, style.num_pr)
        level = _outline_level(props.outline) or style.heading_level
        if level is None:
            level = heading_level(f"{label} {content.text}" if label else content.text, all_bold(content, style.bold))
        kind = BlockKind.HEADING if level is not None else BlockKind.PARAGRAPH
        block = text_block(kind, content.raw, self._provenance(part), level=level, list_label=label,
                           decoded=content.text)
        self.index += 1
        return block

    def _text_boxes(self, p: etree._Element, part: Part, hidden: bool) -> Iterator[Block]:
        """The paragraphs and tables of the text boxes anchored in ``p``'s runs, after ``p``: units put
        their name, the document's number or the signature in them. Word stores a box twice (DrawingML,
        and a VML copy under mc:Fallback): the copy is never read. A box inside another box is read
        with that box's paragraphs; one inside a deletion, or in a hidden paragraph, is not read."""
        if hidden:
            return
        for box in p.iter(W_TXBX_CONTENT):
            if not hidden_below(box, p):  # in another box (read with it), in Word's copy, or deleted
                yield from self._container(box, part, False)

    def _table(self, tbl: etree._Element, part: Part, hidden: bool) -> Block:
        rows = _resolve_grid(tbl, self.styles, self.numbering, hidden, self._props)
        provenance = self._provenance(part, table=self.table_index)
        raw = "\n".join(" | ".join(c["raw"] for c in row) for row in rows)
        decoded = "\n".join(" | ".join(c["text"] for c in row) for row in rows)
        block = text_block(BlockKind.TABLE, raw, provenance, rows=rows, decoded=decoded)
        self.index += 1
        self.table_index += 1
        return block


def _has_text_boxes(root: etree._Element) -> bool:
    return next(root.iter(W_TXBX_CONTENT), None) is not None


# python-docx's ``document.sections``: the sectPr of every section, in document order.
_SECTIONS = etree.XPath("./w:body/w:p/w:pPr/w:sectPr | ./w:body/w:sectPr", namespaces={"w": W_NS})


def _reference(section: etree._Element, reference: str, kind: str) -> str | None:
    """The relationship id of the section's header (or footer) of ``kind``; None when it has none
    of its own (linked to the previous section's)."""
    for ref in section.iterchildren(reference):
        if ref.get(W_TYPE) == kind:
            rel_id = ref.get(R_ID)
            if rel_id is None:
                raise PartMalformed(f"required 'r:id' attribute not present on element {ref.tag}")
            return rel_id
    return None


def _outline_level(outline: etree._Element | None) -> int | None:
    if outline is not None and outline.get(W_VAL, "9").isdigit():
        value = int(outline.get(W_VAL))
        return value + 1 if value < 9 else None
    return None


def _cell_text(tc: etree._Element, styles: Styles, numbering: Numbering, hidden: bool,
               props_of: PartProps) -> tuple[str, str]:
    """(raw, Unicode) text of a cell: its paragraphs, one per line, with their automatic numbers
    (an STT column numbered by Word holds no text of its own), a text box's after its anchor's."""
    raws, texts = [], []
    for p in tc.iter(W_P):
        props = props_of.of(p)
        style = styles.of(props.pstyle)
        content = paragraph_text(p, style.font, styles,
                                 hidden or (p.getparent() is not tc and hidden_below(p, tc, HIDDEN_IN_CELL)))
        label = numbering.label_for(props.num_pr, style.num_pr)
        if label and label != "-":
            raws.append(f"{label} {content.raw}".strip())
            texts.append(f"{label} {content.text}".strip())
        elif content.text.strip():
            raws.append(content.raw)
            texts.append(content.text)
    return "\n".join(raws), "\n".join(texts)


def _resolve_grid(tbl: etree._Element, styles: Styles, numbering: Numbering, hidden: bool,
                  props_of: PartProps) -> list[list[dict[str, object]]]:
    """The table as a full grid, each cell as its fields (cell_fields, validated with the block): a
    merged cell's text fills every position it covers."""
    grid: list[list[dict[str, object] | None]] = []
    origins: dict[tuple[int, int], tuple[int, int]] = {}
    merges = _cell_merges(tbl)
    for tr in tbl.iterchildren(W_TR):  # rows of a nested table belong to its cell's text
        r = len(grid)
        row: list[dict[str, object] | None] = []
        before = grandchild(tr, W_TRPR, W_GRID_BEFORE)
        for _ in range(int_value(before.get(W_VAL), 0) if before is not None else 0):
            row.append(cell_fields(""))
        for tc in tr.iterchildren(W_TC):
            span, continues = merges.get(tc, (1, False))
            c = len(row)
            above = origins.get((r - 1, c)) if continues else None
            if above is not None:
                origin = grid[above[0]][above[1]]
                origin["row_span"] = origin.get("row_span", 1) + 1
                for k in range(span):
                    origins[(r, c + k)] = above
                    row.append(cell_fields(origin["raw"], merged_from=above, decoded=origin["text"]))
                continue
            raw, text = _cell_text(tc, styles, numbering, hidden, props_of)
            row.append(cell_fields(raw, col_span=span, decoded=text))
            origins[(r, c)] = (r, c)
            for k in range(1, span):
                origins[(r, c + k)] = (r, c)
                row.append(cell_fields(raw, merged_from=(r, c), decoded=text))
        grid.append(row)
    width = max((len(row) for row in grid), default=0)
    return [[c or cell_fields("") for c in row] + [cell_fields("")] * (width - len(row)) for row in grid]


def _cell_merges(tbl: etree._Element) -> dict[etree._Element, tuple[int, bool]]:
    """(columns the cell spans, whether it continues the vertical merge of the cell above) of each
    cell of ``tbl`` that says either (others span one column and continue nothing): the first
    gridSpan and the first vMerge under any tcPr of the cell. Found in one walk of the table, as
    searching each cell for its tcPr cost an iterator per cell."""
    found: dict[etree._Element, list[etree._Element | None]] = {}
    for element in tbl.iter(W_GRID_SPAN, W_VMERGE):  # in document order
        tcpr = element.getparent()
        tc = tcpr.getparent() if tcpr is not None and tcpr.tag == W_TCPR else None
        if tc is None or tc.tag != W_TC:
            continue
        merge = found.setdefault(tc, [None, None])
        index = 0 if element.tag == W_GRID_SPAN else 1
        merge[index] = element if merge[index] is None else merge[index]
    return {tc: (max(int_value(span.get(W_VAL), 1), 1) if span is not None else 1,
                 merge is not None and merge.get(W_VAL, "continue") == "continue")
            for tc, (span, merge) in found.items()}
