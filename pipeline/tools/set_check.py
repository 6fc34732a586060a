"""Read a finished conference set back and find every figure that disagrees with the decided list.

After `tdkt finalize` the nomination list is the truth. This check does not trust the renderer:
it reads the .docx files as a reviewer would, and wherever a unit's name stands beside a total
("Cụm chấm 93 điểm", "(93 điểm)", "với 93 điểm"), a rank ("xếp thứ 6", "dẫn đầu") or a table row
with a total or rank column, it compares that figure with the list. The cluster's average is
checked too. A reworded passage that still quotes an old figure is found the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from statistics import mean

import docx

from pipeline.core.textnorm import fold, parse_number
from pipeline.core.textnorm import format_number as fmt
from pipeline.results.explain import shorten
from pipeline.results.outcome import ClusterResult

_NUMBER = r"(\d[\d.,]*\d|\d)"
# A total beside a unit's name; "tự chấm X điểm" (the unit's own claim) is not one.
_TOTALS = [re.compile(p) for p in (rf"cụm chấm {_NUMBER} điểm", rf"\({_NUMBER} điểm\)", rf"với {_NUMBER} điểm")]
_RANK = re.compile(r"xếp thứ (\d+)")
_LEADS = re.compile(r"dẫn đầu cụm")
_AVERAGE = re.compile(rf"điểm bình quân của các đơn vị đạt {_NUMBER} điểm")
_HEADING = re.compile(r"^\d+\.\s+(.+)$")


@dataclass(frozen=True)
class Listed:
    name: str
    total: float
    rank: int | None


def check_set(files: list[Path], decided: ClusterResult) -> list[str]:
    """Every disagreement found, one sentence each naming the file and the passage."""
    units = [Listed(u.name, u.total, u.rank) for u in decided.board.units]
    average = mean(u.total for u in units) if units else None
    problems: list[str] = []
    for path in files:
        document = docx.Document(str(path))
        for text, unit in _passages(document, units):
            problems += [f"{path.name}: “{shorten(text, 120)}” — {p}"
                         for p in _disagreements(text, unit, units, average)]
        problems += [f"{path.name}: {problem}" for problem in _table_disagreements(document, units)]
    return problems


def _passages(document: docx.document.Document, units: list[Listed]) -> Iterator[tuple[str, Listed | None]]:
    """Clauses of the body's paragraphs with the unit they speak of: the one named in the clause,
    else the unit a heading just named ("3. Trường …", as the appendix does), else none."""
    current: Listed | None = None
    for paragraph in document.paragraphs:
        text = " ".join(paragraph.text.split())
        heading = _HEADING.match(text)
        if heading:
            current = next((u for u in units if u.name == heading.group(1)), None)
            continue
        for clause in re.split(r";\s|\.\s", text):
            named = [u for u in units if u.name in clause]
            if len(named) == 1:
                yield clause, named[0]
            elif not named:
                yield clause, current


def _disagreements(clause: str, unit: Listed | None, units: list[Listed], average: float | None) -> list[str]:
    folded = fold(clause)
    found = []
    if average is not None:
        for match in _AVERAGE.finditer(folded):
            if abs(parse_number(match.group(1)) - round(average, 2)) > 0.006:
                found.append(f"điểm bình quân ghi {match.group(1)}, theo danh sách là {fmt(round(average, 2))}")
    if unit is None:
        return found
    for pattern in _TOTALS:
        for match in pattern.finditer(folded):
            value = parse_number(match.group(1))
            if value is not None and abs(value - unit.total) > 0.005:
                found.append(f"{unit.name}: ghi {match.group(1)} điểm, danh sách ghi {fmt(unit.total)}")
    ranks = [int(m.group(1)) for m in _RANK.finditer(folded)] + ([1] if _LEADS.search(folded) else [])
    for rank in ranks:
        if unit.rank is not None and rank != unit.rank:
            found.append(f"{unit.name}: ghi xếp thứ {rank}, danh sách ghi thứ {unit.rank}")
    return found


def _table_disagreements(document: docx.document.Document, units: list[Listed]) -> list[str]:
    found = []
    by_name = {u.name: u for u in units}
    for table in document.tables:
        if len(table.rows) < 2:
            continue
        columns = _score_columns([fold(" ".join(c.text.split())) for c in table.rows[0].cells])
        if not columns:
            continue
        for row in table.rows[1:]:
            cells = [" ".join(c.text.split()) for c in row.cells]
            unit = next((by_name[c] for c in cells if c in by_name), None)
            if unit is None:
                continue
            for role, index in columns.items():
                if index >= len(cells) or not cells[index]:
                    continue
                value = parse_number(cells[index])
                wanted = unit.total if role == "total" else unit.rank
                if value is not None and wanted is not None and abs(value - wanted) > 0.005:
                    what = "tổng điểm" if role == "total" else "xếp hạng"
                    found.append(f"bảng “{cells[0]} | {unit.name}”: {what} ghi {cells[index]}, danh sách ghi "
                                 f"{fmt(wanted)}")
    return found


def _score_columns(header: list[str]) -> dict[str, int]:
    """The columns holding the list's figures: the cluster's total (not the unit's own) and the rank."""
    columns = {}
    for index, name in enumerate(header):
        if "tự chấm" in name:
            continue
        if "total" not in columns and (name in ("điểm", "tổng điểm", "điểm cụm chấm") or "cụm chấm" in name):
            columns["total"] = index
        elif "rank" not in columns and name in ("xếp hạng", "hạng", "thứ hạng"):
            columns["rank"] = index
    return columns

