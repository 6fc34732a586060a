"""The Prefect flow and the `tdkt` command, end to end, with no Prefect server configured."""

import json
import os
import subprocess
import sys
from pathlib import Path

import docx

from examples import SAMPLE_CLUSTER_DIR

TDKT = [sys.executable, "-m", "cli.main"]
REPO = Path(__file__).resolve().parent.parent


def test_flow_over_an_inbox_with_bad_files(prefect_harness, bad_inbox, tmp_path):
    from test_bad_input import check_bad_inbox_summary

    from flows.inbox import run_inbox as process_inbox

    summary = process_inbox(bad_inbox, tmp_path / "out", rubric=SAMPLE_CLUSTER_DIR / "rubric.yaml",
                            rules=SAMPLE_CLUSTER_DIR / "rules.yaml", cluster=SAMPLE_CLUSTER_DIR / "cluster.yaml")
    check_bad_inbox_summary(summary, bad_inbox)


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PREFECT_API_URL", None)  # a fresh machine: no server configured
    env["COLUMNS"] = "200"  # keep the results table on one line per unit
    return env


def test_readme_demo_command_on_a_fresh_workspace(tmp_path):
    """`./scripts/demo` is the README's run command (set-up is done once by the test command)."""
    workspace = tmp_path / "ws"
    run = subprocess.run([str(REPO / "scripts" / "demo"), "--workspace", str(workspace)], capture_output=True,
                         text=True, timeout=300, env=_env(), cwd=tmp_path)
    assert run.returncode == 0, run.stderr[-3000:]
    out = run.stdout
    assert "Kết quả chấm điểm năm 2023" in out
    assert any("Trường Đại học Văn hóa Nghệ thuật Thủ đô" in line and "101,5" in line
               and "Cờ thi đua của Chính phủ" in line for line in out.splitlines())
    lines = out.splitlines()  # one line per file as it is done (not a terminal: no progress display)
    assert ("ctd18: Bao cao tong ket thi dua 2023_CDYT (gui lai).pdf: trùng lặp, không dùng: trùng hoàn toàn với "
            "tệp Bao cao tong ket thi dua 2023_CDYT.pdf (đã xử lý)") in lines
    assert ("ctd18: BC TĐKT 2023 - ĐH VHNT Thủ đô.docx: đã đọc (Trường Đại học Văn hóa Nghệ thuật Thủ đô, "
            "năm 2023)") in lines
    assert "ctd18: 7 tệp mới (6 đã đọc, 1 trùng lặp, không dùng); năm 2023: đã ghi dự thảo bản 1" in lines
    assert "\x1b[" not in out
    assert "Năm 2023: đã ghi dự thảo bản 1." in out
    assert len(list((workspace / "archive").iterdir())) == 6 and (workspace / "ledger.sqlite").exists()
    drafts = workspace / "drafts" / "ctd18" / "2023"
    table = docx.Document(str(drafts / "danh-sach-de-nghi-khen-thuong-2023.docx")).tables[1]
    assert table.cell(1, 4).text == "Cờ thi đua của Chính phủ"
    assert (drafts / "bao-cao-tong-ket-2023.docx").exists()
    assert len(list((workspace / "inbox").iterdir())) == 7
    again = subprocess.run([str(REPO / "scripts" / "demo"), "--workspace", str(workspace)], capture_output=True,
                           text=True, timeout=300, env=_env(), cwd=tmp_path)
    assert again.returncode == 0 and "Năm 2023: không có gì mới; dự thảo giữ nguyên." in again.stdout
    # Nothing to do: said without starting a temporary Prefect server, with the same ranking.
    assert "lần chạy này không cần máy chủ Prefect" in again.stdout
    assert "Khởi động máy chủ Prefect tạm thời" not in again.stdout
    assert any("Trường Đại học Văn hóa Nghệ thuật Thủ đô" in line and "101,5" in line
               and "Cờ thi đua của Chính phủ" in line for line in again.stdout.splitlines())
    explain = subprocess.run([*TDKT, "explain", "y te", "--workspace", str(workspace)], capture_output=True,
                             text=True, timeout=120, env=_env(), cwd=REPO)
    assert explain.returncode == 0, explain.stderr[-3000:]
    lines = [" ".join(line.split()) for line in explain.stdout.splitlines()]
    assert "Trường Cao đẳng Y tế Thủ đô — năm 2023" in lines
    assert "Cần rà soát: Tự chấm 2, minh chứng chỉ đủ 1" in lines


def test_extract_json_shows_blocks_and_facts(tmp_path):
    report = SAMPLE_CLUSTER_DIR / "inbox" / "CĐNT Thăng Long - Báo cáo thi đua khen thưởng 2023.pdf"
    run = subprocess.run([*TDKT, "extract", str(report), "--json", "--cluster",
                          str(SAMPLE_CLUSTER_DIR / "cluster.yaml")], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-3000:]
    payload = json.loads(run.stdout)
    assert payload["document"]["format"] == "pdf"
    first = payload["document"]["blocks"][0]
    assert first["provenance"]["file"] == report.name and first["provenance"]["page"] == 1
    facts = payload["facts"]
    assert facts["unit"]["member_id"] == "cdnt"
    rows = {r["code"]: r for r in facts["self_scores"]["rows"] if r["kind"] == "criterion"}
    assert rows["I.4"]["self_score"] == 10.5 and rows["I.4"]["provenance"]["page"] == 4


def test_extract_names_a_bad_file(tmp_path):
    empty = tmp_path / "trong.pdf"
    empty.write_bytes(b"")
    run = subprocess.run([*TDKT, "extract", str(empty)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 1
    assert "trong.pdf: tệp rỗng" in run.stdout


def test_run_reports_a_config_error_plainly(tmp_path):
    bad = tmp_path / "rubric.yaml"
    bad.write_text("name: x\ngroups: []\n", encoding="utf-8")
    run = subprocess.run([*TDKT, "run", "--inbox", str(tmp_path), "--out", str(tmp_path / "o"), "--rubric", str(bad)],
                         capture_output=True, text=True, timeout=300, env=_env())
    assert run.returncode == 1
    assert f"Tệp cấu hình {bad} không hợp lệ" in run.stderr
    assert "dòng 2: groups" in run.stderr


def test_flows_use_the_criteria_document_in_the_inbox(prefect_harness, tmp_path):
    """The Prefect flows behind `tdkt run` and `tdkt process` score on the inbox's criteria document."""
    from test_criteria_in_inbox import nested_inbox, totals, workspace

    from flows.inbox import run_inbox as process_inbox
    from flows.workspace import run_workspace as process_workspace

    rubric = nested_inbox(tmp_path / "inbox", tmp_path / "src")
    summary = process_inbox(tmp_path / "inbox", tmp_path / "out", cluster=SAMPLE_CLUSTER_DIR / "cluster.yaml")
    assert summary.result.rubric == rubric and totals(summary) == {"cdsp": 1000, "cdyt": 980}
    assert summary.criteria.exported and (tmp_path / "out" / summary.criteria.exported[0]).exists()
    root = workspace(tmp_path / "ws")
    nested_inbox(root / "inbox", tmp_path / "src-ws")
    [cluster] = process_workspace(str(root)).clusters
    assert cluster.problem is None and totals(cluster.years[0].summary) == {"cdsp": 1000, "cdyt": 980}
    assert [i.outcome.value for i in cluster.ingested if i.name.startswith("Bang")] == ["criteria"]
