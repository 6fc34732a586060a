"""Default evidence phrases and deduction rules for an imported criterion, from its title.

A report rarely repeats a criterion's title word for word ("Hoàn thành chỉ tiêu tuyển sinh được
giao"), but it uses its content words ("tuyển sinh", "chỉ tiêu"). The title is cut at linking
words, generic leading verbs are dropped, and each fragment gives itself (when short) and, when
it has an even number of syllables, its two-syllable words. Officers review the phrases.
"""

from __future__ import annotations

import re

from pipeline.config.rubric import DeductionKind, DeductionRule
from pipeline.core.textnorm import fold
from pipeline.understanding.rules import rubric_import_rules

_MAX_PHRASES = 6


def evidence_phrases(title: str) -> list[str]:
    rules = rubric_import_rules()
    breaks = sorted((fold(b) for b in rules.breaks), key=len, reverse=True)
    text = re.sub(r"\([^)]*\)", ",", fold(title))
    text = re.sub(r"[\d%]+", ",", text)
    pattern = r"[,;:/.\-–]|\b(?:" + "|".join(re.escape(b) for b in breaks) + r")\b"
    phrases: list[str] = []
    for fragment in re.split(pattern, text):
        words = fragment.split()
        for verb in sorted((fold(v) for v in rules.lead_verbs), key=len, reverse=True):
            if " ".join(words).startswith(verb + " ") or " ".join(words) == verb:
                words = words[len(verb.split()):]
                break
        if not words:
            continue
        candidates = [" ".join(words)] if 2 <= len(words) <= 5 else []
        if len(words) % 2 == 0:
            candidates += [" ".join(words[i:i + 2]) for i in range(0, len(words), 2)]
        elif len(words) > 5:  # odd and long: only its ends are surely whole words
            candidates += [" ".join(words[:2]), " ".join(words[-2:])]
        for phrase in candidates:
            if phrase not in phrases and phrase not in (fold(g) for g in rules.generic):
                phrases.append(phrase)
    return phrases[:_MAX_PHRASES]


def deduction_rule(title: str, points: float) -> tuple[DeductionRule | None, bool]:
    """A rule for deductions tdkt can find itself (a late report, discipline), and whether the
    deduction is for discipline."""
    rules = rubric_import_rules()
    folded = fold(title)
    if "kỷ luật" in folded or any(fold(w) in folded for w in rules.discipline):
        return (DeductionRule(when=DeductionKind.DISCIPLINE, points=points) if points > 0 else None), True
    if "báo cáo" in folded and any(fold(w) in folded for w in rules.late_report) and points > 0:
        return DeductionRule(when=DeductionKind.LATE_REPORT, points=points), False
    return None, False
