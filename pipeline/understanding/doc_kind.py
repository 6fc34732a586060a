"""What kind of document a file is, before it is taken for a unit's report.

An inbox holds more than reports: the cluster's invitation, a công văn, a plan, a news article
about another cluster's conference, a cover note. Each says what it is: the type code of its
number line ("Số: 15/GM-CTĐ5"), its title line ("GIẤY MỜI"); a text with neither a number line,
the national motto nor a report's title is not an administrative document at all. A file of
another kind that carries a self-scoring table (a công văn sending the report in one file) is
read as the report it carries. The vocabulary is rules/document_kinds.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.model import Document
from pipeline.textnorm import fold
from pipeline.understanding.header import HeaderFacts, header_lines
from pipeline.understanding.rules import document_kinds

OTHER = "other"
_TYPE_CODE = re.compile(r"/\s*([^\W\d_]{1,4})\s*(?:[-–]|$)")
_TITLE_LINES = 12  # header lines searched for the title


@dataclass(frozen=True)
class KindFound:
    kind: str  # a key of rules/document_kinds.yaml, or OTHER
    name: str  # as the run report says it: "giấy mời"
    evidence: str  # what said so: "số 15/GM-CTĐ5", "tiêu đề “GIẤY MỜI”"

    @property
    def scored(self) -> bool:
        return self.kind in document_kinds().scored


def document_kind(doc: Document, header: HeaderFacts, has_table: bool) -> KindFound:
    vocabulary = document_kinds()
    if has_table:
        return KindFound("report", vocabulary.kinds["report"].name, "có bảng tự chấm điểm")
    found = _by_title(doc) or _by_type_code(header.doc_number)
    if found is not None:
        return found
    lines = " ".join(fold(ln.text) for ln in header_lines(doc))
    if header.doc_number is None and vocabulary.motto not in lines:
        return KindFound(OTHER, vocabulary.other_name, "không có số văn bản, quốc hiệu hay tiêu đề báo cáo")
    return KindFound("report", vocabulary.kinds["report"].name, "")


def _by_type_code(number: str | None) -> KindFound | None:
    if not number:
        return None
    match = _TYPE_CODE.search(number)
    if match is None:
        return None
    code = match.group(1).upper()
    for key, kind in document_kinds().kinds.items():
        if code in (c.upper() for c in kind.codes):
            return KindFound(key, kind.name, f"số {number}")
    return None


def _by_title(doc: Document) -> KindFound | None:
    """The first header line that is a kind's title on its own ("GIẤY MỜI", "KẾ HOẠCH …")."""
    kinds = document_kinds().kinds
    for i, line in enumerate(header_lines(doc)):
        if i >= _TITLE_LINES:
            break
        folded = fold(line.text).strip(" :")
        for key, kind in kinds.items():
            for title in kind.titles:
                if folded == title or (folded.startswith(title + " ") and line.text.strip()[:len(title)].isupper()):
                    return KindFound(key, kind.name, f"tiêu đề “{line.text.strip()[:60]}”")
    return None
