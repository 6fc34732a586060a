"""`tdkt serve` owns its Prefect server's life: however serve ends (SIGTERM from systemd or kill,
SIGHUP when its terminal closes, SIGKILL with no cleanup at all), the server it started is gone,
and a stop by signal prints no traceback."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from test_schedule_and_worker import _env, _workspace

from flows.server_choice import ADDRESS_FILE
from pipeline.core.processes import die_with_parent


def _answers(api: str) -> bool:
    try:
        with urllib.request.urlopen(f"{api}/health", timeout=2):
            return True
    except OSError:
        return False


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP, signal.SIGKILL], ids=["TERM", "HUP", "KILL"])
def test_the_server_dies_with_serve(tmp_path, sig):
    root = _workspace(tmp_path / "ws", "schedule:\n  interval_minutes: 60\n")
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        serve = subprocess.Popen([sys.executable, "-m", "cli.main", "serve", "--workspace", str(root)],
                                 cwd=Path(__file__).resolve().parents[1], env=_env(), stdout=out,
                                 stderr=subprocess.STDOUT, start_new_session=True,
                                 preexec_fn=die_with_parent)  # never outlives a killed test run
    api = None
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline and api is None and serve.poll() is None:
            time.sleep(0.5)
            match = re.search(r"Giao diện Prefect: (http://127\.0\.0\.1:\d+)", log.read_text())
            api = f"{match.group(1)}/api" if match else None
        assert api and _answers(api), log.read_text()[-3000:]
        assert (root / ADDRESS_FILE).read_text(encoding="utf-8") == api  # for `tdkt process` to use
        serve.send_signal(sig)  # to serve alone, as systemd, a closed terminal or the OOM killer would
        serve.wait(timeout=90)
        gone = time.monotonic() + 30
        while time.monotonic() < gone and _answers(api):
            time.sleep(0.5)
        assert not _answers(api), "the Prefect server outlived tdkt serve"
        if sig is not signal.SIGKILL:
            text = log.read_text()
            assert serve.returncode == 0 and "Đã dừng tdkt serve." in text, text[-3000:]
            assert "Traceback" not in text and "Warning" not in text, text[-3000:]
            assert not (root / ADDRESS_FILE).exists()
    finally:
        if serve.poll() is None:
            os.killpg(serve.pid, signal.SIGKILL)
