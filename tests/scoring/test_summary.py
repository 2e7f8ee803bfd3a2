"""The end-of-run summary: counts that reconcile, reasons counted across inquiries."""

from __future__ import annotations

import pandas as pd

from inquiry_quality.core import schema
from inquiry_quality.scoring.summary import BatchSummary


def _scored(reasons: list[list[str]], tiers: list[str]) -> pd.DataFrame:
    return pd.DataFrame(
        {schema.TIER: tiers, schema.REGION: ["Europe"] * len(tiers), schema.REASONS: reasons}
    )


def test_reasons_are_counted_by_kind_without_the_inquirys_own_values() -> None:
    summary = BatchSummary(rows_in=4)
    summary.add_scored(
        _scored(
            [
                ["+ Gives a quantity with its unit (2,000 pcs)", "- Writes from gmail.com"],
                ["+ Gives a quantity with its unit (40 sets)", "- Writes from gmail.com"],
                [],
            ],
            ["quote now", "ask for details", "discard"],
        )
    )
    summary.add_quarantine(pd.DataFrame({"reason": ["truncated row"]}))
    report = summary.to_dict()
    assert report["top_reasons_for"] == {"Gives a quantity with its unit": 2}
    assert report["top_reasons_against"] == {"Writes from gmail.com": 2}
    assert report["tiers"]["discard"] == 1
    assert report["quarantine_reasons"] == {"truncated row": 1}
    assert summary.reconciles and report["reconciles"]
