"""The tracking store: where runs and registered models live, and the project's names."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Final

import mlflow

from inquiry_quality.core.paths import project_root

MODEL_NAME: Final = "inquiry-quality"
EXPERIMENT_NAME: Final = "inquiry-quality"
CANDIDATE: Final = "candidate"
CHAMPION: Final = "champion"


def tracking_uri(start: Path | None = None) -> str:
    """``MLFLOW_TRACKING_URI`` if set, else the absolute sqlite store of the project."""
    return os.environ.get("MLFLOW_TRACKING_URI") or f"sqlite:///{project_root(start)}/mlflow.db"


def use_store(start: Path | None = None) -> str:
    """Point MLflow at the project's store, for reading: creates nothing."""
    uri = tracking_uri(start)
    mlflow.set_tracking_uri(uri)
    return uri


def configure(start: Path | None = None, experiment_name: str = EXPERIMENT_NAME) -> str:
    """Point MLflow at the store and the experiment (``register.experiment_name``), creating
    the experiment on first use; returns the experiment id."""
    uri = use_store(start)
    experiment = mlflow.get_experiment_by_name(experiment_name)
    if experiment is not None:
        mlflow.set_experiment(experiment_id=experiment.experiment_id)
        return experiment.experiment_id
    location = None  # a server chooses; a sqlite store keeps artifacts beside the database
    if uri.startswith("sqlite:///"):
        location = (Path(uri.removeprefix("sqlite:///")).resolve().parent / "mlruns").as_uri()
    experiment_id = mlflow.create_experiment(experiment_name, artifact_location=location)
    mlflow.set_experiment(experiment_id=experiment_id)
    return experiment_id
