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

from typing import Any, Final

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.special import logit
from sklearn.calibration import CalibratedClassifierCV
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline

from inquiry_quality.model import CATEGORY_SEP

_EPS = 1e-6
WORD_PREFIX: Final = "text__words__"  # transformed names of the word n-grams


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
    transformed = pipeline[:-1].transform(X)
    return transformed_contributions(pipeline, transformed, X.index, reference, label, text)


def transformed_contributions(
    pipeline: Pipeline,
    transformed: Any,
    index: pd.Index,
    reference: np.ndarray,
    label: object,
    text: str,
) -> pd.DataFrame:
    """``log_odds_contributions`` from rows the pipeline's transformer already transformed."""
    columns = input_columns(pipeline, text)
    groups, grouping = _grouping(columns)
    classifier = pipeline[-1]
    weights = _linear_weights(classifier, label)
    if weights is not None:
        weighted = grouping.multiply(weights[:, None]).tocsr()
        values = transformed @ weighted - (reference * weights) @ grouping
        values = np.asarray(values)
    else:
        values = _occlusion(classifier, np.asarray(transformed), reference, grouping, label)
    return pd.DataFrame(values, index=index, columns=groups)


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
    """Per row, the ``n`` word n-grams of its text that raise the log-odds of ``label`` most.

    Logistic regression only (its n-gram weights are exact); other classifiers, whose text
    enters through an SVD, give empty lists. Character n-grams mean nothing to a reader and
    are left out.
    """
    transformed = pipeline[:-1].transform(X)
    return transformed_top_terms(pipeline, transformed, X.index, reference, label, n)


def transformed_top_terms(
    pipeline: Pipeline,
    transformed: Any,
    index: pd.Index,
    reference: np.ndarray,
    label: object,
    n: int = 3,
) -> pd.Series:
    """``top_terms`` from rows the pipeline's transformer already transformed (vectorized)."""
    out: list[list[str]] = [[] for _ in range(len(index))]
    weights = _linear_weights(pipeline[-1], label)
    if weights is None or not sparse.issparse(transformed):
        return pd.Series(out, index=index, dtype=object)
    names = pipeline[:-1].get_feature_names_out().astype(str)
    is_word = np.char.startswith(names, WORD_PREFIX)
    matrix = sparse.csr_matrix(transformed)
    rows = np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr))
    words = is_word[matrix.indices]
    rows, cols = rows[words], matrix.indices[words]
    gains = (matrix.data[words] - reference[cols]) * weights[cols]
    raising = gains > 0
    rows, cols, gains = rows[raising], cols[raising], gains[raising]
    order = np.lexsort((-gains, rows))  # by row, the strongest first
    rows, cols = rows[order], cols[order]
    rank = np.arange(len(rows)) - np.searchsorted(rows, rows)
    for row, col in zip(rows[rank < n].tolist(), cols[rank < n].tolist(), strict=True):
        out[row].append(names[col][len(WORD_PREFIX) :])
    return pd.Series(out, index=index, dtype=object)
