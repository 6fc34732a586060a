"""Seeded generator of criteria documents (bảng tiêu chí chấm điểm thi đua) with ground truth.

``generate(seed)`` draws a realistic criteria structure and a layout, and gives the rubric that
`tdkt rubric import` must read from it, following docs/criteria-import.md to the letter:

  structure  100 or 1000 points split over 2–5 standard groups, 2–4 levels deep; bonus and/or
             deduction sections (coded or not, with a cap or not); bonus/deduction items nested
             in standard criteria (coded, or uncoded → ``<parent>[n]``), fixed or per occurrence
             ("-0,25/01 trường hợp", "cộng 0,1 điểm cho 01 báo cáo"), or beside the row's own
             points in three columns ("20 | + 0,5 |": an item, or the cap of the items below);
             caps as note rows ("Ghi chú: Tổng điểm trừ của mục a1 không quá 1,5 điểm"), in the
             criterion's cell, or in paragraphs after the table (for a code, or the whole table)
  codes      groups I II…, A B C D Đ E…, 1 2 3; levels below as "1" "1." "1)" "a" "a)" (restarting
             per parent → composed truth "I.1.a", or running), dotted "I.1" / "1.1" (position),
             letter-compound "a1" "a1.1" "a.1.1" "b1." (spellings mixed row by row), Word
             automatic numbering in the code column, or codes leading the content cell
  layout     one points column or three (Chuẩn | Thưởng | Trừ, flat or under a merged "Điểm"),
             STT and Mã together, a group column merged down each group, group rows merged
             across, points in group titles "(60 điểm)", guidance as a second paragraph, inline
             or in its own column, titles in capitals, repeated header rows (Word's and written
             out mid-table), tables split in two, a total row, fonts, sizes, orientation, widths

``write_docx(g, path)`` writes it (byte-identical for a seed); ``convert()`` makes PDFs, .doc and
.odt from many .docx in one LibreOffice run; ``scan_pdf()`` turns a text PDF into a scan.
``rubric_shape()`` is the comparison key shared by tests/test_criteria_generated.py and
bench/criteria_import.py.

Cases the contract leaves open are not generated (see ``AVOIDED`` below).
"""

from __future__ import annotations

import random
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import ClassVar

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import _Row

from pipeline.config.rubric import Criterion, Group, GroupKind, Rubric, check_rubric

from .vocabulary import (
    BONUS_ITEMS,
    BONUS_SECTION,
    CLUSTERS,
    DEDUCTION_ITEMS,
    DEDUCTION_SECTION,
    FIELDS,
    NESTED_BONUS,
    NESTED_DEDUCTION,
    SECTION_HOLDERS,
    STEPS,
)

AVOIDED = """\
Not generated, because docs/criteria-import.md leaves them open:
- upper-case letter codes ("A", "B", "C", "D") below roman groups: "C"/"D" read as numerals;
- lower-case roman numerals (i, ii) as codes;
- a dotted numeric code under a row with a plain numeric code ("1.1" under criterion "1"), or a
  plain numeric level anywhere in a table coded "1.1", "1.2" by group position (a later "1.3"
  could sit under the row "1)" or the group at position 1); likewise "a.1" codes with "a)" rows;
- a compound code under a composed code (restarting "1" → "I.1", then "1.1");
- a level whose numbering restarts in the standard groups and runs on in a section (or back);
- uncoded items under a section written without a code;
- bullets ("- ", "+ ") leading an item row's own title (the contract reads such lines as guidance);
- a cap sentence as the first line after a title without a bullet (title or guidance?): it is
  written "- Điểm cộng tối đa là 1 điểm", or after other guidance lines;
- a note row without a code that is not right under a row holding nothing, whose parent is the
  first row above holding rows of the cap's kind; two such notes in a row;
- a value beside a row's own points ("20 | + 0,5 |") that is an item, together with other rows
  without a code under that row: which of them is [1] is not said;
- text in other columns (Ghi chú, Tự chấm, Minh chứng): they are left empty;
- a column-number row "(1) (2) (3)" under the header.
In PDFs a row cut by a page break continues in a row of its own; kept whole (never cut) are the
rows whose cut part would not read as "a row with no code and no points": rows whose code or
points take two lines ("cộng" / "0,5 điểm cho 01 giải"), rows with a cap line in their cell,
note rows, header rows, and every row of a table whose cells are centred vertically. A group's
name in a group column sits in its first row, made tall enough to hold it, so that a page break
never cuts the name ("Tổ" / "chức phong trào thi đua"). Columns are wide enough for their
longest word (LibreOffice cuts "điểm/trường hợp" as "điểm/trườn" / "g hợp"), except a code
column now and then (codes then wrap: "1.2." / "1", read without the space).
"""

STD, BONUS, DED = GroupKind.STANDARD, GroupKind.BONUS, GroupKind.DEDUCTION
FIXED_TIME = datetime(2024, 1, 15, 8, 0, 0)
VN_LOWER = list("abcdđeghiklmnopqrstuvxy")
LATIN_LOWER = list("abcdefghijklmnopqrstuvwxyz")


# --- the structure --------------------------------------------------------------------------


@dataclass
class Node:
    """A group, a criterion or an item, as the document writes it and as the truth holds it."""

    title: str
    kind: GroupKind
    q: int | None = None  # standard points, in quarter points (exact sums)
    amount: float | None = None  # bonus/deduction amount, or cap of a holder/section
    per: str | None = None
    children: list[Node] = field(default_factory=list)
    coded: bool = True
    guidance: list[str] = field(default_factory=list)
    bonus_cap: float | None = None
    deduction_cap: float | None = None
    caps_written: list[tuple[GroupKind, str, float]] = field(default_factory=list)  # (kind, how, value)
    cap_lines: list[str] = field(default_factory=list)  # caps written in the criterion's own cell
    points_blank: bool = False
    points_in_title: bool = False
    caps: bool = False
    is_group: bool = False
    depth: int = 1
    position: int = 0
    # codes: as written (with closing punctuation), the truth, and how it was made
    written: str = ""
    code: str = ""
    style: str = ""  # roman/upper/arabic/lower (simple), "compound", "item", "assigned"
    numbers: list[str] = field(default_factory=list)  # compound parts for letter-compound spellings
    parent: Node | None = field(default=None, repr=False)
    auto_num: tuple[str, int] | None = None  # Word numbering (numId, ilvl) for the code cell
    same_row: bool = False  # an item written as its criterion's own "Thưởng"/"Trừ" value
    same_row_cap: GroupKind | None = None  # the criterion's own "Thưởng"/"Trừ" value caps its items

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()

    @property
    def standard_points(self) -> float | None:
        return None if self.q is None else self.q / 4


@dataclass
class LevelScheme:
    kind: str  # "simple" | "compound"
    style: str = ""  # simple: arabic | lower | upper
    punct: str = ""
    running: bool = False
    variant: str = ""  # compound: full | position | letter (depth 2); num | letter (deeper)
    dot_letter: float = 0.0  # letter-compound: share of "a.1.1" spellings
    trailing: float = 0.0  # compound: share of codes written with a closing "."


@dataclass
class Scheme:
    group_style: str  # roman | letter | arabic
    group_punct: str
    levels: dict[int, LevelScheme]
    # Items of a section written without a code, when the level below the groups is compound:
    # by the section's position ("5.1"), plain letters, or (neither is free) no such section.
    section_fallback: str = "position"


@dataclass
class Layout:
    font: str
    size: float
    landscape: bool
    columns: list[str]  # roles: stt, group, code, content, points | std bonus ded, self, guide, note
    header: list[list[str | None]]  # header rows: a label per column; None = merged with the row above
    points: str  # one | three
    code_in_content: bool
    group_rows: str  # row | merged_code | merged_points | merged_all | column
    guidance: str  # none | line | inline | column
    repeat_header: bool
    header_again_at: int | None
    split_at: int | None
    split_header: bool
    split_page_break: bool
    cant_split: bool
    auto_number: bool
    widths_cm: list[float]
    tight_codes: bool  # the code column too narrow for the longest code (it wraps: "1.2." / "1")
    total: str  # none | end | after_standard
    v_center: bool
    national_header: bool
    closing_note: bool
    std_form: str
    note_merge: bool


@dataclass
class Row:
    role: str  # group | criterion | item | note | total
    code: str = ""
    content: list[str] = field(default_factory=list)
    guide: list[str] = field(default_factory=list)
    points: dict[str, str] = field(default_factory=dict)
    bold: bool = False
    merge: str = ""  # "" | code_content | content_points | all
    group: int | None = None
    auto_num: tuple[str, int] | None = None
    stt: str = ""
    keep_whole: bool = False  # never cut by a page break (see _wraps)


@dataclass
class GeneratedCriteria:
    seed: int
    profile: str
    rubric: Rubric
    layout: Layout
    scheme: Scheme
    rows: list[Row]
    preamble: list[str]
    group_labels: list[str]
    closing: list[str]  # paragraphs after the table (caps stated in words)
    features: frozenset[str] = frozenset()  # what the document holds, for coverage checks

    @property
    def name(self) -> str:
        return f"tieu-chi-{self.profile}-{self.seed:05d}"

    def summary(self) -> str:
        """The layout choices in one line (for failure reports)."""
        lay, sch = self.layout, self.scheme
        levels = ",".join(f"{d}:{s.kind[0]}-{s.style or s.variant}{'-run' if s.running else ''}"
                          for d, s in sorted(sch.levels.items()))
        bits = [f"groups={sch.group_style}{sch.group_punct!r}", f"levels={levels}", f"points={lay.points}",
                f"group_rows={lay.group_rows}", f"guidance={lay.guidance}", f"cols={'|'.join(lay.columns)}"]
        for flag in ("code_in_content", "auto_number", "repeat_header", "cant_split", "v_center"):
            if getattr(lay, flag):
                bits.append(flag)
        if lay.header_again_at is not None:
            bits.append(f"header_again@{lay.header_again_at}")
        if lay.split_at is not None:
            bits.append(f"split@{lay.split_at}{'+header' if lay.split_header else ''}")
        bits.append(f"total={lay.total}")
        return " ".join(bits)


# --- numbers and codes ----------------------------------------------------------------------


def vn(x: float) -> str:
    """10 → '10', 2.5 → '2,5', 0.25 → '0,25', 1000 → '1.000'."""
    text = f"{x:.2f}".rstrip("0").rstrip(".")
    whole, _, frac = text.partition(".")
    digits = whole.lstrip("-")
    groups = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    whole = ("-" if whole.startswith("-") else "") + ".".join([digits, *groups])
    return whole + ("," + frac if frac else "")


def roman(n: int) -> str:
    out = ""
    for value, letters in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + letters, n - value
    return out


def letter(n: int, upper: bool = False, latin: bool = False) -> str:
    seq = LATIN_LOWER if latin else VN_LOWER
    c = seq[n - 1]
    return c.upper() if upper else c


def strip_code(written: str) -> str:
    return "".join(written.split()).rstrip(".)")


def sentence_case(title: str) -> str:
    return title[:1] + title[1:].lower()


def caps_ok(title: str) -> bool:
    """Capitals read back as this title (no proper noun would be lower-cased)."""
    return sentence_case(title.upper()) == title


# --- drawing the structure ------------------------------------------------------------------


class _Titles:
    """Titles drawn without repeats within a document."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used: set[str] = set()

    def take(self, pool: list[str], fallback: list[str] | None = None) -> str:
        options = [t for t in pool if t not in self.used]
        if not options and fallback:
            options = [t for t in fallback if t not in self.used]
        if not options:
            options = [t for t in STEPS if t not in self.used] or pool
        title = self.rng.choice(options)
        self.used.add(title)
        return title


def _split(rng: random.Random, total: int, parts: int, unit: int, least: int) -> list[int]:
    """``parts`` multiples of ``unit`` (each ≥ least·unit) adding up to ``total``."""
    units = total // unit
    assert units * unit == total and units >= parts * least, (total, parts, unit, least)
    out = [least] * parts
    for _ in range(units - parts * least):
        out[rng.randrange(parts)] += 1
    return [u * unit for u in out]


_GROUP_SPLITS_100 = [[60, 40], [50, 50], [30, 30, 40], [40, 30, 30], [35, 35, 30], [25, 25, 25, 25],
                     [20, 30, 30, 20], [40, 20, 20, 20], [30, 25, 25, 20], [20, 20, 20, 20, 20],
                     [25, 20, 20, 20, 15], [70, 30]]


@dataclass
class _Plan:
    """Table-wide choices the structure depends on."""

    scale: int
    max_depth: int
    nested: float  # share of standard leaves with bonus/deduction items
    guidance: str
    small: bool
    deepest: int = 4  # the deepest level the code scheme has codes for
    three: bool = False  # points in three columns "Chuẩn | Thưởng | Trừ"
    rubric_caps: dict = field(default_factory=dict)


def _guidance(rng: random.Random, points: float, inline: bool) -> list[str]:
    half = vn(points / 2)
    full = vn(points)
    single = [
        [f"Đạt từ 100% chỉ tiêu trở lên: {full} điểm; đạt từ 90% đến dưới 100%: {half} điểm; dưới 90%: 0 điểm."],
        ["Mỗi nội dung chưa hoàn thành trừ 0,5 điểm."],
        ["Trường hợp không có minh chứng: 0 điểm."],
        [f"Đạt yêu cầu: {full} điểm; không đạt yêu cầu: 0 điểm."],
        [f"Đạt từ 80% kế hoạch trở lên: {full} điểm; dưới 80%: {half} điểm."],
    ]
    multi = [
        [f"- Có kế hoạch, văn bản triển khai: {half} điểm;", f"- Có báo cáo kết quả thực hiện: {half} điểm."],
        [f"+ Hoàn thành đúng thời hạn: {full} điểm;", f"+ Hoàn thành chậm: {half} điểm."],
        [f"Đạt từ 100% chỉ tiêu trở lên: {full} điểm;", f"Đạt từ 90% đến dưới 100%: {half} điểm;",
         "Dưới 90%: 0 điểm."],
        ["Mỗi văn bản không đúng thời hạn trừ 0,25 điểm.", "Trường hợp không thực hiện: 0 điểm."],
    ]
    return list(rng.choice(single if inline else single + multi))


def _standard_group(rng: random.Random, plan: _Plan, titles: _Titles, field_name: str, q: int) -> Node:
    group_titles, criteria = FIELDS[field_name]
    group = Node(titles.take(group_titles), STD, q=q, is_group=True)
    unit = 40 if plan.scale == 1000 else 4  # criteria in whole points (tens on 1000)
    most = min(6 if not plan.small else 3, q // (unit * 2))
    count = rng.randint(2, max(2, most))
    pool = list(criteria)
    rng.shuffle(pool)
    if q % (unit * 5) == 0 and q // (unit * 5) >= count and rng.random() < 0.5:
        unit *= 5  # round figures: 10, 15, 20 …
    elif q % (unit * 2) == 0 and q // (unit * 2) >= count and rng.random() < 0.4:
        unit *= 2
    for q_part in _split(rng, q, count, unit, 1):
        if pool:
            title, subs = pool.pop()
            title = titles.take([title], [c[0] for c in criteria])
        else:
            title, subs = titles.take([c[0] for c in criteria]), []
        group.children.append(_criterion(rng, plan, titles, title, subs, q_part, depth=2))
    return group


def _criterion(rng: random.Random, plan: _Plan, titles: _Titles, title: str, subs: list[str], q: int,
               depth: int) -> Node:
    node = Node(title, STD, q=q, depth=depth)
    sub_unit = 20 if plan.scale == 1000 else 2
    p_sub = {2: 0.45, 3: 0.35, 4: 0.0}.get(depth, 0.0) * (0.6 if plan.small else 1.0)
    if depth < plan.max_depth and q >= 2 * sub_unit and rng.random() < p_sub:
        unit = sub_unit if rng.random() < 0.4 or q < 4 * sub_unit else 2 * sub_unit
        if q % unit:
            unit = sub_unit
        count = rng.randint(2, min(4, q // unit))
        pool = list(subs) if subs else list(STEPS)
        rng.shuffle(pool)
        for q_part in _split(rng, q, count, unit, 1):
            sub_title = titles.take([pool.pop()] if pool else STEPS, STEPS)
            node.children.append(_criterion(rng, plan, titles, sub_title, [], q_part, depth + 1))
        if rng.random() < 0.15:
            node.points_blank = True  # the holder's points are its sub-criteria's
        return node
    if plan.guidance != "none" and rng.random() < 0.55:
        node.guidance = _guidance(rng, q / 4, plan.guidance == "inline")
    if rng.random() < plan.nested:
        _nested_items(rng, plan, node)
    return node


def _scaled(plan: _Plan, value: float) -> float:
    return value * 10 if plan.scale == 1000 else value


def _nested_items(rng: random.Random, plan: _Plan, node: Node) -> None:
    """Bonus/deduction items inside a standard criterion ("+1", "-0,25/01 trường hợp"); in a
    three-column table also a value beside the criterion's own points ("20 | + 0,5 |"): an item
    of its own titled like the criterion, or the cap of the items of that kind below it."""
    pools = {BONUS: list(NESTED_BONUS), DED: list(NESTED_DEDUCTION)}
    for pool in pools.values():
        rng.shuffle(pool)
    same_row = plan.three and rng.random() < 0.35
    if same_row and rng.random() < 0.5:
        kind = rng.choice([BONUS, DED])
        own = _item(rng, plan, node, node.title, ["lần", "trường hợp"] if rng.random() < 0.3 else [], kind, False)
        own.same_row = True
        node.children.append(own)  # alone: where it counts among rows without a code is left open
        return
    kinds = rng.choice([[BONUS], [DED], [BONUS, DED], [DED, BONUS], [BONUS, BONUS], [DED, DED]])
    coded = node.depth < plan.deepest and rng.random() < 0.3
    for kind in kinds:
        node.children.append(_item(rng, plan, node, *pools[kind].pop(), kind, coded))
    for kind in dict.fromkeys(kinds):
        if same_row or rng.random() < 0.45:
            value = _scaled(plan, rng.choice([0.5, 1, 1.5, 2]))
            if kind is BONUS:
                node.bonus_cap = value
            else:
                node.deduction_cap = value
            if same_row:
                node.same_row_cap = kind
                same_row = False


def _item(rng: random.Random, plan: _Plan, node: Node, title: str, nouns: list[str], kind: GroupKind,
          coded: bool) -> Node:
    item = Node(title, kind, depth=node.depth + 1, coded=coded)
    if nouns and rng.random() < 0.5:
        item.per = rng.choice(nouns)
        item.amount = _scaled(plan, rng.choice([0.1, 0.2, 0.25, 0.5] if kind is BONUS else [0.25, 0.5, 1]))
    else:
        item.amount = _scaled(plan, rng.choice([0.25, 0.5, 1, 1.5, 2]))
    return item


def _section(rng: random.Random, plan: _Plan, titles: _Titles, kind: GroupKind) -> Node:
    section_titles = BONUS_SECTION if kind is BONUS else DEDUCTION_SECTION
    group = Node(rng.choice(section_titles), kind, is_group=True, coded=rng.random() < 0.65)
    if rng.random() < 0.55:
        group.amount = _scaled(plan, rng.choice([3, 5, 5, 10] if kind is BONUS else [5, 10, 10, 20]))
    pool = list(BONUS_ITEMS if kind is BONUS else DEDUCTION_ITEMS)
    rng.shuffle(pool)
    uncoded = group.coded and rng.random() < 0.25
    for _ in range(rng.randint(2, 3 if plan.small else 5)):
        title, nouns = pool.pop()
        titles.used.add(title)
        item = Node(title, kind, depth=2, coded=not uncoded)
        if nouns and rng.random() < 0.45:
            item.per = rng.choice(nouns)
            item.amount = _scaled(plan, rng.choice([0.25, 0.5, 1] if kind is BONUS else [0.5, 1, 2, 3]))
        else:
            choices = [v for v in ([0.5, 1, 2, 3] if kind is BONUS else [1, 2, 3, 5])
                       if group.amount is None or _scaled(plan, v) <= group.amount]
            item.amount = _scaled(plan, rng.choice(choices))
        group.children.append(item)
    return group


def _section_holder(rng: random.Random, plan: _Plan, titles: _Titles, group: Node) -> Node:
    """A row of a section holding items of its own ("Được khen thưởng trong năm | tối đa 3" over
    "a) Cờ thi đua của Chính phủ | +3"): its points, if written, cap theirs."""
    kind = group.kind
    title, subs = rng.choice(SECTION_HOLDERS[kind])
    titles.used.add(title)
    holder = Node(title, kind, depth=2)
    cap = _scaled(plan, rng.choice([2, 3, 5]))
    if group.amount is not None:
        cap = min(cap, group.amount)
    if rng.random() < 0.6:
        holder.amount = cap
    for sub_title, nouns in rng.sample(subs, 2):
        item = Node(sub_title, kind, depth=3)
        if nouns and rng.random() < 0.4:
            item.per = rng.choice(nouns)
            item.amount = _scaled(plan, rng.choice([0.25, 0.5, 1]))
        else:
            item.amount = _scaled(plan, rng.choice([v for v in (0.5, 1, 2, 3) if _scaled(plan, v) <= cap]))
        holder.children.append(item)
    return holder


# --- codes ----------------------------------------------------------------------------------


def _scheme(rng: random.Random, max_depth: int) -> Scheme:
    group_style = rng.choices(["roman", "letter", "arabic"], [5, 3, 2])[0]
    levels: dict[int, LevelScheme] = {}
    used = {"roman": {"roman"}, "letter": {"upper"}, "arabic": {"arabic"}}[group_style]
    parent = "group"  # what the level above is: group | compound-num | compound-letter | simple
    for depth in range(2, max_depth + 1):
        options: list[tuple[LevelScheme, float]] = []
        if parent == "group":
            options.append((LevelScheme("compound", variant="full"), 1.5))
            if group_style != "arabic":
                options.append((LevelScheme("compound", variant="position"), 2.0))
            if group_style == "letter":
                options.append((LevelScheme("compound", variant="letter", dot_letter=rng.choice([0, 0, 0.3])), 3.0))
        elif parent in ("compound-num", "compound-full"):
            options.append((LevelScheme("compound", variant="num"), 2.5))
            if parent == "compound-full" and depth == 3:
                options.append((LevelScheme("compound", variant="letter"), 1.0))
        for style in ("arabic", "lower"):
            if style in used:
                continue
            punct = rng.choices(["", ".", ")"], [4, 4, 1])[0] if style == "arabic" else rng.choices(
                ["", ")", "."], [2, 5, 2])[0]
            weight = 3.0 if parent == "group" and style == "arabic" else 1.5 if style == "lower" else 1.0
            options.append((LevelScheme("simple", style=style, punct=punct,
                                        running=depth == 2 and style == "arabic" and rng.random() < 0.25), weight))
        if not options:
            break
        level = rng.choices([o for o, _ in options], [w for _, w in options])[0]
        if level.kind == "compound":
            level.trailing = rng.choice([0, 0, 0.2])
            if level.variant == "position" or (level.variant == "full" and group_style == "arabic"):
                used.add("arabic")  # "1.3" after a row "1)": under the row "1", or the group at 1?
            if level.variant == "letter" and depth == 2:
                level.dot_letter = rng.choice([0, 0, 0.2])
                if level.dot_letter:
                    used.add("lower")  # "a.2" after a row "a)": likewise
                parent = "compound-num"
            elif level.variant == "letter":
                parent = "compound-letter"
            else:
                parent = "compound-full" if depth == 2 else "compound-num"
        else:
            used.add(level.style)
            parent = "simple"
        levels[depth] = level
    scheme = Scheme(group_style, rng.choice(["", "."]), levels)
    simple = {level.style for level in levels.values() if level.kind == "simple"}
    if levels[2].kind == "compound" and "arabic" in simple:
        scheme.section_fallback = "lower" if "lower" not in simple else "coded"
    return scheme


def _max_coded_depth(scheme: Scheme) -> int:
    return max(scheme.levels, default=1)


def _group_code(style: str, position: int) -> str:
    if style == "roman":
        return roman(position)
    if style == "letter":
        return letter(position, upper=True)
    return str(position)


def _simple(style: str, n: int, latin: bool) -> str:
    if style == "arabic":
        return str(n)
    if style == "lower":
        return letter(n, latin=latin)
    return letter(n, upper=True, latin=latin)


def _assign_codes(rng: random.Random, groups: list[Node], scheme: Scheme, layout: Layout) -> None:
    running: dict[int, int] = {}
    for position, group in enumerate(groups, start=1):
        group.position = position
        group.depth = 1
        code = _group_code(scheme.group_style, position)
        if group.coded:
            group.written, group.style = code + scheme.group_punct, scheme.group_style
        else:
            group.style = "assigned"
        group.code = code
        _assign_children(rng, group, scheme, layout, running)
    _compose(groups)


def _compoundable(parent: Node, level: LevelScheme) -> bool:
    if parent.is_group:
        return parent.coded or level.variant == "position"
    return parent.style == "compound"


def _assign_children(rng: random.Random, parent: Node, scheme: Scheme, layout: Layout,
                     running: dict[int, int]) -> None:
    depth = parent.depth + 1
    level = scheme.levels.get(depth)
    n = 0
    for child in parent.children:
        child.parent = parent
        child.depth = depth
        if not child.coded:
            child.style = "item"
            continue
        assert level is not None, "a coded child below the deepest coded level"
        n += 1
        if level.kind == "compound" and not _compoundable(parent, level):
            # Items of a section written without a code: by the section's position ("5.1"), or
            # plain letters where plain numbers are used below.
            assert parent.is_group and not parent.coded and scheme.section_fallback != "coded"
            if scheme.section_fallback == "position":
                level = LevelScheme("compound", variant="position", trailing=level.trailing)
            else:
                level = LevelScheme("simple", style="lower", punct=")")
        if level.kind == "simple":
            count = n
            if level.running:
                running[depth] = running.get(depth, 0) + 1
                count = running[depth]
            latin = layout.auto_number
            text = _simple(level.style, count, latin)
            punct = level.punct
            if layout.code_in_content and not punct:
                punct = ")" if level.style == "lower" else "."
            child.written, child.style = text + punct, level.style
        else:
            child.style = "compound"
            child.written = _compound(rng, parent, level, n)
            if rng.random() < level.trailing or (layout.code_in_content and rng.random() < 0.5):
                child.written += "."
        child.code = strip_code(child.written)
        if child.style == "compound":
            head, *rest = _letter_parts(child.code)
            child.numbers = [head, *rest] if head else []
        _assign_children(rng, child, scheme, layout, running)


def _compound(rng: random.Random, parent: Node, level: LevelScheme, n: int) -> str:
    if parent.is_group:
        if level.variant == "full":
            return f"{parent.code}.{n}"
        if level.variant == "position":
            return f"{parent.position}.{n}"
        # letter-compound: "a1", "b2" (the group's letter, lower case), sometimes "a.1"
        return _letter_spelling(rng, parent.code.lower(), [str(n)], level.dot_letter)
    if parent.numbers:  # letter-compound family: "a1.1" or "a.1.1", drawn row by row
        return _letter_spelling(rng, parent.numbers[0], [*parent.numbers[1:], str(n)], 0.3)
    last = letter(n) if level.variant == "letter" else str(n)
    return f"{parent.code}.{last}"


def _letter_spelling(rng: random.Random, head: str, numbers: list[str], dotted: float) -> str:
    return head + ("." if rng.random() < dotted else "") + ".".join(numbers)


def _compose(groups: list[Node]) -> None:
    """Codes of a level whose written codes repeat are composed with their parent's code; items
    without a code get ``<parent>[n]``."""
    seen: dict[tuple[int, str], list[str]] = {}
    for group in groups:
        for node in group.walk():
            if node.style in ("arabic", "lower", "upper") and not node.is_group:
                seen.setdefault((node.depth, node.style), []).append(strip_code(node.written))
    composed = {key for key, codes in seen.items() if len(codes) != len(set(codes))}

    def visit(node: Node) -> None:
        items = 0
        for child in node.children:
            if child.style == "item":
                items += 1
                child.code = f"{node.code}[{items}]"
            elif (child.depth, child.style) in composed:
                child.code = f"{node.code}.{strip_code(child.written)}"
            visit(child)

    for group in groups:
        visit(group)


def _letter_parts(code: str) -> list[str]:
    """'a1.2' or 'a.1.2' → ['a', '1', '2']; other codes → ['']."""
    if code[:1].isalpha() and code[:1].islower():
        rest = code[1:].lstrip(".")
        return [code[0], *rest.split(".")]
    return [""]


# --- the layout -----------------------------------------------------------------------------


def _layout(rng: random.Random, plan: _Plan, small: bool) -> Layout:
    three = rng.random() < 0.3
    code_in_content = rng.random() < 0.12
    group_rows = rng.choices(["row", "merged_code", "merged_points", "merged_all", "column"],
                             [5, 3, 1.5, 1.5, 0 if small or code_in_content else 1.5])[0]
    if code_in_content and group_rows in ("merged_code", "merged_all"):
        group_rows = "row"
    both_codes = not code_in_content and group_rows != "column" and rng.random() < 0.12
    columns: list[str] = []
    if both_codes:
        columns.append("stt")
    if group_rows == "column":
        columns.append("group")
    if not code_in_content:
        columns.append("code")
    columns.append("content")
    columns += ["std", "bonus", "ded"] if three else ["points"]
    extras = []
    if not three and not small and rng.random() < 0.2:
        extras.append("self")
    if plan.guidance == "column":
        extras.append("guide")
    if not small and rng.random() < 0.2:
        extras.append("note")
    columns += extras

    code_label = rng.choice(["Mã", "Mã số", "Ký hiệu"]) if both_codes else rng.choice(
        ["STT", "TT", "Mã", "Mã số", "STT", "TT"])
    labels = {
        "stt": rng.choice(["STT", "TT"]),
        "group": rng.choice(["Nhóm", "Lĩnh vực", "Nhóm tiêu chí", ""]),
        "code": code_label,
        "content": rng.choice(["Nội dung tiêu chí", "Nội dung", "Tiêu chí", "Nội dung đánh giá", "Tiêu chí thi đua",
                               "Nội dung tiêu chí chấm điểm"]),
        "points": rng.choice(["Điểm chuẩn", "Điểm tối đa", "Thang điểm", "Điểm"]),
        "self": "Tự chấm",
        "guide": rng.choice(["Hướng dẫn chấm", "Cách chấm", "Phương pháp chấm", "Hướng dẫn chấm điểm"]),
        "note": rng.choice(["Ghi chú", "Minh chứng"]),
    }
    two_rows = three and rng.random() < 0.7
    header: list[list[str | None]]
    if three and two_rows:
        top = ["Điểm" if c in ("std", "bonus", "ded") else labels.get(c, "") for c in columns]
        sub = {"std": "Chuẩn", "bonus": rng.choice(["Thưởng", "Cộng"]), "ded": "Trừ"}
        header = [top, [sub.get(c) for c in columns]]
    elif three:
        flat = {"std": "Điểm chuẩn", "bonus": rng.choice(["Điểm thưởng", "Điểm cộng"]), "ded": "Điểm trừ"}
        header = [[flat.get(c) or labels.get(c, "") for c in columns]]
    elif "self" in columns and rng.random() < 0.5:
        header = [["Điểm" if c in ("points", "self") else labels[c] for c in columns],
                  [{"points": "Chuẩn", "self": "Tự chấm"}.get(c) for c in columns]]
    else:
        header = [[labels[c] for c in columns]]

    # Widths drawn here; _fit_widths widens a column whose longest word would not fit.
    widths = [{"stt": 1.1, "group": rng.uniform(2.4, 3.2), "code": rng.uniform(1.1, 1.6),
               "points": rng.uniform(1.8, 2.6), "std": rng.uniform(1.5, 1.9), "bonus": rng.uniform(1.8, 2.4),
               "ded": rng.uniform(1.8, 2.4), "self": 1.6, "guide": rng.uniform(4.5, 6.0), "note": 1.8}.get(c, 0.0)
              for c in columns]
    landscape = not small and rng.random() < 0.2
    cant_split = rng.random() < 0.3
    layout = Layout(
        font=rng.choice(["Times New Roman", "Times New Roman", "Arial"]),
        size=rng.choice([13, 14]) if small else rng.choice([11, 12, 12, 13, 13, 14]),
        landscape=landscape,
        columns=columns,
        header=header,
        points="three" if three else "one",
        code_in_content=code_in_content,
        group_rows=group_rows,
        guidance=plan.guidance,
        repeat_header=rng.random() < 0.5,
        header_again_at=None,
        split_at=None,
        split_header=False,
        split_page_break=rng.random() < 0.5,
        cant_split=cant_split,
        auto_number=not code_in_content and rng.random() < 0.2,
        widths_cm=widths,
        tight_codes=rng.random() < 0.08,
        total=rng.choices(["none", "end", "after_standard"], [3, 5, 1])[0],
        # Centred cells only where rows stay whole: a row split over a page would put its points
        # under the break, beside the rest of its title (a row with points and no code: an item).
        v_center=cant_split and rng.random() < 0.6,
        national_header=rng.random() < 0.4,
        closing_note=rng.random() < 0.3,
        std_form=rng.choices(["n", "n0", "nd"], [6, 2, 2])[0],
        note_merge=rng.random() < 0.5,
    )
    return layout


# --- points as written ----------------------------------------------------------------------


def _standard_text(rng: random.Random, layout: Layout, points: float, leaf: bool) -> str:
    form = layout.std_form if rng.random() < 0.85 else rng.choice(["n", "n0", "nd", "td" if leaf else "n"])
    if form == "n0" and float(points).is_integer() and points < 1000:
        return vn(points) + ",0"
    if form == "nd":
        return f"{vn(points)} điểm"
    if form == "td":
        return f"tối đa {vn(points)}"
    return vn(points)


def _amount_text(rng: random.Random, node: Node, layout: Layout, inside_standard: bool) -> str:
    x, noun = vn(node.amount), node.per
    three = layout.points == "three"
    if node.kind is BONUS:
        if noun:
            forms = [f"cộng {x} điểm cho 01 {noun}", f"mỗi {noun} cộng {x} điểm", f"+{x}/01 {noun}", f"+{x}/{noun}"]
        elif three:
            forms = [x, f"+{x}", f"{x} điểm"]
        elif inside_standard:
            forms = [f"+{x}", f"+ {x}", f"+{x} điểm", f"cộng {x} điểm"]
        else:
            forms = [x, f"+{x}", f"{x} điểm", f"+ {x}"]
    else:
        if noun:
            forms = [f"-{x}/{noun}", f"-{x}/01 {noun}", f"Trừ {x} điểm/{noun}", f"trừ {x} điểm/{noun}"]
            if three:
                forms.append(f"{x}/{noun}")
        elif three:
            forms = [x, f"-{x}"]
        elif inside_standard:
            forms = [f"-{x}", f"- {x}", f"-{x} điểm", f"Trừ {x} điểm", f"(-{x})"]
        else:
            forms = [f"-{x}", x, f"Trừ {x} điểm", f"(-{x})", f"{x} điểm"]
    return rng.choice(forms)


def _cap_text(rng: random.Random, amount: float) -> str:
    return rng.choice([f"Tối đa {vn(amount)} điểm", f"tối đa {vn(amount)}", vn(amount)])


def _column_for(kind: GroupKind, layout: Layout) -> str:
    if layout.points == "one":
        return "points"
    return {STD: "std", BONUS: "bonus", DED: "ded"}[kind]


# --- caps -----------------------------------------------------------------------------------


def _cap_sentence(kind: GroupKind, value: float, code: str | None) -> str:
    word = "cộng" if kind is BONUS else "trừ"
    if code:
        return f"Tổng điểm {word} của mục {code} không quá {vn(value)} điểm"
    return f"Điểm {word} tối đa là {vn(value)} điểm"


def _plan_caps(rng: random.Random, groups: list[Node], layout: Layout) -> list[str]:
    """How each cap is written: beside the criterion's points (three columns), in its cell, in a
    note row right under it (no code: it applies to the nearest row above that holds rows of its
    kind), in a note row or a paragraph after the table naming the code (only codes written as
    the truth has them). Returns the paragraphs to write after the table."""
    paragraphs: list[str] = []
    for group in groups:
        for node in group.walk():
            if node.kind is not STD:
                continue
            here_used = False
            for kind, value in ((BONUS, node.bonus_cap), (DED, node.deduction_cap)):
                if value is None:
                    continue
                if node.same_row_cap is kind:
                    node.caps_written.append((kind, "same_row", value))
                    continue
                named = node.coded and node.code == strip_code(node.written)
                options = []
                if named:
                    options += ["note_coded", "paragraph"]
                if not node.is_group and not here_used and _note_here_reaches(node, kind):
                    options.append("note_here")
                if layout.guidance != "column" and not node.is_group:
                    options.append("cell")
                if not options:  # nowhere to write it unambiguously
                    setattr(node, "bonus_cap" if kind is BONUS else "deduction_cap", None)
                    continue
                how = rng.choice(options)
                here_used = here_used or how == "note_here"
                node.caps_written.append((kind, how, value))
                if how == "cell":
                    sentence = _cap_sentence(kind, value, None)
                    bulleted = not (node.guidance or node.cap_lines) or rng.random() < 0.5
                    node.cap_lines.append(f"- {sentence}" if bulleted else f"{sentence}.")
                elif how == "paragraph":
                    paragraphs.append(_cap_sentence(kind, value, node.code))
    return paragraphs


def _note_here_reaches(node: Node, kind: GroupKind) -> bool:
    """A note row without a code right after the node's rows applies to it: the row above the
    note is a row of its own (not a value beside its points) that holds nothing, and the node
    is the first above it holding rows of the cap's kind."""
    rows = [c for c in node.children if not c.same_row]
    return bool(rows) and not rows[-1].children and any(c.kind is kind for c in node.children)


def _rubric_caps(rng: random.Random, plan: _Plan, groups: list[Node]) -> list[str]:
    """Caps for the whole table, in a paragraph after it ("Điểm cộng tối đa là 10 điểm")."""
    out = []
    for kind in (BONUS, DED):
        if any(n.kind is kind for g in groups for n in g.walk()) and rng.random() < 0.15:
            value = _scaled(plan, rng.choice([5, 10, 10, 15]))
            plan.rubric_caps[kind] = value
            out.append(_cap_sentence(kind, value, None))
    return out


def _group_caps(rng: random.Random, plan: _Plan, groups: list[Node]) -> None:
    """A standard group with nested items may cap them ("Tổng điểm trừ của mục II không quá …")."""
    for group in groups:
        if group.kind is not STD or not group.coded:
            continue
        kinds = {n.kind for n in group.walk() if n.kind is not STD}
        for kind in sorted(kinds):
            if rng.random() < 0.25:
                value = _scaled(plan, rng.choice([1, 2, 3]))
                if kind is BONUS:
                    group.bonus_cap = value
                else:
                    group.deduction_cap = value


# --- rows -----------------------------------------------------------------------------------


def _rows(rng: random.Random, groups: list[Node], layout: Layout, scale: int) -> list[Row]:
    rows: list[Row] = []
    first_section = next((i for i, g in enumerate(groups) if g.kind is not STD), len(groups))
    for gi, group in enumerate(groups):
        if gi == first_section and layout.total == "after_standard":
            rows.append(_total_row(rng, layout, scale))
        if layout.group_rows != "column":
            rows.append(_group_row(rng, group, layout))
        for child in group.children:
            _node_rows(rng, child, layout, rows, gi)
        for kind, how, value in group.caps_written:
            if how == "note_coded":
                rows.append(_note_row(rng, layout, _cap_sentence(kind, value, group.code), gi))
        for row in rows:
            if row.group is None and row.role != "total":
                row.group = gi
    if layout.total == "end" or (layout.total == "after_standard" and first_section == len(groups)):
        rows.append(_total_row(rng, layout, scale))
    return rows


def _title_text(node: Node) -> str:
    return node.title.upper() if node.caps else node.title


def _group_label(group: Node, with_code: bool = True) -> str:
    title = _title_text(group)
    if group.points_in_title:
        title += _group_points_in_title(group)
    if with_code and group.coded:
        code = group.written if group.written.endswith(".") else group.written + "."
        return f"{code} {title}"
    return title


def _group_points_in_title(group: Node) -> str:
    if group.kind is STD:
        return f" ({vn(group.q / 4)} điểm)"
    return f" (tối đa {vn(group.amount)} điểm)"


def _group_row(rng: random.Random, group: Node, layout: Layout) -> Row:
    row = Row("group", bold=True)
    mode = layout.group_rows
    if mode in ("merged_code", "merged_all") and not group.coded:
        mode = "row" if mode == "merged_code" else "merged_points"
    has_points = group.q is not None and not group.points_blank if group.kind is STD else group.amount is not None
    if mode in ("merged_points", "merged_all") and has_points:
        group.points_in_title = True
    if mode in ("merged_code", "merged_all"):
        row.merge = "all" if mode == "merged_all" else "code_content"
        row.content = [_group_label(group)]
    else:
        if mode == "merged_points":
            row.merge = "content_points"
        if layout.code_in_content:
            row.content = [_group_label(group)]
        else:
            row.code = group.written
            row.content = [_group_label(group, with_code=False)]
    if has_points and not group.points_in_title:
        column = _column_for(group.kind, layout)
        if group.kind is STD:
            row.points[column] = _standard_text(rng, layout, group.q / 4, leaf=False)
        else:
            row.points[column] = _cap_text(rng, group.amount)
    return row


def _node_rows(rng: random.Random, node: Node, layout: Layout, rows: list[Row], gi: int) -> None:
    row = Row("criterion" if node.coded else "item", group=gi, bold=bool(node.children) and node.kind is STD)
    title = _title_text(node)
    lines = [title]
    guide: list[str] = []
    if node.guidance:
        if layout.guidance == "column":
            guide = list(node.guidance)
        elif layout.guidance == "inline":
            lines = [f"{title}. {node.guidance[0]}", *node.guidance[1:]]
        else:
            lines += node.guidance
    lines += node.cap_lines
    # Cut by a page break before its cap line, the rest would read as a note row of its own.
    row.keep_whole = bool(node.cap_lines)
    if node.coded:
        if layout.code_in_content:
            lines[0] = f"{node.written} {lines[0]}"
        else:
            row.code = node.written
            row.auto_num = node.auto_num
    row.content, row.guide = lines, guide
    parent = node.parent
    inside_standard = parent is not None and parent.kind is STD and node.kind is not STD
    column = _column_for(node.kind, layout)
    if node.kind is STD:
        if not node.points_blank:
            row.points[column] = _standard_text(rng, layout, node.q / 4, leaf=not node.children)
    elif node.amount is not None:
        row.points[column] = _amount_text(rng, node, layout, inside_standard)
    for child in node.children:
        if child.same_row:  # its amount beside the criterion's own points
            row.points[_column_for(child.kind, layout)] = _amount_text(rng, child, layout, True)
    for kind, how, value in node.caps_written:
        if how == "same_row":
            row.points[_column_for(kind, layout)] = rng.choice([f"tối đa {vn(value)}", vn(value)])
    rows.append(row)
    # Table order is the truth's order: items without a code, then coded children.
    for child in node.children:
        if not child.coded and not child.same_row:
            _node_rows(rng, child, layout, rows, gi)
    for child in node.children:
        if child.coded:
            _node_rows(rng, child, layout, rows, gi)
    for how in ("note_here", "note_coded"):
        for kind, written, value in node.caps_written:
            if written == how:
                code = node.code if how == "note_coded" else None
                rows.append(_note_row(rng, layout, _cap_sentence(kind, value, code), gi))


def _note_row(rng: random.Random, layout: Layout, sentence: str, gi: int) -> Row:
    tail = rng.choice(["", "", " (không liên quan đến điểm cộng)" if "trừ" in sentence else
                       " (không liên quan đến điểm trừ)"])
    text = f"Ghi chú: {sentence}{tail}" + rng.choice([".", "", ";"])
    return Row("note", content=[text], merge="all" if layout.note_merge else "", group=gi)


def _total_row(rng: random.Random, layout: Layout, scale: int) -> Row:
    label = rng.choice(["Tổng cộng", "TỔNG CỘNG", "Tổng cộng điểm chuẩn", "Tổng cộng (điểm chuẩn)"])
    row = Row("total", content=[label], bold=True)
    row.points[_column_for(STD, layout)] = vn(scale)
    return row


# --- generate -------------------------------------------------------------------------------


def generate(seed: int, profile: str = "default") -> GeneratedCriteria:
    """A criteria document and its truth. ``profile="scan"`` keeps it to one page and plain
    columns (for OCR, seconds a page)."""
    rng = random.Random(f"criteria-{profile}-{seed}")
    small = profile == "scan"
    scale = 1000 if rng.random() < 0.15 and not small else 100
    plan = _Plan(
        scale=scale,
        max_depth=(rng.choices([2, 3], [6, 4])[0] if small else rng.choices([2, 3, 4], [3, 4.5, 2.5])[0]),
        nested=0.0 if small or rng.random() < 0.6 else rng.choice([0.25, 0.4]),
        guidance="none" if small else rng.choices(["none", "line", "inline", "column"], [4, 3, 1, 2])[0],
        small=small,
    )
    layout = _layout(rng, plan, small)
    plan.three = layout.points == "three"
    scheme = _scheme(rng, plan.max_depth)
    plan.max_depth = plan.deepest = _max_coded_depth(scheme)

    titles = _Titles(rng)
    split = list(rng.choice([s for s in _GROUP_SPLITS_100 if len(s) == 2] if small else _GROUP_SPLITS_100))
    if scale == 1000:
        split = [p * 10 for p in split]
    fields = list(FIELDS)
    rng.shuffle(fields)
    groups = [_standard_group(rng, plan, titles, fields[i % len(fields)], points * 4)
              for i, points in enumerate(split)]
    sections = rng.choices([[], [BONUS], [DED], [BONUS, DED], [DED, BONUS]], [1.5, 2, 2, 5, 0.5])[0]
    if small:
        sections = sections[:1]
    groups += [_section(rng, plan, titles, kind) for kind in sections]
    # Uncoded sections come last (they take the next group code).
    for i, group in enumerate(groups):
        if not group.coded and (any(g.coded for g in groups[i + 1:]) or scheme.section_fallback == "coded"):
            group.coded = True
    for group in groups:
        # A row of the section holding items of its own, in a section written with a code (its
        # items then have the scheme's codes, and theirs the level below).
        if group.kind is not STD and group.coded and all(c.coded for c in group.children) \
                and plan.deepest >= 3 and rng.random() < 0.25:
            group.children.insert(rng.randrange(len(group.children) + 1), _section_holder(rng, plan, titles, group))
        if group.kind is STD and rng.random() < 0.12:
            group.points_blank = True
        if caps_ok(group.title) and rng.random() < 0.45:
            group.caps = True
        if (group.kind is not STD and group.amount is not None and rng.random() < 0.5) or (
                group.kind is STD and not group.points_blank and rng.random() < 0.12):
            group.points_in_title = True
        if layout.group_rows == "column":
            # No group row: points, if any, are in the group cell's title.
            has_points = group.amount is not None if group.kind is not STD else not group.points_blank
            group.points_in_title = has_points and (group.kind is not STD or rng.random() < 0.5)
            if group.kind is STD and not group.points_in_title:
                group.points_blank = True
        for node in group.walk():
            if not node.is_group and any(c.kind is STD for c in node.children) and caps_ok(node.title) \
                    and rng.random() < 0.1:
                node.caps = True
    if layout.auto_number and not any(level.kind == "simple" for level in scheme.levels.values()):
        layout.auto_number = False
    _assign_codes(rng, groups, scheme, layout)
    _group_caps(rng, plan, groups)
    cap_paragraphs = _plan_caps(rng, groups, layout)
    cap_paragraphs += _rubric_caps(rng, plan, groups)
    if layout.auto_number:
        _plan_auto_numbers(groups, scheme)
    rows = _rows(rng, groups, layout, scale)
    for row in rows:
        row.keep_whole = row.keep_whole or row.role == "note"  # "(… điểm" / "trừ)" on two pages
    _finish_layout(rng, layout, rows)
    _fit_widths(layout, rows, small)
    _number_stt(layout, rows)

    rubric = _truth(groups, scale, seed)
    rubric.bonus_cap = plan.rubric_caps.get(BONUS)
    rubric.deduction_cap = plan.rubric_caps.get(DED)
    issues = check_rubric(rubric)
    assert not issues, (seed, issues)
    cluster = rng.choice(CLUSTERS)
    year = rng.choice([2023, 2024, 2025])
    preamble = [cluster, f"BẢNG TIÊU CHÍ CHẤM ĐIỂM THI ĐUA NĂM {year}",
                f"(Kèm theo Giao ước thi đua năm {year} của {sentence_case(cluster)})"]
    if scale == 1000:
        preamble.append("(Thang điểm 1.000)")
    labels_of_groups = [_group_label(group) for group in groups]
    closing = []
    if cap_paragraphs or layout.closing_note:
        closing.append("Ghi chú:")
        if layout.closing_note:
            closing.append("- Đơn vị tự chấm điểm theo bảng tiêu chí này, gửi kèm báo cáo tổng kết và minh chứng;")
        closing += [f"- {sentence};" for sentence in cap_paragraphs]
        closing[-1] = closing[-1][:-1] + "."
    return GeneratedCriteria(seed, profile, rubric, layout, scheme, rows, preamble, labels_of_groups, closing,
                             _features(groups, rubric))


def _features(groups: list[Node], rubric: Rubric) -> frozenset[str]:
    found: set[str] = set()
    for group in groups:
        if not group.coded:
            found.add("section without a code")
        for node in group.walk():
            if node.style == "item" and not node.same_row:
                found.add("items without a code")
            if node.same_row:
                found.add("item beside the points")
            if node.coded and not node.is_group and node.code != strip_code(node.written):
                found.add("composed codes")
            if node.per:
                found.add("per occurrence")
            if node.style == "compound" and "." in node.code and node.code[:1].islower() \
                    and node.code[1:2] == ".":
                found.add("letter-dot spelling")
            for _kind, how, _value in node.caps_written:
                found.add(f"cap {how}")
            if node.caps:
                found.add("capitals")
            if node.kind is not STD and not node.is_group and node.children:
                found.add("section row holding items")
    if rubric.bonus_cap or rubric.deduction_cap:
        found.add("caps on the table")
    return frozenset(found)


def _plan_auto_numbers(groups: list[Node], scheme: Scheme) -> None:
    """Word numbering for simple codes in the code column: one list per parent (restarting), or
    one for the level (running)."""
    lists: dict[tuple, str] = {}
    for group in groups:
        for node in group.walk():
            if node.style in ("arabic", "lower", "upper") and not node.is_group:
                level = scheme.levels.get(node.depth)
                key = (node.depth, node.style) if level is not None and level.running else (
                    node.depth, node.style, id(node.parent))
                lists.setdefault(key, str(len(lists)))
                node.auto_num = (lists[key], 0)


def _finish_layout(rng: random.Random, layout: Layout, rows: list[Row]) -> None:
    """Header written again mid-table, or the table split in two (at a group boundary when a
    group column is merged down)."""
    starts = [i for i, r in enumerate(rows) if i > 2 and (layout.group_rows != "column" or
                                                          r.group != rows[i - 1].group)]
    starts = [i for i in starts if rows[i].role != "total" or layout.group_rows != "column"]
    if len(rows) < 12 or not starts:
        return
    choice = rng.random()
    if choice < 0.15:
        layout.header_again_at = rng.choice(starts[len(starts) // 3:] or starts)
    elif choice < 0.27:
        layout.split_at = rng.choice(starts[len(starts) // 3:] or starts)
        layout.split_header = rng.random() < 0.6


def _fit_widths(layout: Layout, rows: list[Row], small: bool) -> None:
    """Columns wide enough for their longest word (Word and LibreOffice cut a word that does not
    fit, "điểm/trườn" + "g hợp", which no reader can undo); the content column takes the rest,
    at least 6 cm, on a landscape page if need be."""
    cm_per_char = layout.size * 0.56 / 28.35

    def longest(texts: list[str]) -> int:
        return max((len(word) for text in texts for word in text.split()), default=0)

    widths = list(layout.widths_cm)
    for c, role in enumerate(layout.columns):
        if role in ("content", "guide", "group"):
            continue
        texts = [label for header in layout.header if (label := header[c])]
        for row in rows:
            if role == "code" and layout.tight_codes:
                continue  # codes wrap ("1.2." / "1"), the header label does not
            texts += {"code": [row.code], "stt": [row.stt]}.get(role, [row.points.get(role, "")])
        widths[c] = max(widths[c], longest(texts) * cm_per_char * 1.08 + 0.45)
    fixed = sum(w for w, role in zip(widths, layout.columns, strict=True) if role != "content")
    if not layout.landscape and not small and fixed > 16.5 - 6.0:
        layout.landscape = True
    total = 25.7 if layout.landscape else 16.5
    if fixed > total - 6.0:
        shrink = (total - 6.0) / fixed
        widths = [w * shrink for w in widths]
        fixed = total - 6.0
    widths[layout.columns.index("content")] = total - fixed
    layout.widths_cm = [round(w, 2) for w in widths]


def _number_stt(layout: Layout, rows: list[Row]) -> None:
    if "stt" not in layout.columns:
        return
    n = 0
    for row in rows:
        if row.role in ("group", "criterion", "item"):
            n += 1
            row.stt = str(n)


def _truth(groups: list[Node], scale: int, seed: int) -> Rubric:
    def criterion(node: Node) -> Criterion:
        max_ = node.q / 4 if node.kind is STD else node.amount
        return Criterion(code=node.code, title=node.title, guidance=" ".join(node.guidance + node.cap_lines),
                         kind=node.kind,
                         max=max_, per=node.per, bonus_cap=node.bonus_cap, deduction_cap=node.deduction_cap,
                         criteria=[criterion(c) for c in node.children])

    out = []
    for group in groups:
        max_ = group.q / 4 if group.kind is STD else group.amount
        out.append(Group(code=group.code, title=group.title, kind=group.kind, max=max_,
                         bonus_cap=group.bonus_cap, deduction_cap=group.deduction_cap,
                         criteria=[criterion(c) for c in group.children]))
    return Rubric(name=f"Bảng tiêu chí sinh tự động {seed}", scale=scale, groups=out)


# --- comparison -----------------------------------------------------------------------------


def _norm(text: str) -> str:
    return " ".join((text or "").split())


def rubric_shape(rubric: Rubric) -> tuple:
    """What a criteria document says, to compare an import with the truth (not the name, nor
    what the import derives: evidence phrases, deduction rules)."""

    def node(c: Criterion) -> tuple:
        return ("criterion", c.code, c.title, _norm(c.guidance), c.kind.value if c.kind else None, c.max, c.per,
                c.bonus_cap, c.deduction_cap, tuple(node(x) for x in c.criteria))

    groups = tuple(("group", g.code, g.title, _norm(g.guidance), g.kind.value, g.max, g.bonus_cap, g.deduction_cap,
                    tuple(node(c) for c in g.criteria)) for g in rubric.groups)
    return ("rubric", rubric.scale, rubric.bonus_cap, rubric.deduction_cap, groups)


_FIELDS = {"group": ("kind", "code", "title", "guidance", "type", "max", "bonus_cap", "deduction_cap"),
           "criterion": ("kind", "code", "title", "guidance", "type", "max", "per", "bonus_cap", "deduction_cap")}


def first_difference(got: tuple, want: tuple) -> str:
    """The first node where two shapes differ, in words: 'II.1 › title: got … want …'."""
    if got[:4] != want[:4]:
        return f"rubric: got scale/caps {got[1:4]}, want {want[1:4]}"
    return _diff_list(got[4], want[4], "")


def _diff_list(got: tuple, want: tuple, path: str) -> str:
    for i in range(max(len(got), len(want))):
        if i >= len(got):
            return f"{path or 'groups'}: missing {want[i][0]} {want[i][1]} “{want[i][2]}”"
        if i >= len(want):
            return f"{path or 'groups'}: extra {got[i][0]} {got[i][1]} “{got[i][2]}”"
        g, w = got[i], want[i]
        names = _FIELDS[w[0]]
        for name, a, b in zip(names[1:], g[1:-1], w[1:-1], strict=True):
            if a != b:
                return f"{path}{w[1]}: {name} got {a!r}, want {b!r}"
        inner = _diff_list(g[-1], w[-1], f"{path}{w[1]} › ")
        if inner:
            return inner
    return ""


# --- writing .docx --------------------------------------------------------------------------


def new_page_document(landscape: bool, size: float, font: str) -> docx.document.Document:
    """An A4 document (portrait with Decree 30 margins, or landscape) in ``font`` at ``size`` pt."""
    doc = docx.Document()
    section = doc.sections[0]
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(29.7), Cm(21.0)
        section.left_margin = section.right_margin = Cm(2.0)
    else:
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.left_margin, section.right_margin = Cm(3.0), Cm(1.5)
    section.top_margin = section.bottom_margin = Cm(2.0)
    style = doc.styles["Normal"]
    style.font.size = Pt(size)
    _set_fonts(style.element.get_or_add_rPr(), font)
    return doc


def write_docx(g: GeneratedCriteria, path: Path) -> Path:
    """The document as a Word file; the same seed gives the same bytes."""
    lay = g.layout
    doc = new_page_document(lay.landscape, lay.size, lay.font)
    style = doc.styles["Normal"]
    style.paragraph_format.space_after = Pt(0)

    if lay.national_header:
        head = doc.add_table(rows=1, cols=2)
        _cell_lines(head.cell(0, 0), [g.preamble[0], "Số: 01/GUTĐ"], lay, bold=True, align="center")
        _cell_lines(head.cell(0, 1), ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"], lay,
                    bold=True, align="center")
        body = g.preamble[1:]
    else:
        body = g.preamble
    for i, text in enumerate(body):
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = p.add_run(text)
        run.bold = i < len(body) - 1 or text.isupper()
        run.italic = text.startswith("(")
    doc.add_paragraph()

    numbering = _Numbering(doc, g) if lay.auto_number else None
    segments = [(g.rows, True)]
    if lay.split_at is not None:
        segments = [(g.rows[:lay.split_at], True), (g.rows[lay.split_at:], lay.split_header)]
    for index, (rows, with_header) in enumerate(segments):
        if index:
            p = doc.add_paragraph()
            if lay.split_page_break:
                p.add_run().add_break(docx.enum.text.WD_BREAK.PAGE)
        _write_table(doc, g, rows, with_header, numbering)
    for text in g.closing:
        p = doc.add_paragraph()
        p.add_run(text).italic = text != "Ghi chú:"
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    p.add_run("TM. CỤM THI ĐUA").bold = True
    props = doc.core_properties
    props.author = props.last_modified_by = "Cụm thi đua"
    props.title, props.revision, props.comments = "Bảng tiêu chí chấm điểm thi đua", 1, ""
    props.created = props.modified = props.last_printed = FIXED_TIME
    path.parent.mkdir(parents=True, exist_ok=True)
    _save(doc, path)
    return path


def _write_table(doc, g: GeneratedCriteria, rows: list[Row], with_header: bool, numbering: _Numbering | None):
    lay = g.layout
    cols = lay.columns
    header_rows = len(lay.header) if with_header else 0
    again = lay.header_again_at
    extra = len(lay.header) if again is not None and any(r is g.rows[again] for r in rows) else 0
    table = doc.add_table(rows=header_rows + len(rows) + extra, cols=len(cols))
    table.style = doc.styles["Table Grid"]
    table.autofit = False
    _fixed_widths(table, lay.widths_cm)
    grid = [list(r.cells) for r in table.rows]
    r = 0
    if with_header:
        _write_header(grid, 0, lay)
        for k in range(header_rows):
            _tr_flag(table.rows[k], "w:cantSplit")  # a header row is never cut by a page break
            if lay.repeat_header:
                _tr_flag(table.rows[k], "w:tblHeader")  # after cantSplit, as the schema orders them
        r = header_rows
    for row in rows:
        if extra and row is g.rows[again]:
            _write_header(grid, r, lay)
            for k in range(len(lay.header)):
                _tr_flag(table.rows[r + k], "w:cantSplit")
            r += len(lay.header)
        _write_row(grid[r], row, lay, numbering)
        if lay.cant_split or row.keep_whole or _wraps(row, lay):
            _tr_flag(table.rows[r], "w:cantSplit")
        r += 1
    if "group" in cols:
        _merge_group_column(grid, rows, lay, header_rows, g, extra)


def _wraps(row: Row, lay: Layout) -> bool:
    """Whether a row's code or points take more than a line: such a row is kept whole on a page
    (cut after "cộng", the rest of its points would stand in a row of their own, which the
    contract reads as an item)."""
    per_char = lay.size * 0.62 / 28.35
    for c, role in enumerate(lay.columns):
        text = row.code if role == "code" else row.points.get(role, "") if role in (
            "points", "std", "bonus", "ded") else ""
        if text and len(text) * per_char > lay.widths_cm[c] - 0.4:
            return True
    return False


def _write_header(grid, r0: int, lay: Layout) -> None:
    header = lay.header
    ncols = len(lay.columns)
    done: set[tuple[int, int]] = set()
    for i, labels in enumerate(header):
        c = 0
        while c < ncols:
            if (i, c) in done:
                c += 1
                continue
            label = labels[c]
            if label is None:
                c += 1
                continue
            end = c
            if i == 0 and len(header) > 1:
                while end + 1 < ncols and labels[end + 1] == label and header[1][c] is not None:
                    end += 1
            down = i
            if i == 0 and len(header) > 1 and header[1][c] is None:
                down = 1
            cell = grid[r0 + i][c]
            if end > c or down > i:
                cell = cell.merge(grid[r0 + down][end])
            _cell_lines(cell, [label] if label else [], lay, bold=True, align="center")
            for rr in range(i, down + 1):
                for cc in range(c, end + 1):
                    done.add((rr, cc))
            c = end + 1


_CENTERED = ("stt", "code", "points", "std", "bonus", "ded", "self", "note")


def _write_row(cells, row: Row, lay: Layout, numbering: _Numbering | None) -> None:
    cols = lay.columns
    first = next(i for i, c in enumerate(cols) if c not in ("group", "stt"))
    content = cols.index("content")
    points = [i for i, c in enumerate(cols) if c in ("points", "std", "bonus", "ded")]
    spans: dict[int, int] = {}
    if row.merge == "code_content" and "code" in cols:
        spans[cols.index("code")] = content
    elif row.merge == "content_points":
        spans[content] = points[-1]
    elif row.merge == "all":
        spans[first] = len(cols) - 1
    elif row.role == "total" and content > first:
        spans[first] = content
    merged_into: dict[int, int] = {}
    for start, end in spans.items():
        cells[start] = cells[start].merge(cells[end])
        for c in range(start + 1, end + 1):
            merged_into[c] = start
    texts: dict[int, list[str]] = {}
    for c, role in enumerate(cols):
        if c in merged_into:
            continue
        if role == "stt":
            texts[c] = [row.stt] if row.stt else []
        elif role == "code":
            texts[c] = [row.code] if row.code else []
        elif role == "content":
            texts[c] = row.content
        elif role == "guide":
            texts[c] = row.guide
        elif role in ("points", "std", "bonus", "ded"):
            texts[c] = [row.points[role]] if role in row.points else []
    if row.merge == "code_content" or row.merge == "all" or (row.role == "total" and content > first):
        texts[min(spans)] = row.content
    for c, lines in texts.items():
        role = cols[c]
        align = "center" if role in _CENTERED and c not in spans else "left"
        if row.role == "total" and c in spans:
            align = "center"
        cell = cells[c]
        if role == "code" and row.auto_num is not None and numbering is not None and c not in spans:
            _cell_lines(cell, [""], lay, bold=row.bold, align="center")
            numbering.number(cell.paragraphs[0], row.auto_num, row.code)
            continue
        italic_from = 1 if role == "content" and row.role in ("criterion", "item") else None
        _cell_lines(cell, lines, lay, bold=row.bold, align=align, italic_from=italic_from,
                    italic=row.role == "note")
    if lay.v_center:
        for c in range(len(cols)):
            if c not in merged_into:
                cells[c].vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER


def _merge_group_column(grid, rows: list[Row], lay: Layout, header_rows: int, g: GeneratedCriteria,
                        extra: int) -> None:
    c = lay.columns.index("group")
    r = header_rows
    spans: list[tuple[int, int, int | None]] = []
    for row in rows:
        if extra and row is g.rows[lay.header_again_at]:
            r += len(lay.header)
        if row.role == "total":
            r += 1
            continue
        if spans and spans[-1][2] == row.group and spans[-1][1] == r - 1:
            spans[-1] = (spans[-1][0], r, row.group)
        else:
            spans.append((r, r, row.group))
        r += 1
    width = lay.widths_cm[c] - 0.4
    for start, end, gi in spans:
        cell = grid[start][c]
        if end > start:
            cell = cell.merge(grid[end][c])
        label = _group_cell_text(g, gi)
        _cell_lines(cell, label, lay, bold=True, align="center")
        # The group's name at the top of its first row, which is tall enough to hold it and never
        # cut: a page break inside the merged cell then leaves the name whole on one page ("Tổ" /
        # "chức phong trào thi đua" on two pages reads as two groups).
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
        lines = 1 + int(sum(len(text) for text in label) * lay.size * 0.62 / 28.35 / width)
        row = _Row(cell._tc.getparent(), None)
        _tr_flag(row, "w:cantSplit")
        _tr_flag(row, "w:trHeight", val=str(int(lines * lay.size * 1.25 * 20)), hRule="atLeast")


def _group_cell_text(g: GeneratedCriteria, gi: int | None) -> list[str]:
    return [] if gi is None else [g.group_labels[gi]]


def _cell_lines(cell, lines: list[str], lay: Layout, bold: bool = False, align: str = "left",
                italic_from: int | None = None, italic: bool = False) -> None:
    paragraphs = cell.paragraphs
    for i, text in enumerate(lines or [""]):
        p = paragraphs[0] if i == 0 else cell.add_paragraph()
        if align == "center":
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if text:
            run = p.add_run(text)
            if bold and (italic_from is None or i < italic_from):
                run.bold = True
            if italic or (italic_from is not None and i >= italic_from):
                run.italic = True


def _set_fonts(rpr, font: str) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), font)


def _fixed_widths(table, widths_cm: list[float]) -> None:
    tbl = table._tbl
    for col, width in zip(tbl.tblGrid.findall(qn("w:gridCol")), widths_cm, strict=True):
        col.set(qn("w:w"), str(int(width * 567)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm, strict=True):
            cell.width = Cm(width)


_TR_PR_ORDER = ["w:cnfStyle", "w:divId", "w:gridBefore", "w:gridAfter", "w:wBefore", "w:wAfter", "w:cantSplit",
                "w:trHeight", "w:tblHeader", "w:tblCellSpacing", "w:jc", "w:hidden"]


def _tr_flag(row, tag: str, **attrs: str) -> None:
    """A row property, once, in the order the schema gives them."""
    tr_pr = row._tr.get_or_add_trPr()
    if tr_pr.find(qn(tag)) is not None:
        return
    el = OxmlElement(tag)
    for name, value in attrs.items():
        el.set(qn(f"w:{name}"), value)
    rank = _TR_PR_ORDER.index(tag)
    later = next((child for child in tr_pr if child.tag in {qn(t) for t in _TR_PR_ORDER[rank + 1:]}), None)
    if later is not None:
        later.addprevious(el)
    else:
        tr_pr.append(el)


class _Numbering:
    """Word automatic numbering for the code column: one numbering instance per list."""

    FORMATS: ClassVar[dict[str, str]] = {"arabic": "decimal", "lower": "lowerLetter", "upper": "upperLetter"}

    def __init__(self, doc, g: GeneratedCriteria):
        self.doc = doc
        self.part = doc.part.numbering_part.element
        self.ids: dict[str, str] = {}

    def number(self, paragraph, key: tuple[str, int], written: str) -> None:
        list_key, _ = key
        style = "lower" if written[:1].isalpha() and written[:1].islower() else (
            "upper" if written[:1].isalpha() else "arabic")
        punct = written[-1] if written[-1] in ".)" else ""
        if list_key not in self.ids:
            start = _first_number(written)
            self.ids[list_key] = self._new(style, punct, start)
        ppr = paragraph._p.get_or_add_pPr()
        num_pr = OxmlElement("w:numPr")
        for tag, value in (("w:ilvl", "0"), ("w:numId", self.ids[list_key])):
            el = OxmlElement(tag)
            el.set(qn("w:val"), value)
            num_pr.append(el)
        ppr.insert(0, num_pr)

    def _new(self, style: str, punct: str, start: int) -> str:
        fmt = self.FORMATS[style]
        abstract_id = str(500 + len(self.part.findall(qn("w:abstractNum"))))
        abstract = OxmlElement("w:abstractNum")
        abstract.set(qn("w:abstractNumId"), abstract_id)
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), "0")
        for tag, value in (("w:start", str(start)), ("w:numFmt", fmt), ("w:lvlText", f"%1{punct}"),
                           ("w:lvlJc", "left")):
            el = OxmlElement(tag)
            el.set(qn("w:val"), value)
            lvl.append(el)
        ppr = OxmlElement("w:pPr")
        ind = OxmlElement("w:ind")
        ind.set(qn("w:left"), "0")
        ind.set(qn("w:firstLine"), "0")
        ppr.append(ind)
        lvl.append(ppr)
        abstract.append(lvl)
        first_num = self.part.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            self.part.append(abstract)
        num_id = str(500 + len(self.part.findall(qn("w:num"))))
        num = OxmlElement("w:num")
        num.set(qn("w:numId"), num_id)
        ref = OxmlElement("w:abstractNumId")
        ref.set(qn("w:val"), abstract_id)
        num.append(ref)
        self.part.append(num)
        return num_id


def _first_number(written: str) -> int:
    code = strip_code(written)
    if code.isdigit():
        return int(code)
    return LATIN_LOWER.index(code.lower()) + 1


class _FixedTimeZip:
    """python-docx's zip writer, with every member dated FIXED_TIME (same seed, same bytes)."""

    def __init__(self, pkg_file):
        self._zip = zipfile.ZipFile(pkg_file, "w", compression=zipfile.ZIP_DEFLATED)

    def write(self, pack_uri, blob: bytes) -> None:
        info = zipfile.ZipInfo(pack_uri.membername, date_time=FIXED_TIME.timetuple()[:6])
        info.compress_type = zipfile.ZIP_DEFLATED
        self._zip.writestr(info, blob)

    def close(self) -> None:
        self._zip.close()


def _save(doc, path: Path) -> None:
    from docx.opc import pkgwriter

    original = pkgwriter.PhysPkgWriter
    pkgwriter.PhysPkgWriter = _FixedTimeZip
    try:
        doc.save(str(path))
    finally:
        pkgwriter.PhysPkgWriter = original


# --- other formats --------------------------------------------------------------------------


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(files: list[Path], fmt: str, outdir: Path, program: str | None = None,
            profile: Path | None = None, timeout: float = 1800) -> list[Path]:
    """Convert many .docx with one LibreOffice run (a private profile): fmt 'pdf', 'doc', 'odt'."""
    return wait_conversion(start_conversion(files, fmt, outdir, program, profile), timeout)


@dataclass
class Conversion:
    process: subprocess.Popen
    results: list[Path]
    profile_dir: tempfile.TemporaryDirectory | None
    sources: list[Path]
    fmt: str
    program: str


def start_conversion(files: list[Path], fmt: str, outdir: Path, program: str | None = None,
                     profile: Path | None = None) -> Conversion:
    """Start a LibreOffice batch conversion in the background (read the documents meanwhile)."""
    program = program or soffice()
    if program is None:
        raise RuntimeError("LibreOffice (soffice) is needed to convert the generated documents")
    outdir.mkdir(parents=True, exist_ok=True)
    holder = None
    if profile is None:
        holder = tempfile.TemporaryDirectory(prefix="tdkt-gen-lo-")
        profile = Path(holder.name)
    target = {"pdf": "pdf", "doc": "doc:MS Word 97", "odt": "odt"}[fmt]
    process = subprocess.Popen(
        [program, "--headless", "--norestore", f"-env:UserInstallation={profile.as_uri()}", "--convert-to", target,
         "--outdir", str(outdir), *map(str, files)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return Conversion(process, [outdir / f"{f.stem}.{fmt}" for f in files], holder, list(files), fmt, program)


def wait_conversion(conversion: Conversion, timeout: float = 1800, retries: int = 2) -> list[Path]:
    """Wait for a batch; files a long batch left out (LibreOffice now and then stops halfway
    through hundreds of files) are converted again in a fresh run, up to ``retries`` times."""
    try:
        _, err = conversion.process.communicate(timeout=timeout)
    finally:
        if conversion.profile_dir is not None:
            conversion.profile_dir.cleanup()
    missing = [(src, out) for src, out in zip(conversion.sources, conversion.results, strict=True)
               if not out.exists()]
    if missing and retries > 0:
        again = start_conversion([src for src, _ in missing], conversion.fmt, missing[0][1].parent,
                                 conversion.program)
        wait_conversion(again, timeout, retries - 1)
    elif missing:
        raise RuntimeError(f"LibreOffice made no .{conversion.fmt} for {len(missing)} files "
                           f"(first {missing[0][0].name}): {err.decode(errors='replace')[-500:]}")
    return conversion.results


def scan_pdf(src: Path, dst: Path, seed: int, dpi: int = 200, sideways: int | None = None) -> Path:
    """A scanner's copy of a text PDF: grey page images, a small skew, paper tone and grain,
    saved as JPEG pages with no text layer. Page index ``sideways`` (if any) is fed in turned a
    quarter turn (rotated 90° counter-clockwise, the page image landscape)."""
    import numpy as np
    import pypdfium2 as pdfium
    from PIL import Image

    rng = random.Random(f"scan-{seed}")
    pdf = pdfium.PdfDocument(str(src))
    images = []
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
            page.close()
            if index == sideways:
                image = image.transpose(Image.Transpose.ROTATE_90)
            image = image.rotate(rng.uniform(-0.7, 0.7), resample=Image.Resampling.BICUBIC, fillcolor=255)
            np_rng = np.random.default_rng(rng.randrange(2**32))
            pixels = np.asarray(image, dtype=np.float32) * 0.95 + 8
            pixels += np_rng.normal(0, 5, pixels.shape)
            pixels[np_rng.random(pixels.shape) < 0.0003] = 70
            images.append(Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8)))
    finally:
        pdf.close()
    fixed = FIXED_TIME.timetuple()
    images[0].save(dst, "PDF", save_all=True, append_images=images[1:], resolution=dpi, quality=80,
                   creationDate=fixed, modDate=fixed)
    return dst
