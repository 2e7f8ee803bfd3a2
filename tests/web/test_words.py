"""Chances in words, reasons split for and against."""

from __future__ import annotations

import pytest

from inquiry_quality.web.words import attachment_names, in_words, reasons_for_against


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
