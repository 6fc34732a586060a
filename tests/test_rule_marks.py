"""The figure spans and phrase marks find exactly what spaCy's Matcher and SpanRuler found.

Both replaced spaCy components for speed (figure_spans.py, phrase_spans.py). The references are
built here the way the rule set used to build them, and run over seeded random texts made of the
rules' own words, numbers, percentages, fractions and punctuation with random spacing.
"""

from __future__ import annotations

import random
import warnings

import pytest
import spacy
from spacy.matcher import Matcher

from pipeline.core.textnorm import fold
from pipeline.understanding.figure_spans import FigureSpans
from pipeline.understanding.phrase_spans import PhraseSpans
from pipeline.understanding.phrase_spans import marks as marks_of
from pipeline.understanding.rules import metric_rules

_FILLER = ["đạt", "tỷ", "lệ", "năm", "học", "và", "các", "trường", "số", "ngày", "(", ")", ",", ".", ";", "-", ":"]


def _number(rng: random.Random) -> str:
    return rng.choice(["15", "92,5", "1.250", "3", "100", "2023", "0,5", "12.000,75"])


def _figure_text(rng: random.Random, nouns: list[str]) -> str:
    words: list[str] = []
    for _ in range(rng.randint(1, 40)):
        pick = rng.random()
        if pick < 0.25:
            words.append(_number(rng))
        elif pick < 0.35:
            words.append(_number(rng) + rng.choice(["%", " %"]))
        elif pick < 0.42:
            words.append(f"{_number(rng)}/{_number(rng)}")
        elif pick < 0.7:
            noun = fold(rng.choice(nouns)).split()
            words.append(" ".join(noun[: rng.randint(1, len(noun))]))  # whole nouns and their beginnings
        else:
            words.append(rng.choice(_FILLER))
    return rng.choice([" ", "  ", ""]).join(words) if rng.random() < 0.1 else " ".join(words)


def _reference_figures(doc, matcher: Matcher) -> list[tuple[str, int, int]]:
    """What metrics.find_metrics took from the Matcher: the longest match at each start, left to
    right, none starting inside the one taken before."""
    taken, seen = [], set()
    for match_id, start, end in sorted(matcher(doc), key=lambda m: (m[1], -m[2])):
        if start in seen:
            continue
        seen.update(range(start, end))
        taken.append((doc.vocab.strings[match_id], start, end))
    return taken


def _figure_matcher(nlp, counted: list[str]) -> Matcher:
    """The spaCy Matcher the rule set used to find figures with."""
    matcher = Matcher(nlp.vocab, validate=True)
    number = {"TEXT": {"REGEX": r"^\d[\d.,]*$"}}
    matcher.add("PERCENT", [[number, {"ORTH": "%"}]])
    matcher.add("FRACTION", [[{"TEXT": {"REGEX": r"^\d[\d.,]*/\d[\d.,]*$"}}]])
    matcher.add("COUNT", [[number, *({"ORTH": s} for s in fold(noun).split())] for noun in counted])
    return matcher


def test_figure_spans_are_the_matchers_longest_figures_on_random_texts() -> None:
    nlp = spacy.blank("xx")
    counted = metric_rules().counted
    matcher = _figure_matcher(nlp, counted)
    spans = FigureSpans.build(counted)
    rng = random.Random(16)
    found = 0
    for _ in range(600):
        text = _figure_text(rng, counted)
        doc = nlp.make_doc(text)
        expected = _reference_figures(doc, matcher)
        assert list(spans.spans(doc, text)) == expected, text
        found += len(expected)
    assert found > 1500  # the texts are full of figures: the comparison is not vacuous


def test_texts_the_quick_test_skips_have_no_figure() -> None:
    """FigureSpans.possible lets a text without "%", "/" or a number before a noun's first
    syllable skip the token walk: on sparse texts (digits, syllables, few figures, odd spacing)
    the spans are still the Matcher's, and many texts are skipped."""
    nlp = spacy.blank("xx")
    counted = metric_rules().counted
    matcher = _figure_matcher(nlp, counted)
    spans = FigureSpans.build(counted)
    syllables = sorted({w for noun in counted for w in fold(noun).split()})
    pieces = [*_FILLER, *syllables, "15", "1.", "2023", "92,5", "12.000,75", "3,", "x15", "15x", "%", "/", "½", "٢٣",
              *(f"15 {fold(noun)}" for noun in counted)]
    rng = random.Random(17)
    skipped = found = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) + rng.choice([" ", " ", "  ", "", "\t", "\u00a0"])
                       for _ in range(rng.randint(0, 15)))
        doc = nlp.make_doc(text)
        expected = _reference_figures(doc, matcher)
        assert list(spans.spans(doc, text)) == expected, text
        skipped += spans.possible.search(text) is None
        found += len(expected)
    assert skipped > 300 and found > 1000


def test_a_count_takes_the_longest_listed_noun() -> None:
    nlp = spacy.blank("xx")
    spans = FigureSpans.build(["đề tài", "đề tài nghiên cứu khoa học", "sinh viên"])
    text = "có 15 đề tài nghiên cứu khoa học và 92,5 % sinh viên, 1.250/1.200 chỉ tiêu; 7 đề án"
    doc = nlp.make_doc(text)
    assert [(kind, doc[s:e].text) for kind, s, e in spans.spans(doc, text)] == [
        ("COUNT", "15 đề tài nghiên cứu khoa học"), ("PERCENT", "92,5 %"), ("FRACTION", "1.250/1.200"),
    ]


_NAMES = ["trường cao đẳng y tế hà đông", "cđ y tế hà đông", "trường đại học kinh tế - kỹ thuật",
          "cao đẳng sư phạm", "đh du lịch long biên", "k.t"]


def _phrase_text(rng: random.Random) -> str:
    words: list[str] = []
    for _ in range(rng.randint(0, 30)):
        if rng.random() < 0.3:
            name = rng.choice(_NAMES).split()
            words.append(" ".join(name[: rng.randint(1, len(name))]))
        else:
            words.append(rng.choice([*_FILLER, "kinh tế-kỹ thuật", "(cđ", "y tế)", "hà đông,"]))
    return rng.choice([" ", "  ", " - "]).join(words)


@pytest.mark.parametrize("seed", [1, 2])
def test_phrase_spans_are_the_span_rulers_on_random_texts(seed: int) -> None:
    patterns = [{"label": "UNIT", "pattern": name, "id": f"u{i % 3}"} for i, name in enumerate(_NAMES)]
    patterns.append({"label": "OTHER", "pattern": "cao đẳng sư phạm"})  # same phrase, another label, no id
    reference = spacy.blank("xx")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # W036: the ruler's token matcher has no patterns
        ruler = reference.add_pipe("span_ruler", config={"spans_key": "units", "phrase_matcher_attr": "ORTH"})
        ruler.add_patterns(patterns)
    nlp = spacy.blank("xx")
    marks = PhraseSpans(nlp, "units", patterns)
    rng = random.Random(seed)
    found = 0
    for _ in range(400):
        text = _phrase_text(rng)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ref_doc = reference(text)
            expected = [(s.start, s.end, s.label_, s.id_) for s in ref_doc.spans["units"]]
        doc = marks(nlp.make_doc(text))
        ours = [(s.start, s.end, s.label_, s.id_) for s in marks_of(doc, "units")]
        assert [(s.start_char, s.end_char) for s in marks_of(doc, "units")] == [
            (s.start_char, s.end_char) for s in ref_doc.spans["units"]]
        assert ours == expected, text
        if expected:
            assert marks.could_hold(text), text  # a text that is skipped never had a name
        found += len(expected)
    assert found > 200


def test_a_text_without_any_name_is_not_worth_tokenizing() -> None:
    marks = PhraseSpans(spacy.blank("xx"), "units", [{"label": "UNIT", "pattern": "kinh tế - kỹ thuật", "id": "a"}])
    assert marks.could_hold("trường kinh tế-kỹ thuật")  # spacing around punctuation differs: still tried
    assert not marks.could_hold("trường kinh tế")


def test_texts_searched_together_hold_the_phrases_each_holds_alone() -> None:
    nlp = spacy.blank("xx")
    marks = PhraseSpans(nlp, "units", [{"label": "UNIT", "pattern": name, "id": "u"} for name in _NAMES])
    rng = random.Random(3)
    held = 0
    for _ in range(200):
        # Now and then a text holding the separator itself: those lists are searched text by text.
        odd = ["\x00 cao đẳng"] if rng.random() < 0.1 else []
        texts = [_phrase_text(rng) if rng.random() < 0.5 else rng.choice(["", " ", "stt", *odd])
                 for _ in range(rng.randint(0, 30))]
        alone = {i for i, text in enumerate(texts) if marks.could_hold(text)}
        assert marks.holding(texts) == alone, texts
        held += len(alone)
    assert held > 500
