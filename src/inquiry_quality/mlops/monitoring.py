"""A scored batch's drift report in MLflow, with the scoring run that is active.

Scoring itself never starts a run: when the caller has one (``with mlflow.start_run()``
around ``score_sources``, or ``MLFLOW_RUN_ID`` in the environment of the CLI or the ``score``
stage, as ``mlflow run`` sets it), the report, its page, the verdict and each column's PSI
are logged to it.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import mlflow

from inquiry_quality.tracking import tracking_uri

logger = logging.getLogger(__name__)

ARTIFACT_DIR = "drift"


@contextlib.contextmanager
def _active_run() -> Iterator[mlflow.ActiveRun | None]:
    run = mlflow.active_run()
    if run is not None:
        yield run
    elif os.environ.get("MLFLOW_RUN_ID"):
        mlflow.set_tracking_uri(tracking_uri())
        with mlflow.start_run(run_id=os.environ["MLFLOW_RUN_ID"]) as resumed:
            yield resumed
    else:
        yield None


def drift_metrics(report: Mapping[str, Any]) -> dict[str, float]:
    """The report's numbers as MLflow metrics: columns per verdict and each column's PSI."""
    metrics = {f"drift.columns_{v}": float(n) for v, n in report.get("columns", {}).items()}
    for group in ("features", "scores"):
        for column, result in report.get(group, {}).items():
            metrics[f"drift.psi.{group}.{column}"] = float(result["psi"])
    return metrics


def log_drift_report(report: Mapping[str, Any], page: Path | None = None) -> str | None:
    """Log ``report`` (and its HTML ``page``) to the active run; its id, or None without one."""
    with _active_run() as run:
        if run is None:
            return None
        mlflow.set_tag("drift.verdict", report["verdict"])
        mlflow.set_tag("drift.top", ", ".join(report.get("top", [])))
        mlflow.log_metrics(drift_metrics(report))
        mlflow.log_dict(dict(report), f"{ARTIFACT_DIR}/drift.json")
        if page is not None:
            mlflow.log_artifact(str(page), ARTIFACT_DIR)
        logger.info("drift report (%s) logged to MLflow run %s", report["verdict"], run.info.run_id)
        return run.info.run_id
