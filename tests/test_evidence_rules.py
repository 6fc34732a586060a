"""Evidence rules of the rubric, each on a unit built in the test: a figure against thresholds,
awards received, a late report, discipline (and its negation), and a rule with nothing to use."""

import datetime as dt

from pipeline.config.cluster import Cluster, Member
from pipeline.config.rubric import (
    AwardPoints,
    Criterion,
    DeductionKind,
    DeductionRule,
    Group,
    GroupKind,
    MetricRule,
    Rubric,
)
from pipeline.core.model import Provenance
from pipeline.scoring.score import FlagCode, score_unit
from pipeline.understanding.facts import (
    AwardFact,
    EvidencePassage,
    MetricFact,
    Quote,
    Recipient,
    ReportFacts,
    RowKind,
    SelfScoreRow,
    SelfScoreTable,
    UnitFact,
)

FILE = "bc.docx"


def _quote(text: str, paragraph: int = 3) -> Quote:
    return Quote(text=text, provenance=Provenance(file=FILE, paragraph=paragraph))


RUBRIC = Rubric(name="Thử", scale=20, groups=[
    Group(code="I", title="Chuyên môn", max=20, criteria=[
        Criterion(code="I.1", title="Tỷ lệ có việc làm", max=10,
                  metric=MetricRule(measure=["việc làm"], full_at=80, zero_below=50)),
        Criterion(code="I.2", title="Khen thưởng", max=10, awards=[
            AwardPoints(match="Bằng khen của Bộ trưởng", recipient="tập thể", points=3),
            AwardPoints(match="Cờ thi đua", points=5, per="once")]),
    ]),
    Group(code="II", title="Điểm trừ", kind=GroupKind.DEDUCTION, max=10, criteria=[
        Criterion(code="II.1", title="Báo cáo chậm", max=2, deduction=DeductionRule(when=DeductionKind.LATE_REPORT,
                                                                                   points=2)),
        Criterion(code="II.2", title="Kỷ luật", max=5, discipline=True, evidence=["kỷ luật"],
                  deduction=DeductionRule(when=DeductionKind.DISCIPLINE, points=5)),
    ]),
])
CLUSTER = Cluster(name="Cụm thử", members=[Member(id="a", name="Trường A")], report_deadline=dt.date(2024, 12, 20))


def _facts(self_scores: dict[str, float], *, metrics=(), awards=(), evidence=None, date=dt.date(2024, 12, 10)):
    rows = [SelfScoreRow(kind=RowKind.CRITERION, code=code, code_as_written=code, label=code, max_points=None,
                         self_score=value, self_score_as_written=str(value), provenance=Provenance(file=FILE))
            for code, value in self_scores.items()]
    return ReportFacts(
        file=FILE, sha256="0" * 64, year=2024, doc_date=date,
        unit=UnitFact(member_id="a", name="Trường A", as_written="TRƯỜNG A", provenance=Provenance(file=FILE)),
        self_scores=SelfScoreTable(rows=rows, claimed_total=None, provenance=Provenance(file=FILE)),
        metrics=list(metrics), awards=list(awards), evidence=evidence or {},
    )


def _metric(value: float) -> MetricFact:
    return MetricFact(measure="tỷ lệ sinh viên có việc làm", value=value, unit="%",
                      quote=_quote(f"Tỷ lệ sinh viên có việc làm đạt {value:g}%".replace(".", ",")))


def _award(name: str, count: int = 1, recipient=Recipient.COLLECTIVE) -> AwardFact:
    return AwardFact(award=name, as_written=name, kind="hình thức", level="Bộ", recipient=recipient, count=count,
                     quote=_quote(f"{count:02d} tập thể được tặng {name}"))


def _criterion(facts, code):
    return next(c for c in score_unit(facts, RUBRIC, CLUSTER).criteria if c.code == code)


def test_figure_full_linear_and_zero():
    # 80% or more → 10; 65% → half way → 5; under 50% → 0 (never above the claim).
    assert _criterion(_facts({"I.1": 10}, metrics=[_metric(86)]), "I.1").proposed == 10
    linear = _criterion(_facts({"I.1": 10}, metrics=[_metric(66.2)]), "I.1")
    assert linear.proposed == 5.0  # 5.4 rounded down to the rubric's 0,5 step
    assert linear.has(FlagCode.ABOVE_EVIDENCE) and linear.flags[0].message == "Tự chấm 10, minh chứng chỉ đủ 5"
    assert "đạt 66,2% (bc.docx, đoạn 4)" in linear.reason
    assert _criterion(_facts({"I.1": 4}, metrics=[_metric(48)]), "I.1").proposed == 0


def test_a_rule_with_no_figure_keeps_the_claim_and_says_so():
    kept = _criterion(_facts({"I.1": 9}), "I.1")
    assert kept.proposed == 9 and kept.has(FlagCode.RULE_NO_DATA)
    assert kept.reason.startswith("Báo cáo chưa có số liệu để áp dụng quy tắc của tiêu chí")


def test_award_points_each_once_and_capped():
    two_each = _facts({"I.2": 10}, awards=[_award("Bằng khen của Bộ trưởng Bộ Y tế", count=2)])
    assert _criterion(two_each, "I.2").proposed == 6
    individual = _facts({"I.2": 10}, awards=[_award("Bằng khen của Bộ trưởng Bộ Y tế", recipient=Recipient.INDIVIDUAL)])
    assert _criterion(individual, "I.2").proposed == 0  # the rule counts collectives only
    many = _facts({"I.2": 10}, awards=[_award("Bằng khen của Bộ trưởng Bộ Y tế", count=2),
                                       _award("Cờ thi đua của Bộ Y tế", count=3)])
    capped = _criterion(many, "I.2")
    assert capped.proposed == 10 and capped.reason.endswith("→ 10 điểm, tối đa 10")


def test_late_report_deducted_by_its_date():
    on_time = _criterion(_facts({"II.1": 0}), "II.1")
    assert on_time.proposed == 0 and on_time.reason == "Báo cáo ghi ngày 10/12/2024, trong hạn 20/12/2024"
    late = _criterion(_facts({"II.1": 0}, date=dt.date(2024, 12, 28)), "II.1")
    assert late.proposed == 2 and late.has(FlagCode.DEDUCTION_DIFFERS)
    assert late.flags[0].message == "Đơn vị tự trừ 0, theo quy tắc trừ 2"


def test_discipline_found_and_its_negation_ignored():
    def passage(text):
        return {"II.2": [EvidencePassage(criterion="II.2", phrases=["kỷ luật"], quote=_quote(text))]}

    found = _facts({"II.2": 0}, evidence=passage("Năm 2024 có 01 viên chức bị kỷ luật khiển trách."))
    unit = score_unit(found, RUBRIC, CLUSTER)
    assert unit.deductions == 5 and unit.discipline
    denied = _facts({"II.2": 0}, evidence=passage("Trong năm không có cán bộ, viên chức nào bị kỷ luật."))
    assert score_unit(denied, RUBRIC, CLUSTER).deductions == 0
