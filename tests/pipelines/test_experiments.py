"""`dvc exp run -S` as the README gives it, from a shell that has not activated the venv."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from conftest import PipelineRepo

PLAIN_PATH = "/usr/local/bin:/usr/bin:/bin"  # no venv: `python` is not the project's


@pytest.mark.slow
def test_an_experiment_runs_from_a_plain_shell(pipeline_repo: PipelineRepo, tmp_path: Path) -> None:
    project = shutil.copytree(pipeline_repo.root, tmp_path / "project", symlinks=True)
    (project / ".venv").symlink_to(sys.prefix)  # where `make bootstrap` puts it
    env = {**pipeline_repo.env, "PATH": PLAIN_PATH}
    env.pop("VIRTUAL_ENV", None)
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.com"]
    for args in ([*git, "add", "-A"], [*git, "commit", "-qm", "baseline"]):
        subprocess.run(args, cwd=project, env=env, check=True, capture_output=True)
    dvc = str(Path(sys.prefix) / "bin" / "dvc")
    run = subprocess.run(
        [dvc, "exp", "run", "-S", "score.daily_capacity=3"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, f"{run.stdout[-3000:]}\n{run.stderr[-3000:]}"
    assert "Running stage 'score'" in run.stdout and "Running stage 'train'" not in run.stdout
    before = json.loads((pipeline_repo.root / "reports" / "score_summary.json").read_text())
    after = json.loads((project / "reports" / "score_summary.json").read_text("utf-8"))
    assert after["rows_in"] == before["rows_in"]
    assert after["tiers"]["quote now"] <= before["tiers"]["quote now"]  # at most 3 a day
