"""The features that matter for each hand-written situation (see conftest.py)."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from inquiry_quality.features import build_featurizer
from inquiry_quality.features.completeness import REQUEST_FLAGS


def test_complete_european_rfq(features: pd.DataFrame) -> None:
    row = features.loc["eu-rfq"]
    assert all(row[name] == 1.0 for name in REQUEST_FLAGS)
    assert row["has_signature_block"] == 1.0
    assert row["completeness_score"] == 1.0
    assert (row["incoterm"], row["payment_terms"]) == ("FOB", "T/T")
    assert row["quantity_value"] == 2000.0
    assert row["greeting"] == "personal"
    assert (row["country"], row["country_source"], row["region"]) == ("DE", "claim", "Europe")
    assert row["country_sources_agree"] == 1.0
    assert row["domain_matches_website"] == 1.0
    assert row["domain_company_similarity"] == 1.0
    assert row["catalogue_model_matches"] >= 1
    assert row["mass_mail_markers"] <= 1  # "catalogue" in a thank-you is one marker at most
    assert row["links_elsewhere"] == 0.0 and row["risky_attachments"] == 0.0


def test_terse_north_american_po(features: pd.DataFrame) -> None:
    row = features.loc["na-po"]
    assert (row["has_quantity"], row["has_incoterm"], row["has_payment_terms"]) == (1, 1, 0)
    assert row["quantity_value"] == 5000.0
    assert row["greeting"] == "casual"
    assert (row["country"], row["region"]) == ("US", "North America")
    assert row["phone_matches_claimed_country"] == 1.0
    assert row["catalogue_model_matches"] >= 1
    assert row["completeness_score"] < features.loc["eu-rfq", "completeness_score"]


def test_free_mail_mass_mailing(features: pd.DataFrame) -> None:
    row = features.loc["mass-mail"]
    assert row["greeting"] == "generic"
    assert row["mass_mail_markers"] >= 3
    assert (row["sender_domain_kind"], row["is_free_mail"]) == ("free", 1.0)
    assert row["free_mail_with_company"] == 1.0
    assert row["has_contact_person"] == 0.0  # "Purchase Dept" is not a person
    assert row["has_quantity"] == 0.0 and row["has_specification"] == 0.0
    assert (row["country"], row["region"]) == ("", "Unknown")


def test_competitor_fishing_for_the_catalogue(features: pd.DataFrame) -> None:
    row = features.loc["fishing"]
    assert row["whole_range_requests"] >= 2
    assert row["whole_range_requests"] > features.loc["eu-rfq", "whole_range_requests"]
    assert row["catalogue_model_matches"] == 0.0
    assert row["has_quantity"] == 0.0
    assert row["region"] == "East Asia"


def test_advance_fee_scam(features: pd.DataFrame) -> None:
    row = features.loc["scam"]
    assert row["scam_markers"] >= 3
    assert row["money_transfer_mentioned"] == 1.0
    assert (row["sender_domain_kind"], row["is_disposable"]) == ("disposable", 1.0)
    assert row["reply_to_differs"] == 1.0
    assert row["region"] == "Africa"
    assert row["completeness_score"] < 0.5


def test_phishing_view_inquiry_lure(features: pd.DataFrame) -> None:
    row = features.loc["phish"]
    assert row["phishing_markers"] >= 2
    assert row["risky_attachments"] == 1.0
    assert row["re_depth"] == 3.0
    assert row["links_count"] == 1.0
    assert row["links_elsewhere"] == 1.0
    assert row["display_name_matches_address"] == 0.0  # display name is another address
    assert row["questions_count"] == 0.0  # the ? of the link's query is not a question


def test_spanish_inquiry_marks_english_features_unknown(features: pd.DataFrame) -> None:
    row = features.loc["es"]
    assert row["language"] == "es"
    assert row["greeting"] == "generic"  # "Estimados señores:", read with the Spanish lists
    assert row["request_phrases"] >= 2
    assert (row["offer_phrases"], row["sells_to_us"]) == (0, 0)
    for name in ("mass_mail_markers", "scam_markers", "phishing_markers", "whole_range_requests"):
        assert math.isnan(row[name]), name
    # language-independent evidence is still read
    assert (row["incoterm"], row["has_quantity"], row["has_payment_terms"]) == ("CIF", 1, 1)
    assert row["has_packaging"] == 1.0 and row["has_delivery_time"] == 1.0
    assert row["catalogue_model_matches"] == 1.0
    assert (row["country"], row["region"]) == ("ES", "Europe")


def test_genuine_inquiries_read_more_complete_than_junk(features: pd.DataFrame) -> None:
    genuine = features.loc[["eu-rfq", "na-po", "es"], "completeness_score"]
    junk = features.loc[["mass-mail", "fishing", "scam", "phish"], "completeness_score"]
    assert genuine.min() > junk.max()


@pytest.mark.parametrize(
    ("body", "language", "greeting", "quantity"),
    [
        (
            "您好,我们需要500个LED面板灯 NB-PL6060-40W,请报FOB宁波价格,付款方式T/T。谢谢!",
            "zh",
            "generic",  # 您好, read with the Chinese lists (character by character)
            1.0,  # 500个: a measure word needs no space or word boundary
        ),
        (
            "Xin chào, chúng tôi cần 500 bộ đèn LED panel, vui lòng báo giá FOB. Cảm ơn",
            "vi",
            "unknown",  # no Vietnamese phrase lists: unknown, not absent
            0.0,
        ),
        (
            "Здравствуйте! Нам нужно 500 шт. светодиодных панелей, цена FOB, оплата T/T.",
            "ru",
            "generic",
            1.0,
        ),
        (
            "مرحبا، نحتاج إلى 500 قطعة من أضواء LED، يرجى إرسال السعر FOB. شكرا لكم",
            "ar",
            "casual",
            1.0,
        ),
        ("", "unknown", "unknown", 0.0),
    ],
)
def test_other_scripts_are_read_without_guessing(
    body: str, language: str, greeting: str, quantity: float
) -> None:
    frame = pd.DataFrame({"body": [body], "subject": [None]})
    row = build_featurizer().transform(frame).iloc[0]
    assert row["language"] == language
    assert math.isnan(row["mass_mail_markers"])  # English lists only
    assert row["greeting"] == greeting
    assert row["has_quantity"] == quantity  # 500个, 500 шт., 500 قطعة
    asks = row["request_phrases"]
    assert math.isnan(asks) if language == "vi" else asks >= (1 if body else 0)


def test_links_are_counted_once() -> None:
    body = "See http://www.a.com, https://b.com/x?y=1 and www.c.org?"
    row = build_featurizer().transform(pd.DataFrame({"body": [body]})).iloc[0]
    assert row["links_count"] == 3.0
    assert row["questions_count"] == 1.0
