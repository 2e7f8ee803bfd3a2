"""Load a model from a local directory: a bundle directory or an MLflow pyfunc directory.

Read without importing MLflow, so scoring stays light; MLflow URIs (``models:/...``) are
resolved by ``inquiry_quality.mlops.loading``. The bundle's checksums are verified before
anything is unpickled (``ModelIntegrityError``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

from inquiry_quality.core.config import read_yaml
from inquiry_quality.modeling.bundle import CHECKSUMS_FILE, ModelBundle, load_bundle
from inquiry_quality.scoring.integrity import verify_directory
from inquiry_quality.scoring.model_location import ModelNotFoundError, check_model_dir

PYFUNC_FILE: Final = "MLmodel"
BUNDLE_ARTIFACT: Final = "bundle"  # the artifact name mlops logs the bundle under


def pyfunc_bundle_dir(directory: Path) -> Path:
    """The bundle inside a pyfunc model directory, as its ``MLmodel`` file records it."""
    spec = read_yaml((directory / PYFUNC_FILE).read_text("utf-8")) or {}
    artifacts = spec.get("flavors", {}).get("python_function", {}).get("artifacts", {})
    entry = artifacts.get(BUNDLE_ARTIFACT)
    if not entry:
        raise ModelNotFoundError(f"{directory / PYFUNC_FILE}: no {BUNDLE_ARTIFACT!r} artifact")
    return directory / entry["path"]


def load_model_dir(path: Path) -> ModelBundle:
    """The checksum-verified bundle of a bundle directory or a pyfunc model directory; a
    directory a DVC stage wrote is first checked, every file, against ``dvc.lock``."""
    if path.is_dir():
        verify_directory(path)
    if (path / CHECKSUMS_FILE).is_file():
        return load_bundle(path)
    if (path / PYFUNC_FILE).is_file():
        return load_bundle(pyfunc_bundle_dir(path))
    check_model_dir(path)
    raise ModelNotFoundError(
        f"{path}: neither a model bundle ({CHECKSUMS_FILE}) nor an MLflow model ({PYFUNC_FILE})"
    )
