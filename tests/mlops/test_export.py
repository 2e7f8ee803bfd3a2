"""The exported model: the same files for the same bundle, whichever run registered it."""

from __future__ import annotations

from pathlib import Path

import mlflow
import pytest
import yaml
from conftest import register_and_export
from mlflow.tracking import MlflowClient

from inquiry_quality.mlops.export import export_champion
from inquiry_quality.mlops.loading import DIGEST_TAG, DOWNLOAD_META, RUN_FIELDS, load_uri_bundle
from inquiry_quality.mlops.store import MODEL_NAME
from inquiry_quality.modeling.bundle import ModelIntegrityError
from inquiry_quality.scoring.integrity import directory_digest
from inquiry_quality.scoring.loading import PYFUNC_FILE, load_model_dir


def test_a_bundle_exports_to_the_same_files_from_another_run(
    pyfunc_dir: Path, project_bundle_dir: Path, tmp_path: Path
) -> None:
    """What a fresh clone's ``dvc.lock`` needs: no run id, time or store path in the export."""
    again = register_and_export(project_bundle_dir, tmp_path)
    assert directory_digest(again) == directory_digest(pyfunc_dir)
    model = yaml.safe_load((again / PYFUNC_FILE).read_text(encoding="utf-8"))
    assert not set(RUN_FIELDS) & set(model)
    assert "python_function" in model["flavors"] and model["signature"]["inputs"]


def test_a_digest_recorded_before_the_run_fields_were_left_out_is_taken_over(
    project_bundle_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A store whose version an older export tagged (the files with the run's fields) exports
    again, and its tag becomes the exported files' digest; a tag of other files refuses it."""
    register_and_export(project_bundle_dir, tmp_path)
    monkeypatch.setenv("MLFLOW_TRACKING_URI", f"sqlite:///{tmp_path}/mlflow.db")
    client = MlflowClient()
    raw = Path(
        mlflow.artifacts.download_artifacts(
            "models:/inquiry-quality/1", dst_path=str(tmp_path / "raw")
        )
    )
    client.set_model_version_tag(
        MODEL_NAME, "1", DIGEST_TAG, directory_digest(raw, DOWNLOAD_META)[0]
    )
    registration = tmp_path / "registration.json"
    again = export_champion(registration, tmp_path / "again")
    digest = directory_digest(again, DOWNLOAD_META)[0]
    assert client.get_model_version(MODEL_NAME, "1").tags[DIGEST_TAG] == digest
    assert load_uri_bundle(f"models:/{MODEL_NAME}/1").metadata == load_model_dir(again).metadata
    client.set_model_version_tag(MODEL_NAME, "1", DIGEST_TAG, "0" * 32 + ".dir")
    with pytest.raises(ModelIntegrityError, match="differ from the digest"):
        export_champion(registration, tmp_path / "refused")
