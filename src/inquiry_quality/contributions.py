"""Per-inquiry contributions of each input column to a head's log-odds.

A contribution is measured against a reference inquiry: the mean of the transformed training
rows. Every transformed column belongs to one input column (a numeric feature and its missing
indicator, a categorical feature's one-hot columns, and all word and character n-grams of the
text, which together form the one input column ``clean_text``).

- Logistic regression and the linear SVM (exact for each calibration fold): the calibrated
  log-odds of a fold are ``slope * (coef . x) + intercept`` (``slope = -a`` of Platt's
  sigmoid; 1 for isotonic, whose contributions are then in decision-function units), so
  column j contributes
  ``slope * coef_j * (x_j - reference_j)``; the folds' weights are averaged.
- ``SubtypeLogisticRegression`` (the genuine head over junk types): its log-odds
  ``z_pos - logsumexp(z_k)`` are linearised at the row: column j contributes
  ``slope * (coef_pos,j - sum_k pi_k coef_k,j) * (x_j - reference_j)``, ``pi_k`` the row's
  softmax share of subtype k among the negative subtypes. Exact when one subtype dominates the
  row (the common case); otherwise the sum slightly overstates the total difference.
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
from sklearn.svm import LinearSVC

from inquiry_quality.model import CATEGORY_SEP, SubtypeLogisticRegression

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
        if not isinstance(estimator, LogisticRegression | LinearSVC):
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


def _subtype_terms(
    classifier: CalibratedClassifierCV, transformed: Any, label: object
) -> list[tuple[np.ndarray, np.ndarray]] | None:
    """Per fold: (coef [subclass, column], mix [row, subclass]) with log-odds of ``label``
    linearised as ``sum_k mix[:, k] * coef[k] . (x - reference)``; None if not subtyped."""
    terms = []
    for fold in classifier.calibrated_classifiers_:
        estimator = fold.estimator
        if not isinstance(estimator, SubtypeLogisticRegression):
            return None
        sign = 1.0 if label == estimator.classes_[1] else -1.0
        calibrator = fold.calibrators[0]
        slope = -float(calibrator.a_) if hasattr(calibrator, "a_") else 1.0
        z = estimator.subclass_logits(transformed)
        z[:, estimator.positive_index_] = -np.inf
        share = np.exp(z - z.max(axis=1, keepdims=True))
        share /= share.sum(axis=1, keepdims=True)
        mix = -share
        mix[:, estimator.positive_index_] = 1.0
        terms.append((estimator.coef_, sign * slope * mix))
    return terms


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
    subtype_terms = _subtype_terms(classifier, transformed, label)
    weights = None if subtype_terms else _linear_weights(classifier, label)
    if subtype_terms:
        values = np.zeros((transformed.shape[0], grouping.shape[1]))
        for coef, mix in subtype_terms:
            for k in range(coef.shape[0]):
                weighted = grouping.multiply(coef[k][:, None]).tocsr()
                per_group = transformed @ weighted - (reference * coef[k]) @ grouping
                values += mix[:, [k]] * np.asarray(per_group)
        values /= len(subtype_terms)
    elif weights is not None:
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

    Linear models only (logistic regression, the linear SVM: their n-gram weights are exact);
    other classifiers, whose text enters through an SVD, give empty lists. Character n-grams
    mean nothing to a reader and are left out.
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
    gains = _word_gains(pipeline, transformed, reference, label)
    return _top_by_row(gains, n, index)


def transformed_terms_for_and_against(
    pipeline: Pipeline,
    transformed: Any,
    index: pd.Index,
    reference: np.ndarray,
    label: object,
    n: int = 3,
) -> tuple[pd.Series, pd.Series]:
    """The n-grams raising ``label``'s log-odds most, and those lowering it most.

    One computation for both: what lowers a binary head's positive class raises its negative.
    """
    gains = _word_gains(pipeline, transformed, reference, label)
    opposite = None if gains is None else (*gains[:3], -gains[3])
    return _top_by_row(gains, n, index), _top_by_row(opposite, n, index)


def _word_gains(
    pipeline: Pipeline, transformed: Any, reference: np.ndarray, label: object
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None:
    """(names, rows, columns, log-odds gains) of every word n-gram present in a row; None
    where the classifier has no exact n-gram weights (not a linear model)."""
    if not sparse.issparse(transformed):
        return None
    subtype_terms = _subtype_terms(pipeline[-1], transformed, label)
    weights = None if subtype_terms else _linear_weights(pipeline[-1], label)
    if weights is None and not subtype_terms:
        return None
    names = pipeline[:-1].get_feature_names_out().astype(str)
    is_word = np.char.startswith(names, WORD_PREFIX)
    matrix = sparse.csr_matrix(transformed)
    rows = np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr))
    words = is_word[matrix.indices]
    rows, cols = rows[words], matrix.indices[words]
    if subtype_terms:  # the row's own linearised weight of each of its n-grams
        row_weights = np.zeros(len(cols))
        for coef, mix in subtype_terms:
            row_weights += np.einsum("nk,kn->n", mix[rows], coef[:, cols])
        row_weights /= len(subtype_terms)
    else:
        row_weights = weights[cols]
    return names, rows, cols, (matrix.data[words] - reference[cols]) * row_weights


def _top_by_row(
    gains: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None, n: int, index: pd.Index
) -> pd.Series:
    """Per row, the names of its ``n`` n-grams with the largest positive gain."""
    out: list[list[str]] = [[] for _ in range(len(index))]
    if gains is None:
        return pd.Series(out, index=index, dtype=object)
    names, rows, cols, gain = gains
    raising = gain > 0
    rows, cols, gain = rows[raising], cols[raising], gain[raising]
    order = np.lexsort((-gain, rows))  # by row, the strongest first
    rows, cols = rows[order], cols[order]
    rank = np.arange(len(rows)) - np.searchsorted(rows, rows)
    for row, col in zip(rows[rank < n].tolist(), cols[rank < n].tolist(), strict=True):
        out[row].append(names[col][len(WORD_PREFIX) :])
    return pd.Series(out, index=index, dtype=object)
