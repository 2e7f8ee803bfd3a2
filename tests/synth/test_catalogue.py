from __future__ import annotations

import numpy as np

from inquiry_quality.synth.catalogue import CATALOGUE_COLUMNS, FAMILIES, build_catalogue


def test_catalogue_is_one_coherent_product_family() -> None:
    catalogue = build_catalogue(np.random.default_rng(0))
    assert tuple(catalogue.columns) == CATALOGUE_COLUMNS
    assert 60 <= len(catalogue) <= 150
    assert catalogue["model_no"].is_unique
    assert set(catalogue["category"]) == {f.category for f in FAMILIES}
    assert (catalogue["moq"] > 0).all() and (catalogue["fob_usd"] > 0).all()
    assert catalogue["model_no"].str.match(r"^NB-[A-Z]{2}\w*-\d+W(-[A-Z])?$").all()
    watts = catalogue["specs"].str.extract(r"^(\d+)W")[0].astype(int)
    assert watts.corr(catalogue["fob_usd"]) > 0.3  # bigger lights cost more
