"""The nomination principles a criteria document states, read into the cluster's award rules.

Clusters write their principles in words ("Đơn vị xếp thứ nhất … đề nghị Chính phủ tặng Cờ thi
đua của Chính phủ", "Các đơn vị còn lại đạt từ 80 điểm trở lên … (tiêu chí 5.1) … Bằng khen",
"Trường hợp bằng điểm nhau … bỏ phiếu kín"). Each clause tdkt understands becomes part of the
rules; how (pipeline/config/award_rules.py):

  ranks       the awards named for ranks, in rank order, each with a quota of the ranks it is
              named for ("thứ nhất" → 1, "02 đơn vị dẫn đầu" → 2); the ranks must follow on from
              1 with no gap ("thứ hai" needs "thứ nhất"); "các đơn vị còn lại" or no rank: no quota
  score line  min_score: points or a share of the standard scale, on the total unless the text
              leaves the bonus out ("không tính điểm thưởng", "điểm chuẩn đạt từ …"): of: standard
  exclusion   "không có … bị kỷ luật (tiêu chí 5.1)": exclude_deducted ["5.1"]; without a code,
              exclude_discipline
  ties        ties: the steps in the order written, the vote always last
  the rest    from ``base`` (legal bases, vote shares, requires, officer award, leadership)

A clause with something tdkt cannot turn into a rule is listed in ``not_understood`` with why,
never half-applied; so are clauses that contradict one another, and ranks with a gap.
"""

from __future__ import annotations

import re
import textwrap
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

import yaml
from pydantic import BaseModel, Field

from pipeline.config.award_rules import AwardKind, AwardRule, AwardRules, ScoreLine, TieStep, check_rules_for_rubric
from pipeline.config.rubric import Rubric
from pipeline.core.model import Block, Provenance
from pipeline.core.textnorm import fold
from pipeline.criteria.principle_clauses import Clause, Scope, read_sentence
from pipeline.criteria.principle_text import award_kind, principle_sentences

_TIE_WORDS = {
    TieStep.FEWER_DEDUCTIONS: "ưu tiên đơn vị có ít điểm trừ hơn",
    TieStep.WOMEN: "ưu tiên tập thể có tỷ lệ nữ từ {share}% trở lên",
    TieStep.VOTE: "Cụm biểu quyết (bỏ phiếu)",
}


class Understood(BaseModel):
    """A sentence (or clause) of the principles and the rule it became."""

    sentence: str = Field(description="As written (NFC)")
    provenance: Provenance
    became: str = Field(description="What it became, in Vietnamese, with the rules keys")


class NotUnderstood(BaseModel):
    """A sentence that looks like a principle but became no rule, and why."""

    sentence: str
    provenance: Provenance
    why: str


class PrinciplesReading(BaseModel):
    rules: AwardRules | None = Field(description="None when the document states no principle tdkt understood")
    understood: list[Understood] = Field(default_factory=list)
    not_understood: list[NotUnderstood] = Field(default_factory=list)
    problems: list[str] = Field(default_factory=list, description="What the rules ask of the rubric that it lacks")

    @property
    def complete(self) -> bool:
        """Every sentence that looks like a principle became a rule."""
        return not self.not_understood

    def summary(self) -> list[str]:
        """Lines to print: what tdkt understood and what it did not (Vietnamese)."""
        lines = [f"Nguyên tắc xét khen thưởng trong văn bản: tdkt hiểu {len(self.understood)} câu, "
                 f"chưa hiểu {len(self.not_understood)} câu."]
        lines += [f"  ✓ “{u.sentence}” → {u.became}" for u in self.understood]
        lines += [f"  ✗ “{n.sentence}” ({_where(n.provenance)}): {n.why}" for n in self.not_understood]
        lines += [f"  ! {p}" for p in self.problems]
        return lines


@dataclass
class _Draft:
    """An award as the principles state it, with the clauses that state it."""

    name: str
    clauses: list[Clause] = field(default_factory=list)
    positions: list[int] | None = None
    rest: bool = False
    line: ScoreLine | None = None
    excluded: list[str] = field(default_factory=list)
    discipline: bool = False
    quota: int | None = None
    conflict: str | None = None  # why its clauses contradict each other


def read_principles(blocks: list[Block], rubric: Rubric, base: AwardRules) -> PrinciplesReading:
    """The award rules the document's principles state, starting from ``base``."""
    clauses = [c for s in principle_sentences(blocks) for c in read_sentence(s, rubric)]
    rejected: list[tuple[Clause, str]] = [(c, c.problem) for c in clauses if c.problem]
    drafts, general, ties = _collect(clauses, rejected)
    ranked = _rank(drafts, rejected)
    refused = {id(c) for c, _ in rejected}
    accepted = [c for c in clauses if id(c) not in refused]
    rules = _rules(ranked, general, ties, base) if accepted else None
    order = {id(c): i for i, c in enumerate(clauses)}
    return PrinciplesReading(
        rules=rules,
        understood=[Understood(sentence=c.text, provenance=c.provenance, became=_became(c, rubric, base))
                    for c in accepted],
        not_understood=[NotUnderstood(sentence=c.text, provenance=c.provenance, why=why)
                        for c, why in sorted(rejected, key=lambda r: order[id(r[0])])],
        problems=check_rules_for_rubric(rules, rubric) if rules else [],
    )


def _collect(clauses: list[Clause], rejected: list[tuple[Clause, str]]
             ) -> tuple[dict[str, _Draft], list[Clause], Clause | None]:
    """Awards (each with its clauses), conditions for every award, and the tie clause. A clause
    of conditions alone continues the award named by the clause just before it, if understood."""
    drafts: dict[str, _Draft] = {}
    general: list[Clause] = []
    ties: list[Clause] = []
    last: _Draft | None = None
    for clause in clauses:
        why = None
        if clause.problem:
            last = None
            continue
        if clause.scope is Scope.AWARD:
            last = drafts.setdefault(clause.award, _Draft(clause.award))
            why = _merge(last, clause)
        elif clause.scope is Scope.CONTINUATION:
            why = _merge(last, clause) if last else "điều kiện không rõ áp dụng cho hình thức khen thưởng nào"
        elif clause.scope is Scope.GENERAL:
            general.append(clause)
        else:
            ties.append(clause)
        if why:
            rejected.append((clause, why))
        if clause.scope is not Scope.AWARD and clause.scope is not Scope.CONTINUATION:
            last = None
    general = _agreeing(general, lambda c: c.line, "các câu nêu những mức điểm chung khác nhau", rejected)
    ties = _agreeing(ties, lambda c: (c.ties, c.women_share), "các câu nêu những cách xử lý bằng điểm khác nhau",
                     rejected)
    return drafts, general, ties[0] if ties else None


def _agreeing(clauses: list[Clause], what: Callable[[Clause], object], why: str,
              rejected: list[tuple[Clause, str]]) -> list[Clause]:
    """The clauses, or, when they say different things (``what``), none: all are refused."""
    said = {repr(what(c)) for c in clauses if what(c) is not None}
    if len(said) <= 1:
        return clauses
    refused = [c for c in clauses if what(c) is not None]
    rejected += [(c, why) for c in refused]
    return [c for c in clauses if c not in refused]


def _merge(draft: _Draft, clause: Clause) -> str | None:
    """Add what a clause says to an award. Clauses that contradict each other (two ranks, two
    lines for one award) are all refused: tdkt cannot tell which one the cluster meant."""
    conflict = None
    ranks_differ = clause.positions is not None and draft.positions not in (None, clause.positions)
    if draft.conflict or ranks_differ or (clause.rest and draft.positions) or (clause.positions and draft.rest):
        conflict = f"các câu nêu {draft.name} cho những thứ hạng khác nhau"
    elif clause.line is not None and draft.line not in (None, clause.line):
        conflict = f"các câu nêu những mức điểm khác nhau cho {draft.name}"
    if conflict:
        draft.conflict = draft.conflict or conflict
        draft.clauses.append(clause)
        return draft.conflict
    if clause.positions is not None:
        draft.positions = clause.positions
    draft.rest = draft.rest or clause.rest
    draft.line = clause.line or draft.line
    draft.excluded += [c for c in clause.excluded if c not in draft.excluded]
    draft.discipline = draft.discipline or clause.discipline
    draft.clauses.append(clause)
    return None


def _rank(drafts: dict[str, _Draft], rejected: list[tuple[Clause, str]]) -> list[_Draft]:
    """Awards in priority order: those named for ranks, by rank (the ranks must follow on from
    1), then the others as written. An award whose ranks leave a gap is refused."""
    for draft in [d for d in drafts.values() if d.conflict]:
        rejected += [(c, draft.conflict) for c in draft.clauses if all(c is not r for r, _ in rejected)]
    drafts = {name: d for name, d in drafts.items() if not d.conflict}
    ranked = sorted((d for d in drafts.values() if d.positions), key=lambda d: d.positions[0])
    out, following = [], 1
    for draft in ranked:
        expected = list(range(following, following + len(draft.positions)))
        if draft.positions != expected:
            place = ", ".join(str(p) for p in draft.positions)
            why = (f"thứ hạng {place} của {draft.name} không nối tiếp các thứ hạng trước "
                   f"(cần bắt đầu từ thứ {following})")
            rejected += [(c, why) for c in draft.clauses]
            continue
        draft.quota = len(draft.positions)
        following += len(draft.positions)
        out.append(draft)
    return out + [d for d in drafts.values() if not d.positions]


def _rules(drafts: list[_Draft], general: list[Clause], ties: Clause | None, base: AwardRules) -> AwardRules:
    awards = [_award_rule(d, base) for d in drafts] or [a.model_copy(deep=True) for a in base.awards]
    ids = {a.id for a in awards}
    for award in awards:
        award.requires = [r for r in award.requires if r in ids]
    for clause in general:
        for award in awards:
            if clause.line is not None and award.line is None:
                award.min_score = clause.line
            award.exclude_deducted += [c for c in clause.excluded if c not in award.exclude_deducted]
            award.exclude_discipline = award.exclude_discipline or clause.discipline
    update: dict = {"awards": awards}
    if any(d.positions for d in drafts):
        update["one_award_per_unit"] = True  # ranks are read as quotas of awards given one per unit
    if ties is not None:
        update["ties"] = ties.ties
        if ties.women_share is not None:
            update["women_share"] = ties.women_share
    return AwardRules.model_validate({**base.model_dump(), **{k: _dump(v) for k, v in update.items()}})


def _dump(value: object) -> object:
    if isinstance(value, list):
        return [v.model_dump() if isinstance(v, BaseModel) else v for v in value]
    return value


def _award_rule(draft: _Draft, base: AwardRules) -> AwardRule:
    known = next((a for a in base.awards if fold(a.name) == fold(draft.name)), None)
    if known is not None:
        rule = known.model_copy(deep=True)
    else:
        is_title = award_kind(draft.name) == "danh hiệu"
        rule = AwardRule(id=_slug(draft.name), name=draft.name, kind=AwardKind.TITLE if is_title else AwardKind.FORM,
                         vote_share=0.8 if draft.name.startswith("Cờ thi đua") else None)  # Decree 98/2023
    rule.quota = draft.quota
    rule.min_score = draft.line
    rule.min_standard_share = None
    rule.exclude_deducted = list(draft.excluded)
    rule.exclude_discipline = rule.exclude_discipline or draft.discipline
    return rule


def _slug(name: str) -> str:
    plain = unicodedata.normalize("NFD", fold(name).replace("đ", "d"))
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "_", plain).strip("_")


# --- what each clause became ---------------------------------------------------------------


def _became(clause: Clause, rubric: Rubric, base: AwardRules) -> str:
    if clause.scope is Scope.TIE:
        share = round((clause.women_share or base.women_share) * 100)
        steps = ", sau đó ".join(_TIE_WORDS[s].format(share=share) for s in clause.ties)
        keys = ", ".join(s.value for s in clause.ties)
        notes = "".join(f"; {note}" for note in clause.notes)
        return f"Đơn vị bằng điểm nhau ở ranh giới số lượng: {steps} (ties: [{keys}]){notes}"
    parts = _conditions(clause, rubric)
    if clause.scope is Scope.GENERAL:
        return ("Điều kiện chung cho mọi hình thức khen thưởng (hình thức đã có mức điểm riêng giữ mức riêng): "
                + "; ".join(parts))
    if clause.scope is Scope.CONTINUATION:
        return "Điều kiện của hình thức nêu ở câu trước: " + "; ".join(parts)
    if clause.line is None and not clause.positions:
        parts.append("câu này không nêu mức điểm tối thiểu")
    return f"{clause.award}: " + "; ".join([_who(clause), *parts])


def _who(clause: Clause) -> str:
    if clause.positions:
        places = " và ".join(f"thứ {p}" for p in clause.positions)
        return f"{len(clause.positions):02d} đơn vị xếp {places} (quota: {len(clause.positions)})"
    if clause.rest:
        return "các đơn vị còn lại, không giới hạn số lượng"
    return "không giới hạn số lượng"


def _conditions(clause: Clause, rubric: Rubric) -> list[str]:
    parts = []
    if clause.line is not None:
        line = clause.line
        value = f"share: {line.share:g}" if line.share is not None else f"points: {line.points:g}"
        parts.append(f"{line.describe(rubric.scale)} (min_score: {{{value}, of: {line.of.value}}})")
    if clause.excluded:
        codes = ", ".join(clause.excluded)
        parts.append(f"loại đơn vị có điểm trừ ở tiêu chí {codes} (exclude_deducted: [{codes}])")
    if clause.discipline:
        parts.append("loại đơn vị có cán bộ, viên chức bị kỷ luật (exclude_discipline: true)")
    parts += [f"điều kiện “{a}” do Cụm xem xét khi bình xét, tdkt không tự kiểm tra" for a in clause.assessed]
    parts += clause.notes
    return parts


# --- the rules file ------------------------------------------------------------------------


def principles_yaml(reading: PrinciplesReading, source: str) -> str:
    """The rules as YAML (loadable by load_rules) under a Vietnamese header: the source, each
    sentence understood and what it became, the sentences not understood. Raises ValueError
    when the reading has no rules (the document states no principle tdkt understood)."""
    if reading.rules is None:
        raise ValueError(f"{source}: văn bản không nêu nguyên tắc xét khen thưởng nào tdkt hiểu được")
    return _header(reading, source) + yaml.safe_dump(
        _rules_data(reading.rules), allow_unicode=True, sort_keys=False, width=110)


def _header(reading: PrinciplesReading, source: str) -> str:
    lines = [
        f"Quy tắc khen thưởng tdkt đọc từ nguyên tắc xét khen thưởng trong văn bản: {source}",
        "Cán bộ rà soát trước khi dùng. Các mục văn bản không nói đến (căn cứ pháp lý, tỷ lệ biểu quyết, điều kiện "
        "requires, khen thưởng cá nhân, Cụm trưởng năm sau) giữ theo quy tắc mặc định của tdkt.",
        "",
        "Các câu tdkt đã hiểu:",
    ]
    out = [_comment(line) for line in lines]
    for u in reading.understood or []:
        out.append(_comment(f"- “{u.sentence}” ({_where(u.provenance)})", indent="  "))
        out.append(_comment(f"→ {u.became}", indent="    "))
    if not reading.understood:
        out.append(_comment("(không có)", indent="  "))
    if reading.not_understood:
        out.append("#")
        out.append(_comment("Các câu tdkt CHƯA HIỂU (không thành quy tắc; cán bộ tự ghi vào tệp này nếu cần):"))
        for n in reading.not_understood:
            out.append(_comment(f"- “{n.sentence}” ({_where(n.provenance)})", indent="  "))
            out.append(_comment(f"→ {n.why}", indent="    "))
    if reading.problems:
        out.append("#")
        out.append(_comment("Cần kiểm tra với bảng tiêu chí:"))
        out += [_comment(f"- {p}", indent="  ") for p in reading.problems]
    return "\n".join(out) + "\n"


def _comment(text: str, indent: str = "") -> str:
    if not text:
        return "#"
    wrapped = textwrap.wrap(text, width=108 - len(indent), subsequent_indent="  ", break_long_words=False)
    return "\n".join(f"# {indent}{line}" for line in wrapped)


def _where(provenance: Provenance) -> str:
    where = provenance.describe()
    return f"{provenance.file}, {where}" if where else provenance.file


def _rules_data(rules: AwardRules) -> dict:
    """The rules as plain data, each award without the keys left at their defaults."""
    defaults = AwardRule(id="x", name="x", kind=AwardKind.FORM).model_dump(mode="json")
    data = rules.model_dump(mode="json")
    awards = []
    for award in data["awards"]:
        kept = {k: v for k, v in award.items() if k in ("id", "name", "kind") or v != defaults[k]}
        if kept.get("min_score"):
            kept["min_score"] = {k: v for k, v in kept["min_score"].items() if v is not None}
        awards.append(kept)
    data["awards"] = awards
    if data.get("officer_award") is None:
        data.pop("officer_award", None)
    for basis in data.get("legal_bases", []):
        for key in [k for k, v in basis.items() if v is None]:
            basis.pop(key)
    return data
