"""History tables on a small hand-made history whose answers can be counted by eye."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from inquiry_quality.analysis import (
    OUTCOME_GROUPS,
    completeness_by_outcome,
    completeness_flags,
    detail_lift,
    junk_mix,
    label_correlations,
    monthly_counts,
    outcome_group,
    rate_table,
    regional_traits,
    registry_table,
)
from inquiry_quality.analysis.tables import BARGAINING, CHAT_APPS
from inquiry_quality.core import schema
from inquiry_quality.features import FEATURES

NA = pd.NA


def _row(
    when: str,
    channel: str,
    region: str,
    genuine: object,
    junk: object = NA,
    converted: object = NA,
    order: float = np.nan,
    closed: str | None = None,
    greeting: str = "none",
    body: str = "",
    company: float = 0.0,
    quantity: float = 0.0,
) -> dict[str, object]:
    received = pd.Timestamp(when, tz="UTC")
    return {
        schema.INQUIRY_ID: f"{when}-{channel}-{region}",
        schema.RECEIVED_AT: received,
        schema.CHANNEL: channel,
        schema.REGION: region,
        schema.IS_GENUINE: genuine,
        schema.JUNK_TYPE: junk,
        schema.CONVERTED: converted,
        schema.ORDER_VALUE: order,
        schema.CLOSED_AT: pd.Timestamp(closed, tz="UTC") if closed else pd.NaT,
        "greeting": greeting,
        schema.BODY: body,
        "has_company": company,
        "has_quantity": quantity,
        "completeness_score": (company + quantity) / 2,
    }


@pytest.fixture
def history() -> pd.DataFrame:
    rows = [
        _row(
            "2025-01-03",
            "email",
            "Europe",
            1,
            converted=1,
            order=20000.0,
            closed="2025-03-04",
            greeting="personal",
            body="Please quote FOB.",
            company=1,
            quantity=1,
        ),
        _row(
            "2025-01-31 23:30",
            "email",
            "Europe",
            1,
            converted=0,
            closed="2025-02-10",
            greeting="unknown",
            body="Bitte Angebot.",
            company=1,
        ),
        _row(
            "2025-01-10",
            "email",
            "Africa",
            0,
            junk="scam",
            converted=0,
            body="Pay the fee by Western Union.",
        ),
        _row(
            "2025-02-01",
            "platform",
            "Africa",
            1,
            converted=0,
            closed="2025-02-21",
            greeting="casual",
            body="hi, your best price? WhatsApp me",
            quantity=1,
        ),
        _row(
            "2025-02-02",
            "platform",
            "Africa",
            1,
            greeting="generic",
            body="Dear Sir, lowest price please, we have other offers.",
        ),
        _row("2025-02-03", "web_form", "Europe", 0, junk=NA, converted=0),
        _row("2025-02-04", "web_form", "Europe", NA),
    ]
    frame = pd.DataFrame(rows)
    frame[schema.IS_GENUINE] = frame[schema.IS_GENUINE].astype("Int8")
    frame[schema.CONVERTED] = frame[schema.CONVERTED].astype("Float64")
    frame[schema.JUNK_TYPE] = frame[schema.JUNK_TYPE].astype("string")
    return frame


def test_outcome_groups(history: pd.DataFrame) -> None:
    groups = outcome_group(history).astype(str).tolist()
    assert groups == [
        "converted",
        "genuine, no order",
        "junk",
        "genuine, no order",
        "genuine, still open",
        "junk",
        "unlabelled",
    ]


def test_monthly_counts_use_calendar_months_and_keep_every_row(history: pd.DataFrame) -> None:
    counts = monthly_counts(history, schema.CHANNEL)
    assert counts.to_numpy().sum() == len(history)
    assert list(counts.index) == [pd.Timestamp("2025-01-01"), pd.Timestamp("2025-02-01")]
    assert counts.loc["2025-01-01", "email"] == 3  # 31 Jan 23:30 UTC is still January


def test_rate_table(history: pd.DataFrame) -> None:
    rates = rate_table(history, schema.CHANNEL)
    email = rates.loc["email"]
    assert email["inquiries"] == 3
    assert email["genuine_rate"] == pytest.approx(2 / 3)
    assert email["conversion_rate"] == pytest.approx(1 / 3)
    assert email["conversion_of_genuine"] == pytest.approx(1 / 2)
    assert email["median_order_usd"] == 20000.0
    platform = rates.loc["platform"]
    assert platform["conversion_of_genuine"] == 0.0  # the open deal is not counted
    assert rates.loc["web_form", "genuine_rate"] == 0.0  # the unlabelled row is not counted
    assert list(rates["inquiries"]) == sorted(rates["inquiries"], reverse=True)


def test_junk_mix_shares_sum_to_one_and_show_unrecorded_types(history: pd.DataFrame) -> None:
    mix = junk_mix(history, schema.CHANNEL)
    assert mix.sum(axis=1).tolist() == pytest.approx([1.0] * len(mix))
    assert mix.loc["email", "scam"] == 1.0
    assert mix.loc["web_form", "unrecorded"] == 1.0


def test_completeness_by_outcome_takes_the_flags_from_the_registry(history: pd.DataFrame) -> None:
    assert completeness_flags(history) == ["has_company", "has_quantity"]
    table = completeness_by_outcome(history)
    assert list(table.columns) == list(OUTCOME_GROUPS)
    assert table.loc["has_company", "converted"] == 1.0
    assert table.loc["has_quantity", "genuine, no order"] == 0.5
    assert table.loc["has_company", "junk"] == 0.0


def test_regional_traits_measure_genuine_buyers_only(history: pd.DataFrame) -> None:
    traits = regional_traits(history)
    europe, africa = traits.loc["Europe"], traits.loc["Africa"]
    assert europe["genuine_inquiries"] == 2 and africa["genuine_inquiries"] == 2
    assert europe["formal_greeting"] == 1.0  # the "unknown" greeting is left out
    assert africa["formal_greeting"] == 0.5 and africa["casual_greeting"] == 0.5
    assert africa["bargaining"] == 1.0 and europe["bargaining"] == 0.0
    assert africa["chat_apps"] == 0.5
    assert europe["median_days_to_close"] == pytest.approx(
        (60 + 9 + 1 / 48) / 2
    )  # 31 Jan 23:30 to 10 Feb
    assert europe["conversion"] == 0.5 and africa["conversion"] == 0.0
    assert europe["median_order_usd"] == 20000.0


def test_detail_lift() -> None:
    frame = pd.DataFrame(
        {
            schema.CONVERTED: pd.array([1, 0, 1, 0, 0, 0, NA], dtype="Float64"),
            "has_fax": [1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 1.0],
            "has_phone": [1.0] * 7,
        }
    )
    lift = detail_lift(frame, ["has_fax", "has_phone"])
    fax = lift.loc["has_fax"]  # the row with an unknown outcome is left out
    assert fax["n_with"] == 2 and fax["share_with"] == pytest.approx(2 / 6)
    assert (fax["rate_with"], fax["rate_without"], fax["lift"]) == (0.5, 0.25, 2.0)
    assert np.isnan(lift.loc["has_phone", "lift"])  # nobody without it: no lift
    assert lift.index[0] == "has_fax"


def test_label_correlations_rank_the_strongest_first(history: pd.DataFrame) -> None:
    frame = history.assign(has_fax=history[schema.IS_GENUINE].astype("float64"), has_email=1.0)
    table = label_correlations(frame)
    assert table.index[0] == "has_fax"
    assert table.loc["has_fax", schema.IS_GENUINE] == pytest.approx(1.0)
    assert table.loc["has_email"].isna().all()  # constant


def test_registry_table_has_every_feature_once() -> None:
    table = registry_table()
    assert list(table.index) == [f.name for f in FEATURES]
    asked = table["follow-up question"].ne("")
    assert set(table.index[asked]) == {f.name for f in FEATURES if f.question}


@pytest.mark.parametrize(
    ("text", "bargaining"),
    [
        ("Please give us your best price.", True),
        ("Your LOWEST price please", True),
        ("We are comparing suppliers.", True),
        ("Any discount for 2x40HQ?", True),
        ("Please send your price list.", False),
        ("Quote FOB Ningbo for 500 pcs.", False),
    ],
)
def test_bargaining_wording(text: str, bargaining: bool) -> None:
    assert bool(BARGAINING.search(text)) is bargaining


def test_chat_app_wording() -> None:
    assert CHAT_APPS.search("add me on WeChat") and CHAT_APPS.search("Whats App: +971")
    assert not CHAT_APPS.search("send the drawing by e-mail")
