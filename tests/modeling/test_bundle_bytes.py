"""A trained bundle's bytes do not depend on the process: trained under two string-hash seeds
(set iteration order and memory addresses differ), the pickled heads are byte-identical, so a
fresh clone's ``dvc repro`` writes the ``train`` output that ``dvc.lock`` records."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from conftest import SmallProject

SCRIPT = """
import hashlib, pickle, sys
import pandas as pd
from inquiry_quality.core.config import FeaturizeParams, TrainParams
from inquiry_quality.features import featurizer_from_params
from inquiry_quality.modeling.training import train_bundle
table = pd.read_parquet(sys.argv[1])
featurize = FeaturizeParams.model_validate_json(sys.argv[2])
train = TrainParams.model_validate_json(sys.argv[3])
bundle = train_bundle(table, featurizer_from_params(featurize), train, data_version="v", split={})
print(hashlib.md5(pickle.dumps(bundle.heads)).hexdigest())
"""


@pytest.mark.slow
def test_the_heads_pickle_the_same_under_any_hash_seed(
    small_project: SmallProject, python_output: Callable[..., str]
) -> None:
    params = small_project.params
    args = [
        str(small_project.train_table),
        params.featurize.model_dump_json(),
        params.train.model_dump_json(),
    ]
    digests = {
        python_output(SCRIPT, *args, env={"PYTHONHASHSEED": seed}).strip() for seed in ("1", "2")
    }
    assert len(digests) == 1  # one digest for both seeds
