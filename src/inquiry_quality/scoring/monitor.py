"""Drift monitoring around the scorer: the training reference and each batch's profile.

``build_reference`` profiles a model's training rows (at training, stored with the bundle);
``score_and_profile`` scores a chunk's rows and, when asked, profiles them in the same pass (the
features, scores and reasons are computed once); ``drift_report`` compares a batch's summed
profiles with the bundle's reference (``evaluation.drift``).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from inquiry_quality.core import schema
from inquiry_quality.core.config import ReferenceParams, ScoreParams
from inquiry_quality.evaluation.profile import Layout, Profile, profile_chunk
from inquiry_quality.evaluation.reference import about_training, make_reference, training_layout
from inquiry_quality.modeling.bundle import ModelBundle
from inquiry_quality.modeling.heads import GENUINE
from inquiry_quality.scoring.reasons import AGAINST, FOR, sayable, top_factors
from inquiry_quality.scoring.scorer import Scored, Scorer


def reason_keys(
    contributions: pd.DataFrame | None, features: pd.DataFrame, params: ScoreParams
) -> list[list[str]]:
    """Per row, the reasons the scorer gives it as ``+ feature`` / ``- feature`` (the factor,
    not the sentence: a sentence quotes the inquiry's own values)."""
    if contributions is None:
        return [[] for _ in range(len(features))]
    names = list(contributions.columns)
    up, _, down, _ = top_factors(
        sayable(contributions, features, params.min_contribution),
        params.top_reasons,
        params.min_contribution,
    )
    return [
        [FOR + names[j] for j in ups if j >= 0] + [AGAINST + names[j] for j in downs if j >= 0]
        for ups, downs in zip(up, down, strict=True)
    ]


def layout_of(bundle: ModelBundle) -> Layout | None:
    """The bins of the bundle's training reference; None for a bundle saved without one."""
    return None if bundle.reference is None else Layout.from_dict(bundle.reference["layout"])


def profile_scored(
    layout: Layout, raw: pd.DataFrame, scored: Scored, params: ScoreParams
) -> Profile:
    """The profile of one scored chunk (``Scorer.score_details`` of ``raw``)."""
    keys = reason_keys(scored.contributions, scored.features, params)
    return profile_chunk(layout, raw, scored.features, scored.predictions, keys)


def score_and_profile(
    scorer: Scorer, raw: pd.DataFrame, layout: Layout | None
) -> tuple[pd.DataFrame, Profile | None]:
    """``scorer.score(raw)``, and its profile in ``layout`` (none without a layout)."""
    if layout is None:
        return scorer.score(raw), None
    scored = scorer.score_details(raw)
    return scored.output, profile_scored(layout, raw, scored, scorer.params)


def build_reference(
    bundle: ModelBundle,
    table: pd.DataFrame,
    inquiries: pd.DataFrame,
    cfg: ReferenceParams,
    params: ScoreParams,
) -> dict[str, Any]:
    """The reference of ``bundle``'s training rows: ``table`` (their feature table, as the
    heads were fitted on it) and ``inquiries`` (the same rows as ingested)."""
    raw = inquiries.set_index(schema.INQUIRY_ID).loc[table[schema.INQUIRY_ID]]
    raw.index = table.index
    predictions, keys = [], []
    for start in range(0, len(table), params.chunk_rows):
        feats = table.iloc[start : start + params.chunk_rows]
        explained = bundle.predict_and_explain(feats, GENUINE)
        predictions.append(explained.predictions)
        keys += reason_keys(explained.contributions, feats, params)
    scores = pd.concat(predictions)
    layout = training_layout(table, scores, bundle.metadata["features"], cfg)
    profile = profile_chunk(layout, raw, table, scores, keys)
    return make_reference(layout, profile, about_training(raw), bundle.metadata)
