"""Find and load a model: a bundle directory, a pyfunc directory or an MLflow model URI.

Local directories are read without importing MLflow (scoring stays light); a URI such as
``models:/inquiry-quality@champion`` is resolved by ``inquiry_quality.tracking``. Either way the
bundle's checksums are verified before anything is unpickled (``ModelIntegrityError``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

import yaml

from inquiry_quality.bundle import CHECKSUMS_FILE, ModelBundle, load_bundle
from inquiry_quality.config import ScoreParams
from inquiry_quality.scoring.scorer import Scorer

PYFUNC_FILE: Final = "MLmodel"
BUNDLE_ARTIFACT: Final = "bundle"  # the artifact name tracking.py logs the bundle under
URI_SCHEMES: Final = ("models:/", "runs:/", "mlflow-artifacts:/", "http://", "https://")


class ModelNotFoundError(FileNotFoundError):
    """No model at the given path or URI."""


def pyfunc_bundle_dir(directory: Path) -> Path:
    """The bundle inside a pyfunc model directory, as its ``MLmodel`` file records it."""
    spec = yaml.safe_load((directory / PYFUNC_FILE).read_text("utf-8")) or {}
    artifacts = spec.get("flavors", {}).get("python_function", {}).get("artifacts", {})
    entry = artifacts.get(BUNDLE_ARTIFACT)
    if not entry:
        raise ModelNotFoundError(f"{directory / PYFUNC_FILE}: no {BUNDLE_ARTIFACT!r} artifact")
    return directory / entry["path"]


def resolve_bundle(path_or_uri: str | Path) -> ModelBundle:
    """The checksum-verified bundle of a bundle dir, a pyfunc dir or an MLflow model URI."""
    text = str(path_or_uri)
    if text.startswith(URI_SCHEMES):
        from inquiry_quality import tracking  # imports mlflow: only for URIs

        return tracking.load_model_bundle(text)
    path = Path(text)
    if (path / CHECKSUMS_FILE).is_file():
        return load_bundle(path)
    if (path / PYFUNC_FILE).is_file():
        return load_bundle(pyfunc_bundle_dir(path))
    if not path.exists():
        raise ModelNotFoundError(f"{path}: no such model directory")
    raise ModelNotFoundError(
        f"{path}: neither a model bundle ({CHECKSUMS_FILE}) nor an MLflow model ({PYFUNC_FILE})"
    )


def load_scorer(path_or_uri: str | Path, params: ScoreParams | None = None) -> Scorer:
    """A ``Scorer`` for a bundle dir, a pyfunc dir or ``models:/inquiry-quality@champion``."""
    return Scorer(resolve_bundle(path_or_uri), params)
