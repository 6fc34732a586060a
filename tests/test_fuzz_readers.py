"""Property-based fuzzing (hypothesis) of the .docx, PDF and .txt readers and of the YAML loaders,
on inputs mutated by tests/generators/fuzz_inputs.py: a reader either returns a document or sets
the file aside with a plain Vietnamese reason (never an internal error); a loader returns its
model or raises ConfigError in Vietnamese, never another exception.

Each file is read as a run reads it, in a worker under a memory cap and a time limit
(open_file_isolated), so a mutation that would need gigabytes is a limit, not a dead test run.
The examples are derandomized (the same on every machine, no example database) and few, to keep
this file within about 40 seconds of the suite; bench/hostile.py --fuzz N runs many more. Every
input found failing is fixed and kept under tests/data/fuzz_regressions/<kind>/, replayed here.
"""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

import pytest
from generators import fuzz_inputs
from generators.fuzz_inputs import CONFIG_LOADERS, is_vietnamese
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.core.errors import ConfigError, RejectReason
from pipeline.core.settings import Settings
from pipeline.runs.steps import open_file_isolated

REGRESSIONS = Path(__file__).parent / "data" / "fuzz_regressions"


def fuzz(examples: int):
    return settings(max_examples=examples, deadline=None, derandomize=True, database=None, print_blob=False,
                    suppress_health_check=list(HealthCheck))


def read_or_refuse(data: bytes, name: str) -> None:
    """Read ``data`` as the inbox file ``name`` would be; fail on an internal error (with its
    traceback from the run's error log) or a reason not in plain Vietnamese."""
    with tempfile.TemporaryDirectory(prefix="tdkt-fuzz-") as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        log = Path(folder) / "loi-khi-doc-tep.log"
        limits = Settings(max_memory_mb=512, max_seconds=20, read_workers=1, error_log=log)
        outcome = open_file_isolated(path, name, limits).outcome
        rejection = outcome.rejection
        if rejection is None:
            return
        details = log.read_text(encoding="utf-8") if log.exists() else ""
        assert rejection.reason is not RejectReason.INTERNAL, details
        assert is_vietnamese(rejection.message), rejection.message


def load_or_refuse(text: str | bytes, kind: str) -> None:
    with tempfile.TemporaryDirectory(prefix="tdkt-fuzz-") as folder:
        path = Path(folder) / f"{kind}.yaml"
        path.write_bytes(text.encode("utf-8", errors="surrogatepass") if isinstance(text, str) else text)
        try:
            CONFIG_LOADERS[kind](path)
        except ConfigError as e:
            assert e.problems and all(is_vietnamese(p) for p in e.problems), e.problems


# A seed per example (the mutators draw many values; a seed keeps hypothesis's choice sequence short
# and a failure reproducible by its number: fuzz_inputs.docx_bytes(random.Random(seed))).
SEEDS = st.integers(min_value=0, max_value=2**32 - 1)


@fuzz(120)
@given(SEEDS)
def test_a_mutated_docx_is_read_or_set_aside_in_plain_words(seed: int):
    read_or_refuse(fuzz_inputs.docx_bytes(random.Random(seed)), "bao-cao.docx")


@fuzz(100)
@given(SEEDS)
def test_a_mutated_pdf_is_read_or_set_aside_in_plain_words(seed: int):
    read_or_refuse(fuzz_inputs.pdf_bytes(random.Random(seed)), "bao-cao.pdf")


@fuzz(80)
@given(SEEDS)
def test_random_text_is_read_or_set_aside_in_plain_words(seed: int):
    read_or_refuse(fuzz_inputs.text_bytes(random.Random(seed)), "bao-cao.txt")


@fuzz(400)
@given(SEEDS, st.sampled_from(sorted(CONFIG_LOADERS)))
def test_a_mutated_config_file_loads_or_is_refused_in_plain_words(seed: int, kind: str):
    load_or_refuse(fuzz_inputs.yaml_text(random.Random(seed), kind), kind)


def _regressions(kind: str) -> list[Path]:
    folder = REGRESSIONS / kind
    return sorted(folder.iterdir()) if folder.is_dir() else []


@pytest.mark.parametrize("path", _regressions("files"), ids=lambda p: p.name)
def test_an_input_fuzzing_once_broke_is_read_or_set_aside(path: Path):
    read_or_refuse(path.read_bytes(), path.name)


@pytest.mark.parametrize("path", _regressions("config"), ids=lambda p: p.name)
def test_a_config_file_fuzzing_once_broke_loads_or_is_refused(path: Path):
    load_or_refuse(path.read_bytes(), path.name.split("-")[0])  # named <kind>-<what>.yaml
