"""The year a report's text states for an award or a figure, and this year's facts apart from history.

A year-end report also tells its history ("năm 2022 được tặng Cờ thi đua …", "Bằng khen của Thủ
tướng năm 2023", "đạt 92% (năm 2022 là 88%)"). A fact takes the year of the mention that governs it:

- mentions: "năm 2022"; periods "năm học 2022 - 2023", "giai đoạn 2018-2022", "2022 - 2023"; "(2022)";
  dates "ngày 10/3/2021", "ngày 10 tháng 3 năm 2021", "tháng 11/2023". A date is weaker: it counts
  only when no year mention governs. A year compared with ("so với năm 2022", "cùng kỳ năm 2022") or
  naming a cohort ("sinh viên tốt nghiệp năm 2022") is no mention (words in rules/years.yaml).
- clauses end at ";", parentheses and sentence ends, not at commas ("Năm 2022, Nhà trường …").
- an award: a mention right after its name ("Bằng khen của Thủ tướng năm 2023", "Cờ thi đua của
  Chính phủ (Quyết định … ngày 10/3/2021)"), else the nearest mention before it in its clause. A
  mention right after one award is that award's, not the next one's.
- a figure: the nearest mention before it in its clause; a year after a figure belongs to the next
  figure ("đạt 92% (năm 2022 là 88%)").
- a list item without a mention takes the year of its lead-in ("Năm 2022, Nhà trường được tặng:").
- no mention: None, the report's year.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from typing import TypeVar

from pipeline.core.model import Block
from pipeline.core.textnorm import fold
from pipeline.understanding.facts import AwardFact, MetricFact, ReportFacts
from pipeline.understanding.passages import around, start_of
from pipeline.understanding.rules import year_rules
from pipeline.understanding.scan import finditer_after, not_in_number, word_start

_Y = r"((?:19|20)\d\d)(?!\d)"
_YEAR = rf"(?<![\d/.,]){_Y}(?!/)"  # not a part of "98/2023/NĐ-CP"
_ANY_YEAR = re.compile(r"(?:19|20)\d\d")
_DATES = (  # each starts with a word boundary (added where compiled: see _MentionPattern)
    rf"ngày\s+\d{{1,2}}\s*([/.-])\s*\d{{1,2}}\s*\1\s*{_Y}",
    rf"ngày\s+\d{{1,2}}\s+tháng\s+\d{{1,2}}\s*,?\s+năm\s+{_Y}",
    rf"tháng\s+\d{{1,2}}\s*(?:/|-|\s+năm\s+){_Y}",
)
_YEAR_WORD = rf"năm\s+{_YEAR}"  # after a word boundary
_PARENTHESIZED = rf"\(\s*{_YEAR}\s*\)"
# Where a clause ends for years: ";", a parenthesis, a sentence end (commas do not end one).
_CUT = re.compile(r"[.!?;](?=\s|$)|[()]")
# What may stand between an award's name and its year: "Cờ thi đua … năm 2022", "… các năm 2020, 2021".
_AFTER_AWARD = re.compile(r"[\s–-]*(?:(?:các|trong|vào)\s+)?")
F = TypeVar("F", AwardFact, MetricFact)
_LIST_ITEM = re.compile(r"^\s*(?:[-+•–*]|[a-zđ]\)|\d{1,2}[.)])\s")


@dataclass(frozen=True)
class Mention:
    """A year or period the text states, at [start, end) of the folded text."""

    start: int
    end: int
    first: int
    last: int
    dated: bool = False  # a date: counts only when no year mention governs

    def stated(self) -> dict[str, int | None]:
        """The fields a fact records: its year, and the first year of a period."""
        return {"year": self.last, "first_year": self.first if self.first != self.last else None}


@dataclass(frozen=True)
class _MentionPattern:
    """One kind of mention: its pattern as written (case-blind), and the same without its leading
    assertion, searched fast on lower-case text (scan.py), the assertion checked after."""

    exact: re.Pattern[str]
    body: re.Pattern[str]
    allowed: Callable[[str], bool]  # the leading assertion, on the character before
    dated: bool
    needs: str  # a word it cannot match without, in the lower-cased text ("" for none)
    period_words: re.Pattern[str] | None = None  # the words a period may start with ("năm học")
    longest_word: int = 0

    def found(self, text: str, lower_case: bool) -> Iterator[tuple[int, int, tuple[str | None, ...]]]:
        """(start, end, groups) of each match, as ``exact.finditer`` gives them."""
        if not lower_case:
            for m in self.exact.finditer(text):
                yield m.start(), m.end(), m.groups()
            return
        for m in finditer_after(self.body, text, self.allowed):
            start = m.start() if self.period_words is None else self._period_start(text, m.start())
            yield start, m.end(), m.groups()

    def _period_start(self, text: str, at: int) -> int:
        """Where a period found at ``at`` starts: at the period word before it ("năm học 2022-2023"),
        the leftmost one that ends where the spaces before ``at`` start, if any."""
        words_end = at
        while words_end > 0 and text[words_end - 1].isspace():
            words_end -= 1
        if words_end == at:
            return at  # the pattern's words need spaces after them
        pos = max(0, words_end - self.longest_word)
        while (m := self.period_words.search(text, pos, words_end)) is not None:
            if word_start(text[m.start() - 1] if m.start() else ""):
                return m.start()
            pos = m.start() + 1
        return at


@cache
def _patterns() -> tuple[_MentionPattern, ...]:
    """Mention patterns, most specific first (a date's "năm 2021" is not a year of its own)."""
    words = [re.escape(fold(w)) for w in sorted(year_rules().periods, key=len, reverse=True)]
    core = rf"{_Y}\s*[-–—/]\s*{_Y}(?!/)"
    period = rf"(?:\b(?:{'|'.join(words)})\s+)?(?<![\d/.,]){core}"
    flags = re.IGNORECASE
    dates = [_MentionPattern(re.compile(rf"\b{p}", flags), re.compile(p), word_start, True, needs)
             for p, needs in zip(_DATES, ("ngày", "ngày", "tháng"), strict=True)]
    return (*dates,
            _MentionPattern(re.compile(period, flags), re.compile(core), not_in_number, False, "",
                            re.compile(rf"(?:{'|'.join(words)})\Z"), max(len(fold(w)) for w in year_rules().periods)),
            _MentionPattern(re.compile(rf"\b{_YEAR_WORD}", flags), re.compile(_YEAR_WORD), word_start, False, "năm"),
            _MentionPattern(re.compile(_PARENTHESIZED, flags), re.compile(_PARENTHESIZED), _anything, False, "("))


def _anything(before: str) -> bool:
    return True


def mentions(text: str) -> list[Mention]:
    """The years ``text`` (folded) states for facts, in reading order; comparisons and cohorts left out."""
    found: list[Mention] = []
    if not _ANY_YEAR.search(text):
        return found  # every mention holds a year's four digits: most texts have none, and need no search
    # A pattern is searched only when its word is there. Lower-casing the text is what the patterns'
    # IGNORECASE does for these letters, so the test never skips a match. On lower-case text (folded
    # text is) the patterns match as they are written: the fast search is exact there. Two lower-case
    # letters match "i" and "s" case-blind ("ı", "ſ"): a text with either takes the slow search.
    lower = text.lower()
    lower_case = lower == text and "ı" not in text and "ſ" not in text
    for pattern in _patterns():
        if pattern.needs not in lower:
            continue
        for start, end, groups in pattern.found(text, lower_case):
            years = [int(g) for g in groups if g and len(g) == 4]
            first, last = years[0], years[-1]
            if first > last or any(f.start < end and start < f.end for f in found):
                continue
            if not _compared_or_cohort(text, start):
                found.append(Mention(start, end, first, last, pattern.dated))
    return sorted(found, key=lambda f: f.start)


def _compared_or_cohort(text: str, start: int) -> bool:
    """"so với năm 2022", "cùng kỳ năm 2022" (within a few words, back to a comma) or "sinh viên tốt
    nghiệp năm 2022": the year is not when the fact happened."""
    words = " " + " ".join(_last_words(text, start))
    if words.endswith(" năm"):  # "cùng kỳ năm (2022)": a mention may start at the number
        words = words[:-4]
    compared_with, ends = _comparison_words()
    padded = f"{words} "
    return any(w in padded for w in compared_with) or words.endswith(ends)


@cache
def _comparison_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words of _compared_or_cohort folded once, spaced as they are looked for: within the
    window (" so với "), and at its end (" cùng kỳ", " tốt nghiệp")."""
    rules = year_rules()
    return (tuple(f" {fold(w)} " for w in rules.compared_with),
            tuple(f" {fold(w)}" for w in [*rules.comparisons, *rules.cohorts]))


_TAIL = 100  # characters before a mention that almost always hold the last words of its window


def _last_words(text: str, start: int) -> list[str]:
    """``_after_last_stop(text[:start]).lower().split()[-6:]``, from the last _TAIL characters
    when they settle it: a stop among them (the window starts there), or seven words at least (the
    last six are whole). A mention late in a long paragraph copied and searched all before it."""
    if start > _TAIL:
        tail = text[start - _TAIL : start]
        window = _after_last_stop(tail)
        said = window.lower().split()
        if len(window) < len(tail) or len(said) > 6:
            return said[-6:]
    return _after_last_stop(text[:start]).lower().split()[-6:]


def _after_last_stop(prefix: str) -> str:
    """``re.split(r"[,;:()]|[.!?](?=\\s)", prefix)[-1]``: the text after the last comma, colon,
    semicolon or parenthesis, or sentence stop followed by a space (the prefixes are short: see
    _last_words)."""
    last = None
    for last in _STOPS.finditer(prefix):  # noqa: B007 (the last one is wanted)
        pass
    return prefix[last.end() :] if last is not None else prefix


_STOPS = re.compile(r"[,;:()]|[.!?](?=\s)")


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """From the last cut before ``start`` (any cut right before it counts: a search for it ending at
    ``start``, as this was written first, finds a stop there by "$") to the first cut at or after ``end``."""
    left, right = around(text, start, end, _CUT, ".!?;()")
    return left, right if right is not None else len(text)


def _clause_start(text: str, start: int) -> int:
    """``_clause(text, start, start)[0]``, without searching for the clause's end."""
    return start_of(text, start, _CUT, ".!?;()")


def _governing(candidates: Sequence[Mention | None]) -> Mention | None:
    return next((c for c in candidates if c is not None), None)


class TextYears:
    """The year mentions of one block's folded text, and the one that governs a fact there.

    ``lead`` is the year of the lead-in the block continues (see ``lead_ins``)."""

    def __init__(self, text: str, lead: Mention | None = None) -> None:
        self.text = text
        self.lead = lead

    @cached_property
    def found(self) -> list[Mention]:
        """Read only for a block that holds a fact: most blocks hold none."""
        return mentions(self.text)

    def of_awards(self, spans: Sequence[tuple[int, int]]) -> list[Mention | None]:
        """The governing mention of each award name at ``spans`` (in reading order)."""
        bound: set[Mention] = set()
        years = []
        for start, end in spans:
            after = self._right_after(end)
            bound.update(a for a in after if a is not None)
            c_start, c_end = _clause(self.text, start, end)
            free = [m for m in self.found if m not in bound]
            before = [m for m in free if c_start <= m.start and m.end <= start]
            dates = [m for m in free if m.dated and c_start <= m.start and m.end <= c_end]
            dates.sort(key=lambda m: (m.start > start, abs(m.start - start)))  # nearest before, else after
            strong_after, dated_after = after
            years.append(_governing([
                strong_after, _last(m for m in before if not m.dated), self._lead(dated=False),
                dated_after, dates[0] if dates else None, self._lead(dated=True),
            ]))
        return years

    def of_figure(self, start: int) -> Mention | None:
        """The governing mention of a figure starting at ``start``."""
        c_start = _clause_start(self.text, start)
        # A mention holds a year's four digits: a clause with none before the figure (most) has no
        # mention there, and the block's mentions need not be found at all.
        has_year = _ANY_YEAR.search(self.text, c_start, start) is not None
        before = [m for m in self.found if c_start <= m.start and m.end <= start] if has_year else []
        return _governing([_last(m for m in before if not m.dated), self._lead(dated=False),
                           _last(m for m in before if m.dated), self._lead(dated=True)])

    def _right_after(self, end: int) -> tuple[Mention | None, Mention | None]:
        """(year, date) stated right after an award's name: "… năm 2023", "… (Quyết định … ngày 10/3/2021)"."""
        at = _AFTER_AWARD.match(self.text, end).end()
        direct = next((m for m in self.found if m.start == at), None)
        if direct is not None:
            return (None, direct) if direct.dated else (direct, None)
        if not self.text.startswith("(", at):
            return None, None
        _, close = _clause(self.text, at + 1, at + 1)  # the ")" (or where the clause ends without one)
        inside = [m for m in self.found if at < m.start and m.end <= close]
        return (next((m for m in inside if not m.dated), None), next((m for m in inside if m.dated), None))

    def _lead(self, dated: bool) -> Mention | None:
        return self.lead if self.lead is not None and self.lead.dated == dated else None


def _last(candidates: Iterable[Mention]) -> Mention | None:
    found = list(candidates)
    return found[-1] if found else None


def lead_ins(blocks: Sequence[Block]) -> list[Mention | None]:
    """For each block, the year of the lead-in it continues: list items ("- 01 tập thể …", or
    numbered by Word) after a paragraph ending with ":" ("Năm 2022, Nhà trường được tặng:") take
    that paragraph's year. (Offsets of a lead's mention refer to the lead's text.)"""
    leads: list[Mention | None] = []
    lead: Mention | None = None
    for block in blocks:
        text = fold(block.text)
        if not (block.list_label or _LIST_ITEM.match(text)):
            lead = None
        leads.append(lead)
        if text.rstrip().endswith(":"):  # a nested lead-in without a year keeps the outer one's
            lead = _lead_year(text.rstrip()) or lead
    return leads


def _lead_year(text: str) -> Mention | None:
    c_start = _clause_start(text, len(text) - 1)
    last = [m for m in mentions(text) if m.start >= c_start]
    return _last(m for m in last if not m.dated) or _last(m for m in last if m.dated)


# --- this year's facts, and history ------------------------------------------------------------

def split_by_year(facts: ReportFacts) -> ReportFacts:
    """This year's awards and figures stay in ``awards``/``metrics``; earlier years' move to
    ``past_awards``/``past_metrics`` (history, not counted). Later years' are dropped with a note:
    the forward-looking sections are already left out, so a later year inside the results is a plan
    or a target ("năm 2025 phấn đấu …"), neither this year's result nor history. Without the
    report's year nothing can be compared: everything stays this year's."""
    if facts.year is None:
        return facts
    awards, past_awards, later_awards = _split(facts.awards, facts.year)
    metrics, past_metrics, later_metrics = _split(facts.metrics, facts.year)
    later = [f.quote.text for f in [*later_awards, *later_metrics]]
    notes = facts.notes + ([
        f"{len(later)} khen thưởng, số liệu ghi cho năm sau năm {facts.year} (kế hoạch, mục tiêu hoặc việc của năm "
        f"sau), không tính cho năm {facts.year}: " + "; ".join(f"“{q}”" for q in dict.fromkeys(later))
    ] if later else [])
    return facts.model_copy(update={"awards": awards, "past_awards": past_awards, "metrics": metrics,
                                    "past_metrics": past_metrics, "notes": notes})


def _split(found: list[F], year: int) -> tuple[list[F], list[F], list[F]]:
    this, earlier, later = [], [], []
    for fact in found:
        if fact.year is None or (fact.first_year or fact.year) <= year <= fact.year:
            this.append(fact)
        elif fact.year < year:
            earlier.append(fact)
        else:
            later.append(fact)
    return this, earlier, later
