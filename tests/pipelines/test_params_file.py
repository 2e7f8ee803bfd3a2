"""params.yaml is kept in the form DVC writes, so `dvc exp run -S` changes one line only."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from dvc.utils.hydra import apply_overrides

REPO = Path(__file__).resolve().parents[2]


def test_an_experiment_changes_only_the_value_it_sets(tmp_path: Path) -> None:
    copy = shutil.copy(REPO / "params.yaml", tmp_path / "params.yaml")
    seed = yaml.safe_load(Path(copy).read_text("utf-8"))["generate"]["seed"]
    apply_overrides(str(copy), [f"generate.seed={seed + 1}"])  # what `dvc exp run -S` calls
    before = (REPO / "params.yaml").read_text("utf-8").splitlines()
    after = Path(copy).read_text("utf-8").splitlines()
    assert len(after) == len(before)  # no comment, blank line or anchor lost
    changed = [(old, new) for old, new in zip(before, after, strict=True) if old != new]
    assert changed == [(f"  seed: {seed}", f"  seed: {seed + 1}")]
