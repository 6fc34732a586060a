"""Phrases of a rule set marked on a spaCy doc as ``doc.spans[key]`` (no key when there are none).

This is what spaCy's SpanRuler does with phrase patterns (same spans, labels, ids and order),
without what it costs on every doc: it also runs a token matcher that has no patterns and sets and
resets a warnings filter (compiling its regex) for each doc, which was most of the rulers' time.
And texts that cannot hold any of the phrases are not tokenized at all (``could_hold``): most
paragraphs and table cells name no unit.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


class PhraseSpans:
    def __init__(self, nlp: Language, key: str, patterns: list[dict]) -> None:
        from spacy.matcher import PhraseMatcher
        from spacy.tokens import Span

        self._span = Span  # imported here, not on every call (an import statement is a lookup each time)
        self.key = key
        self._matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        # A match's label and id as the string store's hashes: what a Span holds and sorts by.
        self._names: dict[int, tuple[int, int]] = {}
        by_name: dict[str, list[str]] = {}
        strings = nlp.vocab.strings
        for pattern in patterns:
            label, span_id = pattern["label"], pattern.get("id", "")
            name = repr((label, span_id))
            self._names[strings.add(name)] = (strings.add(label), strings.add(span_id) if span_id else 0)
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
        span = self._span
        # Spans in spaCy's order (start, end, label, id): sorted as plain tuples, each made once
        # (a set of Spans, sorted by their rich comparison, was most of marking a text).
        found = sorted({(start, end, *self._names[match]) for match, start, end in self._matcher(doc) if start != end})
        if found:  # no group for none: readers ask doc.spans.get(key, []), and most texts name no award
            doc.spans[self.key] = [span(doc, start, end, label=label, span_id=span_id)
                                   for start, end, label, span_id in found]
        return doc


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
