"""What kind of document a file is, before it is taken for a unit's report.

An inbox holds more than reports: the cluster's invitation, a công văn, a plan, a news article
about another cluster's conference, a cover note. Each says what it is: its title line ("GIẤY
MỜI", or in sentence case "Kế hoạch tổ chức Hội nghị …"), the type code of its number line ("Số:
15/GM-CTĐ5"), or, for a công văn that has no title and a number with no type code ("Số:
45/CĐYT-TCHC"), its subject line "V/v …". A text with neither a number line, the national motto
nor a title is not an administrative document at all. A cover (a công văn, a note) or a file that
names no kind is read as the report it carries: a self-scoring table, or a report further down
(its own title "BÁO CÁO" with the year, after the cover letter). A biên bản or a tờ trình with a
table of self-scores stays what it says it is (the cluster's check of a unit, its proposal). The
vocabulary is rules/document_kinds.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.core.model import Document
from pipeline.core.textnorm import fold
from pipeline.understanding.header import HeaderFacts, HeaderLine, block_lines, header_lines
from pipeline.understanding.rules import document_kinds, unit_rules

OTHER = "other"
_TYPE_CODE = re.compile(r"/\s*([^\W\d_]{1,4})\s*(?:[-–]|$)")
_TITLE_LINES = 12  # header lines searched for the title
# A title written in sentence case ("Kế hoạch tổ chức Hội nghị tổng kết năm 2023") is a short line
# that ends without a sentence's punctuation and names no other document ("Kế hoạch số 12/KH-…").
_TITLE_WORDS = 25
_SENTENCE_END = (".", ";", ",", "!", "?", "…")
_REFERENCE = re.compile(r"\d\s*/\s*[^\W\d_]")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_HEADER_START = re.compile(r"^(?:số\s*(?::|\d|$)|v/v|v\.v)")  # the number line ("Số:", "Số 15/…"), the subject
_MOTTO_LINE = ("độc lập", "tự do", "hạnh phúc")  # on a line of its own, or beside the issuer (a tab)
_DATE_LINE = re.compile(r"\bngày\b.*\btháng\b")
_CARRIED_TITLE_LINES = 3  # a carried report's title line and the lines under it that hold its year


@dataclass(frozen=True)
class KindFound:
    kind: str  # a key of rules/document_kinds.yaml, or OTHER
    name: str  # as the run report says it: "giấy mời"
    evidence: str  # what said so: "số 15/GM-CTĐ5", "tiêu đề “GIẤY MỜI”"

    @property
    def scored(self) -> bool:
        return self.kind in document_kinds().scored


def document_kind(doc: Document, header: HeaderFacts, has_table: bool,
                  lines: list[HeaderLine] | None = None) -> KindFound:
    """``lines``: header_lines(doc), when the caller has them already."""
    vocabulary = document_kinds()
    lines = lines if lines is not None else list(header_lines(doc))
    administrative = header.doc_number is not None or vocabulary.motto in " ".join(fold(ln.text) for ln in lines)
    subject = _by_subject(lines) if administrative else None
    own = (_by_title(lines, administrative) or (subject if subject is not None and subject.scored else None)
           or _by_type_code(header.doc_number) or subject)
    if own is None or own.scored or own.kind in vocabulary.covers:
        # What a report, a cover or an unnamed file carries: a self-scoring table, a report further down.
        # (A biên bản or a tờ trình with a table of self-scores stays what it says it is: the cluster's
        # check of a unit, its proposal.)
        if has_table:
            return _report("có bảng tự chấm điểm")
        carried = _carried_report(doc) if own is None or not own.scored else None
        if carried is not None:
            return carried
    if own is not None:
        return own
    if not administrative:
        return KindFound(OTHER, vocabulary.other_name, "không có số văn bản, quốc hiệu hay tiêu đề báo cáo")
    return _report("")


def titled_kind(doc: Document) -> KindFound | None:
    """The kind the document's own title names at its top ("BÁO CÁO", "GIẤY MỜI", or a title in
    sentence case under the administrative header), read without the header's facts."""
    lines = list(header_lines(doc))
    administrative = any(_HEADER_START.match(fold(ln.text).strip()) for ln in lines) or (
        document_kinds().motto in " ".join(fold(ln.text) for ln in lines))
    return _by_title(lines, administrative)


def _report(evidence: str) -> KindFound:
    return KindFound("report", document_kinds().kinds["report"].name, evidence)


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


def _by_title(lines: list[HeaderLine], administrative: bool) -> KindFound | None:
    """The first header line that is a kind's title: on its own ("GIẤY MỜI", "Giấy mời"), in
    capitals before its summary ("KẾ HOẠCH TỔ CHỨC …"), or, as the first line after the
    administrative header, a title line in sentence case ("Kế hoạch tổ chức Hội nghị …")."""
    kinds = document_kinds().kinds
    # A title is where a line starts with one: the others are not compared with every kind's titles.
    titles = tuple(title for kind in kinds.values() for title in kind.titles)
    first = True  # no text of the document's own yet: only the header (or nothing) above
    for line in lines[:_TITLE_LINES]:
        text = " ".join(line.text.split())
        folded = fold(text).strip(" :")
        for key, kind in kinds.items() if folded.startswith(titles) else ():
            if any(_is_title(text, folded, title, first, administrative) for title in kind.titles):
                return KindFound(key, kind.name, f"tiêu đề “{text[:60]}”")
        first = first and _is_header_line(text, folded)
    return None


def _is_title(text: str, folded: str, title: str, first: bool, administrative: bool) -> bool:
    if folded == title:
        return True
    if not folded.startswith(title + " "):
        return False
    if text[: len(title)].isupper():
        return True
    rest = folded[len(title) :].strip()
    if not (first and text[:1].isupper()) or rest.startswith("số "):
        return False
    # Under a number line or the motto the first line is the title, even when a PDF reader ran the
    # body into it ("Giấy mời dự Hội nghị … năm 2023 Thực hiện Kế hoạch số 09/KH-…").
    return administrative or (not text.endswith(_SENTENCE_END) and len(text.split()) <= _TITLE_WORDS
                              and not _REFERENCE.search(rest))


def _is_header_line(text: str, folded: str) -> bool:
    """A line of the administrative header: issuer and motto in capitals, the motto's second line,
    the number, subject and place-date lines, a typed rule, a mark in brackets."""
    return (text.isupper() or not any(c.isalpha() for c in text) or _HEADER_START.match(folded) is not None
            or all(w in folded for w in _MOTTO_LINE) or _DATE_LINE.search(folded) is not None
            or (text.startswith("(") and text.endswith(")")))


def _by_subject(lines: list[HeaderLine]) -> KindFound | None:
    """A header line that opens with a kind's subject words: a công văn's "V/v gửi báo cáo …".
    A công văn whose subject is itself a report ("V/v báo cáo kết quả …") is a report written
    as a letter."""
    kinds = document_kinds().kinds
    # Only a line that starts with a subject word is compared with each kind's (the header's every
    # cell is read).
    subjects = tuple(subject for kind in kinds.values() for subject in kind.subjects)
    for line in lines:
        folded = fold(line.text).strip()
        for key, kind in kinds.items() if folded.startswith(subjects) else ():
            for subject in kind.subjects:
                if not (folded.startswith(subject) and folded[len(subject) : len(subject) + 1] in ("", " ", ":")):
                    continue
                evidence = f"trích yếu “{line.text.strip()[:60]}”"
                if folded[len(subject) :].strip(" :").startswith(tuple(kinds["report"].titles)):
                    return _report(evidence)
                return KindFound(key, kind.name, evidence)
    return None


def _carried_report(doc: Document) -> KindFound | None:
    """A report further down the file (after a cover letter or note): its title line in capitals
    ("BÁO CÁO", "BÁO CÁO TỔNG KẾT … NĂM 2023") with the year in it or right under it. Lines of
    tables and of numbered lists are not titles (a list of the documents to send)."""
    lines = [ln for b in doc.body_text_blocks() if b.list_label is None for ln in block_lines(b)]
    for i, line in enumerate(lines):
        text = line.text.strip(" :")
        if not (text.isupper() and _opens_report_title(fold(text))):
            continue
        if any(_YEAR.search(ln.text) for ln in lines[i : i + _CARRIED_TITLE_LINES]):
            return _report(f"báo cáo gửi kèm trong tệp: “{text[:60]}”")
    return None


def _opens_report_title(folded: str) -> bool:
    """The line starts with a report's title, or with the unit's name run into it (a PDF reader
    joins the centred capitals of the report's own header and its title: "TRƯỜNG CAO ĐẲNG … BÁO
    CÁO TỔNG KẾT …")."""
    titles = tuple(document_kinds().kinds["report"].titles)
    if folded.startswith(titles):
        return True
    return folded.startswith(tuple(unit_rules().institution_starts)) and any(
        re.search(rf"\s{re.escape(t)}\b", folded) for t in titles)
