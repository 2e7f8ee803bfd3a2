"""The numeric scaler keeps rare flags and long-tailed counts in [-1, 1]."""

from __future__ import annotations

import pickle

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.preprocessing import StandardScaler

from inquiry_quality.modeling.scaling import log_max_abs_scaler, numeric_scaler, signed_log1p


def test_signed_log1p_is_odd_and_logarithmic() -> None:
    values = np.array([-np.e + 1, 0.0, 1.0, np.e - 1])
    assert np.allclose(signed_log1p(values), [-1.0, 0.0, np.log(2), 1.0])


def test_rare_flags_stay_flags_and_long_tails_are_bounded() -> None:
    frame = pd.DataFrame(
        {"rare_flag": [0.0] * 2999 + [1.0], "links": np.r_[np.zeros(2990), np.arange(10) * 30]}
    )
    scaler = log_max_abs_scaler().set_output(transform="pandas")
    out = scaler.fit_transform(frame)
    assert list(out.columns) == ["rare_flag", "links"]
    assert set(out["rare_flag"]) == {0.0, 1.0}  # standardised it would be about 55
    assert out.abs().to_numpy().max() == 1.0
    assert (out["links"] == 0).sum() == 2991
    again = pickle.loads(pickle.dumps(clone(scaler).fit(frame))).transform(frame)
    pd.testing.assert_frame_equal(again, out)


def test_numeric_scaler_by_name() -> None:
    assert isinstance(numeric_scaler("standard"), StandardScaler)
    with pytest.raises(ValueError, match=r"train\.numeric_scaling: 'robust'"):
        numeric_scaler("robust")
