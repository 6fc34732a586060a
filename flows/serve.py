"""`tdkt serve`: run the workspace flow on its schedule, with nothing else to set up.

Prefect's temporary server does not run schedules (shared/stack.md), so unless a Prefect server
URL is configured (tdkt.yaml `prefect_api_url`, or PREFECT_API_URL), tdkt starts a local server
itself — 127.0.0.1, its SQLite database in the workspace — restarts it if it dies, and serves the
workspace's deployment against it. The Prefect UI shows every run.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
import warnings
from pathlib import Path

from flows.server_choice import ADDRESS_FILE
from pipeline.core.errors import ServerError
from pipeline.core.files import write_text_atomically
from pipeline.core.processes import die_with_parent
from pipeline.runs.workspace import Schedule, Workspace

log = logging.getLogger("tdkt.serve")

_DEFAULT_PORT = 4200
_HEALTH_TIMEOUT = 120


class PortTakenError(ServerError):
    """Raised when another Prefect server answers on the port chosen for ours."""


class LocalServer:
    """A `prefect server start` process owned by tdkt, with its database under ``home``."""

    def __init__(self, home: Path, port: int | None = None, extra_env: dict[str, str] | None = None):
        self.home = home
        self.port = port or _free_port(_DEFAULT_PORT)
        self.extra_env = extra_env or {}
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    def start(self) -> None:
        self.home.mkdir(parents=True, exist_ok=True)
        env = dict(os.environ)
        env.pop("PREFECT_API_URL", None)
        env.update({
            "PREFECT_HOME": str(self.home),
            "PREFECT_SERVER_API_HOST": "127.0.0.1",
            "PREFECT_SERVER_API_PORT": str(self.port),
            "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
            "DO_NOT_TRACK": "1",
            "PREFECT_SERVER_SERVICES_DB_VACUUM_ENABLED": "events,flow_runs",
            **self.extra_env,
        })
        try:
            self._start(env)
        except PortTakenError:
            self.stop()
            self.port = _free_port(0)
            env["PREFECT_SERVER_API_PORT"] = str(self.port)
            self._start(env)

    def _start(self, env: dict[str, str]) -> None:
        log_file = (self.home / "server.log").open("ab")
        # Its own session (a Ctrl+C in the terminal is serve's to handle), and it dies with the
        # process that started it, even one killed outright (SIGKILL leaves no cleanup to run).
        self.process = subprocess.Popen(
            [_prefect_executable(), "server", "start", "--host", "127.0.0.1", "--port", str(self.port)],
            env=env, stdout=log_file, stderr=subprocess.STDOUT, start_new_session=True,
            preexec_fn=die_with_parent,
        )
        self.wait_healthy()

    def wait_healthy(self, timeout: float = _HEALTH_TIMEOUT) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise ServerError(f"Máy chủ Prefect dừng khi khởi động; xem {self.home / 'server.log'}")
            try:
                with urllib.request.urlopen(f"{self.url}/health", timeout=2) as response:
                    if response.status == 200:
                        self._check_ours()
                        return
            except OSError:
                pass
            time.sleep(0.5)
        raise ServerError(f"Máy chủ Prefect chưa sẵn sàng sau {timeout:.0f} giây; xem {self.home / 'server.log'}")

    def _check_ours(self) -> None:
        """The server answering on the port is the one started here (its home is ours): another
        program may take a free port between the choice and our server's start, and its answers
        would look healthy."""
        with urllib.request.urlopen(f"{self.url}/admin/settings", timeout=5) as response:
            home = json.loads(response.read()).get("home")
        if home is not None and Path(home).resolve() != self.home.resolve():
            raise PortTakenError(f"Cổng {self.port} đang được một máy chủ Prefect khác dùng ({home})")

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def stop(self) -> None:
        """The server and everything it started (its own process group) stopped."""
        if self.process is None:
            return
        for sig, wait in ((signal.SIGTERM, 20), (signal.SIGKILL, 5)):
            try:
                os.killpg(self.process.pid, sig)
            except ProcessLookupError:
                break
            try:
                self.process.wait(timeout=wait)
                break
            except subprocess.TimeoutExpired:
                continue


def supervise(server: LocalServer, stop: threading.Event, every: float = 5.0) -> threading.Thread:
    """Restart the server whenever it dies, until ``stop`` is set."""

    def watch() -> None:
        while not stop.wait(every):
            if not server.alive():
                log.warning("Máy chủ Prefect đã dừng; đang khởi động lại")
                try:
                    server.start()
                except ServerError as e:
                    log.error("%s", e)

    thread = threading.Thread(target=watch, name="tdkt-prefect-supervisor", daemon=True)
    thread.start()
    return thread


def deployment_name(ws: Workspace) -> str:
    return f"tdkt-{ws.root.name}"


def schedule_of(schedule: Schedule) -> object:
    from prefect.schedules import Cron, Interval

    if schedule.cron:
        return Cron(schedule.cron, timezone=schedule.timezone)
    return Interval(dt.timedelta(minutes=schedule.interval_minutes), timezone=schedule.timezone)


def serve_workspace(ws: Workspace) -> int:
    """Serve until stopped: Ctrl+C, SIGTERM (systemd, kill) and SIGHUP (the terminal closed) all stop
    the schedule and the server tdkt started, without a traceback."""
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, _interrupt)
    # Prefect's runner calls its async stop without awaiting it when interrupted; the runner is
    # being torn down anyway, and the warning would be the last thing a clean stop prints.
    warnings.filterwarnings("ignore", message="coroutine 'Runner.astop' was never awaited", category=RuntimeWarning)
    try:
        return _serve_until_stopped(ws)
    except (KeyboardInterrupt, SystemExit):  # SystemExit: Prefect's runner has its own SIGTERM handler
        print("Đã dừng tdkt serve.", flush=True)
        return 0


def _ignore_signals() -> None:
    """Once stopping, stop: a second Ctrl+C must not cut the server's shutdown short, and the signal
    Prefect sends itself again while unwinding must not end the process with it."""
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, signal.SIG_IGN)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _serve_until_stopped(ws: Workspace) -> int:
    config = ws.config()
    api_url = config.prefect_api_url or os.environ.get("PREFECT_API_URL")
    server, stop = None, threading.Event()
    if not api_url:
        server = LocalServer(ws.root / ".prefect", port=_free_port(config.prefect_port))
        print(f"Đang khởi động máy chủ Prefect cục bộ (cổng {server.port}) …", flush=True)
        server.start()
        supervise(server, stop)
        api_url = server.url
        # So that `tdkt process` on this workspace uses this server instead of starting its own.
        write_text_atomically(ws.root / ADDRESS_FILE, api_url)
    os.environ["PREFECT_API_URL"] = api_url
    print(f"Giao diện Prefect: {api_url.removesuffix('/api')}", flush=True)
    try:
        return _serve(ws, config.schedule, api_url)
    finally:
        _ignore_signals()
        stop.set()
        if server is not None:
            (ws.root / ADDRESS_FILE).unlink(missing_ok=True)
            server.stop()


def _serve(ws: Workspace, schedule: Schedule, api_url: str) -> int:
    from prefect import serve
    from prefect.settings import PREFECT_API_URL, temporary_settings

    from flows.workspace import process_workspace

    with temporary_settings(updates={PREFECT_API_URL: api_url}):
        deployment = process_workspace.to_deployment(
            name=deployment_name(ws),
            parameters={"workspace": str(ws.root)},
            schedules=[schedule_of(schedule)],
            concurrency_limit=1,
            description=f"Xử lý hộp thư {ws.inbox} theo lịch",
        )
        every = (f"mỗi {schedule.interval_minutes:g} phút" if schedule.interval_minutes
                 else f"theo lịch {schedule.cron!r}")
        print(f"Đang chạy theo lịch ({every}); nhấn Ctrl+C để dừng.", flush=True)
        serve(deployment, print_starting_message=False)
    return 0


def _free_port(preferred: int) -> int:
    for port in (preferred, 0):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return s.getsockname()[1]
    raise ServerError("Không tìm được cổng trống cho máy chủ Prefect")


def _prefect_executable() -> str:
    candidate = Path(sys.executable).with_name("prefect")
    return str(candidate) if candidate.exists() else "prefect"
