"""Rows sent to the served model, checked as the CLI checks the rows of a file.

The same column check (case and spacing variants accepted; no text column is an error) and the
same row checks (``ingest.validate``: an empty message, an unknown channel, a date that is not
one, ...). A row that fails is answered with its quarantine reason instead of scores. A missing
channel is allowed here: a pasted body alone is a request.
"""

from __future__ import annotations

from typing import Final

import pandas as pd

from inquiry_quality.core import schema
from inquiry_quality.core.config import SourceParams
from inquiry_quality.ingest.columns import TEXT_COLUMNS, unrecognised
from inquiry_quality.ingest.mapping import effective_mapping, targets, to_canonical
from inquiry_quality.ingest.validate import validate_inquiries

REQUEST: Final = "request"
QUARANTINE_REASON: Final = "quarantine_reason"
QUARANTINE_DETAIL: Final = "quarantine_detail"
REQUEST_COLUMNS: Final = (QUARANTINE_REASON, QUARANTINE_DETAIL)
_ANY_DATE: Final = pd.Timestamp.max.tz_localize("UTC")


class RequestError(ValueError):
    """A request that cannot be scored at all (no rows, no usable column)."""


def check_request(raw: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``raw`` with canonical column names (``Subject`` -> subject), and per row (same index)
    why it cannot be scored, or "" when it can."""
    allowed = targets([])
    columns = [str(c) for c in raw.columns]
    mapping = effective_mapping(columns, SourceParams(path=REQUEST), allowed, REQUEST)
    if not set(mapping.values()) & set(TEXT_COLUMNS) or raw.empty:
        hints = "; ".join(unrecognised(columns, mapping, allowed)) or "none"
        raise RequestError(
            f"nothing to score: a request needs rows with a subject or body column "
            f"(columns sent: {columns or 'none'}; not recognised: {hints})"
        )
    positions = pd.Series(range(len(raw)), index=raw.index).astype(str)
    table = raw.rename(columns=dict(zip(raw.columns, columns, strict=True)))
    table = table[list(mapping)].astype(object).assign(**{schema.SOURCE_POSITION: positions})
    # a missing channel is filled for the check only: the model scores the row without one
    placeholder = SourceParams(path=REQUEST, channel=schema.CHANNELS[0])
    canonical = to_canonical(table.reset_index(drop=True), placeholder, REQUEST, [])
    quarantine = validate_inquiries(canonical, [], [], _ANY_DATE)[0].quarantine
    reasons = pd.DataFrame(
        {QUARANTINE_REASON: "", QUARANTINE_DETAIL: ""}, index=raw.index, dtype="string"
    )
    rows = quarantine[schema.SOURCE_POSITION].astype(int).to_numpy()
    reasons.iloc[rows, 0] = quarantine["reason"].to_numpy()
    reasons.iloc[rows, 1] = quarantine["detail"].fillna("").to_numpy()
    renamed = {old: new for old, new in zip(raw.columns, columns, strict=True)}
    variants = {new: mapping[new] for new in columns if mapping.get(new, new) != new}
    return raw.rename(columns=renamed).rename(columns=variants), reasons
