from __future__ import annotations

import numpy as np
import phonenumbers
import pytest
from faker.config import AVAILABLE_LOCALES

from inquiry_quality.core.names import country_name
from inquiry_quality.synth.geography import (
    FAKER_LOCALES,
    all_countries,
    country_region,
    country_suffixes,
    country_timezone,
    phone_number,
)


@pytest.mark.parametrize("country", all_countries())
def test_every_country_has_a_phone_zone_name_and_domain(country: str) -> None:
    number = phonenumbers.parse(phone_number(country, np.random.default_rng(0)))
    assert phonenumbers.region_code_for_number(number) == country
    assert country_timezone(country).key
    assert country_name(country)
    assert country_suffixes(country)
    assert FAKER_LOCALES[country] in AVAILABLE_LOCALES
    assert country_region(country) >= 0


def test_unknown_country_is_named() -> None:
    with pytest.raises(KeyError, match="XX"):
        country_region("XX")
