"""Quantity, Incoterm and payment detection, and the n-gram lookup they rely on."""

from __future__ import annotations

import math

import pytest

from inquiry_quality.features.completeness import (
    find_incoterm,
    find_payment_terms,
    find_quantity,
    is_personal_name,
    signature_area,
)
from inquiry_quality.features.ngrams import first_words, ngram_set, phrase_set


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("please quote 5,000 pcs", ("5,000 pcs", 5000.0)),
        ("need 10k units and 200 sets", ("10k units", 10000.0)),
        ("2 x 40HQ containers", ("2 x 40HQ", 2.0)),
        ("800 unidades", ("800 unidades", 800.0)),
        ("1.500 Stück", ("1.500 Stück", 1500.0)),
    ],
)
def test_find_quantity(text: str, expected: tuple[str, float]) -> None:
    assert find_quantity(text) == expected


def test_no_quantity_is_unknown() -> None:
    text, value = find_quantity("send your price list, 40W panels")
    assert text == "" and math.isnan(value)


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Price FOB Ningbo or CIF Hamburg", "FOB"),
        ("c&f Lagos please", "CFR"),
        ("ex works your factory", "EXW"),
        ("dat is goed, fas", ""),  # Dutch and English words, not Incoterms
    ],
)
def test_find_incoterm(text: str, term: str) -> None:
    assert find_incoterm(ngram_set(text)) == term


def test_find_payment_terms() -> None:
    assert find_payment_terms(ngram_set("Payment: T/T 30% deposit")) == "T/T"
    assert find_payment_terms(ngram_set("L/C at sight")) == "L/C"
    assert find_payment_terms(ngram_set("pay by Western Union")) == ""


def test_phrases_longer_than_the_ngrams_are_refused() -> None:
    with pytest.raises(ValueError, match="longer than"):
        phrase_set(["cost insurance and freight"])


def test_role_names_are_not_persons() -> None:
    assert is_personal_name("Hans Müller")
    assert not is_personal_name("Purchasing Dept")
    assert not is_personal_name("sales@example.com")
    assert not is_personal_name("")


def test_signature_area_is_after_the_last_closing() -> None:
    body = "Please quote.\n\nBest regards,\nAnna Rossi\nBuyer"
    assert signature_area(body, "") == ",\nAnna Rossi\nBuyer"
    assert signature_area(body, "Anna Rossi") == "Anna Rossi"


def test_ngrams_from_starters_find_the_same_phrases(inquiries) -> None:
    phrases = phrase_set(["ship to", "port of discharge", "lead time", "t/t", "carton"])
    starters = first_words(phrases)
    for text in inquiries["body"].dropna():
        text = f"{text} ship to the port of discharge, lead time"
        assert ngram_set(text, starters) & phrases == ngram_set(text) & phrases
