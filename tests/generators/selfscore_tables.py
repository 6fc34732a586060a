"""Seeded generator of units' self-scoring tables (bảng tự chấm điểm) with ground truth.

``generate_report(seed)`` takes the rubric of ``criteria_tables.generate(seed)``, draws the
unit's self-score for every scored criterion (``rubric.leaves()``) and a layout, and
``write_docx(report, path)`` writes the table a unit would send:

  codes      the rubric's own codes ("I.2.a"); another numbering of the same structure ("I–IV,
             1, 2, a, b" restarting per parent, composed "I.1.a" when there are no group rows);
             a running STT column with the codes in a "Mã" column; or titles only
  rows       leaf rows only, or group rows (and rows of criteria holding sub-criteria), with
             subtotals at 0, 1 (group rows) or 2 levels (group and holder rows): a subtotal is the
             signed sum (standard + bonus − deduction) of every scored criterion below the row
  total      a total row, a paragraph under the table, or not stated
  columns    header words, an empty "Điểm Cụm thẩm định" column, a "Ghi chú" column, a two-row
             header ("Điểm" over "Tối đa | Tự chấm"), the header written again mid-table
  numbers    "9,5" / "9.5" / "9,50" / "9,5 điểm"; "x/y" (self/max) in the self-score cell;
             deductions "-1", "1" or "- 1"
  titles     as the rubric writes them, or lightly reworded (a word dropped, capitals)
  form       a table, or (1 in 12) no table: scores written item by item in paragraphs
             (tests/generators/selfscore_prose.py), codes own or none, total sentence or none

Truth: ``scores`` holds deductions as positive amounts (as the reader stores them);
``stated_total`` is standard + bonus − deductions, caps not applied (units add up what they
claim). Scores above the standard's max occur, rarely.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from pipeline.config.rubric import Criterion, Group, GroupKind, Rubric, written_points

from .criteria_tables import (
    FIXED_TIME,
    _cell_lines,
    _fixed_widths,
    _save,
    _tr_flag,
    new_page_document,
    roman,
)
from .criteria_tables import generate as generate_criteria

STD, BONUS, DED = GroupKind.STANDARD, GroupKind.BONUS, GroupKind.DEDUCTION

# Every layout choice and its values (tests check that 50 seeds see each value).
OPTIONS: dict[str, tuple] = {
    "codes": ("own", "renumbered", "stt", "none"),
    "grouping": ("flat", "grouped"),
    "subtotals": (0, 1, 2),
    "total": ("row", "paragraph", "none"),
    "numbers": ("comma", "dot", "two", "suffix"),
    "minus": ("minus", "plain", "spaced"),
    "xy": (False, True),
    "verified": (False, True),
    "note": (False, True),
    "two_row_header": (False, True),
    "header_again": (False, True),
    "titles": ("exact", "reworded"),
    "form": ("table", "prose"),
}
PROSE_SHARE = 1 / 12
TOTAL_ROW_LABELS = ["Tổng cộng", "TỔNG ĐIỂM", "TỔNG CỘNG"]
# a total stated under the table: label → how the figure is written
PARAGRAPH_TOTALS = {"Tổng cộng: ": "{total}/{scale} điểm", "Tổng điểm tự chấm: ": "{total} điểm"}
CODE_HEADERS = ["TT", "STT", "Mã"]
CONTENT_HEADERS = ["Nội dung", "Tiêu chí", "Nội dung tiêu chí"]
MAX_HEADERS = ["Điểm chuẩn", "Điểm tối đa", "Tối đa"]
SELF_HEADERS = ["Tự chấm", "Điểm tự chấm", "Đơn vị tự chấm"]
UNITS = ["Trường Cao đẳng Y tế Hà Nội", "Trường Cao đẳng Sư phạm Hà Tây", "Trường Cao đẳng Nghệ thuật Hà Nội",
         "Trường Đại học Thủ đô Hà Nội", "Trường Cao đẳng Cộng đồng Hà Nội"]
_FILLERS = {"các", "và", "của", "được", "trong", "cho", "đối", "với"}


@dataclass
class SelfScoreLayout:
    """The random choices of one generated table (each drawn independently)."""

    codes: str
    grouping: str
    subtotals: int
    total: str
    total_label: str
    numbers: str
    minus: str
    xy: bool
    verified: bool
    note: bool
    two_row_header: bool
    header_again: bool
    titles: str
    headers: dict[str, str] = field(default_factory=dict)  # column role → header word
    form: str = "table"  # table | prose

    def summary(self) -> str:
        """The choices in one line (for failure reports)."""
        if self.form == "prose":
            return (f"form=prose codes={self.codes} total={self.total} numbers={self.numbers}"
                    + (" xy" if self.xy else "") + (f" titles={self.titles}" if self.titles != "exact" else ""))
        bits = [f"codes={self.codes}", f"rows={self.grouping}/sub{self.subtotals}",
                f"total={self.total}", f"numbers={self.numbers}", f"minus={self.minus}",
                f"cols={'|'.join(self.headers.values())}"]
        bits += [name for name in ("xy", "verified", "note", "two_row_header", "header_again") if getattr(self, name)]
        if self.titles != "exact":
            bits.append(f"titles={self.titles}")
        return " ".join(bits)

    def choices(self) -> dict[str, object]:
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name in OPTIONS}


@dataclass
class Line:
    """One body row as written: its role, what each column holds, and the truth behind it."""

    role: str  # group | holder | leaf | total | header
    truth: str = ""  # rubric code (group, criterion) the row stands for
    kind: GroupKind = STD
    code: str = ""
    stt: str = ""
    title: str = ""
    max_text: str = ""
    self_text: str = ""
    value: float | None = None  # the number the self-score cell holds (signed sum for subtotals)
    prose: str = ""  # prose form: how the item is written (selfscore_prose.PROSE_STYLES)
    paragraphs: list[tuple[str, bool]] = field(default_factory=list)  # prose form: (text, bold)


@dataclass
class GeneratedReport:
    seed: int
    rubric: Rubric
    scores: dict[str, float]  # leaf code → self-score; deductions as positive amounts
    stated_total: float
    layout: SelfScoreLayout
    lines: list[Line]
    unit: str
    total_text: str  # the stated total as the document writes it ("" when not stated)

    @property
    def name(self) -> str:
        return f"tu-cham-{self.seed:05d}"

    @property
    def states_total(self) -> bool:
        return self.layout.total != "none"

    def summary(self) -> str:
        if self.layout.form == "prose":
            styles = sorted({line.prose for line in self.lines if line.prose})
            return f"{self.layout.summary()} styles={','.join(styles)}"
        return self.layout.summary()


# --- truth ----------------------------------------------------------------------------------


def generate_report(seed: int) -> GeneratedReport:
    """The rubric of criteria seed ``seed``, a unit's self-scores on it, and a layout."""
    rubric = generate_criteria(seed, "default").rubric
    return report_on(rubric, seed, random.Random(f"selfscore-{seed}"), random.Random(f"selfscore-form-{seed}"))


def report_on(rubric: Rubric, seed: int, rng: random.Random, form_rng: random.Random) -> GeneratedReport:
    """A unit's self-scores on ``rubric`` and a layout, drawn from ``rng`` (``form_rng`` decides
    prose or table on a stream of its own); for reports on a rubric of the caller's choice."""
    scores = {c.code: _draw_score(rng, c, rubric.scale) for _, c in rubric.leaves()}
    total = round(sum(_signed(c, scores[c.code]) for _, c in rubric.leaves()), 2)
    layout = _layout(rng)
    lines = _lines(rng, rubric, scores, layout)
    if form_rng.random() < PROSE_SHARE:  # its own stream: the tables stay as they were
        from .selfscore_prose import prose_lines  # it builds on this module

        _as_prose(form_rng, layout)
        lines = prose_lines(form_rng, rubric, scores, layout)
    total_text = _total_text(total, rubric.scale, layout)
    if layout.total == "row":
        lines.append(Line("total", title=layout.total_label, max_text=_number(rubric.scale, "comma"),
                          self_text=total_text, value=total))
    if layout.header_again:
        body = [i for i, line in enumerate(lines) if line.role != "total"]
        lines.insert(rng.choice(body[len(body) // 3:]) if len(body) > 3 else 1, Line("header"))
    unit = rng.choice(UNITS)
    return GeneratedReport(seed, rubric, scores, total, layout, lines, unit, total_text)


def _as_prose(rng: random.Random, lay: SelfScoreLayout) -> None:
    """The layout of a report that scores in paragraphs: no columns, codes own or none, the total
    in a sentence or not stated."""
    lay.form = "prose"
    lay.codes = "own" if rng.random() < 0.8 else "none"
    lay.total = "paragraph" if rng.random() < 0.5 else "none"
    lay.total_label = rng.choice(list(PARAGRAPH_TOTALS))
    lay.grouping, lay.subtotals = "flat", 0
    lay.verified = lay.note = lay.two_row_header = lay.header_again = False
    lay.headers = {}


def _total_text(total: float, scale: float, layout: SelfScoreLayout) -> str:
    """The unit's total as the document states it (a total row, a paragraph), or ''."""
    if layout.total == "row":
        return _number(total, layout.numbers)
    if layout.total == "paragraph":
        return PARAGRAPH_TOTALS[layout.total_label].format(total=_number(total, "comma"), scale=f"{scale:g}")
    return ""


def _draw_score(rng: random.Random, c: Criterion, scale: float) -> float:
    unit = 10.0 if scale >= 1000 else 1.0
    amount = c.max if c.max is not None else unit
    if c.kind is STD:
        r = rng.random()
        if r < 0.05:
            return round(amount + unit * rng.choice([0.5, 1, 1.5, 2]), 2)  # over the standard: rare
        if r < 0.55:
            return amount
        step = unit * rng.choice([0.25, 0.5, 1])
        return round(max(0.0, amount - step * rng.randint(1, 4)), 2)
    if rng.random() < (0.5 if c.kind is BONUS else 0.7):
        return 0.0
    return round(amount * (rng.randint(1, 3) if c.per else 1), 2)


def _signed(c: Criterion, score: float) -> float:
    return -score if c.kind is DED else score


def _layout(rng: random.Random) -> SelfScoreLayout:
    grouping = rng.choice(OPTIONS["grouping"])
    total = rng.choices(OPTIONS["total"], [5, 3, 2])[0]
    label = rng.choice(TOTAL_ROW_LABELS if total == "row" else list(PARAGRAPH_TOTALS))
    codes = rng.choice(OPTIONS["codes"])
    headers: dict[str, str] = {}
    if codes == "stt":
        headers["stt"] = rng.choice(["STT", "TT"])
        headers["code"] = rng.choice(["Mã", "Mã số"])
    elif codes != "none":
        headers["code"] = rng.choice(CODE_HEADERS)
    headers["content"] = rng.choice(CONTENT_HEADERS)
    two_rows = rng.random() < 0.3
    headers["max"] = rng.choice(["Tối đa", "Chuẩn"] if two_rows else MAX_HEADERS)
    headers["self"] = "Tự chấm" if two_rows else rng.choice(SELF_HEADERS)
    verified = rng.random() < 0.3
    if verified:
        headers["verified"] = "Cụm thẩm định" if two_rows else "Điểm Cụm thẩm định"
    note = rng.random() < 0.4
    if note:
        headers["note"] = "Ghi chú"
    return SelfScoreLayout(
        codes=codes, grouping=grouping, subtotals=rng.choice(OPTIONS["subtotals"]) if grouping == "grouped" else 0,
        total=total, total_label=label, numbers=rng.choice(OPTIONS["numbers"]), minus=rng.choice(OPTIONS["minus"]),
        xy=rng.random() < 0.15, verified=verified, note=note, two_row_header=two_rows,
        header_again=rng.random() < 0.25, titles=rng.choice(OPTIONS["titles"]), headers=headers)


# --- rows -----------------------------------------------------------------------------------


def _lines(rng: random.Random, rubric: Rubric, scores: dict[str, float], lay: SelfScoreLayout) -> list[Line]:
    lines: list[Line] = []
    grouped = lay.grouping == "grouped"
    for gi, group in enumerate(rubric.groups, start=1):
        group_code = _renumber_group(rubric, gi)
        if grouped:
            lines.append(_group_line(rng, group, group_code, scores, lay))
        for ci, criterion in enumerate(group.criteria, start=1):
            _criterion_lines(rng, criterion, [group_code], ci, scores, lay, lines)
    if lay.codes == "stt":
        for n, line in enumerate(lines, start=1):
            line.stt = str(n)
    return lines


def _group_line(rng: random.Random, group: Group, code: str, scores: dict[str, float],
                lay: SelfScoreLayout) -> Line:
    line = Line("group", truth=group.code, kind=group.kind, code=_written_code(group.code, [code], lay, group=True),
                title=_title(rng, group.title, lay, group=True), max_text=_max_text(group.kind, group.max, None,
                                                                                     holder=group.kind is not STD))
    if lay.subtotals >= 1:
        _set_subtotal(line, list(group.leaves()), scores, lay)
    return line


def _criterion_lines(rng: random.Random, c: Criterion, path: list[str], position: int, scores: dict[str, float],
                     lay: SelfScoreLayout, lines: list[Line]) -> None:
    """The rows of ``c`` and everything inside it; ``path`` holds the renumbered codes above."""
    here = [*path, _renumber_level(len(path), position)] if "[" not in c.code else path
    holder = c.holds_own_kind()
    if not holder or lay.grouping == "grouped":
        line = Line("holder" if holder else "leaf", truth=c.code, kind=c.kind or STD,
                    code=_written_code(c.code, here, lay) if "[" not in c.code else "",
                    title=_title(rng, c.title, lay),
                    max_text=_max_text(c.kind or STD, c.max, c.per, holder))
        if holder:
            if lay.subtotals >= 2:
                _set_subtotal(line, list(c.leaves()), scores, lay)
        else:
            line.value = scores[c.code]
            line.self_text = _self_text(line.value, c, lay)
        lines.append(line)
    coded = 0
    for child in c.criteria:
        coded += "[" not in child.code
        _criterion_lines(rng, child, here, coded, scores, lay, lines)


def _set_subtotal(line: Line, leaves: list[Criterion], scores: dict[str, float], lay: SelfScoreLayout) -> None:
    value = round(sum(_signed(c, scores[c.code]) for c in leaves), 2)
    line.value = value
    if all(c.kind is DED for c in leaves):
        line.self_text = _deduction_text(-value, lay)
    else:
        line.self_text = _number(value, lay.numbers)


def _renumber_group(rubric: Rubric, position: int) -> str:
    """Group codes of the other numbering: capitals when the rubric numbers its groups in roman
    numerals, roman numerals otherwise."""
    if set(rubric.groups[0].code) <= set("IVX"):
        return "ABCDEGHIK"[position - 1]
    return roman(position)


def _renumber_level(depth: int, position: int) -> str:
    """Below the groups: 1, 2 …; then a, b …; deeper 1, 2 … again."""
    return "abcdeghiklmnopq"[(position - 1) % 15] if depth == 2 else str(position)


def _written_code(code: str, path: list[str], lay: SelfScoreLayout, group: bool = False) -> str:
    if lay.codes in ("own", "stt"):
        return code
    if lay.codes == "none":
        return ""
    if lay.grouping == "flat" and not group:
        return ".".join(path)
    return path[-1] + ("." if group or len(path) == 2 else ")")


def _title(rng: random.Random, title: str, lay: SelfScoreLayout, group: bool = False) -> str:
    if lay.titles == "exact" or rng.random() < 0.6:
        return title.upper() if group and lay.titles == "reworded" and rng.random() < 0.5 else title
    words = title.split()
    fillers = [i for i, w in enumerate(words) if w.lower() in _FILLERS and 0 < i < len(words) - 1]
    how = rng.choice(["drop", "upper", "lower"])
    if how == "drop" and fillers:
        del words[rng.choice(fillers)]
        return " ".join(words)
    if how == "drop" and len(words) >= 5:
        return " ".join(words[:-1])
    if how == "lower":
        return title[:1].lower() + title[1:]
    return title.upper()


# --- numbers --------------------------------------------------------------------------------


def _number(x: float, style: str) -> str:
    """9.5 as '9,5' (comma), '9.5' (dot), '9,50' (two), '9,5 điểm' (suffix); 1000 → '1.000'."""
    if style == "dot":
        return f"{x:.2f}".rstrip("0").rstrip(".")
    if style == "two":
        whole, frac = f"{abs(x):.2f}".split(".")
        return ("-" if x < 0 else "") + _thousands(whole) + "," + frac
    whole, _, frac = f"{abs(x):.2f}".rstrip("0").rstrip(".").partition(".")
    text = ("-" if x < 0 else "") + _thousands(whole) + ("," + frac if frac else "")
    return text + " điểm" if style == "suffix" else text


def _thousands(digits: str) -> str:
    groups = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    return ".".join([digits, *groups])


def _deduction_text(amount: float, lay: SelfScoreLayout) -> str:
    text = _number(amount, lay.numbers)
    if amount == 0 or lay.minus == "plain":
        return text
    return ("- " if lay.minus == "spaced" else "-") + text


def _self_text(score: float, c: Criterion, lay: SelfScoreLayout) -> str:
    if c.kind is DED:
        return _deduction_text(score, lay)
    if lay.xy and c.kind is STD and c.max is not None:
        plain = "comma" if lay.numbers == "suffix" else lay.numbers
        text = f"{_number(score, plain)}/{_number(c.max, plain)}"
        return text + " điểm" if lay.numbers == "suffix" else text
    return _number(score, lay.numbers)


def _max_text(kind: GroupKind, points: float | None, per: str | None, holder: bool) -> str:
    return written_points(kind, points, per, holder)


# --- the document ---------------------------------------------------------------------------


_LEAST_CM = {"stt": 1.0, "code": 1.2, "max": 1.6, "self": 1.8, "verified": 1.8, "note": 1.8}
_CM_PER_CHAR = 0.24  # Times New Roman 13 pt, a little generous
_PORTRAIT, _LANDSCAPE = 16.5, 25.7  # text width of the page, cm
_LEAST_CONTENT = 6.0


def _widths(report: GeneratedReport) -> tuple[list[float], bool]:
    """Column widths (no code, figure or per-occurrence amount wraps: PDFs would cut it in two)
    and whether the page turns to landscape to keep the content column readable."""
    roles = list(report.layout.headers)
    texts = {"stt": [line.stt for line in report.lines], "code": [line.code for line in report.lines],
             "max": [line.max_text for line in report.lines], "self": [line.self_text for line in report.lines]}
    widths = [max(_LEAST_CM.get(role, 0.0), 0.5 + _CM_PER_CHAR * max(map(len, texts.get(role, [""]))))
              for role in roles]
    content = roles.index("content")
    landscape = _PORTRAIT - sum(widths) < _LEAST_CONTENT
    widths[content] = (_LANDSCAPE if landscape else _PORTRAIT) - sum(widths)
    return widths, landscape


def write_docx(report: GeneratedReport, path: Path) -> Path:
    """The unit's self-scoring table (or its self-scores in prose) as a Word file; the same seed
    gives the same bytes."""
    lay = report.layout
    widths, landscape = _widths(report) if lay.form == "table" else ([], False)
    doc = new_page_document(landscape, 13, "Times New Roman")
    style = doc.styles["Normal"]
    style.paragraph_format.space_after = Pt(0)
    heading = "BẢNG TỰ CHẤM ĐIỂM THI ĐUA NĂM 2024" if lay.form == "table" else "BÁO CÁO TỰ CHẤM ĐIỂM THI ĐUA NĂM 2024"
    for text, bold in ((report.unit.upper(), True), ("", False), (heading, True),
                       (f"(Kèm theo Báo cáo tổng kết công tác thi đua, khen thưởng năm 2024 của {report.unit})",
                        False), ("", False)):
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if text:
            p.add_run(text).bold = bold
    if lay.form == "prose":
        for line in report.lines:
            for text, bold in line.paragraphs:
                doc.add_paragraph().add_run(text).bold = bold
    else:
        _write_table(doc, report, widths)
    if lay.total == "paragraph":
        p = doc.add_paragraph()
        p.add_run(lay.total_label + report.total_text).bold = True
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    p.add_run("THỦ TRƯỞNG ĐƠN VỊ").bold = True
    props = doc.core_properties
    props.author = props.last_modified_by = report.unit
    props.title, props.revision, props.comments = "Bảng tự chấm điểm thi đua", 1, ""
    props.created = props.modified = props.last_printed = FIXED_TIME
    path.parent.mkdir(parents=True, exist_ok=True)
    _save(doc, path)
    return path


def _write_table(doc, report: GeneratedReport, widths: list[float]) -> None:
    lay = report.layout
    roles = list(lay.headers)
    header_rows = 2 if lay.two_row_header else 1
    count = header_rows + sum(header_rows if line.role == "header" else 1 for line in report.lines)
    table = doc.add_table(rows=count, cols=len(roles))
    table.style = doc.styles["Table Grid"]
    table.autofit = False
    _fixed_widths(table, widths)
    grid = [list(r.cells) for r in table.rows]
    _write_header(table, grid, 0, lay)
    r = header_rows
    for line in report.lines:
        if line.role == "header":
            _write_header(table, grid, r, lay)
            r += header_rows
            continue
        _write_line(grid[r], line, roles)
        r += 1


def _write_header(table, grid, r0: int, lay: SelfScoreLayout) -> None:
    """The header row(s) at ``r0`` (criteria_tables' ``_cell_lines`` does not use its layout argument)."""
    roles = list(lay.headers)
    for k in range(2 if lay.two_row_header else 1):
        _tr_flag(table.rows[r0 + k], "w:cantSplit")
    if not lay.two_row_header:
        for c, role in enumerate(roles):
            _cell_lines(grid[r0][c], [lay.headers[role]], None, bold=True, align="center")
        return
    points = [c for c, role in enumerate(roles) if role in ("max", "self", "verified")]
    for c, role in enumerate(roles):
        if c in points:
            _cell_lines(grid[r0 + 1][c], [lay.headers[role]], None, bold=True, align="center")
        else:
            cell = grid[r0][c].merge(grid[r0 + 1][c])
            _cell_lines(cell, [lay.headers[role]], None, bold=True, align="center")
    cell = grid[r0][points[0]].merge(grid[r0][points[-1]])
    _cell_lines(cell, ["Điểm"], None, bold=True, align="center")


def _write_line(cells, line: Line, roles: list[str]) -> None:
    texts = {"stt": line.stt, "code": line.code, "content": line.title, "max": line.max_text,
             "self": line.self_text}
    bold = line.role in ("group", "total")
    for c, role in enumerate(roles):
        text = texts.get(role, "")
        _cell_lines(cells[c], [text] if text else [], None, bold=bold,
                    align="left" if role == "content" else "center")


def write_split_docx(report: GeneratedReport, folder: Path) -> list[Path]:
    """The unit's table sent in two files, cut at the middle row: the first without a total, the
    second (its header written again) with the rest and the total. Tables only."""
    lines = [line for line in report.lines if line.role != "total"]
    cut = max(1, len(lines) // 2)
    first = replace(report, lines=lines[:cut], layout=replace(report.layout, total="none"))
    second = replace(report, lines=report.lines[cut:])
    return [write_docx(first, folder / f"{report.name}-phan-1.docx"),
            write_docx(second, folder / f"{report.name}-phan-2.docx")]
