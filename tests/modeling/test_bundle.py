"""ModelBundle: predictions, contributions, skipped heads, checksummed save and load."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy.special import logit

from inquiry_quality.core import schema
from inquiry_quality.core.config import HgbParams, TrainParams
from inquiry_quality.features import build_featurizer
from inquiry_quality.modeling.bundle import (
    BUNDLE_FILE,
    METADATA_FILE,
    ModelBundle,
    ModelIntegrityError,
    _warn_absent,
    load_bundle,
    save_bundle,
)
from inquiry_quality.modeling.contributions import log_odds_contributions
from inquiry_quality.modeling.heads import GENUINE, head_target
from inquiry_quality.modeling.split import split_table
from inquiry_quality.modeling.training import feature_lists, fit_heads, train_bundle


def test_predictions_from_raw_inquiries(
    trained: tuple[ModelBundle, pd.DataFrame], inquiries: pd.DataFrame
) -> None:
    bundle, _ = trained
    out = bundle.predict(inquiries.head(20))
    assert list(out.index) == list(inquiries.head(20).index)
    assert np.allclose(out[schema.P_CONVERT], out[schema.P_GENUINE] * out["p_order"])
    junk = [f"p_{c}" for c in bundle.junk_types]
    assert np.allclose(out[junk].sum(axis=1), 1.0)
    assert set(out[schema.JUNK_TYPE]) <= set(bundle.junk_types)


def test_save_load_round_trip_and_tampering(
    trained: tuple[ModelBundle, pd.DataFrame], tmp_path: Path
) -> None:
    bundle, test = trained
    directory = save_bundle(bundle, tmp_path / "bundle")
    loaded = load_bundle(directory)
    pd.testing.assert_frame_equal(loaded.predict_features(test), bundle.predict_features(test))
    metadata = directory / METADATA_FILE
    metadata.write_text(
        json.dumps({**json.loads(metadata.read_text()), "model": "hgb"}), encoding="utf-8"
    )
    with pytest.raises(ModelIntegrityError, match=METADATA_FILE):
        load_bundle(directory)
    (directory / BUNDLE_FILE).unlink()
    with pytest.raises(ModelIntegrityError, match=BUNDLE_FILE):
        load_bundle(directory)


@pytest.mark.parametrize("model", ["logreg", "svm"])
def test_linear_contributions_add_up_to_the_log_odds(table: pd.DataFrame, model: str) -> None:
    """With one calibrated fold (ensemble=False) the decomposition is exact."""
    cfg = TrainParams(model=model, min_df=1)
    target = head_target(table, GENUINE)
    heads, _ = fit_heads(table, {GENUINE: target}, cfg, feature_lists(table))
    pipeline = heads[GENUINE].set_params(classifier__ensemble=False)
    pipeline.fit(table.loc[target.index], target)
    transformed = pipeline[:-1].transform(table.loc[target.index])
    reference = np.asarray(transformed.mean(axis=0)).ravel()
    contributions = log_odds_contributions(pipeline, table.head(30), reference, 1, "clean_text")
    p = pipeline.predict_proba(table.head(30))[:, 1]
    p_reference = pipeline[-1].predict_proba(reference[None, :])[:, 1]
    expected = logit(p) - logit(p_reference)
    assert np.allclose(contributions.sum(axis=1), expected, atol=1e-6)
    assert "clean_text" in contributions.columns
    assert not any(c.startswith(("text__", "missingindicator")) for c in contributions.columns)


def test_bundle_contributions_explain_p_genuine(trained: tuple[ModelBundle, pd.DataFrame]) -> None:
    bundle, test = trained
    contributions = bundle.contributions(test, "genuine")
    assert set(contributions.columns) <= set(
        bundle.metadata["features"]["numeric"] + bundle.metadata["features"]["categorical"]
    ) | {"clean_text"}
    log_odds = logit(bundle.predict_features(test)[schema.P_GENUINE].clip(1e-6, 1 - 1e-6))
    assert np.corrcoef(contributions.sum(axis=1), log_odds)[0, 1] > 0.95
    with pytest.raises(ValueError, match="label"):
        bundle.contributions(test, "junk_type")


def test_hgb_contributions_by_occlusion(table: pd.DataFrame) -> None:
    cfg = TrainParams(
        model="hgb", min_df=1, hgb=HgbParams(svd_components=4, max_iter=20), min_rows=20
    )
    split = split_table(table, cfg.split)
    bundle = train_bundle(split.train, build_featurizer(), cfg, data_version="t", split={})
    contributions = bundle.contributions(split.test.head(10), "genuine")
    assert contributions.shape[0] == 10 and "clean_text" in contributions.columns
    assert np.isfinite(contributions.to_numpy()).all()


def test_a_head_without_labels_is_skipped(table: pd.DataFrame) -> None:
    unlabelled = table.drop(columns=[schema.CONVERTED])
    cfg = TrainParams(min_df=1, min_rows=20)
    bundle = train_bundle(unlabelled, build_featurizer(), cfg, data_version="t", split={})
    assert "order" not in bundle.heads
    assert "no labelled rows" in bundle.metadata["skipped_heads"]["order"]
    out = bundle.predict_features(unlabelled.head(5))
    assert out["p_order"].isna().all() and out[schema.P_GENUINE].notna().all()
    with pytest.raises(KeyError, match="skipped at training"):
        bundle.contributions(unlabelled.head(5), "order")


def test_top_terms_are_ngrams_of_the_inquiry(trained: tuple[ModelBundle, pd.DataFrame]) -> None:
    bundle, test = trained
    genuine = test[test[schema.IS_GENUINE] == 1].head(10)
    terms = bundle.top_terms(genuine, "genuine", n=3)
    assert any(terms.map(len))
    tfidf = bundle.heads["genuine"].named_steps["features"].named_transformers_["text"]["tfidf"]
    analyzers = [v.build_analyzer() for _, v in tfidf.transformer_list if v != "drop"]
    for text, row_terms in zip(genuine["clean_text"], terms, strict=True):
        ngrams = {gram for analyze in analyzers for gram in analyze(text)}
        assert len(row_terms) <= 3 and set(row_terms) <= ngrams


def test_predict_and_explain_matches_the_separate_calls(
    trained: tuple[ModelBundle, pd.DataFrame],
) -> None:
    """One shared transform gives what predicting, contributing and quoting apart give."""
    bundle, test = trained
    explained = bundle.predict_and_explain(test, "genuine", n_terms=2)
    pd.testing.assert_frame_equal(explained.predictions, bundle.predict_features(test))
    pd.testing.assert_frame_equal(explained.contributions, bundle.contributions(test, "genuine"))
    assert explained.terms_for.tolist() == bundle.top_terms(test, "genuine", n=2).tolist()
    against = bundle.top_terms(test, "genuine", n=2, label=0).tolist()
    assert explained.terms_against.tolist() == against
    assert any(explained.terms_for.map(len)) and any(explained.terms_against.map(len))
    assert bundle.predict_and_explain(test, None).contributions is None


def test_a_missing_extra_column_is_warned_once_and_read_as_unknown(
    project_bundle_dir: Path, project_inquiries: pd.DataFrame, caplog: pytest.LogCaptureFixture
) -> None:
    """Mail has no platform columns: a batch scored in chunks says so once, not per chunk."""
    bundle = load_bundle(project_bundle_dir)
    extra = bundle.metadata["features"]["extra"]
    assert extra, "the project's model is trained with the platform's extra columns"
    raw = project_inquiries.head(6).drop(columns=extra)
    _warn_absent.cache_clear()
    with caplog.at_level("WARNING", logger="inquiry_quality.modeling.bundle"):
        chunks = [bundle.features(raw.iloc[i : i + 2]) for i in range(0, 6, 2)]
    assert [r.getMessage() for r in caplog.records] == [
        f"inquiries lack the extra column(s) {extra}; treated as unknown"
    ]
    assert all(chunk[extra].isna().all(axis=None) for chunk in chunks)
