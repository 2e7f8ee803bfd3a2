"""The generative model: valid distributions, an exact posterior, a documented order chance."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
import pytest

from inquiry_quality.core import schema
from inquiry_quality.synth.archetypes import ARCHETYPES, EXISTING_CUSTOMER, TRAITS
from inquiry_quality.synth.geography import REGIONS
from inquiry_quality.synth.model import (
    GENUINE,
    SHARES,
    TABLES,
    order_probability,
    posterior,
    posterior_genuine,
    sample_latent,
)

_PROBE = """
import hashlib
import numpy as np
from inquiry_quality.synth import model
latent = model.sample_latent(3000, np.random.default_rng(5), non_english_share=0.1)
for values in (model.CUE_TABLE, model.posterior_genuine(latent), model.order_probability(latent)):
    print(hashlib.md5(values.tobytes()).hexdigest())
"""


@pytest.fixture(scope="module")
def latent() -> pd.DataFrame:
    return sample_latent(20000, np.random.default_rng(3), non_english_share=0.1)


def test_every_distribution_is_a_distribution() -> None:
    assert SHARES.sum() == pytest.approx(1)
    for archetype in ARCHETYPES:
        assert len(archetype.regions) == len(REGIONS)
    for trait in TRAITS:
        table = TABLES[trait.name]
        assert table.shape == (len(ARCHETYPES), len(REGIONS), len(trait.levels))
        assert np.allclose(table.sum(axis=2), 1) and (table > 0).all(), trait.name


def test_posterior_is_calibrated(latent: pd.DataFrame) -> None:
    """An exact posterior is calibrated: among inquiries given p, a share p is genuine."""
    p = posterior_genuine(latent)
    genuine = latent["archetype"].isin([a.name for a in ARCHETYPES if a.genuine]).to_numpy()
    bins = np.digitize(p, [0.1, 0.3, 0.5, 0.7, 0.9])
    for b in np.unique(bins):
        rows = bins == b
        assert genuine[rows].mean() == pytest.approx(p[rows].mean(), abs=0.04), b
    assert genuine.mean() == pytest.approx(SHARES[GENUINE].sum(), abs=0.015)


def test_orders_grow_with_seriousness_and_shrink_off_catalogue(latent: pd.DataFrame) -> None:
    base = order_probability(latent)
    serious = order_probability(latent.assign(seriousness=latent["seriousness"] + 1))
    assert (serious > base).all()
    off = order_probability(latent.assign(product="off_catalogue"))
    assert (off <= base + 1e-12).all() and (off < base).any()


def test_language_share_follows_the_parameter() -> None:
    frame = sample_latent(20000, np.random.default_rng(4), non_english_share=0.2)
    assert (frame["language"] != "en").mean() == pytest.approx(0.2, abs=0.015)
    assert set(frame.loc[frame["country"] == "US", "language"]) == {"en"}


def test_conditional_traits_are_blank_elsewhere(latent: pd.DataFrame) -> None:
    platform = latent["channel"] == "platform"
    assert (latent.loc[~platform, "buyer_level"] == "").all()
    assert (latent.loc[platform, "buyer_level"] != "").all()
    email = latent["channel"] == "email"
    assert (latent.loc[~email, "in_reply_to"] == "").all()
    unknown = latent["known_party"] == "unknown"  # a known party's domain is the account's
    assert (latent.loc[~unknown, "email_domain"] == "").all()
    assert (latent.loc[unknown, "email_domain"] != "").all()


def test_junk_types_are_the_schemas_and_customers_are_genuine() -> None:
    assert {a.junk_type for a in ARCHETYPES if not a.genuine} == set(schema.JUNK_TYPES)
    assert all(a.junk_type is None for a in ARCHETYPES if a.genuine)
    assert next(a for a in ARCHETYPES if a.name == EXISTING_CUSTOMER).genuine


def test_existing_customer_posterior_is_calibrated(latent: pd.DataFrame) -> None:
    names = [a.name for a in ARCHETYPES]
    p = posterior(latent)[:, names.index(EXISTING_CUSTOMER)]
    existing = (latent["archetype"] == EXISTING_CUSTOMER).to_numpy()
    bins = np.digitize(p, [0.1, 0.5, 0.9])
    for b in np.unique(bins):
        rows = bins == b
        assert existing[rows].mean() == pytest.approx(p[rows].mean(), abs=0.04), b


@pytest.mark.slow
def test_probabilities_have_the_same_bits_on_another_cpu(
    other_cpu: dict[str, str], python_output: Callable[..., str]
) -> None:
    """Every bit, not only the printed digits: a last bit can decide a label or a date."""
    assert python_output(_PROBE) == python_output(_PROBE, env=other_cpu)
