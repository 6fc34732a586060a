"""One spelling across the conference set: every draft's context passes through
``canonical_context`` before it is rendered (render.render_document).

Official and award names are written as pipeline/config/drafting.yaml lists them ("Ủy ban nhân
dân Thành phố", "Chiến sĩ thi đua Thành phố"), whichever way a unit's report wrote them, and tone
marks sit where administrative text puts them ("Uỷ" → "Ủy", "hoà" → "hòa"). What must stay as
found is left alone: fields typed ``Verbatim`` (people's names, evidence quotes, file names) and,
inside other sentences, the texts ``verbatim_texts`` gathers from the run.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache, lru_cache
from typing import Any

from pydantic import BaseModel

from pipeline.config.drafting import drafting_vocabulary
from pipeline.core.textnorm import VERBATIM, fold, retone
from pipeline.results.outcome import ClusterResult

_NAMED_NEXT = re.compile(r"\s+[^\W\d_]", re.UNICODE)


@cache
def _phrases() -> list[tuple[re.Pattern[str], str, str]]:
    """(pattern over folded text, canonical spelling, its first folded word), longest first."""
    names = sorted(drafting_vocabulary().spelling, key=len, reverse=True)
    return [(re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, fold(n).split())) + r"(?!\w)"), n, fold(n).split()[0])
            for n in names]


def canonical(text: str, keep: Iterable[str] = ()) -> str:
    """``text`` with official and award names in their canonical spelling and tone marks in the
    administrative place; the pieces of ``keep`` found in it stay exactly as written."""
    pattern = _kept_pattern(tuple(keep))
    if pattern is None:
        return _respell(text)
    out, start = [], 0
    for match in pattern.finditer(text):
        out += [_respell(text[start:match.start()]), match.group(0)]
        start = match.end()
    return "".join(out) + _respell(text[start:])


@lru_cache(maxsize=64)
def _kept_pattern(keep: tuple[str, ...]) -> re.Pattern[str] | None:
    """The pieces to keep, longest first, as one pattern: made once for a draft's whole context
    (it was made again for each of its few hundred texts)."""
    kept = sorted({k for k in keep if k}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, kept))) if kept else None


@lru_cache(maxsize=8192)  # the same names and sentences come back in every draft of a set
def _respell(text: str) -> str:
    text = retone(unicodedata.normalize("NFC", text))
    folded = fold_keeping_length(text)
    spans: list[tuple[int, int, str]] = []
    for pattern, name, first in _phrases():
        if first not in folded:
            continue  # a name is found only where its first word is
        for match in pattern.finditer(folded):
            if any(s < match.end() and match.start() < e for s, e, _ in spans):
                continue  # inside a longer name already respelled
            written = text[match.start():match.end()]
            follows = _NAMED_NEXT.match(text, match.end())
            if follows and follows.group(0)[-1].isupper() and not written.isupper():
                continue  # "thành phố Thủ Đức": a named city, written as the report wrote it
            spans.append((match.start(), match.end(), name.upper() if written.isupper() else name))
    for start, end, name in sorted(spans, reverse=True):
        text = text[:start] + name + text[end:]
    return text


def fold_keeping_length(text: str) -> str:
    """fold() of NFC ``text`` word by word, with the same length, for offsets into ``text``."""
    folded = re.sub(r"[^\W\d_]+", lambda m: fold(m.group(0)), text).lower()
    return folded if len(folded) == len(text) else text.lower()


def canonical_context(context: BaseModel, keep: Iterable[str] = ()) -> BaseModel:
    """A copy of a draft's context with every text respelled (fields typed Verbatim excepted)."""
    kept = tuple(keep)
    return _walk_model(context, kept)


def _walk_model(model: BaseModel, keep: tuple[str, ...]) -> BaseModel:
    update = {}
    for name, field in type(model).model_fields.items():
        if VERBATIM in field.metadata:
            continue
        update[name] = _walk(getattr(model, name), keep)
    return model.model_copy(update=update)


def _walk(value: Any, keep: tuple[str, ...]) -> Any:
    if type(value) is str:  # an enum's value is a code, not text
        return canonical(value, keep)
    if isinstance(value, BaseModel):
        return _walk_model(value, keep)
    if isinstance(value, list):
        return [_walk(v, keep) for v in value]
    return value


def verbatim_texts(result: ClusterResult) -> list[str]:
    """What the drafts quote as found inside their sentences: people's names and file names."""
    people = [o.name for o in result.nominations.officers]
    people += [m.head_name for m in result.cluster.members if m.head_name]
    files = [r.file for r in result.reports.values()] + [f for r in result.reports.values() for f in r.merged_from]
    return [t for t in people + files if t]
