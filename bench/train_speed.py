"""Time (wall and CPU) and peak memory of the `train` stage's library call, per model.

.venv/bin/python bench/train_speed.py --features data/processed/features.parquet --model logreg
Wall time on a shared machine varies with load; CPU time is the steadier number.
"""

from __future__ import annotations

import argparse
import resource
import time

import pandas as pd

from inquiry_quality.core.config import load_params
from inquiry_quality.features import featurizer_from_params
from inquiry_quality.modeling.split import split_table
from inquiry_quality.modeling.training import train_bundle


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--params", default="params.yaml")
    parser.add_argument("--features", default="data/processed/features.parquet")
    parser.add_argument("--model", default=None, help="logreg or hgb (default: params.yaml)")
    args = parser.parse_args()
    params = load_params(args.params)
    cfg = params.train.model_copy(update=dict(model=args.model or params.train.model))
    table = pd.read_parquet(args.features)
    split = split_table(table, cfg.split)
    featurizer = featurizer_from_params(params.featurize, None)
    start, cpu_start = time.perf_counter(), time.process_time()
    bundle = train_bundle(split.train, featurizer, cfg, data_version="bench", split={})
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{cfg.model}: {len(split.train)} training rows, heads {sorted(bundle.heads)} in "
        f"{seconds:.1f} s wall, {cpu:.1f} s CPU, peak RSS {peak_mb:.0f} MiB"
    )


if __name__ == "__main__":
    main()
