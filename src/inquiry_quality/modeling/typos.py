"""Typing errors, learnt from the training inquiries: a rare word one edit from a common one.

A hurried or careless writer swaps, drops or doubles letters ("qoutation", "quotaton",
"quottation"). No dictionary is needed to see it: the training inquiries themselves say which
words are common (``frequent_df``: in that many inquiries or more); a word one letter dropped,
added, changed or two swapped away from a common word, and at least ``ratio`` times rarer than
it, is taken as a typo of it (a misspelling many writers share, "recieve", stays one; a word
as common as its neighbour, "lights" beside "light", does not). Company names, places and
product codes are rare too, but seldom one letter from a common word. This is the classic
symmetric-delete spelling check (Norvig; SymSpell), with the lexicon of the mailbox it is
applied to, so it works in any language the history holds.

``TypoRate`` is a fitted scikit-learn transformer over the cleaned text column; the model
pipeline gives its two columns (``some_typos``: at least one; ``many_typos``: more than
``many_share`` of the words) the weight of the structured columns (``model.build_pipeline``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

from inquiry_quality.features.base import ParamDefaults

# A plain word of four letters or more, not part of an address, a path or a code.
_WORD = re.compile(r"(?<![\w@./-])[^\W\d_]{4,}(?![\w@./-])")
FEATURE_NAMES = ("some_typos", "many_typos")
_MIN_WORDS = 5  # fewer words: "many" is not judged


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _texts(X: object) -> list[str]:
    """The texts of a column: a Series, a one-column frame or any iterable of strings."""
    if hasattr(X, "iloc") and getattr(X, "ndim", 1) == 2:
        X = X.iloc[:, 0]
    return ["" if t is None or t != t else str(t) for t in X]  # None and NaN: no text


class TypoRate(ParamDefaults, TransformerMixin, BaseEstimator):
    """Per text: whether it has a typo-like word, and whether many of its words are."""

    def __init__(self, frequent_df: int = 50, ratio: float = 20, many_share: float = 0.05) -> None:
        self.frequent_df = frequent_df
        self.ratio = ratio
        self.many_share = many_share

    def fit(self, X: Iterable[str], y: object = None) -> TypoRate:
        df: Counter[str] = Counter()
        for text in _texts(X):
            df.update({w.lower() for w in _WORD.findall(text)})
        frequent = {w: n for w, n in df.items() if n >= self.frequent_df}
        one_deleted: dict[str, int] = {}  # a common word less one letter -> its count (max)
        for word, n in frequent.items():
            for variant in _deletes(word):
                one_deleted[variant] = max(one_deleted.get(variant, 0), n)
        # sorted: the sets above iterate in string-hash order, which differs between processes
        self.df_ = dict(sorted(df.items()))
        self.frequent_ = dict(sorted(frequent.items()))
        self.one_deleted_ = dict(sorted(one_deleted.items()))
        self.n_features_in_ = 1
        return self

    def neighbour_df(self, word: str) -> int:
        """In how many training texts the most common word one letter from ``word`` is."""
        best = self.one_deleted_.get(word, 0)  # a letter dropped
        for variant in _deletes(word):  # a letter added (doubled), changed, or two swapped
            best = max(best, self.frequent_.get(variant, 0), self.one_deleted_.get(variant, 0))
        return best

    def is_typo(self, word: str) -> bool:
        """A word that is not common itself but ``ratio`` times rarer than a common word one
        letter from it."""
        if word in self.frequent_:
            return False
        return self.neighbour_df(word) >= self.ratio * max(self.df_.get(word, 0), 1)

    def transform(self, X: Iterable[str]) -> np.ndarray:
        rows = []
        verdicts: dict[str, bool] = {}  # per call: words recur across texts, memory stays flat
        for text in _texts(X):
            words = [w.lower() for w in _WORD.findall(text)]
            typos = 0
            for word in words:
                typo = verdicts.get(word)
                if typo is None:
                    typo = verdicts[word] = self.is_typo(word)
                typos += typo
            many = len(words) >= _MIN_WORDS and typos > self.many_share * len(words)
            rows.append((float(typos > 0), float(many)))
        return np.asarray(rows, dtype=float).reshape(-1, len(FEATURE_NAMES))

    def get_feature_names_out(self, input_features: object = None) -> np.ndarray:
        return np.asarray(FEATURE_NAMES, dtype=object)
