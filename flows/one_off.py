"""How a one-off run (`tdkt process`, `tdkt demo`, `tdkt run`) calls its flow in this process."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import prefect.settings
from prefect.settings import temporary_settings


@contextmanager
def one_off() -> Iterator[None]:
    """Flow runs without heartbeats. Prefect sends them so that an automation can notice a run that
    crashed, and tdkt sets none up (scheduled runs under `tdkt serve` keep Prefect's default). And at
    the end of each flow run Prefect joins its heartbeat thread, which wakes once a second: up to a
    second, most of what a run with nothing new spends in its flow."""
    with temporary_settings(updates={prefect.settings.PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
        yield
