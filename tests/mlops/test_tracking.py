"""MLflow tracking: store location, the pyfunc by alias, the champion gate, a real server."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

import mlflow
import numpy as np
import pandas as pd
import pytest
from mlflow.tracking import MlflowClient

from inquiry_quality.core import schema
from inquiry_quality.core.config import EvaluateParams, TrainParams
from inquiry_quality.core.paths import project_root
from inquiry_quality.evaluation.metrics import evaluate_bundle, metric_value
from inquiry_quality.features import build_featurizer
from inquiry_quality.mlops.export import export_champion
from inquiry_quality.mlops.gate import is_better, promote_if_better
from inquiry_quality.mlops.loading import DIGEST_TAG, DOWNLOAD_META, load_uri_bundle
from inquiry_quality.mlops.pyfunc import score, to_naive_utc
from inquiry_quality.mlops.runs import log_run
from inquiry_quality.mlops.store import CANDIDATE, CHAMPION, MODEL_NAME, tracking_uri
from inquiry_quality.modeling.bundle import ModelBundle, ModelIntegrityError, save_bundle
from inquiry_quality.modeling.split import split_table
from inquiry_quality.modeling.training import train_bundle
from inquiry_quality.scoring.integrity import directory_digest
from inquiry_quality.scoring.loading import load_model_dir

METRIC = "genuine.roc_auc"


def test_project_root_of_a_dvc_temp_copy(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    copy = repo / ".dvc" / "tmp" / "exps" / "tmpab12" / "pipelines"
    copy.mkdir(parents=True)
    (copy.parent / ".dvc").mkdir()
    assert project_root(copy) == repo
    assert project_root(repo / ".dvc") == repo


def test_tracking_uri_is_absolute_or_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".dvc").mkdir()
    monkeypatch.delenv("MLFLOW_TRACKING_URI", raising=False)
    assert tracking_uri(tmp_path) == f"sqlite:///{tmp_path.resolve()}/mlflow.db"
    monkeypatch.setenv("MLFLOW_TRACKING_URI", "http://127.0.0.1:5999")
    assert tracking_uri(tmp_path) == "http://127.0.0.1:5999"


def test_a_tie_keeps_the_champion() -> None:
    assert not is_better(0.9, 0.9, "genuine.roc_auc")
    assert is_better(0.1, 0.2, "convert.ece")
    assert not is_better(0.3, 0.2, "genuine.log_loss")


def _log(bundle: ModelBundle, test: pd.DataFrame, inquiries: pd.DataFrame, directory: Path):
    metrics = evaluate_bundle(bundle, test, EvaluateParams()).metrics
    logged = log_run(save_bundle(bundle, directory), {"train": {}}, metrics, None)
    return logged, metric_value(metrics, METRIC)


@pytest.mark.slow
def test_the_gate_keeps_a_better_champion(
    trained: tuple[ModelBundle, pd.DataFrame],
    table: pd.DataFrame,
    inquiries: pd.DataFrame,
    small_params: TrainParams,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("MLFLOW_TRACKING_URI", f"sqlite:///{tmp_path}/mlflow.db")
    good, test = trained
    logged_good, good_value = _log(good, test, inquiries, tmp_path / "good")
    first = promote_if_better(logged_good, METRIC, good_value, rescore=_no_rescore)
    assert first.promoted and first.compared_on == "no champion"

    split = split_table(table, small_params.split)
    shuffled = split.train.assign(
        is_genuine=split.train["is_genuine"].sample(frac=1.0, random_state=0).to_numpy()
    )
    bad = train_bundle(
        shuffled, build_featurizer(), small_params, data_version="test", split=split.description
    )
    logged_bad, bad_value = _log(bad, split.test, inquiries, tmp_path / "bad")
    assert bad_value < good_value
    second = promote_if_better(logged_bad, METRIC, bad_value, rescore=_no_rescore)
    assert not second.promoted and second.compared_on == "logged metric"
    assert second.champion_value == pytest.approx(good_value)
    client = MlflowClient()
    champion = client.get_model_version_by_alias(MODEL_NAME, CHAMPION)
    candidate = client.get_model_version_by_alias(MODEL_NAME, CANDIDATE)
    assert str(champion.version) == logged_good.model_version
    assert str(candidate.version) == logged_bad.model_version
    assert client.get_run(logged_bad.run_id).data.tags["gate.promoted"] == "False"
    # the registry records the exported files' digest (DVC's, as dvc.lock has it) and checks it
    registration = tmp_path / "registration.json"
    registration.write_text(json.dumps(second.as_record()), encoding="utf-8")
    served = export_champion(registration, tmp_path / "served")
    assert load_model_dir(served).metadata == load_model_dir(tmp_path / "good").metadata
    digest = client.get_model_version(MODEL_NAME, logged_good.model_version).tags[DIGEST_TAG]
    assert digest == directory_digest(served, DOWNLOAD_META)[0]
    uri = f"models:/{MODEL_NAME}@{CHAMPION}"
    assert load_uri_bundle(uri).metadata == load_model_dir(served).metadata
    client.set_model_version_tag(MODEL_NAME, logged_good.model_version, DIGEST_TAG, "0" * 32)
    with pytest.raises(ModelIntegrityError, match="differ from the digest recorded"):
        load_uri_bundle(uri)
    client.set_model_version_tag(MODEL_NAME, logged_good.model_version, DIGEST_TAG, digest)

    # A champion measured on other data is re-scored on this test set, not trusted.
    bad.metadata["data_version"] = "other"
    logged_other, other_value = _log(bad, split.test, inquiries, tmp_path / "other")
    rescored = []

    def rescore(champion: ModelBundle) -> float:
        value = metric_value(
            evaluate_bundle(champion, split.test, EvaluateParams()).metrics, METRIC
        )
        rescored.append(value)
        return value

    third = promote_if_better(logged_other, METRIC, other_value, rescore=rescore)
    assert third.compared_on == "re-scored on this test set" and not third.promoted
    assert rescored == [pytest.approx(good_value)]

    model = mlflow.pyfunc.load_model(f"models:/{MODEL_NAME}@champion")
    raw = inquiries.drop(columns=list(schema.LABEL_COLUMNS), errors="ignore").head(5)
    pd.testing.assert_frame_equal(
        model.predict(to_naive_utc(raw)).reset_index(drop=True),
        score(good, raw).reset_index(drop=True),
    )

    # A champion that this code cannot score (e.g. saved by an incompatible version) is replaced,
    # even by a worse candidate: it could not score new inquiries either.
    def cannot_score(champion: ModelBundle) -> float:
        raise AttributeError("'InquiryFeaturizer' object has no attribute 'new_setting'")

    logged_next, next_value = _log(bad, split.test, inquiries, tmp_path / "next")
    fourth = promote_if_better(logged_next, METRIC, next_value, rescore=cannot_score)
    assert fourth.promoted and fourth.champion_value is None
    assert fourth.compared_on == "champion unusable (AttributeError)"
    champion = client.get_model_version_by_alias(MODEL_NAME, CHAMPION)
    assert str(champion.version) == logged_next.model_version


def _no_rescore(champion: ModelBundle) -> float:
    raise AssertionError("the champion's logged metric should have been used")


@pytest.mark.slow
def test_a_real_mlflow_server(
    trained: tuple[ModelBundle, pd.DataFrame],
    inquiries: pd.DataFrame,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    server_runner: Callable[..., AbstractContextManager[subprocess.Popen]],
    port: int,
) -> None:
    monkeypatch.setenv("MLFLOW_SERVER_ENABLE_JOB_EXECUTION", "false")
    command = [
        str(Path(sys.executable).parent / "mlflow"),
        "server",
        "--backend-store-uri",
        f"sqlite:///{tmp_path}/server.db",
        "--artifacts-destination",
        str(tmp_path / "artifacts"),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--workers",
        "1",
    ]
    url = f"http://127.0.0.1:{port}"
    with server_runner(command, f"{url}/health", tmp_path / "server.log", timeout=60):
        monkeypatch.setenv("MLFLOW_TRACKING_URI", url)
        bundle, test = trained
        logged, _ = _log(bundle, test, inquiries, tmp_path / "bundle")
        model = mlflow.pyfunc.load_model(f"models:/{MODEL_NAME}@candidate")
        raw = inquiries.drop(columns=list(schema.LABEL_COLUMNS), errors="ignore").head(4)
        assert np.allclose(
            model.predict(to_naive_utc(raw))[schema.P_GENUINE],
            score(bundle, raw)[schema.P_GENUINE],
        )
        assert logged.model_version == "1"
