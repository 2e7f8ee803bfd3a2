"""DVC stage ``featurize``: every inquiry's features, ids, labels and cleaned text, and the
featurizer's settings for ``train``.

``featurize.engine: dask`` maps the same featurizer over partitions of the ingested table on
the cluster at ``featurize.scheduler`` (none: a local cluster); the file is the same.
"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from inquiry_quality.core.config import load_params
from inquiry_quality.features import (
    feature_table,
    featurizer_from_params,
    read_catalogue,
    write_settings,
)
from inquiry_quality.features.featurizer import kept_columns

log = logging.getLogger("featurize")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--params", default="params.yaml")
    parser.add_argument("--inquiries", required=True, help="ingested inquiries (parquet)")
    parser.add_argument("--catalogue", help="the exporter's catalogue.csv (optional)")
    parser.add_argument("--out", required=True, help="feature table (parquet)")
    parser.add_argument("--featurizer", required=True, help="featurizer settings for train (json)")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")

    params = load_params(args.params)
    catalogue = read_catalogue(args.catalogue) if args.catalogue else None
    featurizer = featurizer_from_params(params.featurize, catalogue)
    extra = [*params.ingest.extra_numeric, *params.ingest.extra_categorical]
    if params.featurize.engine == "dask":
        from inquiry_quality.core.dask_cluster import dask_client
        from inquiry_quality.features.on_dask import features_on_dask

        with dask_client(params.featurize.scheduler) as client:
            features = features_on_dask(
                Path(args.inquiries), featurizer, client, params.featurize.partition_rows
            )
        present = pq.read_schema(args.inquiries).names
        kept = [c for c in kept_columns(extra) if c in present]
        inquiries = pd.read_parquet(args.inquiries, columns=kept)
        table = feature_table(inquiries, featurizer, extra, features)
    else:
        inquiries = pd.read_parquet(args.inquiries)
        table = feature_table(inquiries, featurizer, extra_columns=extra)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    table.to_parquet(args.out, index=False)
    write_settings(args.featurizer, params.featurize, args.catalogue)
    log.info("%d inquiries, %d columns -> %s", len(table), table.shape[1], args.out)


if __name__ == "__main__":
    main()
