"""Which unit wrote the report.

With a cluster file, unit names and aliases are matched everywhere in the report; a name in the
administrative header outweighs names in the body (reports mention their partners). Without
one, the issuing body is read from the header (issuer.py), with the casing the body gives it.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from pipeline.core.model import Block, Document, Part
from pipeline.core.textnorm import strip_tones
from pipeline.understanding.facts import UnitFact
from pipeline.understanding.header import HEADER_BLOCKS, block_places, is_title_line
from pipeline.understanding.issuer import header_parents, read_issuer
from pipeline.understanding.nlp import RuleSet
from pipeline.understanding.phrase_spans import marks

if TYPE_CHECKING:
    from spacy.tokens import Doc

_HEADER_WEIGHT = 10
_BODY_WEIGHT = 1


def identify_unit(doc: Document, rules: RuleSet, paragraph_docs: list[Doc] | None = None) -> UnitFact | None:
    """``paragraph_docs``: the docs rules.docs() made of the body's paragraphs, in order, when the
    caller has them (they are marked with the unit names instead of being tokenized again)."""
    if rules.members:
        return _member_named_in(doc, rules, paragraph_docs)
    return _issuing_body(doc)


def _member_named_in(doc: Document, rules: RuleSet, paragraph_docs: list[Doc] | None) -> UnitFact | None:
    """Matches whole paragraphs and cells, so a name wrapped over two lines is still found."""
    body = [b for b in doc.blocks if b.provenance.part is Part.BODY]
    title_at = next((i for i, b in enumerate(body[:HEADER_BLOCKS]) if _is_title(b.text)), 0)
    texts = [
        (text, (block, row, cell), _HEADER_WEIGHT if i <= title_at else _BODY_WEIGHT)
        for i, block in enumerate(body)
        for text, row, cell in block_places(block)
    ]
    weights, first_seen = _mentions(texts, _unit_docs(texts, rules, paragraph_docs), "units")
    if not weights:
        weights, first_seen = _mentions(texts, rules.loose_docs(t for t, _, _ in texts), "units_loose")
    if not weights:
        return None
    member_id, _ = weights.most_common(1)[0]
    written, (block, row, cell) = first_seen[member_id]
    prov = block.provenance if row is None else block.provenance.model_copy(update={"row": row, "cell": cell})
    return UnitFact(member_id=member_id, name=rules.members[member_id].name, as_written=written,
                    parents=list(header_parents(doc)), provenance=prov)


_Place = tuple[Block, int | None, int | None]  # a paragraph, or a table's cell (row, cell)


def _unit_docs(texts: list[tuple[str, _Place, int]], rules: RuleSet,
               paragraph_docs: list[Doc] | None) -> Iterable[Doc | None]:
    """The texts' docs with the unit names marked (None for a text that cannot name one); the
    paragraphs' from ``paragraph_docs`` when given, only the cells tokenized here."""
    if paragraph_docs is None:
        return rules.unit_docs(t for t, _, _ in texts)
    if len(paragraph_docs) != sum(row is None for _, (_, row, _), _ in texts):
        raise ValueError("paragraph_docs are not the docs of the body's paragraphs")
    cells = rules.unit_docs(t for t, (_, row, _), _ in texts if row is not None)
    paragraphs = rules.units_marked(paragraph_docs)
    return [next(paragraphs) if row is None else next(cells) for _, (_, row, _), _ in texts]


def _mentions(texts: list[tuple[str, _Place, int]], docs: object,
              key: str) -> tuple[Counter[str], dict[str, tuple[str, _Place]]]:
    weights: Counter[str] = Counter()
    first_seen: dict[str, tuple[str, _Place]] = {}
    for (text, place, weight), spacy_doc in zip(texts, docs, strict=True):
        if spacy_doc is None:
            continue  # names no unit
        for span in marks(spacy_doc, key):
            weights[span.id_] += weight
            written = " ".join(text[span.start_char : span.end_char].split())
            first_seen.setdefault(span.id_, (written, place))
    return weights, first_seen


def _is_title(text: str) -> bool:
    return is_title_line(text)


def _issuing_body(doc: Document) -> UnitFact | None:
    issuer = read_issuer(doc)
    if issuer is None:
        return None
    return UnitFact(member_id=slug(issuer.name), name=issuer.name, as_written=issuer.as_written,
                    parents=list(issuer.parents), provenance=issuer.provenance)


def slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", strip_tones(name).replace("đ", "d"))
    ascii_name = "".join(ch for ch in ascii_name if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
