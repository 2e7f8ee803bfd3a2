"""Export a registered model as a local pyfunc directory (``mlflow models serve -m``)."""

from __future__ import annotations

import json
import logging
import shutil
import tempfile
from pathlib import Path

import mlflow
from mlflow.exceptions import MlflowException
from mlflow.tracking import MlflowClient

from inquiry_quality.mlops.loading import DIGEST_TAG, DOWNLOAD_META
from inquiry_quality.mlops.store import CANDIDATE, CHAMPION, MODEL_NAME, use_store
from inquiry_quality.modeling.bundle import CHECKSUMS_FILE, ModelIntegrityError, load_bundle
from inquiry_quality.scoring.integrity import directory_digest
from inquiry_quality.scoring.loading import pyfunc_bundle_dir

logger = logging.getLogger(__name__)


def _bundle_checksums(model_name: str, version: str, directory: Path) -> dict[str, str]:
    """The bundle checksums of ``model_name`` version ``version``, downloaded to ``directory``."""
    mlflow.artifacts.download_artifacts(
        artifact_uri=f"models:/{model_name}/{version}", dst_path=str(directory)
    )
    exported_dir = pyfunc_bundle_dir(directory)
    load_bundle(exported_dir)  # its files match its checksums
    return json.loads((exported_dir / CHECKSUMS_FILE).read_text("utf-8"))


def _record_digest(client: MlflowClient, model_name: str, version: str, out: Path) -> None:
    """Tag the registered version with the digest of its files (``DIGEST_TAG``), or, when
    an earlier export tagged it, refuse files that differ from it."""
    digest = directory_digest(out, DOWNLOAD_META)[0]
    recorded = client.get_model_version(model_name, version).tags.get(DIGEST_TAG)
    if recorded is None:
        client.set_model_version_tag(model_name, version, DIGEST_TAG, digest)
    elif recorded != digest:
        shutil.rmtree(out, ignore_errors=True)
        raise ModelIntegrityError(
            f"{model_name} version {version}: its files in the store differ from the digest "
            f"recorded when it was first exported ({DIGEST_TAG}={recorded})"
        )


def export_registered(bundle_dir: Path, out: Path, model_name: str = MODEL_NAME) -> Path:
    """Copy the registered ``<model_name>@champion`` pyfunc model to ``out``.

    The local directory (``mlflow models serve -m <out>``, the CLI's default model) is then the
    very artifact in the registry, and only ever the champion: a candidate that lost the
    quality gate stays in the registry (alias ``candidate``) and is not exported. Refuses if
    the candidate's bundle is not ``bundle_dir`` (same checksums), e.g. when DVC restored the
    evaluate stage from its cache without logging a run.
    """
    use_store()
    client = MlflowClient()
    candidate = str(client.get_model_version_by_alias(model_name, CANDIDATE).version)
    champion = str(client.get_model_version_by_alias(model_name, CHAMPION).version)
    expected = json.loads((bundle_dir / CHECKSUMS_FILE).read_text("utf-8"))
    if out.exists():
        shutil.rmtree(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    if candidate == champion:
        logged = _bundle_checksums(model_name, champion, out)
    else:
        with tempfile.TemporaryDirectory(dir=out.parent) as scratch:
            logged = _bundle_checksums(model_name, candidate, Path(scratch))
    if logged != expected:
        shutil.rmtree(out, ignore_errors=True)
        raise ModelIntegrityError(
            f"{model_name}@{CANDIDATE} (version {candidate}) is not the bundle in {bundle_dir}; "
            "rerun `dvc repro -f evaluate` so the current bundle is logged and registered"
        )
    if candidate != champion:
        logger.warning(
            "%s version %s (this bundle) lost the quality gate: exporting champion version %s",
            model_name,
            candidate,
            champion,
        )
        _bundle_checksums(model_name, champion, out)
    _record_digest(client, model_name, champion, out)
    logger.info("exported %s version %s (%s) to %s", model_name, champion, CHAMPION, out)
    return out
