"""One registry entry per output column, and sentences a rep can read."""

from __future__ import annotations

import math
import string

import pandas as pd
import pytest

from inquiry_quality.features import build_featurizer, describe, missing_mask
from inquiry_quality.features.registry import BY_NAME, FEATURES, KIND_DOC


def test_every_output_feature_has_an_entry_and_vice_versa() -> None:
    names = list(build_featurizer().get_feature_names_out())
    assert len(names) == len(set(names))
    assert set(names) == set(BY_NAME)
    assert len(FEATURES) == len(BY_NAME)


def test_entries_are_complete() -> None:
    for feature in FEATURES:
        assert feature.kind in KIND_DOC, feature.name
        assert feature.description and feature.for_sentence and feature.against_sentence
        assert (feature.missing_label is None) == (feature.question is None), feature.name


def test_every_missing_detail_has_a_question_phrased_as_a_question() -> None:
    details = [f for f in FEATURES if f.missing_label]
    assert len(details) >= 10
    for feature in details:
        assert feature.question and feature.question.endswith("?"), feature.name


def test_sentences_name_only_known_features() -> None:
    known = {*BY_NAME, "value"}
    for feature in FEATURES:
        for template in (feature.for_sentence, feature.against_sentence):
            fields = {f for _, f, _, _ in string.Formatter().parse(template) if f}
            assert fields <= known, (feature.name, fields - known)


def test_describe_fills_values_from_the_row(features: pd.DataFrame) -> None:
    row = features.loc["mass-mail"].to_dict()
    assert describe("free_mail_with_company", row, "against") == (
        "Sender writes from gmail.com while claiming a company"
    )
    assert describe("has_company", row, "for") == "Company name given"
    eu = features.loc["eu-rfq"].to_dict()
    assert describe("has_quantity", eu, "for") == "Quantity stated (2,000 pcs)"
    completeness = describe("completeness_score", eu, "for")
    assert completeness.startswith("Has most details a quote needs (100%")
    with pytest.raises(ValueError, match="direction"):
        describe("has_company", row, "sideways")  # type: ignore[arg-type]


def test_describe_says_unknown_for_missing_values() -> None:
    assert describe("quantity_value", {"quantity_value": math.nan}, "for") == (
        "Sizeable quantity (unknown)"
    )


def test_missing_details_lists_what_an_inquiry_lacks(features: pd.DataFrame) -> None:
    askable, mask = missing_mask(features.loc[["mass-mail", "eu-rfq"]])
    mass = [f.name for f, lacks in zip(askable, mask[0], strict=True) if lacks]
    assert {"has_quantity", "has_incoterm", "has_payment_terms", "country"} <= set(mass)
    assert "has_company" not in mass
    assert not mask[1].any()


def test_reasons_name_the_language_and_the_buyer_type_in_words() -> None:
    assert describe("language", {"language": "de"}, "against") == "Written in German"
    assert describe("language", {"language": "el"}, "for") == "Written in Modern Greek"
    assert describe("buyer_type", {"buyer_type": "agent"}, "for") == "Introduces itself as: agent"


def test_a_free_mail_sender_is_said_once_and_a_country_by_name() -> None:
    row = {"is_free_mail": 1, "sender_domain_kind": "free", "sender_domain": "eircom.net"}
    free = describe("is_free_mail", row, "against")
    assert free == describe("sender_domain_kind", row, "against")  # one reason, not two
    assert free == "Writes from a free mail domain (eircom.net)"
    ireland = {"country": "IE", "region": "Europe"}
    assert describe("country", ireland, "for") == "Buyer in Ireland (Europe)"
    assert describe("country", {"country": "KR", "region": "East Asia"}, "for").startswith(
        "Buyer in South Korea"
    )


@pytest.mark.parametrize(
    ("name", "value", "said"),
    [
        ("catalogue_product_matches", 1.0, "Names our products (1 mention)"),
        ("catalogue_product_matches", 3.0, "Names our products (3 mentions)"),
        ("request_phrases", 1, "Asks us for goods or a quotation (1 phrase)"),
        ("request_phrases", 11, "Asks us for goods or a quotation (11 phrases)"),
    ],
)
def test_a_count_of_one_is_said_in_the_singular(name: str, value: float, said: str) -> None:
    assert describe(name, {name: value}, "for") == said
