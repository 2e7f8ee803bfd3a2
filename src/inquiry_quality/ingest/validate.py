"""Checks of the canonical table: one clear reason per unusable row, the rest typed.

A row fails on its first problem: no body text, a ``received_at`` that is not a date, a date
after the snapshot, an unknown channel, a label or number that is not one. Two gaps do not make
an inquiry unusable, so the row is kept and the case counted in the report's ``flags``: no
``received_at`` at all (a mail without a Date header, an export without dates: only the age is
unknown, see ``maturity``), and a malformed sender or reply-to address (web forms have no address
at all, and a broken address is itself a sign of junk; it is set to <NA>). Implausible dates are
flagged too: before 1995 (before B2B inquiries came by e-mail or platform: a clock or a parser
gone wrong) and, where future dates are not quarantined (scoring), after today.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

import pandas as pd

from inquiry_quality.core import schema
from inquiry_quality.ingest.frames import (
    INT_LABELS,
    STRING,
    Chunk,
    column_dtypes,
    table_columns,
)
from inquiry_quality.ingest.mapping import RAW_RECEIVED_AT
from inquiry_quality.ingest.timestamps import to_utc

EARLIEST_PLAUSIBLE = pd.Timestamp("1995-01-01", tz="UTC")
EARLY_FLAG = "received_at before 1995 (implausible)"
FUTURE_FLAG = "received_at after today (implausible)"
_ADDRESS = re.compile(r"^[^@\s<>(),;:\"\[\]]+@[^\W_](?:[\w-]*[^\W_])?(?:\.[^\W_][\w-]*)+$")
ADDRESS_FLAGS = {schema.SENDER_EMAIL: "invalid sender e-mail", schema.REPLY_TO: "invalid reply-to"}


class Problems:
    """The first problem of each row: field, reason and detail."""

    def __init__(self, index: pd.Index) -> None:
        self.field = pd.Series(pd.NA, index=index, dtype=STRING)
        self.reason = pd.Series(pd.NA, index=index, dtype=STRING)
        self.detail = pd.Series(pd.NA, index=index, dtype=STRING)

    def add(self, mask: pd.Series, field: str, reason: str, detail: pd.Series | str) -> None:
        new = mask.fillna(False).astype(bool) & self.reason.isna()
        if not new.any():
            return
        self.field[new] = field
        self.reason[new] = reason
        self.detail[new] = detail[new].astype(STRING) if isinstance(detail, pd.Series) else detail

    def split(self, frame: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
        bad = self.reason.notna()
        quarantine = pd.DataFrame(
            {
                schema.SOURCE: frame[schema.SOURCE][bad],
                schema.SOURCE_POSITION: frame[schema.SOURCE_POSITION][bad],
                "field": self.field[bad],
                "reason": self.reason[bad],
                "detail": self.detail[bad].str.slice(0, 500),
            }
        ).astype(STRING)
        return frame[~bad], quarantine.reset_index(drop=True)


def _numbers(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Numbers and a mask of present values that are not numbers."""
    present = values.notna()
    numbers = pd.to_numeric(values.astype(object).where(present), errors="coerce")
    return numbers.astype("float64"), present & numbers.isna()


def _junk_types(values: pd.Series) -> pd.Series:
    return values.astype(STRING).str.strip().str.lower().str.replace(r"[\s-]+", "_", regex=True)


def check_labels(frame: pd.DataFrame, problems: Problems) -> dict[str, pd.Series]:
    """Record label problems; return the label columns typed."""
    typed: dict[str, pd.Series] = {}
    for column in INT_LABELS:
        values = frame.get(column, pd.Series(pd.NA, index=frame.index, dtype=STRING))
        numbers, bad = _numbers(values)
        bad |= numbers.notna() & ~numbers.isin([0, 1])
        problems.add(bad, column, f"{column} is not 0, 1 or empty", values)
        typed[column] = numbers.where(~bad).astype("Int8")
    # An existing customer's message opens no new deal: its conversion is not a label.
    customer = typed[schema.EXISTING_CUSTOMER] == 1
    typed[schema.CONVERTED] = typed[schema.CONVERTED].mask(customer.fillna(False))
    junk = _junk_types(frame.get(schema.JUNK_TYPE, pd.Series(pd.NA, index=frame.index)))
    bad_junk = junk.notna() & ~junk.isin(schema.JUNK_TYPES)
    problems.add(bad_junk, schema.JUNK_TYPE, f"junk_type not one of {schema.JUNK_TYPES}", junk)
    typed[schema.JUNK_TYPE] = junk.where(~bad_junk)
    value = frame.get(schema.ORDER_VALUE, pd.Series(pd.NA, index=frame.index, dtype=STRING))
    numbers, bad = _numbers(value)
    bad |= numbers < 0
    problems.add(bad, schema.ORDER_VALUE, "order_value is not a non-negative number", value)
    typed[schema.ORDER_VALUE] = numbers.where(~bad)
    closed = frame.get(schema.CLOSED_AT, pd.Series(pd.NA, index=frame.index, dtype=STRING))
    closed_at = closed if str(closed.dtype).startswith("datetime64") else to_utc(closed)
    problems.add(
        closed.notna() & closed_at.isna(), schema.CLOSED_AT, "closed_at is not a date", closed
    )
    typed[schema.CLOSED_AT] = closed_at
    return typed


def validate_inquiries(
    frame: pd.DataFrame,
    extra_numeric: Sequence[str],
    extra_categorical: Sequence[str],
    future_after: pd.Timestamp,
) -> tuple[Chunk, Counter[str]]:
    """Split a canonical chunk into typed usable rows and quarantine lines; count flags."""
    problems = Problems(frame.index)
    no_body = frame[schema.BODY].isna()
    problems.add(
        no_body & frame[schema.SUBJECT].isna(), schema.BODY, "empty message", "no subject, no body"
    )
    # A subject alone (an image-only mail, a form sent blank) gives a rep nothing to judge.
    problems.add(no_body, schema.BODY, "no body text", "only a subject: " + frame[schema.SUBJECT])
    received = frame[schema.RECEIVED_AT]
    raw = frame[RAW_RECEIVED_AT]
    undated = received.isna() & raw.isna()
    problems.add(received.isna() & ~undated, schema.RECEIVED_AT, "received_at is not a date", raw)
    problems.add(
        received > future_after,
        schema.RECEIVED_AT,
        "received_at in the future",
        received.astype(STRING) + f" is after {future_after}",
    )
    channel = frame[schema.CHANNEL]
    problems.add(channel.isna(), schema.CHANNEL, "channel missing", f"one of {schema.CHANNELS}")
    problems.add(
        ~channel.isin(schema.CHANNELS),
        schema.CHANNEL,
        f"channel not one of {schema.CHANNELS}",
        channel,
    )
    typed = check_labels(frame, problems)
    for column in extra_numeric:
        typed[column], bad = _numbers(frame[column])
        problems.add(bad, column, f"{column} is not a number", frame[column])
    tomorrow = pd.Timestamp.now(tz="UTC") + pd.Timedelta(days=1)
    flags: Counter[str] = Counter(
        {
            "received_at missing": int(undated.sum()),
            EARLY_FLAG: int((received < EARLIEST_PLAUSIBLE).sum()),
            FUTURE_FLAG: int(((received > tomorrow) & (received <= future_after)).sum()),
        }
    )
    for column, flag in ADDRESS_FLAGS.items():
        address = frame[column]
        bad = address.notna() & ~address.str.match(_ADDRESS).fillna(False).astype(bool)
        flags[flag] += int(bad.sum())
        typed[column] = address.mask(bad)
    frame = frame.assign(**typed)
    kept, quarantine = problems.split(frame)
    flags = Counter({k: v for k, v in flags.items() if v})
    return Chunk(conform(kept, extra_numeric, extra_categorical), quarantine), flags


def conform(
    frame: pd.DataFrame, extra_numeric: Sequence[str], extra_categorical: Sequence[str]
) -> pd.DataFrame:
    """The table's columns, in order and with their dtypes; missing ones all <NA> (NaN for
    numbers)."""
    dtypes = column_dtypes(extra_numeric, extra_categorical)
    out = {}
    for column in table_columns(extra_numeric, extra_categorical):
        dtype = dtypes[column]
        if column in frame:
            out[column] = frame[column].astype(dtype)
        else:
            out[column] = pd.Series(index=frame.index, dtype=dtype)
    return pd.DataFrame(out, index=frame.index).reset_index(drop=True)
