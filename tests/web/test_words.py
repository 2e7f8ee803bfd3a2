"""Chances in words, reasons split for and against."""

from __future__ import annotations

import pytest

from inquiry_quality.core import schema
from inquiry_quality.scoring.tiers import (
    ACCOUNT_OWNER,
    ASK_FOR_DETAILS,
    DISCARD,
    NO_FOLLOW_UP,
    VERIFY_IDENTITY,
)
from inquiry_quality.web.words import (
    attachment_names,
    details_unlisted,
    in_words,
    no_mail_why,
    reasons_for_against,
)


@pytest.mark.parametrize(
    ("p", "words"),
    [
        (0.74, "about 3 in 4"),
        (0.5, "about 1 in 2"),
        (0.13, "about 1 in 8"),
        (0.9, "about 9 in 10"),
        (0.97, "more than 19 in 20"),
        (0.02, "less than 1 in 20"),
        (0.001, "less than 1 in 100"),
        (float("nan"), "unknown"),
    ],
)
def test_a_chance_reads_as_odds(p: float, words: str) -> None:
    assert in_words(p) == words


def test_reasons_and_attachments_are_split() -> None:
    assert reasons_for_against(["+ Names a product", "- Free mail", "+ Quantity"]) == (
        ["Names a product", "Quantity"],
        ["Free mail"],
    )
    assert attachment_names("a.pdf; b <x>.html; ") == ["a.pdf", "b <x>.html"]


def test_no_mail_and_no_details_say_why_per_tier() -> None:
    # an existing customer is answered by its account owner, not told "do not reply"
    assert no_mail_why({schema.TIER: ACCOUNT_OWNER}) == NO_FOLLOW_UP[ACCOUNT_OWNER]
    assert "do not reply" not in NO_FOLLOW_UP[ACCOUNT_OWNER]
    assert no_mail_why({schema.TIER: ASK_FOR_DETAILS}) is None
    assert details_unlisted({schema.TIER: DISCARD})
    # an identity check still reads what is missing (company, website, phone)
    assert details_unlisted({schema.TIER: VERIFY_IDENTITY}) is None
    assert details_unlisted({schema.TIER: ASK_FOR_DETAILS}) is None
