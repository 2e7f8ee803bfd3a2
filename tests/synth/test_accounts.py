"""Customer accounts, their CRM export and the look-alike domains that imitate them."""

from __future__ import annotations

import numpy as np
import pytest

from inquiry_quality.synth.accounts import CONTACT_COLUMNS, contacts_export, lookalike
from inquiry_quality.synth.geography import REGIONS, all_countries
from inquiry_quality.synth.identity import FakerPool, build_accounts


def _distance(a: str, b: str) -> int:
    """Levenshtein distance (small strings)."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        previous, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (ca != cb))
    return row[-1]


@pytest.mark.parametrize("domain", ["brightway-lighting.com", "smithimports.co.uk", "lind.se"])
def test_lookalikes_read_like_the_domain_but_differ(domain: str) -> None:
    rng = np.random.default_rng(0)
    fakes = {lookalike(domain, rng) for _ in range(200)}
    assert domain not in fakes and len(fakes) > 10
    for fake in fakes:
        stem, fake_stem = domain.split(".")[0], fake.split(".")[0]
        assert fake_stem == stem or _distance(fake_stem, stem) <= 6, fake
        assert fake.isascii() and "." in fake and not fake.startswith("-")


def test_every_country_has_accounts_and_the_export_lists_them() -> None:
    accounts = build_accounts((1.0,) * len(REGIONS), np.random.default_rng(1), FakerPool(1))
    assert set(accounts) == set(all_countries())
    export = contacts_export(accounts, np.random.default_rng(2))
    assert tuple(export.columns) == CONTACT_COLUMNS
    assert len(export) == sum(len(a) for a in accounts.values())
    for account in accounts["DE"]:
        row = export[export["company"] == account.company].iloc[0]
        assert account.domain in row["domains"].split("; ")
        assert [c.email for c in account.contacts] == row["emails"].split("; ")
