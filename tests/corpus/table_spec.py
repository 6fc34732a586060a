"""The self-scoring table of a report as cell texts: which columns, which rows, how numbers look.

Both the .docx builder and the plain-text writer lay out the same rows, so the shape of a table
(extra columns, no total row, odd number styles) is decided once, here.
"""

from __future__ import annotations

from dataclasses import dataclass

from content import Group, Report, vn_number

COLUMN_LABELS = {
    "tt": "TT",
    "title": "Nội dung tiêu chí",
    "max": "Điểm chuẩn",
    "self": "Điểm tự chấm",
    "cluster": "Điểm Cụm chấm",
    "evidence": "Minh chứng",
    "note": "Ghi chú",
}
BASIC_COLUMNS = ("tt", "title", "max", "self")
EXTRA_COLUMNS = ("tt", "title", "max", "self", "cluster", "evidence", "note")


@dataclass(frozen=True)
class Layout:
    """How a report is laid out. Defaults: header, narrative, a four-column table with a total."""
    narrative: bool = True
    table: bool = True
    n_paragraphs: int = 5
    columns: tuple[str, ...] = BASIC_COLUMNS
    cluster_scores: bool = False  # fill the "Điểm Cụm chấm" column
    merged_header: bool = False  # "TT", "Nội dung" merged down; "Điểm" over "Tối đa | Tự chấm"
    total_row: bool = True
    numbers: str = "comma"  # "comma" | "mixed" (dots, "9,50", "9,5 điểm", "10đ", "(1)"…)
    repeat_header: bool = False  # Word's "repeat as header row"
    two_columns: bool = False  # narrative in a two-column section
    table_on_new_page: bool = False
    table_document: bool = False  # the table alone: short header, own title, no narrative


@dataclass(frozen=True)
class Row:
    kind: str  # "group" | "criterion" | "total"
    cells: dict[str, str]


def comma(value: float) -> str:
    return vn_number(value)


# Self-score spellings of the "mixed" style, used in turn.
_MIXED_SCORES = (
    lambda v: f"{v:g}",  # "9.5"
    lambda v: vn_number(v, 2),  # "9,50"
    lambda v: f"{comma(v)} điểm",  # "9,5 điểm"
    lambda v: f"{comma(v)}đ",  # "10đ"
    comma,
)


class NumberStyle:
    """Cell texts for scores. ``mixed`` also leaves group II's score empty and writes deductions
    as "-1" / "(1)" with empty cells where nothing is deducted."""

    def __init__(self, name: str):
        self.name = name
        self._turn = 0
        self._deductions = 0

    def criterion(self, value: float, kind: str) -> str:
        if kind == "deduction":
            return self._deduction(value)
        if self.name != "mixed":
            return comma(value)
        text = _MIXED_SCORES[self._turn % len(_MIXED_SCORES)](value)
        self._turn += 1
        return text

    def _deduction(self, value: float) -> str:
        if self.name != "mixed":
            return comma(value)
        if value == 0:
            return ""
        self._deductions += 1
        return f"-{comma(value)}" if self._deductions % 2 else f"({comma(value)})"

    def group(self, value: float, group: Group) -> str:
        if self.name == "mixed" and group.code == "II":
            return ""
        if self.name == "mixed" and group.kind == "deduction":
            return f"-{comma(value)}" if value else ""
        return comma(value)


def header_labels(layout: Layout) -> list[str]:
    return [COLUMN_LABELS[c] for c in layout.columns]


def rows(report: Report, layout: Layout) -> list[Row]:
    numbers = NumberStyle(layout.numbers)
    out = []
    for group in report.groups:
        out.append(Row("group", {"tt": group.code, "title": group.title, "max": comma(group.max),
                                 "self": numbers.group(report.subtotal(group), group),
                                 **_extra_cells(report, layout, group, None)}))
        for c in group.criteria:
            score = report.scores[c.code]
            out.append(Row("criterion", {"tt": c.number, "title": c.title, "max": comma(c.max),
                                         "self": numbers.criterion(score, group.kind),
                                         **_extra_cells(report, layout, group, c.code)}))
    if layout.total_row:
        total = {"tt": "", "title": "Tổng cộng", "max": comma(report.scale),
                 "self": comma(report.claimed_total)}
        if layout.cluster_scores:
            total["cluster"] = comma(sum(_signed_cluster(report, g) for g in report.groups))
        out.append(Row("total", total))
    return out


def _cluster_score(report: Report, code: str) -> float:
    """The cluster's own mark where it was filled in: half a point lower on every third criterion."""
    score = report.scores[code]
    index = list(report.scores).index(code)
    return score - 0.5 if index % 3 == 1 and score >= 0.5 and not code.startswith("V") else score


def _signed_cluster(report: Report, group: Group) -> float:
    sign = -1 if group.kind == "deduction" else 1
    return sign * sum(_cluster_score(report, c.code) for c in group.criteria)


def _extra_cells(report: Report, layout: Layout, group: Group, code: str | None) -> dict[str, str]:
    cells = {}
    if "cluster" in layout.columns:
        filled = layout.cluster_scores
        if code is None:
            cells["cluster"] = comma(abs(_signed_cluster(report, group))) if filled else ""
        else:
            cells["cluster"] = comma(_cluster_score(report, code)) if filled else ""
    if "evidence" in layout.columns:
        cells["evidence"] = _evidence(report, group, code)
    if "note" in layout.columns:
        cells["note"] = _note(report, group, code)
    return cells


def _evidence(report: Report, group: Group, code: str | None) -> str:
    if code is None:
        return ""
    if group.kind == "standard":
        return report.evidence[code]
    if group.kind == "bonus" and report.scores[code] > 0:
        return "Quyết định khen thưởng"
    return ""


def _note(report: Report, group: Group, code: str | None) -> str:
    if code is None:
        return ""
    if group.kind == "deduction" and report.scores[code] == 0:
        return "Không vi phạm"
    if group.kind == "standard" and report.scores[code] < next(
            c.max for c in group.criteria if c.code == code) - 1:
        return "Chưa đạt tối đa"
    return ""
