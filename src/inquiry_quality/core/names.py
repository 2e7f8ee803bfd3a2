"""Display names of countries and languages from pycountry: one table for every layer."""

from __future__ import annotations

import re
from typing import Final

import pycountry

#: ISO alpha-2 code -> the country's common English name ("KR" -> "South Korea")
COUNTRY_NAMES: Final = tuple(
    (country.alpha_2, getattr(country, "common_name", country.name))
    for country in pycountry.countries
)
#: ISO 639-1 code -> English name, as a reason says the language ("de" -> "German")
LANGUAGE_NAMES: Final = tuple(
    (language.alpha_2, re.sub(r"\s*\(.*\)$", "", language.name))  # "Modern Greek (1453-)"
    for language in pycountry.languages
    if hasattr(language, "alpha_2")
)
_COUNTRY_BY_CODE: Final = dict(COUNTRY_NAMES)


def country_name(code: str) -> str:
    """The common English name of an ISO alpha-2 country code."""
    return _COUNTRY_BY_CODE[code]
