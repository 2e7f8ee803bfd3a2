"""The issue's honesty bounds: no single cue gives the label away; the oracle is good, not perfect.

Genuine is scored over all history inquiries; an order among genuine inquiries whose deal has
closed (Won or Lost), with the CRM's recorded labels, noise included, as evaluation sees them.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.metrics import roc_auc_score

pytestmark = pytest.mark.slow

RAW_FIELDS = (
    "Source", "Subject", "Contact Name", "Email", "Company Name", "Website", "Telephone", "Fax",
    "Country/Region", "Attachments", "Buyer Level", "Years On Platform",
    "From", "To", "Reply-To", "In-Reply-To", "Content-Type",
)  # fmt: skip
MAX_AUC = {"genuine": 0.85, "convert": 0.75}


def _targets(history: pd.DataFrame) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """(rows scored, label) for each target."""
    genuine = (history["Lead Status"] == "Genuine").to_numpy()
    matured = genuine & history["Deal Stage"].isin(["Won", "Lost"]).to_numpy()
    won = (history["Deal Stage"] == "Won").to_numpy()
    return {"genuine": (np.ones(len(history), bool), genuine), "convert": (matured, won[matured])}


def _two_sided(auc: np.ndarray | float) -> np.ndarray | float:
    return np.maximum(auc, 1 - auc)


def _out_of_fold_rate(values: np.ndarray, label: np.ndarray, min_count: int = 5) -> np.ndarray:
    """Each value's label rate learnt on the other half; values seen < min_count times pooled."""
    fold = np.arange(len(values)) % 2
    score = np.empty(len(values))
    for held_out in (0, 1):
        train, test = fold != held_out, fold == held_out
        counts = pd.Series(values[train]).value_counts()
        frequent = set(counts.index[counts >= min_count])
        key = np.array([v if v in frequent else "<rare>" for v in values[train]])
        rate = pd.Series(label[train]).groupby(key).mean()
        test_key = pd.Series([v if v in frequent else "<rare>" for v in values[test]])
        score[test] = test_key.map(rate).fillna(label[train].mean()).to_numpy()
    return score


def test_oracle_genuine_is_realistic(history: pd.DataFrame) -> None:
    rows, label = _targets(history)["genuine"]
    auc = roc_auc_score(label, history["p_genuine"][rows])
    assert 0.90 <= auc <= 0.97


def test_oracle_convert_is_realistic(history: pd.DataFrame) -> None:
    rows, label = _targets(history)["convert"]
    assert 50 <= label.sum() <= len(label) - 50  # enough orders and losses to measure
    auc = roc_auc_score(label, history["p_convert"][rows])
    assert 0.70 <= auc <= 0.85


@pytest.mark.parametrize("target", ["genuine", "convert"])
def test_no_single_word_reveals_the_label(history: pd.DataFrame, target: str) -> None:
    rows, label = _targets(history)[target]
    text = (history["Subject"] + "\n" + history["body"])[rows]
    vectorizer = CountVectorizer(binary=True, min_df=0.01, token_pattern=r"(?u)\b\w+\b")
    present = vectorizer.fit_transform(text).toarray().astype(bool)
    # AUC of a binary score = 0.5 + (true positive rate - false positive rate) / 2
    auc = _two_sided(0.5 + (present[label].mean(0) - present[~label].mean(0)) / 2)
    worst = vectorizer.get_feature_names_out()[auc.argmax()]
    assert auc.max() < MAX_AUC[target], f"the word {worst!r} alone reaches {auc.max():.3f}"
    assert len(auc) > 200  # the vocabulary really was scanned


@pytest.mark.parametrize("target", ["genuine", "convert"])
@pytest.mark.parametrize("field", RAW_FIELDS)
def test_no_single_field_reveals_the_label(history: pd.DataFrame, target: str, field: str) -> None:
    rows, label = _targets(history)[target]
    values = history[field].astype(str).to_numpy()[rows]
    auc = _two_sided(roc_auc_score(label, _out_of_fold_rate(values, label)))
    assert auc < MAX_AUC[target], f"{field} alone reaches {auc:.3f}"


def test_bodies_are_diverse(history: pd.DataFrame) -> None:
    assert history["body"].nunique() >= 0.95 * len(history)
