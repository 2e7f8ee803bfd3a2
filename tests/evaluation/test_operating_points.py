"""Junk recall at a fixed false-positive rate and flag rates per slice, on known inputs."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import roc_curve

from inquiry_quality.core.config import EvaluateParams
from inquiry_quality.evaluation.operating_points import (
    flag_rates,
    fpr_name,
    junk_filter_metrics,
    threshold_at_fpr,
)

Y = np.array([1, 1, 1, 1, 0, 0])
P = np.array([0.9, 0.8, 0.3, 0.7, 0.2, 0.5])


def test_fpr_name() -> None:
    assert fpr_name(0.01) == "1pct_fpr"
    assert fpr_name(0.001) == "0_1pct_fpr"


@pytest.mark.parametrize(
    ("fpr", "threshold", "recall"),
    [(0.0, 0.3, 0.5), (0.2, 0.3, 0.5), (0.25, 0.7, 1.0)],
)
def test_threshold_flags_at_most_the_allowed_genuine_share(
    fpr: float, threshold: float, recall: float
) -> None:
    found = threshold_at_fpr(Y, P, fpr)
    assert found == threshold
    rates = flag_rates(Y, P, found)
    assert rates["fpr"] <= fpr
    assert rates["junk_recall"] == recall


@pytest.mark.parametrize("seed", range(5))
def test_junk_recall_matches_the_roc_curve(seed: int) -> None:
    """Junk recall at the threshold = the best ROC recall with FPR <= target (ties included)."""
    rng = np.random.default_rng(seed)
    y = (rng.random(500) < 0.7).astype(int)
    p = np.round(np.clip(rng.normal(0.35 + 0.3 * y, 0.2), 0, 1), 2)  # rounded: many ties
    for target in (0.0, 0.01, 0.05, 0.2):
        fpr, tpr, _ = roc_curve(1 - y, -p, drop_intermediate=False)  # junk positive
        best = tpr[fpr <= target + 1e-12].max()
        rates = flag_rates(y, p, threshold_at_fpr(y, p, target))
        assert rates["junk_recall"] == pytest.approx(best)
        assert rates["fpr"] <= target


def test_threshold_needs_genuine_rows_and_a_rate_below_one() -> None:
    with pytest.raises(ValueError, match="genuine"):
        threshold_at_fpr(np.zeros(3, dtype=int), np.ones(3), 0.01)
    with pytest.raises(ValueError, match="recall_at_fpr"):
        threshold_at_fpr(Y, P, 1.0)


def test_junk_filter_metrics_per_slice_group() -> None:
    groups = pd.DataFrame({"folder": ["a", "a", "hard", "hard", "spam", "spam"]})
    cfg = EvaluateParams(recall_at_fpr=(0.25,), min_slice_rows=2)
    out = junk_filter_metrics(Y, P, 0.6, groups, cfg)
    assert out["threshold_at_25pct_fpr"] == 0.7
    assert out["junk_recall_at_25pct_fpr"] == 1.0
    hard = out["by_folder"]["hard"]  # genuine rows p=0.3 and 0.7
    assert hard["fpr"] == 0.5  # at the model's threshold 0.6: 0.3 is flagged
    assert hard["fpr_at_25pct_fpr_threshold"] == 0.5  # at 0.7: 0.3 flagged, 0.7 not
    assert "junk_recall" not in hard
    spam = out["by_folder"]["spam"]  # junk rows p=0.2 and 0.5
    assert spam["junk_recall"] == 1.0 and "fpr" not in spam
    assert out["by_folder"]["a"]["fpr"] == 0.0


def test_small_slice_groups_get_counts_only() -> None:
    groups = pd.DataFrame({"folder": ["a"] * 5 + ["b"]})
    out = junk_filter_metrics(Y, P, 0.5, groups, EvaluateParams(min_slice_rows=2))
    assert out["by_folder"]["b"] == {"n": 1.0, "positives": 0.0}
    assert "fpr" in out["by_folder"]["a"]
