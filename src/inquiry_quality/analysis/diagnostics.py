"""Model diagnostics for analysts: slices of the metrics, worst errors, threshold vs capacity."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Final

import numpy as np
import pandas as pd

from inquiry_quality.core import schema
from inquiry_quality.scoring import LIST_SEP
from inquiry_quality.scoring.tiers import day_keys

SLICE_METRICS: Final = ("n", "positives", "prevalence", "roc_auc", "pr_auc", "precision", "recall")


def metric_slices(
    metrics: Mapping[str, Any], head: str, by: str, columns: Sequence[str] = SLICE_METRICS
) -> pd.DataFrame:
    """``metrics[head][by]`` (``by_region`` / ``by_channel`` of ``metrics.json``) as a table.

    Slices under ``evaluate.min_slice_rows`` carry counts only; their other cells are NaN.
    """
    try:
        slices = metrics[head][by]
    except KeyError as exc:
        raise KeyError(f"metrics have no {head}.{by} (head skipped, or no such slice)") from exc
    table = pd.DataFrame.from_dict(slices, orient="index").rename_axis(by.removeprefix("by_"))
    return table.reindex(columns=list(columns))


def capacity_curve(
    received_at: pd.Series,
    p: pd.Series,
    y: pd.Series,
    thresholds: Sequence[float] | None = None,
) -> pd.DataFrame:
    """What each threshold on ``p`` asks of the sales team and what it finds.

    Per threshold: inquiries at or above it per calendar day (mean and 90th percentile over
    the days of the period, empty days included), the share of them with outcome 1
    (precision) and the share of all outcome-1 inquiries they hold (recall). ``y`` may be
    unknown (NA) for some rows: they count towards the workload, not the rates. Default
    thresholds: the percentiles of ``p``.
    """
    p = pd.Series(np.asarray(p, dtype=float))
    y = pd.Series(pd.array(y, dtype="Float64"))
    days = pd.Series(day_keys(pd.Series(received_at).reset_index(drop=True), len(p)))
    calendar = pd.date_range(days.min(), days.max(), freq="D").to_numpy().astype("datetime64[D]")
    if thresholds is None:
        thresholds = np.unique(np.quantile(p, np.linspace(0.0, 1.0, 101)))
    known = y.notna().to_numpy()
    positives = y[known].sum()
    rows = []
    for t in thresholds:
        flagged = (p >= t).to_numpy()
        per_day = days[flagged].value_counts().reindex(calendar, fill_value=0)
        hits = y[flagged & known]
        rows.append(
            {
                "threshold": float(t),
                "per_day_mean": float(per_day.mean()),
                "per_day_p90": float(per_day.quantile(0.9)),
                "precision": float(hits.mean()) if len(hits) else np.nan,
                "recall": float(hits.sum() / positives) if positives else np.nan,
            }
        )
    return pd.DataFrame(rows)


def threshold_for_capacity(curve: pd.DataFrame, capacity: float) -> float | None:
    """The lowest threshold of ``curve`` whose mean daily workload fits ``capacity``."""
    fits = curve[curve["per_day_mean"] <= capacity]
    return float(fits["threshold"].min()) if len(fits) else None


def _text(value: object) -> str:
    if isinstance(value, list | tuple | np.ndarray):
        return LIST_SEP.join(str(v) for v in value)
    return "" if value is None or value is pd.NA else str(value)


def worst_errors(scored: pd.DataFrame, labelled: pd.DataFrame, n: int = 10) -> pd.DataFrame:
    """The ``n`` inquiries whose ``p_genuine`` is furthest from their label, with reasons.

    ``scored`` is a ``Scorer.score`` output, ``labelled`` the same inquiries with their labels;
    both carry ``inquiry_id``.
    """
    columns = [schema.INQUIRY_ID, schema.CHANNEL, schema.SUBJECT, schema.IS_GENUINE]
    labels = labelled[[*columns, schema.JUNK_TYPE]].rename(columns={schema.JUNK_TYPE: "true_kind"})
    rows = scored.merge(labels, on=schema.INQUIRY_ID, how="inner", validate="1:1")
    rows = rows[rows[schema.IS_GENUINE].notna()]
    truth = rows[schema.IS_GENUINE].astype("float64")
    junk = "junk: " + rows["true_kind"].fillna("type not recorded").astype(str)
    rows = rows.assign(
        error=(truth - rows[schema.P_GENUINE]).abs(),
        truth=np.where(truth.eq(1), "genuine", junk),
        reasons=rows[schema.REASONS].map(_text),
    )
    keep = [
        schema.INQUIRY_ID,
        "truth",
        schema.P_GENUINE,
        "error",
        schema.TIER,
        schema.CHANNEL,
        schema.REGION,
        schema.SUBJECT,
        schema.REASONS,
    ]
    return rows.nlargest(n, "error")[keep].reset_index(drop=True)


def follow_up_counts(scored: pd.DataFrame, column: str = schema.FOLLOW_UP_QUESTIONS) -> pd.Series:
    """How often each follow-up question (or missing detail) is asked across ``scored``."""
    values = scored[column].map(
        lambda v: v.split(LIST_SEP) if isinstance(v, str) else list(v) if v is not None else []
    )
    exploded = values.explode().dropna()
    exploded = exploded[exploded.astype(str).str.len() > 0]
    return exploded.value_counts().rename("inquiries")
