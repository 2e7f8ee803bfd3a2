"""Tier and action of each inquiry: the seed's "follow up or filter", made explicit.

- ``quote now``: ``p_genuine`` and ``p_convert`` at or above their thresholds, and at least
  ``quote_min_completeness`` of the details a quote needs (and, with a daily capacity, among
  that day's top ``daily_capacity`` by ``p_convert``);
- ``ask for details``: genuine, but not (yet) worth or ready for a full quotation;
- ``verify identity``: below the genuine threshold but not clearly junk, or a genuine-looking
  inquiry with a real chance of being a scam or phishing (``risk_threshold``);
- ``discard``: ``p_genuine`` below ``discard_below``.

Three routes take precedence over the triage above (``TIER_WHEN`` says each in a sentence):

- ``verify payment``: the message asks to change bank details (``bank_change_phrases``), asks
  to resend an invoice or our bank data from an address that poses as a customer or as us
  (``invoice_resend_phrases`` with ``lookalike_domain`` or ``known_name_elsewhere``), or the
  model's P(payment fraud) reaches ``payment_threshold`` (unless a known contact replies in
  our own thread);
- ``account owner``: no scam/phishing risk, and either genuine with ``p_existing_customer`` at
  or above the existing-customer threshold, or a known contact replying to a mail we sent
  (``known_contact`` and ``replies_to_our_mail``): an existing customer, not a new inquiry;
- ``offer``: not genuine and the junk type the model names is ``offer``, or the text plainly
  sells to us (``sells_to_us``): a seller writing to us (supplier, forwarder, trade show,
  directory, marketing).

A price fisher (a competitor or reseller collecting prices) is still answered, with a guarded
quote; scam and phishing wording warns never to click, open or pay.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

import numpy as np
import pandas as pd

from inquiry_quality.core import schema
from inquiry_quality.core.config import ScoreParams
from inquiry_quality.modeling.heads import P_EXISTING

QUOTE_NOW: Final = "quote now"
ASK_FOR_DETAILS: Final = "ask for details"
ACCOUNT_OWNER: Final = "account owner"
VERIFY_PAYMENT: Final = "verify payment"
VERIFY_IDENTITY: Final = "verify identity"
OFFER: Final = "offer"
DISCARD: Final = "discard"
TIERS: Final = (
    QUOTE_NOW,
    ASK_FOR_DETAILS,
    ACCOUNT_OWNER,
    VERIFY_PAYMENT,
    VERIFY_IDENTITY,
    OFFER,
    DISCARD,
)
#: when each tier applies, as the summary and the docs say it
TIER_WHEN: Final = {
    QUOTE_NOW: "a genuine new buyer likely to order, with most details a quote needs",
    ASK_FOR_DETAILS: "a genuine new buyer, not yet worth or ready for a full quotation",
    ACCOUNT_OWNER: "an existing customer writing about a running deal (our quotation, PI, "
    "order, samples, shipment or payment)",
    VERIFY_PAYMENT: "asks to change bank details, or for invoices or our bank data from an "
    "address that poses as a customer or as us",
    VERIFY_IDENTITY: "not clearly genuine nor clearly junk, or genuine-looking with a risk of "
    "scam or phishing",
    OFFER: "a seller offering goods or services to us, not a buyer",
    DISCARD: "clearly junk",
}

#: tiers that get no follow-up questions, and why not (the report says it)
NO_FOLLOW_UP: Final = {
    ACCOUNT_OWNER: "the account owner answers within the running deal.",
    VERIFY_PAYMENT: "call the customer on the number on file before anything else.",
    OFFER: "not a buyer; nothing to ask.",
    VERIFY_IDENTITY: "check who is writing (company, website, phone) before any reply.",
    DISCARD: "do not reply to this inquiry.",
}
#: tiers whose missing details are not listed: no one asks this sender for a quote's details
#: (a scammer's fourteen gaps are noise); an identity check still reads what is missing
NO_DETAILS: Final = frozenset(NO_FOLLOW_UP) - {VERIFY_IDENTITY}
#: what the report and the page say instead of the list
DETAILS_UNLISTED: Final = "not listed: no one asks this sender for a quotation's details."
#: the region tip of an inquiry no one replies to (a tip would have the rep ask a scammer)
NO_REPLY_TIP: Final = "None: no reply is planned for this inquiry (see the action)."
#: the verdict of a routed tier, whatever the genuine score says
ROUTED_VERDICT: Final = {
    ACCOUNT_OWNER: "an EXISTING CUSTOMER about a running deal",
    VERIFY_PAYMENT: "a PAYMENT-CHANGE request: verify by phone before any payment or reply",
    OFFER: "an OFFER TO SELL to us, not a buyer",
}

#: the junk types that make a genuine-looking inquiry a risk (at best "verify identity")
RISKY_KINDS: Final = (schema.SCAM, schema.PHISHING)
#: an invoice or bank-data request is a payment change when the sender also poses as someone we
#: know (a diverted Reply-To alone is the advance-fee scammer's habit as much as the fraudster's)
DIVERSION_SIGNS: Final = ("lookalike_domain", "known_name_elsewhere")

ACCOUNT_OWNER_ACTION: Final = (
    "Existing customer: hand to the account owner, who answers within the running deal"
)
VERIFY_PAYMENT_ACTION: Final = (
    "Payment-change request: call the customer on the number on file; never change bank "
    "details by e-mail"
)
OFFER_ACTION: Final = "An offer to sell to us, not a buyer: forward to purchasing or discard"

_CAUTION = "do not click its links, open its attachments or pay any fee"
OVER_CAPACITY_ACTION: Final = (
    "Ask for details: today's quote capacity is used up; send the follow-up mail and quote next"
)


@dataclass(frozen=True)
class TierRules:
    """The thresholds in force: the model's operating points unless ``score`` overrides them."""

    genuine: float
    convert: float
    discard_below: float
    risk: float
    guard: float
    daily_capacity: int | None
    min_completeness: float = 0.0
    existing: float = 0.5
    payment: float = 0.2

    @classmethod
    def from_params(cls, params: ScoreParams, model_thresholds: Mapping[str, float]) -> TierRules:
        genuine = params.genuine_threshold
        convert = params.convert_threshold
        rules = cls(
            genuine=float(model_thresholds["genuine"] if genuine is None else genuine),
            convert=float(model_thresholds["convert"] if convert is None else convert),
            discard_below=params.discard_below,
            risk=params.risk_threshold,
            guard=params.guard_threshold,
            daily_capacity=params.daily_capacity,
            min_completeness=params.quote_min_completeness,
            existing=float(
                model_thresholds.get("existing", 0.5)
                if params.existing_threshold is None
                else params.existing_threshold
            ),
            payment=params.payment_threshold,
        )
        if not 0.0 <= rules.discard_below <= rules.genuine <= 1.0:
            raise ValueError(
                f"score: need 0 <= discard_below ({rules.discard_below}) <= genuine threshold "
                f"({rules.genuine}) <= 1"
            )
        if rules.daily_capacity is not None and rules.daily_capacity < 0:
            raise ValueError(f"score.daily_capacity: {rules.daily_capacity} is negative")
        return rules


def _column(predictions: pd.DataFrame, name: str) -> np.ndarray:
    if name not in predictions:
        return np.zeros(len(predictions))
    return predictions[name].to_numpy(dtype=float, na_value=np.nan)


def _kind_label(kind: object) -> str:
    return "junk" if pd.isna(kind) else str(kind).replace("_", " ")


def _shown(features: pd.DataFrame | None, name: str, n: int) -> np.ndarray:
    """Rows where feature ``name`` is at least 1 (absent or unknown: not shown)."""
    if features is None or name not in features:
        return np.zeros(n, dtype=bool)
    return features[name].to_numpy(dtype=float, na_value=np.nan) >= 1


def payment_change_requested(features: pd.DataFrame | None, n: int) -> np.ndarray:
    """Rows that ask to change bank details, or to resend invoices / our bank data while the
    sender poses as a customer or as us (features of ``features/intent.py`` and
    ``features/parties.py``)."""
    diverted = np.logical_or.reduce([_shown(features, s, n) for s in DIVERSION_SIGNS])
    bank_change = _shown(features, "bank_change_phrases", n)
    return bank_change | (_shown(features, "invoice_resend_phrases", n) & diverted)


def _action(tier: str, kind: object, risky: bool, guarded: bool) -> str:
    label = _kind_label(kind)
    routed = {
        ACCOUNT_OWNER: ACCOUNT_OWNER_ACTION,
        VERIFY_PAYMENT: VERIFY_PAYMENT_ACTION,
        OFFER: OFFER_ACTION,
    }
    if tier in routed:
        return routed[tier]
    if tier == QUOTE_NOW:
        if guarded:
            return (
                "Quote now, guarded: possible price fishing; quote only the items asked for, "
                "with tiered prices and a validity date, no full price list"
            )
        return "Quote now: send a full quotation today"
    if tier == ASK_FOR_DETAILS:
        if guarded:
            return (
                "Ask for details, then a guarded quote: possible price fishing; no full price "
                "list until the buyer is confirmed"
            )
        return "Ask for details: send the follow-up questions in one mail, quote when answered"
    if tier == VERIFY_IDENTITY:
        if risky:
            return f"Verify identity before replying: possible {label}; {_CAUTION}"
        return "Verify identity before replying: check the company name, website and phone"
    if risky or (not pd.isna(kind) and kind in RISKY_KINDS):
        return f"Discard: likely {label}; do not reply, and {_CAUTION}"
    return f"Discard: likely {label}"


def daily_overflow(
    is_quote: np.ndarray, p_convert: np.ndarray, days: np.ndarray, capacity: int
) -> np.ndarray:
    """Mask of quote-now rows beyond the day's ``capacity`` best by ``p_convert``.

    Ties keep the earlier row. ``days`` is any hashable day key per row (here the UTC date).
    """
    frame = pd.DataFrame({"day": days, "p": p_convert, "row": np.arange(len(days))})[is_quote]
    ordered = frame.sort_values(["day", "p", "row"], ascending=[True, False, True], kind="stable")
    rank = ordered.groupby("day", sort=False, dropna=False).cumcount()
    overflow = np.zeros(len(days), dtype=bool)
    overflow[ordered["row"].to_numpy()[rank.to_numpy() >= capacity]] = True
    return overflow


def day_keys(received_at: pd.Series | None, n: int) -> np.ndarray:
    """The UTC date of each inquiry (one shared key when unknown), for the daily capacity."""
    if received_at is None:
        return np.zeros(n, dtype="datetime64[D]")
    stamps = pd.to_datetime(received_at, utc=True, errors="coerce")
    return stamps.dt.tz_localize(None).to_numpy().astype("datetime64[D]")


def assign_tiers(
    predictions: pd.DataFrame,
    rules: TierRules,
    received_at: pd.Series | None = None,
    completeness: pd.Series | None = None,
    features: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """``tier``, ``action`` and the ``junk_type`` worth showing (else <NA>) for each row.

    ``completeness`` is the share of the details a quote needs (the featurizer's
    ``completeness_score``); unknown counts as complete. ``features`` (the featurizer's
    output) give the payment-change signs; without them only the model's P(payment fraud)
    routes to ``verify payment``.
    """
    p_genuine = _column(predictions, schema.P_GENUINE)
    p_convert = _column(predictions, schema.P_CONVERT)
    p_junk = 1.0 - p_genuine
    risk = p_junk * sum(_column(predictions, f"p_{k}") for k in RISKY_KINDS)
    guard = p_junk * _column(predictions, f"p_{schema.PRICE_FISHING}")
    genuine = p_genuine >= rules.genuine
    tier = np.where(
        genuine,
        np.where(p_convert >= rules.convert, QUOTE_NOW, ASK_FOR_DETAILS),
        np.where(p_genuine < rules.discard_below, DISCARD, VERIFY_IDENTITY),
    ).astype(object)
    if completeness is not None:
        share = completeness.to_numpy(dtype=float, na_value=np.nan)
        tier[(tier == QUOTE_NOW) & (share < rules.min_completeness)] = ASK_FOR_DETAILS
    risky = risk >= rules.risk
    tier[risky & genuine] = VERIFY_IDENTITY
    guarded = (guard >= rules.guard) & genuine
    overflow = np.zeros(len(tier), dtype=bool)
    if rules.daily_capacity is not None:
        days = day_keys(received_at, len(tier))
        overflow = daily_overflow(tier == QUOTE_NOW, p_convert, days, rules.daily_capacity)
        tier[overflow] = ASK_FOR_DETAILS
    kinds = (
        predictions[schema.JUNK_TYPE]
        if schema.JUNK_TYPE in predictions
        else pd.Series(pd.NA, index=predictions.index, dtype="string")
    )
    offer = (
        (p_genuine < rules.genuine) & kinds.eq(schema.OFFER).fillna(False).to_numpy(dtype=bool)
    ) | _shown(features, "sells_to_us", len(tier))
    in_our_thread = _shown(features, "replies_to_our_mail", len(tier)) & _shown(
        features, "known_contact", len(tier)
    )
    customer = ~risky & (
        (genuine & (np.nan_to_num(_column(predictions, P_EXISTING)) >= rules.existing))
        | in_our_thread
    )
    tier[customer] = ACCOUNT_OWNER
    overflow &= ~customer
    tier[offer] = OFFER
    suspected = p_junk * _column(predictions, f"p_{schema.PAYMENT_FRAUD}") >= rules.payment
    payment = payment_change_requested(features, len(tier)) | (suspected & ~in_our_thread)
    tier[payment] = VERIFY_PAYMENT
    overflow &= ~payment
    cache: dict[tuple, str] = {}
    actions = []
    for t, kind, r, g, o in zip(tier, kinds.to_numpy(), risky, guarded, overflow, strict=True):
        key = (t, kind, r, g, o)
        if key not in cache:
            cache[key] = OVER_CAPACITY_ACTION if o else _action(t, kind, r, g)
        actions.append(cache[key])
    shown = kinds.where((~genuine | risky | guarded) & (tier != ACCOUNT_OWNER))
    return pd.DataFrame(
        {schema.TIER: tier, schema.ACTION: actions, schema.JUNK_TYPE: shown.astype("string")},
        index=predictions.index,
    )
