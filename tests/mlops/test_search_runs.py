"""``search_runs``: the runs of the project's store, for comparing them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from inquiry_quality.mlops.runs import search_runs
from inquiry_quality.mlops.store import CHAMPION

if TYPE_CHECKING:
    from conftest import PipelineRepo


def test_an_empty_store_gives_an_empty_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MLFLOW_TRACKING_URI", f"sqlite:///{tmp_path}/mlflow.db")
    runs = search_runs()
    assert runs.empty and {"run_id", "model_version", "aliases"} <= set(runs.columns)


@pytest.mark.slow
def test_the_pipeline_run_is_listed_as_champion_with_its_metrics(
    pipeline_repo: PipelineRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MLFLOW_TRACKING_URI", pipeline_repo.env["MLFLOW_TRACKING_URI"])
    metrics = json.loads((pipeline_repo.root / "reports/metrics.json").read_text("utf-8"))
    runs = search_runs()
    champion = runs[runs["aliases"].str.contains(CHAMPION)]
    assert len(champion) == 1
    assert champion["model_version"].iloc[0] != ""
    value = champion["metrics.genuine.roc_auc"].iloc[0]
    assert value == pytest.approx(metrics["genuine"]["roc_auc"])
    assert runs["start_time"].is_monotonic_decreasing
