"""Rubric, rules and cluster files are validated on load, with errors naming file and line."""

from pathlib import Path

import pytest

from pipeline.config.award_rules import load_rules
from pipeline.config.cluster import load_cluster
from pipeline.config.rubric import load_rubric
from pipeline.core.errors import ConfigError
from templates import DEFAULT_RUBRIC, DEFAULT_RULES

RUBRIC = """\
name: Thử
scale: 100
groups:
  - code: I
    title: Chuyên môn
    max: 60
    criteria:
      - {code: I.1, title: Tuyển sinh, max: 30}
      - {code: I.2, title: Đào tạo, max: 31}
  - code: II
    title: Thi đua
    max: 40
    criteria:
      - {code: I.1, title: Trùng mã, max: 40}
  - code: IV
    title: Điểm thưởng
    kind: bonus
    max: 5
    criteria:
      - {code: IV.1, title: Khen cao, max: 6}
"""


def test_defaults_load():
    rubric = load_rubric(DEFAULT_RUBRIC)
    assert rubric.scale == 100
    assert sum(g.max for g in rubric.groups if g.kind.value == "standard") == 100
    assert load_rules(DEFAULT_RULES).awards[0].name == "Cờ thi đua của Chính phủ"


def test_rubric_errors_name_file_and_line(tmp_path: Path):
    path = tmp_path / "rubric.yaml"
    path.write_text(RUBRIC, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_rubric(path)
    message = str(err.value)
    assert str(path) in message
    assert "dòng 4: tổng điểm chuẩn các tiêu chí con của 'I' là 61, khác điểm chuẩn 60 của 'I'" in message
    assert "dòng 14: mã tiêu chí 'I.1' bị trùng" in message
    assert "dòng 20: 'IV.1' có mức 6 vượt mức tối đa 5 của nhóm" in message


def test_yaml_type_error_names_line(tmp_path: Path):
    path = tmp_path / "rubric.yaml"
    path.write_text(RUBRIC.replace("max: 60", "max: sáu mươi"), encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_rubric(path)
    assert "dòng 6: groups.0.max: phải là một số" in str(err.value)


def test_cluster_leader_must_be_a_member(tmp_path: Path):
    path = tmp_path / "cluster.yaml"
    path.write_text(
        "name: Cụm thi đua số 1\nmembers:\n  - {id: a, name: Trường A}\nleader: b\nrotation: [a, c]\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError) as err:
        load_cluster(path)
    assert "dòng 4: 'b' không phải mã của đơn vị thành viên nào" in str(err.value)
    assert "dòng 5: 'c' không phải mã của đơn vị thành viên nào" in str(err.value)


def test_rules_quota_must_be_count_or_share(tmp_path: Path):
    path = tmp_path / "rules.yaml"
    path.write_text("awards:\n  - {id: a, name: Cờ, kind: danh_hieu, quota: nhiều}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_rules(path)
    assert "dòng 2" in str(err.value)
    assert "quota" in str(err.value)


def test_quota_by_share_rounds_as_configured(tmp_path: Path):
    path = tmp_path / "rules.yaml"
    path.write_text(
        "awards:\n  - {id: a, name: Cờ thi đua của Chính phủ, kind: danh_hieu, quota: '20%'}\n"
        "  - {id: b, name: Bằng khen của Thủ tướng Chính phủ, kind: hinh_thuc, quota: '20%', rounding: ceil}\n",
        encoding="utf-8",
    )
    rules = load_rules(path)
    assert rules.awards[0].quota_for(6) == 1
    assert rules.awards[1].quota_for(6) == 2


RULES = """\
awards:
  - id: cp
    name: Cờ thi đua của Chính phủ
    kind: danh_hieu
    quota: 9
    requires: [tp]
  - id: tp
    name: Cờ thi đua của UBND Thành phố
    kind: danh_hieu
    quota: 1
    requires: [cp]
  - id: bk
    name: Bằng khen của Giám đốc Sở Tài nguyên
    kind: hinh_thuc
    requires: [xx]
"""


def test_rules_that_cannot_be_satisfied_are_named_with_their_line(tmp_path: Path):
    from pipeline.config.cluster import Cluster, Member

    path = tmp_path / "rules.yaml"
    path.write_text(RULES, encoding="utf-8")
    cluster = Cluster(name="Cụm thi đua số 9", members=[Member(id=i, name=f"Trường {i}") for i in "abc"])
    with pytest.raises(ConfigError) as err:
        load_rules(path, cluster)
    message = str(err.value)
    assert "dòng 5: số lượng 9 lớn hơn số đơn vị của Cụm (3)" in message
    assert "dòng 6: điều kiện của 'cp' vòng lại chính nó" in message
    assert "dòng 11: điều kiện của 'tp' vòng lại chính nó" in message
    assert "dòng 13: không biết hình thức, danh hiệu 'Bằng khen của Giám đốc Sở Tài nguyên'" in message
    assert "dòng 15: 'xx' không phải mã hình thức nào trong tệp" in message


def test_legal_bases_follow_the_date_of_the_draft():
    import datetime as dt

    rules = load_rules(DEFAULT_RULES)
    assert "91/2017/NĐ-CP" in rules.legal_basis_for(2023, dt.date(2023, 12, 28))[1]
    assert "98/2023/NĐ-CP" in rules.legal_basis_for(2024)[1]  # issued January 2025
    assert "98/2023/NĐ-CP" in rules.legal_basis_for(2025, dt.date(2025, 6, 30))[1]
    assert "152/2025/NĐ-CP" in rules.legal_basis_for(2025, dt.date(2025, 7, 1))[1]
    assert "15/2025/TT-BNV" in rules.legal_basis_for(2025)[2]


@pytest.mark.parametrize(("text", "problem"), [
    ("a: &x [1, 2]\nb: *x\n", "dòng 2: tdkt không nhận bí danh YAML (*…); hãy viết đầy đủ giá trị"),
    ("a: " + "[" * 100 + "]" * 100 + "\n", "dòng 1: các mục lồng nhau quá sâu (trên 64 cấp)"),
    ("a: [" + ", ".join("1" for _ in range(250_000)) + "]\n",
     "tệp có quá nhiều mục (trên 200.000) cho một tệp cấu hình"),
])
def test_a_hostile_config_file_is_refused_quickly_with_a_plain_reason(tmp_path, text, problem):
    import time

    from pipeline.config.cluster import load_cluster

    path = tmp_path / "cluster.yaml"
    path.write_text(text, encoding="utf-8")
    started = time.monotonic()
    with pytest.raises(ConfigError) as caught:
        load_cluster(path)
    assert time.monotonic() - started < 10
    assert str(caught.value) == f"Tệp cấu hình {path} không hợp lệ:\n  - {problem}"


def test_a_binary_file_given_as_config_is_named_without_its_contents(tmp_path):
    from pipeline.config.cluster import load_cluster

    path = tmp_path / "cluster.yaml"
    path.write_bytes(b"\xff\xfe\x00secret-data\x00" * 10)
    with pytest.raises(ConfigError) as caught:
        load_cluster(path)
    assert "secret" not in str(caught.value)
    assert "không phải tệp văn bản UTF-8" in str(caught.value)
