"""Where a buyer is: a country (ISO alpha-2) from a claim, a phone number or a domain.

pycountry resolves names and codes, phonenumbers the phone's country, tldextract (bundled
suffix list, never downloaded) the country-code TLD. Results are cached: the same claims,
numbers and domains recur across thousands of inquiries.
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache

import phonenumbers
import pycountry
import tldextract

# What buyers type that pycountry does not know (lower-cased).
ALIASES: dict[str, str] = {
    "uk": "GB",
    "u.k.": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "great britain": "GB",
    "britain": "GB",
    "usa": "US",
    "u.s.a.": "US",
    "u.s.": "US",
    "america": "US",
    "united states of america": "US",
    "uae": "AE",
    "u.a.e.": "AE",
    "emirates": "AE",
    "dubai": "AE",
    "holland": "NL",
    "the netherlands": "NL",
    "russia": "RU",
    "south korea": "KR",
    "korea": "KR",
    "vietnam": "VN",
    "viet nam": "VN",
    "turkey": "TR",
    "iran": "IR",
    "taiwan": "TW",
    "czech republic": "CZ",
    "ivory coast": "CI",
    "hong kong": "HK",
    "ksa": "SA",
    "saudi": "SA",
    "deutschland": "DE",
    "espana": "ES",
    "españa": "ES",
    "méxico": "MX",
    "brasil": "BR",
    "italia": "IT",
    "österreich": "AT",
    "schweiz": "CH",
    "polska": "PL",
    "türkiye": "TR",
}

_EXTRACT = tldextract.TLDExtract(suffix_list_urls=())
_NAMES: dict[str, str] = {}
for _c in pycountry.countries:
    for _attr in ("name", "official_name", "common_name"):
        _value = getattr(_c, _attr, None)
        if _value:
            _NAMES[_value.lower()] = _c.alpha_2
_NAMES.update(ALIASES)
_CCTLD_EXCEPTIONS = {"uk": "GB"}
# Country-code TLDs sold and used as generic ones: they say nothing about the country.
_GENERIC_CCTLDS = frozenset({"ai", "cc", "co", "fm", "io", "me", "to", "tv", "ws"})
_EMAIL_DOMAIN = re.compile(r"@([^@\s>]+)")


def _is_alpha2(code: str) -> bool:
    return pycountry.countries.get(alpha_2=code.upper()) is not None


@lru_cache(maxsize=4096)
def country_from_claim(claim: str) -> str | None:
    """ISO alpha-2 of a free-text country claim ("Germany", "DE", "DEU", "UK", "Germny")."""
    text = claim.strip().strip(".").lower()
    if not text:
        return None
    if text in _NAMES:
        return _NAMES[text]
    try:
        return pycountry.countries.lookup(text).alpha_2
    except LookupError:
        pass
    close = difflib.get_close_matches(text, list(_NAMES), n=1, cutoff=0.8)
    return _NAMES[close[0]] if close else None


@lru_cache(maxsize=8192)
def country_from_phone(phone: str) -> str | None:
    """Country of an internationally written number (+49..., 0049...); None otherwise.

    A number without its country code tells nothing independent about the country, so it is
    not parsed against the claimed country.
    """
    text = phone.strip()
    if text.startswith("00"):
        text = "+" + text[2:]
    if not text.startswith("+"):
        return None
    try:
        number = phonenumbers.parse(text, None)
    except phonenumbers.NumberParseException:
        return None
    region = phonenumbers.region_code_for_number(number)
    return region if region and region != "ZZ" else None


def split_domain(domain_or_url: str) -> tuple[str, str]:
    """(registered domain, suffix) of a host, URL or e-mail address; ("", "") if none."""
    text = domain_or_url.strip().lower()
    match = _EMAIL_DOMAIN.search(text)
    return _split_host(match.group(1) if match else text)


@lru_cache(maxsize=16384)
def _split_host(host: str) -> tuple[str, str]:
    # cached per host: thousands of senders share a few domains (gmail.com, ...)
    parts = _EXTRACT(host)
    if not parts.domain or not parts.suffix:
        return "", ""
    return f"{parts.domain}.{parts.suffix}", parts.suffix


def country_from_domain(domain_or_url: str) -> str | None:
    """Country of a country-code TLD (example.de -> DE, example.co.uk -> GB); None if generic."""
    _, suffix = split_domain(domain_or_url)
    label = suffix.rsplit(".", 1)[-1]
    if len(label) != 2 or label in _GENERIC_CCTLDS:
        return None
    code = _CCTLD_EXCEPTIONS.get(label, label.upper())
    return code if _is_alpha2(code) else None
