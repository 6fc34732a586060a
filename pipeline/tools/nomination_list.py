"""The nomination list as reviewers left it in Word, read back as the cluster's decision.

After the conference the reviewers' list is the truth: an award changed, a score or rank
corrected, a unit added or dropped. ``read_nomination_list`` reads its tables by their header
names (columns may have been moved or added), ``apply_list`` turns tdkt's result into the decided
one, and ``compare`` says in plain words what differs from tdkt's proposal.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.table import Table

from pipeline.config.award_rules import AwardKind, AwardRule, OfficerAward
from pipeline.core.textnorm import fold, nfc, parse_number
from pipeline.core.textnorm import format_number as fmt
from pipeline.nomination.nominate import (
    CHECK_MARK,
    VOTE_MARK,
    Nomination,
    OfficerNomination,
    Status,
    proposal_phrase,
    tie_reason,
    unit_reason,
)
from pipeline.results.explain import UnitNotFound, find_unit
from pipeline.results.outcome import ClusterResult
from pipeline.scoring.score import UnitScore
from pipeline.understanding.rules import header_roles
from pipeline.understanding.table_columns import Roles, assign_roles

NO_AWARD = {"", "không đề nghị", "không", "-", "—", "x"}


@dataclass
class ListedUnit:
    """One row of the collective table, as written (row is the table row, 1 = first data row)."""

    row: int
    name: str
    member_id: str | None
    total: float | None
    rank: int | None
    award: str | None
    tie_vote: bool
    reason: str
    note: str
    check: bool = False  # still marked as waiting for the unit's score table to be checked
    table_row: int = 0  # index of the row in the Word table (0 = header), where finalize writes a new reason


@dataclass
class ListedOfficer:
    row: int
    name: str
    position: str
    award: str | None
    note: str


@dataclass
class EditedList:
    path: Path
    units: list[ListedUnit]
    officers: list[ListedOfficer] | None  # None: the list has no individual part
    problems: list[str] = field(default_factory=list)
    table: int = 0  # index of the collective table among the document's tables
    reason_column: int | None = None


# Column roles by header words (rules/table_headers.yaml), shared with the other table readers.
# "Chức vụ, đơn vị công tác" is a position, so it is looked for before "Đơn vị".
_UNIT_COLUMNS = header_roles("person", "position", "unit", "total", "rank", "award", "reason", "note")
_OFFICER_COLUMNS = header_roles("person", "position", "award", "note", "unit")


def read_nomination_list(path: Path, result: ClusterResult) -> EditedList:
    """The collective and individual tables of a nomination list edited in Word."""
    document = docx.Document(str(path))
    units_table = officers_table = None
    edited = EditedList(path=path, units=[], officers=None)
    for index, table in enumerate(document.tables):
        header = _header(table)
        if units_table is None and (cols := _columns(header, _UNIT_COLUMNS, required=("unit", "award"))):
            units_table, edited.table, edited.reason_column = table, index, cols.get("reason")
        elif officers_table is None and _columns(header, _OFFICER_COLUMNS, required=("person", "award")):
            officers_table = table
    if units_table is None:
        raise ValueError(f"{path.name}: không thấy bảng danh sách tập thể (cột “Đơn vị” và “Hình thức, danh hiệu "
                         "đề nghị”)")
    edited.units = _units(units_table, result, edited.problems, path.name)
    if officers_table is not None:
        edited.officers = _officers(officers_table)
    return edited


def _plain(text: str) -> str:
    """A cell's text as compared: NFC, whitespace (line breaks Word puts in cells) collapsed."""
    return nfc(" ".join(text.split()))


def _header(table: Table) -> list[str]:
    return [" ".join(re.sub(r"[^\w\s]|_", " ", fold(_plain(c.text))).split()) for c in table.rows[0].cells] \
        if table.rows else []


def _columns(header: list[str], roles: Roles, required: tuple[str, ...]) -> dict[str, int] | None:
    found = assign_roles(header, roles)
    return found if all(k in found for k in required) else None


def _cells(table: Table) -> list[tuple[int, list[str]]]:
    """(index in the table, the cells' text) of each row below the header that has any text."""
    rows = []
    for index, row in enumerate(table.rows[1:], start=1):
        cells = [_plain(c.text) for c in row.cells]
        if any(cells):
            rows.append((index, cells))
    return rows


def _reader(cols: dict[str, int], cells: list[str]) -> Callable[[str], str]:
    """A row's cell by column key; '' for a column the table does not have."""
    return lambda key: cells[cols[key]] if key in cols and cols[key] < len(cells) else ""


def _units(table: Table, result: ClusterResult, problems: list[str], file: str) -> list[ListedUnit]:
    cols = _columns(_header(table), _UNIT_COLUMNS, required=("unit", "award"))
    assert cols is not None
    units = []
    for n, (table_row, cells) in enumerate(_cells(table), start=1):
        cell = _reader(cols, cells)
        name = cell("unit")
        if not name or fold(name).startswith("tổng"):
            continue
        try:
            member_id = find_unit(result, name).member_id
        except UnitNotFound:
            member_id = None
            problems.append(f"{file}, dòng {n}: không nhận ra đơn vị “{name}” trong Cụm; giữ nguyên như đã ghi")
        award_text = cell("award")
        tie_vote, check = VOTE_MARK in award_text, CHECK_MARK in award_text
        award_text = award_text.replace(VOTE_MARK, "").replace(CHECK_MARK, "").strip()
        rank_text = re.sub(r"[^\d]", "", cell("rank"))
        units.append(ListedUnit(
            row=n, name=name, member_id=member_id, total=parse_number(cell("total")),
            rank=int(rank_text) if rank_text else None,
            award=None if fold(award_text) in NO_AWARD else award_text, tie_vote=tie_vote, check=check,
            reason=cell("reason"), note=cell("note"), table_row=table_row,
        ))
    return units


def _officers(table: Table) -> list[ListedOfficer]:
    cols = _columns(_header(table), _OFFICER_COLUMNS, required=("person", "award"))
    assert cols is not None
    officers = []
    for n, (_, cells) in enumerate(_cells(table), start=1):
        cell = _reader(cols, cells)
        if not cell("person") or fold(cell("person")).startswith("tổng"):
            continue
        award = cell("award")
        officers.append(ListedOfficer(row=n, name=cell("person"), position=cell("position"),
                                      award=None if fold(award) in NO_AWARD else award, note=cell("note")))
    return officers


def apply_list(result: ClusterResult, edited: EditedList) -> ClusterResult:
    """tdkt's result with the list's decisions: awards, scores, ranks and reasons as the reviewers set them."""
    final = result.model_copy(deep=True)
    by_id = {u.member_id: u for u in final.board.units}
    proposed = {n.member_id: n for n in result.nominations.nominations}
    nominations = []
    for row in edited.units:
        unit = by_id.get(row.member_id) if row.member_id else None
        if unit is not None:
            if row.total is not None and abs(row.total - unit.total) > 0.005:
                unit.proposed_total, unit.total = unit.total, row.total
            if row.rank is not None:
                unit.rank = row.rank
        nominations.append(_nomination(final, row, unit))
    for nomination, row in zip(nominations, edited.units, strict=True):
        ours = proposed.get(row.member_id or "")
        moved = ours is not None and (abs(nomination.total - ours.total) > 0.005 or nomination.rank != ours.rank
                                      or nomination.status is not ours.status)
        if moved and row.reason == _plain(ours.reason):  # tdkt's words, not the reviewers'
            nomination.reason = _reason_again(final, nomination, by_id.get(nomination.member_id), ours)
    listed = {row.member_id for row in edited.units}
    final.board.units.sort(key=lambda u: (u.member_id not in listed, u.rank or 999, -u.total))
    _ties_again(final)
    final.nominations.nominations = nominations
    if edited.officers is not None:
        final.nominations.officers = _officer_nominations(final, edited.officers)
    return final


def _ties_again(final: ClusterResult) -> None:
    """Equal totals as the list leaves them: a corrected score ends a tie or makes one."""
    units = final.board.units
    for unit in units:
        unit.tied_with = [u.member_id for u in units if u is not unit and abs(u.total - unit.total) <= 0.005]
    groups = {tuple(sorted([u.member_id, *u.tied_with])) for u in units if u.tied_with}
    final.board.ties = [list(g) for g in sorted(groups)]


def _reason_again(final: ClusterResult, nomination: Nomination, unit: UnitScore | None, ours: Nomination) -> str:
    """tdkt's reason, written again when the list changed what it quotes (the award, the score, the
    rank); the reviewers' own reason is never touched."""
    if nomination.status is Status.NONE:
        return "Hội nghị Cụm bình xét, không đề nghị khen thưởng" if ours.award else ours.reason
    if unit is None:
        return ours.reason
    if nomination.status is Status.TIE_VOTE:
        return tie_reason(unit)
    return unit_reason(unit, len(final.board.units), final.board.scale, final.year)


def _nomination(result: ClusterResult, row: ListedUnit, unit: UnitScore | None) -> Nomination:
    rule = _award_rule(result, row.award)
    if row.award is None:
        status, proposal = Status.NONE, ""
    else:
        status = Status.TIE_VOTE if row.tie_vote else Status.CHECK if row.check else Status.PROPOSED
        proposal = proposal_phrase(rule) if rule else f"Đề nghị tặng {row.award}"
    return Nomination(
        member_id=row.member_id or "", name=unit.name if unit is not None else row.name,
        total=row.total if row.total is not None else (unit.total if unit is not None else 0.0),
        rank=row.rank if row.rank is not None else ((unit.rank or 0) if unit is not None else 0),
        award_id=rule.id if rule else None, award=rule.name if rule else row.award, proposal=proposal,
        status=status, reason=row.reason, note=row.note,
    )


def _award_rule(result: ClusterResult, written: str | None) -> AwardRule | None:
    if not written:
        return None
    wanted = fold(written.strip("“”\" "))
    for prefix in ("danh hiệu ", "đề nghị tặng "):
        wanted = wanted.removeprefix(prefix)
    return next((a for a in result.rules.awards if fold(a.name) == wanted), None)


def _officer_nominations(result: ClusterResult, listed: list[ListedOfficer]) -> list[OfficerNomination]:
    known = {fold(o.name): o for o in result.nominations.officers}
    award_rule = result.rules.officer_award
    out = []
    for row in listed:
        if row.award is None:
            continue
        base = known.get(fold(row.name))
        kind = award_rule.kind if award_rule and fold(award_rule.name) == fold(row.award) else AwardKind.FORM
        proposal = proposal_phrase(OfficerAward(name=row.award, kind=kind))
        if base is not None:
            out.append(base.model_copy(update={"award": row.award, "proposal": proposal}))
        else:
            out.append(OfficerNomination(member_id="", unit="", name=row.name, position=row.position,
                                         award=row.award, proposal=proposal, reason=row.note, source=None))
    return out


def compare(proposed: ClusterResult, edited: EditedList) -> list[str]:
    """What the reviewers' list changed against tdkt's proposal, one plain sentence per change."""
    lines: list[str] = []
    ours = {n.member_id: n for n in proposed.nominations.nominations}
    seen = set()
    for row in edited.units:
        n = ours.get(row.member_id) if row.member_id else None
        if n is None:
            lines.append(f"Thêm vào danh sách: {row.name} — {_award_words(row.award, row.tie_vote)}.")
            continue
        seen.add(n.member_id)
        mine = _award_words(n.award if n.status is not Status.NONE or n.award else None, n.status is Status.TIE_VOTE,
                            n.status is Status.CHECK)
        theirs = _award_words(row.award, row.tie_vote, row.check)
        if fold(mine) != fold(theirs):
            lines.append(f"{n.name}: hình thức đề nghị đổi từ “{mine}” thành “{theirs}”.")
        if row.total is not None and abs(row.total - n.total) > 0.005:
            lines.append(f"{n.name}: tổng điểm sửa từ {fmt(n.total)} thành {fmt(row.total)}.")
        if row.rank is not None and row.rank != n.rank:
            lines.append(f"{n.name}: xếp hạng sửa từ {n.rank} thành {row.rank}.")
        if row.reason != _plain(n.reason):
            lines.append(f"{n.name}: lý do sửa thành “{row.reason}”.")
        if row.note != _plain(n.note):
            lines.append(f"{n.name}: ghi chú sửa thành “{row.note}”." if row.note else f"{n.name}: bỏ ghi chú.")
        if row.tie_vote:
            lines.append(f"{n.name}: vẫn ghi “{VOTE_MARK}” — Cụm chưa quyết định; cần ghi kết quả biểu quyết.")
        if row.check:
            lines.append(f"{n.name}: vẫn ghi “{CHECK_MARK}” — cần đối chiếu bảng điểm với bản gốc rồi ghi hình thức "
                         "đề nghị.")
    for n in proposed.nominations.nominations:
        if n.member_id not in seen:
            lines.append(f"Bỏ khỏi danh sách: {n.name} (tdkt đề xuất: {_award_words(n.award, False)}).")
    if edited.officers is not None:
        lines += _compare_officers(proposed, edited.officers)
    return lines


def inconsistencies(edited: EditedList) -> list[str]:
    """Ranks that contradict the totals written beside them (a score corrected, the rank not)."""
    rows = [r for r in edited.units if r.total is not None and r.rank is not None]
    problems = []
    for a in rows:
        for b in rows:
            if a.total > b.total + 0.005 and a.rank > b.rank:
                problems.append(f"{edited.path.name}: {a.name} có {fmt(a.total)} điểm nhưng xếp thứ {a.rank}, sau "
                                f"{b.name} ({fmt(b.total)} điểm, thứ {b.rank}); cần xem lại cột xếp hạng.")
            elif abs(a.total - b.total) <= 0.005 and a.rank != b.rank and a.row < b.row:
                problems.append(f"{edited.path.name}: {a.name} và {b.name} cùng {fmt(a.total)} điểm nhưng xếp hạng "
                                f"khác nhau ({a.rank} và {b.rank}); nếu Cụm đã biểu quyết thì ghi rõ ở cột Ghi chú.")
            elif a.total > b.total + 0.005 and a.rank == b.rank:
                problems.append(f"{edited.path.name}: {a.name} ({fmt(a.total)} điểm) và {b.name} ({fmt(b.total)} "
                                f"điểm) cùng xếp thứ {a.rank}; cần xem lại cột xếp hạng.")
    return problems


def _award_words(award: str | None, tie_vote: bool, check: bool = False) -> str:
    if not award:
        return "Không đề nghị"
    return f"{award} {VOTE_MARK}" if tie_vote else f"{award} {CHECK_MARK}" if check else award


def _compare_officers(proposed: ClusterResult, listed: list[ListedOfficer]) -> list[str]:
    lines = []
    ours = {fold(o.name): o for o in proposed.nominations.officers}
    theirs = {fold(o.name): o for o in listed}
    for key, o in theirs.items():
        mine = ours.get(key)
        if mine is None:
            lines.append(f"Thêm cá nhân: {o.name} ({o.position}) — {o.award or 'Không đề nghị'}.")
        elif fold(o.award or "") != fold(mine.award):
            theirs_award = o.award or "Không đề nghị"
            lines.append(f"Cá nhân {o.name}: hình thức đề nghị đổi từ “{mine.award}” thành “{theirs_award}”.")
    for key, o in ours.items():
        if key not in theirs:
            lines.append(f"Bỏ cá nhân khỏi danh sách: {o.name} ({o.unit}).")
    return lines
