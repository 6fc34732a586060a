"""A unit's self-scoring rows aligned to the rubric: the rubric is the schema of the table.

Units copy the cluster's criteria into their own table in their own way: their own numbering
("I–IV, 1, 2, a, b" for the rubric's "A–D, A.1, A.1.a"), a running STT, no codes at all,
reworded titles, group and subtotal rows or only the criteria. What they keep is the rubric's
order. So the rows are aligned to the rubric's rows in order (a dynamic programme, like aligning
two sequences), each pairing scored by every signal the row gives:

  code    the rubric's own code as written; the same position in any numbering scheme ("II.1.b"
          and "2.1.2" and "B.1.b" are all the rubric's second group, first criterion, second
          sub-criterion); a restarting code ("b") for the position among its siblings
  points  the row's maximum equal to the rubric's (a strong sign), or different (a strong sign
          against)
  title   word overlap with the rubric's title (a little overlap is none: titles of one field
          share words)
  kind    a bonus or deduction heading for a bonus or deduction group

A pairing needs some positive evidence: rows in the right order but with nothing else in common
are left unmatched (and reported), never guessed. A row may match nothing (a heading the rubric
does not have) and a rubric row may be missing from the unit's table.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property, lru_cache

from pipeline.config.rubric import Criterion, Group, GroupKind, Rubric
from pipeline.core.textnorm import roman_to_int
from pipeline.understanding.similarity import word_set, word_similarities, word_similarity


class NodeKind(StrEnum):
    GROUP = "group"
    HOLDER = "holder"  # a criterion whose row sums its sub-criteria
    SCORED = "scored"  # a criterion the unit scores (it may also hold items of another kind)


@dataclass(frozen=True)
class Node:
    """One row the rubric has: its code, title, points and place in the tree."""

    code: str
    title: str
    max: float | None
    kind: NodeKind
    score_kind: GroupKind
    path: tuple[int, ...]  # 1-based position at each level: (2, 1, 3) = second group, first, third

    @property
    def depth(self) -> int:
        return len(self.path) - 1

    @cached_property
    def words(self) -> frozenset[str]:  # folded once: a node is compared with every row
        return word_set(self.title)


@dataclass(frozen=True)
class RowSignals:
    """What one data row of the unit's table says about which rubric row it is."""

    code: str
    label: str
    max: float | None
    group_words: GroupKind | None  # a bonus / deduction heading ("ĐIỂM THƯỞNG")

    @cached_property
    def words(self) -> frozenset[str]:  # folded once: a row is compared with every node
        return word_set(self.label)


def rubric_nodes(rubric: Rubric) -> list[Node]:
    nodes: list[Node] = []
    for g, group in enumerate(rubric.groups, start=1):
        nodes.append(Node(group.code, group.title, group.max, NodeKind.GROUP, group.kind, (g,)))
        _criteria(group, group.criteria, (g,), nodes)
    return nodes


def _criteria(group: Group, criteria: list[Criterion], path: tuple[int, ...], nodes: list[Node]) -> None:
    for i, c in enumerate(criteria, start=1):
        kind = NodeKind.HOLDER if c.holds_own_kind() else NodeKind.SCORED
        nodes.append(Node(c.code, c.title, c.max, kind, c.kind or group.kind, (*path, i)))
        _criteria(group, c.criteria, (*path, i), nodes)


# --- codes in any numbering ------------------------------------------------------------------------

# Lists are lettered in the Vietnamese alphabet with or without "đ" (a, b, c, d, đ, e, g … or
# a, b, c, d, e, g …) or in the Latin one (… e, f, g).
_LETTER_ORDERS = ("abcdđeghiklmnopqrstuvxy", "abcdeghiklmnopqrstuvxy", "abcdefghijklmnopqrstuvwxyz")
_TOKEN = re.compile(r"[^\W\d_]+|\d+")


@lru_cache(maxsize=4096)  # every row's code is compared with every rubric row
def code_parts(code: str) -> tuple[frozenset[int], ...] | None:
    """The positions a code can stand for, level by level: 'II.1.b' → [{2}, {1}, {2}];
    'c' → {3} (a letter; never the Roman 100); 'I' → {1} (Roman) or 9 (a letter, rare)."""
    tokens = _TOKEN.findall(code.strip())
    if not tokens or len(tokens) > 5:
        return None
    parts = []
    for token in tokens:
        found = _token_positions(token)
        if not found:
            return None
        parts.append(found)
    return tuple(parts)


def _token_positions(token: str) -> frozenset[int]:
    if token.isdigit():
        return frozenset({int(token)}) if len(token) <= 3 else frozenset()
    found: set[int] = set()
    lower = token.lower()
    if len(token) == 1:
        for letters in _LETTER_ORDERS:
            if lower in letters:
                found.add(letters.index(lower) + 1)
    # Roman numerals: capitals ("IV"), or lower case of more than one letter ("iv"); a single
    # lower-case "c", "d", "i", "v", "x" is a letter in a list, not a hundred or a five.
    if token.isupper() or len(token) > 1:
        numeral = roman_to_int(token.upper())
        if numeral is not None:
            found.add(numeral)
    return frozenset(found)


def _same_code(a: str, b: str) -> bool:
    return _plain(a) == _plain(b)


@lru_cache(maxsize=4096)
def _plain(code: str) -> str:
    return re.sub(r"[\s.()]", "", code).upper()


# --- one pairing --------------------------------------------------------------------------------------

_EPS = 0.005
_MATCH_COST = 0.8  # evidence a pairing must outweigh
_LEAST_EVIDENCE = 0.5  # and no pairing on less than this (order alone never pairs a row)
_SKIP_ROW = -0.6  # a row left unmatched
_SKIP_NODE = -0.2  # a rubric row the unit's table does not have


def how_matched(row: RowSignals, node: Node) -> str:
    """The strongest signal of a pairing, for reviewers: 'code' (as the rubric writes it),
    'numbering' (the same position in the unit's own numbering), 'label', or 'points'."""
    if row.code and _same_code(row.code, node.code):
        return "code"
    code = _code_evidence(row.code, node) if row.code else 0.0
    label = _title_evidence(row, node) if row.label else 0.0
    if code > 0 and code >= label:
        return "numbering"
    return "label" if label > 0 or row.max is None else "points"


def _title_evidence(row: RowSignals, node: Node) -> float:
    """Two titles of a field share words ("công tác", "thực hiện"): a third of them in common is
    no evidence yet, less is evidence against."""
    return _words_evidence(row.words, node.words)


def _words_evidence(said: frozenset[str], title: frozenset[str]) -> float:
    return 3.0 * word_similarity(said, title) - 1.0


def _code_evidence(code: str, node: Node) -> float:
    return _code_against(code)(node)


def _code_against(code: str) -> Callable[[Node], float]:
    """``_code_evidence(code, ·)``, with what depends on the code alone (its positions, whether it
    reads as a group's) worked out once for all the nodes it is compared with."""
    plain = _plain(code)
    parts = code_parts(code)
    group = _looks_like_group_code(code) if parts is not None and len(parts) == 1 else False

    def evidence(node: Node) -> float:
        if plain == _plain(node.code):
            return 4.0
        if parts is None:
            return -0.5
        path = node.path
        if len(parts) == len(path) and all(p in s for p, s in zip(path, parts, strict=True)):
            return 3.0  # the same position in another numbering scheme
        if len(parts) < len(path) and all(p in s for p, s in zip(path[-len(parts):], parts, strict=True)):
            # Restarting numbering ("b" under its parent): the position among siblings. A capital
            # Roman numeral or letter alone is a group's code, digits and small letters a criterion's.
            single = len(parts) == 1
            return 1.5 + (0.5 if single and group == (len(path) == 1) else 0.0)
        if len(parts) == 1 and len(path) == 1 and path[0] in parts[0]:
            return 2.0 if group else 1.0
        return -1.5

    return evidence


def _looks_like_group_code(code: str) -> bool:
    token = code.strip().rstrip(".")
    return bool(token) and token.isupper() and token.isalpha()


def pairing_scores(rows: list[RowSignals], nodes: list[Node]) -> list[list[float]]:
    """For every row and every node: the evidence that the row is the node, less the cost of a
    pairing, for each of the rows × rubric rows pairs of a table."""
    # What a node or a row brings is read once, not once per pair: the cached words are a property
    # call each (a third of aligning went there), and a code's evidence against every node is the
    # same for every row that writes that code. The sums are the same, added in the same order.
    node_words = [node.words for node in nodes]
    by_code: dict[str, list[float]] = {}
    scores = []
    for row in rows:
        codes = None
        if row.code:
            codes = by_code.get(row.code)
            if codes is None:
                codes = by_code[row.code] = list(map(_code_against(row.code), nodes))
        said = word_similarities(row.words, node_words) if row.label else None
        line = []
        for j, node in enumerate(nodes):
            evidence = 0.0
            if codes is not None:
                evidence += codes[j]
            if row.max is not None and node.max is not None:
                # Deduction maxima are written with or without their minus ("-3", "3").
                evidence += 2.0 if abs(abs(row.max) - node.max) < _EPS else -2.0
            if said is not None:
                evidence += 3.0 * said[j] - 1.0  # _words_evidence
            if row.group_words is not None:
                evidence += 2.0 if node.kind is NodeKind.GROUP and node.score_kind is row.group_words else -1.0
            line.append(evidence - _MATCH_COST)
        scores.append(line)
    return scores


# --- the whole table ---------------------------------------------------------------------------------

def align(rows: list[RowSignals], nodes: list[Node]) -> list[int | None]:
    """For each row, the index of the rubric row it is (None: none), keeping both orders."""
    n, m = len(rows), len(nodes)
    scores = pairing_scores(rows, nodes)
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    move = [[0] * (m + 1) for _ in range(n + 1)]  # 1 pair, 2 skip the row, 3 skip the node
    least = _LEAST_EVIDENCE - _MATCH_COST
    for i in range(n + 1):
        for j in range(m + 1):
            if i == 0 and j == 0:
                continue
            # The best of the moves open here; on a tie the later move (what max() of (value, move)
            # pairs chose). No list per cell: this loop runs rows × rubric rows times a table.
            value, step = float("-inf"), 0
            if i and j and scores[i - 1][j - 1] >= least:
                value, step = best[i - 1][j - 1] + scores[i - 1][j - 1], 1
            if i and (v := best[i - 1][j] + _SKIP_ROW) >= value:
                value, step = v, 2
            if j and (v := best[i][j - 1] + _SKIP_NODE) >= value:
                value, step = v, 3
            best[i][j], move[i][j] = value, step
    found: list[int | None] = [None] * n
    i, j = n, m
    while i or j:
        step = move[i][j]
        if step == 1:
            found[i - 1] = j - 1
            i, j = i - 1, j - 1
        elif step == 2:
            i -= 1
        else:
            j -= 1
    return found
