"""Nomination principles written in a criteria document become the cluster's award rules.

The two 80-point scenarios run end to end from the document's own words: read_principles →
nominate. The property test reads hundreds of generated wordings and holds that the rules read
are exactly the ones written, or the sentence is listed as not understood.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from generators.principles_text import generate

from pipeline.config.award_rules import (
    AwardRules,
    ScoreBasis,
    ScoreLine,
    TieStep,
    check_rules_for_rubric,
    known_award_names,
    load_rules,
)
from pipeline.config.cluster import Cluster, Member
from pipeline.config.rubric import GroupKind, Rubric
from pipeline.core.errors import ConfigError
from pipeline.core.model import Block, BlockKind, Provenance
from pipeline.core.textnorm import fold, nfc
from pipeline.criteria.principles import principles_yaml, read_principles
from pipeline.nomination.nominate import Status, nominate
from pipeline.scoring.score import CriterionScore, UnitScore, rank_units
from templates import DEFAULT_RULES

BK = "Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố"
FLAGS = [
    "Đơn vị xếp thứ nhất được Cụm suy tôn, đề nghị Chính phủ tặng Cờ thi đua của Chính phủ.",
    "Đơn vị xếp thứ hai đề nghị tặng Cờ thi đua của UBND Thành phố.",
]
TOTAL_LINE = ("Các đơn vị còn lại đạt từ 80 điểm trở lên (80% tổng điểm chuẩn) và không có cán bộ, viên chức bị "
              "kỷ luật (tiêu chí 5.1), đề nghị tặng Bằng khen của Chủ tịch UBND Thành phố.")
STANDARD_LINE = ("Các đơn vị còn lại đạt từ 80% điểm chuẩn, không tính điểm thưởng, và không có cán bộ, viên chức bị "
                 "kỷ luật (tiêu chí 5.1), đề nghị tặng Bằng khen của Chủ tịch UBND Thành phố.")


def _rubric(scale: int = 100) -> Rubric:
    k = scale // 100
    return Rubric.model_validate({"name": "Bảng tiêu chí thử", "scale": scale, "groups": [
        {"code": "1", "title": "Chuyên môn", "max": 70 * k,
         "criteria": [{"code": "1.1", "title": "Đào tạo", "max": 70 * k}]},
        {"code": "2", "title": "Thi đua", "max": 30 * k,
         "criteria": [{"code": "2.1", "title": "Phong trào", "max": 30 * k}]},
        {"code": "4", "title": "Điểm thưởng", "kind": "bonus", "max": 5 * k,
         "criteria": [{"code": "4.1", "title": "Khen thưởng cấp cao", "max": 5 * k}]},
        {"code": "5", "title": "Điểm trừ", "kind": "deduction", "criteria": [
            {"code": "5.1", "title": "Cán bộ, viên chức bị kỷ luật", "max": 5 * k, "discipline": True},
            {"code": "5.2", "title": "Chậm gửi báo cáo", "max": 1 * k}]},
    ]})


def _blocks(*texts: str) -> list[Block]:
    return [Block(kind=BlockKind.PARAGRAPH, raw=t, text=nfc(t), provenance=Provenance(file="Bang tieu chi.docx",
                                                                                     paragraph=i))
            for i, t in enumerate(texts)]


def _unit(member_id: str, standard: float, bonus: float = 0.0, deducted: dict[str, float] | None = None) -> UnitScore:
    criteria = [CriterionScore(code=code, title="Cán bộ, viên chức bị kỷ luật" if code == "5.1" else "Chậm gửi báo cáo",
                               group="5", kind=GroupKind.DEDUCTION, max_points=5, self_score=points, proposed=points,
                               reason="Đơn vị tự trừ")
                for code, points in (deducted or {}).items()]
    deductions = sum((deducted or {}).values())
    total = round(standard + bonus - deductions, 2)
    return UnitScore(member_id=member_id, name=f"Trường {member_id.upper()}", file=f"{member_id}.docx",
                     criteria=criteria, groups=[], standard=standard, bonus=bonus, deductions=deductions, total=total,
                     self_total=total, claimed_total=total)


def _nominate(units: list[UnitScore], rules: AwardRules) -> dict:
    members = [Member(id=u.member_id, name=u.name) for u in units]
    cluster = Cluster(name="Cụm thi đua số 9", symbol="CTĐ9", members=members, rotation=[u.member_id for u in units])
    result = nominate(rank_units(units, 100), rules, cluster, 2024)
    return {n.member_id: n for n in result.nominations}


def _base() -> AwardRules:
    return load_rules(DEFAULT_RULES)


# --- the issue: 79 standard + 1 bonus = 80, exactly the line the cluster wrote ------------------


def _cluster_units() -> list[UnitScore]:
    return [_unit("a", 97, 2), _unit("b", 95, 1), _unit("c", 88), _unit("d", 79, 1), _unit("e", 79.5),
            _unit("f", 92, 0, {"5.1": 2}), _unit("g", 90, 0, {"5.2": 1})]


def test_a_unit_at_exactly_80_total_gets_the_bang_khen_when_the_document_says_tu_80_diem():
    reading = read_principles(_blocks(*FLAGS, TOTAL_LINE), _rubric(), _base())
    bk = reading.rules.awards[-1]
    assert (bk.name, bk.quota, bk.line, bk.exclude_deducted) == (BK, None, ScoreLine(share=0.8), ["5.1"])
    by_id = _nominate(_cluster_units(), reading.rules)
    assert by_id["d"].award == BK and by_id["d"].status is Status.PROPOSED  # 79 + 1 bonus = 80
    assert by_id["e"].award is None
    assert by_id["e"].reason == ("Tổng điểm 79,5/100, dưới mức 80 điểm (80% tổng điểm chuẩn) để đề nghị "
                                 "Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố")
    assert by_id["f"].award is None  # 90 total, but deduction points on 5.1
    assert by_id["f"].reason.startswith("Có điểm trừ ở tiêu chí 5.1 (5.1 Cán bộ, viên chức bị kỷ luật)")
    assert by_id["g"].award == BK  # a deduction on 5.2 excludes nothing
    assert [by_id[i].award for i in "ab"] == ["Cờ thi đua của Chính phủ", "Cờ thi đua của Ủy ban nhân dân Thành phố"]


def test_the_same_unit_gets_nothing_when_the_document_leaves_the_bonus_out():
    reading = read_principles(_blocks(*FLAGS, STANDARD_LINE), _rubric(), _base())
    assert reading.rules.awards[-1].line == ScoreLine(share=0.8, of=ScoreBasis.STANDARD)
    by_id = _nominate(_cluster_units(), reading.rules)
    assert by_id["d"].award is None and by_id["d"].status is Status.NONE
    assert by_id["d"].reason == "Điểm chuẩn đạt 79/100 (không tính 1 điểm thưởng), dưới mức 80% để đề nghị khen thưởng"
    assert by_id["c"].award == BK


def test_what_was_understood_is_said_in_words_and_in_keys():
    reading = read_principles(_blocks(*FLAGS, TOTAL_LINE), _rubric(), _base())
    assert reading.complete and reading.problems == []
    became = {u.sentence: u.became for u in reading.understood}
    assert became[FLAGS[0]] == "Cờ thi đua của Chính phủ: 01 đơn vị xếp thứ 1 (quota: 1)"
    assert became[TOTAL_LINE] == (
        "Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố: các đơn vị còn lại, không giới hạn số lượng; tổng điểm "
        "(tính cả điểm thưởng) từ 80 điểm (80% tổng điểm chuẩn) trở lên (min_score: {share: 0.8, of: total}); loại "
        "đơn vị có điểm trừ ở tiêu chí 5.1 (exclude_deducted: [5.1])")
    assert reading.understood[0].provenance == Provenance(file="Bang tieu chi.docx", paragraph=0)


# --- the defaults, when the document states nothing ----------------------------------------


def test_without_principles_the_default_line_is_the_total_against_80_percent_of_the_scale():
    rules = _base()
    assert rules.award("bang_khen_ubnd_tp").line == ScoreLine(share=0.8, of=ScoreBasis.TOTAL)
    assert rules.ties == [TieStep.VOTE]
    by_id = _nominate(_cluster_units(), rules)
    assert by_id["d"].award == BK
    assert by_id["e"].reason.startswith("Tổng điểm 79,5/100, dưới mức 80 điểm")


def test_a_document_without_principles_gives_no_rules():
    reading = read_principles(_blocks("Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15;",
                                      "BẢNG TIÊU CHÍ CHẤM ĐIỂM THI ĐUA, KHEN THƯỞNG NĂM 2024",
                                      "Ghi chú: Tổng điểm trừ của mục 5 không quá 5 điểm."), _rubric(), _base())
    assert reading.rules is None and reading.understood == [] and reading.not_understood == []
    with pytest.raises(ValueError):
        principles_yaml(reading, "Bang tieu chi.docx")


# --- the rules file -------------------------------------------------------------------------


def test_the_rules_yaml_loads_and_quotes_every_sentence(tmp_path: Path):
    trap = "Tỷ lệ đơn vị được đề nghị tặng Bằng khen không quá 70% số đơn vị của Cụm."
    tie = ("Trường hợp bằng điểm nhau tại vị trí xét Cờ thi đua thì ưu tiên đơn vị có ít điểm trừ hơn, "
           "sau đó bỏ phiếu kín.")
    reading = read_principles(_blocks("III. NGUYÊN TẮC XÉT KHEN THƯỞNG", *FLAGS, TOTAL_LINE, trap, tie), _rubric(),
                              _base())
    text = principles_yaml(reading, "Bang tieu chi.docx")
    path = tmp_path / "rules.yaml"
    path.write_text(text, encoding="utf-8")
    loaded = load_rules(path)
    assert loaded == reading.rules
    assert loaded.ties == [TieStep.FEWER_DEDUCTIONS, TieStep.VOTE]
    assert loaded.legal_bases == _base().legal_bases and loaded.officer_award == _base().officer_award
    assert "# Quy tắc khen thưởng tdkt đọc từ nguyên tắc xét khen thưởng trong văn bản: Bang tieu chi.docx" in text
    assert "“Đơn vị xếp thứ hai đề nghị tặng Cờ thi đua của UBND Thành phố.”" in text
    assert "Các câu tdkt CHƯA HIỂU" in text and "“Tỷ lệ đơn vị được đề nghị tặng Bằng khen không quá 70% số" in text
    assert [n.sentence for n in reading.not_understood] == [trap]


def test_legacy_keys_still_load(tmp_path: Path):
    path = tmp_path / "rules.yaml"
    path.write_text("awards:\n  - {id: bk, name: Bằng khen của UBND Thành phố, kind: hinh_thuc,\n"
                    "      min_standard_share: 0.8}\nties: women_then_vote\n", encoding="utf-8")
    rules = load_rules(path)
    assert rules.awards[0].line == ScoreLine(share=0.8, of=ScoreBasis.STANDARD)
    assert rules.ties == [TieStep.WOMEN, TieStep.VOTE]
    rules.ties = "vote"  # assignments are validated too
    assert rules.ties == [TieStep.VOTE]
    assert AwardRules(awards=rules.awards, ties=["fewer_deductions"]).ties == [TieStep.FEWER_DEDUCTIONS, TieStep.VOTE]


def test_rules_that_vote_before_a_preference_or_give_two_lines_are_refused(tmp_path: Path):
    path = tmp_path / "rules.yaml"
    path.write_text("awards:\n  - id: bk\n    name: Bằng khen của UBND Thành phố\n    kind: hinh_thuc\n"
                    "    min_standard_share: 0.8\n    min_score: {points: 80}\nties: [vote, women]\n", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_rules(path)
    assert "vote (Cụm biểu quyết) phải là bước cuối cùng" in str(err.value)
    path.write_text("awards:\n  - id: bk\n    name: Bằng khen của UBND Thành phố\n    kind: hinh_thuc\n"
                    "    min_standard_share: 0.8\n    min_score: {points: 80}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_rules(path)
    assert "dòng 5: chỉ dùng một trong hai: min_score hoặc min_standard_share" in str(err.value)


def test_codes_the_rubric_does_not_have_are_reported():
    rules = _base()
    rules.awards[-1].exclude_deducted = ["9.9", "1.1"]
    assert check_rules_for_rubric(rules, _rubric()) == [
        f"{BK}: mã tiêu chí '9.9' (exclude_deducted) không có trong bảng tiêu chí",
        f"{BK}: '1.1' (exclude_deducted) không phải mục điểm trừ và không chứa mục điểm trừ nào",
    ]
    reading = read_principles(_blocks("Đơn vị có cán bộ bị kỷ luật (tiêu chí 9.9) không được xét khen thưởng."),
                              _rubric(), _base())
    assert reading.rules is None
    assert reading.not_understood[0].why == "bảng tiêu chí không có mục 9.9"


# --- ties -----------------------------------------------------------------------------------


def test_fewer_deductions_breaks_a_tie_at_the_flag_and_the_vote_decides_the_rest():
    tie = "Trường hợp bằng điểm nhau thì ưu tiên đơn vị có ít điểm trừ hơn, sau đó bỏ phiếu kín."
    rules = read_principles(_blocks(*FLAGS, TOTAL_LINE, tie), _rubric(), _base()).rules
    by_id = _nominate([_unit("a", 98), _unit("b", 99, 0, {"5.2": 1}), _unit("c", 90)], rules)
    assert by_id["a"].award == "Cờ thi đua của Chính phủ" and by_id["a"].status is Status.PROPOSED
    assert "ưu tiên đơn vị có ít điểm trừ hơn (0 điểm trừ)" in by_id["a"].note
    assert by_id["b"].award == "Cờ thi đua của Ủy ban nhân dân Thành phố"
    assert "Đồng điểm ở ranh giới Cờ thi đua của Chính phủ nhưng có nhiều điểm trừ hơn" in by_id["b"].note
    by_id = _nominate([_unit("a", 99, 0, {"5.2": 1}), _unit("b", 99, 0, {"5.2": 1}), _unit("c", 90)], rules)
    assert by_id["a"].status is Status.TIE_VOTE and by_id["b"].status is Status.TIE_VOTE


def test_a_tie_rule_written_for_one_flag_says_where_it_applies():
    tie = "Trường hợp bằng điểm nhau tại vị trí xét Cờ thi đua của Chính phủ thì Cụm bỏ phiếu kín."
    reading = read_principles(_blocks(*FLAGS, TOTAL_LINE, tie), _rubric(), _base())
    assert reading.rules.ties == [TieStep.VOTE] and reading.complete
    assert reading.understood[-1].became == (
        "Đơn vị bằng điểm nhau ở ranh giới số lượng: Cụm biểu quyết (bỏ phiếu) (ties: [vote]); văn bản nói cho "
        "Cờ thi đua của Chính phủ, tdkt áp dụng ở mọi ranh giới số lượng")


# --- wording ----------------------------------------------------------------------------------


def test_province_flags_abbreviations_nfd_and_codes_in_another_numeral():
    import unicodedata

    texts = ["a) Đơn vị dẫn đầu Cụm đề nghị UBND tỉnh tặng Cờ thi đua; b) Các đơn vị còn lại đạt 800/1.000 điểm và "
             "không có cán bộ, viên chức bị kỷ luật (mục V.1) đề nghị Chủ tịch UBND tỉnh tặng Bằng khen."]
    blocks = [Block(kind=BlockKind.PARAGRAPH, raw=unicodedata.normalize("NFD", texts[0]),
                    text=unicodedata.normalize("NFD", texts[0]), provenance=Provenance(file="x.docx", paragraph=3))]
    reading = read_principles(blocks, _rubric(1000), _base())
    got = [(a.name, a.quota, a.line, a.exclude_deducted) for a in reading.rules.awards]
    assert got == [("Cờ thi đua của Ủy ban nhân dân tỉnh", 1, None, []),
                   ("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", None, ScoreLine(points=800), ["5.1"])]
    assert all(fold(a.name) in known_award_names() for a in reading.rules.awards)
    assert reading.rules.awards[0].vote_share == 0.8 and reading.rules.awards[0].kind.value == "danh_hieu"
    assert "mục V.1 là 5.1 trong bảng tiêu chí" in reading.understood[1].became


def test_a_sentence_with_what_tdkt_does_not_model_is_listed_not_guessed():
    texts = [*FLAGS,
             "Các đơn vị hoàn thành nhiệm vụ nhưng không đạt 80 điểm đề nghị tặng Giấy khen của Giám đốc Sở Nội vụ.",
             "Đơn vị xếp thứ nhất phải có ít nhất 01 cá nhân đạt danh hiệu Chiến sĩ thi đua thành phố.",
             TOTAL_LINE]
    reading = read_principles(_blocks(*texts), _rubric(), _base())
    assert [a.name for a in reading.rules.awards] == ["Cờ thi đua của Chính phủ",
                                                       "Cờ thi đua của Ủy ban nhân dân Thành phố", BK]
    assert [n.why for n in reading.not_understood] == [
        "có nội dung tdkt chưa hiểu: “hoàn thành nhiệm vụ nhưng không”",
        "có nội dung tdkt chưa hiểu: “ít nhất 01”"]


def test_sentences_that_contradict_each_other_are_all_refused():
    texts = [*FLAGS, TOTAL_LINE, "Trường hợp bằng điểm nhau thì bỏ phiếu kín.",
             "Trường hợp đồng điểm thì ưu tiên đơn vị có ít điểm trừ hơn.",
             "Đơn vị xếp thứ ba đề nghị tặng Cờ thi đua của UBND Thành phố."]
    reading = read_principles(_blocks(*texts), _rubric(), _base())
    assert [a.name for a in reading.rules.awards] == ["Cờ thi đua của Chính phủ", BK]
    assert reading.rules.ties == _base().ties
    assert {n.sentence: n.why for n in reading.not_understood} == {
        FLAGS[1]: "các câu nêu Cờ thi đua của Ủy ban nhân dân Thành phố cho những thứ hạng khác nhau",
        texts[5]: "các câu nêu Cờ thi đua của Ủy ban nhân dân Thành phố cho những thứ hạng khác nhau",
        texts[3]: "các câu nêu những cách xử lý bằng điểm khác nhau",
        texts[4]: "các câu nêu những cách xử lý bằng điểm khác nhau",
    }


# --- generated wordings ---------------------------------------------------------------------


def _key(text: str) -> str:
    return nfc(text).rstrip(" .;")


@pytest.mark.parametrize("first", range(0, 400, 100))
def test_generated_principles_are_read_exactly_or_listed(first: int):
    base = _base()
    for seed in range(first, first + 100):
        case = generate(seed)
        reading = read_principles(case.blocks, case.rubric, base)
        got = [(a.name, a.quota, a.line, sorted(a.exclude_deducted)) for a in reading.rules.awards]
        want = [(a.name, a.quota, a.line, sorted(a.excluded)) for a in case.awards]
        assert got == want, (seed, case.notes)
        assert reading.rules.ties == (case.ties or base.ties), (seed, case.notes)
        assert reading.rules.women_share == (case.women_share or base.women_share), (seed, case.notes)
        listed = {_key(n.sentence) for n in reading.not_understood}
        must = {_key(t) for t in case.traps + case.refused}
        assert must <= listed, (seed, case.notes)
        assert listed <= must | {_key(t) for t in case.unrelated_in_section}, (seed, case.notes)
        understood = {_key(u.sentence) for u in reading.understood}
        assert not understood & must, (seed, case.notes)
