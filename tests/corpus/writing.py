"""How a document's text is written into Word runs: font names, legacy encodings, Unicode forms.

A *writing* turns a piece of Unicode text, with its role in the document ("unit", "body",
"cell"…), into runs: (text as stored, font name, run properties). The docx builder asks the
writing for every piece of text it puts down, so one report can be written in Unicode, TCVN3,
VNI, a run-by-run mix, NFD, or with widened letters that split words in a PDF text layer.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from dataclasses import dataclass, field

from content import REPO

sys.path.insert(0, str(REPO))
from extractors.legacy import unicode_to_tcvn3, unicode_to_vni

UNICODE_FONT = "Times New Roman"
# Lines written in capitals: TCVN3 users type them in a capitals font (".VnTimeH").
CAPITAL_ROLES = frozenset({"parent", "unit", "national", "title", "section", "table_title",
                           "sign_title"})


@dataclass(frozen=True)
class RunSpec:
    text: str
    font: str
    spacing: int | None = None  # expanded character spacing, twips
    caps: bool = False  # Word's "All caps" property
    soft_hyphen_element: bool = False  # write U+00AD as <w:softHyphen/>, as Word does


class UnicodeWriting:
    """Plain Unicode in Times New Roman, NFC or (``form="NFD"``) decomposed."""

    def __init__(self, form: str = "NFC", font: str = UNICODE_FONT):
        self.form, self.font = form, font

    def runs(self, text: str, role: str) -> list[RunSpec]:
        return [RunSpec(unicodedata.normalize(self.form, text), self.font)]


class Tcvn3Writing:
    """TCVN3 (ABC): ".VnTime" for text, ".VnTimeH" with lower-case codes for capital lines."""

    def __init__(self, soft_hyphen_element: bool, font: str = ".VnTime", capitals_font: str = ".VnTimeH"):
        self.soft_hyphen_element = soft_hyphen_element
        self.font, self.capitals_font = font, capitals_font

    def runs(self, text: str, role: str) -> list[RunSpec]:
        if role in CAPITAL_ROLES:
            return [RunSpec(unicode_to_tcvn3(text.lower()), self.capitals_font,
                            soft_hyphen_element=self.soft_hyphen_element)]
        return [RunSpec(unicode_to_tcvn3(text), self.font, soft_hyphen_element=self.soft_hyphen_element)]


class VniWriting:
    """VNI: "VNI-Times" for text. Capital lines either typed in capitals (VNI has upper-case mark
    codes) or typed in lower case under Word's "All caps" property, in ``heading_font``."""

    def __init__(self, heading_font: str = "VNI-Times", all_caps_property: bool = False,
                 font: str = "VNI-Times"):
        self.font, self.heading_font, self.all_caps_property = font, heading_font, all_caps_property

    def runs(self, text: str, role: str) -> list[RunSpec]:
        if role in CAPITAL_ROLES:
            if self.all_caps_property:
                return [RunSpec(unicode_to_vni(text.lower()), self.heading_font, caps=True)]
            return [RunSpec(unicode_to_vni(text.upper()), self.heading_font)]
        return [RunSpec(unicode_to_vni(text), self.font)]


_CLAUSE_END = re.compile(r"(?<=[.;:,])\s+")


class MixedWriting:
    """Unicode and TCVN3 runs side by side, as when a report is pasted together from old and new
    files. ``by="clause"``: clauses alternate; ``by="words"``: every few words alternate. Roles in
    ``legacy_roles`` are wholly TCVN3, roles in ``unicode_roles`` wholly Unicode."""

    def __init__(self, by: str, legacy_roles: frozenset[str] = frozenset(),
                 unicode_roles: frozenset[str] = frozenset(), soft_hyphen_element: bool = True):
        self.by, self.legacy_roles, self.unicode_roles = by, legacy_roles, unicode_roles
        self.unicode, self.tcvn3 = UnicodeWriting(), Tcvn3Writing(soft_hyphen_element)
        self._turn = 0

    def runs(self, text: str, role: str) -> list[RunSpec]:
        if role in self.legacy_roles:
            return self.tcvn3.runs(text, role)
        if role in self.unicode_roles or not text.strip():
            return self.unicode.runs(text, role)
        runs = []
        for chunk in self._chunks(text):
            writing = self.tcvn3 if self._turn % 2 else self.unicode
            self._turn += 1
            runs += writing.runs(chunk, role)
        return runs

    def _chunks(self, text: str) -> list[str]:
        if self.by == "clause":
            parts = _CLAUSE_END.split(text)
            return [p + " " for p in parts[:-1]] + parts[-1:]
        words = text.split(" ")
        chunks, i = [], 0
        while i < len(words):
            size = 2 + (i + len(words)) % 4  # 2–5 words, varying but deterministic
            chunks.append(" ".join(words[i:i + size]) + (" " if i + size < len(words) else ""))
            i += size
        return chunks


@dataclass
class SplitWordsWriting:
    """Unicode text where chosen words get single letters with widened character spacing, so
    that a PDF text layer splits them: ``targets`` maps a word to its split form ("dụng" →
    "d ụ ng": the letters before each space are widened). Only roles in ``roles`` are touched."""

    targets: dict[str, str]
    roles: frozenset[str]
    spacing: int = 80
    font: str = UNICODE_FONT
    _patterns: dict[str, re.Pattern] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        for word in self.targets:
            self._patterns[word] = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")

    def runs(self, text: str, role: str) -> list[RunSpec]:
        if role not in self.roles:
            return [RunSpec(text, self.font)]
        widened = [False] * len(text)
        for word, split in self.targets.items():
            for m in self._patterns[word].finditer(text):
                for offset in _widened_offsets(split):
                    widened[m.start() + offset] = True
        return self._group(text, widened)

    def _group(self, text: str, widened: list[bool]) -> list[RunSpec]:
        runs, start = [], 0
        for i in range(1, len(text) + 1):
            if i == len(text) or widened[i] != widened[start]:
                runs.append(RunSpec(text[start:i], self.font, self.spacing if widened[start] else None))
                start = i
        return runs


def _widened_offsets(split: str) -> list[int]:
    """Offsets (in the unsplit word) of the letters followed by a space in the split form."""
    offsets, position = [], 0
    for ch in split:
        if ch == " ":
            offsets.append(position - 1)
        else:
            position += 1
    return offsets
