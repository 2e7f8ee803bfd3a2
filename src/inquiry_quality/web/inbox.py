"""The inbox: the batch sorted once in the order to handle it, filtered and paged fast.

Sorted by tier in the order of ``scoring.tiers.TIERS`` (quote now first, discard last) and then
by the chance of an order, once at start. Each filter is an equality test on integer category codes
and the search a substring test on one lower-cased column, so a page over 100,000 inquiries
costs a few milliseconds.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Final

import numpy as np
import pandas as pd

from inquiry_quality.core import schema
from inquiry_quality.scoring import TIERS
from inquiry_quality.web.batch import LANGUAGE

PAGE_SIZE: Final = 50
#: filterable columns, in the order the page shows them
FILTERS: Final = (schema.TIER, schema.REGION, schema.JUNK_TYPE, schema.CHANNEL, LANGUAGE)
MARKED_CHOICES: Final = ("marked", "unmarked")
NONE_LABEL: Final = "(none)"
SEARCHED: Final = (schema.SUBJECT, schema.SENDER_NAME, schema.SENDER_EMAIL, schema.COMPANY)


@dataclass(frozen=True)
class Query:
    """What the rep asked for: filter values by column, marked/unmarked, search, page."""

    filters: Mapping[str, str] = field(default_factory=dict)
    marked: str = ""
    search: str = ""
    page: int = 1

    @classmethod
    def from_params(cls, params: Mapping[str, str]) -> Query:
        try:
            page = max(1, int(params.get("page", "1")))
        except ValueError:
            page = 1
        filters = {c: params[c] for c in FILTERS if params.get(c)}
        marked = params.get("marked", "")
        return cls(filters, marked if marked in MARKED_CHOICES else "", params.get("q", ""), page)

    def params(self, **changes: object) -> dict[str, str]:
        """The query as URL parameters (empty ones left out), with ``changes`` applied."""
        values: dict[str, object] = {**self.filters, "marked": self.marked, "q": self.search}
        values["page"] = self.page
        values.update(changes)
        if str(values["page"]) == "1":
            values["page"] = ""
        return {k: str(v) for k, v in values.items() if v not in ("", None)}


@dataclass(frozen=True)
class Page:
    """One page of the inbox."""

    rows: pd.DataFrame
    total: int
    page: int
    pages: int
    tier_counts: dict[str, int]


class Inbox:
    """The batch in handling order, with its category codes and search text."""

    def __init__(self, table: pd.DataFrame) -> None:
        rank = {tier: i for i, tier in enumerate(TIERS)}
        order = pd.DataFrame(
            {
                "tier": table[schema.TIER].map(rank).fillna(len(TIERS)).to_numpy(),
                "p_convert": -table[schema.P_CONVERT].fillna(-1.0).to_numpy(),
            }
        )
        ranked = order.sort_values(["tier", "p_convert"], kind="stable").index
        self.table = table.iloc[ranked].reset_index(drop=True)
        self.position = {key: i for i, key in reversed(list(enumerate(self.ids())))}
        self.codes: dict[str, np.ndarray] = {}
        self.labels: dict[str, list[str]] = {}  # the value of each code
        self.choices: dict[str, list[str]] = {}  # the values in the order the page lists them
        for column in FILTERS:
            values = self.table[column].astype("string").fillna(NONE_LABEL).replace("", NONE_LABEL)
            codes, uniques = pd.factorize(values, sort=True)
            self.codes[column] = codes
            self.labels[column] = [str(u) for u in uniques]
            self.choices[column] = self.labels[column]
        self.choices[schema.TIER] = [t for t in TIERS if t in self.labels[schema.TIER]]
        searched = [self.table[c].astype("string").fillna("") for c in SEARCHED]
        self.search_text = pd.Series(
            [" ".join(parts).lower() for parts in zip(*searched, strict=True)], dtype=object
        )

    def __len__(self) -> int:
        return len(self.table)

    def ids(self) -> list[str]:
        return self.table[schema.INQUIRY_ID].astype(str).tolist()

    def row(self, inquiry_id: str) -> pd.Series | None:
        position = self.position.get(inquiry_id)
        return None if position is None else self.table.iloc[position]

    def _mask(self, query: Query, marked: Iterable[str], skip: str | None = None) -> np.ndarray:
        mask = np.ones(len(self.table), dtype=bool)
        for column, value in query.filters.items():
            if column == skip:
                continue
            labels = self.labels[column]
            mask &= self.codes[column] == (labels.index(value) if value in labels else -2)
        if query.marked:
            is_marked = np.zeros(len(self.table), dtype=bool)
            is_marked[[self.position[i] for i in marked if i in self.position]] = True
            mask &= is_marked if query.marked == "marked" else ~is_marked
        if query.search.strip():
            needle = query.search.strip().lower()
            candidates = np.flatnonzero(mask)
            found = self.search_text.iloc[candidates].str.contains(needle, regex=False)
            mask[:] = False
            mask[candidates[found.to_numpy(bool)]] = True
        return mask

    def page(self, query: Query, marked: Iterable[str]) -> Page:
        """The rows of ``query``'s page and the count per tier under its other filters."""
        marked = list(marked)
        unfiltered = self._mask(query, marked, skip=schema.TIER)
        labels = self.labels[schema.TIER]
        counts = np.bincount(self.codes[schema.TIER][unfiltered], minlength=len(labels))
        tier_counts = {t: int(counts[labels.index(t)]) for t in self.choices[schema.TIER]}
        mask = unfiltered
        if schema.TIER in query.filters:
            mask = self._mask(query, marked)
        hits = np.flatnonzero(mask)
        pages = max(1, -(-len(hits) // PAGE_SIZE))
        number = min(query.page, pages)
        picked = hits[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]
        return Page(self.table.iloc[picked], len(hits), number, pages, tier_counts)

    def neighbours(self, inquiry_id: str) -> tuple[str | None, str | None]:
        """The inquiries before and after one in handling order."""
        position = self.position.get(inquiry_id)
        if position is None:
            return None, None
        ids = self.table[schema.INQUIRY_ID]
        before = str(ids.iloc[position - 1]) if position > 0 else None
        after = str(ids.iloc[position + 1]) if position + 1 < len(ids) else None
        return before, after
