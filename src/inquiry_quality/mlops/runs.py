"""Runs: one evaluated bundle logged as one MLflow run, and the project's runs for comparing."""

from __future__ import annotations

import logging
import os
import subprocess
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import mlflow
import pandas as pd
from mlflow.models import infer_signature
from mlflow.tracking import MlflowClient

from inquiry_quality.core.paths import project_root
from inquiry_quality.evaluation.metrics import flatten
from inquiry_quality.mlops.example import synthetic_example
from inquiry_quality.mlops.pyfunc import (
    InquiryQualityModel,
    optional_inputs,
    pip_requirements,
    score,
    served_code,
    to_naive_utc,
)
from inquiry_quality.mlops.store import (
    CANDIDATE,
    EXPERIMENT_NAME,
    MODEL_NAME,
    configure,
    use_store,
)
from inquiry_quality.modeling.bundle import load_bundle
from inquiry_quality.scoring.loading import BUNDLE_ARTIFACT

logger = logging.getLogger(__name__)


def git_commit(root: Path) -> str | None:
    """The commit checked out in ``root``, if it is a git work tree with one."""
    result = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True, check=False
    )
    return result.stdout.strip() or None if result.returncode == 0 else None


@dataclass(frozen=True)
class LoggedRun:
    run_id: str
    model_version: str  # the registry version of ``model_name``
    model_name: str = MODEL_NAME  # the registered model (``register.registered_model``)


def log_run(
    bundle_dir: Path,
    params: Mapping[str, Any],
    metrics: Mapping[str, Any],
    figures_dir: Path | None,
    experiment_name: str = EXPERIMENT_NAME,
    model_name: str = MODEL_NAME,
) -> LoggedRun:
    """Log one evaluated bundle as an MLflow run and register it with alias ``candidate``.

    The model's input example is made up from the schema (``mlops.example``): MLflow copies it
    into every run and every exported model, so no real inquiry goes there.
    """
    root = project_root()
    configure(experiment_name=experiment_name)
    bundle = load_bundle(bundle_dir)
    meta = bundle.metadata
    tags = {
        "data_version": meta["data_version"],
        "model_version": meta["model_version"],
        "package_version": meta["package_version"],
        "test_ids_sha256": meta["split"]["test_ids_sha256"],
        "git_commit": git_commit(root) or "unknown",
        "dvc_exp_name": os.environ.get("DVC_EXP_NAME", ""),
        "skipped_heads": ", ".join(sorted(meta.get("skipped_heads", {}))) or "none",
    }
    numeric = {
        k: float(v)
        for k, v in flatten(metrics).items()
        if isinstance(v, int | float) and not isinstance(v, bool)
    }
    run_name = os.environ.get("DVC_EXP_NAME") or f"model-{meta['model_version']}"
    with mlflow.start_run(run_name=run_name) as run, tempfile.TemporaryDirectory() as code:
        mlflow.set_tags(tags)
        mlflow.log_params({k: str(v)[:6000] for k, v in flatten(params).items()})
        mlflow.log_metrics(numeric)
        mlflow.log_dict(dict(metrics), "metrics.json")
        mlflow.log_dict(meta, "bundle_metadata.json")
        if figures_dir is not None and Path(figures_dir).is_dir():
            mlflow.log_artifacts(str(figures_dir), "figures")
        synthetic = synthetic_example(meta["features"])
        example = to_naive_utc(synthetic)
        output = score(bundle, synthetic)
        info = mlflow.pyfunc.log_model(
            name="model",
            python_model=InquiryQualityModel(),
            artifacts={BUNDLE_ARTIFACT: str(bundle_dir)},
            code_paths=[str(served_code(Path(code)))],
            signature=optional_inputs(infer_signature(example, to_naive_utc(output))),
            # without the columns some example row lacks: serving_input_example.json is then a
            # request that works as it is (no NaN, which JSON has no word for)
            input_example=example.dropna(axis=1),
            pip_requirements=pip_requirements(),
            registered_model_name=model_name,
        )
    registered = str(info.registered_model_version)
    MlflowClient().set_registered_model_alias(model_name, CANDIDATE, registered)
    logger.info(
        "MLflow run %s: %s version %s is %s", run.info.run_id, model_name, registered, CANDIDATE
    )
    return LoggedRun(run.info.run_id, registered, model_name)


def search_runs(
    max_results: int = 100,
    experiment_name: str = EXPERIMENT_NAME,
    model_name: str = MODEL_NAME,
) -> pd.DataFrame:
    """The runs of ``experiment_name`` (``register.experiment_name``), newest first.

    One row per run: ``run_id``, ``start_time``, ``params.*``, ``metrics.*``, ``tags.*``, plus
    ``model_version`` and ``aliases`` (``champion``, ``candidate``) of ``model_name`` from the
    registry. Reads only: logs and creates nothing; an empty frame when nothing was logged yet.
    """
    use_store()
    experiment = mlflow.get_experiment_by_name(experiment_name)
    runs = (
        pd.DataFrame()
        if experiment is None
        else mlflow.search_runs(
            experiment_ids=[experiment.experiment_id],
            max_results=max_results,
            order_by=["attributes.start_time DESC"],
        )
    )
    if runs.empty:
        return pd.DataFrame(columns=["run_id", "start_time", "model_version", "aliases"])
    client = MlflowClient()
    versions = {
        v.run_id: str(v.version) for v in client.search_model_versions(f"name = '{model_name}'")
    }
    aliases: dict[str, list[str]] = {}
    if versions:  # search results carry no aliases: the registered model has them
        for alias, version in client.get_registered_model(model_name).aliases.items():
            aliases.setdefault(str(version), []).append(alias)
    runs["model_version"] = runs["run_id"].map(versions).fillna("")
    runs["aliases"] = runs["model_version"].map(lambda v: ", ".join(sorted(aliases.get(v, []))))
    return runs
