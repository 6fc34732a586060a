"""The rule-based spaCy pipeline: unit names, award names and evidence phrases as span rulers.

spaCy has no trained Vietnamese pipeline and tdkt downloads nothing. Rules run over folded text
(NFC, lower case, one tone placement: see textnorm.fold), which keeps character offsets, so a
span found in folded text points at the same characters of the original.

The tokenizer is spaCy's multi-language one (``blank("xx")``): Vietnamese words are spaced
syllables, and on this corpus it splits punctuation correctly where ``blank("vi")`` without
pyvi leaves it attached ("Hương,") and pyvi's word segmentation splits some names (measured
in shared/stack.md: phrase recall 1.00 vs 0.61 and 0.94).
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pipeline.config.cluster import Cluster, Member
from pipeline.config.rubric import Rubric
from pipeline.core.textnorm import fold, strip_tones
from pipeline.understanding.rules import MetricRules, award_vocabulary, metric_rules, unit_rules

if TYPE_CHECKING:  # spaCy (~0.5 s) is imported when a rule set is built, not by every importer
    from spacy.language import Language
    from spacy.matcher import Matcher
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

    nlp: Language
    metric_matcher: Matcher
    awards: dict[str, AwardInfo]
    metrics: MetricRules
    members: dict[str, Member]

    @classmethod
    def build(cls, rubric: Rubric, cluster: Cluster | None) -> RuleSet:
        import spacy

        # Our span rulers hold phrase patterns only; spaCy warns (W036) that their token matcher is
        # empty. Set after spaCy's import, which puts its own "once" filter for W036 first.
        warnings.filterwarnings("ignore", message=r".*\[W036\]", category=UserWarning)
        nlp = spacy.blank("xx")
        awards = _award_patterns()
        # Each award name also without "ư", as TCVN3 text reads once its soft hyphens are dropped.
        _ruler(nlp, "awards", [
            {"label": "AWARD", "pattern": variant, "id": key}
            for key, (phrase, _) in awards.items()
            for variant in {phrase, phrase.replace("ư", "")}
        ])
        _ruler(nlp, "units", [
            {"label": "UNIT", "pattern": alias, "id": member.id}
            for member in (cluster.members if cluster else [])
            for alias in member_aliases(member)
        ])
        # Tone marks are what OCR loses most ("Cao đăng" for "Cao đẳng"): a second, looser set of
        # names without them, tried on text without them when the exact names are not found.
        # And without "ư": TCVN3 stores it as the soft hyphen, which PDF makers drop ("Trờng").
        _ruler(nlp, "units_loose", [
            {"label": "UNIT", "pattern": strip_tones(variant), "id": member.id}
            for member in (cluster.members if cluster else [])
            for alias in member_aliases(member)
            for variant in {alias, alias.replace("ư", "")}
        ])
        _ruler(nlp, "evidence", [
            {"label": criterion.code, "pattern": fold(phrase)}
            for _, criterion in rubric.leaves()
            for phrase in {*criterion.evidence, *(criterion.deduction.phrases if criterion.deduction else [])}
        ])
        rules = metric_rules()
        return cls(
            nlp=nlp,
            metric_matcher=_metric_matcher(nlp, rules),
            awards={key: info for key, (_, info) in awards.items()},
            metrics=rules,
            members={m.id: m for m in (cluster.members if cluster else [])},
        )

    def docs(self, texts: Iterable[str]) -> Iterator[Doc]:
        """spaCy docs of folded texts; line breaks become spaces so names may wrap."""
        return self.nlp.pipe(fold_for_rules(t) for t in texts)

    def unit_docs(self, texts: Iterable[str]) -> Iterator[Doc]:
        """Docs of folded texts with the unit names marked and nothing else: the other rulers are
        not run (they were a quarter of understanding a long report, for nothing here)."""
        return self._only("units", (fold_for_rules(t) for t in texts))

    def loose_docs(self, texts: Iterable[str]) -> Iterator[Doc]:
        """Docs of the same texts without tone marks (same length), for the loose unit names."""
        def stripped(text: str) -> str:
            folded = fold_for_rules(text)
            loose = strip_tones(folded)
            return loose if len(loose) == len(folded) else folded

        return self._only("units_loose", (stripped(t) for t in texts))

    def _only(self, ruler: str, texts: Iterable[str]) -> Iterator[Doc]:
        # The tokenizer and one component called directly: select_pipes would change the shared
        # pipeline for every thread using this rule set.
        names = self.nlp.pipe_names
        component = self.nlp.get_pipe(ruler) if ruler in names else None
        for text in texts:
            doc = self.nlp.make_doc(text)
            yield component(doc) if component is not None else doc


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


def _ruler(nlp: Language, name: str, patterns: list[dict]) -> None:
    if not patterns:
        return  # docs then have no span group of that name; readers use doc.spans.get(name, [])
    ruler = nlp.add_pipe(
        "span_ruler",
        name=name,
        config={"spans_key": name, "phrase_matcher_attr": "ORTH", "validate": True, "overwrite": False},
    )
    ruler.add_patterns(patterns)


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


def _metric_matcher(nlp: Language, rules: MetricRules) -> Matcher:
    from spacy.matcher import Matcher

    matcher = Matcher(nlp.vocab, validate=True)
    number = {"TEXT": {"REGEX": r"^\d[\d.,]*$"}}
    matcher.add("PERCENT", [[number, {"ORTH": "%"}]])
    matcher.add("FRACTION", [[{"TEXT": {"REGEX": r"^\d[\d.,]*/\d[\d.,]*$"}}]])
    counted = []
    for noun in rules.counted:
        counted.append([number, *({"ORTH": syllable} for syllable in fold(noun).split())])
    matcher.add("COUNT", counted)
    return matcher
