"""No personal data in model artifacts: a made-up input example, and nothing of the history
in a trained bundle or an exported model."""

from __future__ import annotations

import json
import pickle
import re
from pathlib import Path

import joblib
import pandas as pd
import yaml

import inquiry_quality
from inquiry_quality.core import schema
from inquiry_quality.mlops.example import synthetic_example
from inquiry_quality.modeling.bundle import load_bundle

EMAIL = re.compile(rb"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(rb"\+?\d[\d ()./-]{5,}\d")
#: text that JSON, pickles and CSV store as it is: printable ASCII without quotes, backslashes
PLAIN = re.compile(r"[ !#-\[\]-~]{50,}")
SOURCE = b"\n".join(p.read_bytes() for p in Path(inquiry_quality.__file__).parent.rglob("*.py"))


def body_needles(bodies: pd.Series) -> list[str]:
    """Per message, its longest plain stretch of 50+ characters; phrases of the generator's
    own templates (in the package source, so in every exported model's code) are no one's."""
    needles = []
    for body in bodies.dropna().astype(str):
        stretches = sorted(PLAIN.findall(body), key=len, reverse=True)
        if stretches and stretches[0].encode() not in SOURCE:
            needles.append(stretches[0])
    return needles


def stored_bytes(directory: Path) -> bytes:
    """Every file under ``directory``; joblib pickles unpacked (they are compressed)."""
    parts = []
    for path in sorted(p for p in directory.rglob("*") if p.is_file()):
        if path.suffix == ".joblib":
            parts.append(pickle.dumps(joblib.load(path)))
        else:
            parts.append(path.read_bytes())
    return b"\n".join(parts)


def personal_data_in(stored: bytes, inquiries: pd.DataFrame) -> dict[str, list[str]]:
    """The e-mail addresses, phone numbers and message texts of ``inquiries`` in ``stored``."""
    emails = {
        str(e).lower()
        for column in (schema.SENDER_EMAIL, schema.REPLY_TO)
        for e in inquiries[column].dropna()
    }
    phones = {
        re.sub(r"\D", "", str(p))
        for column in (schema.PHONE, schema.FAX)
        for p in inquiries[column].dropna()
    } - {""}
    found_emails = {m.decode("latin-1").lower() for m in EMAIL.findall(stored)}
    found_phones = {re.sub(rb"\D", b"", m).decode() for m in PHONE.findall(stored)}
    return {
        "emails": sorted(emails & found_emails),
        "phones": sorted(p for p in phones & found_phones if len(p) >= 7),
        "bodies": [b for b in body_needles(inquiries[schema.BODY]) if b.encode() in stored],
    }


def test_the_scan_finds_rows_where_they_are(project_inquiries: pd.DataFrame) -> None:
    """The check can fail: three real rows, as the input example used to be, are found."""
    assert len(body_needles(project_inquiries[schema.BODY])) > 300
    rows = project_inquiries.head(3).to_json(orient="split").encode()
    found = personal_data_in(rows, project_inquiries)
    assert found["emails"] and found["phones"] and found["bodies"]


def test_no_row_of_the_history_in_the_bundle_or_the_exported_model(
    project_bundle_dir: Path, pyfunc_dir: Path, project_inquiries: pd.DataFrame
) -> None:
    for directory in (project_bundle_dir, pyfunc_dir):
        stored = stored_bytes(directory)
        assert len(stored) > 100_000  # the model is there
        assert personal_data_in(stored, project_inquiries) == {
            "emails": [],
            "phones": [],
            "bodies": [],
        }, directory


def test_the_logged_example_is_made_up_and_covers_every_input(pyfunc_dir: Path) -> None:
    mlmodel = yaml.safe_load((pyfunc_dir / "MLmodel").read_text())
    inputs = {column["name"] for column in json.loads(mlmodel["signature"]["inputs"])}
    assert {"sender_email", "country", "buyer_level", "years_on_platform"} <= inputs
    # the stored request keeps the columns every example row has (JSON has no NaN)
    example = json.loads((pyfunc_dir / "input_example.json").read_text())
    addresses = {row[example["columns"].index("sender_email")] for row in example["data"]}
    assert all(a.split("@")[1] in ("example.com", "example.org", "example.net") for a in addresses)
    channels = {row[example["columns"].index("channel")] for row in example["data"]}
    assert channels == set(schema.CHANNELS)


def test_the_example_has_the_columns_and_types_ingest_writes(
    project_bundle_dir: Path, project_inquiries: pd.DataFrame
) -> None:
    features = load_bundle(project_bundle_dir).metadata["features"]
    example = synthetic_example(features)
    expected = project_inquiries.drop(columns=list(schema.LABEL_COLUMNS))
    assert list(example.columns) == list(expected.columns)
    assert example.dtypes.to_dict() == expected.dtypes.to_dict()


def test_the_model_card_is_beside_the_model_and_in_its_run(pyfunc_dir: Path) -> None:
    from mlflow.tracking import MlflowClient

    card = (pyfunc_dir / "README.md").read_text()
    assert "## Intended use" in card and "## Known limits" in card
    meta = load_bundle(pyfunc_dir / "artifacts" / "bundle").metadata
    assert meta["model_version"] in card and meta["data_version"] in card
    client = MlflowClient(tracking_uri=f"sqlite:///{pyfunc_dir.parent}/mlflow.db")
    version = client.get_model_version_by_alias("inquiry-quality", "champion")
    logged = [a.path for a in client.list_artifacts(version.run_id, "model_card")]
    assert logged == ["model_card/README.md"]
