"""Hand-written inquiries, one per situation a sales rep meets, and a small catalogue."""

from __future__ import annotations

import pandas as pd
import pytest

from inquiry_quality.features import build_featurizer

EUROPEAN_RFQ = {
    "inquiry_id": "eu-rfq",
    "channel": "email",
    "subject": "RFQ: LED panel lights NB-PL6060-40W for project Hamburg",
    "body": (
        "Dear Ms. Chen,\n\n"
        "Thank you for the catalogue you sent at Light+Building. For a school project we "
        "need 2,000 pcs NB-PL6060-40W (600x600 mm, 40W, 4000K, CRI>80, IP20), packed in "
        "export cartons, 4 pcs per carton, with our logo on the colour box.\n\n"
        "Please quote FOB Ningbo and CIF Hamburg. Our payment terms: T/T 30% deposit, 70% "
        "against copy of B/L. We need delivery within 45 days after the deposit.\n"
        "Could you also send the CE and RoHS certificates?\n"
    ),
    "signature": (
        "Hans Müller\nPurchasing Manager\nLichtwerk GmbH\nSpeicherstadt 12, 20457 Hamburg\n"
        "Tel: +49 40 3012 4567\nFax: +49 40 3012 4568\nwww.lichtwerk.de"
    ),
    "sender_name": "Hans Müller",
    "sender_email": "h.mueller@lichtwerk.de",
    "company": "Lichtwerk GmbH",
    "job_title": "Purchasing Manager",
    "website": "www.lichtwerk.de",
    "phone": "+49 40 3012 4567",
    "fax": "+49 40 3012 4568",
    "country": "Germany",
    "attachments": "BOQ_school_project.xlsx",
}
NORTH_AMERICAN_PO = {
    "inquiry_id": "na-po",
    "channel": "platform",
    "subject": "PO request - NB-DL-R6-12W x 5000",
    "body": (
        "Hi Lisa,\nWe're ready to place a PO for 5000 pcs NB-DL-R6-12W, 3000K, UL listed. "
        "Need them in Long Beach by end of March. Can you confirm lead time and FOB price?\n"
        "Mike"
    ),
    "sender_name": "Mike Johnson",
    "sender_email": "mike.johnson@brightway-supply.com",
    "company": "Brightway Supply Inc.",
    "phone": "+1 562 555 0147",
    "country": "USA",
}
MASS_MAILING = {
    "inquiry_id": "mass-mail",
    "channel": "email",
    "subject": "Inquiry",
    "body": (
        "Dear Sir/Madam,\n\nWe are interested in your products. Kindly send us your price "
        "list and catalogue with your best price.\n\nRegards"
    ),
    "sender_name": "Purchase Dept",
    "sender_email": "globaltrade.buyer2024@gmail.com",
    "company": "Global Trading Company",
    "country": "",
}
COMPETITOR_FISHING = {
    "inquiry_id": "fishing",
    "channel": "web_form",
    "subject": "Full price list",
    "body": (
        "Hello, please send the complete price list for all your products with factory "
        "price for all models, including your full catalogue and MOQ of every model. "
        "We compare suppliers."
    ),
    "sender_name": "Tom",
    "sender_email": "tom@ledsourcing-hub.cn",
    "country": "China",
}
ADVANCE_FEE_SCAM = {
    "inquiry_id": "scam",
    "channel": "email",
    "subject": "URGENT BUSINESS PROPOSAL",
    "body": (
        "Dear Friend,\n\nI am Barrister James Okoro, attorney to the late client who died "
        "with USD 12.5 million dollars in an unclaimed account. As next of kin you will "
        "receive 40%. To release the fund transfer you only pay the processing fee of USD "
        "450 by Western Union or MoneyGram. This is strictly confidential.\n\nGod bless you."
    ),
    "sender_name": "Barrister James Okoro",
    "sender_email": "james.okoro.chambers@mailinator.com",
    "reply_to": "okoro.private@yahoo.com",
    "country": "Nigeria",
    "phone": "+234 803 555 0199",
}
PHISHING_LURE = {
    "inquiry_id": "phish",
    "channel": "email",
    "subject": "RE: RE: RE: New purchase inquiry #48213",
    "body": (
        "Hello,\n\nPlease view the inquiry in the attached document. You need to login to "
        "view the secure document with your email password: "
        "http://docs-secure-view.example.net/inquiry?id=48213\n\nThanks"
    ),
    "sender_name": "sales@lichtwerk.de",
    "sender_email": "procurement@secure-mailbox-login.com",
    "attachments": "Inquiry_48213.html",
    "attachment_types": "text/html",
}
SPANISH_INQUIRY = {
    "inquiry_id": "es",
    "channel": "email",
    "subject": "Solicitud de cotización paneles LED",
    "body": (
        "Estimados señores:\n\nSomos un distribuidor de iluminación en Valencia. Necesitamos "
        "una cotización para 800 unidades del modelo NB-PL6060-40W, embalaje estándar de "
        "exportación, precio CIF Valencia y pago por transferencia bancaria. El plazo de "
        "entrega debe ser de 30 días.\n\nAtentamente,\nJuan García\nJefe de Compras"
    ),
    "sender_name": "Juan García",
    "sender_email": "juan.garcia@iluminaciones-levante.es",
    "company": "Iluminaciones Levante S.L.",
    "country": "España",
    "phone": "+34 961 234 567",
}
SITUATIONS = (
    EUROPEAN_RFQ,
    NORTH_AMERICAN_PO,
    MASS_MAILING,
    COMPETITOR_FISHING,
    ADVANCE_FEE_SCAM,
    PHISHING_LURE,
    SPANISH_INQUIRY,
)


@pytest.fixture
def catalogue() -> pd.DataFrame:
    """A few rows shaped like the generated ``catalogue.csv``."""
    return pd.DataFrame(
        {
            "model_no": ["NB-PL6060-40W", "NB-DL-R6-12W", "NB-FL-100W"],
            "product": ["LED panel light 600x600", "LED downlight 6 inch", "LED flood light"],
            "category": ["panel", "downlight", "flood"],
            "specs": ["40W, 4000lm", "12W, 1000lm", "100W, 13000lm"],
            "moq": [100, 500, 50],
            "unit": ["pcs", "pcs", "pcs"],
            "fob_usd": [9.5, 2.1, 21.0],
        }
    )


@pytest.fixture
def inquiries() -> pd.DataFrame:
    """The situations as a canonical frame (absent fields are <NA>), indexed by id."""
    frame = pd.DataFrame(list(SITUATIONS)).astype("string")
    return frame.set_index(frame["inquiry_id"].rename(None))


@pytest.fixture
def features(inquiries: pd.DataFrame, catalogue: pd.DataFrame) -> pd.DataFrame:
    return build_featurizer(catalogue=catalogue).transform(inquiries)
