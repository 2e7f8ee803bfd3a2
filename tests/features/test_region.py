"""Country from claim, phone and domain; the region table and its tips."""

from __future__ import annotations

import pycountry
import pytest

from inquiry_quality.features.countries import (
    country_from_claim,
    country_from_domain,
    country_from_phone,
)
from inquiry_quality.features.region import REGION_OF, REGION_TIPS, REGIONS, region_of


@pytest.mark.parametrize(
    ("claim", "code"),
    [
        ("Germany", "DE"),
        ("germany", "DE"),
        ("DE", "DE"),
        ("DEU", "DE"),
        ("UK", "GB"),
        ("USA", "US"),
        ("U.A.E.", "AE"),
        ("Germny", "DE"),
        ("España", "ES"),
        ("Russian Federation", "RU"),
        ("", None),
        ("Atlantis", None),
    ],
)
def test_country_from_claim(claim: str, code: str | None) -> None:
    assert country_from_claim(claim) == code


@pytest.mark.parametrize(
    ("phone", "code"),
    [("+49 40 3012 4567", "DE"), ("0044 20 7946 0958", "GB"), ("040 3012 4567", None), ("+", None)],
)
def test_country_from_phone_needs_an_international_number(phone: str, code: str | None) -> None:
    assert country_from_phone(phone) == code


@pytest.mark.parametrize(
    ("domain", "code"),
    [
        ("a@lichtwerk.de", "DE"),
        ("shop.example.co.uk", "GB"),
        ("https://www.brightway.com/", None),
        ("startup.io", None),
        ("", None),
    ],
)
def test_country_from_domain(domain: str, code: str | None) -> None:
    assert country_from_domain(domain) == code


def test_region_table_uses_valid_codes_once() -> None:
    valid = {c.alpha_2 for c in pycountry.countries} | {"XK"}
    assert set(REGION_OF) <= valid


def test_most_countries_have_a_region() -> None:
    codes = {c.alpha_2 for c in pycountry.countries}
    unmapped = codes - set(REGION_OF)
    assert len(unmapped) <= 15, sorted(unmapped)  # uninhabited territories and the like


def test_every_region_has_a_tip_and_seed_tips_are_specific() -> None:
    assert set(REGION_TIPS) == set(REGIONS)
    assert "never 'hi'" in REGION_TIPS["Europe"]
    for region in ("Africa", "Middle East"):
        assert "tiered quotes" in REGION_TIPS[region]
        assert "from the team's notes" in REGION_TIPS[region]
    assert REGION_TIPS["Oceania"].startswith("(generic tip")
    assert region_of("NG") == "Africa" and region_of(None) == "Unknown"
