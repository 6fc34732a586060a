"""Word automatic numbering: turn a paragraph's numPr into the label Word shows ("1.", "a)", "II.").

Word does not store the label; it computes it from numbering.xml and the paragraphs before.
This follows that computation for the common formats (decimal, roman, letters, bullets).

The file's numbers are not trusted: Word has nine list levels (0–8), so a paragraph at another
level is unnumbered here (a level of 300,000,000 would otherwise mean as many counters), and a
number too large for its format's letters (a roman numeral past 3999, a letter repeated past 30
times) is written in digits, so that a list starting at 10^12 costs a label, not a billion M's.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from lxml import etree

from extractors.docx_package import WordPackage
from extractors.xml_names import (
    W_ABSTRACT_NUM,
    W_ABSTRACT_NUM_ID,
    W_ILVL,
    W_LVL,
    W_LVL_OVERRIDE,
    W_LVL_TEXT,
    W_NUM,
    W_NUM_FMT,
    W_NUM_ID,
    W_START,
    W_START_OVERRIDE,
    W_VAL,
)


@dataclass(frozen=True)
class _Level:
    start: int
    fmt: str
    text: str


@dataclass
class Numbering:
    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # numId → ilvl → level
    counters: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def from_package(cls, package: WordPackage) -> Numbering:
        root = package.numbering()
        if root is None:
            return cls()
        abstract = {a.get(W_ABSTRACT_NUM_ID): _levels(a) for a in root.iterchildren(W_ABSTRACT_NUM)}
        levels: dict[str, dict[int, _Level]] = {}
        for num in root.iterchildren(W_NUM):
            ref = num.find(W_ABSTRACT_NUM_ID)
            base = dict(abstract.get(ref.get(W_VAL) if ref is not None else None, {}))
            for override in num.iterchildren(W_LVL_OVERRIDE):
                ilvl = int_value(override.get(W_ILVL), 0)
                start = override.find(W_START_OVERRIDE)
                if start is not None and ilvl in base:
                    old = base[ilvl]
                    base[ilvl] = _Level(int_value(start.get(W_VAL), 1), old.fmt, old.text)
            levels[num.get(W_NUM_ID)] = base
        return cls(levels=levels)

    def restarted(self) -> Numbering:
        """The same lists, every counter back at its start (each part of a document counts anew)."""
        return replace(self, counters={})

    def label_for(self, own_num_pr: etree._Element | None, style_num_pr: etree._Element | None) -> str | None:
        """The label of a paragraph whose properties give ``own_num_pr`` and its style chain
        ``style_num_pr``: its own numbering, else its style's (as Word does)."""
        num_id, ilvl = _num_pr(own_num_pr if own_num_pr is not None else style_num_pr)
        if num_id is None or num_id == "0" or num_id not in self.levels:
            return None
        levels = self.levels[num_id]
        if ilvl not in levels:
            return None
        counters = self.counters.setdefault(num_id, [levels[i].start - 1 if i in levels else 0
                                                     for i in range(_LEVELS)])
        counters[ilvl] += 1
        for deeper in range(ilvl + 1, _LEVELS):
            counters[deeper] = levels[deeper].start - 1 if deeper in levels else 0
        level = levels[ilvl]
        if level.fmt == "bullet":
            return "-"
        label = level.text
        for i in range(ilvl + 1):
            fmt = levels[i].fmt if i in levels else "decimal"
            label = label.replace(f"%{i + 1}", _format(max(counters[i], 1), fmt))
        return label.strip() or None


_LEVELS = 9  # Word's list levels: 0–8


def int_value(value: str | None, default: int) -> int:
    """An integer attribute (numbering's, a table's spans); ``default`` when it is missing or not a number."""
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _levels(abstract: etree._Element) -> dict[int, _Level]:
    result = {}
    for lvl in abstract.iterchildren(W_LVL):
        ilvl = int_value(lvl.get(W_ILVL), 0)
        if not 0 <= ilvl < _LEVELS:
            continue
        start = lvl.find(W_START)
        fmt = lvl.find(W_NUM_FMT)
        text = lvl.find(W_LVL_TEXT)
        result[ilvl] = _Level(
            int_value(start.get(W_VAL), 1) if start is not None else 1,
            fmt.get(W_VAL, "decimal") if fmt is not None else "decimal",
            text.get(W_VAL, "") if text is not None else "",
        )
    return result


def _num_pr(numpr: etree._Element | None) -> tuple[str | None, int]:
    """numId and level of a numPr."""
    if numpr is None:
        return None, 0
    num_id = next(numpr.iterchildren(W_NUM_ID), None)
    ilvl = next(numpr.iterchildren(W_ILVL), None)
    return (
        num_id.get(W_VAL) if num_id is not None else None,
        int_value(ilvl.get(W_VAL), 0) if ilvl is not None else 0,
    )


_ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def _roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out += letters
            n -= value
    return out


_MAX_ROMAN = 3999  # MMMCMXCIX: beyond it, roman numerals are runs of M's
_MAX_LETTER = 26 * 30  # "a" … "zzz…" (30 letters): beyond it, a letter repeated without bound


def _format(n: int, fmt: str) -> str:
    if fmt in ("upperRoman", "lowerRoman") and n <= _MAX_ROMAN:
        return _roman(n) if fmt == "upperRoman" else _roman(n).lower()
    if fmt in ("upperLetter", "lowerLetter") and n <= _MAX_LETTER:
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)
