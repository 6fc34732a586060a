"""Helper processes that never outlive the process that started them."""

from __future__ import annotations

import ctypes
import signal
import sys

_PR_SET_PDEATHSIG = 1
# Looked up once, here: a child forked from a process with threads (pages OCR'd side by side) may
# only call what needs no lock another thread could have held at the fork, and finding a symbol
# (dlopen, dlsym) takes the dynamic loader's lock.
_prctl = ctypes.CDLL(None, use_errno=True).prctl if sys.platform.startswith("linux") else None


def die_with_parent(sig: signal.Signals = signal.SIGTERM) -> None:
    """In a child before it runs (``preexec_fn``): ask Linux to send it ``sig`` when its parent
    dies, even when the parent is killed outright and has no cleanup to run. The parent is the
    thread that started the child: it must wait for the child, as subprocess.run does."""
    if _prctl is not None:
        _prctl(_PR_SET_PDEATHSIG, int(sig))


def kill_now() -> None:
    """``preexec_fn`` for a helper that must die at once with its parent (SIGKILL)."""
    die_with_parent(signal.SIGKILL)


_M_ARENA_MAX = -8  # mallopt's parameter (glibc's malloc.h)


def lean_malloc() -> None:
    """One malloc arena for all of this process's threads, for a process whose address space is
    capped (RLIMIT_AS counts what is reserved, not what is used): glibc otherwise gives each new
    thread an arena of its own and reserves 64 MB of address space for it at once. Nothing on
    another C library."""
    mallopt = getattr(ctypes.CDLL(None), "mallopt", None) if sys.platform.startswith("linux") else None
    if mallopt is not None:
        mallopt(_M_ARENA_MAX, 1)
