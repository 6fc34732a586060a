"""Phrases of a rule set marked on a spaCy doc: ``marks(doc, key)``.

This is what spaCy's SpanRuler does with phrase patterns (same spans, labels, ids and order),
without what it costs on every doc: it also runs a token matcher that has no patterns and sets and
resets a warnings filter (compiling its regex) for each doc, which was most of the rulers' time.
And a mark is a plain tuple kept in the doc's user data, not a spaCy Span in a span group: making
the Spans (a report's evidence phrases are found hundreds of times) cost more than finding them.
And texts that cannot hold any of the phrases are not tokenized at all (``could_hold``): most
paragraphs and table cells name no unit.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


class PhraseSpans:
    def __init__(self, nlp: Language, key: str, patterns: list[dict]) -> None:
        from spacy.matcher import PhraseMatcher

        self.key = (_MARKS, key)
        self._matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        # A match's label and id as the string store's hashes (what a Span sorts by), and as text.
        self._names: dict[int, tuple[int, int, str, str]] = {}
        by_name: dict[str, list[str]] = {}
        strings = nlp.vocab.strings
        for pattern in patterns:
            label, span_id = pattern["label"], pattern.get("id", "")
            name = repr((label, span_id))
            hashes = (strings.add(label), strings.add(span_id) if span_id else 0)
            self._names[strings.add(name)] = (*hashes, label, span_id)
            by_name.setdefault(name, []).append(pattern["pattern"])
        for name, phrases in by_name.items():
            self._matcher.add(name, [nlp.make_doc(phrase) for phrase in phrases])
        # A phrase's tokens are consecutive tokens of the text, so without the whitespace between
        # them the phrase is a substring of the text without its whitespace: the test that lets
        # a text be skipped, whatever the spacing around punctuation ("kinh tế-kỹ thuật").
        literals = {_bare(p["pattern"]) for p in patterns}
        self._any = re.compile(literal_trie(literals))
        self._separated = any(_SEPARATOR in literal for literal in literals)

    def could_hold(self, text: str) -> bool:
        """False only when no phrase can be found in ``text``."""
        return self._any.search(_bare(text)) is not None

    def holding(self, texts: list[str]) -> set[int]:
        """The indexes of the ``texts`` that could_hold a phrase, found in one search over them all
        (a report's hundreds of cells, each asked alone, cost a call and a search each). No phrase
        holds the separator, so no match runs from one text into the next."""
        joined = _SEPARATOR.join(texts)
        if not texts or self._separated or joined.count(_SEPARATOR) != len(texts) - 1:
            return {i for i, text in enumerate(texts) if self.could_hold(text)}  # a text holds a separator
        bare = _bare(joined)
        starts = [m.start() for m in _SEPARATORS.finditer(bare)]
        return {bisect_right(starts, m.start()) for m in self._any.finditer(bare)}

    def __call__(self, doc: Doc) -> Doc:
        # In spaCy's order of Spans (start, end, label, id), as plain tuples.
        found = sorted({(start, end, *self._names[match]) for match, start, end in self._matcher(doc) if start != end})
        if found:  # nothing kept for none: marks() gives [], and most texts name no award
            doc.user_data[self.key] = [
                Mark(start, end, doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), label, span_id)
                for start, end, _, _, label, span_id in found
            ]
        return doc


class Mark(NamedTuple):
    """A phrase found in a doc, with the attribute names of spaCy's Span."""

    start: int  # tokens [start, end)
    end: int
    start_char: int  # characters [start_char, end_char) of the doc's text
    end_char: int
    label_: str
    id_: str


def marks(doc: Doc, key: str) -> list[Mark]:
    """The phrases of ``key`` ("awards", "units", "units_loose", "evidence") marked on ``doc``."""
    return doc.user_data.get((_MARKS, key), [])


_MARKS = "tdkt.marks"


_SEPARATOR = "\x00"  # between texts searched together: no phrase or paragraph holds it
_SEPARATORS = re.compile(_SEPARATOR)


def _bare(text: str) -> str:
    return "".join(text.split())


def literal_trie(words: set[str]) -> str:
    """A regex matching exactly the literal ``words``, their common beginnings factored out
    ("trường(?:caođẳng…|đạihọc…)"). The engine tries a plain alternation's every word at every
    character; the factored one follows one branch: 3-12× faster on the rules' phrases."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here
    return _branches(trie)


def _branches(node: dict[str, dict]) -> str:
    ends = "" in node
    branches = [re.escape(ch) + _branches(node[ch]) for ch in sorted(k for k in node if k)]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 and not ends else "(?:" + "|".join(branches) + ")"
    return body + "?" if ends else body
