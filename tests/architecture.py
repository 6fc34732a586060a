"""The house plan as a checkable contract: each folder is a layer, and a module imports only its
own layer and the layers below (function-level imports included). The layers, lowest first:

  core → config → extractors → understanding → criteria → scoring → nomination → results →
  drafts → runs | tools → flows → cli

`runs` and `tools` stand side by side and never import each other; `templates` and `examples` are
data any layer may locate. Used by tests/test_architecture.py (and runnable on any checkout:
``python tests/architecture.py``)."""

from __future__ import annotations

import ast
import sys
from dataclasses import dataclass
from pathlib import Path

LAYERS: list[tuple[str, ...]] = [
    ("pipeline.core",),
    ("pipeline.config",),
    ("extractors",),
    ("pipeline.understanding",),
    ("pipeline.criteria",),
    ("pipeline.scoring",),
    ("pipeline.nomination",),
    ("pipeline.results",),
    ("pipeline.drafts",),
    ("pipeline.runs", "pipeline.tools"),
    ("flows",),
    ("cli",),
]
DATA = ("templates", "examples")  # folders of data (with a locator module) any layer may use
ROOTS = ("pipeline", "extractors", "flows", "cli")


@dataclass(frozen=True)
class Breach:
    file: str
    line: int
    source: str
    target: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.source} imports {self.target}"


def layer_of(module: str) -> tuple[int, str] | None:
    """(layer index, the layer's package) of a module name, or None for a module outside the plan."""
    for index, packages in enumerate(LAYERS):
        for package in packages:
            if module == package or module.startswith(package + "."):
                return index, package
    return None


def module_name(root: Path, path: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def imported(tree: ast.AST, module: str, root: Path, package: bool = False) -> list[tuple[int, str]]:
    """Every project module an AST imports (absolute and relative, at any depth), with its line;
    "from pipeline.runs import steps" imports the module pipeline.runs.steps."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            # "from . import x" in a package's __init__ is relative to the package itself.
            parts = module.split(".") + ([""] if package else [])
            base = parts[: -node.level] if node.level else []
            target = ".".join([*base, node.module] if node.module else base)
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                path = root / sub.replace(".", "/")
                found.append((node.lineno, sub if path.with_suffix(".py").exists() or path.is_dir() else target))
    return [(line, name) for line, name in dict.fromkeys(found) if name.split(".")[0] in (*ROOTS, *DATA)]


def breaches(root: Path) -> list[Breach]:
    """Imports that reach up a layer, or across between runs and tools."""
    found: list[Breach] = []
    for top in ROOTS:
        for path in sorted((root / top).rglob("*.py")):
            source = module_name(root, path)
            here = layer_of(source)
            if here is None:
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
            for line, target in imported(tree, source, root, package=path.name == "__init__.py"):
                there = layer_of(target)
                if there is None:
                    continue  # data folders, or a module outside the plan
                if there[0] > here[0] or (there[0] == here[0] and there[1] != here[1]):
                    found.append(Breach(str(path.relative_to(root)), line, source, target))
    return found


if __name__ == "__main__":
    problems = breaches(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1])
    print("\n".join(map(str, problems)) or "Không có import nào vi phạm sơ đồ tầng.")
    sys.exit(1 if problems else 0)
