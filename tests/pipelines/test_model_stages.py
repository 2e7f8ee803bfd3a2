"""End to end: the real DVC stages generate -> evaluate on a small history (``pipeline_repo``)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from inquiry_quality.core.config import load_params
from inquiry_quality.web.marks import MarkStore

if TYPE_CHECKING:
    from conftest import PipelineRepo


def _run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, (
        f"{args} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    )
    return result


@pytest.mark.slow
def test_repro_writes_metrics_and_registers_a_champion(pipeline_repo: PipelineRepo) -> None:
    path, env = pipeline_repo.root, pipeline_repo.env
    metrics = json.loads((path / "reports" / "evaluation.json").read_text(encoding="utf-8"))
    headline = json.loads((path / "reports" / "metrics.json").read_text(encoding="utf-8"))
    assert headline["genuine"]["roc_auc"] == metrics["genuine"]["roc_auc"]
    assert "by_region" not in headline["genuine"] and len(json.dumps(headline)) < 2000
    assert 0.5 < metrics["genuine"]["roc_auc"] <= 1.0
    assert "oracle_roc_auc" in metrics["genuine"] and "roc_auc_genuine" in metrics["convert"]
    assert (path / "reports" / "figures" / "roc.png").is_file()
    check = (
        "from mlflow.tracking import MlflowClient\n"
        "from inquiry_quality.mlops.store import CHAMPION, MODEL_NAME, use_store\n"
        "use_store()\n"
        "client = MlflowClient()\n"
        "v = client.get_model_version_by_alias(MODEL_NAME, CHAMPION)\n"
        "print(client.get_run(v.run_id).data.metrics['genuine.roc_auc'])\n"
    )
    out = _run([sys.executable, "-c", check], path, env).stdout
    assert float(out.strip().splitlines()[-1]) == pytest.approx(metrics["genuine"]["roc_auc"])


@pytest.mark.slow
def test_a_second_repro_is_a_no_op(pipeline_repo: PipelineRepo) -> None:
    path, env = pipeline_repo.root, pipeline_repo.env
    out = _run(["dvc", "repro"], path, env).stdout
    assert re.findall(r"Running stage '([^']+)'", out) == []


@pytest.mark.slow
def test_a_new_mark_reruns_marks_and_nothing_more(pipeline_repo: PipelineRepo) -> None:
    """The page opening its database reruns nothing; a mark reruns ``marks``; one mark is below
    ``marks.min_per_class``, so the labels file stays the same and nothing downstream reruns;
    then all is quiet again."""
    path, env = pipeline_repo.root, pipeline_repo.env
    params = load_params(path / "params.yaml").marks
    store = MarkStore(path / params.database, path / params.last_event)
    out = _run(["dvc", "repro"], path, env).stdout
    assert re.findall(r"Running stage '([^']+)'", out) == []
    store.mark("INQ-1", "genuine", "tester")
    out = _run(["dvc", "repro"], path, env).stdout
    assert re.findall(r"Running stage '([^']+)'", out) == ["marks"]
    out = _run(["dvc", "repro"], path, env).stdout
    assert re.findall(r"Running stage '([^']+)'", out) == []


@pytest.mark.slow
def test_plots_render_without_a_cdn(pipeline_repo: PipelineRepo) -> None:
    path, env = pipeline_repo.root, pipeline_repo.env
    _run(["dvc", "plots", "show", "-o", "plots_html"], path, env)
    html = (path / "plots_html" / "index.html").read_text(encoding="utf-8")
    assert "vega-embed" in html and "vegaEmbed" in html
    assert not re.search(r"<script[^>]+src=[\"']https?:", html)
    assert "roc_genuine" in html or "ROC" in html
