"""The model card beside the exported model, and in the MLflow run that logged the model."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Final

import mlflow
from mlflow.tracking import MlflowClient

from inquiry_quality.evaluation.card import model_card
from inquiry_quality.mlops.store import CHAMPION, MODEL_NAME, use_store
from inquiry_quality.modeling.bundle import load_bundle
from inquiry_quality.scoring.loading import pyfunc_bundle_dir

logger = logging.getLogger(__name__)

CARD_FILE: Final = "README.md"
ARTIFACT_DIR: Final = "model_card"
METRICS_ARTIFACT: Final = "metrics.json"  # what ``runs.log_run`` logs


def write_model_card(
    exported: Path,
    sources: Sequence[str] = (),
    alias: str = CHAMPION,
    model_name: str = MODEL_NAME,
) -> Path:
    """Write ``README.md`` into the exported model directory ``exported`` (outside its bundle,
    whose checksums stay as registered) from the metrics its run logged, and log it
    to that run of ``<model_name>@<alias>``."""
    use_store()
    client = MlflowClient()
    version = client.get_model_version_by_alias(model_name, alias)
    run = client.get_run(version.run_id)
    metrics = mlflow.artifacts.load_dict(f"{run.info.artifact_uri}/{METRICS_ARTIFACT}")
    bundle = load_bundle(pyfunc_bundle_dir(exported))
    card = model_card(
        metrics,
        bundle.metadata,
        bundle.reference,
        sources=sources,
        registered=f"{model_name} version {version.version} (alias {alias})",
    )
    path = exported / CARD_FILE
    path.write_text(card, encoding="utf-8")
    client.log_artifact(version.run_id, str(path), ARTIFACT_DIR)
    logger.info("model card %s, logged to run %s", path, version.run_id)
    return path
