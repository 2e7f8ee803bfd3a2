"""DVC stage ``register``: one MLflow run for the evaluated bundle, and the champion gate.

The run logs the params, every metric of ``evaluate``, the figures and the model (registered as
``candidate``); the model becomes ``champion`` only if it beats the champion on
``register.primary_metric``. ``--out`` records the versions and the gate's decision.
"""

from __future__ import annotations

import argparse
import json
import logging
from pathlib import Path

import pandas as pd

from inquiry_quality.core import schema
from inquiry_quality.core.config import load_params
from inquiry_quality.evaluation.metrics import load_truth, metric_on_inquiries, metric_value
from inquiry_quality.mlops.gate import promote_if_better
from inquiry_quality.mlops.runs import log_run
from inquiry_quality.modeling.split import split_table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--params", default="params.yaml")
    parser.add_argument("--features", required=True, help="feature table (parquet)")
    parser.add_argument("--inquiries", required=True, help="ingested inquiries (parquet)")
    parser.add_argument("--model", required=True, type=Path, help="model bundle directory")
    parser.add_argument("--truth", help="generator's ground_truth.csv, optional")
    parser.add_argument(
        "--metrics", required=True, type=Path, help="evaluate's evaluation.json (every metric)"
    )
    parser.add_argument("--figures", type=Path, help="evaluate's figures folder")
    parser.add_argument("--out", required=True, type=Path, help="registration record (json)")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")

    params = load_params(args.params)
    metrics = json.loads(args.metrics.read_text(encoding="utf-8"))
    split = split_table(pd.read_parquet(args.features), params.train.split)
    inquiries = pd.read_parquet(args.inquiries)
    test = inquiries[inquiries[schema.INQUIRY_ID].isin(split.test[schema.INQUIRY_ID])]
    truth = load_truth(args.truth) if args.truth else None
    logged = log_run(
        args.model,
        params.model_dump(mode="json"),
        metrics,
        args.figures,
        experiment_name=params.register.experiment_name,
        model_name=params.register.registered_model,
    )
    metric = params.register.primary_metric
    decision = promote_if_better(
        logged,
        metric,
        metric_value(metrics, metric),
        lambda champion: metric_on_inquiries(champion, test, params.evaluate, truth, metric),
    )
    # the run's id stays in the store (the registry maps each version to its run): the record
    # is the same on every machine, so a fresh clone's dvc.lock is the committed one
    logging.getLogger(__name__).info("logged run %s", logged.run_id)
    record = {"model_name": logged.model_name, **decision.as_record()}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
