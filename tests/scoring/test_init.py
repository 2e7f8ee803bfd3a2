"""The scoring package's exports, imported on first use."""

from __future__ import annotations

import subprocess
import sys

import inquiry_quality.scoring as scoring


def test_every_exported_name_resolves_to_its_module() -> None:
    for name in scoring.__all__:
        value = getattr(scoring, name)
        module = sys.modules[f"{scoring.__name__}.{scoring._MODULES[name]}"]
        assert getattr(module, name) is value, name
    assert sorted(scoring.__all__) == sorted(scoring._MODULES)


def test_a_light_module_of_the_package_loads_no_model_stack() -> None:
    script = (
        "import sys, inquiry_quality.scoring.outputs; "
        "print(*(m for m in ('sklearn', 'spacy', 'pandas') if m in sys.modules))"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert run.stdout.split() == []
