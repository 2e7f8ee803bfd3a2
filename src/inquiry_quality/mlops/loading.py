"""Load a model by local path or MLflow URI (``models:/inquiry-quality@champion``).

Local directories are read by ``scoring.loading`` without importing MLflow; a URI is resolved
here (MLflow is imported only then). Either way the bundle's checksums are verified before
anything is unpickled.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Final

import yaml

from inquiry_quality.core.config import ScoreParams
from inquiry_quality.modeling.bundle import ModelBundle, ModelIntegrityError
from inquiry_quality.scoring.integrity import directory_digest
from inquiry_quality.scoring.loading import PYFUNC_FILE, load_model_dir
from inquiry_quality.scoring.model_location import (
    ModelNotFoundError,
    check_model_location,
    is_model_uri,
)
from inquiry_quality.scoring.scorer import Scorer

#: model version tag: DVC's digest of the exported model directory, set by ``export``
DIGEST_TAG: Final = "model_digest"
#: what MLflow writes into a download of a registered model (which name, version or alias
#: was asked for): not part of the model, left out of its digest
DOWNLOAD_META: Final = ("registered_model_meta",)
#: what MLflow writes into ``MLmodel`` about the run that logged the model: its ids, the time
#: and where its store was. The registry keeps that lineage (version -> run); an export and a
#: download checked against ``DIGEST_TAG`` leave it out, so that a bundle exports to the same
#: files on every machine (a fresh clone's ``dvc.lock`` is the committed one)
RUN_FIELDS: Final = ("run_id", "model_id", "model_uuid", "artifact_path", "utc_time_created")


def without_run_fields(out: Path) -> None:
    """Drop ``RUN_FIELDS`` from the ``MLmodel`` in ``out``, if any (what loading and serving
    read stays)."""
    path = out / PYFUNC_FILE
    if not path.is_file():
        return
    model = yaml.safe_load(path.read_text(encoding="utf-8"))
    kept = {k: v for k, v in model.items() if k not in RUN_FIELDS}
    path.write_text(yaml.safe_dump(kept, default_flow_style=False), encoding="utf-8")


def downloaded_digests(local: Path) -> tuple[str, str]:
    """The digest of a registered model's download ``local`` as exported (``RUN_FIELDS``
    dropped, from ``local`` too) and as it was downloaded (what an export before
    ``RUN_FIELDS`` recorded)."""
    as_downloaded = directory_digest(local, DOWNLOAD_META)[0]
    without_run_fields(local)
    return directory_digest(local, DOWNLOAD_META)[0], as_downloaded


def load_uri_bundle(uri: str) -> ModelBundle:
    """The bundle of an MLflow model URI (``models:/NAME@ALIAS``, ``models:/NAME/N``,
    ``runs:/...``): its files are downloaded and, for a registered version whose digest
    ``export`` recorded (tag ``model_digest``), checked against it; then only the bundle is
    read (checksums verified), never the pickled pyfunc or its ``code/``. An absent sqlite
    store is not created."""
    check_model_location(uri)
    import mlflow
    from mlflow.exceptions import MlflowException

    from inquiry_quality.mlops.store import use_store

    use_store()
    with tempfile.TemporaryDirectory() as scratch:
        try:
            local = Path(mlflow.artifacts.download_artifacts(artifact_uri=uri, dst_path=scratch))
            recorded = recorded_model_digest(uri)
        except MlflowException as exc:
            raise ModelNotFoundError(f"{uri}: {exc.message}") from exc
        if recorded is not None and recorded not in downloaded_digests(local):
            raise ModelIntegrityError(
                f"{uri}: its files differ from the digest recorded in the registry "
                f"({DIGEST_TAG}={recorded}); not loaded"
            )
        return load_model_dir(local)


def recorded_model_digest(uri: str) -> str | None:
    """The ``model_digest`` tag of the registered version a ``models:/`` URI names, if any."""
    from mlflow.tracking import MlflowClient

    if not uri.startswith("models:/"):
        return None
    name, _, which = uri.removeprefix("models:/").partition("@")
    client = MlflowClient()
    if which:
        version = client.get_model_version_by_alias(name, which)
    else:
        name, _, number = name.partition("/")
        version = client.get_model_version(name, number)
    return version.tags.get(DIGEST_TAG)


def resolve_bundle(path_or_uri: str | Path) -> ModelBundle:
    """The checksum-verified bundle of a bundle dir, a pyfunc dir or an MLflow model URI."""
    text = str(path_or_uri)
    if is_model_uri(text):
        return load_uri_bundle(text)
    return load_model_dir(Path(text))


def load_scorer(path_or_uri: str | Path, params: ScoreParams | None = None) -> Scorer:
    """A ``Scorer`` for a bundle dir, a pyfunc dir or ``models:/inquiry-quality@champion``."""
    return Scorer(resolve_bundle(path_or_uri), params)
