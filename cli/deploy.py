"""`tdkt deploy`: register a workspace's scheduled run on a shared Prefect server (flows/deploy.py)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path


def add_deploy_command(commands: argparse._SubParsersAction) -> None:
    deploy = commands.add_parser(
        "deploy", help="đăng ký lịch xử lý của một không gian làm việc trên máy chủ Prefect dùng chung",
        description="Tạo hoặc cập nhật deployment chạy không gian làm việc theo lịch trong tdkt.yaml của nó, "
        "để các worker của work pool chạy. Máy chủ: prefect_api_url trong tdkt.yaml, hoặc biến PREFECT_API_URL "
        "(cùng PREFECT_API_AUTH_STRING nếu máy chủ bật xác thực). Chạy lại sau khi sửa lịch trong tdkt.yaml.")
    deploy.add_argument("--workspace", type=Path, default=Path("."),
                        help="thư mục không gian làm việc, cùng đường dẫn trên mọi máy chạy worker (mặc định: .)")
    deploy.add_argument("--pool", default="tdkt", help="work pool kiểu process (mặc định: tdkt; tự tạo nếu chưa có)")
    deploy.set_defaults(handler=_deploy)


def _deploy(args: argparse.Namespace) -> int:
    # No telemetry, and Prefect's English console chatter only when asked for (-v).
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ.setdefault("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", "INFO" if args.verbose else "WARNING")
    from flows.deploy import deploy_workspace

    done = deploy_workspace(args.workspace, pool=args.pool)
    when = (f"mỗi {done.schedule.interval_minutes:g} phút" if done.schedule.interval_minutes
            else f"theo lịch cron {done.schedule.cron!r}")
    print(f"Đã đăng ký {done.full_name}: chạy {when} ({done.schedule.timezone}), work pool {done.pool}, "
          f"máy chủ {done.api_url.removesuffix('/api')}", flush=True)
    return 0
