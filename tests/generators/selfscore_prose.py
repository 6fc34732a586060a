"""Self-scores written in prose: the unit writes no table and scores item by item in paragraphs
(the ``prose`` form of tests/generators/selfscore_tables.py), each item in one of the ways real
reports do, a main way per report and now and then another:

  criterion  "Tiêu chí 1.2. Tự chấm: 9,5/10 điểm."
  part       "Phần a4. Tự chấm 5,5/3,5 điểm (cộng 2 điểm)" — the part over the standard named
  dash       "- Nội dung 2.1 (Công tác tuyển sinh): tự chấm 8 điểm"
  heading    a paragraph "2.1. Công tác tuyển sinh", a line of evidence or none, then
             "Đơn vị tự chấm: 18/20 điểm."

Items carry the rubric's own codes most of the time, their titles only otherwise (always for
the items the rubric writes without a code). Deductions read "Tự chấm: trừ 1 điểm". Groups and
criteria holding sub-criteria are headings without a score. The truth is the table's.
"""

from __future__ import annotations

import random

from pipeline.config.rubric import Criterion, GroupKind, Rubric

from .selfscore_tables import Line, SelfScoreLayout, _number, _title

STD, BONUS, DED = GroupKind.STANDARD, GroupKind.BONUS, GroupKind.DEDUCTION
PROSE_STYLES = ("criterion", "part", "dash", "heading")
EVIDENCE = [
    "Đơn vị đã triển khai đầy đủ các nội dung theo kế hoạch, có văn bản minh chứng kèm theo.",
    "Kết quả được tổng hợp trong báo cáo tổng kết năm học và các biên bản kiểm tra.",
    "Các phong trào thi đua được phát động kịp thời, có sơ kết, tổng kết và khen thưởng.",
    "Minh chứng: kế hoạch, quyết định, báo cáo kết quả thực hiện của đơn vị.",
]


def prose_lines(rng: random.Random, rubric: Rubric, scores: dict[str, float], lay: SelfScoreLayout) -> list[Line]:
    """Every item of the rubric as the unit writes it in prose; ``Line.paragraphs`` holds the text."""
    main = rng.choice(PROSE_STYLES)
    lines: list[Line] = []
    for group in rubric.groups:
        code = group.code if lay.codes == "own" else ""
        heading = f"{code}. {group.title.upper()}" if code else group.title.upper()
        lines.append(Line("group", truth=group.code, kind=group.kind, code=code, title=group.title,
                          paragraphs=[(heading, True)]))
        for criterion in group.criteria:
            _criterion_prose(rng, criterion, main, scores, lay, lines)
    return lines


def _criterion_prose(rng: random.Random, c: Criterion, main: str, scores: dict[str, float], lay: SelfScoreLayout,
                     lines: list[Line]) -> None:
    code = c.code if lay.codes == "own" and "[" not in c.code and rng.random() < 0.9 else ""
    title = _title(rng, c.title, lay)
    if c.holds_own_kind():
        lines.append(Line("holder", truth=c.code, kind=c.kind or STD, code=code, title=title,
                          paragraphs=[(f"{code}. {title}" if code else title, True)]))
    else:
        style = main if rng.random() < 0.75 else rng.choice(PROSE_STYLES)
        if not code and style in ("criterion", "part"):
            style = rng.choice(("dash", "heading"))
        score = scores[c.code]
        line = Line("leaf", truth=c.code, kind=c.kind or STD, code=code, title=title, value=score, prose=style)
        line.self_text = _score_phrase(rng, score, c, lay, style)
        line.paragraphs = _item_paragraphs(rng, line, style)
        lines.append(line)
    for child in c.criteria:
        _criterion_prose(rng, child, main, scores, lay, lines)


def _score_phrase(rng: random.Random, score: float, c: Criterion, lay: SelfScoreLayout, style: str) -> str:
    """'9,5/10 điểm', '8 điểm', 'trừ 1 điểm', '5,5/3,5 điểm (cộng 2 điểm)'."""
    spell = "comma" if lay.numbers == "suffix" else lay.numbers
    figure = _number(score, spell)
    if c.kind is DED:
        return f"trừ {figure} điểm" if score else f"{figure} điểm"
    if c.kind is BONUS:
        return f"cộng {figure} điểm" if score and rng.random() < 0.5 else f"{figure} điểm"
    if c.max is None or not (lay.xy or style == "part" or score > c.max or rng.random() < 0.4):
        return f"{figure} điểm"
    text = f"{figure}/{_number(c.max, spell)} điểm"
    if score > c.max:
        text += f" (cộng {_number(round(score - c.max, 2), spell)} điểm)"
    return text


def _item_paragraphs(rng: random.Random, line: Line, style: str) -> list[tuple[str, bool]]:
    """The paragraphs of one scored item (text, bold)."""
    evidence = rng.choice(EVIDENCE) + " " if rng.random() < 0.3 else ""
    if style == "criterion":
        return [(f"Tiêu chí {line.code}. {evidence}Tự chấm: {line.self_text}.", False)]
    if style == "part":
        return [(f"Phần {line.code}. {evidence}Tự chấm {line.self_text}", False)]
    if style == "dash":
        named = f"Nội dung {line.code} ({line.title})" if line.code else line.title
        return [(f"- {named}: tự chấm {line.self_text}", False)]
    heading = f"{line.code}. {line.title}" if line.code else line.title
    body = [(evidence.strip(), False)] if evidence else []
    return [(heading, True), *body, (f"Đơn vị tự chấm: {line.self_text}.", False)]
