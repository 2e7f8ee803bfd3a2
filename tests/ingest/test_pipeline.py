import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from inquiry_quality.core import schema
from inquiry_quality.core.config import IngestParams, SourceParams, load_params
from inquiry_quality.ingest import IngestError, ingest
from inquiry_quality.web.marks import MarkStore, export_labels

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def default_params() -> IngestParams:
    return load_params(REPO / "params.yaml").ingest


def test_default_params_ingest_the_contract_history(
    raw_history: Path, default_params: IngestParams, tmp_path: Path
) -> None:
    result = ingest(default_params, raw_history, tmp_path / "out" / "inquiries.parquet")
    table = result.read_table()
    assert len(table) == 18 and table[schema.INQUIRY_ID].is_unique
    assert result.report["reconciles"] and result.report["rows_quarantined"] == 0
    assert set(table[schema.CHANNEL]) == {"platform", "web_form", "email"}
    assert table[schema.IS_GENUINE].notna().all()
    marks, crm = result.report["outcomes"]  # params.yaml: the reps' marks first, then the CRM
    assert marks["rows_read"] == 0 and crm["labels_joined"] == 18
    assert crm["labels_unmatched"] == 0
    platform = table.set_index(schema.INQUIRY_ID).loc["RFQ-2025-000001"]
    # 2025-01-04 01:00 in Ningbo is 2025-01-03 17:00 UTC
    assert platform[schema.RECEIVED_AT] == pd.Timestamp("2025-01-03 17:00", tz="UTC")
    assert platform["buyer_level"] == "Verified" and platform["years_on_platform"] == 1.0
    assert platform[schema.COUNTRY] == "Sweden"
    email = table[table[schema.CHANNEL] == "email"].iloc[0]
    assert email[schema.INQUIRY_ID] == "0.john@smith-imports.co.uk"
    assert email[schema.COMPANY] == "Smith Imports Ltd"
    assert "From now on" in email[schema.BODY]  # a body line starting "From " survives the mbox
    assert table[schema.SUBJECT].dtype == "string" and table[schema.CONVERTED].dtype == "Int8"
    reply = table.set_index(schema.INQUIRY_ID).loc["1.john@smith-imports.co.uk"]
    assert reply[schema.IN_REPLY_TO] == "<q1@ningbo-led.cn> <q0@ningbo-led.cn>"
    # an existing customer's message is genuine, and its conversion is no label
    assert reply[schema.EXISTING_CUSTOMER] == 1 and reply[schema.IS_GENUINE] == 1
    assert pd.isna(reply[schema.CONVERTED])
    assert (table[schema.EXISTING_CUSTOMER] == 1).sum() == 1
    # the day's batch (labelled_only): no rep marked it, so none of its rows entered
    batch = [s for s in result.report["sources"] if "/new/" in s["source"]]
    assert [(s["rows_read"], s["rows_kept"], s["unlabelled_dropped"]) for s in batch] == [
        (4, 0, 4),
        (1, 0, 1),
    ]


def test_marked_rows_of_the_days_batch_join_the_history(
    raw_history: Path, default_params: IngestParams, tmp_path: Path
) -> None:
    store = MarkStore(tmp_path / "marks.sqlite")
    store.mark("RFQ-2026-000002", "junk", "anna", junk_type="scam")
    store.mark("new.1@berg-lighting.se", "genuine", "ben", junk_type=None)
    export_labels(tmp_path / "marks.sqlite", raw_history / "data/labels/marks.csv", 1)
    result = ingest(default_params, raw_history, tmp_path / "out" / "inquiries.parquet")
    table = result.read_table().set_index(schema.INQUIRY_ID)
    assert len(table) == 18 + 2 and result.report["reconciles"]
    assert table.loc["RFQ-2026-000002", schema.IS_GENUINE] == 0
    assert table.loc["RFQ-2026-000002", schema.JUNK_TYPE] == "scam"
    assert table.loc["new.1@berg-lighting.se", schema.IS_GENUINE] == 1
    assert result.report["unlabelled_dropped"] == 3
    assert result.report["outcomes"][0]["labels_joined"] == 2


def test_young_inquiries_have_unknown_conversion(
    raw_history: Path, default_params: IngestParams, tmp_path: Path
) -> None:
    params = default_params.model_copy(update=dict(label_maturity_days=30))
    table = ingest(params, raw_history, tmp_path / "t.parquet").read_table()
    snapshot = table[schema.RECEIVED_AT].max()
    young = table[schema.RECEIVED_AT] > snapshot - pd.Timedelta(days=30)
    assert young.any() and table.loc[young, schema.CONVERTED].isna().all()
    assert table.loc[~young, schema.CONVERTED].notna().any()
    assert table.loc[young, schema.IS_GENUINE].notna().all()  # only `converted` waits


def test_dates_after_the_snapshot_are_quarantined(
    raw_history: Path, default_params: IngestParams, tmp_path: Path
) -> None:
    history = default_params.sources[:2]  # the day's batch (later sources) is not history
    params = default_params.model_copy(update=dict(snapshot_date="2025-01-31", sources=history))
    result = ingest(params, raw_history, tmp_path / "t.parquet")
    report = result.report
    assert report["rows_read"] == 18 and report["reconciles"]
    assert report["rows_kept"] == len(result.read_table()) < 18
    assert set(result.quarantine["reason"]) == {"received_at in the future"}
    assert report["outcomes"][1]["labels_unmatched"] == report["rows_quarantined"]  # the CRM


def test_duplicates_are_kept_once_and_counted(
    raw_history: Path, default_params: IngestParams, tmp_path: Path
) -> None:
    history = default_params.sources[:2]
    twice = default_params.model_copy(update=dict(sources=[*history, history[1]]))
    result = ingest(twice, raw_history, tmp_path / "t.parquet")
    assert len(result.read_table()) == 18
    assert result.report["sources"][2]["duplicates_dropped"] == 6
    assert result.report["reconciles"]


def test_missing_source_stops_with_its_name(
    raw_history: Path, default_params: IngestParams, tmp_path: Path
) -> None:
    (raw_history / default_params.sources[1].path).unlink()
    with pytest.raises(IngestError, match=r"history/mailbox\.mbox: source not found"):
        ingest(default_params, raw_history, tmp_path / "t.parquet")
    crm = next(o for o in default_params.outcomes if o.path.endswith("crm_outcomes.csv"))
    (raw_history / crm.path).unlink()
    with pytest.raises(IngestError, match=r"crm_outcomes\.csv: outcome source not found"):
        ingest(default_params, raw_history, tmp_path / "t.parquet")


def test_stage_script_writes_its_outputs(raw_history: Path) -> None:
    out = raw_history / "data" / "interim"
    subprocess.run(
        [
            sys.executable,
            str(REPO / "pipelines" / "ingest.py"),
            "--params",
            str(REPO / "params.yaml"),
            "--out",
            str(out / "inquiries.parquet"),
            "--quarantine",
            str(out / "quarantine.csv"),
            "--report",
            str(raw_history / "reports" / "ingest.json"),
        ],
        cwd=raw_history,
        check=True,
    )
    report = json.loads((raw_history / "reports" / "ingest.json").read_text())
    assert report["rows_kept"] == 18
    assert list(pd.read_csv(out / "quarantine.csv").columns) == list(schema.QUARANTINE_COLUMNS)


@pytest.mark.slow
def test_spamassassin_corpus_with_its_labels(tmp_path: Path, spamassassin: Path) -> None:
    params = IngestParams(
        sources=[SourceParams(path=str(spamassassin), format="eml")],
        outcomes=[
            SourceParams(
                path=str(spamassassin / "labels.csv"),
                join_on="path",
                mapping={"path": "key", "label": "is_genuine"},
                values={"label": {"ham": 1, "spam": 0}},
            )
        ],
    )
    result = ingest(params, Path("/"), tmp_path / "sa.parquet")
    table, report = result.read_table(), result.report
    labels = pd.read_csv(spamassassin / "labels.csv")
    source = report["sources"][0]
    assert source["rows_read"] == len(labels) == 6046 and report["reconciles"]
    assert len(table) + len(result.quarantine) + source["duplicates_dropped"] == 6046
    assert (table[schema.BODY].str.strip().str.len() > 0).all()
    assert result.quarantine["reason"].notna().all()
    assert table[schema.IS_GENUINE].notna().all()
    expected = labels.set_index("path")["label"].map({"ham": 1, "spam": 0})
    got = table.set_index(schema.SOURCE_POSITION)[schema.IS_GENUINE]
    assert (got == expected.reindex(got.index)).all()


def test_a_labelled_folder_of_mail_without_dates_is_kept(tmp_path: Path) -> None:
    """Exported corpora often carry only a subject and the text (no Date, no Received)."""
    texts = {
        "ham/1.txt": "Subject: quote for 500 panel lights\n\nPlease quote FOB Ningbo, 60x60 cm.",
        "ham/2.txt": "Subject: re: samples\n\nThe samples arrived; we order 2,000 pieces.",
        "spam/1.txt": "Subject: earn $$$ from home\n\nClick here to get rich fast!!!",
    }
    for name, text in texts.items():
        (tmp_path / "mail" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "mail" / name).write_text(text, encoding="utf-8")
    params = IngestParams(
        sources=[SourceParams(path="mail", format="eml", channel="email")],
        outcomes=[
            SourceParams(
                path="mail",
                format="folders",
                join_on="path",
                mapping={"path": "key", "folder": "is_genuine"},
                values={"folder": {"ham": 1, "spam": 0}},
            )
        ],
    )
    result = ingest(params, tmp_path, tmp_path / "t.parquet")
    table, report = result.read_table(), result.report
    assert report["rows_kept"] == 3 and report["rows_quarantined"] == 0 and report["reconciles"]
    assert report["sources"][0]["flags"] == {"received_at missing": 3}
    assert report["snapshot"] is None and table[schema.RECEIVED_AT].isna().all()
    by_path = table.set_index(schema.SOURCE_POSITION)[schema.IS_GENUINE]
    assert by_path.to_dict() == {"ham/1.txt": 1, "ham/2.txt": 1, "spam/1.txt": 0}
