"""Every extractor follows scikit-learn's conventions."""

from __future__ import annotations

import pickle

import numpy as np
import pandas as pd
import pytest
from pandas.testing import assert_frame_equal
from sklearn.base import BaseEstimator, clone

from inquiry_quality.features import FAMILY_CLASSES, build_featurizer
from inquiry_quality.features.registry import KINDS, NUMERIC_KINDS


def _extractors(catalogue: pd.DataFrame) -> list[BaseEstimator]:
    families = [cls() for cls in FAMILY_CLASSES]
    return [*families, build_featurizer(catalogue=catalogue), build_featurizer()]


@pytest.fixture(params=range(len(FAMILY_CLASSES) + 2), ids=lambda i: f"extractor{i}")
def extractor(request: pytest.FixtureRequest, catalogue: pd.DataFrame) -> BaseEstimator:
    return _extractors(catalogue)[request.param]


def test_clone_gives_same_params_and_output(extractor, inquiries: pd.DataFrame) -> None:
    twin = clone(extractor)
    assert twin.get_params().keys() == extractor.get_params().keys()
    assert_frame_equal(twin.fit(inquiries).transform(inquiries), extractor.transform(inquiries))


def test_pickle_round_trip_gives_identical_output(extractor, inquiries: pd.DataFrame) -> None:
    expected = extractor.fit_transform(inquiries)
    restored = pickle.loads(pickle.dumps(extractor))
    assert_frame_equal(restored.transform(inquiries), expected)


def test_a_pickle_older_than_its_parameters_loads_them_as_defaults(extractor) -> None:
    """A model saved before a parameter existed loads, and scores, with newer code."""
    old = clone(extractor)
    for name in old.get_params(deep=False):  # as if pickled before these parameters existed
        del old.__dict__[name]
    restored = pickle.loads(pickle.dumps(old))
    assert restored.get_params(deep=False) == type(extractor)().get_params(deep=False)


def test_an_older_default_featurizer_pickle_scores_the_same(inquiries: pd.DataFrame) -> None:
    featurizer = build_featurizer()
    expected = featurizer.transform(inquiries)
    del featurizer.__dict__["keep_link_hosts"], featurizer.__dict__["strip_list_artefacts"]
    assert_frame_equal(pickle.loads(pickle.dumps(featurizer)).transform(inquiries), expected)


def test_pickle_stays_small(extractor) -> None:
    assert len(pickle.dumps(extractor)) < 50_000  # no spaCy pipeline or language model inside


def test_pandas_output_and_feature_names(extractor, inquiries: pd.DataFrame) -> None:
    out = clone(extractor).set_output(transform="pandas").fit_transform(inquiries)
    names = extractor.get_feature_names_out()
    assert isinstance(out, pd.DataFrame)
    assert out.shape == (len(inquiries), len(names))
    assert list(out.columns) == list(names)
    assert list(out.index) == list(inquiries.index)


def test_dtypes_follow_the_registry(extractor, inquiries: pd.DataFrame) -> None:
    out = extractor.transform(inquiries)
    for name in out.columns:
        if KINDS[name] in NUMERIC_KINDS:
            assert out[name].dtype == np.float64, name
        else:
            assert not pd.api.types.is_numeric_dtype(out[name]), name


def test_missing_columns_and_values_are_tolerated(extractor) -> None:
    sparse = pd.DataFrame({"body": ["Need 100 pcs, FOB price?", None], "country": [None, "UK"]})
    out = extractor.transform(sparse)
    assert out.shape == (2, len(extractor.get_feature_names_out()))


def test_rejects_non_dataframes(extractor) -> None:
    with pytest.raises(TypeError, match="DataFrame"):
        extractor.transform(np.array([["hello"]]))
