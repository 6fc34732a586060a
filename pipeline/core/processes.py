"""Helper processes that never outlive the process that started them."""

from __future__ import annotations

import ctypes
import signal
import sys

_PR_SET_PDEATHSIG = 1


def die_with_parent(sig: signal.Signals = signal.SIGTERM) -> None:
    """In a child before it runs (``preexec_fn``): ask Linux to send it ``sig`` when its parent
    dies, even when the parent is killed outright and has no cleanup to run."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, sig)


def kill_now() -> None:
    """``preexec_fn`` for a helper that must die at once with its parent (SIGKILL)."""
    die_with_parent(signal.SIGKILL)
