"""DVC stage ``ablation``: text n-grams vs structured features vs both vs a plain baseline.

Refits the genuine head per variant on the training part of the split ``train`` uses and
writes the same test metrics for each (see ``inquiry_quality.evaluation.ablation``); with
``ablation.extra_split_seeds``, also their mean and range over those stratified splits.
"""

from __future__ import annotations

import argparse
import json
import logging
from pathlib import Path

import pandas as pd

from inquiry_quality.core.config import load_params
from inquiry_quality.evaluation.ablation import ablation_table, repeated_splits, run_ablation
from inquiry_quality.modeling.split import split_table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--params", default="params.yaml")
    parser.add_argument("--features", required=True, help="feature table (parquet)")
    parser.add_argument("--inquiries", required=True, help="ingested inquiries (parquet)")
    parser.add_argument("--out", required=True, type=Path, help="ablation metrics (json)")
    parser.add_argument("--table", required=True, type=Path, help="ablation table (markdown)")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")

    params = load_params(args.params)
    table, inquiries = pd.read_parquet(args.features), pd.read_parquet(args.inquiries)
    result = run_ablation(split_table(table, params.train.split), inquiries, params)
    if params.ablation.extra_split_seeds and "skipped" not in result:
        result["repeated"] = repeated_splits(table, inquiries, params, result)
    for path in (args.out, args.table):
        path.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    args.table.write_text(ablation_table(result, params), encoding="utf-8")


if __name__ == "__main__":
    main()
