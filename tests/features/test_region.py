"""Country from claim, phone and domain; the region table and its tips."""

from __future__ import annotations

import pandas as pd
import pycountry
import pytest

from inquiry_quality.features.countries import (
    country_from_claim,
    country_from_domain,
    country_from_phone,
    country_in_text,
    phone_country_in_text,
)
from inquiry_quality.features.region import (
    REGION_OF,
    REGION_TIPS,
    REGIONS,
    RegionFeatures,
    region_of,
)


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
    [
        ("+49 40 3012 4567", "DE"),
        ("0044 20 7946 0958", "GB"),
        ("+1 416 555 0199", "CA"),  # a shared calling code: the number decides
        ("+1 212 555 0147", "US"),
        ("040 3012 4567", None),
        ("+", None),
    ],
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


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("We are Lichtwerk GmbH, an importer of lighting products in Germany.", "DE"),
        ("Best regards\nAhmed\nAl Noor Trading LLC\nDeira, Dubai, UAE", "AE"),
        ("Our stores in the United Arab Emirates sell lamps.", "AE"),
        ("We distribute to dealers across South Africa.", "ZA"),
        ("Somos distribuidores de iluminación en México.", "MX"),
        ("Wir sind ein Großhändler aus Österreich.", "AT"),
        # the exporter's own country is the goods' origin, not the buyer's
        ("We found your factory in China on Made-in-China. Price FOB China please.", None),
        ("We found your factory in China. We import for Kenya, Nairobi office.", "KE"),
        ("Please quote 500 pcs, we are a small shop.", None),
        ("Regards,\nJordan Smith\nPurchasing, Atlanta, Georgia", None),  # a name, a US state
        ("we are an importer in turkey", None),  # lower case: the word, not the country
    ],
)
def test_country_in_text(text: str, code: str | None) -> None:
    assert country_in_text(text) == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Best regards\nHans\nTel: +49 (0)40 3012 4567\nwww.lichtwerk.de", "DE"),
        ("Call me on WhatsApp 0033 6 12 34 56 78 please", "FR"),
        ("Mobile/WhatsApp: +234 803 123 4567", "NG"),
        ("Tel. +1 (416) 555-0199", "CA"),
        ("We need 5,000 pcs, order no. 10012345678, ref 00 12", None),
        ("Tel: 040 3012 4567", None),  # no country code: nothing independent of the claim
    ],
)
def test_phone_country_in_text(text: str, code: str | None) -> None:
    assert phone_country_in_text(text) == code


def _region_row(**fields: str) -> pd.Series:
    return RegionFeatures().transform(pd.DataFrame([fields])).iloc[0]


def test_country_from_the_text_when_the_fields_are_empty() -> None:
    row = _region_row(
        body="Dear Sir,\nWe are a wholesaler of LED lighting based in Lyon, France.\n",
        sender_email="pierre.martin@gmail.com",
    )
    assert (row.country, row.country_source, row.region) == ("FR", "text", "Europe")


def test_phone_in_the_signature_gives_the_country() -> None:
    row = _region_row(
        body="Please quote 2,000 pcs LED panel 40W.",
        signature="Best regards\nOlu Adebayo\nMobile: +234 803 123 4567",
        sender_email="olu.adebayo@yahoo.com",
    )
    assert (row.country, row.country_source) == ("NG", "phone")
    assert pd.isna(row.phone_matches_country)  # no other source to compare with


def test_a_claim_the_text_contradicts_is_flagged() -> None:
    row = _region_row(
        country="Germany",
        body="We are one of the leading lighting distributors in Nigeria.",
        signature="Tel: +49 40 3012 4567",
    )
    assert row.country == "DE"  # the claim still wins
    assert row.claim_matches_text == 0.0
    assert row.phone_matches_country == 1.0
    assert row.country_sources_agree == 0.0


def test_a_foreign_phone_is_flagged() -> None:
    row = _region_row(
        country="United Kingdom",
        body="We import lighting for the UK market.",
        phone="+234 803 123 4567",
    )
    assert row.claim_matches_text == 1.0
    assert row.phone_matches_country == 0.0
