"""Which Prefect server a one-off run (`tdkt process`, `tdkt demo`) uses, and what it says about
it: the workspace's configured server, else PREFECT_API_URL, else the server `tdkt serve` is
running for this workspace (it leaves its address in .prefect/api-url), else Prefect's temporary
server, started for this run and stopped after it (several seconds: the user is told)."""

from __future__ import annotations

import os
import urllib.request
from pathlib import Path

from pipeline.runs.workspace import Workspace

ADDRESS_FILE = Path(".prefect") / "api-url"


def choose_server(ws: Workspace | None) -> tuple[str | None, str]:
    """(the API URL to use, or None for a temporary server; the sentence telling the user). Without
    a workspace (`tdkt run`), only PREFECT_API_URL is looked at."""
    configured = ws.config().prefect_api_url if ws is not None else None
    if configured:
        return configured, f"Dùng máy chủ Prefect ghi trong tdkt.yaml: {configured.removesuffix('/api')}"
    if os.environ.get("PREFECT_API_URL"):
        return os.environ["PREFECT_API_URL"], f"Dùng máy chủ Prefect {os.environ['PREFECT_API_URL']}"
    served = serve_address(ws) if ws is not None else None
    if served and answers(served):
        return served, f"Dùng máy chủ Prefect của tdkt serve: {served.removesuffix('/api')}"
    return None, "Khởi động máy chủ Prefect tạm thời cho lần chạy này (mất vài giây; dùng tdkt serve để khỏi chờ) …"


def serve_address(ws: Workspace) -> str | None:
    path = ws.root / ADDRESS_FILE
    if not path.exists():
        return None
    return path.read_text(encoding="utf-8").strip() or None


def answers(api_url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{api_url}/health", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False
