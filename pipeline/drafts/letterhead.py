"""The cluster's letterhead on its drafts: the parent body above the cluster's name and the place
of the place-date line. The cluster file says them; where it does not, the units' own reports do
(the parent body and the place most of them write), never a built-in city.
"""

from __future__ import annotations

from collections import Counter

from pipeline.config.cluster import Cluster
from pipeline.core.textnorm import fold
from pipeline.understanding.facts import ReportFacts

# What the drafts carry when neither the cluster file nor any report names a place: a blank for
# the reviewer, as Decree 30 forms leave one.
NO_PLACE = "……"


def settle_letterhead(cluster: Cluster, reports: dict[str, ReportFacts]) -> tuple[Cluster, list[str]]:
    """``cluster`` with its parent body and place filled in, and notes for reviewers saying where
    each came from when the cluster file did not give it."""
    notes: list[str] = []
    update: dict[str, str] = {}
    if cluster.parent_body is None:
        parent, count = _most_written(f.unit.parents[-1] for f in reports.values() if f.unit and f.unit.parents)
        update["parent_body"] = parent.upper() if parent else ""
        notes.append(_note("Cơ quan chủ quản", parent.upper() if parent else None, count, len(reports), "parent_body"))
    if cluster.place is None:
        place, count = _most_written(f.place for f in reports.values() if f.place)
        update["place"] = place or NO_PLACE
        notes.append(_note("Địa danh", place, count, len(reports), "place"))
    return (cluster.model_copy(update=update) if update else cluster), notes


def _most_written(values: object) -> tuple[str | None, int]:
    """The value most reports write (compared without case and tone placement), as first written."""
    counts: Counter[str] = Counter()
    first: dict[str, str] = {}
    for value in values:
        key = " ".join(fold(value).split())
        counts[key] += 1
        first.setdefault(key, value)
    if not counts:
        return None, 0
    key, count = counts.most_common(1)[0]
    return first[key], count


def _note(what: str, value: str | None, count: int, total: int, key: str) -> str:
    if value is None:
        return (f"{what} trên dự thảo để trống: tệp Cụm không ghi và không báo cáo nào ghi; "
                f"hãy ghi {key} vào tệp Cụm.")
    return (f"{what} trên dự thảo (“{value}”) lấy theo báo cáo của các đơn vị ({count}/{total} báo cáo ghi như "
            f"vậy) vì tệp Cụm không ghi; nếu khác, hãy ghi {key} vào tệp Cụm.")
