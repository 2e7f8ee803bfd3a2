"""Region family: the buyer's country from four sources, mapped to a sales region.

The claim wins over the text, the text over the phone, the phone over the domain: a buyer
states their country on purpose, in the country field or in the mail ("an importer in
Kenya", a signature address); a +49 number is strong evidence but travels with its owner;
a ccTLD is the weakest hint (.de sites sell abroad). Whether the claim agrees with the text,
and the phone with the rest, are features of their own: a buyer who claims one country and
writes from another is a classic sign of a competitor or a scam.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from inquiry_quality.core import schema
from inquiry_quality.features.base import FeatureFamily, text_column
from inquiry_quality.features.countries import (
    country_from_claim,
    country_from_domain,
    country_from_phone,
    country_in_text,
    phone_country_in_text,
)

UNKNOWN = "Unknown"

# UN M49 sub-regions folded into the regions a sales team uses (ISO alpha-2). No maintained
# package ships this grouping: CIS is a trade bloc and "Middle East" is not an M49 region.
_REGION_CODES: Mapping[str, str] = {
    "Europe": "AD AL AT AX BA BE BG CH CY CZ DE DK EE ES FI FO FR GB GG GI GR HR HU IE IM IS IT "
    "JE LI LT LU LV MC MD ME MK MT NL NO PL PT RO RS SE SI SJ SK SM UA VA XK",
    "North America": "BM CA GL PM US",
    "Latin America": "AG AI AR AW BB BL BO BQ BR BS BZ CL CO CR CU CW DM DO EC FK GD GF GP GT "
    "GY HN HT JM KN KY LC MF MQ MS MX NI PA PE PR PY SR SV SX TC TT UY VC VE VG VI",
    "Middle East": "AE BH IL IQ IR JO KW LB OM PS QA SA SY TR YE",
    "Africa": "AO BF BI BJ BW CD CF CG CI CM CV DJ DZ EG EH ER ET GA GH GM GN GQ GW KE KM LR LS "
    "LY MA MG ML MR MU MW MZ NA NE NG RE RW SC SD SH SL SN SO SS ST SZ TD TG TN TZ UG YT ZA ZM "
    "ZW",
    "South Asia": "AF BD BT IN LK MV NP PK",
    "Southeast Asia": "BN ID KH LA MM MY PH SG TH TL VN",
    "East Asia": "CN HK JP KP KR MN MO TW",
    "CIS": "AM AZ BY GE KG KZ RU TJ TM UZ",
    "Oceania": "AS AU CK FJ FM GU KI MH MP NC NR NU NZ PF PG PW SB TO TV VU WS",
}
REGION_OF: Mapping[str, str] = {
    code: region for region, codes in _REGION_CODES.items() for code in codes.split()
}
REGIONS: tuple[str, ...] = (*_REGION_CODES, UNKNOWN)

_SEED_AFRICA_MIDDLE_EAST = (
    "Middle East & Africa (from the team's notes): buyers like chat apps, but keep quotes, "
    "contracts and documents on e-mail for the record; credit is weaker, so secure payment "
    "(deposit or L/C); they bargain hard: offer tiered quotes with a low-price option."
)
_GENERIC = "(generic tip, not from the team's notes) "
REGION_TIPS: Mapping[str, str] = {
    "Europe": "Europe (from the team's notes): greet formally (Dear Mr./Ms. ..., never 'hi'); "
    "expect slower replies and long holidays; stress certifications (CE, RoHS), environmental "
    "compliance and packaging; credit is usually good and a reputable supplier is paid more.",
    "North America": "North America (from the team's notes): reply fast and in detail; stress "
    "quality certifications (UL, ETL, DLC) and show your factory's scale; credit is usually "
    "good; prices run below Europe's.",
    "Middle East": _SEED_AFRICA_MIDDLE_EAST,
    "Africa": _SEED_AFRICA_MIDDLE_EAST,
    "Latin America": _GENERIC + "quote in English or Spanish/Portuguese, state import "
    "documents (certificate of origin, Form F/E where relevant) and secure payment terms.",
    "South Asia": _GENERIC + "expect price-driven negotiation; offer tiered quotes and clear "
    "MOQs; secure payment (deposit or L/C at sight).",
    "Southeast Asia": _GENERIC + "mention ASEAN-China Form E for duty savings; be responsive "
    "on chat apps but confirm everything by e-mail.",
    "East Asia": _GENERIC + "be precise on specifications and test reports; quality and "
    "delivery reliability weigh more than price.",
    "CIS": _GENERIC + "clarify certification (EAC) and the logistics route early; confirm "
    "payment channel and currency before quoting.",
    "Oceania": _GENERIC + "state SAA/RCM compliance for Australia and New Zealand; shipping "
    "time and landed cost matter.",
    UNKNOWN: _GENERIC + "the buyer's country is unknown: ask for it, with the destination port, "
    "before quoting.",
}


def region_of(country: str | None) -> str:
    """The sales region of an ISO alpha-2 code, "Unknown" when not known."""
    return REGION_OF.get(country or "", UNKNOWN)


def country_sources(row: Mapping[str, str]) -> dict[str, str | None]:
    """Country according to each source: the claim, the text, the phone (or fax), the domain.

    The text is the subject, the new body and the signature (never the quoted earlier mail,
    which is the exporter's own); its country is the first one it names. The phone is the
    structured field, else the fax, else the first international number in the text.
    """
    text = f"{row[schema.SUBJECT]}\n{row[schema.BODY]}\n{row[schema.SIGNATURE]}"
    phone = (
        country_from_phone(row[schema.PHONE])
        or country_from_phone(row[schema.FAX])
        or phone_country_in_text(text)
    )
    domain = country_from_domain(row[schema.SENDER_EMAIL]) or country_from_domain(
        row[schema.WEBSITE]
    )
    # in precedence order: the first source that names a country wins
    return {
        "claim": country_from_claim(row[schema.COUNTRY]),
        "text": country_in_text(text),
        "phone": phone,
        "domain": domain,
    }


def agreement(countries: Mapping[str, str | None]) -> float:
    """1.0 if every known source agrees, 0.0 if any two differ, NaN with fewer than two."""
    known = {c for c in countries.values() if c}
    n_known = sum(1 for c in countries.values() if c)
    if n_known < 2:
        return np.nan
    return float(len(known) == 1)


class RegionFeatures(FeatureFamily):
    """The buyer's country (and which source gave it), region and consistency of sources."""

    feature_names = (
        "country",
        "country_source",
        "region",
        "country_sources_agree",
        "claim_matches_text",
        "phone_matches_country",
    )

    def _columns(self, X: pd.DataFrame) -> dict[str, list]:
        fields = (
            schema.COUNTRY,
            schema.PHONE,
            schema.FAX,
            schema.SENDER_EMAIL,
            schema.WEBSITE,
            schema.SUBJECT,
            schema.BODY,
            schema.SIGNATURE,
        )
        columns = {f: text_column(X, f) for f in fields}
        out: dict[str, list] = {name: [] for name in self.feature_names}
        for values in zip(*columns.values(), strict=True):
            sources = country_sources(dict(zip(fields, values, strict=True)))
            source = next((s for s, c in sources.items() if c), "none")
            country = sources.get(source) or ""
            out["country"].append(country)
            out["country_source"].append(source)
            out["region"].append(region_of(country))
            out["country_sources_agree"].append(agreement(sources))
            claim, named, phone = sources["claim"], sources["text"], sources["phone"]
            out["claim_matches_text"].append(float(claim == named) if claim and named else np.nan)
            # the phone against the best of the other sources
            other = next((c for s, c in sources.items() if c and s != "phone"), None)
            out["phone_matches_country"].append(
                float(phone == other) if phone and other else np.nan
            )
        return out
