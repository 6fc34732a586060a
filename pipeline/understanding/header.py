"""The administrative header of a report: number line, place-date line, title and report year."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from itertools import islice

from pipeline.core.model import Block, BlockKind, Document, Part, Provenance
from pipeline.core.textnorm import fold
from pipeline.understanding.facts import Quote

_NUMBER = re.compile(r"\bsố\s*:\s*(\d{1,5}\s*/\s*[a-zđ0-9]+(?:\s*-\s*[a-zđ0-9]+)*(?:/[a-zđ0-9-]+)?)")
_DATE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")
_YEAR = re.compile(r"\bnăm\s+(\d{4})\b")
# "Hải Phòng, ngày 10 tháng 12 năm 2023": the place is the name before ", ngày" (the number line
# may share the line: a tab, or glued by OCR).
_PLACE = re.compile(r"(?<![\w/-])((?:(?:TP|Tp|tp)\.\s*)?(?:[^\W\d_][^\W\d_]*\s*){1,5}),\s*ngày\b")
# What _PLACE cannot match without, found fast (it starts with a literal): _PLACE itself is tried
# from every letter of a line, a few words each time, and many lines say "ngày" elsewhere.
_PLACE_DATE = re.compile(r",\s*ngày\b")
# Document types whose title line carries the report year: a report, or its scoring table sent apart.
TITLE_WORDS = ("báo cáo", "bảng tự chấm", "bảng chấm điểm", "bảng điểm thi đua")
# How many blocks from the top can hold the header and title.
HEADER_BLOCKS = 14


@dataclass(frozen=True, eq=False)
class HeaderLine:
    text: str
    block: Block
    row: int | None = None  # of a table's cell
    cell: int | None = None

    @cached_property
    def provenance(self) -> Provenance:
        # Made when asked for: a report's top is read four times, and few lines are ever quoted.
        if self.row is None:
            return self.block.provenance
        return self.block.provenance.model_copy(update={"row": self.row, "cell": self.cell})


def header_lines(doc: Document, limit: int = HEADER_BLOCKS) -> Iterator[HeaderLine]:
    """Text lines of the top of the document: paragraphs and each cell of header tables."""
    # The first ``limit`` body blocks, not a list of all of them: a report has hundreds, and its
    # top is read four times (header, kind, issuer).
    body = (b for b in doc.blocks if b.provenance.part is Part.BODY)
    for block in islice(body, limit):
        yield from block_lines(block)


def block_lines(block: Block) -> Iterator[HeaderLine]:
    """Each line of a paragraph, or of each table cell, with the cell's provenance."""
    for text, row, cell in block_places(block):
        for line in text.split("\n"):
            if line.strip():
                yield HeaderLine(line.strip(), block, row, cell)


def block_places(block: Block) -> Iterator[tuple[str, int | None, int | None]]:
    """A paragraph's text, or each table cell's text (merged cells once) with its (row, cell): the
    cell's provenance is made only for the few texts quoted (a copy per cell was most of finding a
    unit's name)."""
    if block.kind is not BlockKind.TABLE:
        yield block.text, None, None
        return
    for r, row in enumerate(block.rows):
        for c, cell in enumerate(row):
            if cell.merged_from is None and cell.text:
                yield cell.text, r, c


@dataclass
class HeaderFacts:
    doc_number: str | None
    doc_date: dt.date | None
    title: str | None
    title_provenance: Provenance | None
    year: int | None
    year_source: Quote | None
    place: str | None = None


def is_title_line(text: str) -> bool:
    """A report's (or its scoring table's) title line: "BÁO CÁO", "BẢNG TỰ CHẤM ĐIỂM …"."""
    return fold(text).startswith(TITLE_WORDS)


def read_header(doc: Document, lines: list[HeaderLine] | None = None) -> HeaderFacts:
    """``lines``: header_lines(doc), when the caller has them already."""
    lines = lines if lines is not None else list(header_lines(doc))
    # Each pattern is searched only in lines holding its word ("số", "ngày"): the searches start with a
    # word boundary or a lookbehind, tried at every character of every line of the top of the report.
    number = next((m.group(1) for ln in lines
                   if "số" in (f := fold(ln.text)) and ":" in f and (m := _NUMBER.search(f))), None)
    date = next((_date(m) for ln in lines if (m := _DATE.search(fold(ln.text)))), None)
    title, title_prov = _title(lines)
    year, source = _year(title, title_prov, date)
    place = next((p for ln in lines
                  if _PLACE_DATE.search(ln.text) and (m := _PLACE.search(ln.text)) and (p := _place(m.group(1)))), None)
    return HeaderFacts(
        doc_number=_original_case(number, lines),
        doc_date=date,
        title=title,
        title_provenance=title_prov,
        year=year,
        year_source=source,
        place=place,
    )


def _place(text: str) -> str | None:
    """The place as a name: its capitalised words before ", ngày" ('HẢI PHÒNG' → 'Hải Phòng',
    'TP. Hồ Chí Minh' kept; 'Số: 15/BC-CĐ Hà Nội' → 'Hà Nội')."""
    words = text.split()
    kept: list[str] = []
    for word in reversed(words):
        if not (word[:1].isupper() or fold(word) == "tp."):
            break
        kept.insert(0, word)
    name = " ".join(kept)
    if not kept or fold(name) in ("số", "v/v"):
        return None
    if name.isupper():
        return " ".join(w if w.endswith(".") else w.capitalize() for w in kept)
    return name


def _date(match: re.Match[str]) -> dt.date | None:
    day, month, year = (int(g) for g in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _title(lines: list[HeaderLine]) -> tuple[str | None, Provenance | None]:
    """'BÁO CÁO' plus the summary line(s) after it, e.g. 'Tổng kết công tác … năm 2023 …'."""
    for i, line in enumerate(lines):
        folded = fold(line.text)
        kind = next((w for w in TITLE_WORDS if folded.startswith(w)), None)
        if kind is not None and len(folded) < 200:
            rest = line.text[len("BÁO CÁO"):].strip(" :") if kind == "báo cáo" else line.text
            parts = [rest] if rest else []
            for follower in lines[i + 1 : i + 3]:
                if _YEAR.search(fold(follower.text)) or not parts:
                    parts.append(follower.text)
                if _YEAR.search(fold(" ".join(parts))):
                    break
            return " ".join(parts).strip() or None, line.provenance
    return None, None


def _year(title: str | None, prov: Provenance | None, date: dt.date | None) -> tuple[int | None, Quote | None]:
    if title and prov and (m := _YEAR.search(fold(title))):
        return int(m.group(1)), Quote(text=title, provenance=prov)
    if date is not None:
        # A report signed in January or February is about the year before.
        return (date.year - 1 if date.month <= 2 else date.year), None
    return None, None


def _original_case(number: str | None, lines: list[HeaderLine]) -> str | None:
    """The number as written (folding lower-cased it): find it again in the original line."""
    if number is None:
        return None
    for ln in lines:
        folded = fold(ln.text)
        pos = folded.find(number)
        if pos >= 0:
            return re.sub(r"\s+", "", ln.text[pos : pos + len(number)])
    return number
