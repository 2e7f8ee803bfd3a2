"""The generative model: hidden archetype and region -> visible traits -> true probabilities.

``sample_latent`` draws one row per inquiry with its archetype, region, country, language,
latent seriousness and one level per trait. ``posterior_genuine`` is the exact probability that
an inquiry with those traits is genuine; ``order_probability`` is the documented chance that a
genuine inquiry becomes an order.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from inquiry_quality.synth.archetypes import (
    ARCHETYPE_NAMES,
    ARCHETYPES,
    CUE_NAMES,
    EXISTING_CUSTOMER,
    TRAITS,
    Trait,
)
from inquiry_quality.synth.detmath import exp, log, sigmoid
from inquiry_quality.synth.geography import (
    COUNTRY_LANGUAGES,
    REGION_NAMES,
    REGIONS,
    non_english_weight,
)

# Blend of every archetype's trait distribution towards the average one: the single knob that
# sets how far junk and genuine inquiries overlap (tuned so the oracle AUC is about 0.93).
OVERLAP = 0.25

SHARES = np.array([a.share for a in ARCHETYPES]) / sum(a.share for a in ARCHETYPES)
GENUINE = np.array([a.genuine for a in ARCHETYPES])
EXISTING = np.array([a.name == EXISTING_CUSTOMER for a in ARCHETYPES])
REGION_PROBS = np.array([a.regions for a in ARCHETYPES], dtype=float)
REGION_PROBS /= REGION_PROBS.sum(axis=1, keepdims=True)

# Log-odds contributions to an order, given the inquiry is genuine (docs/synthetic-data.md).
SERIOUSNESS_WEIGHT = 0.5
COMPLETENESS_WEIGHT = 0.12  # per detail given, centred on 5 details
PRODUCT_EFFECT = {"vague": -0.6, "category": -0.2, "spec": 0.3, "model": 0.4, "off_catalogue": -1.5}
QUANTITY_EFFECT = {"none": -0.3, "small": -0.5, "moq": 0.2, "large": 0.3}
BUYER_LEVEL_EFFECT = {"Basic": 0.0, "Gold": 0.15, "Verified": 0.3}
COMPLETENESS_DETAILS = {
    "company": "yes",
    "website": "yes",
    "phone": "consistent",
    "fax": "yes",
    "signature": "full",
    "incoterm": "yes",
    "payment": "normal",
    "certification": "yes",
    "delivery": "yes",
}

# The hidden seriousness shows through cues (archetypes.CUE_NAMES): given it, each cue is
# stated independently with probability sigmoid(base + offset(archetype) + slope·seriousness).
# Non-buyers rarely write them (negative offsets); the others state them as often as buyers of
# the same seriousness.
SERIOUSNESS_CUES = dict(zip(CUE_NAMES, (-1.5, -1.7, -1.9, -1.2, -2.0), strict=True))
CUE_SLOPE = 1.5
CUE_OFFSET = {
    "offer": -3.0,
    "payment_fraud": -3.0,
    "phishing": -2.5,
    "spam": -1.5,
    "existing_customer": -1.0,
    "price_fishing": -0.5,
}
_OFFSETS = np.array([CUE_OFFSET.get(a.name, 0.0) for a in ARCHETYPES])
# The seriousness is integrated out on a fixed grid of standard-normal offsets (±8 sd): for a
# smooth integrand the trapezoid rule is as exact as Gauss-Hermite, and needs no eigenvalue
# solver (LAPACK's last bits depend on the CPU).
_GRID = np.arange(-160, 161) * 0.05


def trait_table(trait: Trait, overlap: float = OVERLAP) -> np.ndarray:
    """P(level | archetype, region) as an array [archetype, region, level]."""
    logp = np.repeat(log(np.array(trait.probs))[:, None, :], len(REGIONS), axis=1)
    if trait.region_shift:
        shift = np.array([getattr(r, trait.region_shift) for r in REGIONS])
        logp = logp + shift[None, :, None] * np.array(trait.shift_levels)[None, None, :]
    probs = exp(logp - logp.max(axis=2, keepdims=True))
    probs /= probs.sum(axis=2, keepdims=True)
    average = (SHARES[:, None, None] * probs).sum(axis=0)
    return (1 - overlap) * probs + overlap * average[None]


TABLES = {trait.name: trait_table(trait) for trait in TRAITS}


def cue_probability(offset: np.ndarray, seriousness: np.ndarray) -> np.ndarray:
    """P(each cue is stated) as an array [..., cue], for archetype offsets and seriousness."""
    base = np.array(list(SERIOUSNESS_CUES.values()))
    return sigmoid(base + offset[..., None] + CUE_SLOPE * seriousness[..., None])


def cue_table() -> np.ndarray:
    """P(cue pattern | archetype) as [archetype, pattern], the seriousness integrated out.

    Pattern ``sum(2**k for each stated cue k)``; seriousness ~ N(archetype mean, 1).
    """
    weights = exp(-0.5 * _GRID**2)
    means = np.array([a.seriousness for a in ARCHETYPES])
    p = cue_probability(_OFFSETS[:, None], means[:, None] + _GRID[None, :])  # [arch, node, cue]
    stated = (np.arange(2 ** len(CUE_NAMES))[:, None] >> np.arange(len(CUE_NAMES))) & 1
    likelihood = np.where(stated == 1, p[:, :, None, :], 1 - p[:, :, None, :]).prod(axis=3)
    return (likelihood * (weights / weights.sum())[None, :, None]).sum(axis=1)


CUE_TABLE = cue_table()


def cue_pattern(frame: pd.DataFrame) -> np.ndarray:
    """Each row's cue pattern (the column index of ``CUE_TABLE``)."""
    return sum((frame[c].to_numpy() == "yes").astype(int) << k for k, c in enumerate(CUE_NAMES))


def _draw(probs: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """One categorical draw per row of ``probs`` (rows sum to 1)."""
    u = rng.random(len(probs))
    return np.minimum((u[:, None] > probs.cumsum(axis=1)).sum(axis=1), probs.shape[1] - 1)


def sample_latent(n: int, rng: np.random.Generator, non_english_share: float) -> pd.DataFrame:
    """Draw ``n`` inquiries' hidden and visible variables (no text yet)."""
    archetype = rng.choice(len(ARCHETYPES), size=n, p=SHARES)
    region = _draw(REGION_PROBS[archetype], rng)
    country = np.empty(n, dtype=object)
    for r, spec in enumerate(REGIONS):
        rows = np.flatnonzero(region == r)
        weights = np.array(list(spec.countries.values()), dtype=float)
        country[rows] = rng.choice(list(spec.countries), size=len(rows), p=weights / weights.sum())
    weight = np.array([non_english_weight(c) for c in country])
    scale = non_english_share * n / weight.sum() if weight.sum() else 0.0
    foreign = rng.random(n) < np.minimum(weight * scale, 0.95)
    language = np.where(foreign, [COUNTRY_LANGUAGES.get(c, ("en",))[0] for c in country], "en")
    seriousness = rng.normal(np.array([a.seriousness for a in ARCHETYPES])[archetype], 1.0)
    frame = pd.DataFrame(
        {
            "archetype": np.array(ARCHETYPE_NAMES)[archetype],
            "region": np.array(REGION_NAMES)[region],
            "country": country,
            "language": language,
            "seriousness": seriousness,
        }
    )
    for trait in TRAITS:
        levels = np.array(trait.levels, dtype=object)[
            _draw(TABLES[trait.name][archetype, region], rng)
        ]
        if trait.shown_if:
            other, level = trait.shown_if
            levels[frame[other].to_numpy() != level] = ""
        frame[trait.name] = levels
    stated = rng.random((n, len(CUE_NAMES))) < cue_probability(_OFFSETS[archetype], seriousness)
    for k, cue in enumerate(CUE_NAMES):
        frame[cue] = np.where(stated[:, k], "yes", "no")
    return frame


def posterior(frame: pd.DataFrame) -> np.ndarray:
    """Exact P(archetype | region, traits, seriousness cues) as [row, archetype]."""
    region = frame["region"].map({name: i for i, name in enumerate(REGION_NAMES)}).to_numpy()
    loglik = log(SHARES)[None, :] + log(REGION_PROBS[:, region].T)
    for trait in TRAITS:
        values = frame[trait.name].to_numpy()
        shown = values != ""
        level = pd.Series(values[shown]).map({v: i for i, v in enumerate(trait.levels)})
        table = TABLES[trait.name][:, region[shown], level.to_numpy()]  # [archetype, row]
        loglik[shown] += log(table.T)
    loglik += log(CUE_TABLE[:, cue_pattern(frame)].T)
    loglik -= loglik.max(axis=1, keepdims=True)
    probs = exp(loglik)
    return probs / probs.sum(axis=1, keepdims=True)


def posterior_genuine(frame: pd.DataFrame) -> np.ndarray:
    """Exact P(genuine | region, traits, seriousness cues) under the generative model."""
    return posterior(frame)[:, GENUINE].sum(axis=1)


def completeness(frame: pd.DataFrame) -> np.ndarray:
    """How many of the seed's details (company, contacts, terms, ...) an inquiry gives."""
    given = sum((frame[name] == level).astype(int) for name, level in COMPLETENESS_DETAILS.items())
    return given.to_numpy() + (frame["quantity"] != "none").to_numpy()


def order_probability(frame: pd.DataFrame) -> np.ndarray:
    """P(an order follows | a new buyer's inquiry): a logistic function of the drivers (other
    archetypes get the new buyers' average base)."""
    new_buyer = GENUINE & ~EXISTING
    base = {a.name: a.order_base for a, new in zip(ARCHETYPES, new_buyer, strict=True) if new}
    junk_base = float(np.average(list(base.values()), weights=SHARES[new_buyer]))
    credit = {r.name: r.credit for r in REGIONS}
    logit = (
        frame["archetype"].map(base).fillna(junk_base).to_numpy()
        + SERIOUSNESS_WEIGHT * frame["seriousness"].to_numpy()
        + frame["region"].map(credit).to_numpy()
        + COMPLETENESS_WEIGHT * (completeness(frame) - 5)
        + frame["product"].map(PRODUCT_EFFECT).to_numpy()
        + frame["quantity"].map(QUANTITY_EFFECT).to_numpy()
        + frame["buyer_level"].map(BUYER_LEVEL_EFFECT).fillna(0.0).to_numpy()
    )
    return sigmoid(logit)
