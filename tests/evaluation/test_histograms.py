"""Fixed bins: quantile edges, frequent labels with "other", blanks counted apart."""

from __future__ import annotations

import numpy as np
import pandas as pd

from inquiry_quality.evaluation.histograms import BLANK, OTHER, Bins


def test_numeric_bins_count_every_value_once_and_blanks_apart() -> None:
    rng = np.random.default_rng(7)
    values = pd.Series(rng.normal(size=1000))
    values[:50] = np.nan
    bins = Bins.numeric(values, 10)
    counts = bins.count(values)
    assert len(bins.edges) == 9 and len(counts) == len(bins.labels) == 11
    assert counts[-1] == 50 and counts.sum() == 1000
    assert counts[:-1].min() >= 90  # deciles: about 95 known values a bin


def test_a_flag_gets_two_bins_and_values_beyond_training_still_count() -> None:
    bins = Bins.numeric(pd.Series([0, 0, 0, 1, 1]), 10)
    assert bins.edges == (0.0, 1.0)
    assert bins.count(pd.Series([0, 1, 1, 7, None])).tolist() == [1, 2, 1, 1]


def test_categories_keep_frequent_labels_only_and_unknown_labels_are_blank() -> None:
    training = pd.Series(["de"] * 30 + ["fr"] * 12 + ["jo.smith"] * 2 + [""] * 5 + [None] * 5)
    bins = Bins.categorical(training, max_categories=5, min_rows=10)
    assert bins.categories == ("de", "fr")  # a value two rows share is never stored
    assert bins.labels == ["de", "fr", OTHER, BLANK]
    batch = pd.Series(["fr", "it", "unknown", None, "de"])
    assert bins.count(batch).tolist() == [1, 1, 1, 2]


def test_bins_round_trip_through_json_dicts() -> None:
    for bins in (Bins.numeric(pd.Series([1.5, 2.5, 9.0]), 4), Bins("categorical", (), ("a",))):
        assert Bins.from_dict(bins.to_dict()) == bins
