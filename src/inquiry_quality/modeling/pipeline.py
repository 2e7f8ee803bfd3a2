"""``build_pipeline``: from the feature table to calibrated probabilities, for one head.

The pipeline has two steps, ``features`` (a ColumnTransformer: numeric, categorical, text) and
``classifier`` (a CalibratedClassifierCV around the estimator chosen by ``train.model``).
Every hyperparameter in ``params.yaml``'s ``train`` section reaches the pipeline through the
table ``HYPERPARAMETERS`` (params key -> ``set_params`` paths), so a new key needs one line
here and none in the stage scripts.
"""

from __future__ import annotations

from typing import Any, Final

import numpy as np
import pandas as pd
from scipy.special import expit, logsumexp
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.calibration import CalibratedClassifierCV
from sklearn.compose import ColumnTransformer
from sklearn.decomposition import TruncatedSVD
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import OneHotEncoder
from sklearn.svm import LinearSVC

from inquiry_quality.core.config import TrainParams
from inquiry_quality.modeling.heads import GENUINE, ORDER
from inquiry_quality.modeling.scaling import numeric_scaler
from inquiry_quality.modeling.tfidf import StableTfidf
from inquiry_quality.modeling.typos import TypoRate

TEXT: Final = "clean_text"
POSITIVE_SUBTYPE: Final = "(positive)"  # the subtype label of the positive class
UNKNOWN_SUBTYPE: Final = "(unknown)"  # a negative row without a subtype
CATEGORY_SEP: Final = "="  # one-hot output names are "<input column>=<category>"

#: ``train`` key -> the pipeline parameters it sets, for every model.
COMMON: Final[dict[str, tuple[str, ...]]] = {
    "seed": ("classifier__estimator__random_state",),
    "calibration": ("classifier__method",),
    "cv": ("classifier__cv",),
    "calibration_ensemble": ("classifier__ensemble",),
    "min_frequency": ("features__categorical__encode__min_frequency",),
    "word_ngrams": ("features__text__tfidf__words__ngram_range",),
    "word_max_features": ("features__text__tfidf__words__max_features",),
    "char_ngrams": ("features__text__tfidf__chars__ngram_range",),
    "char_max_features": ("features__text__tfidf__chars__max_features",),
    "min_df": (
        "features__text__tfidf__words__min_df",
        "features__text__tfidf__chars__min_df",
    ),
}
_LINEAR_KEYS: Final[dict[str, tuple[str, ...]]] = {
    "C": ("classifier__estimator__C",),
    "max_iter": ("classifier__estimator__max_iter",),
    "class_weight": ("classifier__estimator__class_weight",),
}
#: ``train.<model>`` key -> the pipeline parameters it sets (its other keys shape the pipeline).
HYPERPARAMETERS: Final[dict[str, dict[str, tuple[str, ...]]]] = {
    "logreg": _LINEAR_KEYS,
    "svm": _LINEAR_KEYS,
    "hgb": {
        "learning_rate": ("classifier__estimator__learning_rate",),
        "max_iter": ("classifier__estimator__max_iter",),
        "n_iter_no_change": ("classifier__estimator__n_iter_no_change",),
        "max_leaf_nodes": ("classifier__estimator__max_leaf_nodes",),
        "l2_regularization": ("classifier__estimator__l2_regularization",),
        "class_weight": ("classifier__estimator__class_weight",),
        "svd_components": ("features__text__reduce__n_components",),
    },
}
#: models whose classifier is linear in the transformed columns (``contributions`` reads them)
LINEAR: Final = ("logreg", "svm")
#: ColumnTransformer steps that ``train.<linear model>.structured_weight`` multiplies
STRUCTURED: Final = ("numeric", "categorical", "typos")
#: the ColumnTransformer step of the typo columns (read from the text column)
TYPOS: Final = "typos"


def category_name(feature: str, category: object) -> str:
    """Output name of a one-hot column; module-level so fitted pipelines stay picklable."""
    return f"{feature}{CATEGORY_SEP}{category}"


def pipeline_params(cfg: TrainParams) -> dict[str, Any]:
    """The ``set_params`` arguments that ``cfg`` gives the pipeline of ``cfg.model``."""
    chosen = getattr(cfg, cfg.model)
    out: dict[str, Any] = {}
    for section, table in ((cfg, COMMON), (chosen, HYPERPARAMETERS[cfg.model])):
        for key, paths in table.items():
            value = getattr(section, key)
            for path in paths:
                out[path] = tuple(value) if isinstance(value, tuple | list) else value
    if cfg.model == "hgb":  # the SVD of the text is seeded too
        out["features__text__reduce__random_state"] = cfg.seed
    return out


class SubtypeLogisticRegression(ClassifierMixin, BaseEstimator):
    """A binary classifier that learns the negative class as a mixture of its subtypes.

    Fitted as one multinomial logistic regression over the positive class and each subtype of
    the negative class (``fit(X, y, subtype=...)``: for the genuine head, the junk types), it
    predicts P(positive) = softmax's positive share, so its log-odds are
    ``z_pos - logsumexp(z_subtypes)``: a junk type that looks unlike a buyer in its own way
    (a scam's fee, an advertiser's pitch) no longer has to share one linear boundary with the
    others. Without subtypes (or with one) it is a plain binary logistic regression.
    ``coef_``/``intercept_`` are the multinomial's, rows in ``subclasses_`` order.
    """

    def __init__(
        self,
        C: float = 1.0,
        max_iter: int = 100,
        class_weight: str | None = None,
        random_state: int | None = None,
    ) -> None:
        self.C = C
        self.max_iter = max_iter
        self.class_weight = class_weight
        self.random_state = random_state

    def fit(self, X: Any, y: Any, subtype: Any = None) -> SubtypeLogisticRegression:
        y = np.asarray(y)
        self.classes_ = np.unique(y)
        if len(self.classes_) != 2:
            raise ValueError(f"SubtypeLogisticRegression is binary; got classes {self.classes_}")
        positive = y == self.classes_[1]
        if subtype is None:
            subtype = np.full(len(y), UNKNOWN_SUBTYPE, dtype=object)
        subtype = pd.Series(np.asarray(subtype, dtype=object)).fillna(UNKNOWN_SUBTYPE)
        labels = np.where(positive, POSITIVE_SUBTYPE, subtype.astype(str).to_numpy())
        model = LogisticRegression(
            C=self.C,
            max_iter=self.max_iter,
            class_weight=self.class_weight,
            random_state=self.random_state,
        ).fit(X, labels)
        if len(model.classes_) == 2:  # one subtype: sklearn keeps one row of coefficients
            coef = np.vstack([-model.coef_[0], model.coef_[0]]) / 2
            intercept = np.array([-model.intercept_[0], model.intercept_[0]]) / 2
        else:
            coef, intercept = model.coef_, model.intercept_
        self.subclasses_ = model.classes_
        self.coef_, self.intercept_ = coef, intercept
        self.positive_index_ = int(np.flatnonzero(model.classes_ == POSITIVE_SUBTYPE)[0])
        self.n_features_in_ = model.n_features_in_
        return self

    def subclass_logits(self, X: Any) -> np.ndarray:
        """Rows x ``subclasses_``: the multinomial's linear scores."""
        return np.asarray(X @ self.coef_.T) + self.intercept_

    def decision_function(self, X: Any) -> np.ndarray:
        z = self.subclass_logits(X)
        others = np.delete(z, self.positive_index_, axis=1)
        return z[:, self.positive_index_] - logsumexp(others, axis=1)

    def predict_proba(self, X: Any) -> np.ndarray:
        p = expit(self.decision_function(X))
        return np.column_stack([1 - p, p])

    def predict(self, X: Any) -> np.ndarray:
        return self.classes_[(self.decision_function(X) > 0).astype(int)]


def _numeric(scaling: str) -> Pipeline:
    impute = SimpleImputer(strategy="median", add_indicator=True, keep_empty_features=True)
    return Pipeline([("impute", impute), ("scale", numeric_scaler(scaling))])


def _categorical(dense: bool) -> Pipeline:
    encode = OneHotEncoder(
        handle_unknown="infrequent_if_exist",
        sparse_output=not dense,
        feature_name_combiner=category_name,
    )
    impute = SimpleImputer(strategy="constant", fill_value="(missing)", keep_empty_features=True)
    return Pipeline([("impute", impute), ("encode", encode)])


def _text(reduce: bool) -> Pipeline:
    tfidf = FeatureUnion(
        [
            ("words", StableTfidf(analyzer="word", sublinear_tf=True, dtype=np.float32)),
            ("chars", StableTfidf(analyzer="char_wb", sublinear_tf=True, dtype=np.float32)),
        ]
    )
    return Pipeline([("tfidf", tfidf), ("reduce", TruncatedSVD() if reduce else "passthrough")])


def uses_subtypes(cfg: TrainParams, head: str | None) -> bool:
    """Whether ``head`` is a ``SubtypeLogisticRegression`` (``train.logreg.genuine_subtypes``)."""
    return cfg.model == "logreg" and cfg.logreg.genuine_subtypes and head == GENUINE


def _estimator(
    model: str, subtypes: bool = False
) -> LogisticRegression | LinearSVC | HistGradientBoostingClassifier | SubtypeLogisticRegression:
    if model == "hgb":
        return HistGradientBoostingClassifier(early_stopping=True)
    if model == "svm":
        return LinearSVC()
    return SubtypeLogisticRegression() if subtypes else LogisticRegression()


def build_pipeline(
    cfg: TrainParams,
    numeric: list[str],
    categorical: list[str],
    text: str = TEXT,
    head: str | None = None,
) -> Pipeline:
    """An unfitted pipeline for ``cfg.model`` over the given input columns of the feature table.

    With ``head`` = genuine and ``train.logreg.genuine_subtypes``, the logreg classifier is a
    ``SubtypeLogisticRegression`` (fit it with ``subtype=`` the junk types); with ``head`` =
    order and ``order_C`` set, the linear classifier's C is ``order_C``.
    ``logreg`` (logistic regression) and ``svm`` (a linear SVM, hinge loss; its scores become
    probabilities by the sigmoid calibration) see sparse one-hot and tf-idf columns; ``hgb`` sees
    dense ones, the text reduced to ``svd_components`` by a TruncatedSVD. Unseen categories
    become the infrequent bucket (or all zeros when the column had none).

    ``structured_weight`` (of ``train.logreg`` / ``train.svm``) multiplies the scaled numeric
    and one-hot columns (the ColumnTransformer's ``transformer_weights``). For the L2-penalised
    linear models this is a penalty of its own for the structured features: a weight w divides
    their effective C by w², so a few dozen dense columns cannot outvote tens of thousands of
    sparse n-grams on the training rows. Trees (``hgb``) are unaffected by it.

    ``train.char_max_features: 0`` leaves the character n-grams out (words only).

    With ``train.typo_frequent_df`` set, a ``TypoRate`` step (features/typos.py) adds two
    columns from the text, whether it has typing errors and whether many, weighted like the
    structured columns.
    """
    if cfg.structured_weight < 0:
        weight = f"train.{cfg.model}.structured_weight"
        raise ValueError(f"{weight}: {cfg.structured_weight} is negative")
    dense = cfg.model == "hgb"
    transformers: list[tuple[str, Any, Any]] = [
        ("numeric", _numeric(cfg.numeric_scaling), list(numeric)),
        ("categorical", _categorical(dense), list(categorical)),
        ("text", _text(reduce=dense), text),
    ]
    if cfg.typo_frequent_df is not None:
        transformers.append((TYPOS, TypoRate(frequent_df=cfg.typo_frequent_df), text))
    weight = cfg.structured_weight
    weights = dict.fromkeys(STRUCTURED, weight) if weight != 1 else None
    features = ColumnTransformer(
        transformers, sparse_threshold=0.0 if dense else 0.3, transformer_weights=weights
    )
    pipeline = Pipeline(
        [
            ("features", features),
            (
                "classifier",
                CalibratedClassifierCV(_estimator(cfg.model, uses_subtypes(cfg, head))),
            ),
        ]
    )
    pipeline.set_params(**pipeline_params(cfg))
    if cfg.char_max_features == 0:
        pipeline.set_params(features__text__tfidf__chars="drop")
    order_C = getattr(cfg, cfg.model).order_C if cfg.model in LINEAR else None
    if head == ORDER and order_C is not None:
        pipeline.set_params(classifier__estimator__C=order_C)
    return pipeline


def split_columns(features: pd.DataFrame, text: str = TEXT) -> tuple[list[str], list[str]]:
    """(numeric, categorical) input columns of a featurizer output, by dtype."""
    numeric = [
        c
        for c in features.columns
        if c != text
        and pd.api.types.is_numeric_dtype(features[c])
        and not pd.api.types.is_bool_dtype(features[c])
    ]
    categorical = [c for c in features.columns if c != text and c not in numeric]
    return numeric, categorical
