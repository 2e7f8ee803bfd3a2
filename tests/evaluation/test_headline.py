"""The headline metrics: a few numbers per head, the gate's metric always among them."""

from __future__ import annotations

from inquiry_quality.evaluation.headline import headline


def test_the_headline_keeps_a_few_numbers_per_head() -> None:
    metrics = {
        "genuine": {"roc_auc": 0.91, "log_loss": 0.37, "by_region": {"Europe": {"roc_auc": 0.9}}},
        "order": {"skipped": "no labelled rows"},
        "convert": {"roc_auc": 0.89, "oracle_gap": 0.02, "n": 1252.0},
        "rows_in": 100,
    }
    assert headline(metrics) == {
        "genuine": {"roc_auc": 0.91, "log_loss": 0.37},
        "convert": {"roc_auc": 0.89},
    }
