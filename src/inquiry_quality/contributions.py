"""Per-inquiry contributions of each input column to a head's log-odds.

A contribution is measured against a reference inquiry: the mean of the transformed training
rows. Every transformed column belongs to one input column (a numeric feature and its missing
indicator, a categorical feature's one-hot columns, and all word and character n-grams of the
text, which together form the one input column ``clean_text``).

- Logistic regression (exact for each calibration fold): the calibrated log-odds of a fold are
  ``slope * (coef . x) + intercept`` (``slope = -a`` of Platt's sigmoid; 1 for isotonic, whose
  contributions are then in decision-function units), so column j contributes
  ``slope * coef_j * (x_j - reference_j)``; the folds' weights are averaged.
- Any other classifier (histogram gradient boosting): occlusion — an input column contributes
  the change in calibrated log-odds when its transformed columns are set to the reference.
  Interactions make these approximate: they do not sum exactly to the total difference.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.special import logit
from sklearn.calibration import CalibratedClassifierCV
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline

from inquiry_quality.model import CATEGORY_SEP

_EPS = 1e-6


def input_columns(pipeline: Pipeline, text: str) -> np.ndarray:
    """The input column of every transformed column of a fitted pipeline."""
    names = pipeline[:-1].get_feature_names_out()
    out = []
    for name in names:
        branch, _, column = str(name).partition("__")
        if branch == "text":
            out.append(text)
        elif branch == "categorical":
            out.append(column.split(CATEGORY_SEP, 1)[0])
        else:
            out.append(column.removeprefix("missingindicator_"))
    return np.asarray(out, dtype=object)


def _linear_weights(classifier: CalibratedClassifierCV, label: object) -> np.ndarray | None:
    """Log-odds weight of each transformed column for ``label``, averaged over the folds."""
    weights = []
    for fold in classifier.calibrated_classifiers_:
        estimator = fold.estimator
        if not isinstance(estimator, LogisticRegression):
            return None
        classes = list(estimator.classes_)
        if label not in classes:
            continue
        index = 0 if len(classes) == 2 else classes.index(label)
        sign = -1.0 if len(classes) == 2 and label == classes[0] else 1.0
        calibrator = fold.calibrators[index]
        slope = -float(calibrator.a_) if hasattr(calibrator, "a_") else 1.0
        weights.append(sign * slope * estimator.coef_[index])
    return np.mean(weights, axis=0)


def _grouping(columns: np.ndarray) -> tuple[list[str], sparse.csr_matrix]:
    groups = list(dict.fromkeys(columns))
    position = {g: i for i, g in enumerate(groups)}
    rows = np.arange(len(columns))
    cols = np.array([position[c] for c in columns])
    matrix = sparse.csr_matrix((np.ones(len(columns)), (rows, cols)), (len(columns), len(groups)))
    return groups, matrix


def log_odds_contributions(
    pipeline: Pipeline, X: pd.DataFrame, reference: np.ndarray, label: object, text: str
) -> pd.DataFrame:
    """Rows of ``X`` x input columns: each column's contribution to the log-odds of ``label``."""
    columns = input_columns(pipeline, text)
    groups, grouping = _grouping(columns)
    transformed = pipeline[:-1].transform(X)
    classifier = pipeline[-1]
    weights = _linear_weights(classifier, label)
    if weights is not None:
        weighted = grouping.multiply(weights[:, None]).tocsr()
        values = transformed @ weighted - (reference * weights) @ grouping
        values = np.asarray(values)
    else:
        values = _occlusion(classifier, np.asarray(transformed), reference, grouping, label)
    return pd.DataFrame(values, index=X.index, columns=groups)


def _log_odds(classifier: CalibratedClassifierCV, transformed: np.ndarray, label: object):
    column = list(classifier.classes_).index(label)
    proba = classifier.predict_proba(transformed)[:, column]
    return logit(np.clip(proba, _EPS, 1 - _EPS))


def _occlusion(
    classifier: CalibratedClassifierCV,
    transformed: np.ndarray,
    reference: np.ndarray,
    grouping: sparse.csr_matrix,
    label: object,
) -> np.ndarray:
    base = _log_odds(classifier, transformed, label)
    out = np.empty((transformed.shape[0], grouping.shape[1]))
    for g in range(grouping.shape[1]):
        cols = grouping[:, g].nonzero()[0]
        occluded = transformed.copy()
        occluded[:, cols] = reference[cols]
        out[:, g] = base - _log_odds(classifier, occluded, label)
    return out


def top_terms(
    pipeline: Pipeline, X: pd.DataFrame, reference: np.ndarray, label: object, n: int = 3
) -> pd.Series:
    """Per row, the ``n`` n-grams present in its text that raise the log-odds of ``label`` most.

    Logistic regression only (its n-gram weights are exact); other classifiers, whose text
    enters through an SVD, give empty lists.
    """
    weights = _linear_weights(pipeline[-1], label)
    if weights is None:
        return pd.Series([[] for _ in range(len(X))], index=X.index, dtype=object)
    names = pipeline[:-1].get_feature_names_out()
    is_text = np.char.startswith(names.astype(str), "text__")
    transformed = sparse.csr_matrix(pipeline[:-1].transform(X))
    out = []
    for i in range(transformed.shape[0]):
        row = transformed.getrow(i)
        cols = row.indices[is_text[row.indices]]
        gains = (row[:, cols].toarray().ravel() - reference[cols]) * weights[cols]
        best = [cols[k] for k in np.argsort(-gains, kind="stable")[:n] if gains[k] > 0]
        out.append([str(names[c]).split("__", 2)[-1] for c in best])
    return pd.Series(out, index=X.index, dtype=object)
