"""Scores, ranks and proposed awards: the sample cluster, then clusters built in each test."""


from pipeline.config.award_rules import AwardKind, AwardRule, AwardRules, LeaderPolicy, Leadership
from pipeline.config.cluster import Cluster, Member
from pipeline.nomination.nominate import Status, nominate
from pipeline.scoring.score import FlagCode, UnitScore, rank_units, score_unit
from pipeline.understanding.facts import EvidencePassage, Quote

SAMPLE_EXPECTED = {
    # unit: (total, rank, standard, bonus, deductions, award)
    "dhvhnt": (101.5, 1, 97.5, 4, 0, "Cờ thi đua của Chính phủ"),
    "cdyt": (98, 2, 96, 2, 0, "Cờ thi đua của Ủy ban nhân dân Thành phố"),  # IV.1: claims 2, evidence 1
    "cdsp": (97.5, 3, 95, 2.5, 0, "Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố"),
    "cdnt": (96, 4, 94, 2, 0, "Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố"),
    "cddd": (96, 4, 95, 2, 1, "Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố"),
    "cdmn": (92.5, 6, 92, 0.5, 0, "Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố"),  # IV.1: 1 → 0
}


def test_sample_totals_ranks_and_awards(sample_result):
    units = {u.member_id: u for u in sample_result.board.units}
    awards = {n.member_id: n for n in sample_result.nominations.nominations}
    for unit_id, (total, rank, standard, bonus, deductions, award) in SAMPLE_EXPECTED.items():
        unit = units[unit_id]
        assert (unit.total, unit.rank, unit.standard, unit.bonus, unit.deductions) == (
            total, rank, standard, bonus, deductions), unit_id
        assert awards[unit_id].award == award, unit_id
        assert awards[unit_id].status is Status.PROPOSED
    assert [u.member_id for u in sample_result.board.units][:3] == ["dhvhnt", "cdyt", "cdsp"]


def test_exact_tie_is_detected_not_broken(sample_result):
    assert sample_result.board.ties == [["cddd", "cdnt"]] or sample_result.board.ties == [["cdnt", "cddd"]]
    cdnt = next(u for u in sample_result.board.units if u.member_id == "cdnt")
    assert cdnt.tied_with == ["cddd"]


def test_self_score_above_max_is_capped_and_said(sample_result):
    cdnt = next(u for u in sample_result.board.units if u.member_id == "cdnt")
    criterion = next(c for c in cdnt.criteria if c.code == "I.4")
    assert (criterion.self_score, criterion.proposed) == (10.5, 10)
    assert criterion.has(FlagCode.OVER_MAX)
    assert criterion.reason == "Đơn vị ghi điểm tự chấm 10,5, vượt mức tối đa 10: tính 10"
    assert cdnt.claimed_total == 96.5 and cdnt.total == 96


def test_claim_without_evidence_is_kept_but_flagged(sample_result):
    cdmn = next(u for u in sample_result.board.units if u.member_id == "cdmn")
    criterion = next(c for c in cdmn.criteria if c.code == "II.3")
    assert (criterion.self_score, criterion.proposed) == (4, 4)
    assert criterion.has(FlagCode.NO_EVIDENCE)
    assert "Chưa tìm thấy minh chứng cho tiêu chí II.3" in cdmn.flags


def test_deduction_is_subtracted(sample_result):
    cddd = next(u for u in sample_result.board.units if u.member_id == "cddd")
    late = next(c for c in cddd.criteria if c.code == "V.1")
    assert late.proposed == 1 and cddd.total == cddd.standard + cddd.bonus - 1


def test_next_leader_and_deputy_follow_the_rotation(sample_result):
    leadership = sample_result.nominations.leadership
    assert (leadership.leader_id, leadership.deputy_id) == ("cdyt", "cdsp")


def test_unscored_criterion_counts_zero_and_is_flagged(sample_facts, sample_inputs):
    rubric = sample_inputs[0]
    facts = sample_facts["dhvhnt"].model_copy(deep=True)
    facts.self_scores.rows = [r for r in facts.self_scores.rows if r.code != "I.2"]
    unit = score_unit(facts, rubric)
    criterion = next(c for c in unit.criteria if c.code == "I.2")
    assert criterion.proposed == 0 and criterion.has(FlagCode.NO_SELF_SCORE)


def test_evidence_keeps_its_source(sample_result):
    unit = next(u for u in sample_result.board.units if u.member_id == "cdyt")
    passage = next(c for c in unit.criteria if c.code == "I.3").evidence[0]
    assert isinstance(passage, EvidencePassage) and isinstance(passage.quote, Quote)
    assert passage.quote.provenance.file == "Bao cao tong ket thi dua 2023_CDYT.pdf"


# --- clusters built in the test -------------------------------------------------------------

def _unit(member_id: str, total: float, standard: float | None = None, discipline: bool = False) -> UnitScore:
    standard = total if standard is None else standard
    return UnitScore(member_id=member_id, name=f"Trường {member_id.upper()}", file=f"{member_id}.docx", criteria=[],
                     groups=[], standard=standard, bonus=round(total - standard, 2), deductions=0, total=total,
                     self_total=total, claimed_total=total, discipline=discipline)


def _rules(gov_quota: int | str = 1, city_quota: int | str = 1, policy=LeaderPolicy.ROTATION) -> AwardRules:
    return AwardRules(
        awards=[
            AwardRule(id="cp", name="Cờ thi đua của Chính phủ", kind=AwardKind.TITLE, quota=gov_quota),
            AwardRule(id="tp", name="Cờ thi đua của Ủy ban nhân dân Thành phố", kind=AwardKind.TITLE,
                      quota=city_quota),
            AwardRule(id="bk", name="Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố", kind=AwardKind.FORM,
                      min_standard_share=0.8),
        ],
        leadership=Leadership(next_leader=policy),
    )


def _cluster(ids: list[str], leader: str | None = None) -> Cluster:
    members = [Member(id=i, name=f"Trường {i.upper()}") for i in ids]
    return Cluster(name="Cụm thi đua số 9", symbol="CTĐ9", members=members, leader=leader, rotation=ids)


def _nominate(units, rules=None, leader=None):
    board = rank_units(units, 100)
    return nominate(board, rules or _rules(), _cluster([u.member_id for u in units], leader), 2024)


def test_tie_at_the_flag_boundary_goes_to_the_vote():
    result = _nominate([_unit("a", 98), _unit("b", 98), _unit("c", 95), _unit("d", 90)])
    by_id = {n.member_id: n for n in result.nominations}
    assert by_id["a"].status is Status.TIE_VOTE and by_id["b"].status is Status.TIE_VOTE
    assert by_id["a"].award == "Cờ thi đua của Chính phủ"
    assert "Cụm biểu quyết chọn 1 trong 2 đơn vị" in by_id["a"].note
    assert "đơn vị còn lại được đề nghị Cờ thi đua của Ủy ban nhân dân Thành phố" in by_id["a"].note
    # The city flag's one place is held for the vote's loser: c gets the chairman's Bằng khen.
    assert by_id["c"].award == "Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố"
    assert by_id["d"].award == "Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố"


def test_tie_below_the_boundary_is_not_a_vote():
    result = _nominate([_unit("a", 99), _unit("b", 97), _unit("c", 95), _unit("d", 95)])
    by_id = {n.member_id: n for n in result.nominations}
    assert [by_id[i].status for i in "abcd"] == [Status.PROPOSED] * 4
    assert by_id["c"].note == "Đồng điểm với Trường D"


def test_discipline_excludes_from_every_award():
    result = _nominate([_unit("a", 99, discipline=True), _unit("b", 97), _unit("c", 95)])
    by_id = {n.member_id: n for n in result.nominations}
    assert by_id["a"].award is None and by_id["a"].status is Status.NONE
    assert "kỷ luật" in by_id["a"].reason
    assert by_id["b"].award == "Cờ thi đua của Chính phủ"
    assert by_id["c"].award == "Cờ thi đua của Ủy ban nhân dân Thành phố"


def test_below_eighty_percent_gets_no_bang_khen():
    result = _nominate([_unit("a", 99), _unit("b", 97), _unit("c", 85), _unit("d", 79.5)])
    by_id = {n.member_id: n for n in result.nominations}
    assert by_id["c"].award == "Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố"
    assert by_id["d"].award is None
    assert by_id["d"].reason == "Điểm chuẩn đạt 79,5/100, dưới mức 80% để đề nghị khen thưởng"


def test_quota_as_a_share_of_units():
    units = [_unit(x, 99 - i) for i, x in enumerate("abcdefghij")]
    result = _nominate(units, _rules(gov_quota="20%", city_quota="30%"))
    awards = [n.award for n in result.nominations]
    assert awards.count("Cờ thi đua của Chính phủ") == 2
    assert awards.count("Cờ thi đua của Ủy ban nhân dân Thành phố") == 3


def test_leader_top_ranked_policy():
    result = _nominate([_unit("a", 95), _unit("b", 99), _unit("c", 97)], _rules(policy=LeaderPolicy.TOP_RANKED),
                       leader="a")
    assert (result.leadership.leader_id, result.leadership.deputy_id) == ("b", "c")


def test_rotation_wraps_around():
    result = _nominate([_unit("a", 95), _unit("b", 99), _unit("c", 97)], leader="c")
    assert (result.leadership.leader_id, result.leadership.deputy_id) == ("a", "b")


def test_wording_title_versus_form():
    result = _nominate([_unit("a", 99), _unit("b", 97), _unit("c", 95)])
    proposals = [n.proposal for n in result.nominations]
    assert proposals == [
        "Đề nghị tặng danh hiệu “Cờ thi đua của Chính phủ”",
        "Đề nghị tặng danh hiệu “Cờ thi đua của Ủy ban nhân dân Thành phố”",
        "Đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố",
    ]


def _rules_with(**award_options) -> AwardRules:
    rules = _rules()
    for award in rules.awards:
        for key, value in award_options.get(award.id, {}).items():
            setattr(award, key, value)
    return rules


def test_prerequisite_the_government_flag_needs_the_city_flag_conditions():
    rules = _rules_with(cp={"requires": ["tp"]}, tp={"min_standard_share": 0.9})
    a = _unit("a", 99, standard=85)  # first by total, but below 90% of the standard points
    result = _nominate([a, _unit("b", 97), _unit("c", 95)], rules)
    by_id = {n.member_id: n for n in result.nominations}
    assert by_id["b"].award == "Cờ thi đua của Chính phủ"
    assert by_id["c"].award == "Cờ thi đua của Ủy ban nhân dân Thành phố"
    assert by_id["a"].award == "Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố"


def test_a_unit_under_investigation_gets_no_award():
    units = [_unit("a", 99), _unit("b", 97), _unit("c", 95)]
    cluster = _cluster(["a", "b", "c"])
    cluster.members[0].under_investigation = True
    result = nominate(rank_units(units, 100), _rules(), cluster, 2024)
    by_id = {n.member_id: n for n in result.nominations}
    assert by_id["a"].award is None
    assert by_id["a"].reason == "Đơn vị đang bị thanh tra, kiểm tra hoặc điều tra: chưa xét khen thưởng"
    assert by_id["b"].award == "Cờ thi đua của Chính phủ"


def test_women_preference_decides_a_tie_when_the_rules_say_so():
    from pipeline.config.award_rules import TiePolicy

    units = [_unit("a", 98), _unit("b", 98), _unit("c", 95)]
    cluster = _cluster(["a", "b", "c"])
    cluster.members[1].women_share = 0.75
    rules = _rules()
    rules.ties = TiePolicy.WOMEN_THEN_VOTE
    by_id = {n.member_id: n for n in nominate(rank_units(units, 100), rules, cluster, 2024).nominations}
    assert by_id["b"].award == "Cờ thi đua của Chính phủ" and by_id["b"].status is Status.PROPOSED
    assert "ưu tiên tập thể có từ 70% nữ theo Luật Thi đua, khen thưởng năm 2022" in by_id["b"].note
    assert by_id["a"].award == "Cờ thi đua của Ủy ban nhân dân Thành phố"
    # Without the policy the same tie goes to the vote.
    by_id = {n.member_id: n for n in nominate(rank_units(units, 100), _rules(), cluster, 2024).nominations}
    assert by_id["b"].status is Status.TIE_VOTE


def test_a_claim_above_what_the_evidence_supports(tmp_path, sample_inputs):
    from builders import full_scores, report_docx

    from pipeline.runs.steps import read_report

    rubric, _, cluster = sample_inputs
    scores = full_scores(rubric)
    scores["I.3"] = 8
    path = report_docx(tmp_path / "cdyt.docx", rubric, "Trường Cao đẳng Y tế Thủ đô", scores, narrative=[
        "Năm 2023, tỷ lệ sinh viên có việc làm sau tốt nghiệp đạt 70%, thấp hơn năm trước."])
    facts = read_report(path, rubric, cluster).facts
    unit = score_unit(facts, rubric, cluster)
    employment = next(c for c in unit.criteria if c.code == "I.3")
    assert (employment.self_score, employment.proposed) == (8, 5)
    assert employment.has(FlagCode.ABOVE_EVIDENCE)
    assert next(f.message for f in employment.flags if f.code is FlagCode.ABOVE_EVIDENCE) == \
        "Tự chấm 8, minh chứng chỉ đủ 5"
    assert "tỷ lệ sinh viên có việc làm sau tốt nghiệp đạt 70%" in employment.reason
    assert "từ 90% đạt đủ 10 điểm, dưới 50% không có điểm → 5 điểm" in employment.reason
    assert employment.evidence[0].quote.text == "tỷ lệ sinh viên có việc làm sau tốt nghiệp đạt 70%"
    assert "Tự chấm cao hơn mức minh chứng ở tiêu chí I.3 (8 → 5)" in unit.flags


def test_officers_proposed_in_ranking_order_only_when_the_rules_give_an_award():
    from pipeline.config.award_rules import OfficerAward
    from pipeline.core.model import Provenance
    from pipeline.nomination.nominate import nominate_officers
    from pipeline.understanding.facts import OfficerFact

    def officer(name, unit):
        text = f"Bà {name}, chuyên viên, phụ trách công tác thi đua, khen thưởng"
        return OfficerFact(name=name, position="chuyên viên",
                           quote=Quote(text=text, provenance=Provenance(file=f"{unit}.docx", paragraph=9)))

    board = rank_units([_unit("a", 95), _unit("b", 99)], 100)
    officers = {"a": [officer("Lê Thị Hoa", "a")], "b": [officer("Trần Văn Nam", "b"), officer("Vũ Thị Lan", "b")]}
    assert nominate_officers(board, officers, _rules(), 2024) == []
    rules = _rules().model_copy(update={"officer_award": OfficerAward(name="Giấy khen của Cụm trưởng Cụm thi đua")})
    proposed = nominate_officers(board, officers, rules, 2024)
    assert [(p.name, p.unit) for p in proposed] == [
        ("Trần Văn Nam", "Trường B"), ("Vũ Thị Lan", "Trường B"), ("Lê Thị Hoa", "Trường A")]
    assert proposed[0].proposal == "Đề nghị tặng Giấy khen của Cụm trưởng Cụm thi đua"
    assert proposed[0].reason == "Có thành tích xuất sắc trong công tác thi đua, khen thưởng năm 2024"
