"""Look-alike domains: a domain that imitates a known one without being it.

The rules typosquatters use, each checked on the domain's label (``bright-way`` of
bright-way.com.br): another suffix (brightway.net), a hyphen added or dropped, look-alike
letters (Unicode's confusables table from ``confusable-homoglyphs``, e.g. Cyrillic а for a,
0 for o, 1 for l, rn for m), one letter added, dropped or changed, or a short word added
(brightway-group). Labels shorter than ``MIN_LABEL`` only match through the first three.
"""

from __future__ import annotations

import contextlib
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from confusable_homoglyphs.confusables import confusables_data

from inquiry_quality.features.countries import split_domain

MIN_LABEL = 5  # shorter labels: one letter off is too often another real company
MAX_AFFIX = 5  # letters a combo-squat may add (brightway-co, brightwayintl)
#: ASCII letter pairs read as one letter that the confusables table does not list
EXTRA_PAIRS = (("vv", "w"), ("cl", "d"))


@lru_cache(maxsize=1)
def _glyphs() -> tuple[dict[str, str], tuple[tuple[str, str], ...]]:
    """(single character -> its ASCII prototype, ASCII sequences -> one letter)."""
    single: dict[str, str] = {}
    pairs = list(EXTRA_PAIRS)
    for char, entries in confusables_data.items():
        ascii_glyphs = [
            e["c"].lower()
            for e in entries
            if len(e["c"]) == 1 and e["c"].isascii() and e["c"].isalnum()
        ]
        if not ascii_glyphs:
            continue
        if len(char) == 1 and not (char.isascii() and char.isalpha()):
            single[char] = ascii_glyphs[0]
        elif len(char) > 1 and char.isascii() and char.isalnum():
            pairs.append((char.lower(), ascii_glyphs[0]))
    return single, tuple(sorted(set(pairs), key=lambda p: -len(p[0])))


def skeleton(label: str) -> str:
    """``label`` as it looks: lower-case ASCII prototypes of look-alike characters, without
    hyphens ("bright-wаy" with a Cyrillic а and "brightvvay" -> "brightway")."""
    single, pairs = _glyphs()
    text = unicodedata.normalize("NFKC", label).lower()
    text = "".join(single.get(c, c) for c in text).replace("-", "")
    for sequence, letter in pairs:
        text = text.replace(sequence, letter)
    return text


def label_of(domain: str) -> str:
    """The registered domain without its suffix (``bright-way`` of bright-way.com.br);
    punycode (xn--) is decoded so that its letters can be compared."""
    registered, suffix = split_domain(domain)
    label = registered[: -len(suffix) - 1] if registered and suffix else domain.split(".")[0]
    if label.startswith("xn--"):
        with contextlib.suppress(UnicodeError):
            label = label.encode("ascii").decode("idna")
    return label


def _deletes(key: str) -> set[str]:
    return {key[:i] + key[i + 1 :] for i in range(len(key))}


class DomainIndex:
    """Known domains, indexed so that a domain's imitation target is found in a few lookups."""

    def __init__(self, domains: Iterable[str]) -> None:
        self.domains = frozenset(d.strip().lower() for d in domains if d and d.strip())
        self._by_key: dict[str, str] = {}
        self._by_delete: dict[str, str] = {}
        for domain in sorted(self.domains):
            key = skeleton(label_of(domain))
            if not key:
                continue
            self._by_key.setdefault(key, domain)
            if len(key) >= MIN_LABEL:
                for variant in (key, *_deletes(key)):
                    self._by_delete.setdefault(variant, domain)

    def __bool__(self) -> bool:
        return bool(self.domains)

    def imitated(self, domain: str) -> str:
        """The known domain ``domain`` imitates, "" if none (or if it is a known one)."""
        domain = domain.strip().lower()
        if not domain or domain in self.domains:
            return ""
        key = skeleton(label_of(domain))
        if key in self._by_key:
            return self._by_key[key]
        if len(key) < MIN_LABEL:
            return ""
        for variant in (key, *_deletes(key)):
            if variant in self._by_delete:
                return self._by_delete[variant]
        for n in range(max(MIN_LABEL, len(key) - MAX_AFFIX), len(key)):
            for part in (key[:n], key[-n:]):
                if part in self._by_key:
                    return self._by_key[part]
        return ""
