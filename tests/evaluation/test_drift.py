"""PSI, binned KS and the verdicts on small seeded data."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy.stats import ks_2samp

from inquiry_quality.core.config import DriftParams
from inquiry_quality.evaluation.drift import (
    DRIFT,
    NO_REFERENCE,
    STABLE,
    WATCH,
    drift_report,
    ks_binned,
    psi,
    summary_line,
)
from inquiry_quality.evaluation.histograms import Bins
from inquiry_quality.evaluation.profile import Layout, profile_chunk


def test_psi_is_zero_for_equal_shares_and_grows_with_the_shift() -> None:
    base = np.array([100, 200, 300, 400])
    assert psi(base, base * 3) == pytest.approx(0.0, abs=1e-4)
    small, large = (
        psi(base, np.array([110, 200, 300, 390])),
        psi(base, np.array([400, 300, 200, 100])),
    )
    assert 0 < small < 0.01 < 0.5 < large
    assert psi(base, np.array([400, 300, 200, 100])) == pytest.approx(
        psi(np.array([400, 300, 200, 100]), base), rel=0.01
    )


def test_binned_ks_equals_scipy_when_every_value_has_its_bin() -> None:
    rng = np.random.default_rng(11)
    a = rng.integers(0, 6, 3000)
    b = rng.integers(0, 6, 500) + (rng.random(500) < 0.2)
    counts = [np.append(np.bincount(x, minlength=7), 0) for x in (a, b)]  # last: no blanks
    distance, p = ks_binned(*counts)
    expected = ks_2samp(a, b, method="asymp")
    assert distance == pytest.approx(expected.statistic)
    assert p == pytest.approx(expected.pvalue, abs=0.02)
    assert ks_binned(counts[0], np.zeros(8, int)) is None


def _report(reference: pd.DataFrame, batch: pd.DataFrame, cfg: DriftParams) -> dict:
    layout = Layout(
        {
            "length_words": Bins.numeric(reference["length_words"], 10),
            "language": Bins.categorical(reference["language"], 10, 10),
        },
        {"p_genuine": Bins.numeric(reference["p_genuine"], 10)},
        ("country",),
    )

    def profile(frame: pd.DataFrame):
        reasons = [["+ has_quantity"] if q else [] for q in frame["quantity"]]
        return profile_chunk(layout, frame, frame, frame, reasons)

    reference_dict = {"layout": layout.to_dict(), "profile": profile(reference).to_dict()}
    return drift_report(reference_dict, profile(batch), cfg)


def _inquiries(n: int, seed: int, shift: float = 0.0, german: float = 0.1) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    channel = rng.choice(["email", "platform"], n)
    country = rng.choice(["DE", "US", "CN", None], n, p=[0.3, 0.3, 0.38, 0.02])
    return pd.DataFrame(
        {
            "length_words": rng.lognormal(4 + shift, 0.5, n),
            "language": np.where(rng.random(n) < german, "de", "en"),
            "p_genuine": rng.beta(2, 3 + 2 * shift, n),
            "channel": channel,
            "country": np.where(channel == "email", None, country),  # mails have no country
            "quantity": rng.random(n) < 0.5 - shift / 4,
        }
    )


def test_a_batch_like_the_reference_is_stable() -> None:
    report = _report(_inquiries(5000, 1), _inquiries(2000, 2), DriftParams())
    assert report["verdict"] == STABLE and report["top"] == []
    assert summary_line(report) is None
    assert set(report["features"]) == {"length_words", "language"}
    assert report["columns"] == {STABLE: 4, WATCH: 0, DRIFT: 0}  # 2 features, a score, an input


def test_a_shifted_batch_drifts_and_names_the_columns_that_moved() -> None:
    report = _report(_inquiries(5000, 1), _inquiries(2000, 2, shift=1, german=0.6), DriftParams())
    assert report["verdict"] == DRIFT
    assert report["features"]["length_words"]["verdict"] == DRIFT
    assert report["features"]["length_words"]["ks"] > 0.2
    assert report["mix"]["language"]["de"]["change"] == pytest.approx(0.5, abs=0.05)
    assert set(report["top"]) <= {"length_words", "language", "score p_genuine"}
    assert len(report["top"]) == 3
    assert report["reasons"][0]["reason"] == "+ has_quantity"
    assert report["reasons"][0]["verdict"] == WATCH
    line = summary_line(report)
    assert line is not None and line.startswith("Drift check: DRIFT")
    assert all(name in line for name in report["top"])


def test_a_small_batch_is_no_drift_by_noise_alone() -> None:
    """Thirty rows of the same distribution: PSI is noisy, but not significant."""
    report = _report(_inquiries(5000, 1), _inquiries(30, 5), DriftParams())
    assert report["verdict"] == STABLE


def test_a_missing_column_is_caught_by_the_blank_share_of_its_channel() -> None:
    """Half the training rows are mails without a country: 51% blank overall, but a platform
    export that lost its country column is blank where it was 2% blank."""
    reference = _inquiries(5000, 1)
    platform = _inquiries(600, 2).query("channel == 'platform'")
    assert _report(reference, platform, DriftParams())["inputs"]["country"]["verdict"] == STABLE
    report = _report(reference, platform.drop(columns=["country"]), DriftParams())
    assert report["inputs"]["country"]["verdict"] == DRIFT
    assert report["inputs"]["country"]["channel"] == "platform"
    assert report["inputs"]["country"]["blank_batch"] == 1.0
    assert report["top"][0] == "input country"
    assert report["inputs"]["country"]["why"] == "blank 2% -> 100% (platform)"


def test_thresholds_come_from_the_params() -> None:
    reference, batch = _inquiries(5000, 1), _inquiries(2000, 2, shift=0.15)
    assert _report(reference, batch, DriftParams())["features"]["length_words"]["verdict"] == WATCH
    lenient = DriftParams(psi_watch=5, psi_drift=9, ks_watch=0.5, ks_drift=0.9)
    assert _report(reference, batch, lenient)["verdict"] == STABLE


def test_a_model_without_a_reference_says_so() -> None:
    layout = Layout({}, {}, ())
    batch = profile_chunk(layout, pd.DataFrame(index=range(4)), pd.DataFrame(), pd.DataFrame(), [])
    assert drift_report(None, batch, DriftParams()) == {
        "verdict": NO_REFERENCE,
        "batch_rows": 4,
        "top": [],
    }
