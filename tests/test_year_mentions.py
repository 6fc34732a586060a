"""Year mentions found by the fast search are exactly what the patterns as written find.

years.mentions searches lower-case text by the patterns' bodies and checks their leading word
boundary or lookbehind after (scan.py), and finds a period's opening words backwards from its
years. The reference here is the search it replaced: each pattern case-blind, with its assertion,
by re.finditer. Seeded random texts of the rules' words, years, dates, separators and odd
characters (capitals, "ı", "ſ", "İ", other digits and spaces) must give the same mentions.
"""

from __future__ import annotations

import random
import re

from pipeline.core.textnorm import fold
from pipeline.understanding.rules import year_rules
from pipeline.understanding.years import _DATES, _PARENTHESIZED, _Y, _YEAR_WORD, Mention, _compared_or_cohort, mentions


def _reference(text: str) -> list[Mention]:
    words = sorted(year_rules().periods, key=len, reverse=True)
    period = rf"(?:\b(?:{'|'.join(re.escape(fold(w)) for w in words)})\s+)?(?<![\d/.,]){_Y}\s*[-–—/]\s*{_Y}(?!/)"
    patterns = [*((rf"\b{p}", True) for p in _DATES), (period, False), (rf"\b{_YEAR_WORD}", False),
                (_PARENTHESIZED, False)]
    found: list[Mention] = []
    for pattern, dated in patterns:
        for m in re.compile(pattern, re.IGNORECASE).finditer(text):
            years = [int(g) for g in m.groups() if g and len(g) == 4]
            first, last = years[0], years[-1]
            if first > last or any(f.start < m.end() and m.start() < f.end for f in found):
                continue
            if not _compared_or_cohort(text, m.start()):
                found.append(Mention(m.start(), m.end(), first, last, dated))
    return sorted(found, key=lambda f: f.start)


_WORDS = ["năm", "năm học", "niên khóa", "giai đoạn", "nhiệm kỳ", "ngày", "tháng", "so với", "cùng kỳ",
          "sinh viên tốt nghiệp", "khóa", "đạt", "được", "tặng", "cờ", "thi đua", "xnăm", "họcnăm", "Năm", "NGÀY",
          "Tháng", "nıên khóa", "ſo với", "İ", "K", "(", ")", ",", ".", ";", ":", "/", "-", "–", "—", "%"]
_YEARS = ["2019", "2020", "2022", "2023", "2024", "1998", "2023/NĐ-CP", "98/2023", "20233", "٢٠٢٣", "1.2023",
          "12/3/2023", "10.3.2021", "10-3-2021", "3/2023", "11-2023", "2022-2023", "2022 - 2023", "2018–2022",
          "2023/2022", "(2022)", "( 2021 )"]
_SPACES = [" ", " ", " ", "  ", "", "\n", "\u00a0", "\t"]


def _text(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(1, 30)):
        pick = rng.random()
        if pick < 0.35:
            parts.append(rng.choice(_YEARS))
        elif pick < 0.45:
            parts.append(str(rng.randint(1, 31)))
        else:
            parts.append(rng.choice(_WORDS))
        parts.append(rng.choice(_SPACES))
    text = "".join(parts)
    return text if rng.random() < 0.3 else fold(text)


def test_mentions_are_the_case_blind_patterns_mentions_on_random_texts() -> None:
    rng = random.Random(20261201)
    found = 0
    for _ in range(3000):
        text = _text(rng)
        expected = _reference(text)
        assert mentions(text) == expected, text
        found += len(expected)
    assert found > 3000  # the texts hold mentions of every kind, not just none


def test_a_period_takes_its_opening_words_and_a_date_its_day() -> None:
    text = fold("Năm học 2022 - 2023, ngày 10/3/2023 Nhà trường được tặng Cờ thi đua (năm 2022 là 88%)")
    assert [(text[m.start:m.end], m.first, m.last, m.dated) for m in mentions(text)] == [
        ("năm học 2022 - 2023", 2022, 2023, False),
        ("ngày 10/3/2023", 2023, 2023, True),
        ("năm 2022", 2022, 2022, False),
    ]
