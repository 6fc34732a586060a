"""The words of nomination principles: the vocabulary (principles.yaml, config/award_names.yaml), a clause
with its abbreviations written out and folded so that what is read can be masked, award names and
ranks found in it, and the sentences of a document that look like principles.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from pipeline.core.model import Block, BlockKind, Provenance
from pipeline.core.textnorm import fold, nfc
from pipeline.understanding.rules import award_vocabulary, principle_rules

MASK = "·"
LABEL = re.compile(r"^\s*(?:[-–—+•*∙]|\(?\d{1,2}[.)]|\(?[a-zđ][.)]|[IVX]{1,4}\.)\s+")
_SHORT_WORDS = {"tt", "q", "p", "ths", "ts", "pgs", "gs", "đ/c", "v.v", "tr", "th"}


@dataclass(frozen=True)
class Sentence:
    """A sentence that looks like a nomination principle, and where it is."""

    text: str  # NFC, without its list label
    provenance: Provenance


# --- vocabulary -------------------------------------------------------------------------------


def alt(phrases: list[str] | set[str]) -> str:
    """A regex alternation of folded phrases, longest first, on word boundaries."""
    return alt_of(frozenset(phrases))


@cache
def alt_of(phrases: frozenset[str]) -> str:
    ordered = sorted({fold(p) for p in phrases}, key=len, reverse=True)
    return r"(?<![\wđ])(?:" + "|".join(re.escape(p) for p in ordered) + r")(?![\wđ])"


@dataclass(frozen=True)
class Vocab:
    """The vocabularies compiled: abbreviations, and every award name tdkt knows as it may be
    written ("Cờ thi đua của UBND TP") or proposed ("đề nghị Chính phủ tặng Cờ thi đua")."""

    abbreviation: re.Pattern[str]
    expansions: dict[str, str]
    names: dict[str, str]  # normalized phrase → exact award name
    heads: dict[tuple[str, str], str]  # (head, issuer), normalized → exact award name
    full: re.Pattern[str]
    issued: re.Pattern[str]
    issuer_before: re.Pattern[str]
    kinds: dict[str, str]  # exact award name → 'danh hiệu' | 'hình thức'


@cache
def vocabulary() -> Vocab:
    rules = principle_rules()
    keys = sorted(rules.abbreviations, key=len, reverse=True)
    abbreviation = re.compile(
        r"(?<![\w])(?:" + "|".join(re.escape(k) + ("" if k.endswith(".") else r"(?![\w])") for k in keys) + ")",
        re.IGNORECASE)
    expansions = {k.casefold(): v for k, v in rules.abbreviations.items()}
    vocab = award_vocabulary()
    names: dict[str, str] = {}
    kinds: dict[str, str] = {}
    for award in vocab.fixed:
        kinds[award.name] = award.kind
        for phrase in [award.name, *award.variants]:
            names.setdefault(fold(_expand_plain(phrase, abbreviation, expansions)), award.name)
    for head in vocab.issued.heads:
        for issuer in vocab.issued.issuers:
            name = f"{head.head} của {issuer.issuer}"
            kinds.setdefault(name, head.kind)
            names.setdefault(fold(name), name)
    heads: dict[tuple[str, str], str] = {}
    for phrase, name in names.items():
        head, sep, issuer = phrase.partition(" của ")
        if sep:
            heads.setdefault((head, issuer), name)
    issuers = {issuer for _, issuer in heads}
    head_words = {head for head, _ in heads}
    issuer_alt, head_alt = alt(issuers), alt(head_words)
    give = r"\s+(?:xét\s+)?tặng\s+(?:danh hiệu\s+)?[“\"']?\s*"
    return Vocab(
        abbreviation=abbreviation, expansions=expansions, names=names, heads=heads, kinds=kinds,
        full=re.compile(alt(names)),
        issued=re.compile(rf"({issuer_alt}){give}({head_alt})(?!\s+của)"),
        issuer_before=re.compile(rf"({issuer_alt}){give}$"),
    )


def _expand_plain(text: str, pattern: re.Pattern[str], expansions: dict[str, str]) -> str:
    return pattern.sub(lambda m: expansions[m.group(0).casefold()], text)


def award_kind(name: str) -> str | None:
    """'danh hiệu' or 'hình thức' for an exact award name tdkt knows."""
    return vocabulary().kinds.get(name)


# --- text with masks ------------------------------------------------------------------------


class Text:
    """A clause with abbreviations written out (``written``, case kept) and folded (``folded``,
    same length); ``origin[i]`` is the index in the clause as written of ``written[i]``. Parts
    read are masked in ``folded``."""

    def __init__(self, text: str) -> None:
        vocab = vocabulary()
        parts: list[str] = []
        origin: list[int] = []
        last = 0
        for m in vocab.abbreviation.finditer(text):
            parts.append(text[last:m.start()])
            origin += range(last, m.start())
            full = vocab.expansions[m.group(0).casefold()]
            parts.append(full)
            origin += [m.start()] * (len(full) - 1) + [m.end() - 1]  # a part ending inside ends at its end
            last = m.end()
        parts.append(text[last:])
        origin += range(last, len(text))
        self.source = text
        self.written = "".join(parts)
        self.origin = origin
        folded = fold(self.written)
        self.folded = folded if len(folded) == len(self.written) else self.written.lower()

    def find(self, pattern: str | re.Pattern[str]) -> list[re.Match[str]]:
        return list(re.finditer(pattern, self.folded))

    def mask(self, start: int, end: int) -> None:
        self.folded = self.folded[:start] + MASK * (end - start) + self.folded[end:]

    def take(self, pattern: str | re.Pattern[str]) -> list[re.Match[str]]:
        """Every match of ``pattern``, masked."""
        found = self.find(pattern)
        for m in found:
            self.mask(m.start(), m.end())
        return found

    def as_written(self, start: int, end: int) -> str:
        """The part of the clause as written for ``written[start:end]``."""
        if start >= end:
            return ""
        return self.source[self.origin[start]:self.origin[end - 1] + 1]


# --- sentences -----------------------------------------------------------------------------


def principle_sentences(blocks: list[Block]) -> Iterator[Sentence]:
    """Sentences that look like nomination principles: every sentence of a principles section,
    and elsewhere those that name ranks, ties, awards or proposals."""
    in_section = False
    follows = False  # the sentence before was a principle: "Điều kiện: …" continues it
    continuation = alt(principle_rules().continuation)
    for block in blocks:
        if block.kind is BlockKind.TABLE:
            continue
        text = nfc(block.text or block.raw)
        if not text:
            continue
        if _heading_like(block, text):
            in_section = _opens_section(text)
            continue
        if text.endswith(":") and len(text) <= 100 and not _has_content(text):
            in_section = in_section or _opens_section(text)  # a lead-in ("a) Đối với tập thể:")
            continue
        lead, colon, rest = text.partition(":")
        if (colon and len(lead) <= 80 and _opens_section(lead) and not _has_content(lead)
                and not re.search(r"[.;]\s", lead) and rest.strip()):
            in_section, text = True, rest.strip()  # "Nguyên tắc xét khen thưởng: Đơn vị xếp thứ nhất …"
        for sentence in split_sentences(text):
            starts_as_continuation = follows and re.match(continuation, Text(sentence).folded)
            follows = bool(in_section or _looks_like_principle(sentence) or starts_as_continuation)
            if follows:
                yield Sentence(sentence, block.provenance)


def _heading_like(block: Block, text: str) -> bool:
    """A heading: styled as one, in capitals, or numbered I., II. … and short."""
    letters = [c for c in text if c.isalpha()]
    short = len(text) <= 100 and not text.endswith((".", ";"))
    shaped = (block.kind is BlockKind.HEADING or all(c.isupper() for c in letters)
              or (short and re.match(r"^[IVX]{1,4}\.\s", text))
              or (short and LABEL.match(text) and _opens_section(text)))
    return bool(letters) and bool(shaped) and not _has_content(text)


def _has_content(text: str) -> bool:
    """Whether a short line names an award or ranks (then it is a principle, not a heading)."""
    return bool(award_spans(Text(text).folded) or ranks_in(Text(text)))


def _opens_section(text: str) -> bool:
    return bool(re.search(alt(principle_rules().section_heads), fold(text)))


def _looks_like_principle(sentence: str) -> bool:
    rules = principle_rules()
    folded = Text(sentence).folded
    if any(folded.startswith(fold(s)) for s in rules.ignore_starts):
        return False
    return bool(re.search(alt(rules.principle_words), folded) or vocabulary().full.search(folded))


def split_sentences(text: str) -> list[str]:
    """Sentences of a paragraph, list labels ("a)", "-", "1.") removed; a ';' followed by a
    label starts a new one."""
    cuts = [0]
    for m in re.finditer(r"\n|[.!?](?:\s+)(?=\S)|;\s*(?=(?:[-–—+•*]|\(?\d{1,2}[.)]|\(?[a-zđ]\))\s)", text):
        if m.group(0).startswith((".", "!", "?")):
            before = re.search(r"([\w/.]+)\.$", text[:m.start() + 1])
            nxt = text[m.end():m.end() + 1]
            if before and fold(before.group(1)) in _SHORT_WORDS:
                continue
            if re.fullmatch(r"\s*(?:\(?\d{1,2}|\(?[a-zđ]|[IVX]{1,4})\.", text[cuts[-1]:m.start() + 1]):
                continue  # a list label ("1.", "a.", "II."), not the end of a sentence
            if not (nxt.isupper() or nxt.isdigit() or LABEL.match(text[m.end():]) or nxt in "“\"("):
                continue
        cuts.append(m.end())
    cuts.append(len(text))
    out = []
    for start, end in pairwise(cuts):
        piece = text[start:end].strip()
        while LABEL.match(piece):
            piece = LABEL.sub("", piece, count=1).strip()
        piece = piece.rstrip(" ;")
        if piece:
            out.append(piece)
    return out


# --- awards and ranks ------------------------------------------------------------------------


def award_spans(folded: str) -> list[tuple[int, int, str]]:
    vocab = vocabulary()
    spans = [(m.start(), m.end(), vocab.names[m.group(0)]) for m in vocab.full.finditer(folded)]
    for m in vocab.issued.finditer(folded):
        name = vocab.heads.get((m.group(2), m.group(1)))
        if name and not any(s < m.end() and m.start() < e for s, e, _ in spans):
            spans.append((m.start(), m.end(), name))
    return sorted(spans)


@cache
def ordinal_alt() -> str:
    rules = principle_rules()
    words = sorted(rules.ordinals, key=len, reverse=True)
    return r"(?:\d+|" + "|".join(re.escape(fold(w)) for w in words) + r")(?![\wđ])"


def _ordinal(word: str) -> int:
    return int(word) if word.isdigit() else principle_rules().ordinals[word]


def ranks_in(text: Text) -> list[list[int]]:
    """Every rank phrase of the clause as positions, masked."""
    rules = principle_rules()
    ords = ordinal_alt()
    counts = "|".join(re.escape(fold(w)) for w in rules.counts)
    lead = alt(rules.lead)
    found: list[list[int]] = []
    for m in text.take(rf"(?<![\wđ])(\d+|{counts})\s+đơn vị\s+(?:(?:xếp|có)\s+)?{lead}"):
        word = m.group(1)
        n = int(word) if word.isdigit() else rules.counts[word]
        found.append(list(range(1, n + 1)))
    for m in text.take(rf"(?<![\wđ])(\d+|{counts})\s+(?=đơn vị\s+(?:xếp|đứng)\s+(?:thứ|hạng))"):
        word = m.group(1)  # "02 đơn vị xếp thứ 1 và thứ 2": the count must match the ranks
        found.append([-(int(word) if word.isdigit() else rules.counts[word])])
    sep = r"\s*(?:,|và|đến|tới|-|–)\s*(?:(?:thứ|hạng)\s+)?"
    for m in text.take(rf"(?<![\wđ])(?:(?:xếp|đứng|đạt)\s+)?(?:thứ|hạng)\s+({ords}(?:{sep}{ords})*)"):
        found.append(_positions(m.group(1)))
    for _ in text.take(lead):
        found.append([1])
    return found


def _positions(written: str) -> list[int]:
    tokens = re.findall(rf"{ordinal_alt()}|đến|tới|-|–", written)
    out: list[int] = []
    pending_range = False
    for token in tokens:
        if token in ("đến", "tới", "-", "–"):
            pending_range = True
            continue
        n = _ordinal(token)
        if pending_range and out:
            out += range(out[-1] + 1, n + 1)
        else:
            out.append(n)
        pending_range = False
    return out
