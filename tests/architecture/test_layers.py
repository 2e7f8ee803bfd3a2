"""The layout is the architecture: layers import only downwards, no cycles, one mlflow home,
and every DVC stage depends on every package its script imports."""

from __future__ import annotations

import ast
import os
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import pytest
import yaml

from inquiry_quality.legacy import MOVED

REPO = Path(__file__).resolve().parents[2]
SRC = REPO / "src"
PACKAGE = "inquiry_quality"
#: lowest first: a package may import only packages before it (and itself)
LAYERS = (
    "core",
    "ingest",
    "synth",
    "features",
    "modeling",
    "evaluation",
    "scoring",
    "mlops",
    "web",
    "analysis",
    "cli",
)
#: modules at the top of the package that every import runs or that only alias old paths
TOP_LEVEL = ("__init__", "legacy")
PIPELINES = (
    REPO / "dvc.yaml",
    REPO / "experiments" / "spamassassin" / "dvc.yaml",
)


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path) -> set[str]:
    """Every ``inquiry_quality`` module ``path`` imports, at the top or inside functions.

    The package's own ``__init__`` counts only at module level: its ``__getattr__`` imports
    ``load_scorer`` when a user asks for it, which no stage script does.
    """
    found: set[str] = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top_only = path == SRC / PACKAGE / "__init__.py"
    for node in tree.body if top_only else ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "files":
            # importlib.resources.files("inquiry_quality.data"): package data files
            found.update(a.value for a in node.args if isinstance(a, ast.Constant))
    return {name for name in found if name == PACKAGE or name.startswith(PACKAGE + ".")}


@cache
def modules() -> dict[str, Path]:
    return {module_name(p): p for p in (SRC / PACKAGE).rglob("*.py")}


def existing(names: Iterable[str]) -> set[str]:
    """The names that are modules (``from pkg import name`` may name a function)."""
    return {n for n in names if n in modules()}


@cache
def graph() -> dict[str, frozenset[str]]:
    return {name: frozenset(existing(imported_modules(p))) for name, p in modules().items()}


def layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def closure(start: Iterable[str]) -> set[str]:
    seen: set[str] = set()
    todo = list(start)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        todo.extend(graph().get(name, ()))
        parent = name.rpartition(".")[0]
        if parent.startswith(PACKAGE):
            todo.append(parent)  # importing a.b runs a/__init__.py
    return seen


def test_layers_import_only_downwards() -> None:
    wrong = []
    for module, deps in graph().items():
        here = layer(module)
        if here not in LAYERS:
            continue
        for dep in deps:
            there = layer(dep)
            if there in LAYERS and LAYERS.index(there) > LAYERS.index(here):
                wrong.append(f"{module} -> {dep}")
    assert not wrong, "imports that point up a layer:\n" + "\n".join(sorted(wrong))


def test_every_module_lives_in_a_layer() -> None:
    loose = {m for m in graph() if layer(m) not in (*LAYERS, *TOP_LEVEL)}
    assert loose == {f"{PACKAGE}.data"}, f"modules outside the layer packages: {sorted(loose)}"


def test_no_import_cycle() -> None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for dep in sorted(graph()[node]):
            if dep not in graph() or dep == node:
                continue
            if state.get(dep) == 1:
                cycle = [*stack[stack.index(dep) :], dep]
                pytest.fail("import cycle: " + " -> ".join(cycle))
            if dep not in state:
                visit(dep)
        stack.pop()
        state[node] = 2

    for node in sorted(graph()):
        if node not in state:
            visit(node)


def test_only_mlops_imports_mlflow() -> None:
    importers = set()
    for name, path in modules().items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            if any(n == "mlflow" or n.startswith("mlflow.") for n in names):
                importers.add(name)
    assert importers and all(layer(m) == "mlops" for m in importers), sorted(importers)


def test_no_code_imports_an_old_module_path() -> None:
    roots = [SRC, REPO / "pipelines", REPO / "tests", REPO / "bench"]
    old = set(MOVED)
    users = [
        f"{p.relative_to(REPO)}: {sorted(imported_modules(p) & old)}"
        for root in roots
        for p in root.rglob("*.py")
        if imported_modules(p) & old and p.name != "legacy.py"
    ]
    assert not users, "\n".join(users)


def stage_scripts(dvc_file: Path) -> Iterable[tuple[str, dict, Path]]:
    stages = yaml.safe_load(dvc_file.read_text(encoding="utf-8"))["stages"]
    for name, stage in stages.items():
        script = next(
            (REPO / word for word in str(stage["cmd"]).split() if word.endswith(".py")), None
        )
        if script is not None:
            yield name, stage, script


def required_packages(script: Path) -> set[str]:
    """The package folders (and top-level modules) a stage script imports, transitively."""
    needed = set()
    for module in closure(existing(imported_modules(script))):
        parts = module.split(".")
        if len(parts) == 1:
            needed.add(f"src/{PACKAGE}/__init__.py")
        elif (SRC / PACKAGE / parts[1]).is_dir():
            needed.add(f"src/{PACKAGE}/{parts[1]}")
        else:
            needed.add(f"src/{PACKAGE}/{parts[1]}.py")
    return needed


def declared_deps(dvc_file: Path, stage: dict) -> set[str]:
    """The stage's deps as paths relative to the repository root."""
    base = (dvc_file.parent / stage.get("wdir", ".")).resolve()
    return {os.path.relpath((base / str(d)).resolve(), REPO) for d in stage.get("deps", [])}


@pytest.mark.parametrize("dvc_file", PIPELINES, ids=lambda p: str(p.relative_to(REPO)))
def test_every_stage_depends_on_the_packages_its_script_imports(dvc_file: Path) -> None:
    missing = {}
    for name, stage, script in stage_scripts(dvc_file):
        lacking = required_packages(script) - declared_deps(dvc_file, stage)
        if str(script.relative_to(REPO)) not in declared_deps(dvc_file, stage):
            lacking.add(str(script.relative_to(REPO)))
        if lacking:
            missing[name] = sorted(lacking)
    assert not missing, f"{dvc_file.name}: stages lacking deps: {missing}"
