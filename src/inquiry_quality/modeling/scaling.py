"""Scaling of the numeric features (``train.numeric_scaling``): ``standard`` or ``log_max_abs``.

Standardising (x - mean) / std lets a rare flag or a long-tailed count dominate a linear
model: a flag set in 1 of 3,000 inquiries becomes a value of about 55, a link count of 70
standard deviations likewise, so one weight can outvote all the text. ``log(1 + |x|)`` tames
long tails and ``MaxAbsScaler`` keeps zeros at zero and flags at 0 or 1, so every numeric
feature lies in [-1, 1] like the unit-length tf-idf rows beside it (``log_max_abs``).
"""

from __future__ import annotations

import numpy as np
from sklearn.base import TransformerMixin
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer, MaxAbsScaler, StandardScaler

SCALINGS = ("standard", "log_max_abs")


def signed_log1p(values: np.ndarray) -> np.ndarray:
    """``sign(x) * log(1 + |x|)``: the identity's shape near 0, logarithmic in the tails."""
    return np.sign(values) * np.log1p(np.abs(values))


def log_max_abs_scaler() -> Pipeline:
    """Signed log, then ``MaxAbsScaler``; output names = input names (for the contributions)."""
    return Pipeline(
        [
            ("log", FunctionTransformer(signed_log1p, feature_names_out="one-to-one")),
            ("max_abs", MaxAbsScaler()),
        ]
    )


def numeric_scaler(scaling: str) -> TransformerMixin:
    """The unfitted scaler named by ``train.numeric_scaling``."""
    if scaling == "standard":
        return StandardScaler()
    if scaling == "log_max_abs":
        return log_max_abs_scaler()
    raise ValueError(f"train.numeric_scaling: {scaling!r} is not one of {SCALINGS}")
