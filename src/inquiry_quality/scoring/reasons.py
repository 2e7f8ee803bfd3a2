"""Reasons: the top factors for and against an inquiry, from its own contributions.

A factor is one model input column (a feature, or all n-grams as ``clean_text``) with its
additive log-odds contribution to ``p_genuine`` for this inquiry (``ModelBundle.contributions``).
The strongest positive ones become reasons "for" (``+ ...``), the strongest negative ones
reasons "against" (``- ...``), each said with the feature registry's sentence filled with this
inquiry's values; the text's sentence quotes the inquiry's own strongest n-grams
("Wording typical of genuine inquiries: 'moq', 'fob ningbo'").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache, lru_cache
from typing import Final

import numpy as np
import pandas as pd

from inquiry_quality.core.templates import template_fields
from inquiry_quality.features.registry import BY_NAME, describe, known_values, true_of
from inquiry_quality.features.text import readable

FOR: Final = "+ "
AGAINST: Final = "- "


@cache
def quoted_values(name: str) -> tuple[str, ...]:
    """The row values a feature's sentences quote (its own value included)."""
    feature = BY_NAME.get(name)
    if feature is None:
        return (name,)
    fields = {name}
    for template in (feature.for_sentence, feature.against_sentence):
        fields.update(template_fields(template))
    fields.discard("value")
    return tuple(sorted(fields))


@lru_cache(maxsize=1 << 16)  # continuous values would grow a plain cache
def sentence(name: str, direction: str, values: tuple[tuple[str, object], ...]) -> str:
    """A reason's words; features outside the registry (mapped-in columns) say their value."""
    if name not in BY_NAME:
        value = dict(values).get(name)
        shown = "unknown" if value is None or pd.isna(value) else value
        return f"{name.replace('_', ' ').capitalize()}: {shown}"
    return describe(name, dict(values), direction)  # type: ignore[arg-type]


def top_factors(
    contributions: pd.DataFrame, top: int, min_contribution: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Column indices and values of each row's ``top`` strongest factors for and against.

    Factors weaker than ``min_contribution``, or 0 (unsayable), are masked as -1.
    """
    values = contributions.to_numpy(dtype=float, na_value=0.0)
    k = min(top, values.shape[1])
    up = np.argsort(-values, axis=1, kind="stable")[:, :k]
    down = np.argsort(values, axis=1, kind="stable")[:, :k]
    up_values = np.take_along_axis(values, up, axis=1)
    down_values = np.take_along_axis(values, down, axis=1)
    up = np.where((up_values >= min_contribution) & (up_values > 0), up, -1)
    down = np.where((down_values <= -min_contribution) & (down_values < 0), down, -1)
    return up, up_values, down, down_values


def sayable(contributions: pd.DataFrame, features: pd.DataFrame) -> pd.DataFrame:
    """``contributions`` with the factors no registry sentence states truthfully set to 0.

    A factor for the inquiry is said with its "for" sentence, one against with its "against"
    sentence, and only where that sentence is true of the row (``registry.true_of``): "No
    values with units" only with no units, "Long RE: RE: chain" only from two RE:s on. A
    mapped-in column outside the registry is said only where its value is known.
    """
    values = contributions.to_numpy(dtype=float, na_value=0.0, copy=True)
    for j, name in enumerate(contributions.columns):
        column = values[:, j]  # a view: zeroing it zeroes ``values``
        if name not in BY_NAME:
            if name in features:
                column[~known_values(features[name])] = 0.0
            continue
        for direction, said in (("for", column > 0), ("against", column < 0)):
            if said.any():
                column[said & ~true_of(name, features, direction)] = 0.0
    return pd.DataFrame(values, index=contributions.index, columns=contributions.columns)


def reasons(
    contributions: pd.DataFrame,
    features: pd.DataFrame,
    top: int,
    min_contribution: float,
    quotes: Mapping[tuple[str, str], Sequence[Sequence[str]] | None] | None = None,
) -> list[list[str]]:
    """Per row: ``+ sentence`` for the top factors for, then ``- sentence`` against.

    ``quotes[(column, direction)]`` holds per row the words that make a factor (the text's
    strongest n-grams, ``ModelBundle.predict_and_explain``); its sentence quotes them.
    """
    quotes = {k: list(v) for k, v in (quotes or {}).items() if v is not None}  # by position
    names: Sequence[str] = list(contributions.columns)
    up, _, down, _ = top_factors(sayable(contributions, features), top, min_contribution)
    used = {names[j] for j in np.unique(np.concatenate([up.ravel(), down.ravel()])) if j >= 0}
    fields = {f for name in used for f in quoted_values(name) if f in features}
    columns = {f: _hashable(features[f].to_numpy(dtype=object)) for f in fields}
    quoting = {name: tuple(f for f in quoted_values(name) if f in columns) for name in used}
    out = []
    for i in range(len(contributions)):
        row: list[str] = []
        for picks, direction, mark in ((up[i], "for", FOR), (down[i], "against", AGAINST)):
            for j in picks:
                if j < 0:
                    continue
                name = names[j]
                values = tuple((f, columns[f][i]) for f in quoting[name])
                text = mark + sentence(name, direction, values)
                quoted = quotes.get((name, direction))
                if quoted is not None and len(quoted[i]):
                    text += ": " + ", ".join(f"'{readable(term)}'" for term in quoted[i])
                if text not in row:
                    row.append(text)
        out.append(row)
    return out


def _hashable(values: np.ndarray) -> np.ndarray:
    """NaN and <NA> as None, so equal rows hit the same cache entry."""
    return np.where(pd.isna(values), None, values)
