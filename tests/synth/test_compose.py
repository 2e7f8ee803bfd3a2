"""Texts depend on the visible traits only, and vary."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from inquiry_quality.synth.catalogue import build_catalogue
from inquiry_quality.synth.compose import Composer, InquiryText
from inquiry_quality.synth.geography import REGIONS
from inquiry_quality.synth.identity import FakerPool, build_accounts, make_identity
from inquiry_quality.synth.model import sample_latent
from inquiry_quality.synth.typos import add_typos

RECEIVED = pd.Timestamp("2025-03-04 10:00", tz="UTC").to_pydatetime()


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    return sample_latent(300, np.random.default_rng(5), 0.1).to_dict("records")


@pytest.fixture(scope="module")
def catalogue() -> list[dict]:
    return build_catalogue(np.random.default_rng(0)).to_dict("records")


@pytest.fixture(scope="module")
def accounts() -> dict:
    return build_accounts((1.0,) * len(REGIONS), np.random.default_rng(0), FakerPool(0))


def _write(row: dict, catalogue: list[dict], accounts: dict, seed: int = 1) -> InquiryText:
    region = next(r for r in REGIONS if r.name == row["region"])
    who = make_identity(row["country"], row, np.random.default_rng(seed), FakerPool(seed), accounts)
    composer = Composer(
        row, who, row["country"], row["language"], region, catalogue, RECEIVED,
        np.random.default_rng(seed),
    )  # fmt: skip
    return composer.compose()


def test_the_hidden_archetype_does_not_change_the_text(
    rows: list[dict], catalogue: list[dict], accounts: dict
) -> None:
    for row in rows[:50]:
        other = {
            **row,
            "archetype": "scam" if row["archetype"] != "scam" else "importer",
            "seriousness": row["seriousness"] + 2.0,  # shows only through its cues
        }
        assert _write(row, catalogue, accounts) == _write(other, catalogue, accounts)


def test_traits_show_in_the_text(rows: list[dict], catalogue: list[dict], accounts: dict) -> None:
    for row in rows:
        text = _write(row, catalogue, accounts)
        if row["re_chain"] == "yes":
            assert text.subject.upper().startswith(("RE", "AW:", "YNT:")) and text.quoted
        if row["attachment"] == "none":
            assert text.attachments == ()
        if row["link"] == "view_link":
            assert "https://" in text.body
        if row["greeting"] == "none":
            assert not text.body.startswith(("Dear", "Hi", "Hello"))
        if row["typos"] == "none":
            stated = "year" in text.body or "annual" in text.body
            assert stated or row["annual_volume"] == "no"


def test_bodies_differ(rows: list[dict], catalogue: list[dict], accounts: dict) -> None:
    bodies = [_write(row, catalogue, accounts, seed=i).body for i, row in enumerate(rows)]
    assert len(set(bodies)) == len(bodies)


def test_typos_leave_addresses_and_numbers_alone() -> None:
    text = "Please quote NB-PL6060-40W to buyer@example.com via https://www.example.com today"
    typed = add_typos(text, 1.0, np.random.default_rng(0))
    assert typed != text
    for kept in ("NB-PL6060-40W", "buyer@example.com", "https://www.example.com"):
        assert kept in typed
    assert add_typos(text, 0.0, np.random.default_rng(0)) == text
