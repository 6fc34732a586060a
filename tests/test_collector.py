"""The collector settings of a long-running process (pipeline/core/collector.py), checked in a
process of their own: they are the process's for good."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

_ROOT = Path(__file__).resolve().parent.parent

_PROBE = """
import gc, json, weakref
from pipeline.core.collector import settle
class Box: pass
kept = Box()
dropped = Box()
freed = []
ref = weakref.ref(dropped, lambda _: freed.append(True))
before = gc.get_threshold()
settle()
frozen = gc.get_freeze_count()
del dropped  # frozen, yet freed by its reference count
cycle = Box(); cycle.me = cycle; cycle_ref = weakref.ref(cycle); del cycle
gc.collect()  # a cycle made after settle() is still collected
print(json.dumps({"before": before, "after": gc.get_threshold(), "frozen": frozen, "freed": freed,
                  "cycle_collected": cycle_ref() is None}))
"""


def _probe(prelude: str = "") -> dict:
    out = subprocess.run([sys.executable, "-c", prelude + _PROBE], capture_output=True, text=True, check=True,
                         cwd=_ROOT)
    return json.loads(out.stdout)


def test_settle_freezes_what_is_loaded_and_makes_young_passes_rarer():
    seen = _probe()
    assert seen["before"] == [700, 10, 10]
    assert seen["after"] == [10_000, 10, 10]
    assert seen["frozen"] > 1_000  # the modules loaded so far
    assert seen["freed"] == [True]
    assert seen["cycle_collected"] is True


def test_settle_leaves_a_collector_that_was_switched_off_or_set_higher_as_it_was():
    assert _probe("import gc; gc.set_threshold(0)\n")["after"][0] == 0
    assert _probe("import gc; gc.set_threshold(50_000, 20, 20)\n")["after"] == [50_000, 20, 20]
