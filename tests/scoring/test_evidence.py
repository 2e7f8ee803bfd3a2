"""Quoted wording is readable evidence: meaningful n-grams, no names, in context, at most 3."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from inquiry_quality.core import schema
from inquiry_quality.scoring import Scorer
from inquiry_quality.scoring.evidence import (
    QUOTED,
    evidence,
    in_context,
    meaningful,
    name_words,
    stop_words,
)
from inquiry_quality.scoring.reasons import QUOTE_START

RAW = {
    "sender_name": "Maria Vazquez",
    "sender_email": "m.vazquez77@gmail.com",
    "subject": "price",
    "body": "Dear Mr. Wang,\n\nPlease send your best price list. Regards from Leeds.",
    "signature": "Maria Vazquez\nPurchasing",
}


def test_names_come_from_the_sender_and_from_capitals_inside_sentences() -> None:
    names = name_words(RAW)
    assert {"maria", "vazquez", "wang", "leeds"} <= names
    assert not {"please", "dear", "regards", "price", "send"} & names
    german = RAW | {schema.BODY: "Wir suchen LED Hallenstrahler für unser Lager."}
    assert "hallenstrahler" in name_words(german)  # capitalised inside a sentence ...
    assert name_words(german, "de") == {"maria", "vazquez", "gmail", "com"}  # ... a noun


@pytest.mark.parametrize(
    "term", ["or", "of", "of the", "the xxnum", "xxurl", "vazquez", "dear maria"]
)
def test_stop_words_placeholders_and_names_are_not_evidence(term: str) -> None:
    assert not meaningful(term, name_words(RAW))


@pytest.mark.parametrize("term", ["price list", "send your best", "western union", "moq"])
def test_words_that_carry_meaning_are_evidence(term: str) -> None:
    assert meaningful(term, name_words(RAW))


def test_stop_words_cover_the_buyer_languages() -> None:
    assert {"the", "und", "el", "и", "que", "le"} <= stop_words()


def test_each_term_is_shown_in_its_context() -> None:
    text = "dear mr. wang, please send your best price list for xxnum pcs. regards"
    assert in_context("price list", text) == "…send your best price list for [number] pcs.…"
    assert in_context("dear", text) == "dear mr. wang, please…"
    assert in_context("missing words", text) is None
    assert in_context("please", text) == "dear mr. wang, please send your best…"
    assert in_context("please", text, frozenset({"wang"})) == "…please send your best…"


def test_at_most_three_and_no_repeats() -> None:
    text = (
        "please send your best price list and catalogue of all your products today. we "
        "need led panels for a hotel project in our city and a school"
    )
    terms = ["or", "price list", "best price list", "catalogue", "products", "hotel", "school"]
    shown = evidence(terms, text, RAW)
    assert len(shown) == QUOTED
    assert shown[:2] == [
        "…send your best price list and catalogue of…",
        "…of all your products today. we need…",
    ]
    assert all("vazquez" not in s for s in shown)


@pytest.fixture(scope="module")
def demo_reasons(scorer: Scorer, new_batch: pd.DataFrame) -> pd.DataFrame:
    return scorer.score_details(new_batch)


def test_demo_reasons_quote_readable_evidence(demo_reasons, new_batch: pd.DataFrame) -> None:
    output, features = demo_reasons.output, demo_reasons.features
    quoted_rows = 0
    for i, said in enumerate(output["reasons"]):
        names = name_words(new_batch.iloc[i].to_dict())
        for reason in said:
            assert "Buyer region" not in reason and not reason[2:].startswith("Buyer in ")
            assert not re.search(r"\b[a-z]+_[a-z_]+\b", reason), reason  # no raw identifiers
            if QUOTE_START not in reason:
                continue
            quoted_rows += 1
            quotes = re.findall(r"'(…?[^']+?…?)'(?:, |$)", reason.split(QUOTE_START[:-1], 1)[1])
            assert 1 <= len(quotes) <= QUOTED, reason
            for quote in quotes:
                assert quote.strip("…") in features["clean_text"].iloc[i].replace(
                    "xxnum", "[number]"
                ).replace("xxurl", "[link]").replace("xxemail", "[e-mail address]"), quote
                words = set(re.findall(r"\w+", quote.lower()))
                assert words - stop_words(), quote
                assert not {w for w in words & names if len(w) > 1} - {"com"}, (
                    quote,
                    words & names,
                )  # initials: no names
    assert quoted_rows > 0
