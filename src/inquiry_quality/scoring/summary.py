"""What a scored batch holds: counts per tier and region, top reasons, quarantine, outcomes."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

import numpy as np
import pandas as pd

from inquiry_quality.core import schema
from inquiry_quality.evaluation.drift import summary_line
from inquiry_quality.ingest.outcomes import Outcomes, normalise_keys
from inquiry_quality.scoring.reasons import FOR
from inquiry_quality.scoring.tiers import TIER_WHEN, TIERS

_DETAIL = re.compile(r"\s*\([^)]*\)")


def reason_kind(reason: str) -> str:
    """A reason without the inquiry's own values, so reasons can be counted across rows."""
    return _DETAIL.sub("", reason).strip()


@dataclass
class TierOutcomes:
    """Known outcomes per tier: how many were genuine, how many became orders."""

    rows: Counter[str] = field(default_factory=Counter)
    labelled: Counter[str] = field(default_factory=Counter)
    genuine: Counter[str] = field(default_factory=Counter)
    converted_known: Counter[str] = field(default_factory=Counter)
    converted: Counter[str] = field(default_factory=Counter)

    def add(self, scored: pd.DataFrame, outcomes: list[Outcomes]) -> None:
        keys = normalise_keys(scored[schema.INQUIRY_ID])
        genuine = pd.Series(np.nan, index=scored.index)
        converted = pd.Series(np.nan, index=scored.index)
        for outcome in outcomes:
            labels = outcome.labels.reindex(keys.to_numpy())
            labels.index = scored.index
            genuine = genuine.fillna(labels[schema.IS_GENUINE].astype("float64"))
            converted = converted.fillna(labels[schema.CONVERTED].astype("float64"))
        for tier, g, c in zip(scored[schema.TIER], genuine, converted, strict=True):
            self.rows[tier] += 1
            if not np.isnan(g):
                self.labelled[tier] += 1
                self.genuine[tier] += int(g == 1)
            if not np.isnan(c):
                self.converted_known[tier] += 1
                self.converted[tier] += int(c == 1)

    def to_dict(self) -> dict[str, Any]:
        out = {}
        for tier in TIERS:
            labelled, known = self.labelled[tier], self.converted_known[tier]
            out[tier] = {
                "inquiries": self.rows[tier],
                "with_outcome": labelled,
                "genuine_share": round(self.genuine[tier] / labelled, 4) if labelled else None,
                "orders": self.converted[tier],
                "converted_share": round(self.converted[tier] / known, 4) if known else None,
            }
        return out


@dataclass
class BatchSummary:
    """Counts of one scoring run; ``rows_in == scored + quarantined`` when nothing was lost."""

    rows_in: int = 0
    scored: int = 0
    quarantined: int = 0
    tiers: Counter[str] = field(default_factory=Counter)
    regions: Counter[str] = field(default_factory=Counter)
    reasons_for: Counter[str] = field(default_factory=Counter)
    reasons_against: Counter[str] = field(default_factory=Counter)
    quarantine_reasons: Counter[str] = field(default_factory=Counter)
    flags: Counter[str] = field(default_factory=Counter)  # rows scored, but worth a look
    sources: list[dict[str, Any]] = field(default_factory=list)
    outcomes: TierOutcomes | None = None
    #: the batch's drift report (``evaluation.drift``), when it was asked for
    drift: dict[str, Any] | None = None

    @property
    def reconciles(self) -> bool:
        return self.rows_in == self.scored + self.quarantined

    def add_scored(self, scored: pd.DataFrame) -> None:
        self.scored += len(scored)
        self.tiers.update(scored[schema.TIER].tolist())
        self.regions.update(scored[schema.REGION].tolist())
        for reason, count in Counter(chain.from_iterable(scored[schema.REASONS])).items():
            target = self.reasons_for if reason.startswith(FOR) else self.reasons_against
            target[reason_kind(reason[len(FOR) :])] += count

    def add_quarantine(self, quarantine: pd.DataFrame) -> None:
        self.quarantined += len(quarantine)
        self.quarantine_reasons.update(quarantine["reason"].astype(str).tolist())

    def to_dict(self, top: int = 5) -> dict[str, Any]:
        """JSON-ready; DVC shows its numbers with ``dvc metrics show``."""
        out: dict[str, Any] = {
            "rows_in": self.rows_in,
            "scored": self.scored,
            "quarantined": self.quarantined,
            "reconciles": self.reconciles,
            "tiers": {t: self.tiers[t] for t in TIERS},
            "regions": dict(self.regions.most_common()),
            "top_reasons_for": dict(self.reasons_for.most_common(top)),
            "top_reasons_against": dict(self.reasons_against.most_common(top)),
            "quarantine_reasons": dict(self.quarantine_reasons.most_common()),
            "flags": dict(self.flags.most_common()),
            "sources": self.sources,
        }
        if self.outcomes is not None:
            out["tier_outcomes"] = self.outcomes.to_dict()
        if self.drift is not None:
            out["drift"] = {"verdict": self.drift["verdict"], "top": self.drift["top"]}
        return out


def format_summary(summary: BatchSummary, top: int = 5) -> str:
    """The summary as a sales-ops person reads it at the end of a run."""
    lines = [
        f"Read {summary.rows_in} inquiries: {summary.scored} scored, "
        f"{summary.quarantined} quarantined"
        + ("" if summary.reconciles else "  (COUNTS DO NOT RECONCILE)"),
    ]
    lines += [
        f"  {s['source']}: read as {s['format']} in {s['encoding']}"
        for s in summary.sources
        if s.get("encoding")
    ]
    lines += ["", "By tier:"]
    width = max(len(t) for t in TIERS)
    outcomes = summary.outcomes.to_dict() if summary.outcomes else {}
    for tier in TIERS:
        line = f"  {tier:<{width}}  {summary.tiers[tier]:>8}"
        known = outcomes.get(tier, {})
        if known.get("genuine_share") is not None:
            line += f"   genuine {known['genuine_share']:.0%}"
        if known.get("converted_share") is not None:
            line += f", became orders {known['converted_share']:.0%}"
        lines.append(line)
    lines += ["", "What the tiers mean:"]
    lines += [f"  {tier:<{width}}  {TIER_WHEN[tier]}" for tier in TIERS]
    lines += ["", "By region:"]
    lines += [f"  {r:<{width}}  {n:>8}" for r, n in summary.regions.most_common()]
    for title, counter in (
        ("Top reasons for", summary.reasons_for),
        ("Top reasons against", summary.reasons_against),
    ):
        lines += ["", f"{title}:"]
        lines += [f"  {n:>8}  {r}" for r, n in counter.most_common(top)]
    if summary.flags:
        lines += ["", "Scored, but check these:"]
        lines += [f"  {n:>8}  {r}" for r, n in summary.flags.most_common()]
    if summary.quarantine_reasons:
        lines += ["", "Quarantined, by reason:"]
        lines += [f"  {n:>8}  {r}" for r, n in summary.quarantine_reasons.most_common()]
    drift = None if summary.drift is None else summary_line(summary.drift)
    if drift:
        lines += ["", drift]
    return "\n".join(lines)
