"""The run's temporary Prefect server, started by tdkt before it imports Prefect."""

from __future__ import annotations

import sys
import urllib.request

import pytest

from flows.temporary_server import TemporaryServer, TemporaryServerError


def test_the_temporary_server_answers_and_is_gone_after_stop(tmp_path, monkeypatch):
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path / "prefect"))
    monkeypatch.setenv("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    server = TemporaryServer()
    url = server.start()
    try:
        assert url == f"http://127.0.0.1:{server.port}/api" and server.port > 0
        server.wait_ready()
        with urllib.request.urlopen(f"{url}/health", timeout=5) as response:
            assert response.status == 200
        process = server.process
    finally:
        server.stop()
    assert process is not None and process.poll() is not None
    assert (tmp_path / "prefect" / "prefect.db").exists()  # the server's own database, in PREFECT_HOME


def test_a_server_that_cannot_start_is_said_plainly(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "executable", "/bin/false")
    server = TemporaryServer()
    server.start()
    with pytest.raises(TemporaryServerError, match="máy chủ Prefect tạm thời không khởi động được"):
        server.wait_ready()
    server.stop()
