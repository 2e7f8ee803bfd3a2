"""The corpus parameters run the default stages on real mail, library and DVC alike."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
import pytest

from inquiry_quality.core import schema
from inquiry_quality.evaluation.metrics import evaluate_bundle
from inquiry_quality.evaluation.operating_points import add_junk_filter_metrics

if TYPE_CHECKING:
    from conftest import CorpusRun

pytestmark = pytest.mark.slow  # the corpus sample is ingested, featurized and trained once

REPO = Path(__file__).resolve().parents[2]
EXPERIMENT = Path("experiments/spamassassin")


def test_every_sampled_message_is_kept_quarantined_or_a_duplicate(corpus_run: CorpusRun) -> None:
    report = corpus_run.report
    labels = corpus_run.root / "shared" / "corpora" / "spamassassin" / "labels.csv"
    assert report["rows_read"] == len(pd.read_csv(labels)) > 0
    assert report["reconciles"]
    assert report["inquiries_labelled"] == report["rows_kept"] == len(corpus_run.inquiries)


def test_the_conversion_head_is_skipped_and_the_genuine_head_judged(
    corpus_run: CorpusRun,
) -> None:
    bundle, split = corpus_run.bundle, corpus_run.split
    assert "no labelled rows" in bundle.metadata["skipped_heads"]["order"]
    assert split.description["method"] == "stratified"
    assert split.description["seed"] == corpus_run.params.train.split.seed
    metrics = evaluate_bundle(bundle, split.test, corpus_run.params.evaluate).metrics
    add_junk_filter_metrics(
        metrics, bundle, split.test, corpus_run.inquiries, corpus_run.params.evaluate
    )
    genuine = metrics["genuine"]
    assert genuine["roc_auc"] > 0.8
    assert 0.0 <= genuine["junk_recall_at_1pct_fpr"] <= 1.0
    folders = {p.split("/", 1)[0] for p in corpus_run.inquiries[schema.SOURCE_POSITION]}
    tested = set(
        corpus_run.inquiries.loc[
            corpus_run.inquiries[schema.INQUIRY_ID].isin(split.test[schema.INQUIRY_ID]),
            schema.SOURCE_POSITION,
        ]
        .str.split("/")
        .str[0]
    )
    assert set(genuine["by_folder"]) == tested <= folders
    assert "oracle_roc_auc" not in genuine  # no ground truth for real mail


def test_dvc_runs_the_corpus_pipeline_apart_from_the_default(
    corpus_root: Path, pipeline_copier: Callable[..., dict[str, str]]
) -> None:
    repo = corpus_root / "repo"
    names = ("dvc.yaml", "params.yaml", ".dvc/config", ".dvc/.gitignore", ".dvcignore")
    experiment = [str(EXPERIMENT / name) for name in names]  # a DVC project of its own
    env = pipeline_copier(repo, corpus_root / "mlflow.db", experiment)
    result = subprocess.run(
        ["dvc", "repro"],
        cwd=repo / EXPERIMENT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    # the default's outputs untouched (data/marks/ is copied with the pipeline files)
    assert [p.name for p in (repo / "data").iterdir()] == ["marks"]
    assert not (repo / "models").exists()
    reports = repo / EXPERIMENT / "reports"
    metrics = json.loads((reports / "evaluation.json").read_text())
    assert "skipped" in metrics["order"]
    assert {"roc_auc", "junk_recall_at_1pct_fpr", "by_folder"} <= set(metrics["genuine"])
    ablation = json.loads((reports / "ablation.json").read_text())
    assert list(ablation["variants"]) == ["baseline", "text", "structured", "both"]
    table = (reports / "ablation.md").read_text()
    assert table.count("| baseline | ") == 2  # the seed's split, then the 5 splits' ranges
    assert "over the test parts of 5 stratified splits (seeds 0, 1, 2, 3, 4)" in table
    assert set(ablation["repeated"]["variants"]) == set(ablation["variants"])
    assert (repo / EXPERIMENT / "models" / "inquiry-quality" / "MLmodel").is_file()

    from mlflow.tracking import MlflowClient

    client = MlflowClient(tracking_uri=env["MLFLOW_TRACKING_URI"])
    experiment = client.get_experiment_by_name("inquiry-quality-spamassassin")
    runs = client.search_runs([experiment.experiment_id])
    assert len(runs) == 1 and "order" in runs[0].data.tags["skipped_heads"]
    assert client.get_model_version_by_alias("inquiry-quality-spamassassin", "champion")
    assert client.get_experiment_by_name("inquiry-quality") is None or not client.search_runs(
        [client.get_experiment_by_name("inquiry-quality").experiment_id]
    )

    scored = corpus_root / "scored.csv"
    cli = [Path(sys.executable).parent / "inquiry-quality", "score", "-q", "-o", str(scored)]
    model = ["--model", str(EXPERIMENT / "models" / "inquiry-quality")]
    params = ["--params", str(EXPERIMENT / "params.yaml")]
    source = str(corpus_root / "shared" / "corpora" / "spamassassin" / "hard-ham-1")
    done = subprocess.run([*cli, *model, *params, source], cwd=repo, env=env, capture_output=True)
    assert done.returncode == 0, done.stderr
    table = pd.read_csv(scored)
    assert len(table) == len(list(Path(source).iterdir()))
    assert table[schema.REASONS].notna().all() and table[schema.P_GENUINE].between(0, 1).all()
