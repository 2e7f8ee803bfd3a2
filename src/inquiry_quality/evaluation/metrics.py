"""Honest metrics of a bundle on the held-out test part, per head, region and channel.

Everything here is computed on the test part only; the model never saw it. On generated data
the ground truth's probabilities give the oracle's AUC (the best any model can reach on these
labels) and the gap to it.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from sklearn.calibration import calibration_curve
from sklearn.metrics import (
    average_precision_score,
    brier_score_loss,
    log_loss,
    precision_recall_curve,
    precision_recall_fscore_support,
    precision_score,
    recall_score,
    roc_auc_score,
    roc_curve,
)

from inquiry_quality.core import schema
from inquiry_quality.core.config import EvaluateParams
from inquiry_quality.modeling.bundle import ModelBundle
from inquiry_quality.modeling.heads import (
    BINARY_HEADS,
    EXISTING,
    GENUINE,
    JUNK_TYPE,
    ORDER,
    P_EXISTING,
    P_ORDER,
    head_target,
)

logger = logging.getLogger(__name__)

CONVERT = "convert"
INBOX = "inbox"  # what a rep sees per message: new buyer, existing customer or a junk type
NEW_BUYER = "new_buyer"
TRUTH_COLUMNS = ("ref", schema.REGION, schema.P_GENUINE, P_ORDER, schema.P_CONVERT)
_CURVE_POINTS = 200


@dataclass
class Evaluation:
    """Nested metrics (for reports/metrics.json) and curve tables (for plots and figures)."""

    metrics: dict[str, Any] = field(default_factory=dict)
    curves: dict[str, pd.DataFrame] = field(default_factory=dict)


def reliability(y: np.ndarray, p: np.ndarray, bins: int = 10) -> pd.DataFrame:
    """Per non-empty equal-width bin of ``p``: its index, the mean prediction, the observed rate
    (``sklearn.calibration.calibration_curve``) and the number of rows."""
    y, p = np.asarray(y, dtype=float), np.asarray(p, dtype=float)
    observed, predicted = calibration_curve(y, p, n_bins=bins, strategy="uniform")
    index = np.searchsorted(np.linspace(0.0, 1.0, bins + 1)[1:-1], p)  # its binning
    counts = np.bincount(index, minlength=bins)
    used = np.flatnonzero(counts)
    return pd.DataFrame(
        {"bin": used, "predicted": predicted, "observed": observed, "n": counts[used]}
    )


def expected_calibration_error(y: np.ndarray, p: np.ndarray, bins: int = 10) -> float:
    """Weighted mean |observed rate - mean predicted| over equal-width probability bins."""
    table = reliability(y, p, bins)
    gaps = (table["observed"] - table["predicted"]).abs()
    return float((table["n"] * gaps).sum() / table["n"].sum())


def capture_share(y: np.ndarray, score: np.ndarray, fraction: float) -> float:
    """Share of all positives found among the top ``fraction`` of rows by ``score``."""
    y = np.asarray(y)
    top = math.ceil(len(y) * fraction)
    order = np.argsort(-np.asarray(score), kind="stable")[:top]
    return float(y[order].sum() / y.sum()) if y.sum() else float("nan")


def binary_metrics(
    y: np.ndarray, p: np.ndarray, threshold: float, cfg: EvaluateParams
) -> dict[str, float]:
    """ROC/PR AUC, log loss, Brier, ECE, precision/recall at ``threshold``, top-k capture."""
    y, p = np.asarray(y, dtype=int), np.asarray(p, dtype=float)
    out: dict[str, float] = {"n": len(y), "positives": int(y.sum()), "prevalence": y.mean()}
    if len(np.unique(y)) == 2:
        out["roc_auc"] = roc_auc_score(y, p)
        out["pr_auc"] = average_precision_score(y, p)
    out["log_loss"] = log_loss(y, p, labels=[0, 1])
    out["brier"] = brier_score_loss(y, p, labels=[0, 1])
    out["ece"] = expected_calibration_error(y, p, cfg.ece_bins)
    flagged = (p >= threshold).astype(int)
    out["threshold"] = threshold
    out["precision"] = precision_score(y, flagged, zero_division=0)
    out["recall"] = recall_score(y, flagged, zero_division=0)
    for fraction in cfg.capture_fractions:
        out[f"capture_top_{round(fraction * 100)}pct"] = capture_share(y, p, fraction)
    return {k: float(v) for k, v in out.items()}


def slice_metrics(
    y: np.ndarray, p: np.ndarray, groups: pd.Series, threshold: float, cfg: EvaluateParams
) -> dict[str, dict[str, float]]:
    """``binary_metrics`` per group; groups under ``min_slice_rows`` get counts only."""
    out = {}
    groups = groups.astype("string").fillna("unknown").to_numpy()
    for name in sorted(set(groups)):
        rows = groups == name
        if rows.sum() >= cfg.min_slice_rows:
            out[str(name)] = binary_metrics(y[rows], p[rows], threshold, cfg)
        else:
            out[str(name)] = {"n": float(rows.sum()), "positives": float(y[rows].sum())}
    return out


def flatten(values: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested metrics as one level with dotted keys (``genuine.by_region.Europe.roc_auc``)."""
    out: dict[str, Any] = {}
    for key, value in values.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            out.update(flatten(value, f"{name}."))
        else:
            out[name] = value
    return out


def load_truth(path: str | Path) -> pd.DataFrame:
    """The generator's ``ground_truth.csv``, indexed by inquiry id (the ref without ``<>``)."""
    truth = pd.read_csv(path, dtype={"ref": str})
    missing = [c for c in TRUTH_COLUMNS if c not in truth.columns]
    if missing:
        raise ValueError(f"{path}: missing columns {missing}")
    truth.index = truth["ref"].str.strip().str.strip("<>").str.strip()
    truth.index.name = schema.INQUIRY_ID
    return truth


def _curves(prefix: str, y: np.ndarray, p: np.ndarray, bins: int) -> dict[str, pd.DataFrame]:
    fpr, tpr, _ = roc_curve(y, p)
    precision, recall, _ = precision_recall_curve(y, p)
    order = np.argsort(-p, kind="stable")
    found = np.concatenate([[0.0], np.cumsum(y[order]) / max(y.sum(), 1)])
    scored = np.arange(len(found)) / len(y)
    return {
        f"roc_{prefix}": _thin(pd.DataFrame({"fpr": fpr, "tpr": tpr})),
        f"pr_{prefix}": _thin(pd.DataFrame({"recall": recall, "precision": precision})),
        f"reliability_{prefix}": reliability(y, p, bins),
        f"gain_{prefix}": _thin(pd.DataFrame({"scored_share": scored, "found_share": found})),
    }


def _thin(frame: pd.DataFrame) -> pd.DataFrame:
    """At most ``_CURVE_POINTS`` evenly spaced rows, keeping the first and the last."""
    if len(frame) <= _CURVE_POINTS:
        return frame.reset_index(drop=True)
    keep = np.unique(np.linspace(0, len(frame) - 1, _CURVE_POINTS).round().astype(int))
    return frame.iloc[keep].reset_index(drop=True)


def _confusion(actual: pd.Series, predicted: pd.Series) -> pd.DataFrame:
    return pd.DataFrame({"actual": actual.to_numpy(), "predicted": predicted.to_numpy()})


def _threshold_confusion(
    y: pd.Series, scores: pd.Series, threshold: float, labels: dict[int, str]
) -> pd.DataFrame:
    """Actual vs predicted label of a binary head at its operating threshold."""
    flagged = (scores.loc[y.index] >= threshold).astype(int)
    return _confusion(y.map(labels), flagged.map(labels))


def _with_oracle(metrics: dict, y: np.ndarray, oracle: pd.Series | None, suffix: str = "") -> None:
    if oracle is None or oracle.isna().any() or f"roc_auc{suffix}" not in metrics:
        return
    metrics[f"oracle_roc_auc{suffix}"] = float(roc_auc_score(y, oracle.to_numpy()))
    metrics[f"oracle_gap{suffix}"] = (
        metrics[f"oracle_roc_auc{suffix}"] - metrics[f"roc_auc{suffix}"]
    )


def _slices(table: pd.DataFrame, truth: pd.DataFrame | None) -> dict[str, pd.Series]:
    out = {"by_channel": table[schema.CHANNEL]}
    if schema.REGION in table.columns:
        out["by_region"] = table[schema.REGION]
    elif truth is not None:
        out["by_region"] = (
            truth[schema.REGION].reindex(table[schema.INQUIRY_ID]).set_axis(table.index)
        )
    return out


def _binary_head(
    name: str,
    y: pd.Series,
    p: pd.Series,
    table: pd.DataFrame,
    threshold: float,
    cfg: EvaluateParams,
    truth: pd.DataFrame | None,
    oracle_column: str,
) -> tuple[dict[str, Any], dict[str, pd.DataFrame]]:
    yv, pv = y.to_numpy(dtype=int), p.loc[y.index].to_numpy(dtype=float)
    metrics: dict[str, Any] = binary_metrics(yv, pv, threshold, cfg)
    oracle = _oracle(truth, table.loc[y.index], oracle_column)
    _with_oracle(metrics, yv, oracle)
    rows = table.loc[y.index]
    for key, groups in _slices(rows, truth).items():
        metrics[key] = slice_metrics(yv, pv, groups, threshold, cfg)
    curves = _curves(name, yv, pv, cfg.ece_bins) if len(np.unique(yv)) == 2 else {}
    return metrics, curves


def _oracle(truth: pd.DataFrame | None, rows: pd.DataFrame, column: str) -> pd.Series | None:
    if truth is None:
        return None
    values = truth[column].reindex(rows[schema.INQUIRY_ID])
    if values.isna().any():
        logger.warning("ground truth lacks %d of %d test inquiries", values.isna().sum(), len(rows))
    return values.set_axis(rows.index)


def evaluate_bundle(
    bundle: ModelBundle,
    test: pd.DataFrame,
    cfg: EvaluateParams,
    truth: pd.DataFrame | None = None,
) -> Evaluation:
    """Metrics and curves of ``bundle`` on ``test`` (the test part of the feature table)."""
    predictions = bundle.predict_features(test)
    thresholds = bundle.metadata["thresholds"]
    result = Evaluation()
    skipped = bundle.metadata.get("skipped_heads", {})
    for head, reason in skipped.items():
        result.metrics[head] = {"skipped": reason}

    if GENUINE in bundle.heads:
        y = head_target(test, GENUINE)
        metrics, curves = _binary_head(
            GENUINE,
            y,
            predictions[schema.P_GENUINE],
            test,
            thresholds["genuine"],
            cfg,
            truth,
            schema.P_GENUINE,
        )
        curves["confusion_genuine"] = _threshold_confusion(
            y, predictions[schema.P_GENUINE], thresholds["genuine"], {1: "genuine", 0: "junk"}
        )
        result.metrics[GENUINE] = metrics
        result.curves.update(curves)

    if ORDER in bundle.heads:
        y = head_target(test, ORDER)
        metrics, _ = _binary_head(
            ORDER, y, predictions[P_ORDER], test, thresholds["convert"], cfg, truth, P_ORDER
        )
        result.metrics[ORDER] = metrics
        result.metrics[CONVERT] = _convert_metrics(
            test, predictions, thresholds, cfg, truth, result
        )

    if JUNK_TYPE in bundle.heads:
        y = head_target(test, JUNK_TYPE)
        y = y[y.isin(bundle.junk_types)]
        predicted = predictions.loc[y.index, schema.JUNK_TYPE].astype(str)
        result.metrics[JUNK_TYPE] = multiclass_metrics(y, predicted, bundle.junk_types)
        result.curves["confusion_junk_type"] = _confusion(y, predicted)

    if EXISTING in bundle.heads:
        y = test[schema.EXISTING_CUSTOMER].dropna().astype("int64")
        metrics, _ = _binary_head(
            EXISTING, y, predictions[P_EXISTING], test, thresholds.get("existing", 0.5), cfg,
            None, P_EXISTING,
        )  # fmt: skip
        result.metrics[EXISTING] = metrics

    if GENUINE in bundle.heads:
        result.metrics[INBOX] = inbox_metrics(test, predictions, thresholds, bundle.junk_types)

    for head in BINARY_HEADS:
        if head in bundle.heads:
            result.curves[f"weights_{head}"] = top_weights(bundle, test, head)
    return result


def inbox_kinds(genuine: pd.Series, existing: pd.Series, junk_type: pd.Series) -> pd.Series:
    """new_buyer, existing_customer or the junk type per row (<NA> where unknown)."""
    customer = existing.eq(1).fillna(False).astype(bool)
    kinds = pd.Series(pd.NA, index=genuine.index, dtype=object)
    kinds[genuine.eq(1).fillna(False).astype(bool)] = NEW_BUYER
    kinds[genuine.eq(1).fillna(False).astype(bool) & customer] = EXISTING
    is_junk = genuine.eq(0).fillna(False).astype(bool)
    kinds[is_junk] = junk_type[is_junk].astype(object)
    return kinds


def inbox_metrics(
    test: pd.DataFrame,
    predictions: pd.DataFrame,
    thresholds: Mapping[str, float],
    junk_types: list[str],
) -> dict[str, Any]:
    """Per kind of message, over every labelled test row: precision and recall of what the
    model calls it at its thresholds (junk below the genuine threshold, named by the junk-type
    head; an existing customer from ``p_existing_customer``), so a junk type's recall also
    counts the junk it let through as genuine."""
    missing = pd.Series(pd.NA, index=test.index)
    actual = inbox_kinds(
        test[schema.IS_GENUINE],
        test.get(schema.EXISTING_CUSTOMER, missing),
        test.get(schema.JUNK_TYPE, missing),
    ).dropna()
    rows = predictions.loc[actual.index]
    said_genuine = (rows[schema.P_GENUINE] >= thresholds["genuine"]).astype(int)
    said_existing = (rows[P_EXISTING].fillna(0) >= thresholds.get("existing", 0.5)).astype(int)
    predicted = inbox_kinds(said_genuine, said_existing, rows[schema.JUNK_TYPE]).fillna("junk")
    classes = [NEW_BUYER, EXISTING, *junk_types]
    return multiclass_metrics(actual.astype(str), predicted.astype(str), classes)


def _convert_metrics(
    test: pd.DataFrame,
    predictions: pd.DataFrame,
    thresholds: dict[str, float],
    cfg: EvaluateParams,
    truth: pd.DataFrame | None,
    result: Evaluation,
) -> dict[str, Any]:
    """p_convert over all inquiries with a known outcome, and among genuine ones only."""
    known = test[schema.CONVERTED].notna()
    y = test.loc[known, schema.CONVERTED].astype("int64")
    metrics, curves = _binary_head(
        CONVERT,
        y,
        predictions[schema.P_CONVERT],
        test,
        thresholds["convert"],
        cfg,
        truth,
        schema.P_CONVERT,
    )
    curves["confusion_convert"] = _threshold_confusion(
        y, predictions[schema.P_CONVERT], thresholds["convert"], {1: "order", 0: "no order"}
    )
    result.curves.update(curves)
    genuine = head_target(test, ORDER)
    yg = genuine.to_numpy(dtype=int)
    if len(np.unique(yg)) == 2:
        metrics["roc_auc_genuine"] = float(
            roc_auc_score(yg, predictions.loc[genuine.index, schema.P_CONVERT])
        )
        _with_oracle(
            metrics, yg, _oracle(truth, test.loc[genuine.index], schema.P_CONVERT), "_genuine"
        )
    return metrics


def multiclass_metrics(y: pd.Series, predicted: pd.Series, classes: list[str]) -> dict[str, Any]:
    """Accuracy, macro F1 and per-class precision, recall and support."""
    precision, recall, f1, support = precision_recall_fscore_support(
        y, predicted, labels=classes, zero_division=0
    )
    per_class = {
        c: {"precision": float(p), "recall": float(r), "f1": float(f), "support": float(s)}
        for c, p, r, f, s in zip(classes, precision, recall, f1, support, strict=True)
    }
    return {
        "n": float(len(y)),
        "accuracy": float((y.to_numpy() == predicted.to_numpy()).mean()) if len(y) else math.nan,
        "macro_f1": float(np.mean(f1)),
        "per_class": per_class,
    }


def top_weights(bundle: ModelBundle, test: pd.DataFrame, head: str, top: int = 20) -> pd.DataFrame:
    """Mean |log-odds contribution| of a binary head per input column on (up to 1000) test rows.

    The rows are evenly spaced through the test part: no random draw, the same rows each run.
    """
    sample = test.iloc[:: max(1, -(-len(test) // 1000))]
    contributions = bundle.contributions(sample, head)
    weights = contributions.abs().mean().sort_values(ascending=False).head(top)
    return pd.DataFrame({"feature": weights.index, "weight": weights.to_numpy()})


def metric_on_inquiries(
    bundle: ModelBundle,
    inquiries: pd.DataFrame,
    cfg: EvaluateParams,
    truth: pd.DataFrame | None,
    metric: str,
) -> float:
    """``metric`` of ``bundle`` on labelled canonical ``inquiries``, featurized by the bundle.

    Re-scores a model whose features may differ from the current feature table's (an older
    champion) on the current test set.
    """
    rows = inquiries.reset_index(drop=True)
    keep = [c for c in (*schema.ID_COLUMNS, *schema.LABEL_COLUMNS) if c in rows]
    table = pd.concat([rows[keep], bundle.features(rows)], axis=1)
    return metric_value(evaluate_bundle(bundle, table, cfg, truth).metrics, metric)


def metric_value(metrics: Mapping[str, Any], metric: str) -> float:
    """The number at dotted path ``metric`` (``convert.roc_auc_genuine``) of nested metrics."""
    value = flatten(metrics).get(metric)
    if not isinstance(value, float) or math.isnan(value):
        raise KeyError(
            f"register.primary_metric: {metric!r} is not a measured metric "
            "(a typo, or its head was skipped); see reports/metrics.json"
        )
    return value
