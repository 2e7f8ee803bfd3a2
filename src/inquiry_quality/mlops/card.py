"""The model card beside the exported model, and in the MLflow run that logged the model."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Final

from mlflow.tracking import MlflowClient

from inquiry_quality.bundle import load_bundle
from inquiry_quality.evaluation.card import model_card
from inquiry_quality.scoring.loading import pyfunc_bundle_dir
from inquiry_quality.tracking import CANDIDATE, MODEL_NAME, configure, git_commit, project_root

logger = logging.getLogger(__name__)

CARD_FILE: Final = "README.md"
ARTIFACT_DIR: Final = "model_card"


def write_model_card(
    exported: Path,
    metrics: Mapping[str, Any],
    sources: Sequence[str] = (),
    alias: str = CANDIDATE,
    model_name: str = MODEL_NAME,
) -> Path:
    """Write ``README.md`` into the exported model directory ``exported`` (outside its bundle,
    whose checksums stay as registered) and log it to the run of ``<model_name>@<alias>``."""
    configure()
    client = MlflowClient()
    version = client.get_model_version_by_alias(model_name, alias)
    bundle = load_bundle(pyfunc_bundle_dir(exported))
    card = model_card(
        metrics,
        bundle.metadata,
        bundle.reference,
        sources=sources,
        registered=f"{model_name} version {version.version} (alias {alias})",
        code_version=git_commit(project_root()) or "unknown",
    )
    path = exported / CARD_FILE
    path.write_text(card, encoding="utf-8")
    client.log_artifact(version.run_id, str(path), ARTIFACT_DIR)
    logger.info("model card %s, logged to run %s", path, version.run_id)
    return path
