"""Shared conventions of the feature families.

Every family is a stateless scikit-learn transformer from the canonical inquiry DataFrame to a
pandas DataFrame whose columns are exactly ``get_feature_names_out()``. Numeric features are
float64 with NaN meaning "unknown"; categorical ones are strings.
"""

from __future__ import annotations

import inspect
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils import Tags

from inquiry_quality.core import schema
from inquiry_quality.features.registry import KINDS, NUMERIC_KINDS


def text_column(X: pd.DataFrame, name: str) -> list[str]:
    """Column ``name`` as a list of stripped strings; missing column or value gives ""."""
    if name not in X.columns:
        return [""] * len(X)
    # a loop, not .astype("string").str.strip(): the same strings, without pandas' fixed cost
    # per call (~1 ms, paid by each of the featurizer's ~50 calls on a one-inquiry report)
    return ["" if pd.isna(v) else str(v).strip() for v in X[name].tolist()]


def attachment_names(names: str) -> list[str]:
    """The file names of an ``attachments`` cell (names joined by ``schema.ATTACHMENT_SEP``)."""
    return [n.strip() for n in names.split(schema.ATTACHMENT_SEP.strip()) if n.strip()]


def flag(value: bool | None) -> float:
    """1.0 / 0.0 for a boolean, NaN for None (unknown)."""
    return np.nan if value is None else float(value)


class ParamDefaults:
    """On unpickling, a constructor parameter newer than the pickle gets its default.

    A parameter is only ever added with a default that keeps the earlier behaviour, so a model
    saved before it existed (a registered champion, say) still loads and scores with newer code.
    """

    def __setstate__(self, state: dict[str, Any]) -> None:
        super().__setstate__(state)  # type: ignore[misc]
        for name, param in inspect.signature(type(self).__init__).parameters.items():
            if param.default is not param.empty and name not in self.__dict__:
                setattr(self, name, param.default)


class FeatureFamily(ParamDefaults, TransformerMixin, BaseEstimator):
    """Base of the stateless family extractors: ``fit`` learns nothing."""

    #: the output columns, in order; subclasses set it
    feature_names: Sequence[str] = ()

    def fit(self, X: pd.DataFrame, y: object = None) -> FeatureFamily:
        """Nothing to learn; present for the scikit-learn API."""
        return self

    def __sklearn_tags__(self) -> Tags:
        tags = super().__sklearn_tags__()
        tags.requires_fit = False
        tags.input_tags.two_d_array = False
        tags.input_tags.dataframe = True
        return tags

    def get_feature_names_out(self, input_features: object = None) -> np.ndarray:
        """Names of the output columns (independent of the input columns)."""
        return np.asarray(self.feature_names, dtype=object)

    def transform(self, X: pd.DataFrame) -> pd.DataFrame:
        """Features of every row of ``X`` (a canonical inquiry DataFrame)."""
        if not isinstance(X, pd.DataFrame):
            raise TypeError(f"{type(self).__name__} expects a pandas DataFrame, got {type(X)}")
        return pd.DataFrame(self.typed_columns(X.reset_index(drop=True)), index=X.index)

    def typed_columns(self, X: pd.DataFrame) -> dict[str, np.ndarray]:
        """Each output column as an array of its kind's dtype, for ``X`` with a fresh 0..n-1
        index (``transform`` without its DataFrame)."""
        columns = self._columns(X)
        return {
            name: np.asarray(
                columns[name], dtype=np.float64 if KINDS[name] in NUMERIC_KINDS else object
            )
            for name in self.feature_names
        }

    def _columns(self, X: pd.DataFrame) -> dict[str, list]:
        """Each output column as a list, for ``X`` with a fresh 0..n-1 index."""
        raise NotImplementedError
