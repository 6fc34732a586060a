"""Prefect's temporary server for one run, started by tdkt as soon as the run knows it needs one.

Prefect starts the same server itself (SubprocessASGIServer) when the first flow is called with
no server configured, and only then: after this process has imported Prefect, its server
modules and tdkt's flows, one after the other on one core. Started here first, the server's own
start (a Python process importing Prefect's server: seconds of CPU) runs on the other core while
this process imports the flows and the reading workers start. The run then uses it as any
running server, through PREFECT_API_URL.

Nothing here imports Prefect: that is the point.
"""

from __future__ import annotations

import atexit
import os
import socket
import subprocess
import sys
import time
import urllib.request
from importlib.util import find_spec
from pathlib import Path

from pipeline.core.errors import TdktError

# As Prefect runs it: no UI, the server's ephemeral mode (its services are not started).
_SERVER_ENV = {"PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1"}
_ADDRESS_IN_USE = 3  # uvicorn's exit code when the port was taken meanwhile
_READY_SECONDS = 120


class TemporaryServerError(TdktError):
    pass


class TemporaryServer:
    def __init__(self) -> None:
        self.port = 0
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    def start(self) -> str:
        """Start the server (without waiting for it) and return its API URL. It is stopped when
        this process exits, after Prefect's own exit handlers (registered later, run earlier)
        have sent the run's last logs to it."""
        self._launch()
        atexit.register(self.stop)
        return self.api_url

    def wait_ready(self) -> None:
        deadline = time.monotonic() + _READY_SECONDS
        while time.monotonic() < deadline:
            assert self.process is not None
            code = self.process.poll()
            if code == _ADDRESS_IN_USE:  # another program took the free port first: another one
                self._launch()
                continue
            if code is not None:
                raise TemporaryServerError(f"máy chủ Prefect tạm thời không khởi động được (mã thoát {code}); "
                                           "chạy lại với -v để xem chi tiết")
            if _healthy(self.api_url):
                return
            time.sleep(0.05)
        raise TemporaryServerError(f"máy chủ Prefect tạm thời chưa sẵn sàng sau {_READY_SECONDS} giây")

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def _launch(self) -> None:
        self.port = _free_port()
        spec = find_spec("prefect")
        assert spec is not None and spec.origin is not None
        self.process = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "--app-dir", str(Path(spec.origin).parent.parent), "--factory",
             "prefect.server.api.server:create_app", "--host", "127.0.0.1", "--port", str(self.port),
             "--log-level", "error", "--lifespan", "on"],
            env={**os.environ, **_SERVER_ENV}, stdin=subprocess.DEVNULL,
        )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# The server is this machine's: never asked through a proxy the environment may name.
_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def _healthy(api_url: str) -> bool:
    try:
        with _DIRECT.open(f"{api_url}/health", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False
