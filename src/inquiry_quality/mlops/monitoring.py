"""A scored batch's drift report: written beside the scores, and logged with the scoring run.

Scoring itself never starts an MLflow run: when the caller has one (``with
mlflow.start_run()`` around ``score_sources``, or ``MLFLOW_RUN_ID`` in the environment of the
CLI or the ``score`` stage, as ``mlflow run`` sets it), the report, its page, the verdict and
each column's PSI are logged to it. MLflow is imported only then, so scoring from the command
line stays light.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

from inquiry_quality.evaluation.drift_html import write_drift_report

logger = logging.getLogger(__name__)

ARTIFACT_DIR: Final = "drift"


def drift_metrics(report: Mapping[str, Any]) -> dict[str, float]:
    """The report's numbers as MLflow metrics: columns per verdict and each column's PSI."""
    metrics = {f"drift.columns_{v}": float(n) for v, n in report.get("columns", {}).items()}
    for group in ("features", "scores"):
        for column, result in report.get(group, {}).items():
            metrics[f"drift.psi.{group}.{column}"] = float(result["psi"])
    return metrics


def log_drift_report(report: Mapping[str, Any], page: Path | None = None) -> str | None:
    """Log ``report`` (and its HTML ``page``) to the active run, or to the run
    ``MLFLOW_RUN_ID`` names; returns its id, or None (nothing logged) without one."""
    import mlflow

    from inquiry_quality.mlops.store import use_store

    run = mlflow.active_run()
    resumed = None
    if run is None and os.environ.get("MLFLOW_RUN_ID"):
        use_store()
        run = resumed = mlflow.start_run(run_id=os.environ["MLFLOW_RUN_ID"])
    if run is None:
        return None
    try:
        mlflow.set_tag("drift.verdict", report["verdict"])
        mlflow.set_tag("drift.top", ", ".join(report.get("top", [])))
        mlflow.log_metrics(drift_metrics(report))
        mlflow.log_dict(dict(report), f"{ARTIFACT_DIR}/drift.json")
        if page is not None:
            mlflow.log_artifact(str(page), ARTIFACT_DIR)
    finally:
        if resumed is not None:
            mlflow.end_run()
    logger.info("drift report (%s) logged to MLflow run %s", report["verdict"], run.info.run_id)
    return run.info.run_id


def publish_drift_report(report: Mapping[str, Any], path: Path) -> Path:
    """Write ``report`` to ``path`` and its page beside it (``.html``, returned); log both to
    the scoring run when one is active (``log_drift_report``)."""
    page = write_drift_report(report, path)
    if "mlflow" in sys.modules or os.environ.get("MLFLOW_RUN_ID"):  # else no run can be active
        log_drift_report(report, page)
    return page
