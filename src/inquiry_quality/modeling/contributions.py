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

import weakref
from dataclasses import dataclass
from typing import Any, Final

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.special import logit
from sklearn.calibration import CalibratedClassifierCV
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.svm import LinearSVC

from inquiry_quality.modeling.pipeline import CATEGORY_SEP, TYPOS, SubtypeLogisticRegression

_EPS = 1e-6
WORD_PREFIX: Final = "text__words__"  # transformed names of the word n-grams


_NAMES: weakref.WeakKeyDictionary[Pipeline, np.ndarray] = weakref.WeakKeyDictionary()


def transformed_names(pipeline: Pipeline) -> np.ndarray:
    """The names of a fitted pipeline's transformed columns, as strings; computed once per
    pipeline (scikit-learn rebuilds ~10k names on every call: most of a one-inquiry score)."""
    names = _NAMES.get(pipeline)
    if names is None:
        names = _NAMES[pipeline] = pipeline[:-1].get_feature_names_out().astype(str)
    return names


def input_columns(pipeline: Pipeline, text: str) -> np.ndarray:
    """The input column of every transformed column of a fitted pipeline."""
    names = transformed_names(pipeline)
    out = []
    for name in names:
        branch, _, column = str(name).partition("__")
        if branch in ("text", TYPOS):
            out.append(text)
        elif branch == "categorical":
            out.append(column.split(CATEGORY_SEP, 1)[0])
        else:
            out.append(column.removeprefix("missingindicator_"))
    return np.asarray(out, dtype=object)


def _slope(calibrator: Any) -> float:
    """The calibrated log-odds per decision-function unit: ``-a`` of Platt's sigmoid, 1 for
    isotonic."""
    return -float(calibrator.a_) if hasattr(calibrator, "a_") else 1.0


def _linear_terms(
    classifier: CalibratedClassifierCV, transformed: Any, label: object
) -> tuple[np.ndarray, np.ndarray] | None:
    """(coef [term, column], mix [row, term]): the log-odds of ``label``, averaged over the
    calibration folds and linearised at each row as ``sum_j mix[:, j] * coef[j] . (x - ref)``;
    None when the folds are not linear models.

    A logistic regression or linear SVM fold is one term with a constant mix (its slope); a
    ``SubtypeLogisticRegression`` fold is one term per subclass, mixed by the row's shares.
    """
    rows = transformed.shape[0]
    constant: list[np.ndarray] = []
    coefs, mixes = [], []
    for fold in classifier.calibrated_classifiers_:
        estimator = fold.estimator
        if isinstance(estimator, SubtypeLogisticRegression):
            sign = 1.0 if label == estimator.classes_[1] else -1.0
            slope = _slope(fold.calibrators[0])
            z = estimator.subclass_logits(transformed)
            z[:, estimator.positive_index_] = -np.inf
            share = np.exp(z - z.max(axis=1, keepdims=True))
            share /= share.sum(axis=1, keepdims=True)
            mix = -share
            mix[:, estimator.positive_index_] = 1.0
            coefs.append(estimator.coef_)
            mixes.append(sign * slope * mix)
        elif isinstance(estimator, LogisticRegression | LinearSVC):
            classes = list(estimator.classes_)
            if label not in classes:
                continue
            index = 0 if len(classes) == 2 else classes.index(label)
            sign = -1.0 if len(classes) == 2 and label == classes[0] else 1.0
            slope = _slope(fold.calibrators[index])
            constant.append(sign * slope * estimator.coef_[index])
        else:
            return None
    folds = len(constant) + len(mixes)
    if constant:
        coefs.append(np.sum(constant, axis=0)[None, :])
        mixes.append(np.ones((rows, 1)))
    return np.vstack(coefs), np.hstack(mixes) / folds


@dataclass(frozen=True)
class Grouping:
    """The input columns in order of appearance, each with its transformed columns (as
    index arrays and as a transformed-columns x groups 0/1 matrix)."""

    groups: list[str]
    members: list[np.ndarray]
    indicator: sparse.csr_matrix


_GROUPS: weakref.WeakKeyDictionary[Pipeline, dict[str, Grouping]] = weakref.WeakKeyDictionary()


def _grouping(pipeline: Pipeline, text: str) -> Grouping:
    """The grouping of a fitted pipeline's transformed columns by input column; computed once
    per pipeline (a loop over ~10k names: ~20 ms of a one-inquiry score)."""
    cached = _GROUPS.setdefault(pipeline, {})
    if text not in cached:
        columns = input_columns(pipeline, text)
        groups = list(dict.fromkeys(columns))
        position = {g: i for i, g in enumerate(groups)}
        which = np.array([position[c] for c in columns])
        indicator = sparse.csr_matrix(
            (np.ones(len(which)), (np.arange(len(which)), which)), (len(which), len(groups))
        )
        members = [np.flatnonzero(which == g) for g in range(len(groups))]
        cached[text] = Grouping(groups, members, indicator)
    return cached[text]


def log_odds_contributions(
    pipeline: Pipeline, X: pd.DataFrame, reference: np.ndarray, label: object, text: str
) -> pd.DataFrame:
    """Rows of ``X`` x input columns: each column's contribution to the log-odds of ``label``."""
    transformed = pipeline[:-1].transform(X)
    terms = _linear_terms(pipeline[-1], transformed, label)
    return _contributions(pipeline, transformed, X.index, reference, label, text, terms)


def transformed_explanation(
    pipeline: Pipeline,
    transformed: Any,
    index: pd.Index,
    reference: np.ndarray,
    label: object,
    text: str,
    n: int = 3,
) -> tuple[pd.DataFrame, pd.Series, pd.Series]:
    """From rows the pipeline's transformer already transformed, with one linearisation:
    ``log_odds_contributions``, the ``n`` n-grams raising ``label``'s log-odds most and the
    ``n`` lowering it most (what lowers a binary head's positive class raises its negative)."""
    terms = _linear_terms(pipeline[-1], transformed, label)
    contributions = _contributions(pipeline, transformed, index, reference, label, text, terms)
    gains = None if terms is None else _word_gains(pipeline, transformed, reference, terms)
    opposite = None if gains is None else (*gains[:3], -gains[3])
    return contributions, _top_by_row(gains, n, index), _top_by_row(opposite, n, index)


def _contributions(
    pipeline: Pipeline,
    transformed: Any,
    index: pd.Index,
    reference: np.ndarray,
    label: object,
    text: str,
    terms: tuple[np.ndarray, np.ndarray] | None,
) -> pd.DataFrame:
    """Contributions from the classifier's ``_linear_terms`` (None: by occlusion): per group
    of columns, ``sum_t mix[:, t] * coef[t] . (x - ref)`` over the group's columns, all groups
    at once through the grouping's indicator matrix."""
    grouping = _grouping(pipeline, text)
    if terms is None:
        members = grouping.members
        values = _occlusion(pipeline[-1], np.asarray(transformed), reference, members, label)
    else:
        coef, mix = terms
        at_reference, weights = _group_weights(pipeline, text, label, reference, coef)
        values = -mix @ at_reference  # rows x groups
        for t, weight in enumerate(weights):
            by_group = transformed @ weight
            values += mix[:, [t]] * (
                by_group.toarray() if sparse.issparse(by_group) else np.asarray(by_group)
            )
    return pd.DataFrame(values, index=index, columns=grouping.groups)


@dataclass(frozen=True)
class _GroupWeights:
    reference: np.ndarray
    at_reference: np.ndarray  # terms x groups: each term's coef . reference, per group
    weights: list[sparse.csr_matrix]  # per term: transformed columns x groups, coef-weighted


_WEIGHTS: weakref.WeakKeyDictionary[Pipeline, dict[tuple[str, object], _GroupWeights]] = (
    weakref.WeakKeyDictionary()
)


def _group_weights(
    pipeline: Pipeline, text: str, label: object, reference: np.ndarray, coef: np.ndarray
) -> tuple[np.ndarray, list[sparse.csr_matrix]]:
    """The grouping's indicator weighted by each linear term's coefficients, and the terms at
    the reference; computed once per pipeline, text column, label and reference (the
    coefficients are the fitted pipeline's: ~5 ms of a one-inquiry score)."""
    cached = _WEIGHTS.setdefault(pipeline, {})
    found = cached.get((text, label))
    if found is None or found.reference is not reference:
        indicator = _grouping(pipeline, text).indicator
        found = cached[(text, label)] = _GroupWeights(
            reference,
            (indicator.T @ (coef * reference).T).T,
            [indicator.multiply(coef[t][:, None]).tocsr() for t in range(coef.shape[0])],
        )
    return found.at_reference, found.weights


def _log_odds(classifier: CalibratedClassifierCV, transformed: np.ndarray, label: object):
    column = list(classifier.classes_).index(label)
    proba = classifier.predict_proba(transformed)[:, column]
    return logit(np.clip(proba, _EPS, 1 - _EPS))


def _occlusion(
    classifier: CalibratedClassifierCV,
    transformed: np.ndarray,
    reference: np.ndarray,
    members: list[np.ndarray],
    label: object,
) -> np.ndarray:
    base = _log_odds(classifier, transformed, label)
    out = np.empty((transformed.shape[0], len(members)))
    for g, cols in enumerate(members):
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
    terms = _linear_terms(pipeline[-1], transformed, label)
    gains = None if terms is None else _word_gains(pipeline, transformed, reference, terms)
    return _top_by_row(gains, n, X.index)


def _word_gains(
    pipeline: Pipeline,
    transformed: Any,
    reference: np.ndarray,
    terms: tuple[np.ndarray, np.ndarray],
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(names, rows, columns, log-odds gains) of every word n-gram present in a row, from the
    classifier's ``_linear_terms``. The transformed rows may be dense (few columns): only the
    n-grams present count."""
    coef, mix = terms
    names = transformed_names(pipeline)
    is_word = np.char.startswith(names, WORD_PREFIX)
    matrix = sparse.csr_matrix(transformed)
    rows = np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr))
    words = is_word[matrix.indices]
    rows, cols = rows[words], matrix.indices[words]
    row_weights = np.zeros(len(cols))  # the row's own linearised weight of each of its n-grams
    for term_coef, term_mix in zip(coef, mix.T, strict=True):
        row_weights += term_mix[rows] * term_coef[cols]
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
