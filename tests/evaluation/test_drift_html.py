"""The drift page: self-contained, escaped, the same numbers as the JSON."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pandas as pd

from inquiry_quality.core.config import DriftParams
from inquiry_quality.evaluation.drift import drift_report
from inquiry_quality.evaluation.drift_html import write_drift_report
from inquiry_quality.evaluation.histograms import Bins
from inquiry_quality.evaluation.profile import Layout, profile_chunk

ATTACK = '<script>alert("x")</script><img src="https://evil.example/p.png">'


def test_the_page_loads_nothing_and_escapes_labels_from_the_inquiries(tmp_path: Path) -> None:
    rng = np.random.default_rng(4)
    training = pd.DataFrame({"buyer_level": rng.choice(["gold", "silver", ATTACK], 3000)})
    batch = pd.DataFrame({"buyer_level": rng.choice([ATTACK, "gold"], 500, p=[0.8, 0.2])})
    layout = Layout({"buyer_level": Bins.categorical(training["buyer_level"], 5, 10)}, {}, ())

    def profile(frame: pd.DataFrame):
        return profile_chunk(layout, frame, frame, frame, [[] for _ in range(len(frame))])

    reference = {"layout": layout.to_dict(), "profile": profile(training).to_dict()}
    report = drift_report(reference, profile(batch), DriftParams())
    page = write_drift_report(report, tmp_path / "drift.json")

    assert page == tmp_path / "drift.html"
    assert json.loads((tmp_path / "drift.json").read_text()) == report
    html = page.read_text()
    assert report["verdict"] == "drift" and 'Overall: <span class="drift">drift</span>' in html
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in html  # the label is shown, as text
    assert not re.search(r"(src|href)=[\"']?(https?:)?//", html)
    assert "default-src 'none'" in html
    share = report["features"]["buyer_level"]["bins"]["batch"][0]
    assert f"{share:.1%}" in html


def test_a_report_without_reference_renders(tmp_path: Path) -> None:
    page = write_drift_report(
        {"verdict": "no reference", "batch_rows": 3, "top": []}, tmp_path / "d.json"
    )
    assert "without a training reference" in page.read_text()
