"""A bundle pickled before the layered layout (``tests/data/legacy_bundle``, trained by the code
of commit f3b4e70 on ``make_inquiries(200, seed=3)``) loads and scores exactly as it did then."""

from __future__ import annotations

import importlib
import io
from pathlib import Path

import pandas as pd

from inquiry_quality.core import schema
from inquiry_quality.modeling.bundle import load_bundle
from inquiry_quality.scoring import Scorer

DATA = Path(__file__).resolve().parents[1] / "data"


def test_an_old_bundle_scores_identically() -> None:
    bundle = load_bundle(DATA / "legacy_bundle")
    raw = pd.read_csv(DATA / "legacy_inquiries.csv", keep_default_na=False)
    raw = raw.drop(columns=[c for c in schema.LABEL_COLUMNS if c in raw])
    raw[schema.RECEIVED_AT] = pd.to_datetime(raw[schema.RECEIVED_AT], utc=True)
    scored = io.StringIO()
    Scorer(bundle).score(raw, flat=True).to_csv(scored, index=False)
    assert scored.getvalue() == (DATA / "legacy_scored.csv").read_text(encoding="utf-8")


def test_old_module_paths_resolve_to_the_moved_modules() -> None:
    from inquiry_quality.modeling import bundle

    assert importlib.import_module("inquiry_quality.bundle") is bundle
