"""Scheduled runs against a real local Prefect server. (A deployment run by a worker, on PostgreSQL
with authentication: tests/test_shared_install.py.)"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from examples import SAMPLE_CLUSTER_DIR
from pipeline.core.processes import die_with_parent

REPORTS = ["BC TĐKT 2023 - ĐH VHNT Thủ đô.docx", "Bao cao tong ket thi dua 2023_CDYT.pdf"]


def _workspace(root: Path, schedule: str = "") -> Path:
    (root / "inbox").mkdir(parents=True)
    for name in ("cluster.yaml", "rubric.yaml", "rules.yaml"):
        shutil.copyfile(SAMPLE_CLUSTER_DIR / name, root / name)
    (root / "tdkt.yaml").write_text(f"settle_seconds: 0\n{schedule}", encoding="utf-8")
    for i, name in enumerate(REPORTS):
        shutil.copyfile(SAMPLE_CLUSTER_DIR / "inbox" / name, root / "inbox" / name)
        os.utime(root / "inbox" / name, (1_700_000_000 + i, 1_700_000_000 + i))
    return root


def _post(api: str, path: str, query: dict) -> list[dict]:
    request = urllib.request.Request(f"{api}/{path}", data=json.dumps(query).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def _completed_runs(api: str) -> list[dict]:
    return _post(api, "flow_runs/filter", {"flow_runs": {"state": {"type": {"any_": ["COMPLETED"]}}}, "limit": 50})


def _run_logs(api: str, run_id: str, expected: str) -> list[str]:
    """The run's log messages once ``expected`` is among them: a run's last lines reach the server
    when its process exits, which may be just after the run is marked completed."""
    deadline = time.monotonic() + 60
    while True:
        logs = [log["message"] for log in _post(api, "logs/filter", {"logs": {"flow_run_id": {"any_": [run_id]}}})]
        if expected in logs or time.monotonic() > deadline:
            return logs
        time.sleep(1)


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(DO_NOT_TRACK="1", PREFECT_SERVER_ANALYTICS_ENABLED="false", **extra)
    return env


def test_tdkt_serve_starts_a_server_and_runs_on_schedule(tmp_path):
    root = _workspace(tmp_path / "ws", "schedule:\n  interval_minutes: 0.05\n")
    output = tmp_path / "serve.log"
    with output.open("w") as out:
        serve = subprocess.Popen([sys.executable, "-m", "cli.main", "serve", "--workspace", str(root)],
                                 cwd=tmp_path, env=_env(PREFECT_RUNNER_POLL_FREQUENCY="2"), stdout=out,
                                 stderr=subprocess.STDOUT, start_new_session=True,
                                 preexec_fn=die_with_parent)  # never outlives a killed test run
    api = None
    try:
        deadline = time.monotonic() + 240
        draft = root / "drafts" / "ctd18" / "2023" / "bao-cao-tong-ket-2023.docx"
        while time.monotonic() < deadline and api is None and serve.poll() is None:
            time.sleep(1)
            match = re.search(r"Giao diện Prefect: (http://127\.0\.0\.1:\d+)", output.read_text())
            api = f"{match.group(1)}/api" if match else None
        assert api, output.read_text()[-3000:]
        completed = []
        while time.monotonic() < deadline and len(completed) < 2:
            time.sleep(2)
            completed = _completed_runs(api)
        assert len(completed) >= 2, output.read_text()[-3000:]
        assert all(r["deployment_id"] for r in completed)  # runs of the served deployment
        # One Vietnamese line per file and a summary, in the run's logs (the Prefect UI's "Logs")
        # at the default level, and in serve's terminal; task run names keep their diacritics.
        first = min(completed, key=lambda r: r["expected_start_time"])
        summary_line = "ctd18: 2 tệp mới (2 đã đọc); năm 2023: đã ghi dự thảo bản 1"
        logs = _run_logs(api, first["id"], summary_line)
        read_line = ("ctd18: BC TĐKT 2023 - ĐH VHNT Thủ đô.docx: đã đọc (Trường Đại học Văn hóa Nghệ thuật Thủ đô, "
                     "năm 2023)")
        assert read_line in logs and summary_line in logs, logs
        assert read_line in output.read_text()
        tasks = {t["name"] for t in _post(api, "task_runs/filter", {"flow_runs": {"id": {"any_": [first["id"]]}}})}
        assert "xử lý ctd18" in tasks, tasks  # one task run per cluster
        later = max(completed, key=lambda r: r["expected_start_time"])
        nothing_new = "ctd18: không có tệp mới; năm 2023: dự thảo giữ nguyên"
        assert nothing_new in _run_logs(api, later["id"], nothing_new)
        assert draft.exists()
        assert (root / ".prefect" / "prefect.db").exists()  # the server's database is in the workspace
    finally:
        os.killpg(serve.pid, signal.SIGINT)
        try:
            serve.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(serve.pid, signal.SIGKILL)
    # The server tdkt started is gone with it: at once when serve stops it, within seconds when serve
    # had to be killed (it then gets SIGTERM from the kernel and shuts down on a busy machine).
    gone = time.monotonic() + 60
    while time.monotonic() < gone:
        try:
            _completed_runs(api)
        except OSError:
            break
        time.sleep(1)
    with pytest.raises(OSError):
        _completed_runs(api)

