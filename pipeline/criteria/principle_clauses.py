"""What each sentence of the nomination principles says, clause by clause.

A sentence is read as clauses: one per award it names ("Đơn vị xếp thứ nhất … Cờ thi đua của
Chính phủ; đơn vị xếp thứ hai … Cờ thi đua của UBND Thành phố" is two), or one tie clause, or
one clause of conditions with no award (for every award, or for the award named just before).
Each part of a clause that tdkt understands — the award, the ranks, the score line, the
exclusions, the tie steps — is masked as it is read; what is left must be linking words
(principles.yaml ``filler``). A clause with anything else left, or with parts that contradict
each other, gets a ``problem`` and becomes no rule: tdkt lists it, it never guesses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from itertools import pairwise

from pipeline.config.award_rules import ScoreBasis, ScoreLine, TieStep, find_rubric_code, holds_deduction
from pipeline.config.rubric import Rubric
from pipeline.core.model import Provenance
from pipeline.core.textnorm import fold, parse_number, roman_to_int
from pipeline.core.textnorm import format_number as fmt
from pipeline.criteria.principle_text import (
    MASK,
    Sentence,
    Text,
    alt,
    award_spans,
    ordinal_alt,
    ranks_in,
    vocabulary,
)
from pipeline.understanding.rules import principle_rules

_EPS = 0.005
_NUM = r"(?<![\d.,])(\d+(?:[.,]\d+)?)"


class Scope(StrEnum):
    AWARD = "award"  # names one award
    GENERAL = "general"  # conditions for every award
    CONTINUATION = "continuation"  # conditions for the award named just before
    TIE = "tie"


@dataclass
class Clause:
    """What one clause of a principle says; ``problem`` set when it cannot become a rule."""

    text: str
    provenance: Provenance
    scope: Scope | None = None
    award: str | None = None
    positions: list[int] | None = None
    rest: bool = False
    line: ScoreLine | None = None
    excluded: list[str] = field(default_factory=list)
    discipline: bool = False
    ties: list[TieStep] = field(default_factory=list)
    women_share: float | None = None
    assessed: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    for_all: bool = False  # "… không được xét khen thưởng": a condition on every award
    problem: str | None = None


def read_sentence(sentence: Sentence, rubric: Rubric) -> list[Clause]:
    """The clauses of one sentence, each read."""
    clauses = []
    for part, tie in _clause_texts(Text(sentence.text)):
        read = _read_tie(part, sentence.provenance) if tie else _read_clause(part, sentence.provenance, rubric)
        clauses.append(read)
    return clauses


def _clause_texts(text: Text) -> list[tuple[str, bool]]:
    """The sentence cut at ';' into runs: a part about ties starts a tie clause that the parts
    after it continue ("…; nếu vẫn bằng nhau thì …; sau cùng bỏ phiếu") until a part names an
    award; the other runs are cut into parts that name one award each."""
    triggers = re.compile(alt(principle_rules().tie_triggers))
    pieces, start = [], 0
    for m in re.finditer(";", text.written):
        pieces.append((start, m.start()))
        start = m.end()
    pieces.append((start, len(text.written)))
    runs: list[tuple[list[tuple[int, int]], bool]] = []
    for a, b in pieces:
        tie = bool(triggers.search(text.folded[a:b]))
        continues_tie = runs and runs[-1][1] and not award_spans(text.folded[a:b])
        continues_awards = runs and not runs[-1][1] and not tie
        if continues_tie or continues_awards:
            runs[-1][0].append((a, b))
        else:
            runs.append(([(a, b)], tie))
    out: list[tuple[str, bool]] = []
    for run, tie in runs:
        if tie:
            out.append((text.as_written(run[0][0], run[-1][1]).strip(" ,;"), True))
        else:
            out += [(part, False) for part in _award_parts(text, run)]
    return [(part, tie) for part, tie in out if part]


def _award_parts(text: Text, pieces: list[tuple[int, int]]) -> list[str]:
    """Parts that name one award each: pieces without an award join the next one (or the last),
    then two awards in one piece are cut at the subject of the second."""
    rules = principle_rules()
    for_all = re.compile(alt(rules.general_scope + rules.exclusion_verbs))
    groups: list[list[tuple[int, int]]] = []
    waiting: list[tuple[int, int]] = []
    for a, b in pieces:
        if not award_spans(text.folded[a:b]) and for_all.search(text.folded[a:b]):
            groups += [waiting] if waiting else []
            groups.append([(a, b)])  # a condition for every award stands alone
            waiting = []
            continue
        waiting.append((a, b))
        if award_spans(text.folded[a:b]):
            groups.append(waiting)
            waiting = []
    if waiting:
        if groups:
            groups[-1] += waiting
        else:
            groups.append(waiting)
    out = []
    for group in groups:
        a, b = group[0][0], group[-1][1]
        for x, y in _split_at_subjects(text.folded, a, b):
            out.append(text.as_written(x, y).strip(" ,;"))
    return out


def _split_at_subjects(folded: str, a: int, b: int) -> list[tuple[int, int]]:
    spans = award_spans(folded[a:b])
    names = [name for _, _, name in spans]
    if len(set(names)) <= 1:
        return [(a, b)]
    rules = principle_rules()
    ords = ordinal_alt()
    counts = "|".join(re.escape(fold(w)) for w in rules.counts)
    marker = re.compile(  # the subject of a clause, with its count ("01 đơn vị …")
        rf"(?<![\wđ])(?:(?:\d+|{counts})\s+)?(?:(?:các|những)\s+)?đơn vị\b"
        rf"|(?:xếp|đứng)\s+(?:thứ|hạng)\s+{ords}|{alt(rules.rest)}")
    cuts = [a]
    for (_, end, name), (start, _, nxt) in pairwise(spans):
        if nxt == name:
            continue
        m = marker.search(folded[a:b], end, start)
        if m is None:
            return [(a, b)]  # read as one clause: two awards, so it is reported, not guessed
        cuts.append(a + m.start())
    cuts.append(b)
    return list(pairwise(cuts))


def _read_clause(part: str, provenance: Provenance, rubric: Rubric) -> Clause:
    clause = Clause(text=part, provenance=provenance)
    text = Text(part)
    _take_citations(text)
    codes = _take_codes(text)
    problems = [p for p in (
        _read_awards(text, clause), _read_ranks(text, clause), _read_line(text, clause, rubric),
        _read_exclusion(text, clause, codes, rubric)) if p]
    _read_assessed(text, clause)
    clause.scope = _scope(text, clause)
    problems += _check_shape(clause)
    clause.problem = problems[0] if problems else _unread(text)
    return clause


def _take_citations(text: Text) -> None:
    text.take(r"(?:luật|nghị định|thông tư|quyết định|hướng dẫn|kế hoạch)[^;:]*?\d+/\d{4}/[\wđ-]+")
    text.take(r"cụm thi đua số\s+\d+")
    text.take(r"(?<![\wđ])năm\s+\d{4}(?![\d])")


def _take_codes(text: Text) -> list[tuple[str, int]]:
    """Criterion codes after a code noun ("tiêu chí 5.1", "mục V.2"), as written, masked."""
    nouns = alt(principle_rules().code_nouns)
    part = r"(?:[ivxlc]{1,4}|\d+|[a-zđ]\d*)"
    found = []
    for m in text.find(rf"{nouns}\s+({part}(?:\.{part})*)(?![\wđ])"):
        code = m.group(1)
        if not (re.search(r"\d", code) or "." in code or re.fullmatch(r"[ivxlc]{1,4}", code)):
            continue
        written = text.written[m.start(1):m.end(1)]
        text.mask(m.start(), m.end())
        found.append((written, m.start()))
    return found


def _read_awards(text: Text, clause: Clause) -> str | None:
    vocab = vocabulary()
    names = []
    for start, end, name in award_spans(text.folded):
        names.append(name)
        before = vocab.issuer_before.search(text.folded[:start])
        if before is not None:  # "đề nghị Chính phủ tặng Cờ thi đua của Chính phủ"
            head = fold(name).partition(" của ")[0]
            if vocab.heads.get((head, before.group(1)), name) != name:
                return f"câu nêu “{text.as_written(before.start(), end)}”: nơi tặng khác tên hình thức"
            text.mask(before.start(), start)
        text.mask(start, end)
        _take_place(text, end)
    if len(set(names)) > 1:
        return "câu nêu nhiều hình thức khen thưởng (" + "; ".join(dict.fromkeys(names)) + ") mà tdkt không tách được"
    clause.award = names[0] if names else None
    return None


def _take_place(text: Text, end: int) -> None:
    """A place name written after an award ("… của UBND tỉnh Nghệ An"): up to three
    capitalised words."""
    if not text.written[:end].lower().endswith(("tỉnh", "thành phố")):
        return
    for _ in range(3):
        m = re.match(r"\s+([^\W\d_]+)", text.written[end:])
        if m is None or not m.group(1)[0].isupper():
            return
        text.mask(end + m.start(1), end + m.end(1))
        end += m.end()


def _read_ranks(text: Text, clause: Clause) -> str | None:
    found = ranks_in(text)
    counted = [-p[0] for p in found if p and p[0] < 0]
    found = [p for p in found if not (p and p[0] < 0)]
    clause.rest = bool(text.take(alt(principle_rules().rest)))
    if counted and (not found or any(n != len(set(found[0])) for n in counted)):
        return "số đơn vị nêu trong câu khác số thứ hạng"
    if not found:
        return None
    positions = found[0]
    if any(sorted(set(p)) != sorted(set(positions)) for p in found[1:]):
        return "câu nêu các thứ hạng khác nhau cho cùng một hình thức"
    if clause.rest:
        return "câu vừa nêu thứ hạng vừa nêu “các đơn vị còn lại”"
    clause.positions = sorted(set(positions))
    return None


def _read_line(text: Text, clause: Clause, rubric: Rubric) -> str | None:
    rules = principle_rules()
    at = alt(rules.at_least)
    measure = alt(rules.measured_standard + rules.measured_total)
    scale = alt(rules.scale_nouns)
    # A number is a line only with a word saying so: "đạt", "từ", "trở lên", a scale, "/1000".
    shares = _take_lines(text, rf"(?:({measure})\s+)?(?:(đạt|có)\s+)?(?:({at})\s+)?{_NUM}\s*%"
                               rf"(?:\s+(?:của\s+)?({scale}))?(?:\s+(trở lên))?"
                               r"(?!\s*(?:là\s+)?(?:cán bộ|viên chức|nữ))")
    points = _take_lines(text, rf"(?:({measure})\s+)?(?:(đạt|có)\s+)?(?:({at})\s+)?{_NUM}(?:\s*/\s*{_NUM})?"
                               rf"\s+điểm(?![\wđ])(?:\s+(trở lên))?")
    standard = text.take(alt(rules.standard_only))
    with_bonus = text.take(alt(rules.with_bonus))
    if not shares and not points:
        if standard or with_bonus:
            return "câu nói về điểm thưởng nhưng không nêu mức điểm"
        return None
    if len(shares) > 1 or len(points) > 1:
        return "câu nêu nhiều mức điểm"
    basis = {m.group(1) for m in shares + points if m.group(1)}
    of_standard = bool(standard) or any(b in {fold(w) for w in rules.measured_standard} for b in basis)
    of_total = bool(with_bonus) or any(b in {fold(w) for w in rules.measured_total} for b in basis)
    if of_standard and of_total:
        return "câu vừa nói tính vừa nói không tính điểm thưởng"
    share = parse_number(shares[0].group(4)) / 100 if shares else None
    value = parse_number(points[0].group(4)) if points else None
    written_scale = parse_number(points[0].group(5)) if points and points[0].group(5) else None
    if written_scale is not None and abs(written_scale - rubric.scale) > _EPS:
        return (f"mức điểm ghi trên thang {fmt(written_scale)} điểm, khác tổng điểm chuẩn "
                f"{fmt(rubric.scale)} của bảng tiêu chí")
    if share is not None and not 0 < share <= 1:
        return f"tỷ lệ {fmt(share * 100)}% không hợp lệ"
    if value is not None and value > rubric.scale + _EPS:
        return f"mức {fmt(value)} điểm lớn hơn tổng điểm chuẩn {fmt(rubric.scale)} của bảng tiêu chí"
    if share is not None and value is not None and abs(share * rubric.scale - value) > _EPS:
        return (f"{fmt(value)} điểm khác {fmt(share * 100)}% của tổng điểm chuẩn "
                f"{fmt(rubric.scale)} ({fmt(share * rubric.scale)} điểm)")
    of = ScoreBasis.STANDARD if of_standard else ScoreBasis.TOTAL
    clause.line = ScoreLine(share=share, of=of) if share is not None else ScoreLine(points=value, of=of)
    return None


def _take_lines(text: Text, pattern: str) -> list[re.Match[str]]:
    """Matches of a line pattern that have a word making the number a line (groups 2, 3, 5, 6),
    masked; the others are left for the check of what was not read."""
    found = [m for m in text.find(pattern) if any(m.group(i) for i in (2, 3, 5, 6))]
    for m in found:
        text.mask(m.start(), m.end())
    return found


def _read_exclusion(text: Text, clause: Clause, codes: list[tuple[str, int]], rubric: Rubric) -> str | None:
    rules = principle_rules()
    negation, discipline = alt(rules.negations), alt(rules.discipline)
    deduction, verbs = alt(rules.deduction), alt(rules.exclusion_verbs)
    negated = text.take(rf"{negation}[^.;\d%]{{0,80}}?(?:{discipline}|{deduction})")
    positive = []
    if not negated and text.find(verbs):  # "Đơn vị có cán bộ bị kỷ luật … không được xét khen thưởng"
        positive = text.take(rf"(?:(?<![\wđ])có\s+[^.;\d%]{{0,60}}?)?(?:{discipline}|{deduction})")
        if positive:
            text.take(verbs)
            clause.for_all = True
    if not negated and not positive:
        if codes:
            return "câu nêu mã tiêu chí " + ", ".join(c for c, _ in codes) + " nhưng không rõ để làm gì"
        return None
    for written, _ in codes:
        found = _rubric_code(written, rubric)
        if found is None:
            return f"bảng tiêu chí không có mục {written}"
        if not holds_deduction(rubric, found):
            return f"mục {written} của bảng tiêu chí không phải mục điểm trừ"
        if found != written:
            clause.notes.append(f"mục {written} là {found} trong bảng tiêu chí")
        clause.excluded.append(found)
    clause.discipline = not codes
    if not codes and not any(re.search(discipline, m.group(0)) for m in negated + positive):
        return "câu loại đơn vị có điểm trừ nhưng không nêu mã tiêu chí"
    return None


def _rubric_code(written: str, rubric: Rubric) -> str | None:
    """The rubric's code for a code as written; a first part in Roman or Arabic numerals finds
    the other spelling ("5.1" → "V.1") when the written one is not there."""
    found = find_rubric_code(rubric, written)
    if found is not None:
        return found
    head, dot, tail = written.partition(".")
    number = roman_to_int(head) if not head.isdigit() else int(head)
    if number is None:
        return None
    other = str(number) if not head.isdigit() else _roman(number)
    return find_rubric_code(rubric, other + dot + tail)


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + letters, n - value
    return out


def _read_assessed(text: Text, clause: Clause) -> None:
    for m in text.take(alt(principle_rules().assessed)):
        clause.assessed.append(text.as_written(m.start(), m.end()))


def _scope(text: Text, clause: Clause) -> Scope | None:
    rules = principle_rules()
    general = text.take(alt(rules.general_scope))
    continuation = text.take(alt(rules.continuation))
    if clause.award:
        return Scope.AWARD
    conditions = clause.line is not None or clause.excluded or clause.discipline
    if not conditions:
        return None
    if (general or clause.for_all) and not continuation:
        return Scope.GENERAL
    return Scope.CONTINUATION


def _check_shape(clause: Clause) -> list[str]:
    if clause.scope is None:
        if clause.positions or clause.rest:
            return ["câu nêu thứ hạng nhưng không nêu hình thức khen thưởng tdkt biết"]
        return ["câu không nêu hình thức khen thưởng hay điều kiện nào tdkt hiểu được"]
    if clause.scope is not Scope.AWARD and (clause.positions or clause.rest or clause.assessed):
        return ["câu nêu thứ hạng hoặc điều kiện nhưng không nêu hình thức khen thưởng tdkt biết"]
    return []


@cache
def _filler() -> re.Pattern[str]:
    return re.compile(alt(principle_rules().filler))


def _unread(text: Text) -> str | None:
    """The words no rule read that are not linking words, as a reason; None when there are none."""
    rest = _filler().sub(lambda m: MASK * len(m.group(0)), text.folded)
    words = re.findall(r"[^\W_]+|%", rest)
    if not words:
        return None
    return "có nội dung tdkt chưa hiểu: “" + " ".join(dict.fromkeys(words)) + "”"


# --- ties ----------------------------------------------------------------------------------


def _read_tie(sentence: str, provenance: Provenance) -> Clause:
    clause = Clause(text=sentence, provenance=provenance, scope=Scope.TIE)
    text = Text(sentence)
    rules = principle_rules()
    text.take(alt(rules.tie_triggers))
    named = []
    for start, end, name in award_spans(text.folded):  # "… tại vị trí xét Cờ thi đua của Chính phủ"
        text.mask(start, end)
        named.append(name)
    if named:
        clause.notes.append(f"văn bản nói cho {'; '.join(dict.fromkeys(named))}, tdkt áp dụng ở mọi ranh giới số lượng")
    women_share = text.take(
        r"(?:(?:có|từ|chiếm|đạt)\s+)?(?<![\d.,])(\d+(?:[.,]\d+)?)\s*%\s*(?:trở lên\s+)?(?:(?:là\s+)?(?:cán bộ,?\s*)?"
        r"(?:viên chức\s*)?(?:người lao động\s*)?(?:là\s+)?)nữ(?:\s+trở lên)?"
        r"|(?:tỷ lệ\s+)?nữ\s+(?:(?:từ|chiếm|đạt|có)\s+)?(\d+(?:[.,]\d+)?)\s*%(?:\s+trở lên)?")
    steps: list[tuple[int, TieStep]] = [
        (m.start(), step)
        for step in (TieStep.FEWER_DEDUCTIONS, TieStep.WOMEN, TieStep.VOTE)
        for m in text.take(alt(getattr(rules.tie_steps, step.value)))
    ]
    steps += [(m.start(), TieStep.WOMEN) for m in women_share]
    if women_share:
        value = women_share[0].group(1) or women_share[0].group(2)
        clause.women_share = parse_number(value) / 100
    problem = _check_preferences(text, steps)
    ordered = list(dict.fromkeys(step for _, step in sorted(steps, key=lambda s: s[0])))
    if ordered and TieStep.VOTE in ordered[:-1]:
        problem = problem or "câu nêu bước biểu quyết trước các bước ưu tiên"
    text.take(alt(["cờ thi đua", "cờ", "bằng khen", "giấy khen", "danh hiệu"]))
    clause.ties = ordered if not ordered or ordered[-1] is TieStep.VOTE else [*ordered, TieStep.VOTE]
    if not steps:
        problem = problem or "câu về trường hợp bằng điểm không nêu cách xử lý tdkt biết"
    clause.problem = problem or _unread(text)
    return clause


def _check_preferences(text: Text, steps: list[tuple[int, TieStep]]) -> str | None:
    """Every 'ưu tiên' must be followed by a preference tdkt knows before the next one."""
    prefer = text.take(alt(principle_rules().prefer))
    starts = sorted(p for p, s in steps if s is not TieStep.VOTE)
    for i, m in enumerate(prefer):
        limit = prefer[i + 1].start() if i + 1 < len(prefer) else len(text.folded)
        if not any(m.end() <= p < limit for p in starts):
            return "câu nêu một tiêu chí ưu tiên tdkt chưa hiểu"
    return None
