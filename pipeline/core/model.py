"""The common document model every extractor produces.

A document is an ordered list of blocks (headings, paragraphs, tables). Each block keeps the
text exactly as the file gave it (``raw``, so a reviewer can find a quote with Ctrl+F) and its
NFC-normalized form (``text``, which every rule matches against), plus where it came from.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, Field


class Part(StrEnum):
    """Which part of a page a block was read from."""

    BODY = "body"
    HEADER = "header"
    FOOTER = "footer"


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    TABLE = "table"


class Provenance(BaseModel):
    """Where a piece of text sits in its source file, precise enough to find it by hand."""

    file: str = Field(description="File name as it arrived in the inbox")
    page: int | None = Field(default=None, description="1-based page (PDF)")
    paragraph: int | None = Field(default=None, description="0-based block index in the document")
    table: int | None = Field(default=None, description="0-based table index in the document")
    row: int | None = None
    cell: int | None = Field(default=None, description="0-based grid column of the cell")
    part: Part = Part.BODY
    ocr_confidence: float | None = Field(default=None, description="0–1 when the text was read by OCR")

    def describe(self) -> str:
        """A short Vietnamese locator for reviewers, e.g. 'trang 3, bảng 2, dòng 5'."""
        bits: list[str] = []
        if self.page is not None:
            bits.append(f"trang {self.page}")
        if self.part is not Part.BODY:
            bits.append("đầu trang" if self.part is Part.HEADER else "chân trang")
        if self.table is not None:
            bits.append(f"bảng {self.table + 1}")
            if self.row is not None:
                bits.append(f"dòng {self.row + 1}")
        elif self.paragraph is not None and self.page is None:
            bits.append(f"đoạn {self.paragraph + 1}")
        if self.ocr_confidence is not None:
            bits.append(f"đọc bằng OCR, độ tin cậy {round(self.ocr_confidence * 100)}%")
        return ", ".join(bits)


class Cell(BaseModel):
    """One grid position of a table; merged cells repeat their text in every position they cover."""

    raw: str
    text: str
    row_span: int = 1
    col_span: int = 1
    merged_from: tuple[int, int] | None = Field(
        default=None, description="(row, col) of the cell this position is merged into"
    )
    confidence: float | None = Field(default=None, description="0–1 OCR confidence, when read by OCR")
    alternatives: list[str] = Field(
        default_factory=list,
        description="Other readings OCR made of a short cell (a code, points); ``text`` is the likeliest",
    )


class Block(BaseModel):
    kind: BlockKind
    raw: str = ""
    text: str = ""
    level: int | None = Field(default=None, description="Heading level, 1 = top")
    list_label: str | None = Field(default=None, description="Automatic numbering, e.g. '1.' or 'a)'")
    rows: list[list[Cell]] = Field(default_factory=list, description="Tables only: the resolved grid")
    provenance: Provenance

    def row_texts(self, row: int) -> list[str]:
        return [cell.text for cell in self.rows[row]]


class DocumentFormat(StrEnum):
    DOCX = "docx"
    PDF = "pdf"
    DOC = "doc"
    ODT = "odt"
    RTF = "rtf"
    TXT = "txt"


class Document(BaseModel):
    file: str
    sha256: str
    format: DocumentFormat
    pages: int | None = None
    legacy_encoding: str | None = Field(default=None, description="'tcvn3'/'vni' when converted as a whole")
    ocr_pages: list[int] = Field(default_factory=list, description="Pages read by OCR")
    blocks: list[Block]

    def tables(self) -> list[Block]:
        return [b for b in self.blocks if b.kind is BlockKind.TABLE]

    def body_text_blocks(self) -> list[Block]:
        return [
            b for b in self.blocks if b.kind is not BlockKind.TABLE and b.provenance.part is Part.BODY
        ]
