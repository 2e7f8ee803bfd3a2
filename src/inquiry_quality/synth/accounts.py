"""The exporter's customers as its CRM knows them, and the look-alike domains that imitate them.

Existing customers write from these accounts; payment-diversion fraud borrows a contact's name
from a look-alike or free-mail domain. ``contacts_export`` is the CRM's contacts export the
pipeline may read (``featurize.known_parties``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from inquiry_quality.synth.geography import REGIONS, country_suffixes

CONTACT_COLUMNS = ("company", "domains", "emails", "phone", "country")
ACCOUNTS_PER_REGION_WEIGHT = 1.5  # accounts per unit of the existing customers' region weight
# ASCII stand-ins for letters, as look-alike domains use them
HOMOGLYPHS = (("m", "rn"), ("l", "1"), ("o", "0"), ("i", "l"), ("w", "vv"), ("e", "c"))
TLD_SWAPS = ("com", "net", "co", "cc", "org", "biz")


@dataclass(frozen=True)
class Contact:
    first_name: str
    last_name: str
    email: str


@dataclass(frozen=True)
class Account:
    company: str
    domain: str  # the company's domain (website and most contacts' mail)
    country: str
    phone: str
    contacts: tuple[Contact, ...]


def accounts_per_country(weights: tuple[float, ...]) -> dict[str, int]:
    """How many accounts each country has: the region weight spread by country weight, >= 1."""
    counts = {}
    for region, weight in zip(REGIONS, weights, strict=True):
        total = sum(region.countries.values())
        for country, share in region.countries.items():
            counts[country] = max(1, round(ACCOUNTS_PER_REGION_WEIGHT * weight * share / total))
    return counts


def lookalike(domain: str, rng: np.random.Generator) -> str:
    """A domain that reads like ``domain``: a hyphen added or dropped, another suffix, a doubled
    or added letter, or a look-alike letter ("brightway" -> "bright-way", "brightvvay")."""
    stem, _, suffix = domain.partition(".")
    for _ in range(10):
        kind = int(rng.integers(5))
        if kind == 0:
            cut = int(rng.integers(2, max(3, len(stem) - 1)))
            new = stem.replace("-", "") if "-" in stem else f"{stem[:cut]}-{stem[cut:]}"
            candidate = f"{new}.{suffix}"
        elif kind == 1:
            options = [s for s in TLD_SWAPS if s != suffix]
            candidate = f"{stem}.{options[int(rng.integers(len(options)))]}"
        elif kind == 2:
            i = int(rng.integers(1, len(stem)))
            candidate = f"{stem[:i]}{stem[i - 1]}{stem[i:]}.{suffix}"
        elif kind == 3:
            extra = ("s", "-group", "-co", "intl", "-ltd")[int(rng.integers(5))]
            candidate = f"{stem}{extra}.{suffix}"
        else:
            swaps = [(a, b) for a, b in HOMOGLYPHS if a in stem]
            if not swaps:
                continue
            a, b = swaps[int(rng.integers(len(swaps)))]
            i = stem.index(a)
            candidate = f"{stem[:i]}{b}{stem[i + 1 :]}.{suffix}"
        if candidate != domain and not candidate.startswith("-"):
            return candidate
    return f"{stem}-mail.{suffix}"


def account_suffixes(country: str) -> tuple[str, ...]:
    return ("com", *country_suffixes(country))


def contacts_export(accounts: dict[str, list[Account]], rng: np.random.Generator) -> pd.DataFrame:
    """One row per account, as a CRM exports it; a few accounts list a second domain."""
    rows = []
    for country in sorted(accounts):
        for account in accounts[country]:
            domains = [account.domain]
            if rng.random() < 0.15:
                stem = account.domain.split(".")[0]
                other = [s for s in account_suffixes(country) if f"{stem}.{s}" != account.domain]
                domains.append(f"{stem}.{other[int(rng.integers(len(other)))]}")
            rows.append(
                {
                    "company": account.company,
                    "domains": "; ".join(domains),
                    "emails": "; ".join(c.email for c in account.contacts),
                    "phone": account.phone if rng.random() < 0.9 else "",
                    "country": country,
                }
            )
    return pd.DataFrame(rows, columns=list(CONTACT_COLUMNS))
