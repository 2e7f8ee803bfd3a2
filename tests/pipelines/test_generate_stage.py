"""The `generate` stage as DVC runs it: its declaration, a real `dvc repro`, a no-op rerun."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]


def _stage() -> dict:
    return yaml.safe_load((REPO / "dvc.yaml").read_text(encoding="utf-8"))["stages"]["generate"]


def test_stage_declares_its_whole_params_section_and_its_output() -> None:
    stage = _stage()
    assert stage["params"] == ["generate"]  # every key of GenerateParams, present and future
    out = stage["cmd"].split("--out")[1].split()[0]
    assert stage["outs"] == [out]


@pytest.mark.slow
def test_dvc_repro_generates_then_does_nothing(tmp_path: Path) -> None:
    for path in _stage()["deps"]:
        source = REPO / path
        copy = shutil.copytree if source.is_dir() else shutil.copy
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        copy(source, tmp_path / path)
    (tmp_path / "dvc.yaml").write_text(yaml.safe_dump({"stages": {"generate": _stage()}}))
    params = yaml.safe_load((REPO / "params.yaml").read_text(encoding="utf-8"))["generate"]
    small = {**params, "n_inquiries": 60, "n_new": 10}
    (tmp_path / "params.yaml").write_text(yaml.safe_dump({"generate": small}))
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    dvc = [sys.executable, "-m", "dvc"]

    def run(*args: str) -> str:
        done = subprocess.run(
            [*dvc, *args], cwd=tmp_path, env=env, capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, done.stdout + done.stderr
        return done.stdout

    run("init", "--no-scm")
    assert "Running stage 'generate'" in run("repro")
    out = tmp_path / _stage()["outs"][0]
    assert (out / "history" / "mailbox.mbox").stat().st_size > 0
    assert len((out / "ground_truth.csv").read_text().splitlines()) == 71
    second = run("repro")
    assert "Running stage" not in second and "didn't change" in second
