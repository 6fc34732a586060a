"""The rule-based spaCy pipeline: unit names, award names and evidence phrases marked on tokens.

spaCy has no trained Vietnamese pipeline and tdkt downloads nothing. Rules run over folded text
(NFC, lower case, one tone placement: see textnorm.fold), which keeps character offsets, so a
span found in folded text points at the same characters of the original.

The tokenizer is spaCy's multi-language one (``blank("xx")``): Vietnamese words are spaced
syllables, and on this corpus it splits punctuation correctly where ``blank("vi")`` without
pyvi leaves it attached ("Hương,") and pyvi's word segmentation splits some names (measured
in shared/stack.md: phrase recall 1.00 vs 0.61 and 0.94).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pipeline.config.cluster import Cluster, Member
from pipeline.config.rubric import Rubric
from pipeline.core.textnorm import fold, strip_tones
from pipeline.understanding.figure_spans import FigureSpans
from pipeline.understanding.phrase_spans import PhraseSpans
from pipeline.understanding.rules import MetricRules, award_vocabulary, metric_rules, unit_rules

if TYPE_CHECKING:  # spaCy (~0.5 s) is imported when a rule set is built, not by every importer
    from spacy.language import Language
    from spacy.tokens import Doc



@dataclass(frozen=True)
class AwardInfo:
    name: str
    kind: str
    level: str
    recipient: str | None


@dataclass
class RuleSet:
    """Everything rule-based understanding needs, built once per run from the run's data."""

    nlp: Language  # its tokenizer: the phrases are marked by the PhraseSpans below
    phrases: dict[str, PhraseSpans]  # awards, units, units_loose, evidence; absent when there are none
    figures: FigureSpans
    awards: dict[str, AwardInfo]
    metrics: MetricRules
    members: dict[str, Member]

    @classmethod
    def build(cls, rubric: Rubric, cluster: Cluster | None) -> RuleSet:
        import spacy

        nlp = spacy.blank("xx")
        awards = _award_patterns()
        members = cluster.members if cluster else []
        phrases = {
            # Each award name also without "ư", as TCVN3 text reads once its soft hyphens are dropped.
            "awards": [
                {"label": "AWARD", "pattern": variant, "id": key}
                for key, (phrase, _) in awards.items()
                for variant in {phrase, phrase.replace("ư", "")}
            ],
            "units": [{"label": "UNIT", "pattern": alias, "id": m.id} for m in members for alias in member_aliases(m)],
            # Tone marks are what OCR loses most ("Cao đăng" for "Cao đẳng"): a second, looser set of
            # names without them, tried on text without them when the exact names are not found.
            # And without "ư": TCVN3 stores it as the soft hyphen, which PDF makers drop ("Trờng").
            "units_loose": [
                {"label": "UNIT", "pattern": strip_tones(variant), "id": m.id}
                for m in members
                for alias in member_aliases(m)
                for variant in {alias, alias.replace("ư", "")}
            ],
            "evidence": [
                {"label": criterion.code, "pattern": fold(phrase)}
                for _, criterion in rubric.leaves()
                for phrase in {*criterion.evidence, *(criterion.deduction.phrases if criterion.deduction else [])}
            ],
        }
        rules = metric_rules()
        return cls(
            nlp=nlp,
            phrases={key: PhraseSpans(nlp, key, found) for key, found in phrases.items() if found},
            figures=FigureSpans.build(rules.counted),
            awards={key: info for key, (_, info) in awards.items()},
            metrics=rules,
            members={m.id: m for m in (cluster.members if cluster else [])},
        )

    def docs(self, texts: Iterable[str]) -> Iterator[Doc]:
        """spaCy docs of folded texts with award names and evidence phrases marked; line breaks
        become spaces so names may wrap."""
        marks = [self.phrases[key] for key in ("awards", "evidence") if key in self.phrases]
        for text in texts:
            doc = self._doc(fold_for_rules(text))
            for mark in marks:
                mark(doc)
            yield doc

    def unit_docs(self, texts: Iterable[str]) -> Iterator[Doc | None]:
        """Docs of folded texts with the unit names marked and nothing else; None for a text that
        names no unit (most table cells), which is not tokenized."""
        return self._only("units", (fold_for_rules(t) for t in texts))

    def units_marked(self, docs: Iterable[Doc]) -> Iterator[Doc]:
        """Docs made by docs() with the unit names marked on them too, as unit_docs() marks them:
        both tokenize the same folded text, so a report's paragraphs are tokenized once."""
        mark = self.phrases.get("units")
        for doc in docs:
            yield doc if mark is None else mark(doc)

    def loose_docs(self, texts: Iterable[str]) -> Iterator[Doc | None]:
        """Docs of the same texts without tone marks (same length), for the loose unit names."""
        def stripped(text: str) -> str:
            folded = fold_for_rules(text)
            loose = strip_tones(folded)
            return loose if len(loose) == len(folded) else folded

        return self._only("units_loose", (stripped(t) for t in texts))

    def _only(self, key: str, texts: Iterable[str]) -> Iterator[Doc | None]:
        mark = self.phrases.get(key)
        texts = list(texts)
        holding = mark.holding(texts) if mark is not None else set()
        for i, text in enumerate(texts):
            yield mark(self._doc(text)) if i in holding else None

    def _doc(self, text: str) -> Doc:
        doc = self.nlp.make_doc(text)
        doc.user_data[_TEXT_KEY] = text  # spaCy keeps the text exactly: no need to join the tokens again
        return doc


def text_of(doc: Doc) -> str:
    """The doc's text, joined once: spaCy's Doc.text joins every token again on each call, and the
    readers slice it for every match (a third of understanding went there)."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


_TEXT_KEY = "tdkt.text"


def fold_for_rules(text: str) -> str:
    folded = fold(text)
    return folded.replace("\n", " ") if len(folded) == len(text) else text.replace("\n", " ")


def _award_patterns() -> dict[str, tuple[str, AwardInfo]]:
    vocab = award_vocabulary()
    patterns: dict[str, tuple[str, AwardInfo]] = {}
    for award in vocab.fixed:
        info = AwardInfo(award.name, award.kind, award.level, award.recipient)
        for i, phrase in enumerate([award.name, *award.variants]):
            patterns[f"{award.name}#{i}"] = (fold(phrase), info)
    for head in vocab.issued.heads:
        for issuer in vocab.issued.issuers:
            name = f"{head.head} của {issuer.issuer}"
            patterns.setdefault(name, (fold(name), AwardInfo(name, head.kind, issuer.level, head.recipient)))
    return patterns


def member_aliases(member: Member) -> list[str]:
    """Folded names a member may be written under: its name, its listed aliases, and the name
    with 'Trường' dropped or 'Cao đẳng'/'Đại học' abbreviated."""
    names = [member.name, *member.aliases]
    rules = unit_rules()
    variants = set()
    for name in names:
        folded = fold(name)
        variants.add(folded)
        bare = folded.removeprefix("trường ").strip()
        variants.add(bare)
        for long, short in rules.abbreviations.items():
            if long in bare:
                variants.add(bare.replace(long, fold(short)))
                variants.add("trường " + bare.replace(long, fold(short)))
    return sorted(v for v in variants if len(v) >= 3)
