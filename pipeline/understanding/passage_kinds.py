"""What a passage of a report is, for evidence: a stated fact, or something that only shares a
criterion's words (a title, a heading, the opening reference, the unit's description, a
difficulty, next year's target). The words are data: rules/evidence.yaml.

Blocks are judged first (the title area, headings, the situation section, the assessment's
limitations, directions and proposals, the signature block), then each sentence of the others.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from pipeline.core.model import Block, BlockKind
from pipeline.core.textnorm import fold
from pipeline.understanding.facts import SectionKind
from pipeline.understanding.header import is_title_line
from pipeline.understanding.rules import EvidenceWords, evidence_words
from pipeline.understanding.scan import blank_after, finditer_after, not_word_or, whole_word, word_start
from pipeline.understanding.sections import block_sections


class PassageKind(StrEnum):
    FACT = "fact"  # states a result: a figure, a document issued or dated, an achievement verb
    STATEMENT = "statement"  # says what the unit does, without a figure or a result
    TITLE = "title"
    HEADING = "heading"
    FRAMING = "framing"  # the opening reference, a lead-in to a table, the recipients
    DESCRIPTION = "description"
    DIFFICULTY = "difficulty"
    TARGET = "target"


EVIDENCE = frozenset({PassageKind.FACT, PassageKind.STATEMENT})
_TITLE_TOP = 20  # the title line sits within the first blocks
_TITLE_FOLLOWERS = 2  # summary lines after "BÁO CÁO"
_TITLE_WORDS = 40

_LIST_LABEL = re.compile(r"^\s*(?:[-–+•*]\s*|\d{1,2}(?:\.\d{1,2})*[.)]\s*|[ivx]{1,5}[.)]\s*|[a-zđ]\)\s*)+")
_ROMAN_LABEL = re.compile(r"^\s*(?:phần\s+(?:thứ\s+)?\S+\s*[.:-]?\s*)?")
# Each of these starts at a word boundary or after a lookbehind, checked on the character before
# a match of the rest (scan.py: ~3× faster than the engine trying the assertion everywhere).
_DATE = re.compile(r"\d{1,2}/\d{1,2}/(?:19|20)\d{2}\b|ngày \d{1,2} tháng \d{1,2}(?: năm \d{4})?")  # \b…
_DOCUMENT = re.compile(r"\d{1,4}/(?:\d{4}/)?[^\W\d_][\w.-]*")  # \b…
_PERCENT = re.compile(r"\d[\d.,]*\s?%")
_FRACTION = re.compile(r"\d[\d.]*/\d[\d.]*(?![\w/])")  # (?<![\w/])…
_AFTER_FRACTION = not_word_or("/")
_NUMBER_WORD = re.compile(r"(\d[\d.,]*)\s+([^\W\d_]+)")  # (?<![\w/.,%])…
_AFTER_NUMBER_WORD = not_word_or("/.,%")
_NOT_COUNTS = ("số", "năm", "tháng", "ngày", "khóa", "khoá", "đoạn", "điều", "khoản", "mẫu", "lần thứ")
_DURATIONS = ("tháng", "năm", "ngày", "tuần", "giờ", "tuổi")  # "sau 12 tháng": a time, not a result
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_YEAR_DIGITS = re.compile(r"(?=((?:19|20)\d\d))")  # every place four digits could read as a year
_FOUR_YEAR_DIGITS = re.compile(r"(?:19|20)\d\d")  # whether there is one
_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"[^\W_]+")
_INNER_STOP = re.compile(r"[.;!?:]\s+\S")  # a stop inside the text: more than one sentence


@dataclass(frozen=True)
class FactCues:
    """What in a sentence states a fact."""

    figure: bool  # a percentage or a fraction ("1.250/1.200")
    count: bool  # a number of something ("18 đề tài")
    document: bool  # a document number ("05/KH-CTĐ18")
    date: bool
    achievements: int  # result verbs found ("đạt", "được tặng", "ban hành")
    activities: int  # verbs of things done ("tổ chức", "triển khai")

    @property
    def any(self) -> bool:
        return self.figure or self.count or self.document or self.date or self.achievements + self.activities > 0

    def weight(self) -> float:
        return (2.0 * self.figure + 1.5 * self.count + 2.0 * self.document + 1.0 * self.date
                + 1.5 * min(self.achievements, 2) + 0.5 * min(self.activities, 2))


@dataclass(frozen=True)
class BlockRole:
    """A block's place for evidence: a kind that rules out all its sentences, or None (judge each
    sentence); ``assessment``: the report's own praise ("Ưu điểm"), kept but ranked low."""

    kind: PassageKind | None = None
    assessment: bool = False


def block_roles(blocks: list[Block], sections: list[SectionKind | None] | None = None) -> list[BlockRole]:
    """``sections``: block_sections(blocks), when the caller has them already."""
    words = evidence_words()
    sections = sections if sections is not None else block_sections(blocks)
    title_end = _title_end(blocks)
    roles: list[BlockRole] = []
    situation = signature = False
    for i, block in enumerate(blocks):
        folded = fold(block.text)
        if i <= title_end:
            roles.append(_TITLE_ROLE)
            continue
        if is_heading(block, words):
            situation = _has(_bare(folded), words.situation_headings)
            signature = False
            roles.append(_HEADING_ROLE)
            continue
        signature = signature or folded.startswith("nơi nhận")
        opening = i == title_end + 1 and title_end >= 0 and _bare(folded).startswith(tuple(words.openings))
        roles.append(_role(sections[i], situation, signature or opening))
    return roles


# Roles are frozen: the same few are handed out for every block, not a dataclass made per block.
_TITLE_ROLE, _HEADING_ROLE, _FRAMING_ROLE, _DESCRIPTION_ROLE, _DIFFICULTY_ROLE, _TARGET_ROLE = (
    BlockRole(kind) for kind in (PassageKind.TITLE, PassageKind.HEADING, PassageKind.FRAMING,
                                 PassageKind.DESCRIPTION, PassageKind.DIFFICULTY, PassageKind.TARGET))
_SENTENCES_ROLE, _ASSESSMENT_ROLE = BlockRole(), BlockRole(assessment=True)


def _role(section: SectionKind | None, situation: bool, framing: bool) -> BlockRole:
    if framing:
        return _FRAMING_ROLE
    if situation:
        return _DESCRIPTION_ROLE
    if section in (SectionKind.LIMITATIONS, SectionKind.CAUSES):
        return _DIFFICULTY_ROLE
    if section in (SectionKind.DIRECTIONS, SectionKind.PROPOSALS):
        return _TARGET_ROLE
    return _ASSESSMENT_ROLE if section is SectionKind.STRENGTHS else _SENTENCES_ROLE


def _title_end(blocks: list[Block]) -> int:
    """Index of the last block of the title ("BÁO CÁO" and its summary lines), -1 if none."""
    start = next((i for i, b in enumerate(blocks[:_TITLE_TOP]) if is_title_line(b.text) and len(b.text) < 200), None)
    if start is None:
        return -1
    end = start
    for block in blocks[start + 1 : start + 1 + _TITLE_FOLLOWERS]:
        text = block.text.strip()
        if (block.kind is BlockKind.HEADING or len(text.split()) > _TITLE_WORDS or text.endswith((".", ":"))
                or _bare(fold(text)).startswith(tuple(evidence_words().openings))):
            break
        end += 1
    return end


def is_heading(block: Block, words: EvidenceWords | None = None) -> bool:
    """A heading by style, a line in capitals, or a short line that does not read as a sentence
    (no figure, no "được"/"đã"/"có", whatever its final stop: "Đội ngũ.")."""
    words = words or evidence_words()
    text = block.text.strip()
    if block.kind is BlockKind.HEADING:
        return True
    if _in_capitals(text):
        return True
    bare = _bare(fold(text))
    # Words counted only up to one past the limit, in one match: a paragraph's hundred words need not be listed.
    if _more_words(words.heading_words).match(bare) or not _WORD.search(bare) or _INNER_STOP.search(bare):
        return False
    return not any(ch.isdigit() for ch in bare) and not _has_word(bare, words.statement_markers)


@lru_cache(maxsize=8)
def _more_words(count: int) -> re.Pattern[str]:
    """Matches a text (from its start) with more than ``count`` words (_WORD's runs): each run
    taken whole (possessive: a word is never split into two to make up the count)."""
    return re.compile(rf"(?:[\W_]*+[^\W_]++){{{count + 1}}}")


def _in_capitals(text: str) -> bool:
    """At least four letters, all capitals ("KẾT QUẢ THỰC HIỆN"). Stops at the first small letter:
    a paragraph's text is not walked to its end to learn that it is not a heading."""
    letters = 0
    for c in text:
        if c.isalpha():
            if not c.isupper():
                return False
            letters += 1
    return letters >= 4


def classify(sentence: str, role: BlockRole, year: int | None) -> PassageKind:
    """The kind of one sentence of a block whose role leaves it to its sentences."""
    if role.kind is not None:
        return role.kind
    words = evidence_words()
    text = _bare(fold(sentence))
    if text.startswith("căn cứ") or _has(text, words.framing):
        return PassageKind.FRAMING
    if _has(text, words.description):
        return PassageKind.DESCRIPTION
    if _has(text, words.targets) or _only_later_years(text, year):
        return PassageKind.TARGET
    if _difficulty(text, words):
        return PassageKind.DIFFICULTY
    return PassageKind.FACT if fact_cues(text).any else PassageKind.STATEMENT


def _difficulty(text: str, words: EvidenceWords) -> bool:
    for phrase in words.not_difficulty:
        text = text.replace(phrase, " " * len(phrase))
    cues = [text.find(c) for c in words.difficulty if c in text]
    if not cues:
        return False
    # "… gặp nhiều khó khăn, song Nhà trường vẫn tuyển sinh đạt 102%": the result is what it says.
    first = min(cues)
    for word in words.despite:
        m = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text[first:])
        if m and fact_cues(text[first + m.end():]).any and not _has(text[first + m.end():], words.difficulty):
            return False
    return True


@lru_cache(maxsize=2048)  # a sentence is judged (its label cut off) and then ranked (as it is): mostly the same text
def fact_cues(text: str) -> FactCues:
    """Figures, document numbers, dates and result verbs in folded text."""
    # Each pattern needs a character most sentences lack ("/", "%", a digit, "ngày"): testing for it
    # first skips the search (the regexes' lookbehinds make them ~5 µs a sentence each).
    date = document = figure = count = False
    if "/" in text or "ngày" in text:
        text, dates = blank_after(_DATE, text, word_start)
        date = dates > 0
    if "/" in text:
        text, documents = blank_after(_DOCUMENT, text, word_start)
        document = documents > 0
    if _DIGIT.search(text):
        figure = bool(("%" in text and _PERCENT.search(text))
                      or ("/" in text and next(finditer_after(_FRACTION, text, _AFTER_FRACTION), None)))
        count = any(_counts(m, text) for m in finditer_after(_NUMBER_WORD, text, _AFTER_NUMBER_WORD))
    words = evidence_words()
    return FactCues(figure=figure, count=count, document=document, date=date,
                    achievements=_words_in(text, words.achievements), activities=_words_in(text, words.activities))


def _words_in(text: str, words: list[str]) -> int:
    """How many of ``words`` occur in ``text`` as whole words."""
    return sum(1 for w in words if w in text and whole_word(text, w))


def _counts(match: re.Match[str], text: str) -> bool:
    number = match.group(1).rstrip(".,")
    if _YEAR.fullmatch(number):
        return False
    before = text[: match.start()].rstrip()
    return not before.endswith(_NOT_COUNTS) and match.group(2) not in _DURATIONS


def _only_later_years(text: str, year: int | None) -> bool:
    """The sentence names years, all after the report's ("Năm 2024, …" in a 2023 report)."""
    if year is None:
        return False
    # A year left once dates and document numbers are blanked is four digits of the text as it is:
    # when no such digits name a later year, none of the years can (the common case, no regex run).
    # _YEAR_DIGITS is a lookahead tried at every character: a text with no such four digits at all
    # (most sentences) is told by one search for them.
    if _FOUR_YEAR_DIGITS.search(text) is None or all(int(y) <= year for y in _YEAR_DIGITS.findall(text)):
        return False
    blanked, _ = blank_after(_DATE, blank_after(_DOCUMENT, text, word_start)[0], word_start)
    years = [int(y) for y in _YEAR.findall(blanked)]
    return bool(years) and min(years) > year


def _bare(folded: str) -> str:
    """Folded text without its list label or part number ("1. ", "- ", "Phần I. ")."""
    return _LIST_LABEL.sub("", _ROMAN_LABEL.sub("", folded, count=1) if folded.startswith("phần") else folded,
                           count=1).strip()


def _has(text: str, phrases: list[str]) -> bool:
    # A loop, not any() over a generator (a frame per call): called ~100 times a report's sentence.
    for p in phrases:  # noqa: SIM110
        if p in text:
            return True
    return False


def _has_word(text: str, words: list[str]) -> bool:
    # The plain substring test first: most words are absent, and it is ~50× cheaper than any search.
    for w in words:  # noqa: SIM110 (as in _has)
        if w in text and whole_word(text, w):
            return True
    return False


def sentence_words(text: str) -> int:
    # The count of a substitution: no list of the words made (a fifth cheaper than findall).
    return _WORD.subn("", text)[1]


def bare_topic(text: str, phrases: list[str]) -> bool:
    """A short sentence that is mostly the criterion's own words and states nothing: a heading
    run into the paragraph ("Chất lượng đào tạo. Nhà trường …")."""
    words = evidence_words()
    folded = _bare(fold(text))
    # Most sentences are longer than a heading: their words are counted only up to one past it.
    if _more_words(words.heading_words).match(folded):
        return False
    count = sentence_words(folded)
    if count == 0:
        return True
    if any(ch.isdigit() for ch in folded):
        return False
    if _has_word(folded, words.statement_markers):
        return False
    return sum(len(p.split()) for p in phrases) / count >= words.topic_share
