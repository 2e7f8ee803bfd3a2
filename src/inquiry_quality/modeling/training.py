"""Fit the heads on the training part of the feature table and assemble the bundle."""

from __future__ import annotations

import hashlib
import json
import logging
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import TransformerMixin
from sklearn.pipeline import Pipeline
from threadpoolctl import threadpool_limits

from inquiry_quality import __version__
from inquiry_quality.core import schema
from inquiry_quality.core.config import TrainParams
from inquiry_quality.core.times import iso_or_none
from inquiry_quality.features.registry import KINDS, NUMERIC_KINDS
from inquiry_quality.modeling.bundle import ModelBundle
from inquiry_quality.modeling.heads import HEADS, JUNK_TYPE, head_target
from inquiry_quality.modeling.pipeline import (
    build_pipeline,
    split_columns,
    uses_subtypes,
)

logger = logging.getLogger(__name__)


def feature_lists(table: pd.DataFrame) -> dict[str, Any]:
    """The model's input columns of a feature table, by the feature registry's kinds.

    Registry features of kind flag/number are numeric, category categorical, text the n-gram
    text; ``detail`` features are for explanations only. Columns the registry does not know
    (extra structured columns mapped in at ingest) are numeric or categorical by dtype.
    """
    reserved = {schema.INQUIRY_ID, schema.RECEIVED_AT, *schema.LABEL_COLUMNS}
    known = [c for c in table.columns if c in KINDS]
    extra = [c for c in table.columns if c not in reserved and c not in KINDS]
    texts = [c for c in known if KINDS[c] == "text"]
    if len(texts) != 1:
        raise ValueError(f"feature table needs exactly one text feature, found {texts}")
    extra_numeric, extra_categorical = split_columns(table[extra], texts[0])
    if extra:
        logger.info(
            "extra input columns: numeric %s, categorical %s", extra_numeric, extra_categorical
        )
    return {
        "numeric": [c for c in known if KINDS[c] in NUMERIC_KINDS] + extra_numeric,
        "categorical": [c for c in known if KINDS[c] == "category"] + extra_categorical,
        "text": texts[0],
        "extra": extra_numeric + extra_categorical,
    }


def skip_reason(target: pd.Series, min_rows: int) -> str | None:
    """Why a head cannot be fitted on ``target`` (its labelled rows), or None."""
    if target.empty:
        return "no labelled rows (the label column is absent or empty)"
    if len(target) < min_rows:
        return f"{len(target)} labelled rows, fewer than train.min_rows={min_rows}"
    if target.nunique() < 2:
        return f"one class only ({target.iloc[0]}) among {len(target)} labelled rows"
    return None


def _drop_rare_classes(target: pd.Series, cv: int, notes: dict[str, Any]) -> pd.Series:
    counts = target.value_counts()
    rare = sorted(str(c) for c in counts[counts < cv].index)
    if rare:
        logger.warning("junk_type: classes %s have fewer than cv=%d rows; left out", rare, cv)
        notes["junk_type_rare_classes"] = rare
    return target[~target.isin(rare)]


def _subtypes(rows: pd.DataFrame, target: pd.Series) -> np.ndarray:
    """The genuine head's subtypes: each junk row's junk type (missing: one unknown type)."""
    if schema.JUNK_TYPE not in rows.columns:
        return np.full(len(rows), None, dtype=object)
    junk_type = rows[schema.JUNK_TYPE].astype(object)
    return junk_type.where(target.eq(0) & junk_type.notna(), None).to_numpy()


def fit_heads(
    train: pd.DataFrame,
    targets: dict[str, pd.Series],
    cfg: TrainParams,
    features: dict[str, Any],
) -> tuple[dict[str, Pipeline], dict[str, np.ndarray]]:
    """Fitted pipelines and contribution references of the heads in ``targets``.

    The input transformer (imputation, scaling, one-hot, n-gram vocabularies and idf, SVD)
    learns no labels, so it is fitted once on every training row and shared by the heads; each
    head then fits only its calibrated classifier on its own rows. The reference of a head is
    the mean of its transformed training rows.
    """
    columns = (features["numeric"], features["categorical"], features["text"])
    transformer = build_pipeline(cfg, *columns).named_steps["features"]
    transformed = transformer.fit_transform(train)
    position = pd.Series(np.arange(len(train)), index=train.index)
    heads, references = {}, {}
    # On 2 busy cores threads only spin: L-BFGS calls BLAS on single vectors (~8x slower
    # threaded) and HistGradientBoosting's OpenMP histograms are ~4x slower with 2 threads.
    with threadpool_limits(limits=1):
        for head, target in targets.items():
            logger.info("fitting head %s on %d rows (%s)", head, len(target), cfg.model)
            classifier = build_pipeline(cfg, *columns, head=head).named_steps["classifier"]
            rows = transformed[position.loc[target.index].to_numpy()]
            fit_params = {}
            if uses_subtypes(cfg, head):
                fit_params["subtype"] = _subtypes(train.loc[target.index], target)
            classifier.fit(rows, target.to_numpy(), **fit_params)
            heads[head] = Pipeline([("features", transformer), ("classifier", classifier)])
            references[head] = np.asarray(rows.mean(axis=0), dtype=np.float64).ravel()
    return heads, references


def model_version(cfg: TrainParams, data_version: str) -> str:
    """Deterministic id of a model: package version, training params and data version."""
    payload = json.dumps(
        [__version__, cfg.model_dump(mode="json"), data_version], sort_keys=True, default=str
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:12]


def train_bundle(
    train: pd.DataFrame,
    featurizer: TransformerMixin,
    cfg: TrainParams,
    *,
    data_version: str,
    split: dict[str, Any],
) -> ModelBundle:
    """Fit every head that has labels in ``train`` (the training part of the feature table).

    A head without enough labels is skipped with a warning and recorded in the metadata.
    """
    features = feature_lists(train)
    targets: dict[str, pd.Series] = {}
    skipped: dict[str, str] = {}
    notes: dict[str, Any] = {}
    for head in HEADS:
        target = head_target(train, head)
        if head == JUNK_TYPE:
            target = _drop_rare_classes(target, cfg.cv, notes)
        reason = skip_reason(target, cfg.min_rows)
        if reason:
            logger.warning("head %s skipped: %s", head, reason)
            skipped[head] = reason
        else:
            targets[head] = target
    heads, references = fit_heads(train, targets, cfg, features)
    trained = {
        head: {
            "n_rows": len(target),
            "classes": {str(k): int(v) for k, v in target.value_counts().sort_index().items()},
        }
        for head, target in targets.items()
    }
    metadata = {
        "model_version": model_version(cfg, data_version),
        "data_version": data_version,
        "package_version": __version__,
        "trained_at": iso_or_none(pd.to_datetime(train[schema.RECEIVED_AT]).max()),
        "model": cfg.model,
        "features": features,
        "thresholds": cfg.thresholds.model_dump(),
        "split": split,
        "heads": trained,
        "skipped_heads": skipped,
        **notes,
    }
    return ModelBundle(featurizer=featurizer, heads=heads, metadata=metadata, references=references)
