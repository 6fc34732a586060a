"""Word automatic numbering: turn a paragraph's numPr into the label Word shows ("1.", "a)", "II.").

Word does not store the label; it computes it from numbering.xml and the paragraphs before.
This follows that computation for the common formats (decimal, roman, letters, bullets).

The file's numbers are not trusted: Word has nine list levels (0–8), so a paragraph at another
level is unnumbered here (a level of 300,000,000 would otherwise mean as many counters), and a
number too large for its format's letters (a roman numeral past 3999, a letter repeated past 30
times) is written in digits, so that a list starting at 10^12 costs a label, not a billion M's.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from docx.document import Document as WordDocument
from lxml import etree

from extractors.xml_names import grandchild, qn


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
    def from_document(cls, word: WordDocument) -> Numbering:
        try:
            root = word.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return cls()
        abstract = {a.get(qn("w:abstractNumId")): _levels(a) for a in root.findall(qn("w:abstractNum"))}
        levels: dict[str, dict[int, _Level]] = {}
        for num in root.findall(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            base = dict(abstract.get(ref.get(qn("w:val")) if ref is not None else None, {}))
            for override in num.findall(qn("w:lvlOverride")):
                ilvl = int_value(override.get(qn("w:ilvl")), 0)
                start = override.find(qn("w:startOverride"))
                if start is not None and ilvl in base:
                    old = base[ilvl]
                    base[ilvl] = _Level(int_value(start.get(qn("w:val")), 1), old.fmt, old.text)
            levels[num.get(qn("w:numId"))] = base
        return cls(levels=levels)

    def label_for(self, p: etree._Element, style_num_pr: etree._Element | None) -> str | None:
        """The label of paragraph ``p``; ``style_num_pr`` is the numbering its style chain gives."""
        num_id, ilvl = _num_pr(p, style_num_pr)
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
    for lvl in abstract.findall(qn("w:lvl")):
        ilvl = int_value(lvl.get(qn("w:ilvl")), 0)
        if not 0 <= ilvl < _LEVELS:
            continue
        start = lvl.find(qn("w:start"))
        fmt = lvl.find(qn("w:numFmt"))
        text = lvl.find(qn("w:lvlText"))
        result[ilvl] = _Level(
            int_value(start.get(qn("w:val")), 1) if start is not None else 1,
            fmt.get(qn("w:val"), "decimal") if fmt is not None else "decimal",
            text.get(qn("w:val"), "") if text is not None else "",
        )
    return result


def _num_pr(p: etree._Element, style_num_pr: etree._Element | None) -> tuple[str | None, int]:
    """numId and level of a paragraph: its own numPr, else its style's (as Word does)."""
    own = grandchild(p, "w:pPr", "w:numPr")
    numpr = own if own is not None else style_num_pr
    if numpr is None:
        return None, 0
    num_id = numpr.find(qn("w:numId"))
    ilvl = numpr.find(qn("w:ilvl"))
    return (
        num_id.get(qn("w:val")) if num_id is not None else None,
        int_value(ilvl.get(qn("w:val")), 0) if ilvl is not None else 0,
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
