"""DVC stage ``evaluate``: honest metrics on the test part, plot data and figures.

It only measures; ``register`` logs the run to MLflow and runs the champion gate.
"""

from __future__ import annotations

import argparse
import logging

import pandas as pd

from inquiry_quality.core.config import load_params
from inquiry_quality.evaluation.headline import headline
from inquiry_quality.evaluation.metrics import evaluate_bundle, load_truth
from inquiry_quality.evaluation.operating_points import add_junk_filter_metrics
from inquiry_quality.evaluation.plots import save_figures, write_metrics, write_plot_data
from inquiry_quality.modeling.bundle import load_bundle
from inquiry_quality.modeling.split import check_split, split_table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--params", default="params.yaml")
    parser.add_argument("--features", required=True, help="feature table (parquet)")
    parser.add_argument("--inquiries", required=True, help="ingested inquiries (parquet)")
    parser.add_argument("--model", required=True, help="model bundle directory")
    parser.add_argument("--truth", help="generator's ground_truth.csv (oracle AUCs), optional")
    parser.add_argument("--metrics", required=True, help="headline metrics (JSON)")
    parser.add_argument("--breakdown", required=True, help="every metric, by slice (JSON)")
    parser.add_argument("--plots", required=True, help="folder for DVC plot data")
    parser.add_argument("--figures", required=True, help="folder for PNG figures")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")

    params = load_params(args.params)
    bundle = load_bundle(args.model)
    split = split_table(pd.read_parquet(args.features), params.train.split)
    check_split(split, bundle.metadata["split"])
    truth = load_truth(args.truth) if args.truth else None
    result = evaluate_bundle(bundle, split.test, params.evaluate, truth)
    inquiries = pd.read_parquet(args.inquiries)
    add_junk_filter_metrics(result.metrics, bundle, split.test, inquiries, params.evaluate)
    write_metrics(headline(result.metrics), args.metrics)
    write_metrics(result.metrics, args.breakdown)
    write_plot_data(result.curves, args.plots)
    save_figures(result.curves, args.figures)


if __name__ == "__main__":
    main()
