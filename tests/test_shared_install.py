"""The README's shared install works as written: ./scripts/shared-install-check runs its commands
(PostgreSQL roles and databases, the systemd units' ExecStart lines, `tdkt deploy`, a worker) on a
throw-away PostgreSQL with API authentication on; and the units pass `systemd-analyze verify`."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
from pathlib import Path

import pytest

from pipeline.core.processes import die_with_parent

REPO = Path(__file__).resolve().parent.parent
UNITS = REPO / "deploy" / "systemd"


def _clean_env() -> dict[str, str]:
    """Nothing of this machine's Prefect or PostgreSQL settings reaches the script."""
    return {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "PG"))}


def _processes_mentioning(text: str) -> list[str]:
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            command = cmdline.read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if text in command:
            found.append(command)
    return found


def test_the_readme_shared_install_runs_end_to_end_with_authentication(tmp_path):
    if not list(Path("/usr/lib/postgresql").glob("*/bin/initdb")):
        if os.environ.get("TDKT_SKIP_POSTGRES") == "1":
            pytest.skip("PostgreSQL không có và TDKT_SKIP_POSTGRES=1")
        pytest.fail("Cần PostgreSQL cho kiểm thử này: chạy ./scripts/system-tools")
    work = tmp_path / "cai-dat"
    script = subprocess.Popen([str(REPO / "scripts" / "shared-install-check"), str(work)], env=_clean_env(),
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True,
                              preexec_fn=die_with_parent)  # never outlives a killed test run
    try:
        output, _ = script.communicate(timeout=240)
    except subprocess.TimeoutExpired:
        os.killpg(script.pid, signal.SIGTERM)  # its trap stops what it started
        output, _ = script.communicate(timeout=60)
    assert script.returncode == 0, output[-4000:]
    result = json.loads((work / "result.json").read_text())

    [auth] = result["auth"]
    assert (auth["unauthenticated_status"], auth["authenticated_status"]) == (401, 200)

    first, redeployed = result["deployment"]
    assert first["tdkt_yaml_schedule"]["interval_minutes"] == 7
    assert first["schedule"]["interval"] == 7 * 60
    assert first["schedule"]["timezone"] == "Asia/Ho_Chi_Minh"
    assert first["parameters"] == {"workspace": str(work / "srv" / "cum-18")}
    assert first["concurrency_limit"] == 1 and first["in_prefect_postgresql"] == 1
    # tdkt.yaml changed to a cron schedule, `tdkt deploy` again: the deployment follows it.
    assert redeployed["schedule"]["cron"] == "*/15 7-18 * * 1-5" and "interval" not in redeployed["schedule"]

    [run] = result["run"]
    assert run["run_states"] == ["COMPLETED"]
    draft = work / "srv" / "cum-18" / "drafts" / "ctd18" / "2023" / "danh-sach-de-nghi-khen-thuong-2023.docx"
    assert draft.stat().st_size > 0 and draft.stat().st_mode & 0o777 == 0o664
    assert run["ledger_files"] == 2 and not run["ledger_sqlite_exists"]  # the ledger is on PostgreSQL

    assert all((work / "etc" / name).stat().st_mode & 0o777 == 0o600 for name in ("prefect-server.env", "worker.env"))
    assert _processes_mentioning(str(work)) == []  # server and worker stopped with the script


def test_the_systemd_units_pass_systemd_analyze_verify(tmp_path):
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        if os.environ.get("CI"):
            pytest.fail("CI cần systemd-analyze (gói systemd) để kiểm tra các tệp dịch vụ")
        pytest.skip("không có systemd-analyze trên máy này")
    units = sorted(UNITS.glob("*.service"))
    assert [u.name for u in units] == ["tdkt-prefect-server.service", "tdkt-serve.service", "tdkt-worker.service"]
    # /opt/tdkt does not exist here: verify checks that ExecStart's program does, so point it at this
    # checkout's, which are the same programs.
    for unit in units:
        text = unit.read_text(encoding="utf-8")
        assert "User=tdkt" in text and "UMask=0002" in text and "Restart=on-failure" in text
        for env_file in [line.split("=", 1)[1] for line in text.splitlines() if line.startswith("EnvironmentFile=")]:
            assert (UNITS / f"{Path(env_file).name}.example").exists(), env_file
        (tmp_path / unit.name).write_text(text.replace("/opt/tdkt/.venv/bin/", f"{REPO}/.venv/bin/"), encoding="utf-8")
    verify = subprocess.run([analyze, "verify", "--man=no", *sorted(str(p) for p in tmp_path.glob("*.service"))],
                            capture_output=True, text=True, timeout=60)
    # Unknown keys and bad values are only warnings to systemd-analyze: any output is a failure here.
    assert (verify.returncode, verify.stdout + verify.stderr) == (0, "")
