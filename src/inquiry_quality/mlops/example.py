"""The input example logged with every model: made up from the schema, no row of anyone's.

MLflow stores a model's input example in every run and every exported copy of the model, so
it must not be a real inquiry (buyers' names, addresses, phone numbers, messages). These rows
have every canonical column, typed as ingest writes them, with invented values: domains
reserved for examples (RFC 2606) and telephone numbers reserved for fiction (+1 555-01xx).
One row per channel, with blanks where that channel has none, so the signature inferred
from it marks each column optional.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from inquiry_quality.core import schema

_ROWS: tuple[dict[str, Any], ...] = (
    {
        schema.CHANNEL: "email",
        schema.MESSAGE_ID: "<example-1@example.com>",
        schema.SUBJECT: "RFQ: 1,000 pcs LED panel light 600x600 40W, FOB",
        schema.BODY: "Dear sales team,\n\nPlease quote 1,000 pcs LED panel light 600x600 40W "
        "4000K, FOB, payment T/T, delivery within 45 days.\n\nBest regards,\nAlex Example",
        schema.SIGNATURE: "Alex Example\nPurchasing\nExample Lighting Ltd.",
        schema.SENDER_NAME: "Alex Example",
        schema.SENDER_EMAIL: "alex@example.com",
        schema.COMPANY: "Example Lighting Ltd.",
        schema.JOB_TITLE: "Purchasing",
        schema.WEBSITE: "www.example.com",
        schema.PHONE: "+1 555 0100",
        schema.COUNTRY: "United States",
        schema.ATTACHMENTS: "specification.pdf",
        schema.ATTACHMENT_TYPES: "application/pdf",
        schema.SOURCE: "example.mbox",
    },
    {
        schema.CHANNEL: "web_form",
        schema.SUBJECT: "Price list",
        schema.BODY: "Hi, send me your price list and catalogue for all products. Thanks",
        schema.SENDER_NAME: "Sam Sample",
        schema.SENDER_EMAIL: "sam.sample@example.org",
        schema.SOURCE: "example_form.csv",
    },
    {
        schema.CHANNEL: "platform",
        schema.SUBJECT: "Inquiry about LED downlights",
        schema.BODY: "We need 300 pcs LED downlight 12W for a hotel project. Please send "
        "price and MOQ.",
        schema.SENDER_NAME: "Kim Placeholder",
        schema.SENDER_EMAIL: "kim@example.net",
        schema.COMPANY: "Placeholder Trading Co.",
        schema.PHONE: "+1 555 0199",
        schema.COUNTRY: "Canada",
        schema.SOURCE: "example_platform_export.csv",
    },
)


def synthetic_example(features: Mapping[str, Any]) -> pd.DataFrame:
    """Three invented inquiries with the canonical columns, the provenance columns and the
    model's extra columns (``features``: the bundle metadata's feature lists)."""
    columns = [*schema.INQUIRY_COLUMNS, *schema.PROVENANCE_COLUMNS]
    frame = pd.DataFrame([dict(row) for row in _ROWS]).reindex(columns=columns)
    frame[schema.INQUIRY_ID] = [f"EXAMPLE-{i}" for i in range(1, len(frame) + 1)]
    frame[schema.SOURCE_POSITION] = [str(i) for i in range(1, len(frame) + 1)]
    frame[schema.RECEIVED_AT] = pd.to_datetime(
        ["2026-01-05T09:30:00Z", "2026-01-05T10:00:00Z", "2026-01-06T02:15:00Z"], utc=True
    )
    text = [c for c in columns if c != schema.RECEIVED_AT]
    frame[text] = frame[text].astype("str").where(frame[text].notna(), np.nan)
    for column in features.get("extra", []):
        if column in features.get("numeric", []):
            frame[column] = [3.0, np.nan, 1.0]
        else:
            frame[column] = ["example", np.nan, "example"]
    return frame
