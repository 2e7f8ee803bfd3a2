"""Fixed bins for one column and the counts of a batch in them: what drift compares.

A ``Bins`` is decided once, on the training data (quantile edges of a number, the frequent
labels of a category), and then every batch is counted into the same bins, chunk by chunk:
the counts of two chunks add up to the counts of both, so memory stays flat in a batch's size.
Each count vector is the bins, then (categories only) "other", then "blank" (NaN, <NA>, or an
unknown label such as ""). No value of a row is kept: a category is named only when at least
``min_rows`` training rows share it.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any, Final

import numpy as np
import pandas as pd

from inquiry_quality.features.registry import known_values

NUMERIC: Final = "numeric"
CATEGORICAL: Final = "categorical"
OTHER: Final = "other"
BLANK: Final = "blank"


def blank_mask(values: pd.Series) -> np.ndarray:
    """Per value: NaN, <NA>, or an unknown label ("", "none", "unknown", ...)."""
    return ~known_values(values)


@dataclass(frozen=True)
class Bins:
    """The bins of one column: ``edges`` of a number (bin i holds edges[i-1] < x <= edges[i])
    or the ``categories`` a category names (everything else is "other")."""

    kind: str
    edges: tuple[float, ...] = ()
    categories: tuple[str, ...] = ()

    @classmethod
    def numeric(cls, values: pd.Series, n_bins: int) -> Bins:
        """Edges at the quantiles of the known values (ties merged: a flag gets two bins)."""
        known = pd.to_numeric(values, errors="coerce").to_numpy(float, na_value=np.nan)
        known = known[np.isfinite(known)]
        if not len(known):
            return cls(NUMERIC)
        quantiles = np.quantile(known, np.linspace(0, 1, n_bins + 1)[1:-1], method="inverted_cdf")
        return cls(NUMERIC, edges=tuple(float(e) for e in np.unique(quantiles)))

    @classmethod
    def categorical(cls, values: pd.Series, max_categories: int, min_rows: int) -> Bins:
        """The ``max_categories`` most frequent labels that ``min_rows`` rows share at least."""
        labels = values[~blank_mask(values)].astype(str)
        counts = labels.value_counts(sort=False)
        counts = counts[counts >= min_rows]
        order = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:max_categories]
        return cls(CATEGORICAL, categories=tuple(label for label, _ in order))

    @property
    def labels(self) -> list[str]:
        """A name per count: the bins, "other" (categories), "blank"."""
        if self.kind == CATEGORICAL:
            return [*self.categories, OTHER, BLANK]
        bounds = ["-inf", *(f"{e:.4g}" for e in self.edges), "inf"]
        return [f"({lo}, {hi}]" for lo, hi in itertools.pairwise(bounds)] + [BLANK]

    def count(self, values: pd.Series) -> np.ndarray:
        """Counts of ``values`` per label (``labels``)."""
        blank = blank_mask(values)
        if self.kind == NUMERIC:
            numbers = pd.to_numeric(values, errors="coerce").to_numpy(float, na_value=np.nan)
            blank |= ~np.isfinite(numbers)
            index = np.searchsorted(np.asarray(self.edges, float), numbers[~blank], side="left")
        else:
            position = {label: i for i, label in enumerate(self.categories)}
            labels = values[~blank].astype(str)
            index = labels.map(position).fillna(len(self.categories)).to_numpy(int)
        size = len(self.labels)
        counts = np.bincount(index, minlength=size - 1).astype(np.int64)
        return np.append(counts, np.int64(blank.sum()))

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind}
        if self.kind == NUMERIC:
            out["edges"] = list(self.edges)
        else:
            out["categories"] = list(self.categories)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Bins:
        return cls(
            data["kind"],
            edges=tuple(float(e) for e in data.get("edges", ())),
            categories=tuple(str(c) for c in data.get("categories", ())),
        )
