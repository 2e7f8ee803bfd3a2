"""The plan family: target price, annual volume, schedule, samples and project, in any order."""

from __future__ import annotations

import pandas as pd
import pytest

from inquiry_quality.features.plan import PlanFeatures


@pytest.mark.parametrize(
    ("body", "feature"),
    [
        ("Our target price is USD 4.20 per piece.", "states_target_price"),
        ("Unser Zielpreis liegt bei 3 EUR.", "states_target_price"),
        ("To sell here we need about $3.50/pc.", "states_target_price"),
        ("We use about 60,000 pcs per year.", "states_annual_volume"),
        ("Our annual volume is 2 containers.", "states_annual_volume"),
        ("First shipment in May, then call-offs every quarter.", "states_delivery_schedule"),
        ("We start with a trial order after testing samples.", "plans_sample_order"),
        ("Project: Riverside Hospital, ref. P-20417.", "names_project"),
        ("This is for a public tender closing in June.", "names_project"),
    ],
)
def test_each_sign_is_found(body: str, feature: str) -> None:
    row = PlanFeatures().transform(pd.DataFrame({"subject": [""], "body": [body]})).iloc[0]
    assert row[feature] == 1.0
    assert row["plan_signs"] == 1.0


def test_a_vague_inquiry_shows_no_sign() -> None:
    frame = pd.DataFrame(
        {"subject": ["Inquiry"], "body": ["Please send your price list and catalogue. Order 3."]}
    )
    row = PlanFeatures().transform(frame).iloc[0]
    assert row.sum() == 0.0


@pytest.mark.parametrize(
    ("body", "feature"),
    [
        ("Menge: 2.000 Stück, danach ca. 500 Stück monatlich.", "states_delivery_schedule"),
        ("Quantity: 2,000 pcs, then approx. 500 pcs monthly.", "states_delivery_schedule"),
        ("Nous prévoyons ensuite environ 300 pièces par mois.", "states_delivery_schedule"),
        ("В дальнейшем около 1 000 шт. в месяц.", "states_delivery_schedule"),
        ("Posteriormente compraríamos unas 3.000 unidades al año.", "states_annual_volume"),
        ("Yılda 5.000 adet ihtiyacımız var.", "states_annual_volume"),
        ("Bitte senden Sie uns Ihr Angebot sowie ein Muster.", "plans_sample_order"),
        ("Por favor enviem também uma amostra.", "plans_sample_order"),
        ("Ayrıca bir numune talep ediyoruz.", "plans_sample_order"),
        ("نرجو إرسال عينة.", "plans_sample_order"),
    ],
)
def test_signs_in_the_buyer_languages(body: str, feature: str) -> None:
    row = PlanFeatures().transform(pd.DataFrame({"subject": [""], "body": [body]})).iloc[0]
    assert row[feature] == 1.0


@pytest.mark.parametrize(
    "body",
    [
        "Only 99 USD per month for our service.",
        "From $99 a month.",
        "أدرجوا شركتكم في دليل الموردين لدينا مقابل 300 دولار سنويا.",
    ],
)
def test_a_price_per_month_is_no_schedule(body: str) -> None:
    row = PlanFeatures().transform(pd.DataFrame({"subject": [""], "body": [body]})).iloc[0]
    assert row["states_delivery_schedule"] == 0.0


@pytest.mark.parametrize(
    "body",
    [
        "We can send you a free sample.",
        "Wir bieten Ihnen gerne ein kostenloses Muster an.",
        "Precio especial: USD 890. Le enviamos una muestra gratuita de 50 registros.",
    ],
)
def test_a_seller_giving_samples_plans_no_sample_order(body: str) -> None:
    """Like a target price, a sample is a buyer's plan only when the sender does not offer it."""
    row = PlanFeatures().transform(pd.DataFrame({"subject": [""], "body": [body]})).iloc[0]
    assert row["plans_sample_order"] == 0.0


@pytest.mark.parametrize(
    ("body", "feature"),
    [
        (
            "Our MOQ is only 1,000 pcs and we can supply 72,000 pcs per month.",
            "states_delivery_schedule",
        ),
        (
            "We are a manufacturer of LED drivers. Our MOQ is 500 pcs, our output "
            "2,000,000 pcs per year.",
            "states_annual_volume",
        ),
    ],
)
def test_a_sellers_capacity_is_no_purchase_plan(body: str, feature: str) -> None:
    """What a seller can supply a month or a year is its capacity, not a buyer's schedule."""
    row = PlanFeatures().transform(pd.DataFrame({"subject": [""], "body": [body]})).iloc[0]
    assert row[feature] == 0.0
