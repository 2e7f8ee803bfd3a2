"""The genuine head judged as a junk filter: junk recall at a fixed false-positive rate.

A filter that hides junk is judged by how much junk it catches while flagging at most a small
share of the genuine inquiries (a spam filter's "recall at 1% FPR"). Here an inquiry is
flagged as junk when ``p_genuine`` is below a threshold; a false positive is a genuine
inquiry flagged. For each rate in ``evaluate.recall_at_fpr`` the threshold is the highest one
that flags at most that share of the genuine test inquiries. Per slice (``evaluate.slices``)
the same rates are reported at the model's own threshold and at those thresholds, e.g. how
many of the salesy-but-genuine newsletters of a folder are flagged.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd

from inquiry_quality.core import schema
from inquiry_quality.core.config import EvaluateParams
from inquiry_quality.evaluation.metrics import slice_metrics
from inquiry_quality.evaluation.slices import slice_groups
from inquiry_quality.modeling.bundle import ModelBundle
from inquiry_quality.modeling.heads import GENUINE, head_target


def fpr_name(fpr: float) -> str:
    """Key fragment of a false-positive rate: 0.01 -> ``1pct_fpr``, 0.001 -> ``0_1pct_fpr``."""
    return f"{fpr * 100:g}".replace(".", "_") + "pct_fpr"


def threshold_at_fpr(y: np.ndarray, p: np.ndarray, fpr: float) -> float:
    """The highest threshold on ``p`` (flag below it) that flags at most ``fpr`` of ``y == 1``.

    Flagging ``p < t`` with ``t`` the k-th lowest genuine score flags at most k genuine rows
    (fewer on ties); k = floor(fpr x genuine rows).
    """
    if not 0.0 <= fpr < 1.0:
        raise ValueError(f"evaluate.recall_at_fpr: {fpr} is not in [0, 1)")
    genuine = np.sort(np.asarray(p, dtype=float)[np.asarray(y) == 1])
    if genuine.size == 0:
        raise ValueError("a false-positive rate needs genuine (label 1) rows")
    allowed = math.floor(fpr * genuine.size + 1e-9)
    return float(genuine[allowed])


def flag_rates(y: np.ndarray, p: np.ndarray, threshold: float, suffix: str = "") -> dict:
    """``fpr`` (genuine flagged) and ``junk_recall`` (junk flagged) when ``p < threshold``."""
    y, flagged = np.asarray(y), np.asarray(p, dtype=float) < threshold
    out = {}
    if (y == 1).any():
        out[f"fpr{suffix}"] = float(flagged[y == 1].mean())
    if (y == 0).any():
        out[f"junk_recall{suffix}"] = float(flagged[y == 0].mean())
    return out


def junk_filter_metrics(
    y: np.ndarray,
    p: np.ndarray,
    threshold: float,
    groups: pd.DataFrame,
    cfg: EvaluateParams,
) -> dict[str, Any]:
    """Junk recall at each ``cfg.recall_at_fpr`` and, per slice group, the flag rates at
    ``threshold`` (the model's) and at each of those operating points."""
    y, p = np.asarray(y, dtype=int), np.asarray(p, dtype=float)
    points = {fpr_name(f): threshold_at_fpr(y, p, f) for f in cfg.recall_at_fpr}
    out: dict[str, Any] = {}
    for name, point in points.items():
        out[f"threshold_at_{name}"] = point
        out[f"junk_recall_at_{name}"] = flag_rates(y, p, point).get("junk_recall", math.nan)
    for column in groups.columns:
        values = groups[column].astype("string").fillna("unknown")
        by_group = slice_metrics(y, p, values, threshold, cfg)
        for group, group_metrics in by_group.items():
            rows = (values == group).to_numpy()
            if rows.sum() < cfg.min_slice_rows:
                continue
            group_metrics.update(flag_rates(y[rows], p[rows], threshold))
            for name, point in points.items():
                group_metrics.update(flag_rates(y[rows], p[rows], point, f"_at_{name}_threshold"))
        out[f"by_{column}"] = by_group
    return out


def add_junk_filter_metrics(
    metrics: dict[str, Any],
    bundle: ModelBundle,
    test: pd.DataFrame,
    inquiries: pd.DataFrame,
    cfg: EvaluateParams,
) -> None:
    """Extend ``metrics[GENUINE]`` (from ``evaluate_bundle``) with ``junk_filter_metrics``.

    Nothing to add when the genuine head was skipped or neither option is set.
    """
    if GENUINE not in bundle.heads or not (cfg.recall_at_fpr or cfg.slices):
        return
    y = head_target(test, GENUINE)
    rows = test.loc[y.index]
    p = bundle.predict_features(rows)[schema.P_GENUINE].to_numpy()
    groups = slice_groups(rows, inquiries, cfg.slices)
    threshold = bundle.metadata["thresholds"]["genuine"]
    metrics[GENUINE].update(junk_filter_metrics(y.to_numpy(), p, threshold, groups, cfg))
