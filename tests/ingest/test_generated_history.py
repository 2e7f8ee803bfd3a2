"""The generator's history, ingested with the default params: every inquiry once, labelled."""

from pathlib import Path

import pandas as pd
import pytest

from inquiry_quality.core import schema
from inquiry_quality.core.config import load_params
from inquiry_quality.ingest import ingest
from inquiry_quality.synth import generate
from inquiry_quality.web.marks import export_labels

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_every_generated_inquiry_present_once_and_labelled(tmp_path: Path) -> None:
    params = load_params(REPO / "params.yaml")
    generate(
        params.generate.model_copy(update=dict(n_inquiries=300, n_new=20)),
        tmp_path / "data" / "raw" / "generated",
    )
    export_labels(tmp_path / "marks.sqlite", tmp_path / "data" / "labels" / "marks.csv", 1)
    result = ingest(params.ingest, tmp_path, tmp_path / "inquiries.parquet")
    table = result.read_table()
    truth = pd.read_csv(tmp_path / "data" / "raw" / "generated" / "ground_truth.csv")
    refs = truth.loc[truth["dataset"] == "history", "ref"].str.strip("<>")
    assert sorted(table[schema.INQUIRY_ID]) == sorted(refs)
    assert result.report["reconciles"] and result.quarantine.empty
    assert table[schema.IS_GENUINE].notna().all()
    assert result.report["outcomes"][1]["labels_unmatched"] == 0  # the CRM (after the marks)
    assert set(table[schema.CHANNEL]) == set(schema.CHANNELS)
    assert (table[schema.BODY].notna() | table[schema.SUBJECT].notna()).all()
