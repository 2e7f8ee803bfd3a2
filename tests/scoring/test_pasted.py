"""Pasted text becomes one canonical inquiry: an e-mail with headers, or just a body."""

from __future__ import annotations

import pandas as pd
import pytest

from inquiry_quality.core import schema
from inquiry_quality.scoring.pasted import inquiry_from_text, looks_like_email

BODY = """Dear Sales,
please quote 500 pcs LED bulbs A60 9W E27.

Best regards,
Maria Lopez
Purchasing Manager
Lopez Lighting S.A.
Tel: +34 91 123 4567
www.lopez-lighting.es
"""


def test_headers_make_it_an_email() -> None:
    text = "From: Maria Lopez <maria@lopez-lighting.es>\nSubject: RFQ bulbs\n\n" + BODY
    assert looks_like_email(text) and not looks_like_email(BODY)
    row = inquiry_from_text(text).iloc[0]
    assert row[schema.SENDER_EMAIL] == "maria@lopez-lighting.es"
    assert row[schema.SUBJECT] == "RFQ bulbs"
    assert "500 pcs" in row[schema.BODY]


def test_a_body_alone_keeps_its_signature_details() -> None:
    when = pd.Timestamp("2026-11-20 08:00", tz="UTC")
    frame = inquiry_from_text(BODY, when, ["years_on_platform"], ["buyer_level"])
    row = frame.iloc[0]
    assert len(frame) == 1 and row[schema.RECEIVED_AT] == when
    assert row[schema.CHANNEL] == "email" and pd.isna(row[schema.SENDER_EMAIL])
    assert "Lopez Lighting" in str(row[schema.COMPANY])
    assert "+34" in str(row[schema.PHONE])
    assert "Best regards" not in row[schema.BODY]
    assert {"years_on_platform", "buyer_level"} <= set(frame.columns)


def test_a_subject_line_alone_above_the_body_is_its_subject() -> None:
    text = "Subject: RFQ bulbs\n\n" + BODY
    assert looks_like_email(text)
    row = inquiry_from_text(text).iloc[0]
    assert row[schema.SUBJECT] == "RFQ bulbs" and "500 pcs" in row[schema.BODY]
    # a body that merely starts with a header-like line is still a body
    assert not looks_like_email("To: all suppliers of LED bulbs\nplease quote 500 pcs")


@pytest.mark.parametrize(
    "headers",
    [
        "Von: Maria Lopez <maria@lopez-lighting.es>\nGesendet: Montag, 5. Oktober 2026 10:15\n"
        "An: sales@ningbo-led.cn\nBetreff: RFQ bulbs",
        "De : Maria Lopez <maria@lopez-lighting.es>\nEnvoyé : lundi 5 octobre 2026 10:15\n"
        "À : sales@ningbo-led.cn\nObjet : RFQ bulbs",
        "Da: Maria Lopez <maria@lopez-lighting.es>\nOggetto: RFQ bulbs",
        "От: Maria Lopez <maria@lopez-lighting.es>\nТема: RFQ bulbs",
        "发件人：Maria Lopez <maria@lopez-lighting.es>\n主题：RFQ bulbs",
        "Onderwerp: RFQ bulbs",
    ],
)
def test_headers_in_the_mail_programs_language(headers: str) -> None:
    """Outlook and its like write the headers of a copied message in the user's language."""
    text = f"{headers}\n\n{BODY}"
    assert looks_like_email(text)
    row = inquiry_from_text(text).iloc[0]
    assert row[schema.SUBJECT] == "RFQ bulbs"
    if "Maria Lopez <" in headers:
        assert row[schema.SENDER_EMAIL] == "maria@lopez-lighting.es"
    assert "500 pcs" in row[schema.BODY] and "Gesendet" not in row[schema.BODY]
