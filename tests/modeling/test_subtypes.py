"""SubtypeLogisticRegression (train.genuine_subtypes), its contributions, and train.order_C."""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.special import logit
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

from inquiry_quality.core import schema
from inquiry_quality.core.config import LogregParams, TrainParams
from inquiry_quality.features import build_featurizer
from inquiry_quality.modeling.contributions import log_odds_contributions
from inquiry_quality.modeling.heads import GENUINE, ORDER, head_target
from inquiry_quality.modeling.pipeline import SubtypeLogisticRegression, build_pipeline
from inquiry_quality.modeling.training import feature_lists, fit_heads, train_bundle


def _mixture(n: int = 600, seed: int = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Positives in the middle of one axis, two negative subtypes on either side of them."""
    rng = np.random.default_rng(seed)
    kind = rng.choice(["positive", "low", "high"], size=n)
    centre = np.select([kind == "low", kind == "high"], [-3.0, 3.0], 0.0)
    X = np.column_stack([centre + rng.normal(size=n), rng.normal(size=n)])
    y = (kind == "positive").astype(int)
    return X, y, np.where(y == 1, None, kind).astype(object)


def test_subtypes_learn_a_negative_class_no_line_separates() -> None:
    X, y, subtype = _mixture()
    test_X, test_y, _ = _mixture(seed=1)
    plain = LogisticRegression().fit(X, y).predict_proba(test_X)[:, 1]
    model = SubtypeLogisticRegression().fit(X, y, subtype=subtype)
    assert list(model.classes_) == [0, 1] and len(model.subclasses_) == 3
    assert roc_auc_score(test_y, plain) < 0.7
    assert roc_auc_score(test_y, model.predict_proba(test_X)[:, 1]) > 0.95
    p = model.predict_proba(test_X)[:, 1]
    assert np.allclose(logit(p), model.decision_function(test_X))


def test_without_subtypes_it_is_the_binary_logistic_regression() -> None:
    X, y, _ = _mixture()
    X = np.column_stack([X, X[:, 0] ** 2])  # a line separates them now
    plain = LogisticRegression(C=0.5).fit(X, y).predict_proba(X)[:, 1]
    model = SubtypeLogisticRegression(C=0.5).fit(X, y)
    assert np.allclose(model.predict_proba(X)[:, 1], plain, atol=1e-6)


def test_subtype_contributions_explain_the_log_odds(table: pd.DataFrame) -> None:
    """Linearised at each row: exact up to the spread of the row's junk-type shares."""
    cfg = TrainParams(min_df=1, logreg=LogregParams(genuine_subtypes=True))
    target = head_target(table, GENUINE)
    heads, _ = fit_heads(table, {GENUINE: target}, cfg, feature_lists(table))
    pipeline = heads[GENUINE].set_params(classifier__ensemble=False)
    estimator = pipeline[-1].calibrated_classifiers_[0].estimator
    assert isinstance(estimator, SubtypeLogisticRegression) and len(estimator.subclasses_) == 4
    rows = table.loc[target.index]
    transformed = pipeline[:-1].transform(rows)
    reference = np.asarray(transformed.mean(axis=0)).ravel()
    contributions = log_odds_contributions(pipeline, rows.head(60), reference, 1, "clean_text")
    p = pipeline.predict_proba(rows.head(60))[:, 1]
    p_reference = pipeline[-1].predict_proba(reference[None, :])[:, 1]
    expected = logit(p) - logit(p_reference)
    assert np.corrcoef(contributions.sum(axis=1), expected)[0, 1] > 0.95
    against = log_odds_contributions(pipeline, rows.head(60), reference, 0, "clean_text")
    assert np.allclose(against, -contributions)


def test_subtyped_bundle_gives_reasons_and_terms(table: pd.DataFrame) -> None:
    cfg = TrainParams(min_df=1, min_rows=20, logreg=LogregParams(genuine_subtypes=True))
    bundle = train_bundle(table, build_featurizer(), cfg, data_version="t", split={})
    genuine = table[table[schema.IS_GENUINE] == 1].head(10)
    terms = bundle.top_terms(genuine, GENUINE, n=3)
    assert any(terms.map(len)) and all(len(t) <= 3 for t in terms)
    explained = bundle.predict_and_explain(genuine, GENUINE)
    assert np.isfinite(explained.contributions.to_numpy()).all()


def test_order_c_reaches_only_the_order_head() -> None:
    cfg = TrainParams(logreg=LogregParams(C=0.3, order_C=0.01, genuine_subtypes=True))
    order = build_pipeline(cfg, ["a"], ["b"], head=ORDER)
    genuine = build_pipeline(cfg, ["a"], ["b"], head=GENUINE)
    assert order.get_params()["classifier__estimator__C"] == 0.01
    assert genuine.get_params()["classifier__estimator__C"] == 0.3
    assert isinstance(genuine.get_params()["classifier__estimator"], SubtypeLogisticRegression)
    assert isinstance(order.get_params()["classifier__estimator"], LogisticRegression)
    unset_cfg = cfg.model_copy(update={"logreg": cfg.logreg.model_copy(update={"order_C": None})})
    unset = build_pipeline(unset_cfg, ["a"], ["b"], head=ORDER)
    assert unset.get_params()["classifier__estimator__C"] == 0.3
