"""Understanding: from a document to the facts of one unit report (rule-based, offline).

`understand()` reads as the data flow: header facts, the unit, the self-scoring table, then the
narrative's awards, figures, evidence and assessment sections.
"""

from __future__ import annotations

from pipeline.config.rubric import GroupKind, Rubric
from pipeline.core.model import Document
from pipeline.core.textnorm import fold
from pipeline.understanding.awards import find_awards
from pipeline.understanding.doc_kind import document_kind
from pipeline.understanding.evidence import find_evidence
from pipeline.understanding.facts import KindFact, ReportFacts
from pipeline.understanding.header import TITLE_WORDS, HeaderFacts, HeaderLine, header_lines, read_header
from pipeline.understanding.metrics import find_metrics
from pipeline.understanding.nlp import RuleSet
from pipeline.understanding.officers import find_officers
from pipeline.understanding.sections import block_sections, find_sections, forward_looking, section_walk
from pipeline.understanding.selfscore import find_self_score_table
from pipeline.understanding.unit import identify_unit
from pipeline.understanding.versions import read_revision
from pipeline.understanding.years import lead_ins, split_by_year

__all__ = ["READER_VERSION", "RuleSet", "understand"]

# Raised whenever a change alters what is read from a file (kinds, units, years, versions): a
# workspace reads its archived reports again once after an upgrade (intake.understanding_fingerprint).
READER_VERSION = 5  # 5: text boxes of Word files are read; 4: a report once taken for criteria is read again


def understand(doc: Document, rubric: Rubric, rules: RuleSet) -> ReportFacts:
    top = list(header_lines(doc))  # the header's lines, read for its facts and for the document's kind
    header = read_header(doc, top)
    table = find_self_score_table(doc, rubric)
    narrative = doc.body_text_blocks()
    docs = list(rules.docs(b.text for b in narrative))
    walk = section_walk(narrative)  # the assessment's sections, walked once for every reader of them
    # Directions and proposals state targets ("phấn đấu đạt 100%"), not this year's results.
    past = [i for i, future in enumerate(forward_looking(narrative, walk)) if not future]
    results, result_docs = [narrative[i] for i in past], [docs[i] for i in past]
    leads = lead_ins(results)  # the years list items take from their lead-in, for awards and figures
    facts = ReportFacts(
        file=doc.file,
        sha256=doc.sha256,
        unit=identify_unit(doc, rules, docs),
        year=header.year,
        year_source=header.year_source,
        doc_number=header.doc_number,
        doc_date=header.doc_date,
        place=header.place,
        title=header.title,
        kind=_kind(doc, header, table, top),
        **_revision(doc),
        self_scores=table,
        awards=find_awards(results, result_docs, rules, leads),
        metrics=find_metrics(results, result_docs, rules, leads),
        evidence=find_evidence(narrative, docs, year=header.year, negative=_deduction_codes(rubric),
                               sections=block_sections(narrative, walk)),
        sections=find_sections(narrative, walk),
        officers=find_officers(narrative),
        narrative_words=_narrative_words(narrative),
    )
    facts = split_by_year(facts)  # earlier years' awards and figures are history, not this year's
    if table is None:
        facts.notes.append("Không tìm thấy bảng tự chấm điểm trong báo cáo")
    else:
        if table.unmatched:
            facts.notes.append("Có dòng trong bảng tự chấm không khớp tiêu chí nào: " + "; ".join(table.unmatched))
        facts.notes += table.problems + table.notes
    return facts


def _deduction_codes(rubric: Rubric) -> frozenset[str]:
    """Criteria whose evidence is a violation or a difficulty ("bị kỷ luật"), not a result."""
    return frozenset(c.code for g, c in rubric.leaves() if (c.kind or g.kind) is GroupKind.DEDUCTION)


def _revision(doc: Document) -> dict[str, object]:
    revision = read_revision(doc)
    return {"replaces": revision.replaces, "revision": revision.quote} if revision else {}


def _kind(doc: Document, header: HeaderFacts, table: object, top: list[HeaderLine]) -> KindFact:
    found = document_kind(doc, header, has_table=table is not None, lines=top)
    return KindFact(kind=found.kind, name=found.name, evidence=found.evidence, scored=found.scored)


def _narrative_words(blocks: list) -> int:
    """Words of the text after the title line (the administrative header does not count)."""
    start = next((i + 1 for i, b in enumerate(blocks) if fold(b.text).startswith(TITLE_WORDS)), 0)
    return sum(len(b.text.split()) for b in blocks[start:])
