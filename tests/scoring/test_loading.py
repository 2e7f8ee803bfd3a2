"""The exported model: same scores as training, checksums enforced, URIs resolved, and no
link or attachment of an inquiry is ever followed or opened."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from inquiry_quality import load_scorer
from inquiry_quality.core import schema
from inquiry_quality.core.config import Params
from inquiry_quality.features import feature_table, featurizer_from_params, read_catalogue
from inquiry_quality.modeling.bundle import BUNDLE_FILE, ModelIntegrityError, load_bundle
from inquiry_quality.scoring import Scorer
from inquiry_quality.scoring.loading import ModelNotFoundError, pyfunc_bundle_dir
from inquiry_quality.scoring.pasted import inquiry_from_text
from inquiry_quality.scoring.requests import QUARANTINE_REASON, REQUEST_COLUMNS


def test_the_exported_pyfunc_scores_like_the_training_pipeline(
    pyfunc_dir: Path,
    project_bundle_dir: Path,
    project_inquiries: pd.DataFrame,
    project_params: Params,
    project_raw: Path,
) -> None:
    import mlflow

    from inquiry_quality.mlops.pyfunc import to_naive_utc

    rows = project_inquiries.sample(n=50, random_state=2)
    # the training pipeline: stage featurize's table, then the trained heads
    featurizer = featurizer_from_params(
        project_params.featurize, read_catalogue(project_raw / "catalogue.csv")
    )
    extra = [*project_params.ingest.extra_numeric, *project_params.ingest.extra_categorical]
    table = feature_table(rows, featurizer, extra)
    trained = load_bundle(project_bundle_dir).predict_features(table)
    # the exported model, from raw inquiries
    raw = rows.drop(columns=list(schema.LABEL_COLUMNS))
    model = mlflow.pyfunc.load_model(str(pyfunc_dir))
    served = model.predict(to_naive_utc(raw))
    for column in (schema.P_GENUINE, schema.P_CONVERT):
        np.testing.assert_allclose(served[column], trained[column], rtol=1e-9, atol=1e-12)
    local = load_scorer(pyfunc_dir).score(raw, flat=True).reset_index(drop=True)
    assert (served[QUARANTINE_REASON] == "").all()  # every row usable: the CLI's scores
    pd.testing.assert_frame_equal(
        served.drop(columns=list(REQUEST_COLUMNS)).reset_index(drop=True), local
    )


def test_the_registered_model_is_the_exported_one(
    pyfunc_dir: Path, project_bundle_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MLFLOW_TRACKING_URI", f"sqlite:///{pyfunc_dir.parent}/mlflow.db")
    registered = load_scorer("models:/inquiry-quality@candidate").bundle
    assert registered.metadata == load_bundle(project_bundle_dir).metadata
    assert (pyfunc_bundle_dir(pyfunc_dir) / "checksums.json").read_bytes() == (
        project_bundle_dir / "checksums.json"
    ).read_bytes()
    with pytest.raises(ModelNotFoundError, match="nonexistent"):
        load_scorer("models:/nonexistent@champion")


@pytest.mark.parametrize("kind", ["bundle", "pyfunc"])
def test_a_tampered_model_is_refused(
    kind: str, pyfunc_dir: Path, project_bundle_dir: Path, tmp_path: Path
) -> None:
    source = pyfunc_dir if kind == "pyfunc" else project_bundle_dir
    copy = shutil.copytree(source, tmp_path / kind)
    assert load_scorer(copy).bundle.metadata["model_version"]
    bundle_dir = pyfunc_bundle_dir(copy) if kind == "pyfunc" else copy
    with (bundle_dir / BUNDLE_FILE).open("ab") as handle:
        handle.write(b"\x00")
    with pytest.raises(ModelIntegrityError, match="does not match"):
        load_scorer(copy)


def test_no_model_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ModelNotFoundError, match="no such model"):
        load_scorer(tmp_path / "missing")
    with pytest.raises(ModelNotFoundError, match="neither"):
        load_scorer(tmp_path)
    store = tmp_path / "mlflow.db"
    monkeypatch.setenv("MLFLOW_TRACKING_URI", f"sqlite:///{store}")
    with pytest.raises(ModelNotFoundError, match="no MLflow store"):
        load_scorer("models:/inquiry-quality@champion")
    assert not store.exists()  # asking MLflow would have created an empty one


LURE = """From: "DHL Express" <notice@dhl-delivery-invoice.top>
Subject: RE: RE: Purchase order #4471 - view the inquiry
Date: Mon, 23 Nov 2026 11:00:00 +0000

Dear customer, view the inquiry and the purchase order here:
http://{host}/login?next=invoice.exe  and download the attached PO_4471.exe to confirm.
"""


def test_scoring_never_follows_links_or_opens_attachments(
    scorer: Scorer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Python's audit hooks see every socket, file open and process the scoring makes."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "PO_4471.exe").write_bytes(b"MZ not a real program")
    warm = inquiry_from_text(LURE.format(host="warm-up.example"))
    lure = inquiry_from_text(LURE.format(host="lure-host.example")).assign(
        attachments="PO_4471.exe; invoice.html", attachment_types="application/x-msdownload"
    )
    scorer.score(warm)  # lazy loading (spaCy, patterns) is not the inquiry's doing
    events: list[tuple[str, tuple]] = []
    watching = True

    def hook(event: str, args: tuple) -> None:
        if watching and event.split(".")[0] in ("socket", "open", "subprocess", "os", "urllib"):
            events.append((event, args))

    sys.addaudithook(hook)  # cannot be removed: it is switched off below
    try:
        out = scorer.score(lure)
    finally:
        watching = False
    assert out.loc[0, schema.TIER] in ("verify identity", "discard")
    assert not [e for e in events if e[0].startswith(("socket", "urllib", "subprocess"))]
    opened = [str(args[0]) for event, args in events if event == "open"]
    assert not [p for p in opened if "PO_4471" in p or "invoice" in p or "lure-host" in p]
    assert not [p for p in opened if not p.endswith((".py", ".pyc", ".so"))], opened
