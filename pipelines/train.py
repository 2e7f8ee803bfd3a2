"""DVC stage ``train``: fit the heads on the training part of the feature table.

The featurizer is the one ``featurize`` used (its settings file). The bundle records the split
(so ``evaluate`` checks it judges the same test part), the data version (the md5 of the
ingested inquiries, the value DVC records for them in dvc.lock) and the training reference
that drift checks compare scored batches with.
"""

from __future__ import annotations

import argparse
import logging

import pandas as pd

from inquiry_quality.core.config import load_params
from inquiry_quality.features import read_settings
from inquiry_quality.modeling.bundle import file_digest, save_bundle
from inquiry_quality.modeling.split import split_table
from inquiry_quality.modeling.training import train_bundle
from inquiry_quality.scoring.monitor import build_reference


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--params", default="params.yaml")
    parser.add_argument("--features", required=True, help="feature table (parquet)")
    parser.add_argument("--inquiries", required=True, help="ingested inquiries (data version)")
    parser.add_argument("--featurizer", required=True, help="featurize's settings (json)")
    parser.add_argument("--out", required=True, help="model bundle directory")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")

    params = load_params(args.params)
    table = pd.read_parquet(args.features)
    split = split_table(table, params.train.split)
    featurizer = read_settings(args.featurizer)
    bundle = train_bundle(
        split.train,
        featurizer,
        params.train,
        data_version=file_digest(args.inquiries, "md5"),
        split=split.description,
    )
    inquiries = pd.read_parquet(args.inquiries)
    bundle.reference = build_reference(
        bundle, split.train, inquiries, params.train.reference, params.score
    )
    save_bundle(bundle, args.out)


if __name__ == "__main__":
    main()
