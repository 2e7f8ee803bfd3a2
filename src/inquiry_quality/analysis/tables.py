"""Tables of the inquiry history: volumes, rates, completeness, regional traits, lift.

Every function takes the history as one frame (``Project.history()``: the feature table with
labels, subject and body) and returns a small frame to show or plot; none changes its input.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

import numpy as np
import pandas as pd

from inquiry_quality.core import schema
from inquiry_quality.features import FEATURES
from inquiry_quality.features.registry import NUMERIC_KINDS

JUNK: Final = "junk"
NO_ORDER: Final = "genuine, no order"
CONVERTED: Final = "converted"
OPEN: Final = "genuine, still open"
OUTCOME_GROUPS: Final = (JUNK, NO_ORDER, CONVERTED, OPEN)

FORMAL_GREETINGS: Final = ("personal", "generic")  # "Dear Mr. Li", "Dear Sir/Madam"
CASUAL_GREETINGS: Final = ("casual",)  # "hi", "hey"
#: the seed's "hard bargaining": price-first wording of a buyer
BARGAINING: Final = re.compile(
    r"\b(?:best|lowest|last|final|cheapest|bottom|competitive)\s+(?:possible\s+)?prices?\b"
    r"|\bprice[- ]sensitive\b|\bother (?:offers|suppliers|quotations)\b|\bcomparing\b"
    r"|\bdiscounts?\b",
    re.IGNORECASE,
)
#: the seed's "prefer online chat apps"
CHAT_APPS: Final = re.compile(
    r"\b(?:whats\s?app|wechat|telegram|skype|viber|line id)\b", re.IGNORECASE
)
DAY_SECONDS: Final = 86_400


def _genuine(frame: pd.DataFrame) -> pd.Series:
    return frame[schema.IS_GENUINE].eq(1).fillna(False).astype(bool)


def outcome_group(frame: pd.DataFrame) -> pd.Series:
    """Each inquiry's outcome: junk, genuine without order, converted, or still open."""
    genuine = frame[schema.IS_GENUINE]
    converted = frame[schema.CONVERTED]
    group = np.select(
        [genuine.eq(0).fillna(False), converted.eq(1).fillna(False), converted.eq(0).fillna(False)],
        [JUNK, CONVERTED, NO_ORDER],
        default=OPEN,
    )
    group = np.where(genuine.isna(), "unlabelled", group)
    labels = [*OUTCOME_GROUPS, "unlabelled"]
    return pd.Series(pd.Categorical(group, categories=labels), index=frame.index, name="outcome")


def monthly_counts(frame: pd.DataFrame, by: str) -> pd.DataFrame:
    """Inquiries per calendar month (UTC) and value of ``by``: months x values."""
    month = frame[schema.RECEIVED_AT].dt.tz_convert("UTC").dt.tz_localize(None).dt.to_period("M")
    table = pd.crosstab(month.dt.to_timestamp().rename("month"), frame[by].fillna("unknown"))
    return table.rename_axis(columns=by)


def days_to_close(frame: pd.DataFrame) -> pd.Series:
    """Days from receipt to the deal's close (NaN while open or never recorded)."""
    delta = frame[schema.CLOSED_AT] - frame[schema.RECEIVED_AT]
    return delta.dt.total_seconds() / DAY_SECONDS


def rate_table(frame: pd.DataFrame, by: str) -> pd.DataFrame:
    """Per value of ``by``: inquiries, genuine rate, conversion rates, median order value.

    ``conversion_rate`` counts every inquiry with a known outcome; ``conversion_of_genuine``
    only genuine ones; ``median_order_usd`` is over won deals.
    """
    genuine = _genuine(frame)
    known = frame[schema.CONVERTED].notna()
    won = frame[schema.CONVERTED].eq(1).fillna(False)
    work = pd.DataFrame(
        {
            "group": frame[by].fillna("unknown"),
            "is_genuine": frame[schema.IS_GENUINE].astype("float64"),
            "converted": frame[schema.CONVERTED].astype("float64").where(known),
            "converted_genuine": frame[schema.CONVERTED].astype("float64").where(known & genuine),
            "order_value": frame[schema.ORDER_VALUE].astype("float64").where(won),
        }
    )
    table = work.groupby("group").agg(
        inquiries=("group", "size"),
        genuine_rate=("is_genuine", "mean"),
        conversion_rate=("converted", "mean"),
        conversion_of_genuine=("converted_genuine", "mean"),
        orders=("order_value", "count"),
        median_order_usd=("order_value", "median"),
    )
    return table.rename_axis(by).sort_values("inquiries", ascending=False)


def junk_mix(frame: pd.DataFrame, by: str) -> pd.DataFrame:
    """Share of each junk type among the junk of each value of ``by`` (rows sum to 1)."""
    junk = frame[frame[schema.IS_GENUINE].eq(0).fillna(False)]
    kinds = junk[schema.JUNK_TYPE].fillna("unrecorded")
    table = pd.crosstab(junk[by].fillna("unknown"), kinds, normalize="index")
    order = [k for k in (*schema.JUNK_TYPES, "unrecorded") if k in table.columns]
    return table[order]


def completeness_flags(frame: pd.DataFrame) -> list[str]:
    """The registry's completeness flags present in ``frame``, in registry order."""
    return [
        f.name
        for f in FEATURES
        if f.family == "completeness" and f.kind == "flag" and f.name in frame.columns
    ]


def completeness_by_outcome(
    frame: pd.DataFrame, flags: Sequence[str] | None = None
) -> pd.DataFrame:
    """Share of inquiries giving each detail (rows) per outcome group (columns)."""
    flags = list(flags) if flags is not None else completeness_flags(frame)
    groups = outcome_group(frame)
    table = frame[flags].astype("float64").groupby(groups, observed=True).mean().T
    return table[[g for g in OUTCOME_GROUPS if g in table.columns]]


def regional_traits(frame: pd.DataFrame) -> pd.DataFrame:
    """The seed's regional traits measured on genuine buyers, one row per region.

    Formal ("Dear Mr. X" / "Dear Sir") and casual ("hi") greetings among inquiries whose
    greeting could be read; price-first bargaining and chat-app wording in the body; median
    days from inquiry to a closed deal; conversion of genuine inquiries and order value.
    """
    buyers = frame[_genuine(frame)]
    greeting = buyers["greeting"].where(buyers["greeting"].ne("unknown"))
    body = buyers[schema.BODY].fillna("")
    known = buyers[schema.CONVERTED].notna()
    won = buyers[schema.CONVERTED].eq(1).fillna(False)
    work = pd.DataFrame(
        {
            "region": buyers[schema.REGION].fillna("Unknown"),
            "formal": greeting.isin(FORMAL_GREETINGS).astype("float64").where(greeting.notna()),
            "casual": greeting.isin(CASUAL_GREETINGS).astype("float64").where(greeting.notna()),
            "bargaining": body.str.contains(BARGAINING).astype("float64"),
            "chat_apps": body.str.contains(CHAT_APPS).astype("float64"),
            "completeness": buyers["completeness_score"].astype("float64"),
            "days": days_to_close(buyers),
            "converted": buyers[schema.CONVERTED].astype("float64").where(known),
            "order_value": buyers[schema.ORDER_VALUE].astype("float64").where(won),
        }
    )
    table = work.groupby("region").agg(
        genuine_inquiries=("region", "size"),
        formal_greeting=("formal", "mean"),
        casual_greeting=("casual", "mean"),
        bargaining=("bargaining", "mean"),
        chat_apps=("chat_apps", "mean"),
        completeness=("completeness", "mean"),
        median_days_to_close=("days", "median"),
        conversion=("converted", "mean"),
        median_order_usd=("order_value", "median"),
    )
    return table.sort_values("genuine_inquiries", ascending=False)


def detail_lift(
    frame: pd.DataFrame, flags: Sequence[str], target: str = schema.CONVERTED
) -> pd.DataFrame:
    """For each 0/1 detail: ``target`` rate with and without it and their ratio (lift).

    Rows with an unknown ``target`` or detail are left out of that detail's rates.
    """
    rows = []
    y = frame[target].astype("float64")
    for flag in flags:
        x = frame[flag].astype("float64")
        ok = x.notna() & y.notna()
        with_, without = y[ok & x.eq(1)], y[ok & x.eq(0)]
        rate_with = with_.mean() if len(with_) else np.nan
        rate_without = without.mean() if len(without) else np.nan
        lift = rate_with / rate_without if rate_without else np.nan
        rows.append(
            {
                "detail": flag,
                "n_with": len(with_),
                "share_with": len(with_) / ok.sum() if ok.sum() else np.nan,
                "rate_with": rate_with,
                "rate_without": rate_without,
                "lift": lift,
            }
        )
    return pd.DataFrame(rows).set_index("detail").sort_values("lift", ascending=False)


def registry_table() -> pd.DataFrame:
    """The feature registry: every feature with its family, kind and the rep's sentences."""
    return pd.DataFrame(
        [
            {
                "feature": f.name,
                "family": f.family,
                "kind": f.kind,
                "description": f.description,
                "reason for": f.for_sentence,
                "reason against": f.against_sentence,
                "follow-up question": f.question or "",
            }
            for f in FEATURES
        ]
    ).set_index("feature")


def numeric_features(frame: pd.DataFrame) -> list[str]:
    """The registry's flags and numbers present in ``frame`` (the model's numeric inputs)."""
    return [f.name for f in FEATURES if f.kind in NUMERIC_KINDS and f.name in frame.columns]


def label_correlations(
    frame: pd.DataFrame, labels: Sequence[str] = (schema.IS_GENUINE, schema.CONVERTED)
) -> pd.DataFrame:
    """Pearson correlation of each numeric feature (rows) with each label (columns).

    Each pair uses the rows where both are known; a constant feature gives NaN.
    """
    columns = numeric_features(frame)
    values = frame[[*columns, *labels]].astype("float64")
    table = pd.DataFrame(
        {label: values[columns].corrwith(values[label]) for label in labels}, index=columns
    )
    order = table.abs().max(axis=1).sort_values(ascending=False).index
    return table.loc[order].rename_axis("feature")
