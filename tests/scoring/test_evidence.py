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
    is_trade,
    junk_cue_words,
    meaningful,
    name_words,
    product_words,
    stop_words,
    trade_phrase_words,
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
    "term",
    [
        "or",
        "of",
        "of the",
        "the xxnum",
        "xxurl",
        "vazquez",
        "dear maria",
        # single common words: say nothing alone
        "item",
        "items",
        "send",
        "kindly",
        "und",
        "für",
        "votre",
        "tous",
        "pour",
        "вашу",
        "için",
    ],
)
def test_stop_words_placeholders_names_and_common_words_are_not_evidence(term: str) -> None:
    assert not meaningful(term, name_words(RAW))
    assert not meaningful(term, name_words(RAW), against=True)


@pytest.mark.parametrize(
    "term",
    ["price list", "send your best", "western union", "moq", "clearance fee", "inheritance"],
)
def test_words_that_carry_meaning_are_evidence(term: str) -> None:
    assert meaningful(term, name_words(RAW))


@pytest.mark.parametrize(
    "term",
    [
        "prix cif",  # fr: a price term
        "cif",
        "200w",
        "ip65",
        "xxnum lm",
        "led hallenstrahler",  # de: the product, a compound
        "hallenstrahler",
        "angebot über",
        "светодиодных светильников",  # ru: LED luminaires
        "proyectores",  # es
        "dalles led",  # fr
        "sokak armatürü",  # tr: street luminaire
        "lâmpada led",  # pt
        "resa cif",  # it
        "الأسعار cif",  # ar
        "madame monsieur",
    ],
)
def test_product_and_trade_words_are_no_junk_evidence(term: str) -> None:
    """Quoted against an inquiry, a buyer's own trade vocabulary would read as prejudice."""
    assert not meaningful(term, frozenset(), against=True)


@pytest.mark.parametrize(
    "term",
    [
        "lista de precios",  # es: price-list fishing
        "listino prezzi",  # it
        "прайс лист",  # ru
        "clearance fee",
        "bank account",
        "datos bancarios",
        "liberar los fondos",
        "transfer etmek",
    ],
)
def test_junk_wording_is_still_evidence_against(term: str) -> None:
    assert meaningful(term, frozenset(), against=True)


@pytest.mark.parametrize(
    ("word", "trade"),
    [
        ("paneles", True),  # an inflection of "panel"
        ("hallenstrahler", True),  # a compound ending in "strahler"
        ("светильников", True),
        ("36w", True),
        ("catalogue", False),  # asking for the whole catalogue is a junk sign
        ("heredero", False),
        ("beneficiary", False),
    ],
)
def test_trade_words_match_inflections_and_compounds(word: str, trade: bool) -> None:
    assert is_trade(word) is trade


def test_the_texts_own_trade_phrases_are_no_junk_evidence() -> None:
    """ "plazo de entrega" and "carta de crédito" are trade phrases of the Spanish lists; their
    words are no evidence against the inquiry that uses them, elsewhere they still are."""
    text = "plazo de entrega: antes de marzo. pago mediante carta de crédito a xxnum días."
    words = trade_phrase_words(text, "es")
    assert {"plazo", "entrega"} <= words
    assert not meaningful("plazo de", frozenset(), against=True, trade=words)
    assert meaningful("plazo de", frozenset(), against=True)
    assert evidence(["plazo de", "carta de"], text, {}, "es", against=True) == []
    assert evidence(["plazo de"], text, {}, "es") == ["plazo de entrega: antes de…"]
    turkish = "sayın yetkili, xxnum adet led sokak armatürü için fiyat teklifinizi rica ederiz."
    assert evidence(["sayın yetkili", "sayın"], turkish, {}, "tr", against=True) == []


def test_the_place_an_incoterm_names_is_no_junk_evidence() -> None:
    """ "FOB Ningbo" in a buyer's request names a port: no junk wording, whatever weight the
    model gives the place's name."""
    text = "bitte senden sie uns ihr angebot fob ningbo mit lieferzeit und ein muster."
    words = trade_phrase_words(text, "de")
    assert "ningbo" in words
    assert evidence(["fob ningbo", "angebot fob ningbo"], text, {}, "de", against=True) == []
    assert meaningful("fob ningbo", frozenset(), against=True)


def test_stop_words_cover_the_buyer_languages() -> None:
    assert {"the", "und", "el", "и", "que", "le", "di", "ve", "في"} <= stop_words()
    spanish = stop_words("es")
    assert {"el", "que", "sus", "the", "your"} <= spanish  # the language's and English
    assert not {"und", "и", "ve"} & spanish  # not every other language's
    assert stop_words("xx") == stop_words()  # unknown language: all of them


def test_each_term_is_shown_in_its_context() -> None:
    text = "dear mr. wang, please send your best price list for xxnum pcs. regards"
    assert in_context("price list", text) == "…send your best price list for [number] pcs.…"
    assert in_context("dear", text) == "dear mr. wang, please…"
    assert in_context("missing words", text) is None
    assert in_context("please", text) == "dear mr. wang, please send your best…"
    assert in_context("please", text, frozenset({"wang"})) == "…please send your best…"
    russian = "здравствуйте, пришлите прайс-лист и каталог на всю вашу продукцию."
    assert in_context("прайс лист", russian) == "здравствуйте, пришлите прайс-лист и каталог на…"


def test_at_most_three_and_no_repeats() -> None:
    text = (
        "please send your best price list and catalogue of all your products today. we "
        "need led panels for a hotel project in our city and a school. regards from the "
        "purchasing office of maria vazquez and her team"
    )
    terms = [
        "or",
        "price list",
        "best price list",  # shown with "price list"
        "catalogue",  # shown in its context
        "all your products",
        "hotel project",
        "purchasing office",
        "school",
    ]
    shown = evidence(terms, text, RAW, against=True)  # a vague request's wording, against it
    assert shown == [
        "…send your best price list and catalogue of…",
        "…and catalogue of all your products today. we need…",
        "…panels for a hotel project in our city…",
    ]
    assert len(shown) == QUOTED


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


def test_the_exporters_product_words_are_no_junk_evidence() -> None:
    """ "high bay" names a product of the catalogue: never junk wording, whatever the model's
    weight; a term with another word still is."""
    catalogue = pd.DataFrame(
        {"model_no": ["NB-HB-150W"], "product": ["LED high bay light"], "category": ["high bay"]}
    )
    products = product_words(catalogue)
    assert {"high", "bay", "light"} <= products and "led" in products
    text = "we need 350 pcs led high bay 150w for a warehouse. dear friend, act now."
    terms = ["high bay", "bay 150w", "act now"]
    assert evidence(terms, text, {}, "en", against=True, products=products) == [
        "…warehouse. dear friend, act now."
    ]
    assert evidence(["high bay"], text, {}, "en", against=True)  # without the catalogue


def test_signs_of_junk_are_never_quoted_for_an_inquiry() -> None:
    """ "price list" is what the catalogue-request reason holds against a vague request: the
    same words are no wording "typical of genuine inquiries", in any language's junk lists."""
    text = "hi, pls send me your price list and catalogue. thanks"
    assert junk_cue_words(text, "en") == {"price", "list", "catalogue"}
    assert {"tarifa", "registro"} <= junk_cue_words("pague la tarifa de registro", "es")
    assert evidence(["list and", "pls send", "catalogue thanks"], text, {}, "en") == []
    assert evidence(["catalogue thanks"], text, {}, "en", against=True)
    elsewhere = "hi, pls send me a quote for 500 panels. thanks"
    assert evidence(["pls send"], elsewhere, {}, "en") == ["hi, pls send me a quote…"]
