"""The sqlite store moves with its project: a copy logs into its own mlruns/, not the original's."""

from __future__ import annotations

import shutil
from pathlib import Path

import mlflow
import pytest
from mlflow.tracking import MlflowClient

from inquiry_quality.mlops.store import EXPERIMENT_NAME, configure


def test_a_copied_project_logs_into_its_own_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("MLFLOW_TRACKING_URI", raising=False)
    original = tmp_path / "original"
    (original / ".dvc").mkdir(parents=True)
    monkeypatch.chdir(original)
    configure(original)
    with mlflow.start_run():
        mlflow.log_text("first", "note.txt")
    copy = shutil.copytree(original, tmp_path / "copy")
    monkeypatch.chdir(copy)
    monkeypatch.delenv("MLFLOW_TRACKING_URI", raising=False)  # set_tracking_uri exports it
    configure(copy)
    with mlflow.start_run() as run:
        mlflow.log_text("second", "note.txt")
    assert run.info.artifact_uri.startswith((copy / "mlruns").as_uri())
    assert len(list((original / "mlruns").rglob("note.txt"))) == 1  # the original is untouched
    client = MlflowClient()
    experiment = client.get_experiment_by_name(EXPERIMENT_NAME)
    runs = client.search_runs([experiment.experiment_id])
    assert len(runs) == 2
    for logged in runs:  # the copied run's artifacts are read from the copy
        assert logged.info.artifact_uri.startswith((copy / "mlruns").as_uri())
        assert Path(mlflow.artifacts.download_artifacts(f"{logged.info.artifact_uri}/note.txt"))
