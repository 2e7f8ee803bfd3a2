"""The featurizer mapped over partitions of the ingested table on a Dask cluster.

Rows are independent, so each partition is featurized by the same ``InquiryFeaturizer`` (sent
to every worker once) and the parts, concatenated in order, are the rows the local engine
computes. The workers read their partitions of the Parquet file themselves: only the features
come back. Fitting stays on one machine (the vocabulary is global).
"""

from __future__ import annotations

import logging
from pathlib import Path

import dask.dataframe as dd
import pandas as pd
from distributed import Client

from inquiry_quality.features.featurizer import InquiryFeaturizer

log = logging.getLogger(__name__)


def features_on_dask(
    inquiries: Path, featurizer: InquiryFeaturizer, client: Client, partition_rows: int
) -> pd.DataFrame:
    """The featurizer's rows for every inquiry of the Parquet file ``inquiries``, in order."""
    import pyarrow.parquet as pq

    total = pq.ParquetFile(inquiries).metadata.num_rows
    if not total:
        return featurizer.transform(pd.read_parquet(inquiries))
    table = dd.read_parquet(str(inquiries), split_row_groups=True)
    table = table.repartition(npartitions=-(-total // partition_rows))
    first = next(pq.ParquetFile(inquiries).iter_batches(batch_size=1)).to_pandas()
    meta = featurizer.transform(first).iloc[:0]
    [shared] = client.scatter([featurizer], broadcast=True)
    features = table.map_partitions(_transform, shared, meta=meta)
    log.info("featurizing %d inquiries in %d partitions", total, features.npartitions)
    return pd.concat(client.gather(client.compute(features.to_delayed())))


def _transform(part: pd.DataFrame, featurizer: InquiryFeaturizer) -> pd.DataFrame:
    return featurizer.transform(part)
