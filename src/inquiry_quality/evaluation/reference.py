"""The training reference: the profile of a model's training data, stored with its bundle.

Per structured feature a histogram on bin edges fixed at training (numbers) or the frequencies
of its frequent labels with an "other" bucket (categories), the share of blanks of every
feature and canonical input column, the distribution of each head's scores and how often each
reason is given; plus the training data's size, date range, labels and source files (by name).
A few kilobytes of JSON: counts only, no row, no text, no rare label.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import PurePath
from typing import Any, Final

import pandas as pd

from inquiry_quality.core import schema
from inquiry_quality.core.config import ReferenceParams
from inquiry_quality.core.times import iso_or_none
from inquiry_quality.evaluation.histograms import Bins
from inquiry_quality.evaluation.profile import Layout, Profile
from inquiry_quality.modeling.heads import P_ORDER

FORMAT: Final = 1
#: the canonical inputs whose blanks are counted (ids are never blank; text is in the features)
INPUTS: Final = tuple(
    c for c in schema.INQUIRY_COLUMNS if c not in (schema.INQUIRY_ID, schema.MESSAGE_ID)
)
#: the heads' outputs that are profiled: p_genuine, p_order, p_convert and the junk type
SCORES: Final = (schema.P_GENUINE, P_ORDER, schema.P_CONVERT, schema.JUNK_TYPE)


def training_layout(
    features: pd.DataFrame,
    scores: pd.DataFrame,
    lists: Mapping[str, Any],
    cfg: ReferenceParams,
) -> Layout:
    """The bins of the training data: ``features`` (the model's input table), the heads'
    ``scores`` on it and the bundle's feature ``lists`` (numeric, categorical)."""

    def bins(values: pd.Series, numeric: bool) -> Bins:
        if numeric:
            return Bins.numeric(values, cfg.bins)
        return Bins.categorical(values, cfg.max_categories, cfg.min_rows)

    feature_bins = {c: bins(features[c], True) for c in lists["numeric"]}
    feature_bins |= {c: bins(features[c], False) for c in lists["categorical"]}
    score_bins = {
        c: bins(scores[c], pd.api.types.is_float_dtype(scores[c]))
        for c in SCORES
        if c in scores and scores[c].notna().any()
    }
    return Layout(feature_bins, score_bins, INPUTS)


def about_training(inquiries: pd.DataFrame) -> dict[str, Any]:
    """Size, date range, labels and source file names of the training inquiries."""
    received = pd.to_datetime(inquiries[schema.RECEIVED_AT], utc=True)
    labels = {}
    for column in (schema.IS_GENUINE, schema.JUNK_TYPE, schema.CONVERTED):
        if column in inquiries:
            counts = inquiries[column].astype("string").fillna("unknown").value_counts()
            labels[column] = {str(k): int(v) for k, v in counts.sort_index().items()}
    sources = {}
    if schema.SOURCE in inquiries:
        names = inquiries[schema.SOURCE].dropna().map(lambda p: PurePath(str(p)).name)
        sources = {str(k): int(v) for k, v in names.value_counts().sort_index().items()}
    return {
        "rows": len(inquiries),
        "received_first": iso_or_none(received.min()),
        "received_last": iso_or_none(received.max()),
        "labels": labels,
        "sources": sources,
    }


def make_reference(
    layout: Layout, profile: Profile, about: Mapping[str, Any], meta: Mapping[str, Any]
) -> dict[str, Any]:
    """The JSON-ready reference of a bundle with ``meta`` (its metadata)."""
    return {
        "format": FORMAT,
        "model_version": meta.get("model_version"),
        "data_version": meta.get("data_version"),
        "training": dict(about),
        "layout": layout.to_dict(),
        "profile": profile.to_dict(),
    }
