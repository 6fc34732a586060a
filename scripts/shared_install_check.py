"""The checks of ./scripts/shared-install-check, against the Prefect server it started.

    shared_install_check.py auth       RESULT WORKER_ENV
    shared_install_check.py deployment RESULT WORKER_ENV WORKSPACE
    shared_install_check.py run        RESULT WORKER_ENV WORKSPACE

Each reads the server address and auth string from the worker's environment file (what every
client of the server uses), checks one stage of the install, exits non-zero with a Vietnamese
sentence when it does not hold, and adds what it measured to the JSON file RESULT for the test.
"""

from __future__ import annotations

import base64
import json
import sys
import urllib.error
import urllib.request
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
DRAFT = Path("drafts") / "ctd18" / "2023" / "danh-sach-de-nghi-khen-thuong-2023.docx"


def read_env(env_file: Path) -> dict[str, str]:
    return dict(line.split("=", 1) for line in env_file.read_text().splitlines()
                if line.strip() and not line.startswith("#"))


class Api:
    def __init__(self, env_file: Path):
        env = read_env(env_file)
        self.server_env = read_env(env_file.with_name("prefect-server.env"))
        self.url = env["PREFECT_API_URL"].rstrip("/")
        self.auth = env["PREFECT_API_AUTH_STRING"]

    def status(self, path: str, authenticated: bool) -> int:
        try:
            with urllib.request.urlopen(self._request(path, None, authenticated), timeout=10) as response:
                return response.status
        except urllib.error.HTTPError as e:
            return e.code

    def get(self, path: str, body: dict | None = None) -> dict | list:
        with urllib.request.urlopen(self._request(path, body, True), timeout=10) as response:
            return json.loads(response.read())

    def _request(self, path: str, body: dict | None, authenticated: bool) -> urllib.request.Request:
        headers = {"Content-Type": "application/json"}
        if authenticated:
            headers["Authorization"] = "Basic " + base64.b64encode(self.auth.encode()).decode()
        data = json.dumps(body).encode() if body is not None else None
        return urllib.request.Request(f"{self.url}{path}", data=data, headers=headers,
                                      method="POST" if data else "GET")


def check_auth(api: Api) -> dict:
    found = {"unauthenticated_status": api.status("/admin/version", False),
             "authenticated_status": api.status("/admin/version", True)}
    _require(found["unauthenticated_status"] == 401, f"API trả lời yêu cầu không có chuỗi xác thực: {found}")
    _require(found["authenticated_status"] == 200, f"API từ chối chuỗi xác thực của worker.env: {found}")
    return found


def check_deployment(api: Api, workspace: Path) -> dict:
    deployment = api.get(f"/deployments/name/process_workspace/tdkt-{workspace.name}")
    [schedule] = [s["schedule"] for s in deployment["schedules"]]
    wanted = (yaml.safe_load((workspace / "tdkt.yaml").read_text()) or {}).get("schedule", {})
    found = {
        "schedule": schedule,
        "tdkt_yaml_schedule": wanted,
        "parameters": deployment["parameters"],
        "pull_steps": deployment["pull_steps"],
        "concurrency_limit": (deployment.get("global_concurrency_limit") or {}).get("limit"),
        "work_pool_type": api.get(f"/work_pools/{deployment['work_pool_name']}")["type"],
        "in_prefect_postgresql": _rows(api.server_env["PREFECT_SERVER_DATABASE_CONNECTION_URL"],
                                       "SELECT count(*) FROM deployment WHERE name = %s", f"tdkt-{workspace.name}"),
    }
    if "cron" in wanted:
        _require(schedule.get("cron") == wanted["cron"], f"lịch khác tdkt.yaml: {found}")
    else:
        _require(schedule.get("interval") == wanted["interval_minutes"] * 60, f"lịch khác tdkt.yaml: {found}")
    _require(schedule["timezone"] == wanted.get("timezone", "Asia/Ho_Chi_Minh"), f"múi giờ khác tdkt.yaml: {found}")
    _require(found["parameters"] == {"workspace": str(workspace)}, f"sai không gian làm việc: {found}")
    _require(found["pull_steps"] == [{"prefect.deployments.steps.set_working_directory": {"directory": str(REPO)}}],
             f"worker không chuyển vào thư mục mã nguồn: {found}")
    _require(found["concurrency_limit"] == 1 and found["work_pool_type"] == "process", f"sai deployment: {found}")
    _require(found["in_prefect_postgresql"] == 1, f"máy chủ Prefect không ghi vào PostgreSQL: {found}")
    return found


def check_run(api: Api, workspace: Path) -> dict:
    deployment = api.get(f"/deployments/name/process_workspace/tdkt-{workspace.name}")
    runs = api.get("/flow_runs/filter", {"flow_runs": {"deployment_id": {"any_": [deployment["id"]]}}})
    states = sorted(r["state_type"] for r in runs if r["state_type"] != "SCHEDULED")
    ledger_url = (yaml.safe_load((workspace / "tdkt.yaml").read_text()) or {}).get("ledger_url")
    draft = workspace / DRAFT
    found = {"run_states": states, "draft": str(draft), "draft_exists": draft.exists(),
             "draft_mode": oct(draft.stat().st_mode & 0o777) if draft.exists() else None,
             "ledger_files": _rows(ledger_url, "SELECT count(*) FROM files") if ledger_url else None,
             "ledger_sqlite_exists": (workspace / "ledger.sqlite").exists()}
    _require(states == ["COMPLETED"], f"worker chưa chạy xong đúng một lần: {found}")
    _require(found["draft_exists"], f"không có dự thảo: {found}")
    # The unit's UMask=0002: officers of the group can edit the drafts.
    _require(draft.stat().st_mode & 0o020 != 0, f"dự thảo không cho nhóm ghi: {found}")
    if ledger_url:
        _require(bool(found["ledger_files"]) and not found["ledger_sqlite_exists"],
                 f"sổ theo dõi không ghi vào PostgreSQL: {found}")
    return found


def _rows(url: str, query: str, *params: str) -> int:
    """A count from a database the install made, over TCP with the role's password from its URL."""
    import psycopg

    plain = url.replace("postgresql+psycopg://", "postgresql://").replace("postgresql+asyncpg://", "postgresql://")
    with psycopg.connect(plain) as db:
        return db.execute(query, params).fetchone()[0]


def _require(condition: bool, problem: str) -> None:
    if not condition:
        raise SystemExit(f"Lỗi: {problem}")


def main(argv: list[str]) -> int:
    stage, result, env_file, *rest = argv
    api = Api(Path(env_file))
    found = {"auth": lambda: check_auth(api),
             "deployment": lambda: check_deployment(api, Path(rest[0])),
             "run": lambda: check_run(api, Path(rest[0]))}[stage]()
    path = Path(result)
    results = json.loads(path.read_text()) if path.exists() else {}
    results.setdefault(stage, []).append(found)
    path.write_text(json.dumps(results, ensure_ascii=False, indent=1))
    print(f"Đạt ({stage}): {json.dumps(found, ensure_ascii=False)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
