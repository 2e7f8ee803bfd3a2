"""The numbers and lists of a scored inquiry in the words the page shows."""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Final

import pandas as pd

from inquiry_quality.core import schema
from inquiry_quality.scoring.followups import follow_up_mail
from inquiry_quality.scoring.reasons import AGAINST, FOR
from inquiry_quality.scoring.tiers import (
    DETAILS_UNLISTED,
    NO_DETAILS,
    NO_FOLLOW_UP,
    QUOTE_NOW,
    RISKY_KINDS,
)

MAX_DENOMINATOR: Final = 10


def in_words(p: float) -> str:
    """A calibrated chance as odds a rep reads at a glance: 0.74 → "about 3 in 4"."""
    if p != p:  # NaN: the head was not trained
        return "unknown"
    if p < 0.05:
        return f"less than 1 in {20 if p >= 0.01 else 100}"
    if p > 0.95:
        return f"more than {19 if p <= 0.99 else 99} in {20 if p <= 0.99 else 100}"
    odds = Fraction(p).limit_denominator(MAX_DENOMINATOR)
    if odds.numerator == 0:
        odds = Fraction(1, MAX_DENOMINATOR)
    if odds == 1:
        odds = Fraction(MAX_DENOMINATOR - 1, MAX_DENOMINATOR)
    return f"about {odds.numerator} in {odds.denominator}"


def _text(value: object) -> str:
    return "" if value is None or pd.isna(value) else str(value)  # type: ignore[arg-type]


def reasons_for_against(reasons: list[str]) -> tuple[list[str], list[str]]:
    """The scorer's reasons split into for and against, without their +/- marks."""
    picked: dict[str, list[str]] = {FOR: [], AGAINST: []}
    for reason in reasons:
        for mark, found in picked.items():
            if reason.startswith(mark):
                found.append(reason[len(mark) :].strip())
    return picked[FOR], picked[AGAINST]


def attachment_names(value: object) -> list[str]:
    """Attachment file names (only their names: never opened, never linked)."""
    return [n.strip() for n in _text(value).split(schema.ATTACHMENT_SEP) if n.strip()]


def risky(row: Mapping[str, object]) -> bool:
    """The scorer names a scam or phishing as the likely kind of junk."""
    return _text(row.get(schema.JUNK_TYPE)) in RISKY_KINDS


def details_unlisted(row: Mapping[str, object]) -> str | None:
    """Why the missing details are not listed (None when they are)."""
    return DETAILS_UNLISTED if row.get(schema.TIER) in NO_DETAILS else None


def no_mail_why(row: Mapping[str, object]) -> str | None:
    """Why no follow-up mail is planned (None when one is)."""
    return NO_FOLLOW_UP.get(_text(row.get(schema.TIER)))


def mail_for(row: Mapping[str, object]) -> str | None:
    """The follow-up mail the scorer's questions make (none for a tier no one replies to)."""
    if row.get(schema.TIER) in NO_FOLLOW_UP:
        return None
    questions = list(row.get(schema.FOLLOW_UP_QUESTIONS) or [])  # type: ignore[call-overload]
    return follow_up_mail(row, questions, acknowledge=row.get(schema.TIER) == QUOTE_NOW)
