"""Stages export and score at the end of the real pipeline: a scored batch and its summary."""

from __future__ import annotations

import json
import subprocess
from typing import TYPE_CHECKING

import pandas as pd
import pytest

from inquiry_quality import load_scorer
from inquiry_quality.core import schema
from inquiry_quality.modeling.bundle import load_bundle

if TYPE_CHECKING:
    from conftest import PipelineRepo


@pytest.mark.slow
def test_the_pipeline_ends_with_a_scored_batch(pipeline_repo: PipelineRepo) -> None:
    root = pipeline_repo.root
    summary = json.loads((root / "reports" / "score_summary.json").read_text())
    scored = pd.read_csv(root / "data" / "scored" / "new_batch.csv")
    quarantine = pd.read_csv(root / "data" / "scored" / "quarantine.csv")
    assert summary["reconciles"] and summary["rows_in"] == len(scored) + len(quarantine)
    assert summary["scored"] == len(scored) > 0
    assert sum(summary["tiers"].values()) == len(scored)
    assert list(scored.columns) == list(schema.OUTPUT_COLUMNS)
    outcomes = summary["tier_outcomes"]
    assert sum(t["with_outcome"] for t in outcomes.values()) == len(scored)
    shares = {tier: t["genuine_share"] for tier, t in outcomes.items() if t["with_outcome"] >= 20}
    if "quote now" in shares and "discard" in shares:
        assert shares["quote now"] > shares["discard"]
    exported = load_scorer(root / "models" / "inquiry-quality").bundle
    assert exported.metadata == load_bundle(root / "models" / "bundle").metadata
    assert (scored[schema.MODEL_VERSION] == exported.metadata["model_version"]).all()
    shown = subprocess.run(
        ["dvc", "metrics", "show", "--json"],
        cwd=root, env=pipeline_repo.env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert "score_summary.json" in shown.stdout and "reasons.json" in shown.stdout
    reasons = json.loads((root / "reports" / "reasons.json").read_text())
    assert reasons["rows"] == len(scored) and reasons["duplicated_fact_share"] == 0.0
    assert 0 < len(reasons["top_reasons_against"]) <= 10


@pytest.mark.slow
def test_the_score_stage_checks_the_batch_for_drift(pipeline_repo: PipelineRepo) -> None:
    root = pipeline_repo.root
    report = json.loads((root / "reports" / "drift.json").read_text())
    assert report["verdict"] == "stable", report["moved"]
    assert (
        report["batch_rows"]
        == json.loads((root / "reports" / "score_summary.json").read_text())["scored"]
    )
    assert (
        report["model_version"] == load_bundle(root / "models" / "bundle").metadata["model_version"]
    )
    assert "Drift report" in (root / "reports" / "drift.html").read_text()
    shown = subprocess.run(
        ["dvc", "metrics", "show", "--json"],
        cwd=root, env=pipeline_repo.env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert "reports/drift.json" in shown.stdout
