"""Timestamps as written by exports and mail headers, to tz-aware UTC."""

from __future__ import annotations

import pandas as pd

from inquiry_quality.ingest.frames import TIMESTAMP


def _one(value: object, timezone: str) -> pd.Timestamp:
    try:
        ts = pd.Timestamp(value)  # type: ignore[arg-type]
    except (ValueError, TypeError, OverflowError):
        return pd.NaT
    if ts is pd.NaT:
        return pd.NaT
    if ts.tzinfo is None:
        ts = ts.tz_localize(timezone, ambiguous="NaT", nonexistent="shift_forward")
    return ts.tz_convert("UTC")


def to_utc(values: pd.Series, timezone: str = "UTC") -> pd.Series:
    """Parse ``values`` (strings or datetimes); naive ones are in ``timezone``; bad ones NaT.

    The vectorised ISO 8601 path handles clean exports fast; whatever it cannot read (other
    formats, a mix of offsets) is parsed value by value.
    """
    present = values.notna()
    try:
        parsed = pd.to_datetime(values, format="ISO8601", errors="coerce")
        if parsed.dt.tz is None:
            parsed = parsed.dt.tz_localize(timezone, ambiguous="NaT", nonexistent="shift_forward")
        parsed = parsed.dt.tz_convert("UTC").astype(TIMESTAMP)
    except (ValueError, TypeError, AttributeError):
        parsed = pd.Series(pd.NaT, index=values.index, dtype=TIMESTAMP)
    retry = present & parsed.isna()
    if retry.any():
        parsed = parsed.copy()
        parsed[retry] = [_one(v, timezone) for v in values[retry]]
    return parsed.astype(TIMESTAMP)
