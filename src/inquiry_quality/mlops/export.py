"""Export a registered model as a local pyfunc directory (``mlflow models serve -m``)."""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path

import mlflow
from mlflow.exceptions import MlflowException
from mlflow.tracking import MlflowClient

from inquiry_quality.mlops.loading import DIGEST_TAG, downloaded_digests
from inquiry_quality.mlops.store import CHAMPION, MODEL_NAME, use_store
from inquiry_quality.modeling.bundle import ModelIntegrityError, load_bundle
from inquiry_quality.scoring.loading import pyfunc_bundle_dir

logger = logging.getLogger(__name__)


def _record_digest(client: MlflowClient, model_name: str, version: str, out: Path) -> None:
    """Tag the registered version with the digest of its files as exported (``DIGEST_TAG``),
    or, when an earlier export tagged it, refuse files that differ from it. A tag of the files
    as downloaded (what exports before ``RUN_FIELDS`` recorded) is replaced."""
    digest, as_downloaded = downloaded_digests(out)  # drops the run's fields from out
    recorded = client.get_model_version(model_name, version).tags.get(DIGEST_TAG)
    if recorded == digest:
        return
    if recorded not in (None, as_downloaded):
        shutil.rmtree(out, ignore_errors=True)
        raise ModelIntegrityError(
            f"{model_name} version {version}: its files in the store differ from the digest "
            f"recorded when it was first exported ({DIGEST_TAG}={recorded})"
        )
    client.set_model_version_tag(model_name, version, DIGEST_TAG, digest)


def export_champion(registration: Path, out: Path, model_name: str = MODEL_NAME) -> Path:
    """Copy ``<model_name>@champion`` to ``out`` as a pyfunc directory.

    A candidate that lost the gate stays in the registry and is never exported: the default
    model is the champion. ``registration`` (``register``'s record) names the version the gate
    left as champion; a store that disagrees (reset, or DVC restored ``register`` without
    running it) is refused with what to rerun.
    """
    use_store()
    record = json.loads(Path(registration).read_text("utf-8"))
    try:
        version = str(MlflowClient().get_model_version_by_alias(model_name, CHAMPION).version)
    except MlflowException as exc:
        raise ModelIntegrityError(
            f"{model_name}@{CHAMPION}: not in the MLflow store ({exc.message}); "
            "rerun `dvc repro -f register`"
        ) from exc
    if version != str(record["champion_after"]):
        raise ModelIntegrityError(
            f"{model_name}@{CHAMPION} is version {version}, but {registration} says the gate left "
            f"version {record['champion_after']}; rerun `dvc repro -f register`"
        )
    if out.exists():
        shutil.rmtree(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    mlflow.artifacts.download_artifacts(
        artifact_uri=f"models:/{model_name}/{version}", dst_path=str(out)
    )
    exported = load_bundle(pyfunc_bundle_dir(out))  # checksums verified
    _record_digest(MlflowClient(), model_name, version, out)
    logger.info(
        "exported %s version %s (champion, model %s) to %s",
        model_name,
        version,
        exported.metadata.get("model_version"),
        out,
    )
    return out
