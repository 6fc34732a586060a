"""Self-scores written in prose, criterion by criterion, by units that send no table.

"Tiêu chí 1.2. Tự chấm: 9,5/10 điểm.", "Phần a4. Tự chấm 5,5/3,5 điểm (cộng 2 điểm)",
"- Nội dung 2.1 (Công tác tuyển sinh): tự chấm 8 điểm", or a heading naming the criterion and,
under it, "Đơn vị tự chấm: 18/20 điểm." A score is given to the criterion its own paragraph
names (the cluster's code, else its title), else the one the nearest heading above names. A
score naming no criterion is reported, not guessed.
"""

from __future__ import annotations

import re

from pipeline.model import Block, Document
from pipeline.rubric import Criterion, Rubric
from pipeline.textnorm import fold, parse_number
from pipeline.understanding.facts import RowKind, SelfScoreRow, SelfScoreTable
from pipeline.understanding.selfscore_checks import missing_criteria
from pipeline.understanding.similarity import label_similarity

# "tự chấm: 9,5/10 điểm", "tự chấm 8 điểm", "tự chấm: trừ 1 điểm", "tự chấm được 18 điểm"
_SCORE = re.compile(
    r"tự chấm\s*(?:được|là|đạt)?\s*:?\s*(?P<minus>trừ\s*|-\s*)?(?P<self>\d+(?:[.,]\d+)?)"
    r"\s*(?:/\s*(?P<max>\d+(?:[.,]\d+)?))?\s*điểm"
)
_CODE_TOKEN = re.compile(r"^[\w.]*\d[\w.]*$|^[IVXLA-ZĐ]+\.?$")
_TITLE_OK = 0.6  # a criterion named by its title alone must be this similar
_HEADING_WORDS = 30  # a paragraph this short can name the criterion the next paragraph scores


def prose_self_scores(doc: Document, rubric: Rubric) -> SelfScoreTable | None:
    """The self-scores the report writes in its paragraphs, or None when it writes none."""
    leaves = [c for _, c in rubric.leaves()]
    by_code = {_plain(c.code): c for c in leaves}
    rows: list[SelfScoreRow] = []
    unmatched: list[str] = []
    named: Criterion | None = None  # what the nearest heading above names
    for block in doc.body_text_blocks():
        folded = fold(block.text)
        matches = list(_SCORE.finditer(folded))
        if not matches:
            own = _named(block.text, by_code, leaves)
            if own is not None and len(folded.split()) <= _HEADING_WORDS:
                named = own
            continue
        start = 0
        for match in matches:  # "Phần B.1. Tự chấm 25/25 điểm; phần B.2. Tự chấm 12,5/15 điểm."
            before = block.text[start: match.start()]
            start = match.end()
            if "tổng" in fold(before):
                continue  # "Tổng điểm tự chấm: 84,5 điểm": the total, read as the total
            criterion = _named(before, by_code, leaves) or named
            named = None
            if criterion is None:
                unmatched.append(block.text.strip()[:80])
                continue
            rows.append(_row(block, match, criterion))
    if not rows:
        return None
    return SelfScoreTable(rows=rows, claimed_total=None, unmatched=unmatched,
                          problems=_twice(rows) + missing_criteria(rows, rubric), provenance=rows[0].provenance)


def _twice(rows: list[SelfScoreRow]) -> list[str]:
    """A criterion scored twice with different figures (a summary and a detail that disagree)."""
    seen: dict[str, SelfScoreRow] = {}
    problems = []
    for row in rows:
        first = seen.setdefault(row.code or "", row)
        if first is not row and first.self_score != row.self_score:
            problems.append(f"Tiêu chí {row.code} được tự chấm hai lần khác nhau: “{first.self_score_as_written}” "
                            f"({first.provenance.describe()}) và “{row.self_score_as_written}” "
                            f"({row.provenance.describe()})")
    return problems


def _row(block: Block, match: re.Match[str], criterion: Criterion) -> SelfScoreRow:
    value = parse_number(match.group("self"))  # "trừ 1 điểm": deductions are kept as positive amounts
    written = block.text[match.start(): match.end()]
    return SelfScoreRow(kind=RowKind.CRITERION, code=criterion.code, code_as_written="", label=criterion.title,
                        max_points=parse_number(match.group("max")) if match.group("max") else None,
                        self_score=value, self_score_as_written=written, match="prose",
                        provenance=block.provenance)


def _named(text: str, by_code: dict[str, Criterion], leaves: list[Criterion]) -> Criterion | None:
    """The criterion a piece of text names: a code as the cluster writes it ("1.2", "a4",
    "II.3.b") among its first words, else a title it carries."""
    words = re.split(r"[\s(:,;]+", text.strip())[:6]
    for word in words:
        key = _plain(word)
        if key and _CODE_TOKEN.match(word.strip(".")) and key in by_code:
            return by_code[key]
    body = fold(text)
    if not body.strip():
        return None
    best = max(leaves, key=lambda c: label_similarity(body, c.title))
    return best if label_similarity(body, best.title) >= _TITLE_OK else None


def _plain(code: str) -> str:
    return re.sub(r"[\s()]", "", code).strip(".").upper()
