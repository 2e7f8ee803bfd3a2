"""Lean runtime dependencies: a served model needs only what scoring imports."""

from __future__ import annotations

import ast
from importlib.metadata import requires

from architecture.test_layers import closure, modules

from inquiry_quality.mlops.pyfunc import pip_requirements

#: packages of the ``train``, ``notebooks`` and ``dev`` extras
NOT_FOR_SCORING = ("dvc", "faker", "matplotlib", "jupyterlab", "ipykernel", "pytest", "nbclient")


def _third_party(module: str) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(modules()[module].read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module.split(".")[0])
    return found


def test_the_served_model_requires_no_training_or_notebook_package() -> None:
    names = {r.split("==")[0].lower() for r in pip_requirements()}
    assert names and not names & set(NOT_FOR_SCORING), sorted(names)
    extras = [r for r in requires("inquiry-quality") or [] if "extra ==" in r]
    assert {"dvc", "faker", "matplotlib"} <= {r.split(">")[0].split("<")[0] for r in extras}


def test_scoring_and_serving_import_no_training_or_notebook_package() -> None:
    serving = closure(
        ["inquiry_quality.mlops.pyfunc", "inquiry_quality.mlops.loading", "inquiry_quality.cli"]
    )
    used = {name: _third_party(name) & set(NOT_FOR_SCORING) for name in serving}
    assert not {name: found for name, found in used.items() if found}
