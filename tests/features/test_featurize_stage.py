"""The ``featurize`` stage script on a small ingested table."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from inquiry_quality.core import parallel, schema
from inquiry_quality.core.config import load_params
from inquiry_quality.features import build_featurizer, feature_table, read_settings
from inquiry_quality.features import featurizer as featurizer_module

ROOT = Path(__file__).resolve().parents[2]


def test_stage_writes_ids_labels_extras_and_features(
    tmp_path: Path,
    inquiries: pd.DataFrame,
    catalogue: pd.DataFrame,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    params = load_params(ROOT / "params.yaml")
    extras = [*params.ingest.extra_numeric, *params.ingest.extra_categorical]
    table = inquiries.reset_index(drop=True)
    table[schema.RECEIVED_AT] = pd.Timestamp("2025-03-01 08:00", tz="UTC")
    table[schema.IS_GENUINE] = pd.array([1, 1, 0, 0, 0, 0, 1], dtype="Int64")
    for column in extras:
        table[column] = pd.NA
    table.to_parquet(tmp_path / "inquiries.parquet")
    catalogue.to_csv(tmp_path / "catalogue.csv", index=False)
    # the CRM export and the Sent folder, at the paths params.yaml names (relative to the run)
    generated = tmp_path / "data" / "raw" / "generated"
    generated.mkdir(parents=True)
    pd.DataFrame(
        {"company": ["Levante"], "domains": ["iluminaciones-levante.es"], "emails": ["x@y.es"]}
    ).to_csv(generated / "crm_contacts.csv", index=False)
    (generated / "sent_messages.csv").write_text("message_id\n<q1@brightway-lighting.com>\n")
    out = tmp_path / "processed" / "features.parquet"
    command = [
        sys.executable,
        str(ROOT / "pipelines" / "featurize.py"),
        "--params",
        str(ROOT / "params.yaml"),
        "--inquiries",
        str(tmp_path / "inquiries.parquet"),
        "--catalogue",
        str(tmp_path / "catalogue.csv"),
        "--out",
        str(out),
        "--featurizer",
        str(tmp_path / "processed" / "featurizer.json"),
    ]
    subprocess.run(command, check=True, cwd=tmp_path)

    features = pd.read_parquet(out)
    names = list(build_featurizer().get_feature_names_out())
    assert list(features.columns[:3]) == [schema.INQUIRY_ID, schema.RECEIVED_AT, schema.IS_GENUINE]
    assert set(names) | set(extras) <= set(features.columns)
    assert features[schema.INQUIRY_ID].tolist() == table[schema.INQUIRY_ID].tolist()
    assert features[schema.IS_GENUINE].tolist() == [1, 1, 0, 0, 0, 0, 1]
    assert features.set_index(schema.INQUIRY_ID).loc["eu-rfq", "catalogue_model_matches"] >= 1
    # what train rebuilds from the settings file is the featurizer that made these features
    monkeypatch.chdir(tmp_path)  # the settings name files relative to the run, as train runs
    rebuilt = read_settings(tmp_path / "processed" / "featurizer.json")
    pd.testing.assert_frame_equal(
        feature_table(table, rebuilt)[names], features[names], check_dtype=False
    )
    assert features.set_index(schema.INQUIRY_ID).loc["es", "known_company_domain"] == 1.0
    settings = json.loads((tmp_path / "processed" / "featurizer.json").read_text("utf-8"))
    assert settings["featurize"]["known_parties"] == "data/raw/generated/crm_contacts.csv"


def test_feature_table_on_every_core_equals_one_process(
    inquiries: pd.DataFrame, catalogue: pd.DataFrame, monkeypatch: pytest.MonkeyPatch
) -> None:
    table = pd.concat([inquiries] * 6, ignore_index=True)  # 42 rows
    featurizer = build_featurizer(catalogue=catalogue)
    one_process = feature_table(table, featurizer)
    monkeypatch.setattr(featurizer_module, "ROWS_PER_PROCESS", 10)
    monkeypatch.setattr(parallel, "cpu_count", lambda: 2)
    pd.testing.assert_frame_equal(feature_table(table, featurizer), one_process)
