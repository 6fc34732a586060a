"""How a long-running tdkt process has Python's garbage collector run.

Reading and drafting allocate many small objects that reference counting frees at once (cells,
spaCy docs, regex matches); the collector exists for the rare reference cycles. By default it
looks at the young objects after every 700 allocations and, every few of those passes, walks the
long-lived ones too: every module, pydantic schema and rule loaded for good. Measured on the city's
.docx reports (extract + understand, one process, readers loaded): 3.1 ms of collection a file
with nothing frozen, 0.65 ms with the loaded modules frozen, 0.12 ms frozen and collecting the
young objects after every 10,000 allocations, out of ~27 ms a file.
"""

from __future__ import annotations

import gc

# Allocations between two passes over the young objects (Python's default: 700). The cycles left
# waiting are a few thousand small objects at most.
_YOUNG = 10_000


def settle() -> None:
    """Call once a process has loaded what it keeps for its life (the readers, the rules): those
    objects leave the collector's passes (gc.freeze), and the young objects are looked at less often.
    A frozen object is still freed when nothing refers to it; only a cycle among frozen objects
    would stay, so this is called once per process, not between files."""
    gc.freeze()
    young, middle, old = gc.get_threshold()
    if young and young < _YOUNG:  # 0: collection is switched off, left so
        gc.set_threshold(_YOUNG, middle, old)
