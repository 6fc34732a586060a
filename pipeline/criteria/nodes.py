"""The rows of a criteria table once placed: nodes of a tree, before they become a Rubric."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from pipeline.config.rubric import GroupKind
from pipeline.core.model import Provenance
from pipeline.criteria.codes import Code
from pipeline.criteria.points import Cap, Points


@dataclass
class Node:
    code: Code | None  # as written; None for a row without a code (its code is made later)
    label: str  # the content cell as written, kept so a row cut by a page break can be read whole
    title: str
    guidance: str
    where: str
    guidance_cell: str = ""  # the guidance column, when the table has one
    kind: GroupKind | None = None  # stated by the row (points column, sign, section title); None: inherited
    max: float | None = None
    per: str | None = None
    bonus_cap: float | None = None
    deduction_cap: float | None = None
    children: list[Node] = field(default_factory=list)
    parent: Node | None = None
    item: bool = False  # a row without a code under a coded row: never holds rows itself
    section: bool = False  # a bonus/deduction section written without a code
    style: str = ""
    final: str = ""  # the code in the rubric
    side: dict[GroupKind, Points] = field(default_factory=dict)  # "20 | + 0,5 |": bonus/deduction inside the row

    def position(self, roots: list[Node]) -> int:
        siblings = self.parent.children if self.parent else roots
        return siblings.index(self) + 1

    def has_kind_inside(self, kind: GroupKind) -> bool:
        return any(c.kind is kind or c.has_kind_inside(kind) for c in self.children)


@dataclass
class TableNote:
    """A note row that is not a cap: kept for the nomination principles and the import notes."""

    text: str
    where: str
    provenance: Provenance


def walk(nodes: list[Node]) -> Iterator[Node]:
    """Every node, parents before their rows, in table order."""
    for node in nodes:
        yield node
        yield from walk(node.children)


def depth(node: Node) -> int:
    depth = 0
    while node.parent is not None:
        node, depth = node.parent, depth + 1
    return depth


def kind_of(node: Node) -> GroupKind:
    while node is not None:
        if node.kind is not None:
            return node.kind
        node = node.parent
    return GroupKind.STANDARD


def inherits(node: Node, kind: GroupKind) -> bool:
    while node is not None:
        if node.kind is not None:
            return node.kind is kind
        node = node.parent
    return False


def set_cap(node: Node, cap: Cap) -> None:
    if cap.kind is GroupKind.BONUS:
        node.bonus_cap = cap.points
    else:
        node.deduction_cap = cap.points
