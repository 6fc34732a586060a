"""The text scans rewritten for speed give what the plain versions they replaced gave.

Each reference below is the code as it was before (a regex split, a search from the start of the
text, a regex alternation, a word-by-word fold). Seeded random texts mix Vietnamese words, capitals,
digits of several scripts, stops, brackets, line breaks and odd spaces.
"""

from __future__ import annotations

import random
import re
import unicodedata

from pipeline.core import textnorm
from pipeline.core.textnorm import fold
from pipeline.understanding import passages, years
from pipeline.understanding.phrase_spans import literal_trie
from pipeline.understanding.scan import finditer_after, not_in_number, word_start

_PIECES = ["năm", "Năm", "ngày", "tháng", "hoà", "HOÀ", "thuỷ", "Thủy", "khoẻ", "của", "người", "quý", "gìn", "Uỷ ban",
           "2023", "12/3/2023", "1.250", "9,5", "٢٠٢٣", "²", "_", "đ", "x", "(", ")", ".", ",", ";", ":", "!", "?", "-",
           "/", "\u00ad", "a\u0300", "o\u0301a"]
_GAPS = [" ", " ", " ", "", "  ", "\n", "\t", "\u00a0", "\u2003"]


def _text(rng: random.Random, size: int = 25) -> str:
    return "".join(rng.choice(_PIECES) + rng.choice(_GAPS) for _ in range(rng.randint(0, size)))


def test_fold_is_the_word_by_word_fold() -> None:
    def reference(text: str) -> str:
        text = unicodedata.normalize("NFC", text).replace("\u00ad", "")
        text = re.sub(r"[ \t\u00a0\u2000-\u200b\u202f\u3000]+", " ", text).strip()
        folded = re.sub(r"[^\W\d_]+", lambda m: textnorm._fold_word(m.group(0)), text)
        return folded if len(folded) == len(text) else text.lower()

    rng = random.Random(1)
    texts = [_text(rng) for _ in range(3000)]
    assert [textnorm._fold(t) for t in texts] == [reference(t) for t in texts]
    assert textnorm.fold("Hoà  bình\u00a0và Thuỷ lợi") == "hòa bình và thủy lợi"


def test_sentence_and_clause_bounds_are_the_searches_from_the_start() -> None:
    def reference(text: str, start: int, end: int, boundary: re.Pattern[str]) -> tuple[int, int]:
        left = 0
        for m in boundary.finditer(text, 0, start):
            left = m.end()
        m = boundary.search(text, end)
        return left, (m.start() + (1 if m.group(0) in ".!?" else 0) if m else len(text))

    rng = random.Random(2)
    checked = 0
    for _ in range(1500):
        text = _text(rng)
        for _ in range(5):
            start = rng.randint(0, len(text))
            end = rng.randint(start, len(text))
            for boundary in (passages._SENTENCE_END, passages._CLAUSE_END):
                assert passages._bounds(text, start, end, boundary) == reference(text, start, end, boundary), text
                checked += 1
    assert checked == 15000


def test_bounds_searched_near_a_passage_are_those_of_every_boundary_listed() -> None:
    from bisect import bisect_left

    def reference(text: str, start: int, end: int, boundary: re.Pattern[str], right_before: str):
        at = [m.start() for m in boundary.finditer(text)]
        if start and text[start - 1] in right_before:
            left = start
        else:
            i = bisect_left(at, start - 1)
            left = at[i - 1] + 1 if i else 0
        j = bisect_left(at, end)
        return left, at[j] if j < len(at) else None

    rng = random.Random(10)
    words = ["năm", "học", "sinh", "viên", "đạt", "2023", "(", ")", "\n"]
    for _ in range(2000):  # long texts with few boundaries: the window before a passage is widened
        sparse = rng.random() < 0.5
        text = "".join(rng.choice(words if sparse else _PIECES) + rng.choice(_GAPS)
                       for _ in range(rng.randint(0, 400)))
        if sparse and rng.random() < 0.5:
            text = text.replace("\n", " ")
        for _ in range(5):
            start = rng.randint(0, len(text))
            end = rng.randint(start, len(text))
            for boundary, right_before in ((passages._SENTENCE_END, "\n"), (passages._CLAUSE_END, "\n"),
                                           (years._CUT, ".!?;()")):
                expected = reference(text, start, end, boundary, right_before)
                assert passages.around(text, start, end, boundary, right_before) == expected, (text, start, end)


def test_year_clauses_and_comparison_windows_are_the_searches_they_replaced() -> None:
    def clause(text: str, start: int, end: int) -> tuple[int, int]:
        left = 0
        for m in years._CUT.finditer(text, 0, start):
            left = m.end()
        m = years._CUT.search(text, end)
        return left, m.start() if m else len(text)

    rng = random.Random(3)
    for _ in range(3000):
        text = _text(rng)
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        assert years._clause(text, start, end) == clause(text, start, end), text
        assert years._after_last_stop(text[:start]) == re.split(r"[,;:()]|[.!?](?=\s)", text[:start])[-1], text
    for _ in range(3000):  # long texts: the last words of a window read from the characters before it
        text = _text(rng, 80) + rng.choice(["ΑΣ ", "ǅ ", "İ ", ""]) + _text(rng, 40)
        start = rng.randint(0, len(text))
        expected = re.split(r"[,;:()]|[.!?](?=\s)", text[:start])[-1].lower().split()[-6:]
        assert years._last_words(text, start) == expected, (text, start)


def test_a_search_with_its_assertion_checked_after_is_the_search_with_it() -> None:
    rng = random.Random(4)
    bodies = [(r"năm\s+\d+", r"\b", word_start), (r"(?i:ngày|tháng)\s*\d*", r"\b", word_start),
              (r"\d{1,4}(?:[-/.]\d+)*", r"(?<![\d/.,])", not_in_number), (r"n\w*", r"\b", word_start)]
    found = 0
    for _ in range(2000):
        text = _text(rng)
        for body, assertion, allowed in bodies:
            expected = [(m.start(), m.end()) for m in re.finditer(assertion + body, text)]
            assert [(m.start(), m.end()) for m in finditer_after(re.compile(body), text, allowed)] == expected, text
            found += len(expected)
    assert found > 5000


def test_the_factored_phrases_match_exactly_the_phrases() -> None:
    rng = random.Random(5)
    letters = "abcđươ -"
    for _ in range(2000):
        words = {"".join(rng.choice(letters) for _ in range(rng.randint(1, 5))) for _ in range(rng.randint(1, 8))}
        plain = re.compile("|".join(re.escape(w) for w in sorted(words)))
        factored = re.compile(literal_trie(words))
        for _ in range(10):
            text = "".join(rng.choice(letters) for _ in range(rng.randint(0, 12)))
            assert (factored.search(text) is None) == (plain.search(text) is None), (words, text)
            assert bool(factored.fullmatch(text)) == (text in words), (words, text)


def test_fact_cues_are_the_regex_searches_they_replaced() -> None:
    from pipeline.understanding import passage_kinds as kinds
    from pipeline.understanding.rules import evidence_words

    old_date = r"\b\d{1,2}/\d{1,2}/(?:19|20)\d{2}\b|\bngày \d{1,2} tháng \d{1,2}(?: năm \d{4})?"
    old_document = r"\b\d{1,4}/(?:\d{4}/)?[^\W\d_][\w.-]*"
    old_fraction = r"(?<![\w/])\d[\d.]*/\d[\d.]*(?![\w/])"
    old_number_word = r"(?<![\w/.,%])(\d[\d.,]*)\s+([^\W\d_]+)"

    def whole(word: str, text: str) -> bool:
        return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text) is not None

    def reference(text: str) -> kinds.FactCues:
        date = bool(re.search(old_date, text))
        text = re.sub(old_date, " ", text)
        document = bool(re.search(old_document, text))
        text = re.sub(old_document, " ", text)
        figure = bool(re.search(r"\d[\d.,]*\s?%", text) or re.search(old_fraction, text))
        count = any(kinds._counts(m, text) for m in re.finditer(old_number_word, text))
        words = evidence_words()
        return kinds.FactCues(figure=figure, count=count, document=document, date=date,
                              achievements=sum(whole(v, text) for v in words.achievements),
                              activities=sum(whole(v, text) for v in words.activities))

    def later(text: str, year: int) -> bool:
        blanked = re.sub(old_date, " ", re.sub(old_document, " ", text))
        found = [int(y) for y in re.findall(r"\b(?:19|20)\d{2}\b", blanked)]
        return bool(found) and min(found) > year

    words = evidence_words()
    pieces = [*_PIECES, *words.achievements, *words.activities, "05/KH-CTĐ18", "1.250/1.200", "95,5%", "18 đề tài",
              "ngày 12 tháng 3 năm 2023", "ngày 12 tháng 3", "x12/3/2023", "a05/KH", "%", "2024", "2025/NQ"]
    rng = random.Random(6)
    seen = set()
    for _ in range(3000):
        text = fold("".join(rng.choice(pieces) + rng.choice(_GAPS) for _ in range(rng.randint(0, 20))))
        cues = kinds.fact_cues(text)
        assert cues == reference(text), text
        assert kinds._only_later_years(text, 2023) == later(text, 2023), text
        seen.update(k for k in ("figure", "count", "document", "date") if getattr(cues, k))
    assert seen == {"figure", "count", "document", "date"}


def test_a_whole_word_is_found_as_the_regex_finds_it() -> None:
    from pipeline.understanding.scan import whole_word

    rng = random.Random(7)
    found = 0
    for _ in range(3000):
        text = _text(rng, 8)
        word = rng.choice(["năm", "ngày", "2023", "a", "x", "_", "đ", "hoà", "(", "1.250"])
        expected = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text) is not None
        assert whole_word(text, word) == expected, (text, word)
        found += expected
    assert found > 300


def test_more_words_than_a_heading_has_are_counted_as_the_word_runs() -> None:
    from pipeline.understanding import passage_kinds as kinds

    rng = random.Random(9)
    longer = 0
    for _ in range(3000):
        text = _text(rng, 30)
        count = rng.randint(0, 20)
        expected = len(kinds._WORD.findall(text)) > count
        assert bool(kinds._more_words(count).match(text)) == expected, (text, count)
        longer += expected
    assert 300 < longer < 2700


def test_capitals_headings_are_found_as_the_token_walk_found_them() -> None:
    from pipeline.understanding import selfscore_prose as prose

    def reference(text: str, folded: str, cuts: set[int]) -> set[int]:
        found: set[int] = set()
        tokens = list(prose._TOKEN.finditer(text))
        i = 0
        while i < len(tokens):
            end = i
            while end < len(tokens) and not any(ch.islower() for ch in tokens[end].group()):
                end += 1
            if (sum(ch.isalpha() for t in tokens[i:end] for ch in t.group()) >= prose._HEADING_LETTERS
                    and end < len(tokens) and not prose._SCORE.match(folded, tokens[end].start())
                    and (i == 0 or tokens[i - 1].group().endswith(prose._SENTENCE_END)
                         or any(tokens[i - 1].end() <= cut <= tokens[i].start() for cut in cuts))):
                found |= {tokens[i].start(), tokens[end].start()}
            i = max(end, i + 1)
        return found

    pieces = [*_PIECES, "THỰC HIỆN", "NHIỆM VỤ", "ĐƯỢC GIAO", "CÔNG TÁC", "Tự chấm 5/5 điểm", "tự chấm 2 điểm", "ª",
              "ǅ", "ß", "İ", "UBND", "I.", "II.", "Nhà trường", "\x1c", "\u2028", "\u0085"]
    rng = random.Random(8)
    headed = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) + rng.choice(_GAPS) for _ in range(rng.randint(0, 30)))
        folded = fold(text)
        if len(folded) != len(text):
            folded = text.lower()
        cuts = {m.end() for m in prose._SCORE.finditer(folded)}
        found = prose._capitals_headings(text, folded, cuts)
        assert found == reference(text, folded, cuts), text
        headed += bool(found)
    assert headed > 100


def test_sentence_words_and_bare_topics_are_the_counts_they_replaced() -> None:
    from pipeline.understanding import passage_kinds as kinds
    from pipeline.understanding.rules import evidence_words

    words = evidence_words()

    def reference(text: str, phrases: list[str]) -> bool:  # bare_topic as it was
        folded = kinds._bare(fold(text))
        count = len(kinds._WORD.findall(folded))
        if count == 0:
            return True
        if count > words.heading_words or any(ch.isdigit() for ch in folded):
            return False
        if kinds._has_word(folded, words.statement_markers):
            return False
        return sum(len(p.split()) for p in phrases) / count >= words.topic_share

    pieces = [*_PIECES, "1.", "- ", "Phần I.", "được", "đã", "chất lượng đào tạo", "công tác"]
    rng = random.Random(11)
    topics = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) + rng.choice(_GAPS) for _ in range(rng.randint(0, rng.choice([4, 12, 30]))))
        phrases = rng.sample(["chất lượng đào tạo", "công tác", "năm"], rng.randint(0, 2))
        assert kinds.sentence_words(text) == len(kinds._WORD.findall(text)), text
        expected = reference(text, phrases)
        assert kinds.bare_topic(text, phrases) == expected, (text, phrases)
        topics += expected
    assert 100 < topics < 2900


def test_a_figures_year_is_read_from_every_mention_of_its_block() -> None:
    def reference(found: years.TextYears, start: int) -> years.Mention | None:  # of_figure as it was
        c_start, _ = years._clause(found.text, start, start)
        before = [m for m in found.found if c_start <= m.start and m.end <= start]
        return years._governing([years._last(m for m in before if not m.dated), found._lead(dated=False),
                                 years._last(m for m in before if m.dated), found._lead(dated=True)])

    pieces = [*_PIECES, "năm 2022", "năm học 2021 - 2022", "(2021)", "ngày 10/3/2021", "so với năm 2022", "đạt 92%"]
    leads = [None, years.Mention(0, 8, 2020, 2020), years.Mention(0, 14, 2019, 2019, dated=True)]
    rng = random.Random(12)
    stated = 0
    for _ in range(2000):
        text = fold("".join(rng.choice(pieces) + rng.choice(_GAPS) for _ in range(rng.randint(0, 40))))
        lead = rng.choice(leads)
        for _ in range(5):
            start = rng.randint(0, len(text))
            expected = reference(years.TextYears(text, lead), start)
            assert years.TextYears(text, lead).of_figure(start) == expected, (text, start)
            stated += expected is not None and expected is not lead
    assert stated > 500


def test_a_section_opens_as_its_lead_in_pattern_tried_on_every_text_said() -> None:
    from pipeline.understanding import sections

    def reference(text: str, heading: bool) -> tuple[object, str]:  # _text_starts_section as it was
        folded = fold(text)
        head, rest = folded, ""
        lead = sections._LEAD_IN.match(folded)
        if lead:
            head, rest = lead.group(1), text[len(text) - len(lead.group(2)) :].strip()
        elif not heading and (len(folded) > sections._MAX_LEAD_CHARS or not sections._NUMBERED.match(folded)):
            return None, ""
        for kind, words in sections._KEYWORDS:
            if any(w in head for w in words):
                if kind in (sections.SectionKind.DIRECTIONS, sections.SectionKind.PROPOSALS) and "kết quả" in head:
                    return None, ""
                return kind, rest
        return None, ""

    pieces = [*_PIECES, "Hạn chế", "ưu điểm", "2.", "II.", "Phương hướng", "kết quả", "kiến nghị", ":", ": "]
    rng = random.Random(13)
    opened = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) + rng.choice(_GAPS) for _ in range(rng.randint(0, rng.choice([3, 8, 30]))))
        heading = rng.random() < 0.3
        expected = reference(text, heading)
        assert sections._text_starts_section.__wrapped__(text, heading) == expected, (text, heading)
        opened += expected[0] is not None
    assert opened > 300


def test_officer_titles_are_found_as_the_case_blind_alternation_found_them() -> None:
    from pipeline.understanding import officers
    from pipeline.understanding.rules import officer_rules

    titles = officer_rules().titles
    pattern = officers._pattern()
    # Every character a title's first one matches case-blind is in the set the pattern scans for.
    everything = "".join(map(chr, range(0x110000)))
    firsts = pattern.pattern[1 : pattern.pattern.index("]")]
    for title in titles:
        for ch in re.findall(f"(?i:{re.escape(title[0])})", everything):
            assert re.fullmatch(f"[{firsts}]", ch), (title, ch)
    reference = re.compile(rf"(?i:(?:{'|'.join(re.escape(t) for t in titles)}))\s+"
                           rf"((?:{officers._SYLLABLE}\s+){{1,4}}{officers._SYLLABLE})(?:\s*,\s*([^,;.]+))?")
    pieces = [*_PIECES, "đồng chí", "Đồng chí", "ĐỒNG CHÍ", "ông", "Ông", "ÔNG", "bà", "Bà", "BÀ", "công", "Nguyễn",
              "Thị", "Hồng", "NHUNG", "Trần Văn", "chuyên viên", "phụ trách"]
    rng = random.Random(14)
    named = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) + rng.choice([" ", " ", ", ", *_GAPS]) for _ in range(rng.randint(0, 30)))
        expected = [(m.span(), m.groups()) for m in finditer_after(reference, text, word_start)]
        assert [(m.span(), m.groups()) for m in finditer_after(pattern, text, word_start)] == expected, text
        named += len(expected)
    assert named > 300


def test_word_similarities_are_each_pairs_word_similarity() -> None:
    from pipeline.understanding.similarity import word_similarities, word_similarity

    rng = random.Random(15)
    vocabulary = ["công", "tác", "thi", "đua", "khen", "thưởng", "tuyển", "sinh", "đào", "tạo", "chất", "lượng"]
    for _ in range(2000):
        said = frozenset(rng.sample(vocabulary, rng.randint(0, 6)))
        others = [frozenset(rng.sample(vocabulary, rng.randint(0, 8))) for _ in range(rng.randint(0, 6))]
        assert word_similarities(said, others) == [word_similarity(said, other) for other in others]



def test_a_sentence_or_clause_start_is_where_its_bounds_start() -> None:
    rng = random.Random(18)
    for _ in range(3000):
        text = _text(rng)
        at = rng.randint(0, len(text))
        assert passages.sentence_start(text, at) == passages.sentence_bounds(text, at, at)[0], (text, at)
        assert passages.clause_start(text, at) == passages.clause_bounds(text, at, at)[0], (text, at)
        assert years._clause_start(text, at) == years._clause(text, at, at)[0], (text, at)
