"""A profile: counts of a set of inquiries in fixed bins, added up chunk by chunk.

The training reference and every scored batch are profiles over the same ``Layout`` (the bins
of each structured feature and score, the canonical input columns, the reasons): counting a
chunk gives a profile, and profiles add up (``+``), so a batch of any size is profiled with
memory flat in its size, in one process or many.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Final

import numpy as np
import pandas as pd

from inquiry_quality.core import schema
from inquiry_quality.evaluation.histograms import Bins, blank_mask

#: the groups of binned columns: model inputs, and what the heads said
GROUPS = ("features", "scores")
ROWS: Final = "rows"  # a channel's row count among its input blank counts
UNKNOWN_CHANNEL: Final = "unknown"


def _added_counts(a: Mapping[str, int], b: Mapping[str, int]) -> dict[str, int]:
    return {k: a.get(k, 0) + b.get(k, 0) for k in {**a, **b}}


@dataclass(frozen=True)
class Layout:
    """The bins of every profiled column, and the canonical inputs whose blanks are counted."""

    features: dict[str, Bins]
    scores: dict[str, Bins]
    inputs: tuple[str, ...]

    def group(self, name: str) -> dict[str, Bins]:
        return self.features if name == "features" else self.scores

    def to_dict(self) -> dict[str, Any]:
        return {
            **{g: {c: b.to_dict() for c, b in self.group(g).items()} for g in GROUPS},
            "inputs": list(self.inputs),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Layout:
        features, scores = ({c: Bins.from_dict(b) for c, b in data[g].items()} for g in GROUPS)
        return cls(features, scores, tuple(data["inputs"]))


@dataclass
class Profile:
    """Counts per bin of each column (``Layout``), blank inputs, reasons; see the module doc."""

    rows: int = 0
    features: dict[str, np.ndarray] = field(default_factory=dict)
    scores: dict[str, np.ndarray] = field(default_factory=dict)
    #: per channel: its ``ROWS`` and per canonical input column the rows that left it blank
    #: (channels carry different fields: an e-mail has no country column)
    inputs: dict[str, dict[str, int]] = field(default_factory=dict)
    #: per reason ("+ feature" for, "- feature" against): rows that give it
    reasons: Counter[str] = field(default_factory=Counter)

    def group(self, name: str) -> dict[str, np.ndarray]:
        return self.features if name == "features" else self.scores

    def __add__(self, other: Profile) -> Profile:
        def added(a: dict[str, np.ndarray], b: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
            return {k: a.get(k, 0) + b.get(k, 0) for k in {**a, **b}}

        return Profile(
            self.rows + other.rows,
            added(self.features, other.features),
            added(self.scores, other.scores),
            {
                channel: _added_counts(self.inputs.get(channel, {}), other.inputs.get(channel, {}))
                for channel in {**self.inputs, **other.inputs}
            },
            self.reasons + other.reasons,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "rows": self.rows,
            **{g: {c: v.tolist() for c, v in self.group(g).items()} for g in GROUPS},
            "inputs": {c: dict(sorted(v.items())) for c, v in sorted(self.inputs.items())},
            "reasons": dict(sorted(self.reasons.items())),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Profile:
        features, scores = (
            {c: np.asarray(v, dtype=np.int64) for c, v in data[g].items()} for g in GROUPS
        )
        return cls(
            int(data["rows"]),
            features,
            scores,
            {c: dict(v) for c, v in data["inputs"].items()},
            Counter(data["reasons"]),
        )


def profile_chunk(
    layout: Layout,
    raw: pd.DataFrame,
    features: pd.DataFrame,
    scores: pd.DataFrame,
    reasons: Iterable[Iterable[str]],
) -> Profile:
    """The profile of one chunk: ``raw`` canonical inquiries, their model ``features``, the
    heads' ``scores`` and per row its reason keys (``+ feature`` / ``- feature``).

    A column a frame lacks counts as blank for every row (a broken mapping is a drift).
    """
    n = len(raw)

    def counted(frame: pd.DataFrame, bins: Mapping[str, Bins]) -> dict[str, np.ndarray]:
        missing = pd.Series(np.nan, index=frame.index, dtype="float64")
        return {c: b.count(frame.get(c, missing)) for c, b in bins.items()}

    channels = (
        raw[schema.CHANNEL].astype(object).where(raw[schema.CHANNEL].notna(), UNKNOWN_CHANNEL)
        if schema.CHANNEL in raw
        else pd.Series(UNKNOWN_CHANNEL, index=raw.index)
    )
    inputs = {}
    for channel, rows in raw.groupby(channels.to_numpy(), sort=True):
        blanks = {
            c: int(blank_mask(rows[c]).sum()) if c in rows else len(rows) for c in layout.inputs
        }
        inputs[str(channel)] = {ROWS: len(rows), **blanks}
    counted_reasons: Counter[str] = Counter()
    for keys in reasons:
        counted_reasons.update(set(keys))
    return Profile(
        n,
        counted(features, layout.features),
        counted(scores, layout.scores),
        inputs,
        counted_reasons,
    )
