"""When inquiries arrive and what became of them: received times, deals, the CRM's record."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np
import pandas as pd

from inquiry_quality.synth.archetypes import ARCHETYPES, EXISTING_CUSTOMER
from inquiry_quality.synth.detmath import lognormal
from inquiry_quality.synth.geography import REGIONS, country_timezone

CRM_COLUMNS = (
    "Ref",
    "Lead Status",
    "Account",
    "Junk Category",
    "Deal Stage",
    "Order Value (USD)",
    "Closed On",
)
JUNK_CATEGORIES = {
    "offer": "Offer",
    "price_fishing": "Price fishing",
    "scam": "Scam",
    "payment_fraud": "Payment fraud",
    "phishing": "Phishing",
    "spam": "Spam",
}
ACCOUNTS = ("New lead", "Existing customer")
# Typical order size in USD per genuine archetype (lognormal around it).
ORDER_VALUE = {
    "importer": 28000,
    "retailer": 9000,
    "contractor": 35000,
    "small_buyer": 2500,
    "trading_agent": 12000,
}
WEEKDAY_WEIGHT = (1.0, 1.0, 1.0, 1.0, 0.9, 0.35, 0.25)  # Monday .. Sunday


def received_times(
    countries: pd.Series, start: datetime, end: datetime, rng: np.random.Generator
) -> list[datetime]:
    """Arrival times between ``start`` and ``end``: weekdays, senders' office hours, growth."""
    days = pd.date_range(start, end - timedelta(days=1), freq="D")
    weight = np.array([WEEKDAY_WEIGHT[d.weekday()] for d in days])
    weight *= np.linspace(0.85, 1.15, len(days))  # the business grows over the period
    day = rng.choice(len(days), size=len(countries), p=weight / weight.sum())
    hour = np.clip(rng.normal(11.5, 3.5, size=len(countries)), 0, 23.99)
    times = []
    for country, d, h in zip(countries, day, hour, strict=True):
        local = datetime.combine(days[d].date(), datetime.min.time(), country_timezone(country))
        times.append((local + timedelta(hours=float(h))).astimezone(UTC))
    return times


def true_outcomes(latent: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """What really happened: converted or not, order value, days until the deal closed.

    Only a new buyer's inquiry can convert; an existing customer's message opens no deal.
    """
    existing = (latent["archetype"] == EXISTING_CUSTOMER).to_numpy()
    new_buyer = latent["archetype"].isin(ORDER_VALUE).to_numpy()
    converted = new_buyer & (rng.random(len(latent)) < latent["p_order"].to_numpy())
    scale = latent["archetype"].map(ORDER_VALUE).fillna(0).to_numpy()
    value = np.round(scale * lognormal(rng, 0, 0.6, len(latent)), -1)
    median = latent["region"].map({r.name: r.days_to_close for r in REGIONS}).to_numpy()
    days = np.where(
        new_buyer,
        median * np.where(converted, 1.0, 0.7) * lognormal(rng, 0, 0.5, len(latent)),
        rng.integers(0, 4, len(latent)),
    )
    return pd.DataFrame(
        {
            "is_genuine": new_buyer | existing,
            "existing_customer": existing,
            "converted": converted,
            "order_value": np.where(converted, value, np.nan),
            "days_to_close": np.ceil(days).astype(int),
        }
    )


def crm_record(
    refs: pd.Series,
    received: pd.Series,
    latent: pd.DataFrame,
    truth: pd.DataFrame,
    label_noise: float,
    cutoff: datetime | None,
    rng: np.random.Generator,
) -> pd.DataFrame:
    """The CRM export: true outcomes, a share ``label_noise`` recorded wrongly, open deals open.

    Junk leads are closed as ``Lost`` when discarded. Deals still running at ``cutoff`` are
    ``Open`` with no close date; ``cutoff=None`` records every deal's final outcome. A genuine
    existing customer's message is an ``Existing customer`` account with no deal stage.
    """
    n = len(latent)
    genuine = truth["is_genuine"].to_numpy() ^ (rng.random(n) < label_noise)
    won = truth["converted"].to_numpy() ^ (rng.random(n) < label_noise)
    won &= genuine
    junk_type = latent["archetype"].map({a.name: a.junk_type for a in ARCHETYPES})
    fallback = rng.choice(list(JUNK_CATEGORIES), size=n)
    category = np.where(junk_type.isna(), fallback, junk_type.fillna(""))
    value = truth["order_value"].to_numpy()
    value = np.where(np.isnan(value), np.round(lognormal(rng, 8.5, 0.8, n), -1), value)
    closed = [
        (r + timedelta(days=int(d))).astimezone(UTC)
        for r, d in zip(received, truth["days_to_close"], strict=True)
    ]
    is_open = np.array([cutoff is not None and c > cutoff for c in closed])
    stage = np.where(is_open, "Open", np.where(won, "Won", "Lost"))
    existing = genuine & truth["existing_customer"].to_numpy()
    stage = np.where(existing, "", stage)
    is_open &= ~existing
    return pd.DataFrame(
        {
            "Ref": refs.to_numpy(),
            "Lead Status": np.where(genuine, "Genuine", "Junk"),
            "Account": np.array(ACCOUNTS)[existing.astype(int)],
            "Junk Category": np.where(genuine, "", [JUNK_CATEGORIES[c] for c in category]),
            "Deal Stage": stage,
            "Order Value (USD)": np.where(stage == "Won", [f"{v:.2f}" for v in value], ""),
            "Closed On": np.where(is_open | existing, "", [f"{c:%Y-%m-%d}" for c in closed]),
        },
        columns=list(CRM_COLUMNS),
    )
