"""Which unit wrote the report.

With a cluster file, unit names and aliases are matched everywhere in the report; a name in the
administrative header outweighs names in the body (reports mention their partners). Without
one, the issuing body is read from the header: the line under the parent body, above "Số:".
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from pipeline.model import Document, Part, Provenance
from pipeline.textnorm import fold, strip_tones
from pipeline.understanding.facts import UnitFact
from pipeline.understanding.header import HEADER_BLOCKS, TITLE_WORDS, HeaderLine, block_texts, header_lines
from pipeline.understanding.nlp import RuleSet
from pipeline.understanding.rules import unit_rules

_HEADER_WEIGHT = 10
_BODY_WEIGHT = 1


def identify_unit(doc: Document, rules: RuleSet) -> UnitFact | None:
    if rules.members:
        return _member_named_in(doc, rules)
    return _issuing_body(doc)


def _member_named_in(doc: Document, rules: RuleSet) -> UnitFact | None:
    """Matches whole paragraphs and cells, so a name wrapped over two lines is still found."""
    body = [b for b in doc.blocks if b.provenance.part is Part.BODY]
    title_at = next((i for i, b in enumerate(body[:HEADER_BLOCKS]) if _is_title(b.text)), 0)
    texts = [
        (text, prov, _HEADER_WEIGHT if i <= title_at else _BODY_WEIGHT)
        for i, block in enumerate(body)
        for text, prov in block_texts(block)
    ]
    weights, first_seen = _mentions(texts, rules.docs(t for t, _, _ in texts), "units")
    if not weights:
        weights, first_seen = _mentions(texts, rules.loose_docs(t for t, _, _ in texts), "units_loose")
    if not weights:
        return None
    member_id, _ = weights.most_common(1)[0]
    written, prov = first_seen[member_id]
    return UnitFact(member_id=member_id, name=rules.members[member_id].name, as_written=written, provenance=prov)


def _mentions(texts: list[tuple[str, Provenance, int]], docs: object,
              key: str) -> tuple[Counter[str], dict[str, tuple[str, Provenance]]]:
    weights: Counter[str] = Counter()
    first_seen: dict[str, tuple[str, Provenance]] = {}
    for (text, prov, weight), spacy_doc in zip(texts, docs, strict=True):
        for span in spacy_doc.spans.get(key, []):
            weights[span.id_] += weight
            written = " ".join(text[span.start_char : span.end_char].split())
            first_seen.setdefault(span.id_, (written, prov))
    return weights, first_seen


def _is_title(text: str) -> bool:
    return fold(text).startswith(TITLE_WORDS)


def _lines_until_title(doc: Document) -> list[HeaderLine]:
    lines = list(header_lines(doc))
    for i, line in enumerate(lines):
        if _is_title(line.text):
            return lines[: i + 1]
    return lines


def _issuing_body(doc: Document) -> UnitFact | None:
    starts = tuple(unit_rules().institution_starts)
    lines = _lines_until_title(doc)
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        folded = fold(line.text)
        if not (line.text.isupper() and folded.startswith(starts)):
            continue
        parts = [line.text]
        for follower in lines[i + 1 :]:
            if follower.provenance != line.provenance or not follower.text.isupper():
                break
            if fold(follower.text).startswith(("số", "cộng hòa", "cộng hoà")):
                break
            parts.append(follower.text)
        written = " ".join(parts)
        name = display_name(written)
        return UnitFact(member_id=slug(name), name=name, as_written=written, provenance=line.provenance)
    return None


def display_name(upper: str) -> str:
    """'TRƯỜNG CAO ĐẲNG Y TẾ THỦ ĐÔ' → 'Trường Cao đẳng Y tế Thủ đô': type words get one
    capital, other words (place and proper names) a capital on every syllable."""
    syllables = fold(upper).split()
    terms = sorted(((fold(t).split(), t.split()) for t in unit_rules().common_terms), key=lambda t: -len(t[0]))
    out: list[str] = []
    i = 0
    while i < len(syllables):
        term = next((shown for key, shown in terms if syllables[i : i + len(key)] == key), None)
        if term:
            out.append(" ".join([term[0].capitalize(), *term[1:]]))
            i += len(term)
        else:
            out.append(syllables[i].capitalize())
            i += 1
    return " ".join(out)


def slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", strip_tones(name).replace("đ", "d"))
    ascii_name = "".join(ch for ch in ascii_name if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
