"""Self-scores written in prose, criterion by criterion, by units that send no table.

"Tiêu chí 1.2. Tự chấm: 9,5/10 điểm.", "Phần a4. Tự chấm 5,5/3,5 điểm (cộng 2 điểm)",
"- Nội dung 2.1 (Công tác tuyển sinh): tự chấm 8 điểm", or a heading naming the criterion and,
under it, "Đơn vị tự chấm: 18/20 điểm." A score is given to the criterion its own paragraph
names (the cluster's code, else its title), else the one the nearest heading above names. A
score naming no criterion is reported, not guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise

from pipeline.config.rubric import Criterion, Rubric
from pipeline.core.model import Block, Document
from pipeline.core.textnorm import fold, parse_number
from pipeline.understanding.facts import RowKind, SelfScoreRow, SelfScoreTable
from pipeline.understanding.similarity import word_set, words

# "tự chấm: 9,5/10 điểm", "tự chấm 8 điểm", "tự chấm: trừ 1 điểm", "tự chấm cộng 0,5 điểm",
# "tự chấm được 18 điểm"
_SCORE = re.compile(
    r"tự chấm\s*(?:được|là|đạt)?\s*:?\s*(?P<sign>trừ\s*|cộng\s*|-\s*|\+\s*)?(?P<self>\d+(?:[.,]\d+)?)"
    r"\s*(?:/\s*(?P<max>\d+(?:[.,]\d+)?))?\s*điểm"
)
_SCORE_WORDS = "tự chấm"  # what _SCORE cannot match without
# The total's own words just before "tự chấm" ("Tổng điểm tự chấm", "Tổng cộng điểm tự chấm").
_TOTAL_BEFORE = re.compile(r"(?:^|\W)(?:tổng cộng|tổng điểm|tổng số điểm)(?:\W+\w+){0,2}\W*$")
# What comes before a code that opens a text: "- ", "Tiêu chí ", "Phần ", "Nội dung ", "Mục ".
_LEAD = re.compile(r"^[\s\-–+*•;,.]*(?:(?:tiêu chí|phần|nội dung|mục|điểm)\s+)?")
_TITLE_OK = 0.6  # a text names a row by its title when each holds this share of the other's words
_TITLE_WORDS = 3  # and the text naming it at least this many words
_HEADING_WORDS = 30  # a paragraph this short can name the criterion the next paragraph scores
_HEADING_LETTERS = 12  # letters of a heading in capitals run into the text under it
_TOKEN = re.compile(r"\S+")
_SENTENCE_END = (".", ":", ";", "!", "?")


@dataclass(frozen=True)
class _Place:
    """A row of the rubric a text can name: its code, title, whether a unit scores it, and the
    codes of the rows above it."""

    code: str
    title: str
    scored: bool
    above: tuple[str, ...]

    @cached_property
    def words(self) -> frozenset[str]:  # folded once: every paragraph is compared with every row
        return word_set(self.title)


def _places(rubric: Rubric) -> list[_Place]:
    scored = {c.code for _, c in rubric.leaves()}
    places: list[_Place] = []

    def walk(criteria: list[Criterion], above: tuple[str, ...]) -> None:
        for c in criteria:
            places.append(_Place(c.code, c.title, c.code in scored, above))
            walk(c.criteria, (*above, c.code))

    for group in rubric.groups:
        places.append(_Place(group.code, group.title, False, ()))
        walk(group.criteria, (group.code,))
    return places


def prose_self_scores(doc: Document, rubric: Rubric) -> SelfScoreTable | None:
    """The self-scores the report writes in its paragraphs, or None when it writes none."""
    blocks = doc.body_text_blocks()
    said = [fold(block.text) for block in blocks]
    # A score is a match of _SCORE in a part of a paragraph, so in the paragraph: a report with none
    # (most of those without a self-scoring table: "bảng tự chấm điểm" is no score) has no score,
    # and its paragraphs need not be cut into parts and headings. The words first: a plain test.
    if not any(_SCORE_WORDS in folded and _SCORE.search(folded) for folded in said):
        return None
    reader = _Reader(_places(rubric))
    rows: list[SelfScoreRow] = []
    unmatched: list[str] = []
    for block, folded in zip(blocks, said, strict=True):
        for start, end in _parts(block.text, folded):
            match = _SCORE.search(folded, start, end)
            if match is None:
                if len(folded[start:end].split()) <= _HEADING_WORDS:
                    reader.heading(block.text[start:end])
                continue
            before = block.text[start: match.start()]
            if _TOTAL_BEFORE.search(fold(before)):
                continue  # "Tổng điểm tự chấm: 84,5 điểm": the total, read as the total
            place = reader.scored(before)
            if place is None:
                unmatched.append(block.text.strip()[:80])
                continue
            rows.append(_row(block, match, rubric.criterion(place.code)))
    if not rows:
        return None
    return SelfScoreTable(rows=rows, claimed_total=None, unmatched=unmatched, problems=_twice(rows),
                          provenance=rows[0].provenance)


def _parts(text: str, folded: str) -> list[tuple[int, int]]:
    """Where a paragraph holds paragraphs of its own, as a PDF runs them together when nothing
    spaces them: each score ends one ("Phần B.1. Tự chấm 25/25 điểm; phần B.2. Tự chấm …", or
    "… tự chấm 10/10 điểm Chất lượng đào tạo …": the next item's heading), and a heading in
    capitals is one ("I. THỰC HIỆN NHIỆM VỤ … ĐƯỢC GIAO Hoàn thành chỉ tiêu tuyển sinh …")."""
    cuts = {m.end() for m in _SCORE.finditer(folded)}
    cuts |= _capitals_headings(text, folded, cuts)
    bounds = [0, *sorted(c for c in cuts if 0 < c < len(text)), len(text)]
    return list(pairwise(bounds))


def _capitals_headings(text: str, folded: str, cuts: set[int]) -> set[int]:
    """Both ends of each heading in capitals that opens a part (the paragraph, the text after a
    score or after a sentence) and runs into text that is not in capitals. Not before the score
    it introduces ("- ĐƯỢC TẶNG CỜ THI ĐUA …: tự chấm 2 điểm" is one item)."""
    found: set[int] = set()
    # The words as str.split gives them (the same as _TOKEN's matches: both split at str.isspace),
    # their places found only for a run of capitals long enough to be a heading (most paragraphs
    # have none): a match object and a generator per word were most of reading prose scores.
    said = text.split()
    lower = [_has_lower(word) for word in said]
    if all(lower):
        return found
    tokens: list[re.Match[str]] | None = None
    i = 0
    while i < len(said):
        if lower[i]:
            i += 1
            continue
        end = i
        while end < len(said) and not lower[end]:
            end += 1
        # Most tokens are in small letters: the costlier tests only for a run of capitals.
        if end < len(said) and sum(ch.isalpha() for word in said[i:end] for ch in word) >= _HEADING_LETTERS:
            tokens = tokens or list(_TOKEN.finditer(text))
            if (not _SCORE.match(folded, tokens[end].start())  # runs into text
                    and (i == 0 or tokens[i - 1].group().endswith(_SENTENCE_END)
                         or any(tokens[i - 1].end() <= cut <= tokens[i].start() for cut in cuts))):  # opens a part
                found |= {tokens[i].start(), tokens[end].start()}
        i = end
    return found


def _has_lower(word: str) -> bool:
    """``any(ch.islower() for ch in word)``, from str.islower and str.isupper when they settle it
    (all cased letters small, with one at least; or all capitals), which most words do."""
    return word.islower() or (not word.isupper() and any(ch.islower() for ch in word))


class _Reader:
    """Which rubric row each score belongs to, reading in order: a heading names a row (the
    context for what follows); a score goes to the scored row its own words name, else to the
    row the last heading named."""

    def __init__(self, places: list[_Place]) -> None:
        self.places = places
        # Each row's title words, read once (a cached property is a call each, and every short
        # paragraph is compared with every row).
        self.titles = [(p, p.words) for p in places]
        self.scored_titles = [(p, words) for p, words in self.titles if p.scored]
        self.by_code = {_plain(p.code): p for p in places}
        self.context: _Place | None = None  # the last row a heading named
        self.pending: _Place | None = None  # a scored row named by a heading, waiting for its score
        self.scored_codes: set[str] = set()

    def heading(self, text: str) -> None:
        place = self._named(text)
        if place is not None:
            self.context = place
            self.pending = place if place.scored else None

    def scored(self, text: str) -> _Place | None:
        own = self._named(text, scored_only=True)
        place = own if own is not None and own.scored else self.pending
        self.pending = None
        if own is not None:
            self.context = own
        if place is not None:
            self.scored_codes.add(place.code)
        return place

    def _named(self, text: str, scored_only: bool = False) -> _Place | None:
        """A code as the cluster writes it ("1.2", "a4", "II.3.b") opening the text, else a title
        the text carries (``scored_only``: of a row a unit scores), the rows under the current
        heading first."""
        lead = _LEAD.match(fold(text))
        first = text[lead.end() if lead else 0:].split(maxsplit=1)
        said = words(text)
        if first and (key := _plain(first[0].rstrip(":,;)"))) in self.by_code:
            return self._run_in(said, self.by_code[key])
        if len(said) < _TITLE_WORDS:
            return None  # "Đơn vị tự chấm …": too few words to name a criterion by its title
        places = self.scored_titles if scored_only else self.titles
        good = [(share, self._near(p), p) for p, title in places if (share := _both_ways(said, title))]
        # The closer title first; between titles as close, the row nearer the current heading
        # (the same item title, "Có sáng kiến …", under several criteria).
        return self._run_in(said, max(good, key=lambda s: s[0] + 0.05 * s[1])[2]) if good else None

    def _run_in(self, said: set[str], place: _Place) -> _Place:
        """The row a heading names: ``place``, or, when place holds rows and the heading says more
        than its title, the row under it whose title the rest names (a group's heading and its
        first item's run together in capitals: "I. THỰC HIỆN NHIỆM VỤ … ĐƯỢC GIAO HOÀN THÀNH CHỈ
        TIÊU TUYỂN SINH ĐƯỢC GIAO")."""
        rest = said - place.words
        if place.scored or len(rest) < _TITLE_WORDS:
            return place
        under = [(share, p) for p in self.places if place.code in p.above and (share := _both_ways(rest, p.words))]
        return max(under, key=lambda s: s[0])[1] if under else place

    def _near(self, place: _Place) -> int:
        """How close a row is to the current heading: under it (2), under the row above it (1),
        elsewhere (0); a scored row not yet scored before one already scored."""
        context, near = self.context, 0
        if context is not None and (context.code in place.above or place.code == context.code):
            near = 2
        elif context is not None and context.above and context.above[-1] in place.above:
            near = 1
        return 2 * near + (place.code not in self.scored_codes)


def _twice(rows: list[SelfScoreRow]) -> list[str]:
    """A criterion scored twice with different figures (a summary and a detail that disagree)."""
    seen: dict[str, SelfScoreRow] = {}
    problems = []
    for row in rows:
        first = seen.setdefault(row.code or "", row)
        if first is not row and first.self_score != row.self_score:
            problems.append(f"Tiêu chí {row.code} được tự chấm hai lần khác nhau: “{first.self_score_as_written}” "
                            f"({first.provenance.describe()}) và “{row.self_score_as_written}” "
                            f"({row.provenance.describe()})")
    return problems


def _row(block: Block, match: re.Match[str], criterion: Criterion) -> SelfScoreRow:
    value = parse_number(match.group("self"))  # "trừ 1 điểm": deductions are kept as positive amounts
    written = block.text[match.start(): match.end()]
    return SelfScoreRow(kind=RowKind.CRITERION, code=criterion.code, code_as_written="", label=criterion.title,
                        max_points=parse_number(match.group("max")) if match.group("max") else None,
                        self_score=value, self_score_as_written=written, match="prose",
                        provenance=block.provenance)


def _both_ways(said: set[str], title: frozenset[str]) -> float:
    """How much a text and a title share, when each is mostly the other (a heading or a label
    is its title; "Minh chứng: … báo cáo kết quả thực hiện …" is not the title "Báo cáo kết quả
    thực hiện"); 0 otherwise."""
    if not title:
        return 0.0
    common = len(said & title)
    share = min(common / len(said), common / len(title))
    return share if share >= _TITLE_OK else 0.0


def _plain(code: str) -> str:
    return re.sub(r"[\s()]", "", code).strip(".").upper()
