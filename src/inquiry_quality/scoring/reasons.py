"""Reasons: the top factors for and against an inquiry, from its own contributions.

A factor is one model input column (a feature, or all n-grams as ``clean_text``) with its
additive log-odds contribution to ``p_genuine`` for this inquiry (``ModelBundle.contributions``).
The strongest positive ones become reasons "for" (``+ ...``), the strongest negative ones
reasons "against" (``- ...``), each said with the feature registry's sentence filled with this
inquiry's values; the text's sentence quotes the inquiry's own strongest n-grams
("Wording typical of genuine inquiries: 'moq', 'fob ningbo'"). Features that state one fact
(``registry.SAME_FACT``: link counts and links elsewhere, a quantity and its size) give one
reason between them, the one with the larger contribution.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache, lru_cache
from typing import Final

import numpy as np
import pandas as pd

from inquiry_quality.core.templates import template_fields
from inquiry_quality.features.registry import (
    BY_NAME,
    CONTEXT_ONLY,
    FACT_OF,
    FEATURES,
    PLURAL_COUNT_NOUN,
    SAME_FACT,
    describe,
    known_values,
    true_of,
)

FOR: Final = "+ "
AGAINST: Final = "- "
QUOTE_START: Final = ": '"  # where a reason's quoted evidence begins


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
        if isinstance(shown, float):
            shown = f"{shown:g}"  # "Years on platform: 2", not 2.0
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


def could_be_said(
    contributions: pd.DataFrame, column: str, direction: str, min_contribution: float
) -> np.ndarray:
    """Per row, whether ``column``'s factor can be among ``top_factors``' picks in
    ``direction`` ("for" or "against"): only then are its quotes read, so only then need
    they be found. The later steps only zero factors, which never makes one pickable."""
    values = contributions[column].to_numpy(dtype=float, na_value=0.0)
    if direction == "for":
        return (values >= min_contribution) & (values > 0)
    return (values <= -min_contribution) & (values < 0)


def sayable(
    contributions: pd.DataFrame, features: pd.DataFrame, min_contribution: float = 0.0
) -> pd.DataFrame:
    """``contributions`` with the factors no registry sentence states truthfully set to 0;
    those weaker than ``min_contribution`` are left as they are (``top_factors`` never picks
    them, nor do they outweigh a pickable one in ``one_per_fact``), unchecked.

    A factor for the inquiry is said with its "for" sentence, one against with its "against"
    sentence, and only where that sentence is true of the row (``registry.true_of``): "No
    values with units" only with no units, "Long RE: RE: chain" only from two RE:s on. A
    mapped-in column outside the registry is said only where its value is known; where the
    buyer is (``registry.CONTEXT_ONLY``) is the region tip's, never a reason.
    """
    values = contributions.to_numpy(dtype=float, na_value=0.0, copy=True)
    for j, name in enumerate(contributions.columns):
        column = values[:, j]  # a view: zeroing it zeroes ``values``
        if name in CONTEXT_ONLY:
            column[:] = 0.0
            continue
        if name not in BY_NAME:
            if name in features:
                column[~known_values(features[name])] = 0.0
            continue
        strong = np.abs(column) >= min_contribution
        for direction, said in (("for", strong & (column > 0)), ("against", strong & (column < 0))):
            if said.any():
                column[said & ~true_of(name, features, direction)] = 0.0
    return pd.DataFrame(values, index=contributions.index, columns=contributions.columns)


def one_per_fact(contributions: pd.DataFrame) -> pd.DataFrame:
    """``contributions`` with, per row and per fact of ``registry.SAME_FACT``, only the member
    with the largest absolute contribution left (ties: the first in the group); the others 0."""
    values = contributions.to_numpy(dtype=float, na_value=0.0, copy=True)
    position = {name: j for j, name in enumerate(contributions.columns)}
    for names in SAME_FACT.values():
        columns = [position[n] for n in names if n in position]
        if len(columns) < 2:
            continue
        group = values[:, columns]
        keep = np.abs(group).argmax(axis=1)
        mask = np.ones_like(group, dtype=bool)
        mask[np.arange(len(group)), keep] = False
        group[mask] = 0.0
        values[:, columns] = group
    return pd.DataFrame(values, index=contributions.index, columns=contributions.columns)


def with_evidence(
    contributions: pd.DataFrame, quotes: Mapping[tuple[str, str], Sequence[Sequence[str]]]
) -> pd.DataFrame:
    """``contributions`` without the wording factors that have nothing to quote: "Wording
    typical of junk" with no wording a rep can read is no reason (``quotes[(column,
    direction)]`` per row; a factor without quotes at all, from a model that gives no terms,
    stays)."""
    values = contributions.to_numpy(dtype=float, na_value=0.0, copy=True)
    position = {name: j for j, name in enumerate(contributions.columns)}
    for (name, direction), quoted in quotes.items():
        if name not in position:
            continue
        column = values[:, position[name]]  # a view
        empty = np.array([len(q) == 0 for q in quoted], dtype=bool)
        column[empty & ((column > 0) if direction == "for" else (column < 0))] = 0.0
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
    strongest meaningful n-grams in their context, ``evidence.quoted_evidence``); its
    sentence quotes them, and without any it is not said.
    """
    quotes = {k: list(v) for k, v in (quotes or {}).items() if v is not None}  # by position
    names: Sequence[str] = list(contributions.columns)
    said = with_evidence(one_per_fact(sayable(contributions, features, min_contribution)), quotes)
    up, _, down, _ = top_factors(said, top, min_contribution)
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
                    terms = ", ".join(f"'{term}'" for term in quoted[i])
                    text += f"{QUOTE_START[:-1]}{terms}"
                if text not in row:
                    row.append(text)
        out.append(row)
    return out


def _hashable(values: np.ndarray) -> np.ndarray:
    """NaN and <NA> as None, so equal rows hit the same cache entry."""
    return np.where(pd.isna(values), None, values)


@cache
def _sentence_patterns() -> tuple[tuple[re.Pattern[str], int, str], ...]:
    """Each registry sentence as a pattern (placeholders match any words), the length of its
    own words and its fact."""
    patterns = []
    for feature in FEATURES:
        for template in dict.fromkeys((feature.for_sentence, feature.against_sentence)):
            template = template[:1].upper() + template[1:]
            parts = re.split(r"\{[^}]*\}", template)
            # a counted noun in either number: "(1 phrase)", "(4 phrases)"
            said = ".+?".join(PLURAL_COUNT_NOUN.sub(r"\1s?", re.escape(p)) for p in parts)
            pattern = re.compile(said + r"\Z", re.DOTALL)
            fact = FACT_OF.get(feature.name, feature.name)
            patterns.append((pattern, sum(map(len, parts)), fact))
    return tuple(patterns)


def reason_words(reason: str) -> str:
    """A reason's sentence without its +/- mark and its quoted evidence."""
    return reason[len(FOR) :].split(QUOTE_START, 1)[0]


@lru_cache(maxsize=1 << 14)
def reason_facts(reason: str) -> frozenset[str]:
    """The facts (``registry.SAME_FACT`` names, else feature names) whose sentence ``reason``
    says, by the most specific sentences it fits; empty for a column outside the registry."""
    words = reason_words(reason)
    fits = [(size, fact) for pattern, size, fact in _sentence_patterns() if pattern.match(words)]
    longest = max((size for size, _ in fits), default=0)
    return frozenset(fact for size, fact in fits if size == longest)


def repeated_facts(row_reasons: Sequence[str]) -> list[str]:
    """The facts that two or more of one inquiry's reasons say (``[]``: each fact once).

    A reason whose words fit several facts' sentences counts only when the others say one
    of them, so only an unambiguous repeat is reported.
    """
    said = [reason_facts(r) for r in row_reasons]
    sure = [next(iter(f)) for f in said if len(f) == 1]
    return sorted({fact for fact in sure if sure.count(fact) > 1})
