"""Where a buyer is: a country (ISO alpha-2) from a claim, a phone number or a domain.

pycountry resolves names and codes, phonenumbers the phone's country, tldextract (bundled
suffix list, never downloaded) the country-code TLD. Results are cached: the same claims,
numbers and domains recur across thousands of inquiries.
"""

from __future__ import annotations

import difflib
import gettext
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


# The exporter's own country: an inquiry names it for the goods' origin or the supplier
# ("your factory in China", "FOB Shanghai, China", "Made-in-China"), not for the buyer.
EXPORTER_COUNTRIES = frozenset({"CN"})
# Languages whose country names (pycountry's translations) are looked up in the text.
TEXT_LANGUAGES = ("de", "es", "fr", "it", "pt")
# Capitalised names that are also given names, US states or plain words in some language:
# in a text or a signature they name a person or a place more often than the country.
_AMBIGUOUS_IN_TEXT = frozenset({
    "america", "chad", "georgia", "georgie", "géorgie", "georgien", "jordan", "israel",
    "maurice", "mauricio", "maurizio", "maurícia", "salomon", "man", "jersey", "norfolk",
    "christmas",
})  # fmt: skip
_MAX_NAME_WORDS = 4
# A run of capitalised words ("United Arab Emirates", "Hamburg, Germany" gives two runs);
# "of", "and", "the" may join them ("Republic of Korea").
_CAPITALISED_RUN = re.compile(
    r"[A-ZÀ-ÖØ-Þ][^\W\d_]*\.?(?:[ \t]+(?:(?:of|and|the|de|del|do|da)[ \t]+)?"
    r"[A-ZÀ-ÖØ-Þ][^\W\d_]*\.?)*"
)
# An internationally written phone number in free text: +49 30 1234567, 0049 (30) 123-45.
# The leading character class keeps the scan fast; "0" must be "00" (checked after).
_PHONE_IN_TEXT = re.compile(r"[+0]0?[ \t]?[1-9][\d \t().\-/]{6,18}\d")


def _text_names() -> dict[str, str]:
    """Country names as they appear capitalised in a text, lower-cased: English, the buyer
    languages' names, the aliases; ambiguous and too short ones left out."""
    names = dict(_NAMES)
    for language in TEXT_LANGUAGES:
        translation = gettext.translation(
            "iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True
        )
        for country in pycountry.countries:
            for attr in ("name", "common_name"):
                value = getattr(country, attr, None)
                if value:
                    names.setdefault(translation.gettext(value).lower(), country.alpha_2)
    return {
        name: code
        for name, code in names.items()
        if len(name) > 3 and name not in _AMBIGUOUS_IN_TEXT and "," not in name
    } | {alias: ALIASES[alias] for alias in ("uk", "usa", "uae", "ksa")}


_TEXT_NAMES = _text_names()
_TEXT_FIRST_WORDS = frozenset(name.split(" ", 1)[0] for name in _TEXT_NAMES)


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
    return _country_of_number(re.sub(r"\D", "", text))


def _country_of_number(digits: str) -> str | None:
    """The country of an international number's digits (calling code first).

    The calling code decides where only one country uses it (49: Germany), a dictionary
    look-up; a code that several share (1, 7, 44) needs phonenumbers' full parse.
    """
    if not 7 <= len(digits) <= 15:
        return None
    for size in (1, 2, 3):
        regions = phonenumbers.COUNTRY_CODE_TO_REGION_CODE.get(int(digits[:size]))
        if regions:
            break
    else:
        return None
    if len(regions) == 1:
        return regions[0] if regions[0] != "001" else None
    try:
        number = phonenumbers.parse("+" + digits, None)
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


def country_in_text(text: str) -> str | None:
    """The first country a text names (ISO alpha-2), not counting ``EXPORTER_COUNTRIES``:
    "We are an importer in Germany" -> "DE"; None if it names none.

    Only capitalised names count ("Turkey", not "turkey"); given names and US states that
    are also country names ("Jordan", "Georgia") are left out.
    """
    for run in _CAPITALISED_RUN.findall(text):
        if " " not in run and "\t" not in run:  # most runs are one word: "Dear", "LED"
            code = _TEXT_NAMES.get(run.replace(".", "").lower())
            if code and code not in EXPORTER_COUNTRIES:
                return code
            continue
        tokens = run.replace(".", "").lower().split()
        for i, token in enumerate(tokens):
            if token not in _TEXT_FIRST_WORDS:
                continue
            for n in range(min(_MAX_NAME_WORDS, len(tokens) - i), 0, -1):
                code = _TEXT_NAMES.get(" ".join(tokens[i : i + n]))
                if code and code not in EXPORTER_COUNTRIES:
                    return code
    return None


def phone_country_in_text(text: str) -> str | None:
    """The country of the first internationally written phone number in a text, or None."""
    for match in _PHONE_IN_TEXT.finditer(text):
        number, start = match.group(0), match.start()
        if (number[0] == "0" and number[1] != "0") or (start and text[start - 1].isalnum()):
            continue
        code = _country_of_number(re.sub(r"\D", "", number.lstrip("+0 \t")))
        if code:
            return code
    return None
