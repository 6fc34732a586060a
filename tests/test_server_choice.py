"""Which Prefect server `tdkt process` uses, and that it says so: the one `tdkt serve` runs for the
workspace when there is one (no temporary server to wait for), else a temporary one, announced."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from test_schedule_and_worker import _completed_runs, _env, _workspace

from flows.serve import LocalServer
from flows.server_choice import ADDRESS_FILE, choose_server
from pipeline.runs.workspace import Workspace

REPO = Path(__file__).resolve().parents[1]


def test_without_a_server_a_temporary_one_is_announced(tmp_path, monkeypatch):
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    ws = Workspace(_workspace(tmp_path / "ws"))
    assert choose_server(ws) == (None, "Khởi động máy chủ Prefect tạm thời cho lần chạy này (mất vài giây; "
                                       "dùng tdkt serve để khỏi chờ) …")
    (ws.root / ADDRESS_FILE).parent.mkdir(parents=True)
    (ws.root / ADDRESS_FILE).write_text("http://127.0.0.1:9/api", encoding="utf-8")  # serve is gone
    assert choose_server(ws)[0] is None
    with (ws.root / "tdkt.yaml").open("a", encoding="utf-8") as config:
        config.write("prefect_api_url: http://may-chu:4200/api\n")
    assert choose_server(ws) == ("http://may-chu:4200/api",
                                 "Dùng máy chủ Prefect ghi trong tdkt.yaml: http://may-chu:4200")


def test_process_uses_the_server_serve_runs_for_the_workspace(tmp_path):
    root = _workspace(tmp_path / "ws")
    server = LocalServer(root / ".prefect")
    server.start()
    try:
        (root / ADDRESS_FILE).write_text(server.url, encoding="utf-8")  # as tdkt serve leaves it
        run = subprocess.run([sys.executable, "-m", "cli.main", "process", "--workspace", str(root)], cwd=REPO,
                             env=_env(), capture_output=True, text=True, timeout=300)
        assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
        assert run.stdout.startswith(f"Dùng máy chủ Prefect của tdkt serve: {server.url.removesuffix('/api')}")
        assert len(_completed_runs(server.url)) == 1  # the run is in serve's server, visible in its UI
    finally:
        server.stop()


def test_serve_takes_the_configured_port_or_another_free_one_when_it_is_taken(tmp_path):
    import socket

    from flows.serve import _free_port
    from pipeline.runs.workspace import Workspace

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        wanted = probe.getsockname()[1]
    (tmp_path / "tdkt.yaml").write_text(f"prefect_port: {wanted}\n", encoding="utf-8")
    assert Workspace(tmp_path).config().prefect_port == wanted
    assert _free_port(wanted) == wanted
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", wanted))
        taken.listen()
        other = _free_port(wanted)
        assert other != wanted and other > 0
