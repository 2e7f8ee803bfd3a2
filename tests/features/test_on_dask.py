"""The featurize stage's table on a real Dask LocalCluster of 2 workers, against the local one."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from distributed import Client

from inquiry_quality.core.config import Params
from inquiry_quality.features import feature_table, featurizer_from_params, read_catalogue
from inquiry_quality.features.featurizer import kept_columns
from inquiry_quality.features.on_dask import features_on_dask


@pytest.fixture(scope="module")
def client(dask_cluster: Client) -> Client:
    return dask_cluster


def test_the_same_features_file_as_the_local_engine(
    tmp_path: Path,
    client: Client,
    project_params: Params,
    project_raw: Path,
    project_inquiries: pd.DataFrame,
) -> None:
    path = tmp_path / "inquiries.parquet"
    project_inquiries.to_parquet(path, index=False, row_group_size=97)
    featurizer = featurizer_from_params(
        project_params.featurize, read_catalogue(project_raw / "catalogue.csv")
    )
    extra = [*project_params.ingest.extra_numeric, *project_params.ingest.extra_categorical]
    local = feature_table(pd.read_parquet(path), featurizer, extra)

    features = features_on_dask(path, featurizer, client, partition_rows=150)
    kept = [c for c in kept_columns(extra) if c in project_inquiries.columns]
    on_dask = feature_table(pd.read_parquet(path, columns=kept), featurizer, extra, features)

    assert len(project_inquiries) > 3 * 150  # several partitions
    pd.testing.assert_frame_equal(on_dask, local)
    local.to_parquet(tmp_path / "local.parquet", index=False)
    on_dask.to_parquet(tmp_path / "dask.parquet", index=False)
    assert (tmp_path / "dask.parquet").read_bytes() == (tmp_path / "local.parquet").read_bytes()
