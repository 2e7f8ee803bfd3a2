"""Timestamps as text: ISO 8601, one rule for every report and model record."""

from __future__ import annotations

import pandas as pd


def iso_or_none(stamp: pd.Timestamp | None) -> str | None:
    """ISO 8601 text of ``stamp``; None when there is no date (None or NaT)."""
    return None if stamp is None or pd.isna(stamp) else stamp.isoformat()
