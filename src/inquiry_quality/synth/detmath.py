"""``exp``, ``log`` and the logistic function with the same bits on every CPU.

``np.exp``/``np.log`` (and ``math.exp``, ``rng.lognormal``) give results whose last bit depends
on the CPU: numpy has its own AVX-512 code for float64 exp/log, and elsewhere calls the C
library, whose exp/log differ between CPUs with and without FMA. The generator's probabilities
decide labels and printed values, so a last bit can change the data set. These versions use only
+, -, *, / and exact scaling by powers of two, which IEEE 754 rounds the same way everywhere, and
are accurate to about one unit in the last place.
"""

from __future__ import annotations

import numpy as np

# ln 2 split so that k * _LN2_HI is exact for |k| < 2**11 (fdlibm's constants).
_LN2_HI = 6.93147180369123816490e-01
_LN2_LO = 1.90821492927058770002e-10
_INV_LN2 = 1.44269504088896338700e00
_SQRT_HALF = 0.70710678118654752440
_EXP_TERMS = 13  # Taylor terms for exp(r), |r| <= ln(2)/2: truncation below 1e-17
_ATANH_TERMS = 11  # R = sum 2 s**(2k) / (2k+1), |s| <= 0.172: truncation below 1e-17


def exp(x: np.ndarray | float) -> np.ndarray:
    """e**x elementwise (0 for -inf, inf for inf and overflow, nan for nan)."""
    x = np.asarray(x, dtype=np.float64)
    finite = np.isfinite(x)
    safe = np.where(finite, np.clip(x, -1100.0, 1100.0), 0.0)
    k = np.rint(safe * _INV_LN2)
    r = (safe - k * _LN2_HI) - k * _LN2_LO
    poly = np.ones_like(r)
    for n in range(_EXP_TERMS, 0, -1):  # Horner: 1 + r/1 (1 + r/2 (1 + ...))
        poly = 1.0 + poly * r / n
    with np.errstate(over="ignore", under="ignore"):
        value = np.ldexp(poly, k.astype(np.int64))
    return np.where(finite, value, np.where(x > 0, np.inf, np.where(x < 0, 0.0, x)))


def log(x: np.ndarray | float) -> np.ndarray:
    """Natural logarithm elementwise (-inf for 0, nan below 0, inf for inf)."""
    x = np.asarray(x, dtype=np.float64)
    usable = np.isfinite(x) & (x > 0)
    mantissa, exponent = np.frexp(np.where(usable, x, 1.0))  # x = m * 2**e, m in [0.5, 1)
    low = mantissa < _SQRT_HALF
    m = np.where(low, mantissa * 2.0, mantissa)  # now in [0.707, 1.414)
    e = (exponent - low).astype(np.float64)
    f = m - 1.0  # exact; log(m) = log1p(f) = f - (f²/2 - s (f²/2 + R)), s = f / (2 + f)
    s = f / (2.0 + f)
    s2 = s * s
    series = np.full_like(s, 2.0 / (2 * _ATANH_TERMS + 1))
    for k in range(_ATANH_TERMS - 1, 0, -1):  # R = s² (2/3 + 2s²/5 + 2s⁴/7 + ...)
        series = 2.0 / (2 * k + 1) + s2 * series
    half_f2 = 0.5 * f * f
    value = e * _LN2_HI - ((half_f2 - (s * (half_f2 + s2 * series) + e * _LN2_LO)) - f)
    with np.errstate(divide="ignore", invalid="ignore"):
        special = np.log(x)  # exact results only: -inf, nan, inf
    return np.where(usable, value, special)


def sigmoid(logit: np.ndarray | float) -> np.ndarray:
    """1 / (1 + e**-logit) elementwise."""
    return 1.0 / (1.0 + exp(-np.asarray(logit, dtype=np.float64)))


def lognormal(rng: np.random.Generator, mean: float, sigma: float, size: int) -> np.ndarray:
    """``rng.lognormal(mean, sigma, size)``: the same draws, exponentiated by :func:`exp`."""
    return exp(rng.normal(mean, sigma, size))
