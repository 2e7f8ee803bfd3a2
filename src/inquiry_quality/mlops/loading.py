"""Load a model by local path or MLflow URI (``models:/inquiry-quality@champion``).

Local directories are read by ``scoring.loading`` without importing MLflow; a URI is resolved
here (MLflow is imported only then). Either way the bundle's checksums are verified before
anything is unpickled.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

from inquiry_quality.core.config import ScoreParams
from inquiry_quality.modeling.bundle import ModelBundle
from inquiry_quality.scoring.loading import ModelNotFoundError, load_model_dir
from inquiry_quality.scoring.scorer import Scorer

URI_SCHEMES: Final = ("models:/", "runs:/", "mlflow-artifacts:/", "http://", "https://")


def load_uri_bundle(uri: str) -> ModelBundle:
    """The bundle of an MLflow model URI (``models:/NAME@ALIAS``, ``runs:/...``)."""
    import mlflow
    from mlflow.exceptions import MlflowException

    from inquiry_quality.mlops.store import use_store

    use_store()
    try:
        return mlflow.pyfunc.load_model(uri).unwrap_python_model().bundle
    except MlflowException as exc:
        raise ModelNotFoundError(f"{uri}: {exc.message}") from exc


def resolve_bundle(path_or_uri: str | Path) -> ModelBundle:
    """The checksum-verified bundle of a bundle dir, a pyfunc dir or an MLflow model URI."""
    text = str(path_or_uri)
    if text.startswith(URI_SCHEMES):
        return load_uri_bundle(text)
    return load_model_dir(Path(text))


def load_scorer(path_or_uri: str | Path, params: ScoreParams | None = None) -> Scorer:
    """A ``Scorer`` for a bundle dir, a pyfunc dir or ``models:/inquiry-quality@champion``."""
    return Scorer(resolve_bundle(path_or_uri), params)
