"""Look-alike domains: each typosquatting rule, and the near names that are not look-alikes."""

from __future__ import annotations

import pytest

from inquiry_quality.features.lookalike import DomainIndex, label_of, skeleton

KNOWN = ("brightway.com.br", "lumitec.de", "acme-trading.co.uk")


@pytest.fixture(scope="module")
def index() -> DomainIndex:
    return DomainIndex(KNOWN)


@pytest.mark.parametrize(
    ("domain", "imitated"),
    [
        ("brightway.com", "brightway.com.br"),  # another suffix
        ("bright-way.com.br", "brightway.com.br"),  # a hyphen added
        ("acmetrading.co.uk", "acme-trading.co.uk"),  # a hyphen dropped
        ("brightvvay.com.br", "brightway.com.br"),  # vv for w
        ("brightwаy.com.br", "brightway.com.br"),  # Cyrillic а (confusables table)
        ("xn--brightwy-7fg.com.br", "brightway.com.br"),  # the same, as punycode
        ("lurnitec.de", "lumitec.de"),  # rn for m
        ("lumitecc.de", "lumitec.de"),  # a letter doubled
        ("lumitek.de", "lumitec.de"),  # a letter changed
        ("lumitec-group.de", "lumitec.de"),  # a short word added
    ],
)
def test_each_rule_finds_the_imitated_domain(
    index: DomainIndex, domain: str, imitated: str
) -> None:
    assert index.imitated(domain) == imitated


@pytest.mark.parametrize(
    "domain",
    ["brightway.com.br", "lumitec.de", "gmail.com", "lumilight.de", "acme.co.uk", "tec.de", ""],
)
def test_known_and_unrelated_domains_are_not_look_alikes(index: DomainIndex, domain: str) -> None:
    assert index.imitated(domain) == ""


def test_short_labels_match_only_exact_look_alikes() -> None:
    index = DomainIndex(["abc.com"])
    assert index.imitated("abc.net") == "abc.com"
    assert index.imitated("abd.com") == ""  # one letter off a 3-letter name: another company


def test_skeleton_and_label() -> None:
    assert skeleton("Bright-Wаy") == skeleton("brightvvay") == "brightway"
    assert skeleton("n1ngb0") == "nlngbo"
    assert label_of("mail.bright-way.com.br") == "bright-way"
    assert not DomainIndex([])
