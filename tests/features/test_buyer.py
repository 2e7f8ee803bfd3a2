"""The buyer family: the claimed buyer type and the tone of the inquiry."""

from __future__ import annotations

import pandas as pd
import pytest

from inquiry_quality.features.buyer import BuyerFeatures


def _row(body: str) -> pd.Series:
    return BuyerFeatures().transform(pd.DataFrame({"subject": [""], "body": [body]})).iloc[0]


@pytest.mark.parametrize(
    ("body", "buyer_type"),
    [
        ("We are a leading importer and distributor of lighting in Chile.", "distributor"),
        ("We sell online on Amazon and our own e-commerce store.", "retailer"),
        ("We are the electrical subcontractor for a hospital.", "contractor"),
        ("I am a sourcing agent buying on behalf of my client.", "agent"),
        ("Please quote 500 pcs of 40W panels.", "none"),
    ],
)
def test_buyer_type(body: str, buyer_type: str) -> None:
    assert _row(body)["buyer_type"] == buyer_type


def test_tone_signs() -> None:
    row = _row("URGENT: give your lowest price with CE and RoHS, WhatsApp me.")
    assert (
        row[["asks_certificates", "presses_urgency", "bargains_hard", "prefers_chat_app"]]
        .eq(1.0)
        .all()
    )
    calm = _row("Could you quote 2,000 pcs of NB-PL6060-40W FOB Ningbo?")
    assert calm[["presses_urgency", "bargains_hard", "prefers_chat_app"]].eq(0.0).all()
