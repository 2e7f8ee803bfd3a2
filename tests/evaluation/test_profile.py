"""Profiles add up: a batch counted chunk by chunk equals the batch counted at once."""

from __future__ import annotations

import numpy as np
import pandas as pd

from inquiry_quality.evaluation.histograms import Bins
from inquiry_quality.evaluation.profile import Layout, Profile, profile_chunk


def _frames(n: int, seed: int) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, list]:
    rng = np.random.default_rng(seed)
    raw = pd.DataFrame(
        {
            "channel": rng.choice(["email", "platform"], n),
            "country": rng.choice(["DE", None, ""], n),
            "company": ["x"] * n,
        }
    )
    features = pd.DataFrame(
        {
            "length_words": rng.integers(0, 400, n).astype(float),
            "language": rng.choice(["en", "de"], n),
        }
    )
    scores = pd.DataFrame({"p_genuine": rng.random(n)})
    reasons = [
        ["+ has_company"] if i % 3 else ["- is_free_mail", "+ has_company"] for i in range(n)
    ]
    return raw, features, scores, reasons


def test_chunked_profile_equals_whole_profile_and_survives_json() -> None:
    raw, features, scores, reasons = _frames(500, seed=3)
    layout = Layout(
        {
            "length_words": Bins.numeric(features["length_words"], 10),
            "language": Bins.categorical(features["language"], 5, 10),
            "quantity_value": Bins.numeric(pd.Series([1.0, 2.0, 3.0]), 10),
        },
        {"p_genuine": Bins.numeric(scores["p_genuine"], 10)},
        ("country", "company", "phone"),
    )
    whole = profile_chunk(layout, raw, features, scores, reasons)
    parts = [
        profile_chunk(
            layout,
            raw[i : i + 120],
            features[i : i + 120],
            scores[i : i + 120],
            reasons[i : i + 120],
        )
        for i in range(0, 500, 120)
    ]
    summed = sum(parts, Profile())
    assert summed.to_dict() == whole.to_dict()
    assert Profile.from_dict(whole.to_dict()).to_dict() == whole.to_dict()
    assert Layout.from_dict(layout.to_dict()) == layout
    # a column the frames lack is blank for every row: inputs and features alike
    assert whole.features["quantity_value"][-1] == 500
    for channel, rows in raw.groupby("channel"):  # input blanks are counted per channel
        assert whole.inputs[channel]["rows"] == len(rows) == whole.inputs[channel]["phone"]
        assert whole.inputs[channel]["country"] == int((rows["country"].fillna("") == "").sum())
        assert whole.inputs[channel]["company"] == 0
    assert whole.reasons == {"+ has_company": 500, "- is_free_mail": 167}
