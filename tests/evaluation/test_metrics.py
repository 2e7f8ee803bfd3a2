"""Metrics on small known inputs, computed independently, and the evaluation of a bundle."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import pytest

from inquiry_quality.core import schema
from inquiry_quality.core.config import EvaluateParams
from inquiry_quality.evaluation.metrics import (
    binary_metrics,
    capture_share,
    evaluate_bundle,
    expected_calibration_error,
    flatten,
    load_truth,
    metric_on_inquiries,
    metric_value,
)
from inquiry_quality.modeling.bundle import ModelBundle

if TYPE_CHECKING:
    from conftest import SmallProject


def test_ece_of_calibrated_scores_is_near_zero() -> None:
    rng = np.random.default_rng(0)
    p = rng.random(200_000)
    y = rng.random(200_000) < p
    assert expected_calibration_error(y, p) < 0.005


def test_ece_of_a_confident_wrong_model() -> None:
    y = np.array([0, 0, 0, 1])
    p = np.array([0.9, 0.9, 0.9, 0.05])  # bins 9 and 0: |0 - 0.9| * 3/4 + |1 - 0.05| * 1/4
    assert expected_calibration_error(y, p) == pytest.approx(0.9 * 0.75 + 0.95 * 0.25)


def test_capture_share_counts_positives_in_the_top() -> None:
    y = np.array([1, 0, 1, 0, 0, 0, 0, 0, 0, 1])
    score = np.arange(10)[::-1] / 10  # row 0 scores highest
    assert capture_share(y, score, 0.1) == pytest.approx(1 / 3)
    assert capture_share(y, score, 0.3) == pytest.approx(2 / 3)


def test_binary_metrics_at_the_threshold() -> None:
    y = np.array([1, 1, 0, 0, 1])
    p = np.array([0.9, 0.4, 0.6, 0.1, 0.8])
    metrics = binary_metrics(y, p, 0.5, EvaluateParams())
    assert metrics["precision"] == pytest.approx(2 / 3)  # flagged: 0.9, 0.6, 0.8
    assert metrics["recall"] == pytest.approx(2 / 3)
    assert metrics["roc_auc"] == pytest.approx(5 / 6)  # pairs (pos > neg): 5 of 6
    assert metrics["brier"] == pytest.approx(np.mean((p - y) ** 2))


def test_evaluation_of_a_bundle_with_oracle(
    trained: tuple[ModelBundle, pd.DataFrame], tmp_path
) -> None:
    bundle, test = trained
    truth_path = tmp_path / "ground_truth.csv"
    ids = test[schema.INQUIRY_ID]
    noisy = test[schema.IS_GENUINE].astype(float).to_numpy() * 0.8 + 0.1
    pd.DataFrame(
        {
            "ref": ids,
            "region": "Europe",
            "p_genuine": noisy,
            "p_order": 0.3,
            "p_convert": noisy * 0.3,
        }
    ).to_csv(truth_path, index=False)
    result = evaluate_bundle(bundle, test, EvaluateParams(), load_truth(truth_path))
    genuine = result.metrics["genuine"]
    assert genuine["oracle_roc_auc"] == pytest.approx(1.0)
    assert genuine["oracle_gap"] == pytest.approx(1.0 - genuine["roc_auc"])
    assert set(genuine["by_channel"]) <= set(schema.CHANNELS)
    convert = result.metrics["convert"]
    assert {"roc_auc", "roc_auc_genuine", "ece", "capture_top_10pct"} <= set(convert)
    assert result.metrics["junk_type"]["per_class"]
    assert {"roc_genuine", "gain_convert", "confusion_junk_type", "weights_genuine"} <= set(
        result.curves
    )
    flat = flatten(result.metrics)
    assert metric_value(result.metrics, "genuine.roc_auc") == flat["genuine.roc_auc"]
    with pytest.raises(KeyError, match="primary_metric"):
        metric_value(result.metrics, "genuine.roc_auk")


@pytest.mark.slow
def test_a_champion_is_rescored_from_raw_inquiries(small_project: SmallProject) -> None:
    """The champion gate re-scores raw inquiries: extra columns as readers give them, or none."""
    from inquiry_quality.features import feature_table, featurizer_from_params, read_catalogue
    from inquiry_quality.modeling.bundle import load_bundle
    from inquiry_quality.modeling.split import split_table

    params, inquiries = small_project.params, small_project.inquiries
    bundle = load_bundle(small_project.bundle_dir)
    extra = [*params.ingest.extra_numeric, *params.ingest.extra_categorical]
    assert extra and set(extra) <= set(bundle.metadata["features"]["extra"])
    featurizer = featurizer_from_params(
        params.featurize, read_catalogue(small_project.raw / "catalogue.csv")
    )
    table = feature_table(inquiries, featurizer, extra)
    test_ids = split_table(table, params.train.split).test[schema.INQUIRY_ID]
    raw = inquiries[inquiries[schema.INQUIRY_ID].isin(test_ids)]
    metric, cfg = "genuine.roc_auc", EvaluateParams()
    expected = metric_value(
        evaluate_bundle(bundle, table[table[schema.INQUIRY_ID].isin(test_ids)], cfg).metrics,
        metric,
    )
    as_read = raw.astype({c: "string" for c in params.ingest.extra_categorical})  # <NA>
    assert as_read[params.ingest.extra_categorical].isna().any().any()
    assert metric_on_inquiries(bundle, as_read, cfg, None, metric) == pytest.approx(expected)
    without = metric_on_inquiries(bundle, raw.drop(columns=extra), cfg, None, metric)
    assert 0.5 < without <= 1.0
