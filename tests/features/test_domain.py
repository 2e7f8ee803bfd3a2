"""Domain kinds, company similarity and display-name checks."""

from __future__ import annotations

import math

from inquiry_quality.features.domain import (
    FREE_MAIL_DOMAINS,
    company_domain_similarity,
    domain_kind,
    free_mail_brands,
    name_matches_address,
)


def test_domain_kind_checks_disposable_before_free() -> None:
    assert domain_kind("mailinator.com") == "disposable"
    assert domain_kind("gmail.com") == "free"
    assert domain_kind("lichtwerk.de") == "corporate"
    assert domain_kind("") == "none"


def test_a_big_free_mail_service_is_free_under_any_country_suffix() -> None:
    assert FREE_MAIL_DOMAINS.isdisjoint({"yahoo.lv", "hotmail.lv"})  # the list lacks them
    assert domain_kind("yahoo.lv") == domain_kind("hotmail.lv") == "free"
    assert domain_kind("yahoofoods.com") == domain_kind("acme.lv") == "corporate"
    assert {"yahoo", "hotmail"} <= free_mail_brands()
    assert "mail" not in free_mail_brands()  # a generic name, under fewer suffixes


def test_company_domain_similarity() -> None:
    assert company_domain_similarity("Lichtwerk GmbH", "lichtwerk.de") == 1.0
    assert company_domain_similarity("Brightway Supply Inc.", "brightway-supply.com") == 1.0
    assert company_domain_similarity("Lichtwerk GmbH", "cheap-deals-online.com") < 0.5
    assert math.isnan(company_domain_similarity("GmbH", "lichtwerk.de"))


def test_name_matches_address() -> None:
    assert name_matches_address("Hans Müller", "h.mueller@lichtwerk.de") == 1.0
    assert name_matches_address("José Núñez", "jnunez@example.es") == 1.0
    assert name_matches_address("Procurement", "xk7731@gmail.com") == 0.0
    assert name_matches_address("Mike Johnson", "mike.johnson@brightway.com") == 1.0
    assert name_matches_address("sales@lichtwerk.de", "x@phish.com") == 0.0
    assert math.isnan(name_matches_address("", "x@phish.com"))
