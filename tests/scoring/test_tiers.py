"""Tiers follow the thresholds, the daily capacity and the junk verdicts."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from inquiry_quality.core import schema
from inquiry_quality.core.config import ScoreParams
from inquiry_quality.modeling.heads import P_EXISTING
from inquiry_quality.scoring.tiers import (
    ACCOUNT_OWNER,
    ASK_FOR_DETAILS,
    DISCARD,
    OFFER,
    QUOTE_NOW,
    TIER_WHEN,
    TIERS,
    VERIFY_IDENTITY,
    VERIFY_PAYMENT,
    TierRules,
    assign_tiers,
)

MODEL_THRESHOLDS = {"genuine": 0.5, "convert": 0.15, "existing": 0.5}
KINDS = schema.JUNK_TYPES
#: the three routes off (no existing customers, no payment fraud, no offers)
TRIAGE_ONLY = {"payment_threshold": 1.1}


def predictions(n: int = 400, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    p_genuine = rng.random(n)
    junk = rng.dirichlet(np.ones(len(KINDS)), n)
    frame = pd.DataFrame(
        {schema.P_GENUINE: p_genuine, schema.P_CONVERT: p_genuine * rng.random(n) * 0.6}
    )
    frame[schema.JUNK_TYPE] = np.asarray(KINDS)[junk.argmax(axis=1)]
    for i, kind in enumerate(KINDS):
        frame[f"p_{kind}"] = junk[:, i]
    return frame


@pytest.mark.parametrize("genuine, convert", [(None, None), (0.6, 0.1), (0.4, 0.25)])
def test_tiers_follow_the_thresholds(genuine: float | None, convert: float | None) -> None:
    params = ScoreParams(
        genuine_threshold=genuine,
        convert_threshold=convert,
        risk_threshold=1.1,
        guard_threshold=1.1,
        **TRIAGE_ONLY,
    )
    rules = TierRules.from_params(params, MODEL_THRESHOLDS)
    assert rules.genuine == (genuine or MODEL_THRESHOLDS["genuine"])
    pred = predictions()
    pred = pred[pred[schema.JUNK_TYPE] != "offer"]
    tiers = assign_tiers(pred, rules)[schema.TIER]
    g, c = pred[schema.P_GENUINE], pred[schema.P_CONVERT]
    assert (tiers[(g >= rules.genuine) & (c >= rules.convert)] == QUOTE_NOW).all()
    assert (tiers[(g >= rules.genuine) & (c < rules.convert)] == ASK_FOR_DETAILS).all()
    assert (tiers[(g < rules.genuine) & (g >= rules.discard_below)] == VERIFY_IDENTITY).all()
    assert (tiers[g < rules.discard_below] == DISCARD).all()


def test_likely_scams_are_verified_or_discarded_and_warned_about() -> None:
    pred = predictions(seed=1)
    rules = TierRules.from_params(ScoreParams(risk_threshold=0.2, **TRIAGE_ONLY), MODEL_THRESHOLDS)
    out = assign_tiers(pred, rules)
    risk = (1 - pred[schema.P_GENUINE]) * (pred["p_scam"] + pred["p_phishing"])
    risky = out[(risk >= 0.2) & (out[schema.TIER] != OFFER)]
    assert len(risky) > 10
    assert risky[schema.TIER].isin([VERIFY_IDENTITY, DISCARD]).all()
    assert risky[schema.ACTION].str.contains("do not click").all()
    assert risky[schema.JUNK_TYPE].notna().all()


def test_price_fishers_get_a_guarded_quote() -> None:
    pred = predictions(seed=2)
    rules = TierRules.from_params(ScoreParams(guard_threshold=0.1, **TRIAGE_ONLY), MODEL_THRESHOLDS)
    out = assign_tiers(pred, rules)
    guard = (1 - pred[schema.P_GENUINE]) * pred["p_price_fishing"]
    answered = out[schema.TIER].isin([QUOTE_NOW, ASK_FOR_DETAILS])
    fishers = out[answered & (guard >= 0.1)]
    assert len(fishers) > 5
    assert fishers[schema.ACTION].str.contains("guarded").all()
    assert not out.loc[answered & (guard < 0.1), schema.ACTION].str.contains("guarded").any()


def test_junk_type_is_shown_only_where_it_matters() -> None:
    pred = predictions(seed=3)
    rules = TierRules.from_params(
        ScoreParams(risk_threshold=1.1, guard_threshold=1.1, **TRIAGE_ONLY), MODEL_THRESHOLDS
    )
    out = assign_tiers(pred, rules)
    genuine = pred[schema.P_GENUINE] >= rules.genuine
    assert out.loc[genuine, schema.JUNK_TYPE].isna().all()
    assert (out.loc[~genuine, schema.JUNK_TYPE] == pred.loc[~genuine, schema.JUNK_TYPE]).all()


def test_daily_capacity_keeps_each_days_best() -> None:
    pred = predictions(n=600, seed=4)
    days = pd.Series(
        pd.Timestamp("2026-11-02", tz="UTC") + pd.to_timedelta(np.arange(600) % 3, "D")
    )
    uncapped = assign_tiers(pred, TierRules.from_params(ScoreParams(), MODEL_THRESHOLDS), days)
    capped = assign_tiers(
        pred, TierRules.from_params(ScoreParams(daily_capacity=5), MODEL_THRESHOLDS), days
    )
    for day in days.unique():
        today = days == day
        candidates = pred[today & (uncapped[schema.TIER] == QUOTE_NOW)]
        kept = capped[today & (capped[schema.TIER] == QUOTE_NOW)]
        assert len(candidates) > 5 and len(kept) == 5
        best = candidates[schema.P_CONVERT].nlargest(5)
        assert set(kept.index) == set(best.index)
    demoted = (uncapped[schema.TIER] == QUOTE_NOW) & (capped[schema.TIER] != QUOTE_NOW)
    assert (capped.loc[demoted, schema.TIER] == ASK_FOR_DETAILS).all()
    assert capped.loc[demoted, schema.ACTION].str.contains("capacity").all()


def test_inconsistent_thresholds_are_refused() -> None:
    with pytest.raises(ValueError, match="discard_below"):
        TierRules.from_params(ScoreParams(discard_below=0.7), MODEL_THRESHOLDS)


def test_quote_now_needs_enough_details() -> None:
    pred = predictions(seed=5)
    completeness = pd.Series(np.linspace(0, 1, len(pred)), index=pred.index)
    rules = TierRules.from_params(
        ScoreParams(quote_min_completeness=0.5, risk_threshold=1.1), MODEL_THRESHOLDS
    )
    out = assign_tiers(pred, rules, completeness=completeness)
    without = assign_tiers(pred, rules)
    was_quote = without[schema.TIER] == QUOTE_NOW
    assert (out.loc[was_quote & (completeness < 0.5), schema.TIER] == ASK_FOR_DETAILS).all()
    assert (out.loc[was_quote & (completeness >= 0.5), schema.TIER] == QUOTE_NOW).all()
    assert (out.loc[~was_quote, schema.TIER] == without.loc[~was_quote, schema.TIER]).all()


def test_existing_customers_go_to_the_account_owner() -> None:
    pred = predictions(seed=6)
    pred[P_EXISTING] = pred[schema.P_GENUINE] * np.random.default_rng(6).random(len(pred))
    rules = TierRules.from_params(ScoreParams(risk_threshold=0.3, **TRIAGE_ONLY), MODEL_THRESHOLDS)
    out = assign_tiers(pred, rules)
    genuine = pred[schema.P_GENUINE] >= 0.5
    risky = (1 - pred[schema.P_GENUINE]) * (pred["p_scam"] + pred["p_phishing"]) >= 0.3
    customers = genuine & ~risky & (pred[P_EXISTING] >= 0.5)
    assert customers.sum() > 10
    assert (out[schema.TIER] == ACCOUNT_OWNER).eq(customers).all()
    assert out.loc[customers, schema.ACTION].str.contains("hand to the account owner").all()
    assert out.loc[customers, schema.JUNK_TYPE].isna().all()
    # a risky genuine-looking message that claims a deal is verified, not handed over
    assert (
        out.loc[genuine & risky & (pred[P_EXISTING] >= 0.5), schema.TIER] == VERIFY_IDENTITY
    ).all()


def test_offers_to_sell_are_routed_to_purchasing() -> None:
    pred = predictions(seed=7)
    rules = TierRules.from_params(ScoreParams(**TRIAGE_ONLY), MODEL_THRESHOLDS)
    out = assign_tiers(pred, rules)
    offer = pred[schema.JUNK_TYPE] == "offer"
    genuine = pred[schema.P_GENUINE] >= 0.5
    assert (offer & ~genuine).sum() > 10
    assert (out[schema.TIER] == OFFER).eq(offer & ~genuine).all()
    assert out.loc[offer & ~genuine, schema.ACTION].str.contains("offer to sell to us").all()
    assert not out.loc[offer & genuine, schema.TIER].isin([OFFER]).any()


def test_payment_changes_are_verified_by_phone() -> None:
    pred = pd.DataFrame(
        {
            schema.P_GENUINE: [0.95, 0.95, 0.95, 0.95, 0.3, 0.95],
            schema.P_CONVERT: [0.5] * 6,
            P_EXISTING: [0.9] * 6,
            "p_payment_fraud": [0.0, 0.0, 0.0, 0.0, 0.9, 0.0],
        }
    )
    features = pd.DataFrame(
        {
            "bank_change_phrases": [1, 0, 0, 0, 0, np.nan],
            "invoice_resend_phrases": [0, 1, 1, 1, 0, np.nan],
            "lookalike_domain": [0, 0, 1, 0, 0, np.nan],
            "reply_to_other_domain": [0, 0, 0, 1, 0, np.nan],
        }
    )
    out = assign_tiers(
        pred, TierRules.from_params(ScoreParams(), MODEL_THRESHOLDS), features=features
    )
    assert out[schema.TIER].tolist() == [
        VERIFY_PAYMENT,  # "our bank has changed", even from a known customer
        ACCOUNT_OWNER,  # a customer asking for an invoice copy from their own address
        VERIFY_PAYMENT,  # the same from a look-alike domain
        ACCOUNT_OWNER,  # a diverted Reply-To alone is no sign of posing as the customer
        VERIFY_PAYMENT,  # the model's P(payment fraud)
        ACCOUNT_OWNER,  # unknown features say nothing
    ]
    assert out.loc[0, schema.ACTION].startswith(
        "Payment-change request: call the customer on the number on file"
    )
    without = assign_tiers(pred, TierRules.from_params(ScoreParams(), MODEL_THRESHOLDS))
    assert without[schema.TIER].tolist()[:4] == [ACCOUNT_OWNER] * 4
    scam = pred.assign(**{schema.P_GENUINE: 0.05, P_EXISTING: 0.0}).iloc[[3]]
    assert assign_tiers(
        scam, TierRules.from_params(ScoreParams(), MODEL_THRESHOLDS), features=features.iloc[[3]]
    )[schema.TIER].tolist() == [DISCARD]


def test_every_tier_says_when_it_applies() -> None:
    assert set(TIER_WHEN) == set(TIERS)
    assert all(len(sentence) > 10 for sentence in TIER_WHEN.values())


def test_plain_signs_route_sellers_and_customers_whatever_the_model_says() -> None:
    pred = pd.DataFrame(
        {
            schema.P_GENUINE: [0.9, 0.3, 0.9, 0.9],
            schema.P_CONVERT: [0.5, 0.1, 0.5, 0.5],
            P_EXISTING: [0.0, 0.0, 0.0, 0.0],
            "p_scam": [0.0, 0.0, 0.0, 0.0],
        }
    )
    features = pd.DataFrame(
        {
            "sells_to_us": [1, 0, 0, 0],
            "replies_to_our_mail": [0, 1, 1, 1],
            "known_contact": [0, 1, 1, 0],
        }
    )
    out = assign_tiers(
        pred, TierRules.from_params(ScoreParams(), MODEL_THRESHOLDS), features=features
    )
    assert out[schema.TIER].tolist() == [
        OFFER,  # a plain sales pitch, even if the model reads it as a buyer
        ACCOUNT_OWNER,  # a known contact answering our mail, even if the model doubts it
        ACCOUNT_OWNER,
        QUOTE_NOW,  # a reply to our mail from someone we do not know is not handed over
    ]
    assert out.loc[0, schema.ACTION] == (
        "An offer to sell to us, not a buyer: forward to purchasing or discard"
    )
