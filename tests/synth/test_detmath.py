"""The generator's exp and log: accurate, and the same bits whatever the CPU offers."""

from __future__ import annotations

import decimal
from collections.abc import Callable

import numpy as np
import pytest

from inquiry_quality.synth import detmath

_PROBE = """
import hashlib, sys
import numpy as np
from inquiry_quality.synth import detmath
x = np.random.default_rng(0).uniform(-40, 5, 200_000)
for values in (detmath.exp(x), detmath.log(np.abs(x)), np.exp(x)):
    print(hashlib.md5(values.tobytes()).hexdigest())
"""


def _ulps(got: np.ndarray, exact: np.ndarray) -> np.ndarray:
    return np.abs(got - exact) / np.spacing(np.abs(exact))


def _correctly_rounded(function: str, values: np.ndarray) -> np.ndarray:
    context = decimal.Context(prec=40)
    method = getattr(context, function)
    return np.array([float(method(decimal.Decimal(v))) for v in values.tolist()])


def test_exp_and_log_are_within_one_unit_in_the_last_place() -> None:
    rng = np.random.default_rng(7)
    x = rng.uniform(-700, 700, 4000)
    assert _ulps(detmath.exp(x), _correctly_rounded("exp", x)).max() <= 1
    y = np.exp(rng.uniform(-700, 700, 4000))
    assert _ulps(detmath.log(y), _correctly_rounded("ln", y)).max() <= 1


def test_special_values() -> None:
    exp = detmath.exp(np.array([-np.inf, np.inf, 0.0, -800.0, 800.0]))
    np.testing.assert_array_equal(exp, [0.0, np.inf, 1.0, 0.0, np.inf])
    assert np.isnan(detmath.exp(np.nan))
    log = detmath.log(np.array([0.0, np.inf, 1.0, 5e-324]))
    np.testing.assert_allclose(log, [-np.inf, np.inf, 0.0, -744.4400719213812])
    assert np.isnan(detmath.log(np.array([-1.0, np.nan]))).all()
    logit = np.array([0.0, 40.0, -40.0, 3.0])
    np.testing.assert_allclose(detmath.sigmoid(logit), 1 / (1 + np.exp(-logit)), rtol=1e-15)


def test_lognormal_takes_the_same_draws_as_numpy() -> None:
    ours = detmath.lognormal(np.random.default_rng(3), 8.5, 0.8, 5000)
    numpy = np.random.default_rng(3).lognormal(8.5, 0.8, 5000)
    assert _ulps(ours, numpy).max() <= 2


@pytest.mark.slow
def test_same_bits_when_the_cpu_features_differ(
    other_cpu: dict[str, str], python_output: Callable[..., str]
) -> None:
    """The C library's exp changes under ``other_cpu``; ours does not."""
    here, other = python_output(_PROBE).split(), python_output(_PROBE, env=other_cpu).split()
    if here[2] == other[2]:
        pytest.skip("this CPU or C library gives the same np.exp bits either way: nothing to see")
    assert here[:2] == other[:2]
