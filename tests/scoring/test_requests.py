"""Requests to the served model are checked as the CLI checks a file's rows."""

from __future__ import annotations

import pandas as pd
import pytest

from inquiry_quality.core import schema
from inquiry_quality.scoring.requests import RequestError, check_request


def test_rows_get_the_cli_quarantine_reasons_and_columns_their_canonical_names() -> None:
    raw = pd.DataFrame(
        {
            "Subject": ["RFQ", None, "x", "y"],
            "body": ["We need 500 pcs", None, "hello", "hi"],
            "channel": ["email", "email", "telex", None],
            "buyer_level": ["Gold", None, None, None],
        }
    )
    canonical, problems = check_request(raw)
    assert list(canonical.columns) == [schema.SUBJECT, schema.BODY, schema.CHANNEL, "buyer_level"]
    assert problems["quarantine_reason"].tolist() == [
        "",
        "empty message",
        f"channel not one of {schema.CHANNELS}",
        "",  # no channel: a pasted request, scored
    ]


@pytest.mark.parametrize("columns", [["Sbject", "from"], []])
def test_a_request_without_a_text_column_is_an_error(columns: list[str]) -> None:
    with pytest.raises(RequestError, match="a request needs rows with a subject or body column"):
        check_request(pd.DataFrame({c: ["a"] for c in columns}))
