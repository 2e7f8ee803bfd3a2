"""check_model_location: a model that is not there is told without loading anything, and an
absent MLflow store is never created by asking it."""

from __future__ import annotations

from pathlib import Path

import pytest

from inquiry_quality.scoring.model_location import (
    ModelNotFoundError,
    check_model_location,
    is_model_uri,
)


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where ``MLFLOW_TRACKING_URI`` points: a sqlite file not yet there."""
    database = tmp_path / "mlflow.db"
    monkeypatch.setenv("MLFLOW_TRACKING_URI", f"sqlite:///{database}")
    return database


def test_a_local_directory_must_exist(tmp_path: Path) -> None:
    check_model_location(str(tmp_path))
    with pytest.raises(ModelNotFoundError, match="missing: no such model directory"):
        check_model_location(str(tmp_path / "missing"))


@pytest.mark.parametrize("uri", ["models:/inquiry-quality@champion", "runs:/0af1/model"])
def test_a_registry_uri_needs_its_sqlite_store(uri: str, store: Path) -> None:
    with pytest.raises(ModelNotFoundError, match=f"no MLflow store at {store}"):
        check_model_location(uri)
    assert not store.exists()
    store.write_bytes(b"")  # there: MLflow answers whether it holds the model
    check_model_location(uri)


def test_the_project_store_is_the_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".dvc").mkdir()
    monkeypatch.delenv("MLFLOW_TRACKING_URI", raising=False)
    with pytest.raises(ModelNotFoundError, match=f"{tmp_path.resolve()}/mlflow.db"):
        check_model_location("models:/inquiry-quality@champion", tmp_path / "sub")


def test_a_tracking_server_is_asked_not_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MLFLOW_TRACKING_URI", "http://127.0.0.1:9")
    check_model_location("models:/inquiry-quality@champion")
    assert is_model_uri("models:/x/1") and not is_model_uri("models/inquiry-quality")
