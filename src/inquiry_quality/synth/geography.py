"""Where buyers are: regions with the seed's traits, their countries, languages and contacts.

Country names come from ``pycountry``, phone numbers from ``phonenumbers`` (a valid pattern of
the country), domain suffixes from ``tldextract``'s bundled public-suffix snapshot.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from zoneinfo import ZoneInfo

import numpy as np
import phonenumbers
import tldextract

# Numbers of ~100 countries need more metadata patterns than the re module's own cache holds.
phonenumbers.enable_pattern_cache()


@dataclass(frozen=True)
class Region:
    """A sales region; numbers are the seed's traits expressed as generator settings."""

    name: str
    countries: dict[str, float]  # ISO alpha-2 -> weight inside the region
    formality: float  # log-odds shift towards "Dear Sir/Mr." greetings and away from "hi"
    detail: float  # log-odds shift of stating specs, terms and contacts
    quality_focus: float  # log-odds shift of asking for certifications and packaging
    chat_apps: float  # log-odds shift of "add me on WhatsApp"
    bargaining: float  # log-odds shift of "best/lowest price" phrasing
    credit: float  # log-odds shift of an order following a genuine inquiry
    days_to_close: float  # median days from inquiry to a won or lost deal
    certificates: tuple[str, ...]  # what buyers of the region ask for


REGIONS: tuple[Region, ...] = (
    Region(
        "Europe",
        {"DE": 5, "GB": 4, "FR": 3, "IT": 3, "ES": 3, "NL": 2, "PL": 2, "PT": 1, "SE": 1, "BE": 1},
        formality=1.2,
        detail=0.3,
        quality_focus=1.2,
        chat_apps=-1.0,
        bargaining=-0.6,
        credit=0.4,
        days_to_close=60,
        certificates=("CE and RoHS", "CE, RoHS and ERP", "ENEC", "CE/EMC/LVD"),
    ),
    Region(
        "North America",
        {"US": 6, "CA": 2},
        formality=0.3,
        detail=0.8,
        quality_focus=1.0,
        chat_apps=-1.0,
        bargaining=-0.3,
        credit=0.4,
        days_to_close=30,
        certificates=("UL", "UL and DLC", "ETL", "FCC and UL"),
    ),
    Region(
        "Middle East",
        {"AE": 4, "SA": 3, "TR": 2, "QA": 1, "KW": 1, "JO": 1, "OM": 1},
        formality=-0.3,
        detail=-0.3,
        quality_focus=-0.6,
        chat_apps=1.2,
        bargaining=1.0,
        credit=-0.4,
        days_to_close=40,
        certificates=("SASO", "G-Mark", "ESMA", "CE"),
    ),
    Region(
        "Africa",
        {"NG": 4, "GH": 2, "KE": 2, "ZA": 2, "EG": 2, "TZ": 1, "ET": 1},
        formality=-0.3,
        detail=-0.5,
        quality_focus=-0.8,
        chat_apps=1.3,
        bargaining=1.0,
        credit=-0.7,
        days_to_close=45,
        certificates=("SONCAP", "KEBS", "SABS", "CE"),
    ),
    Region(
        "Latin America",
        {"MX": 3, "BR": 4, "AR": 2, "CL": 2, "CO": 2, "PE": 1},
        formality=0.0,
        detail=-0.2,
        quality_focus=-0.2,
        chat_apps=0.8,
        bargaining=0.5,
        credit=-0.2,
        days_to_close=45,
        certificates=("INMETRO", "NOM", "S-Mark", "CE"),
    ),
    Region(
        "South Asia",
        {"IN": 6, "PK": 2, "BD": 2, "LK": 1},
        formality=0.4,
        detail=-0.2,
        quality_focus=-0.5,
        chat_apps=0.8,
        bargaining=0.9,
        credit=-0.3,
        days_to_close=35,
        certificates=("BIS", "CE", "PSQCA"),
    ),
    Region(
        "Southeast Asia",
        {"VN": 2, "TH": 2, "MY": 2, "ID": 2, "PH": 2, "SG": 1},
        formality=0.0,
        detail=0.0,
        quality_focus=-0.2,
        chat_apps=0.6,
        bargaining=0.4,
        credit=0.0,
        days_to_close=30,
        certificates=("SIRIM", "TISI", "SNI", "CE"),
    ),
    Region(
        "East Asia",
        {"JP": 3, "KR": 3, "TW": 2, "HK": 2},
        formality=0.8,
        detail=0.5,
        quality_focus=0.8,
        chat_apps=-0.2,
        bargaining=-0.2,
        credit=0.3,
        days_to_close=40,
        certificates=("PSE", "KC", "BSMI", "CE"),
    ),
    Region(
        "CIS",
        {"RU": 5, "KZ": 2, "UZ": 1, "BY": 1},
        formality=0.0,
        detail=-0.2,
        quality_focus=0.0,
        chat_apps=0.5,
        bargaining=0.5,
        credit=-0.2,
        days_to_close=50,
        certificates=("EAC", "GOST", "CE"),
    ),
    Region(
        "Oceania",
        {"AU": 4, "NZ": 1},
        formality=0.0,
        detail=0.6,
        quality_focus=1.0,
        chat_apps=-0.8,
        bargaining=-0.3,
        credit=0.4,
        days_to_close=35,
        certificates=("SAA", "RCM", "SAA and RCM"),
    ),
    Region(
        "China",
        {"CN": 1},
        formality=-0.5,
        detail=0.0,
        quality_focus=-0.4,
        chat_apps=0.8,
        bargaining=0.6,
        credit=0.0,
        days_to_close=20,
        certificates=("CCC", "CE", "CB"),
    ),
)
REGION_NAMES: tuple[str, ...] = tuple(r.name for r in REGIONS)

# Languages other than English a buyer from these countries may write in; the generator picks
# one of them for a share of the country's inquiries (see ``non_english_weight``).
COUNTRY_LANGUAGES: dict[str, tuple[str, ...]] = {
    "DE": ("de",),
    "FR": ("fr",),
    "IT": ("it",),
    "ES": ("es",),
    "BE": ("fr",),
    "PT": ("pt",),
    "TR": ("tr",),
    "MX": ("es",),
    "AR": ("es",),
    "CL": ("es",),
    "CO": ("es",),
    "PE": ("es",),
    "BR": ("pt",),
    "RU": ("ru",),
    "KZ": ("ru",),
    "UZ": ("ru",),
    "BY": ("ru",),
    "AE": ("ar",),
    "SA": ("ar",),
    "QA": ("ar",),
    "KW": ("ar",),
    "JO": ("ar",),
    "OM": ("ar",),
    "EG": ("ar",),
    "CN": ("zh",),
    "TW": ("zh",),
    "HK": ("zh",),
}
# Relative propensity to write in the local language (scaled to the configured share).
LANGUAGE_PROPENSITY: dict[str, float] = {
    "de": 1.0,
    "fr": 1.3,
    "it": 1.3,
    "es": 2.2,
    "pt": 2.4,
    "ru": 2.6,
    "ar": 0.9,
    "tr": 2.0,
    "zh": 2.0,
}

# Faker locales for names and company names; countries without one use a neighbour's.
FAKER_LOCALES: dict[str, str] = {
    "DE": "de_DE",
    "GB": "en_GB",
    "FR": "fr_FR",
    "IT": "it_IT",
    "ES": "es_ES",
    "NL": "nl_NL",
    "PL": "pl_PL",
    "SE": "sv_SE",
    "BE": "nl_BE",
    "PT": "pt_PT",
    "US": "en_US",
    "CA": "en_CA",
    "AE": "ar_AA",
    "SA": "ar_SA",
    "TR": "tr_TR",
    "QA": "ar_AA",
    "KW": "ar_AA",
    "JO": "ar_AA",
    "OM": "ar_AA",
    "NG": "en_NG",
    "GH": "tw_GH",
    "KE": "en_KE",
    "ZA": "zu_ZA",
    "EG": "ar_AA",
    "TZ": "en_KE",
    "ET": "en_KE",
    "MX": "es_MX",
    "BR": "pt_BR",
    "AR": "es_AR",
    "CL": "es_CL",
    "CO": "es_CO",
    "PE": "es_CO",
    "IN": "en_IN",
    "PK": "en_PK",
    "BD": "en_BD",
    "LK": "en_IN",
    "VN": "vi_VN",
    "TH": "en_TH",
    "MY": "id_ID",
    "ID": "id_ID",
    "PH": "en_PH",
    "SG": "zh_CN",
    "JP": "ja_JP",
    "KR": "ko_KR",
    "TW": "zh_TW",
    "HK": "zh_TW",
    "RU": "ru_RU",
    "KZ": "ru_RU",
    "UZ": "uz_UZ",
    "BY": "ru_RU",
    "AU": "en_AU",
    "NZ": "en_NZ",
    "CN": "zh_CN",
}

_SUFFIXES = frozenset(tldextract.TLDExtract(suffix_list_urls=()).tlds)


def all_countries() -> tuple[str, ...]:
    return tuple(c for r in REGIONS for c in r.countries)


def country_region(country: str) -> int:
    """Index in REGIONS of an ISO alpha-2 country."""
    for i, region in enumerate(REGIONS):
        if country in region.countries:
            return i
    raise KeyError(f"country {country!r} is in no region")


def non_english_weight(country: str) -> float:
    """Relative chance that a buyer from ``country`` writes in a language other than English."""
    langs = COUNTRY_LANGUAGES.get(country, ())
    return float(np.mean([LANGUAGE_PROPENSITY[lang] for lang in langs])) if langs else 0.0


@cache
def _example_number(country: str, kind: int) -> phonenumbers.PhoneNumber:
    """The country's example number of that type (or any), as ``phonenumbers`` ships it."""
    return phonenumbers.example_number_for_type(country, kind) or phonenumbers.example_number(
        country
    )


def phone_number(country: str, rng: np.random.Generator) -> str:
    """A valid-looking international number of ``country``: its example pattern, new digits."""
    kind = (
        phonenumbers.PhoneNumberType.MOBILE
        if rng.random() < 0.6
        else (phonenumbers.PhoneNumberType.FIXED_LINE)
    )
    example = _example_number(country, kind)
    digits = str(example.national_number)
    for _ in range(5):
        keep = max(2, len(digits) - 6)
        tail = "".join(str(d) for d in rng.integers(0, 10, size=len(digits) - keep))
        number = phonenumbers.PhoneNumber(
            country_code=example.country_code, national_number=int(digits[:keep] + tail)
        )
        if phonenumbers.is_valid_number(number):
            break
    else:
        number = example
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def country_suffixes(country: str) -> tuple[str, ...]:
    """Domain suffixes a company of ``country`` uses: the ccTLD and its co./com. forms."""
    cc = "uk" if country == "GB" else country.lower()
    return (cc, *(s for s in (f"co.{cc}", f"com.{cc}") if s in _SUFFIXES))


@cache
def country_timezone(country: str) -> ZoneInfo:
    """The main time zone of ``country``, from the tz database's ``zone.tab``."""
    table = resources.files("tzdata.zoneinfo").joinpath("zone.tab").read_text(encoding="utf-8")
    for line in table.splitlines():
        fields = line.split("\t")
        if not line.startswith("#") and fields[0] == country:
            return ZoneInfo(fields[2])
    raise KeyError(f"no time zone for country {country!r}")
