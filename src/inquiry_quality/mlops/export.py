"""Export a registered model as a local pyfunc directory (``mlflow models serve -m``)."""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path

import mlflow
from mlflow.tracking import MlflowClient

from inquiry_quality.mlops.store import CANDIDATE, MODEL_NAME, use_store
from inquiry_quality.modeling.bundle import CHECKSUMS_FILE, ModelIntegrityError, load_bundle
from inquiry_quality.scoring.loading import pyfunc_bundle_dir

logger = logging.getLogger(__name__)


def export_registered(
    bundle_dir: Path, out: Path, alias: str = CANDIDATE, model_name: str = MODEL_NAME
) -> Path:
    """Copy the registered ``inquiry-quality@<alias>`` pyfunc model to ``out``.

    The local directory (``mlflow models serve -m <out>``) is then the very artifact in the
    registry. Refuses if its bundle is not ``bundle_dir`` (same checksums), e.g. when DVC
    restored the evaluate stage from its cache without logging a run.
    """
    use_store()
    version = MlflowClient().get_model_version_by_alias(model_name, alias).version
    if out.exists():
        shutil.rmtree(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    mlflow.artifacts.download_artifacts(
        artifact_uri=f"models:/{model_name}/{version}", dst_path=str(out)
    )
    exported_dir = pyfunc_bundle_dir(out)
    exported = load_bundle(exported_dir)
    expected = json.loads((bundle_dir / CHECKSUMS_FILE).read_text("utf-8"))
    actual = json.loads((exported_dir / CHECKSUMS_FILE).read_text("utf-8"))
    if actual != expected:
        raise ModelIntegrityError(
            f"{model_name}@{alias} (version {version}) holds model "
            f"{exported.metadata.get('model_version')}, not the bundle in {bundle_dir}; "
            "rerun `dvc repro -f evaluate` so the current bundle is logged and registered"
        )
    logger.info("exported %s version %s (%s) to %s", model_name, version, alias, out)
    return out
