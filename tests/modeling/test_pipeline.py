"""build_pipeline: params reach the pipeline by the table, both models fit, unseen categories."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from inquiry_quality.core.config import (
    ConfigError,
    HgbParams,
    LinearParams,
    LogregParams,
    TrainParams,
    load_params,
)
from inquiry_quality.modeling.heads import GENUINE, head_target
from inquiry_quality.modeling.pipeline import (
    COMMON,
    HYPERPARAMETERS,
    build_pipeline,
)
from inquiry_quality.modeling.training import feature_lists

CHANGED = {
    "min_frequency": 2,
    "word_ngrams": (1, 3),
    "word_max_features": 777,
    "char_ngrams": (3, 5),
    "char_max_features": 555,
    "min_df": 2,
    "calibration": "isotonic",
    "cv": 4,
    "calibration_ensemble": False,
    "seed": 7,
}
CHANGED_BY_MODEL = {
    "logreg": {"C": 0.7, "max_iter": 123, "class_weight": "balanced"},
    "svm": {"C": 0.7, "max_iter": 123, "class_weight": "balanced"},
    "hgb": {
        "learning_rate": 0.05,
        "max_iter": 17,
        "n_iter_no_change": 3,
        "max_leaf_nodes": 7,
        "l2_regularization": 0.5,
        "class_weight": "balanced",
        "svd_components": 4,
    },
}
#: keys that shape the pipeline or the data instead of setting one pipeline parameter
#: (``reference``: the training profile stored for drift checks, no part of the pipeline)
STRUCTURAL = {
    "model", "split", "thresholds", "min_rows", "numeric_scaling", "typo_frequent_df", "reference"
}  # fmt: skip
STRUCTURAL_BY_MODEL = {"order_C", "structured_weight", "genuine_subtypes"}


def test_every_train_key_is_mapped_or_structural() -> None:
    assert set(TrainParams.model_fields) == set(COMMON) | STRUCTURAL | set(HYPERPARAMETERS)
    assert set(CHANGED) == set(COMMON)
    for model, table in HYPERPARAMETERS.items():
        section = type(getattr(TrainParams(), model))
        assert set(section.model_fields) == set(table) | (
            STRUCTURAL_BY_MODEL & set(section.model_fields)
        )
        assert set(CHANGED_BY_MODEL[model]) == set(table)


@pytest.mark.parametrize("model", sorted(HYPERPARAMETERS))
def test_params_reach_the_pipeline(model: str) -> None:
    base = TrainParams(model=model)
    section = getattr(base, model).model_copy(update=CHANGED_BY_MODEL[model])
    cfg = base.model_copy(update={**CHANGED, model: section})
    params = build_pipeline(cfg, ["a"], ["b"]).get_params(deep=True)
    for table, values in ((COMMON, CHANGED), (HYPERPARAMETERS[model], CHANGED_BY_MODEL[model])):
        for key, paths in table.items():
            for path in paths:
                assert params[path] == values[key], (key, path)


def test_unknown_model_fails_clearly(tmp_path: Path) -> None:
    path = tmp_path / "params.yaml"
    path.write_text("train:\n  model: forest\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"train\.model: .*'forest'"):
        load_params(path)


def test_unknown_params_key_names_it(tmp_path: Path) -> None:
    path = tmp_path / "params.yaml"
    path.write_text("train:\n  model: hgb\n  hgb:\n    c: 0.3\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"train\.hgb\.c: unknown parameter"):
        load_params(path)


def test_set_params_from_yaml(tmp_path: Path) -> None:
    path = tmp_path / "params.yaml"
    path.write_text("train:\n  model: hgb\n  word_ngrams: [1, 3]\n", encoding="utf-8")
    cfg = load_params(path).train
    pipeline = build_pipeline(cfg, ["a"], [])
    assert pipeline.get_params()["features__text__tfidf__words__ngram_range"] == (1, 3)
    assert type(pipeline.named_steps["classifier"].estimator).__name__.startswith("HistGradient")


@pytest.mark.parametrize("model", ["logreg", "svm", "hgb"])
def test_every_model_gives_probabilities(table: pd.DataFrame, model: str) -> None:
    cfg = TrainParams(model=model, min_df=1, hgb=HgbParams(svd_components=5, max_iter=20))
    features = feature_lists(table)
    y = head_target(table, GENUINE)
    pipeline = build_pipeline(cfg, features["numeric"], features["categorical"])
    pipeline.fit(table.loc[y.index], y.to_numpy())
    proba = pipeline.predict_proba(table)[:, 1]
    assert np.all((proba >= 0) & (proba <= 1))
    assert np.corrcoef(proba[y.index], y)[0, 1] > 0.5


def test_hgb_stops_early(table: pd.DataFrame) -> None:
    cfg = TrainParams(model="hgb", min_df=1, hgb=HgbParams(svd_components=5, n_iter_no_change=2))
    features = feature_lists(table)
    y = head_target(table, GENUINE)
    pipeline = build_pipeline(cfg, features["numeric"], features["categorical"])
    pipeline.fit(table.loc[y.index], y.to_numpy())
    folds = pipeline.named_steps["classifier"].calibrated_classifiers_
    assert all(fold.estimator.n_iter_ < cfg.hgb.max_iter for fold in folds)
    assert np.all(np.isfinite(pipeline.predict_proba(table)))


def test_unseen_categories_are_tolerated(table: pd.DataFrame) -> None:
    features = feature_lists(table)
    y = head_target(table, GENUINE)
    pipeline = build_pipeline(TrainParams(min_df=1), features["numeric"], features["categorical"])
    pipeline.fit(table.loc[y.index], y.to_numpy())
    changed = table.head(5).assign(country="Atlantis", channel="carrier pigeon")
    assert np.isfinite(pipeline.predict_proba(changed)).all()
    transformer = pipeline.named_steps["features"]
    names = transformer.get_feature_names_out()
    country = [i for i, n in enumerate(names) if n.startswith("categorical__country=")]
    active = transformer.transform(changed)[:, country].nonzero()[1]
    # an unseen value lights no column, or only the "infrequent" one
    assert {names[country][i] for i in active} <= {"categorical__country=infrequent_sklearn"}


def test_feature_lists_follow_the_registry(table: pd.DataFrame) -> None:
    lists = feature_lists(table.assign(buyer_level="Gold", years_on_platform=3.0))
    assert "sender_domain" not in lists["numeric"] + lists["categorical"]  # a detail feature
    assert "buyer_level" in lists["categorical"] and "years_on_platform" in lists["numeric"]
    assert lists["text"] == "clean_text"
    assert "is_genuine" not in lists["numeric"] + lists["categorical"]


def _transformed(structured_weight: float) -> np.ndarray:
    frame = pd.DataFrame(
        {
            "n": [0.0, 1.0, 3.0, 7.0],
            "c": ["x", "y", "x", "y"],
            "clean_text": ["alpha beta", "beta gamma"] * 2,
        }
    )
    cfg = TrainParams(
        logreg=LogregParams(structured_weight=structured_weight), min_df=1, min_frequency=1
    )
    features = build_pipeline(cfg, ["n"], ["c"])[0]
    dense = features.fit_transform(frame)
    return np.asarray(dense.todense() if hasattr(dense, "todense") else dense)


def test_structured_weight_scales_only_the_structured_columns() -> None:
    plain, weighted = _transformed(1.0), _transformed(0.25)
    n_structured = 1 + 2  # the scaled number, the one-hot pair (no missing values)
    np.testing.assert_allclose(weighted[:, :n_structured], 0.25 * plain[:, :n_structured])
    np.testing.assert_allclose(weighted[:, n_structured:], plain[:, n_structured:])
    assert np.abs(plain[:, :n_structured]).max() > 0


def test_negative_structured_weight_is_refused() -> None:
    with pytest.raises(ValueError, match="structured_weight"):
        build_pipeline(
            TrainParams(svm=LinearParams(structured_weight=-1.0), model="svm"), ["a"], []
        )


def test_no_character_ngrams_when_char_max_features_is_zero(table: pd.DataFrame) -> None:
    lists = feature_lists(table)
    names = {}
    for chars in (0, 50):
        cfg = TrainParams().model_copy(update=dict(char_max_features=chars, min_df=1))
        pipeline = build_pipeline(cfg, lists["numeric"], lists["categorical"], lists["text"])
        y = head_target(table, GENUINE)
        pipeline.fit(table[y.notna()], y.dropna().astype(int))
        names[chars] = [str(n) for n in pipeline[:-1].get_feature_names_out()]
    assert not any(n.startswith("text__chars__") for n in names[0])
    assert sum(n.startswith("text__chars__") for n in names[50]) == 50
    assert any(n.startswith("text__words__") for n in names[0])


def test_typo_columns_are_added_and_weighted_like_the_structured_ones() -> None:
    frame = pd.DataFrame(
        {
            "n": np.arange(21.0),
            "clean_text": ["please send quotation"] * 20 + ["please send quotaton"],
        }
    )
    cfg = TrainParams(min_df=1, typo_frequent_df=3, logreg=LogregParams(structured_weight=0.5))
    features = build_pipeline(cfg, ["n"], [])[0].fit(frame)
    names = list(features.get_feature_names_out())
    assert names[-2:] == ["typos__some_typos", "typos__many_typos"]
    out = features.transform(frame)
    out = np.asarray(out.todense() if hasattr(out, "todense") else out)
    np.testing.assert_allclose(out[:, -2], [0] * 20 + [0.5])  # the typo row, times the weight
    plain = build_pipeline(cfg.model_copy(update=dict(typo_frequent_df=None)), ["n"], [])[0]
    assert "typos__some_typos" not in list(plain.fit(frame).get_feature_names_out())
