"""The house plan holds: no module imports a layer above its own, nor across between the runs and
the reviewer tools (tests/architecture.py); and the check does catch a breach."""

from __future__ import annotations

import shutil
from pathlib import Path

from architecture import LAYERS, breaches, layer_of

REPO = Path(__file__).resolve().parents[1]


def test_no_module_imports_a_layer_above_its_own():
    assert [str(b) for b in breaches(REPO)] == []


def test_every_package_of_pipeline_has_its_place_in_the_plan():
    packages = [p for p in (REPO / "pipeline").iterdir() if p.is_dir() and (p / "__init__.py").exists()]
    assert sorted(p.name for p in packages if layer_of(f"pipeline.{p.name}") is None) == []
    loose = sorted(p.name for p in (REPO / "pipeline").glob("*.py") if p.name != "__init__.py")
    assert loose == []  # every module sits in the folder of its stage


def _copy(tmp_path: Path) -> Path:
    root = tmp_path / "copy"
    for top in ("pipeline", "extractors", "flows", "cli"):
        shutil.copytree(REPO / top, root / top, ignore=shutil.ignore_patterns("__pycache__", "*.yaml", "*.docx"))
    return root


def test_a_stage_that_imports_a_tool_is_caught(tmp_path):
    root = _copy(tmp_path)
    scoring = root / "pipeline" / "scoring" / "score.py"
    late = "\n\ndef _late():\n    from pipeline.tools.finalize import finalize  # noqa\n"
    scoring.write_text(scoring.read_text(encoding="utf-8") + late, encoding="utf-8")
    [breach] = breaches(root)
    assert (breach.source, breach.target) == ("pipeline.scoring.score", "pipeline.tools.finalize")


def test_runs_and_tools_never_import_each_other(tmp_path):
    root = _copy(tmp_path)
    (root / "pipeline" / "runs" / "steps.py").write_text("from pipeline.tools import finalize\n", encoding="utf-8")
    assert [(b.source, b.target) for b in breaches(root)] == [("pipeline.runs.steps", "pipeline.tools.finalize")]
    assert layer_of("pipeline.runs.steps")[0] == layer_of("pipeline.tools.finalize")[0] == len(LAYERS) - 3


def test_a_relative_import_in_a_package_is_read_from_the_package(tmp_path):
    root = _copy(tmp_path)
    init = root / "pipeline" / "scoring" / "__init__.py"
    init.write_text(init.read_text(encoding="utf-8") + "\nfrom ..tools import finalize  # noqa\n", encoding="utf-8")
    assert [(b.source, b.target) for b in breaches(root)] == [("pipeline.scoring", "pipeline.tools.finalize")]
