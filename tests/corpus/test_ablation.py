"""The ablation's variants on a sample of real mail: same split, same metrics, own inputs."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

import pandas as pd
import pytest

from inquiry_quality.evaluation.ablation import (
    ablation_table,
    repeated_splits,
    run_ablation,
    variant_pipeline,
)
from inquiry_quality.modeling.split import split_table

if TYPE_CHECKING:
    from conftest import CorpusRun

pytestmark = pytest.mark.slow  # the corpus sample is ingested, featurized and trained once


def test_each_variant_sees_only_its_inputs(corpus_run: CorpusRun) -> None:
    train, params = corpus_run.split.train, corpus_run.params
    y = train["is_genuine"].astype(int).to_numpy()
    names = {
        variant: variant_pipeline(variant, params, train)
        .named_steps["features"]
        .fit(train, y)
        .get_feature_names_out()
        for variant in ("text", "structured", "both")
    }
    assert all(n.startswith("text__") for n in names["text"])
    assert not any(n.startswith("text__") for n in names["structured"])
    assert set(names["both"]) == set(names["text"]) | set(names["structured"])


def test_ablation_measures_every_variant_on_the_same_test_part(corpus_run: CorpusRun) -> None:
    params = corpus_run.params
    result = run_ablation(corpus_run.split, corpus_run.inquiries, params)
    assert result["split"] == corpus_run.split.description
    assert list(result["variants"]) == params.ablation.variants
    n_test = len(corpus_run.split.test)
    for metrics in result["variants"].values():
        assert 0.5 < metrics["roc_auc"] <= 1.0
        assert 0.0 <= metrics["junk_recall_at_1pct_fpr"] <= 1.0
        assert sum(group["n"] for group in metrics["by_folder"].values()) == n_test
    table = ablation_table(result, params).splitlines()
    assert len(table) == 2 + len(params.ablation.variants)
    assert table[2].startswith("| baseline | ")


def test_an_unknown_variant_is_an_error_naming_the_parameter(corpus_run: CorpusRun) -> None:
    params = corpus_run.params.model_copy(
        update=dict(ablation=corpus_run.params.ablation.model_copy(update=dict(variants=["words"])))
    )
    with pytest.raises(ValueError, match=r"ablation\.variants"):
        run_ablation(corpus_run.split, corpus_run.inquiries, params)


def test_repeated_splits_give_each_metric_a_range_over_the_seeds(corpus_run: CorpusRun) -> None:
    params = corpus_run.params
    ablation = params.ablation.model_copy(
        update={"variants": ["baseline"], "extra_split_seeds": [7]}
    )
    evaluate = params.evaluate.model_copy(update={"min_slice_rows": 1})  # a small sample
    more = params.model_copy(update={"ablation": ablation, "evaluate": evaluate})
    first = run_ablation(corpus_run.split, corpus_run.inquiries, more)
    table = pd.concat([corpus_run.split.train, corpus_run.split.test], ignore_index=True)
    repeated = repeated_splits(table, corpus_run.inquiries, more, first)
    assert repeated["seeds"] == [params.train.split.seed, 7]
    redrawn = split_table(table, params.train.split.model_copy(update={"seed": 7}))
    assert set(redrawn.test["inquiry_id"]) != set(corpus_run.split.test["inquiry_id"])
    auc = repeated["variants"]["baseline"]["roc_auc"]
    assert auc["min"] <= first["variants"]["baseline"]["roc_auc"] <= auc["max"]
    assert auc["mean"] == pytest.approx((auc["min"] + auc["max"]) / 2)
    # another test part, other figures (an AUC alone can repeat on a small sample by chance)
    assert any(m["min"] < m["max"] for m in _leaves(repeated["variants"]["baseline"]))
    rates = [r["fpr"] for r in repeated["variants"]["baseline"]["by_folder"].values() if "fpr" in r]
    assert rates and all(r["min"] <= r["mean"] <= r["max"] for r in rates)
    text = ablation_table({**first, "repeated": repeated}, more)
    assert (
        f"over the test parts of 2 stratified splits (seeds {params.train.split.seed}, 7)" in text
    )
    assert text.count("| baseline | ") == 2


def _leaves(summary: dict) -> list[dict]:
    """The {mean, min, max} entries of a nested ``repeated_splits`` summary."""
    if "min" in summary:
        return [summary]
    return [leaf for value in summary.values() for leaf in _leaves(value)]


def test_a_time_split_cannot_be_repeated(corpus_run: CorpusRun) -> None:
    params = corpus_run.params
    timed = params.model_copy(
        update=dict(
            train=params.train.model_copy(
                update=dict(split=params.train.split.model_copy(update=dict(method="time")))
            ),
            ablation=params.ablation.model_copy(update=dict(extra_split_seeds=[1])),
        )
    )
    with pytest.raises(ValueError, match=r"ablation\.extra_split_seeds"):
        repeated_splits(corpus_run.split.train, corpus_run.inquiries, timed, {"variants": {}})


def test_too_few_labels_skip_the_ablation_with_the_reason(corpus_run: CorpusRun) -> None:
    split, params = corpus_run.split, corpus_run.params
    few = dataclasses.replace(split, train=split.train.head(10))
    result = run_ablation(few, corpus_run.inquiries, params)
    assert "variants" not in result
    reason = f"training part: 10 labelled rows, fewer than train.min_rows={params.train.min_rows}"
    assert result["skipped"] == reason
    assert ablation_table(result, params) == f"Ablation skipped: {reason}.\n"
    ham = split.test[split.test["is_genuine"] == 1]
    result = run_ablation(dataclasses.replace(split, test=ham), corpus_run.inquiries, params)
    assert result["skipped"] == f"test part: one class only (1) among {len(ham)} labelled rows"
