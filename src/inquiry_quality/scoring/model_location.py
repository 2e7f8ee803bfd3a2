"""Whether the model a command names is there, told without loading it or importing MLflow.

A local directory must exist; a registry URI (``models:/...``, ``runs:/...``) needs a store to
look in: with a sqlite store, its file. MLflow creates a sqlite store that is not there, so
asking an absent one for a model would leave an empty ``mlflow.db`` in the user's folder and
take seconds to say "not found". The CLI checks here before importing the model's stack.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

from inquiry_quality.core.paths import sqlite_file, tracking_uri

URI_SCHEMES: Final = ("models:/", "runs:/", "mlflow-artifacts:/", "http://", "https://")
#: URIs MLflow resolves through the tracking store
_STORE_SCHEMES: Final = ("models:/", "runs:/")


class ModelNotFoundError(FileNotFoundError):
    """No model at the given path or URI."""


def is_model_uri(path_or_uri: str) -> bool:
    """Whether MLflow resolves it (else it is a local directory)."""
    return path_or_uri.startswith(URI_SCHEMES)


def check_model_dir(path: Path) -> None:
    """Raise ``ModelNotFoundError`` when the local model directory ``path`` does not exist."""
    if not path.exists():
        raise ModelNotFoundError(f"{path}: no such model directory")


def check_model_location(path_or_uri: str, start: Path | None = None) -> None:
    """Raise ``ModelNotFoundError`` when a local model directory does not exist, or a registry
    URI's sqlite store (``MLFLOW_TRACKING_URI``, else the project's of ``start``) does not."""
    if not is_model_uri(path_or_uri):
        check_model_dir(Path(path_or_uri))
        return
    database = sqlite_file(tracking_uri(start))
    if path_or_uri.startswith(_STORE_SCHEMES) and database is not None and not database.is_file():
        raise ModelNotFoundError(
            f"{path_or_uri}: no MLflow store at {database} (MLFLOW_TRACKING_URI, else "
            "the project's mlflow.db)"
        )
