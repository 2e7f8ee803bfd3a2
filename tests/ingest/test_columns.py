"""Columns are checked before rows: variants accepted, unknown ones named with suggestions."""

from __future__ import annotations

import logging
from pathlib import Path

import pandas as pd
import pytest

from inquiry_quality.core import schema
from inquiry_quality.core.config import SourceParams
from inquiry_quality.ingest import IngestError, read_inquiries

FUTURE = pd.Timestamp("2030-01-01", tz="UTC")


def _read(path: Path, channel: str | None = None) -> pd.DataFrame:
    chunks = list(
        read_inquiries(SourceParams(path=str(path), channel=channel), None, Path("/"), FUTURE)
    )
    return pd.concat([c.table for c in chunks], ignore_index=True)


def test_case_and_spacing_variants_are_the_canonical_columns(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text(
        "Subject,BODY,Sender  Email,received-at,Channel\nHi,Need 5 pcs,a@b.de,2025-01-02,email\n"
    )
    table = _read(path)
    assert table[[schema.SUBJECT, schema.BODY, schema.SENDER_EMAIL, schema.CHANNEL]].iloc[
        0
    ].tolist() == ["Hi", "Need 5 pcs", "a@b.de", "email"]
    assert table[schema.RECEIVED_AT].iloc[0] == pd.Timestamp("2025-01-02", tz="UTC")


def test_unknown_columns_are_named_with_the_closest_canonical_ones(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "export.csv"
    path.write_text("subjekt,mesage,channel\nHi,Need 5 pcs,email\n")
    with pytest.raises(IngestError, match=r"no text column.*'subjekt' \(closest: subject\)"):
        _read(path)
    path.write_text("subject,body,compnay\nHi,Need 5 pcs,Acme\n")
    with pytest.raises(IngestError, match=r"no channel column.*--channel"):
        _read(path)
    with caplog.at_level(logging.WARNING):
        assert len(_read(path, channel="web_form")) == 1
    assert "'compnay' (closest: company" in caplog.text
