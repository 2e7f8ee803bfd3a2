"""Diagnostics: metric slices, threshold vs capacity, worst errors, follow-up counts."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from inquiry_quality.analysis import (
    capacity_curve,
    follow_up_counts,
    metric_slices,
    threshold_for_capacity,
    worst_errors,
)
from inquiry_quality.core import schema
from inquiry_quality.scoring import flatten_lists


def test_metric_slices_keep_count_only_slices_as_gaps() -> None:
    metrics = {
        "genuine": {
            "roc_auc": 0.9,
            "by_region": {
                "Europe": {"n": 80.0, "positives": 30.0, "roc_auc": 0.91, "recall": 0.7},
                "Oceania": {"n": 4.0, "positives": 1.0},
            },
        }
    }
    table = metric_slices(metrics, "genuine", "by_region")
    assert table.index.name == "region"
    assert table.loc["Europe", "roc_auc"] == 0.91
    assert table.loc["Oceania", "n"] == 4.0 and np.isnan(table.loc["Oceania", "roc_auc"])
    with pytest.raises(KeyError, match="convert"):
        metric_slices(metrics, "convert", "by_region")


@pytest.fixture
def ten_days() -> pd.DataFrame:
    """30 inquiries over 10 days; the higher p, the likelier an order; 5 outcomes unknown."""
    rng = np.random.default_rng(7)
    p = rng.random(30)
    y = pd.array((rng.random(30) < p).astype(int), dtype="Int64")
    y[:5] = pd.NA
    start = pd.Timestamp("2025-03-01", tz="UTC")
    received = [start + pd.Timedelta(hours=int(h)) for h in rng.integers(0, 240, 30)]
    received[0], received[1] = start, start + pd.Timedelta(days=9, hours=23)
    return pd.DataFrame({"received_at": received, "p": p, "y": y})


def test_capacity_curve_counts_the_workload_per_calendar_day(ten_days: pd.DataFrame) -> None:
    curve = capacity_curve(ten_days["received_at"], ten_days["p"], ten_days["y"], [0.0, 0.5, 2.0])
    everything, half, nothing = curve.to_dict("records")
    assert everything["per_day_mean"] == pytest.approx(30 / 10)  # unknown outcomes count too
    assert everything["recall"] == 1.0
    known = ten_days["y"].notna()
    assert everything["precision"] == pytest.approx(ten_days.loc[known, "y"].mean())
    flagged = known & (ten_days["p"] >= 0.5)
    assert half["per_day_mean"] == pytest.approx((ten_days["p"] >= 0.5).sum() / 10)
    assert half["precision"] == pytest.approx(ten_days.loc[flagged, "y"].mean())
    assert half["recall"] == pytest.approx(
        ten_days.loc[flagged, "y"].sum() / ten_days.loc[known, "y"].sum()
    )
    assert nothing["per_day_mean"] == 0.0 and np.isnan(nothing["precision"])


def test_default_thresholds_give_a_monotone_curve(ten_days: pd.DataFrame) -> None:
    curve = capacity_curve(ten_days["received_at"], ten_days["p"], ten_days["y"])
    assert curve["threshold"].is_monotonic_increasing
    assert curve["per_day_mean"].is_monotonic_decreasing
    assert curve["recall"].is_monotonic_decreasing
    assert (curve["per_day_p90"] >= curve["per_day_mean"] - 1e-9).all()


def test_threshold_for_capacity_is_the_lowest_that_fits() -> None:
    curve = pd.DataFrame({"threshold": [0.1, 0.2, 0.3], "per_day_mean": [9.0, 5.0, 2.0]})
    assert threshold_for_capacity(curve, 5) == 0.2
    assert threshold_for_capacity(curve, 100) == 0.1
    assert threshold_for_capacity(curve, 1) is None


def test_worst_errors_rank_by_distance_from_the_label() -> None:
    labelled = pd.DataFrame(
        {
            schema.INQUIRY_ID: ["a", "b", "c", "d"],
            schema.CHANNEL: ["email", "platform", "email", "web_form"],
            schema.SUBJECT: ["RFQ", "Price list", "Order", "Hello"],
            schema.IS_GENUINE: pd.array([1, 0, 1, pd.NA], dtype="Int8"),
            schema.JUNK_TYPE: pd.array([pd.NA, "spam", pd.NA, pd.NA], dtype="string"),
        }
    )
    scored = pd.DataFrame(
        {
            schema.INQUIRY_ID: ["a", "b", "c", "d"],
            schema.P_GENUINE: [0.9, 0.8, 0.3, 0.0],
            schema.TIER: ["quote now", "quote now", "verify identity", "discard"],
            schema.REGION: ["Europe", "Africa", "Unknown", "Unknown"],
            schema.REASONS: [["for: a"], ["for: company", "against: free mail"], [], []],
        }
    )
    worst = worst_errors(scored, labelled, n=2)
    assert worst[schema.INQUIRY_ID].tolist() == ["b", "c"]  # d has no label
    assert worst["truth"].tolist() == ["junk: spam", "genuine"]
    assert worst.loc[0, "error"] == pytest.approx(0.8)
    assert worst.loc[0, schema.REASONS] == "for: company | against: free mail"
    assert worst_errors(flatten_lists(scored), labelled, n=2).equals(worst)


def test_follow_up_counts_read_lists_and_flattened_text_alike() -> None:
    scored = pd.DataFrame(
        {schema.FOLLOW_UP_QUESTIONS: [["Which quantity?", "Which port?"], ["Which port?"], []]}
    )
    counts = follow_up_counts(scored)
    assert counts.to_dict() == {"Which port?": 2, "Which quantity?": 1}
    assert follow_up_counts(flatten_lists(scored)).to_dict() == counts.to_dict()
