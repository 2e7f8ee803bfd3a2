"""What each input group adds: the genuine head refitted on parts of its inputs, same split.

Variants (``ablation.variants``): ``text`` (the n-grams, and the typo columns read from the text),
``structured`` (the project's numeric and categorical features only), ``both`` (the model as
trained) and ``baseline`` (a plain TF-IDF + logistic regression on the raw subject and body,
none of the project's cleaning or features). Every variant is fitted on the training part
with the ``train`` parameters and judged on the test part with the same metrics: ROC AUC,
junk recall at ``evaluate.recall_at_fpr`` and the flag rates per ``evaluate.slices`` group;
``ablation.extra_split_seeds`` repeats this on other stratified splits.
"""

from __future__ import annotations

import logging
from typing import Any

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.pipeline import Pipeline, make_pipeline

from inquiry_quality.core import schema
from inquiry_quality.core.config import Params
from inquiry_quality.evaluation.operating_points import fpr_name, junk_filter_metrics
from inquiry_quality.evaluation.slices import slice_groups
from inquiry_quality.modeling.heads import GENUINE, head_target
from inquiry_quality.modeling.pipeline import TYPOS, build_pipeline
from inquiry_quality.modeling.split import Split, split_table
from inquiry_quality.modeling.training import feature_lists, skip_reason

logger = logging.getLogger(__name__)

BASELINE = "baseline"
#: variant -> the model's input groups (ColumnTransformer steps) it keeps
INPUT_GROUPS = {
    "text": ("text", TYPOS),  # the typo columns are read from the text
    "structured": ("numeric", "categorical"),
    "both": ("numeric", "categorical", "text", TYPOS),
}
VARIANTS = (BASELINE, *INPUT_GROUPS)


def variant_pipeline(name: str, params: Params, table: pd.DataFrame) -> Pipeline:
    """The unfitted genuine-head pipeline of variant ``name`` for feature table ``table``."""
    if name == BASELINE:
        return make_pipeline(
            TfidfVectorizer(sublinear_tf=True),
            LogisticRegression(
                max_iter=params.train.logreg.max_iter, random_state=params.train.seed
            ),
        )
    if name not in INPUT_GROUPS:
        raise ValueError(f"ablation.variants: unknown variant {name!r}; choose from {VARIANTS}")
    features = feature_lists(table)
    pipeline = build_pipeline(
        params.train, features["numeric"], features["categorical"], features["text"]
    )
    steps = {step for step, _, _ in pipeline.named_steps["features"].transformers}
    dropped = {
        f"features__{group}": "drop"
        for group in INPUT_GROUPS["both"]
        if group not in INPUT_GROUPS[name] and group in steps
    }
    return pipeline.set_params(**dropped)


def raw_text(table: pd.DataFrame, inquiries: pd.DataFrame) -> pd.Series:
    """Subject and body of each row of ``table`` as received (the baseline's only input)."""
    by_id = inquiries.drop_duplicates(schema.INQUIRY_ID).set_index(schema.INQUIRY_ID)
    rows = by_id.reindex(table[schema.INQUIRY_ID])
    text = rows[schema.SUBJECT].fillna("") + "\n" + rows[schema.BODY].fillna("")
    return pd.Series(text.to_numpy(dtype=str), index=table.index)


def run_variant(name: str, split: Split, inquiries: pd.DataFrame, params: Params) -> dict[str, Any]:
    """Fit variant ``name`` on ``split.train`` and measure it on ``split.test``."""
    y_train = head_target(split.train, GENUINE)
    y_test = head_target(split.test, GENUINE)
    train, test = split.train.loc[y_train.index], split.test.loc[y_test.index]
    pipeline = variant_pipeline(name, params, train)
    if name == BASELINE:
        train, test = raw_text(train, inquiries), raw_text(test, inquiries)
    logger.info("ablation: fitting %s on %d rows", name, len(y_train))
    pipeline.fit(train, y_train.to_numpy())
    p = pipeline.predict_proba(test)[:, 1]
    y = y_test.to_numpy()
    groups = slice_groups(split.test.loc[y_test.index], inquiries, params.evaluate.slices)
    return {
        "roc_auc": float(roc_auc_score(y, p)),
        "pr_auc": float(average_precision_score(y, p)),
        **junk_filter_metrics(y, p, params.train.thresholds.genuine, groups, params.evaluate),
    }


def run_ablation(split: Split, inquiries: pd.DataFrame, params: Params) -> dict[str, Any]:
    """Every variant of ``params.ablation.variants`` on the same split; with too few labels
    for the genuine head (as ``train`` judges it) or one class only in the test part, a
    ``skipped`` reason instead."""
    result: dict[str, Any] = {
        "split": split.description,
        "threshold": params.train.thresholds.genuine,
    }
    min_rows = {"training": params.train.min_rows, "test": 1}
    reasons = {
        part: skip_reason(head_target(rows, GENUINE), min_rows[part])
        for part, rows in (("training", split.train), ("test", split.test))
    }
    if reason := "; ".join(f"{part} part: {why}" for part, why in reasons.items() if why):
        logger.warning("ablation skipped: %s", reason)
        return {**result, "skipped": reason}
    variants = params.ablation.variants
    return {**result, "variants": {v: run_variant(v, split, inquiries, params) for v in variants}}


def repeated_splits(
    table: pd.DataFrame, inquiries: pd.DataFrame, params: Params, first: dict[str, Any]
) -> dict[str, Any]:
    """Every variant again on the split of each ``ablation.extra_split_seeds`` (stratified
    splits only: a time split has one test period); with ``first`` (``run_ablation``'s result),
    each metric's mean, min and max over all these test parts. One test part of a few hundred
    junk mails moves a recall by 1/n per mail, so one split alone says little."""
    cfg = params.train.split
    if cfg.method != "stratified":
        raise ValueError("ablation.extra_split_seeds: only a stratified split can be redrawn")
    runs = [first["variants"]]
    for seed in params.ablation.extra_split_seeds:
        split = split_table(table, cfg.model_copy(update={"seed": seed}))
        runs.append({v: run_variant(v, split, inquiries, params) for v in params.ablation.variants})
    return {
        "seeds": [cfg.seed, *params.ablation.extra_split_seeds],
        "variants": {v: _summary([run[v] for run in runs]) for v in params.ablation.variants},
    }


def _summary(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The nested metrics of ``runs`` with each number replaced by its mean, min and max (keys
    present in every run only, e.g. a slice group too small in one split is left out)."""
    out: dict[str, Any] = {}
    for key, value in runs[0].items():
        if not all(key in run for run in runs):
            continue
        if isinstance(value, dict):
            out[key] = _summary([run[key] for run in runs])
        else:
            values = np.array([run[key] for run in runs], dtype=float)
            out[key] = {"mean": values.mean(), "min": values.min(), "max": values.max()}
    return out


def ablation_table(result: dict[str, Any], params: Params) -> str:
    """Markdown: one row per variant; per slice group with genuine rows, the share of them
    flagged as junk at the model's threshold / at each ``recall_at_fpr`` point. With
    ``repeated`` results, a second table gives each one's mean (min-max) over the splits."""
    if "skipped" in result:
        return f"Ablation skipped: {result['skipped']}.\n"
    text = _table(result["variants"], result["threshold"], params)
    if repeated := result.get("repeated"):
        seeds = ", ".join(str(seed) for seed in repeated["seeds"])
        text += (
            f"\nMean (min-max) over the test parts of {len(repeated['seeds'])} stratified "
            f"splits (seeds {seeds}):\n\n"
            + _table(repeated["variants"], result["threshold"], params)
        )
    return text


def _cell(value: float | dict[str, float], digits: int = 3) -> str:
    if isinstance(value, dict):
        low, high = f"{value['min']:.{digits}f}", f"{value['max']:.{digits}f}"
        return f"{value['mean']:.{digits}f} ({low}-{high})"
    return f"{value:.{digits}f}"


def _table(variants: dict[str, Any], threshold: float, params: Params) -> str:
    points = [fpr_name(f) for f in params.evaluate.recall_at_fpr]
    first = next(iter(variants.values()), {})
    groups = [
        (column, group)
        for column in params.evaluate.slices
        for group, rates in first.get(f"by_{column}", {}).items()
        if "fpr" in rates
    ]
    labels = [f"{fpr * 100:g}% FPR" for fpr in params.evaluate.recall_at_fpr]
    header = ["variant", "ROC AUC", *(f"junk recall at {label}" for label in labels)]
    at = " / ".join([f"t={threshold:g}", *(f"at {label}" for label in labels)])
    header += [f"FPR {group} ({at})" for _, group in groups]
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    for name, metrics in variants.items():
        cells = [name, _cell(metrics["roc_auc"], 4)]
        cells += [_cell(metrics[f"junk_recall_at_{p}"]) for p in points]
        for column, group in groups:
            rates = metrics[f"by_{column}"][group]
            values = [rates["fpr"], *(rates[f"fpr_at_{p}_threshold"] for p in points)]
            cells.append(" / ".join(_cell(v) for v in values))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"
