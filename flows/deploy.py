"""`tdkt deploy`: register a workspace's flow on a shared Prefect server, for its workers to run.

The deployment is the one `tdkt serve` serves (same name, same schedule from tdkt.yaml), but its
code comes from this checkout: workers change into the same directory before importing the flow,
so every worker machine needs tdkt at the same path (and the workspace at the same path).
Deploying again after tdkt.yaml changes replaces the schedule.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from uuid import UUID

from flows.serve import deployment_name, schedule_of
from pipeline.core.errors import ServerError, TdktError
from pipeline.runs.workspace import CONFIG_NAME, Schedule, Workspace

REPO = Path(__file__).resolve().parent.parent
ENTRYPOINT = "flows/workspace.py:process_workspace"


@dataclass(frozen=True)
class Deployed:
    """What was registered, for the sentence the CLI prints."""

    deployment_id: str
    full_name: str
    schedule: Schedule
    pool: str
    api_url: str


def deploy_workspace(workspace: Path, pool: str = "tdkt", name: str | None = None) -> Deployed:
    """Create or update the workspace's deployment on the configured Prefect server (tdkt.yaml's
    prefect_api_url, else PREFECT_API_URL), creating the process work pool if it is missing."""
    from prefect.settings import PREFECT_API_URL, get_current_settings, temporary_settings

    ws = Workspace(workspace.resolve())
    if not ws.root.is_dir():
        raise TdktError(f"không có thư mục không gian làm việc {ws.root}")
    config = ws.config()
    api_url = config.prefect_api_url or get_current_settings().api.url
    if not api_url:
        # A temporary server would vanish with this command, taking the deployment with it.
        raise ServerError("chưa có máy chủ Prefect: đặt PREFECT_API_URL (và PREFECT_API_AUTH_STRING), "
                        f"hoặc prefect_api_url trong {CONFIG_NAME}")
    name = name or deployment_name(ws)
    with temporary_settings(updates={PREFECT_API_URL: api_url}):
        deployment_id = _apply(ws, config.schedule, pool, name, api_url)
    return Deployed(str(deployment_id), f"process_workspace/{name}", config.schedule, pool, api_url)


def _apply(ws: Workspace, schedule: Schedule, pool: str, name: str, api_url: str) -> UUID:
    import httpx
    from prefect import flow
    from prefect.exceptions import PrefectHTTPStatusError

    try:
        _ensure_process_pool(pool)
        # From source = this checkout: the pull step is "change into REPO", so a worker imports the
        # flow from its own copy of the code rather than from a stored artifact.
        source = flow.from_source(source=str(REPO), entrypoint=ENTRYPOINT)
        deployment = source.to_deployment(
            name=name,
            parameters={"workspace": str(ws.root)},
            schedules=[schedule_of(schedule)],
            concurrency_limit=1,
            description=f"Xử lý hộp thư {ws.inbox} theo lịch",
            work_pool_name=pool,
        )
        return deployment.apply(work_pool_name=pool)
    except PrefectHTTPStatusError as e:
        if e.response.status_code == 401:
            raise ServerError(f"máy chủ Prefect {api_url} từ chối: sai hoặc thiếu PREFECT_API_AUTH_STRING") from e
        raise ServerError(f"máy chủ Prefect {api_url} báo lỗi {e.response.status_code}") from e
    except httpx.TransportError as e:
        raise ServerError(f"không kết nối được máy chủ Prefect {api_url}: {e}") from e


def _ensure_process_pool(pool: str) -> None:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.actions import WorkPoolCreate
    from prefect.exceptions import ObjectNotFound
    from prefect.workers.process import ProcessWorker

    with get_client(sync_client=True) as client:
        try:
            existing = client.read_work_pool(pool)
        except ObjectNotFound:
            # The template `prefect work-pool create --type process` would give it.
            template = ProcessWorker.get_default_base_job_template()
            client.create_work_pool(WorkPoolCreate(name=pool, type="process", base_job_template=template))
            return
    if existing.type != "process":
        raise TdktError(f"work pool {pool} đã có nhưng kiểu {existing.type}, không phải process")
