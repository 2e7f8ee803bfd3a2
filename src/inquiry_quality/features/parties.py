"""Parties family: is the sender someone we know, or someone imitating them (or us)?

Reads an optional CRM contacts export (``featurize.known_parties``: one row per account with
``company``, ``domains`` and ``emails`` separated by ``;`` or ``,``, and optionally ``phone``)
and our own domains (``featurize.own_domains``). Without the export, the CRM features are NaN.
The model keeps the export as ``KnownParties``: company domains as they are, but the contacts'
addresses, phones and name words only as one-way digests (no personal data in a model).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np
import pandas as pd

from inquiry_quality.core import schema
from inquiry_quality.features.base import FeatureFamily, flag, text_column
from inquiry_quality.features.countries import split_domain
from inquiry_quality.features.domain import address_of, domain_kind
from inquiry_quality.features.lexicon import fold
from inquiry_quality.features.lookalike import DomainIndex

PARTY_COLUMNS = ("company", "domains", "emails")  # required; "phone" is optional
_SPLIT = re.compile(r"[;,\s]+")
_NAME_PART = re.compile(r"[^\W\d_]{2,}")
PHONE_DIGITS = 9  # phones match on their last digits (country and trunk prefixes vary)


def read_known_parties(path: str | Path, setting: str = "featurize.known_parties") -> pd.DataFrame:
    """The CRM contacts export (CSV), checked for the columns the features read; ``setting``
    names the parameter that pointed to it, for the error."""
    path = Path(path)
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    except FileNotFoundError as exc:
        raise FileNotFoundError(f"{path}: known-parties file ({setting}) not found") from exc
    frame.columns = [str(c).strip().lower() for c in frame.columns]
    missing = [c for c in PARTY_COLUMNS if c not in frame.columns]
    if missing:
        raise ValueError(f"{path}: known-parties file lacks column(s) {', '.join(missing)}")
    return frame


def _values(cell: object) -> list[str]:
    return [v for v in _SPLIT.split(str(cell).strip().lower()) if v]


def phone_key(phone: str) -> str:
    """The last ``PHONE_DIGITS`` digits of a phone number ("" if it has fewer)."""
    digits = re.sub(r"\D", "", phone)
    return digits[-PHONE_DIGITS:] if len(digits) >= PHONE_DIGITS else ""


def name_key(text: str) -> frozenset[str]:
    """The name words of a display name or an address's local part (john.smith -> john, smith)."""
    return frozenset(_NAME_PART.findall(fold(text)))


def digest(value: str) -> str:
    """A one-way key of a contact's address, phone or name word (what the model keeps)."""
    return hashlib.blake2b(value.encode(), digest_size=16, person=b"known-parties").hexdigest()


def _digests(values: frozenset[str]) -> frozenset[str]:
    return frozenset(digest(v) for v in values)


@dataclass(frozen=True)
class KnownParties:
    """The CRM's company domains, and digests of its addresses, phones and contact names,
    ready for lookups (``digest`` of what is looked up)."""

    emails: frozenset[str]
    domains: frozenset[str]
    phones: frozenset[str]
    names: dict[frozenset[str], frozenset[str]]  # a contact's name words -> their domains

    @classmethod
    def from_frame(cls, frame: pd.DataFrame) -> KnownParties:
        emails, domains, phones, names = set(), set(), set(), {}
        for _, row in frame.iterrows():
            account_emails = [e for e in _values(row["emails"]) if "@" in e]
            account_domains = {split_domain(d)[0] for d in _values(row["domains"])}
            account_domains |= {split_domain(e)[0] for e in account_emails}
            account_domains = {d for d in account_domains if d and domain_kind(d) == "corporate"}
            emails.update(digest(e) for e in account_emails)
            domains.update(account_domains)
            if key := phone_key(str(row.get("phone", ""))):
                phones.add(digest(key))
            for email in account_emails:
                words = _digests(name_key(email.split("@", 1)[0]))
                if len(words) >= 2:
                    names[words] = frozenset(names.get(words, frozenset()) | account_domains)
        return cls(frozenset(emails), frozenset(domains), frozenset(phones), names)

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        """Pickled with sorted members: the same CRM export gives the same model bytes (a set's
        order follows the string-hash seed of the process)."""
        names = sorted((tuple(sorted(k)), tuple(sorted(v))) for k, v in self.names.items())
        members = (sorted(self.emails), sorted(self.domains), sorted(self.phones), names)
        return _known_parties, members

    def knows_email(self, address: str) -> bool:
        return digest(address) in self.emails

    def knows_phone(self, phone: str) -> bool:
        key = phone_key(phone)
        return bool(key) and digest(key) in self.phones

    def name_domains(self, display_name: str) -> frozenset[str] | None:
        """The domains of the known contact whose name the display name carries, else None."""
        words = _digests(name_key(display_name))
        if len(words) < 2:
            return None
        for key, domains in self.names.items():
            if key <= words:
                return domains
        return None


class PartyFeatures(FeatureFamily):
    """Known contact or company domain, look-alike domains, known names elsewhere, Reply-To
    diverted to another domain. ``known_parties``: the CRM export (``KnownParties``, or its
    frame) or None; ``own_domains``: our own e-mail domains."""

    feature_names = (
        "known_contact",
        "known_company_domain",
        "lookalike_domain",
        "lookalike_of",
        "known_name_elsewhere",
        "reply_to_other_domain",
    )

    def __init__(
        self,
        known_parties: KnownParties | pd.DataFrame | None = None,
        own_domains: Sequence[str] = (),
    ) -> None:
        self.known_parties = known_parties
        self.own_domains = own_domains

    @cached_property
    def _known(self) -> KnownParties | None:
        if self.known_parties is None or isinstance(self.known_parties, KnownParties):
            return self.known_parties
        return KnownParties.from_frame(self.known_parties)

    @cached_property
    def _index(self) -> DomainIndex:
        known = self._known.domains if self._known else frozenset()
        return DomainIndex([*known, *(split_domain(d)[0] or d for d in self.own_domains)])

    def __getstate__(self) -> dict:
        state = super().__getstate__()
        state.pop("_known", None)
        state.pop("_index", None)
        return state

    def _columns(self, X: pd.DataFrame) -> dict[str, list]:
        known, index = self._known, self._index
        fields = (schema.SENDER_EMAIL, schema.SENDER_NAME, schema.REPLY_TO, schema.PHONE)
        out: dict[str, list] = {name: [] for name in self.feature_names}
        for email, name, reply_to, phone in zip(*(text_column(X, f) for f in fields), strict=True):
            address, reply = address_of(email), address_of(reply_to)
            domain = split_domain(address)[0] if address else ""
            reply_domain = split_domain(reply)[0] if reply else ""
            kind = domain_kind(domain)
            if known is None:
                for column in ("known_contact", "known_company_domain", "known_name_elsewhere"):
                    out[column].append(np.nan)
            else:
                known_address = bool(address) and known.knows_email(address)
                out["known_contact"].append(
                    flag(known_address or known.knows_phone(phone)) if address else np.nan
                )
                out["known_company_domain"].append(
                    flag(domain in known.domains) if domain else np.nan
                )
                named = known.name_domains(name) if address else None
                out["known_name_elsewhere"].append(
                    flag(named is not None and not known_address and domain not in named)
                )
            targets = (
                [
                    index.imitated(d)
                    for d in (domain if kind == "corporate" else "", reply_domain)
                    if d and domain_kind(d) == "corporate"
                ]
                if index
                else []
            )
            target = next((t for t in targets if t), "")
            out["lookalike_domain"].append(flag(bool(target)) if index and domain else np.nan)
            out["lookalike_of"].append(target)
            out["reply_to_other_domain"].append(
                flag(bool(reply_domain) and bool(domain) and reply_domain != domain)
            )
        return out


def _known_parties(
    emails: list[str],
    domains: list[str],
    phones: list[str],
    names: list[tuple[tuple[str, ...], tuple[str, ...]]],
) -> KnownParties:
    """``KnownParties`` from its pickled, sorted members."""
    by_name = {frozenset(words): frozenset(found) for words, found in names}
    return KnownParties(frozenset(emails), frozenset(domains), frozenset(phones), by_name)
