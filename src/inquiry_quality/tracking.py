"""MLflow: the one module that imports it. Runs, the pyfunc model, the registry and the gate.

Where runs go: ``MLFLOW_TRACKING_URI`` when set (a server, say), else the sqlite store
``<project root>/mlflow.db``; a sqlite store keeps artifacts in ``mlruns/`` beside it. Inside
the temporary copy that ``dvc exp run --temp`` / ``--queue`` works in (``<repo>/.dvc/tmp/exps/
...``), the project root is the original repository, so those runs land in the same store.

One ``evaluate`` stage run is one MLflow run: it logs the params, every metric, the figures,
the data version, the git commit and the DVC experiment name, logs the bundle as a pyfunc model
registered as ``inquiry-quality`` with alias ``candidate``, and moves alias ``champion`` to it
only when it beats the champion on the primary metric of the same test set.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass
from importlib.metadata import PackageNotFoundError, requires, version
from pathlib import Path
from typing import Any

import pandas as pd
from packaging.requirements import Requirement

import inquiry_quality
from inquiry_quality.bundle import CHECKSUMS_FILE, ModelBundle, ModelIntegrityError, load_bundle
from inquiry_quality.evaluation import flatten

os.environ.setdefault("MLFLOW_DISABLE_TELEMETRY", "true")  # before mlflow is imported

import mlflow
from mlflow.exceptions import MlflowException
from mlflow.models import ModelSignature, infer_signature
from mlflow.tracking import MlflowClient
from mlflow.types.schema import ColSpec, Schema

logger = logging.getLogger(__name__)

MODEL_NAME = "inquiry-quality"
EXPERIMENT_NAME = "inquiry-quality"
CANDIDATE = "candidate"
CHAMPION = "champion"
BUNDLE_ARTIFACT = "bundle"
#: metrics where lower is better; every other metric is better when higher
LOWER_IS_BETTER = ("log_loss", "brier", "ece", "oracle_gap")
_TEMP_EXPERIMENT_DIR = (".dvc", "tmp", "exps")


def project_root(start: Path | None = None) -> Path:
    """The DVC/git repository holding ``start`` (cwd); the original one for DVC temp copies."""
    start = (start or Path.cwd()).resolve()
    parts = start.parts
    for i in range(len(parts) - len(_TEMP_EXPERIMENT_DIR)):
        if parts[i : i + len(_TEMP_EXPERIMENT_DIR)] == _TEMP_EXPERIMENT_DIR:
            return Path(*parts[:i])
    for folder in (start, *start.parents):
        if (folder / ".dvc").is_dir() or (folder / ".git").exists():
            return folder
    return start


def tracking_uri(start: Path | None = None) -> str:
    """``MLFLOW_TRACKING_URI`` if set, else the absolute sqlite store of the project."""
    return os.environ.get("MLFLOW_TRACKING_URI") or f"sqlite:///{project_root(start)}/mlflow.db"


def configure(start: Path | None = None, experiment_name: str = EXPERIMENT_NAME) -> str:
    """Point MLflow at the store and the experiment (``evaluate.experiment_name``); returns
    the experiment id."""
    uri = tracking_uri(start)
    mlflow.set_tracking_uri(uri)
    experiment = mlflow.get_experiment_by_name(experiment_name)
    if experiment is not None:
        mlflow.set_experiment(experiment_id=experiment.experiment_id)
        return experiment.experiment_id
    location = None  # a server chooses; a sqlite store keeps artifacts beside the database
    if uri.startswith("sqlite:///"):
        location = (Path(uri.removeprefix("sqlite:///")).resolve().parent / "mlruns").as_uri()
    experiment_id = mlflow.create_experiment(experiment_name, artifact_location=location)
    mlflow.set_experiment(experiment_id=experiment_id)
    return experiment_id


class InquiryQualityModel(mlflow.pyfunc.PythonModel):
    """The pyfunc face of a ``ModelBundle``: canonical inquiries in, scores out."""

    def load_context(self, context: mlflow.pyfunc.PythonModelContext) -> None:
        self.bundle = load_bundle(context.artifacts[BUNDLE_ARTIFACT])

    def predict(
        self, context: object, model_input: pd.DataFrame, params: dict | None = None
    ) -> pd.DataFrame:
        return score(self.bundle, from_naive_utc(model_input))


def to_naive_utc(frame: pd.DataFrame) -> pd.DataFrame:
    """Timezone-aware columns as naive UTC: MLflow signatures accept naive datetimes only."""
    aware = [c for c in frame.columns if isinstance(frame[c].dtype, pd.DatetimeTZDtype)]
    return frame.assign(**{c: frame[c].dt.tz_convert("UTC").dt.tz_localize(None) for c in aware})


def from_naive_utc(frame: pd.DataFrame) -> pd.DataFrame:
    """The model's inverse of ``to_naive_utc``: naive datetime columns are read as UTC."""
    naive = [
        c
        for c in frame.columns
        if pd.api.types.is_datetime64_dtype(frame[c]) and frame[c].dt.tz is None
    ]
    return frame.assign(**{c: frame[c].dt.tz_localize("UTC") for c in naive})


def score(bundle: ModelBundle, inquiries: pd.DataFrame) -> pd.DataFrame:
    """The exported scoring function; list columns joined by " | " so JSON serving works."""
    from inquiry_quality.scoring import Scorer

    return Scorer(bundle).score(inquiries, flat=True)


def optional_inputs(signature: ModelSignature) -> ModelSignature:
    """``signature`` with every input column optional: a row may come with its body alone.

    Inferred from a few example rows, every column they hold would be required; an inquiry
    from another channel lacks some (no ``source`` when posted to the server, no
    ``sender_email`` from a web form), and the featurizer treats an absent column as empty.
    """
    inputs = [ColSpec(c.type, c.name, required=False) for c in signature.inputs.inputs]
    return ModelSignature(Schema(inputs), signature.outputs)


def pip_requirements() -> list[str]:
    """The package's runtime dependencies pinned to the installed versions (no inference)."""
    pinned = []
    for line in requires("inquiry-quality") or []:
        requirement = Requirement(line)
        if requirement.marker is not None:  # extras (dev, notebooks) are not needed to serve
            continue
        try:
            pinned.append(f"{requirement.name}=={version(requirement.name)}")
        except PackageNotFoundError:
            pinned.append(str(requirement))
    return pinned


def git_commit(root: Path) -> str | None:
    """The commit checked out in ``root``, if it is a git work tree with one."""
    result = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True, check=False
    )
    return result.stdout.strip() or None if result.returncode == 0 else None


@dataclass(frozen=True)
class GateDecision:
    """What the quality gate decided, with the numbers."""

    metric: str
    candidate_version: str
    candidate_value: float
    champion_version: str | None
    champion_value: float | None
    compared_on: str  # "no champion", "logged metric", "re-scored on this test set" or unusable
    promoted: bool


def is_better(candidate: float, champion: float, metric: str) -> bool:
    """Strictly better on ``metric``; a tie keeps the champion."""
    lower = metric.rsplit(".", 1)[-1].startswith(LOWER_IS_BETTER)
    return candidate < champion if lower else candidate > champion


@dataclass(frozen=True)
class LoggedRun:
    run_id: str
    model_version: str  # the registry version of ``model_name``
    model_name: str = MODEL_NAME  # the registered model (``evaluate.registered_model``)


def log_run(
    bundle_dir: Path,
    params: Mapping[str, Any],
    metrics: Mapping[str, Any],
    figures_dir: Path | None,
    input_example: pd.DataFrame,
    experiment_name: str = EXPERIMENT_NAME,
    model_name: str = MODEL_NAME,
) -> LoggedRun:
    """Log one evaluated bundle as an MLflow run and register it with alias ``candidate``."""
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
    with mlflow.start_run(run_name=run_name) as run:
        mlflow.set_tags(tags)
        mlflow.log_params({k: str(v)[:6000] for k, v in flatten(params).items()})
        mlflow.log_metrics(numeric)
        mlflow.log_dict(dict(metrics), "metrics.json")
        mlflow.log_dict(meta, "bundle_metadata.json")
        if figures_dir is not None and Path(figures_dir).is_dir():
            mlflow.log_artifacts(str(figures_dir), "figures")
        example = to_naive_utc(input_example)
        output = score(bundle, input_example)
        info = mlflow.pyfunc.log_model(
            name="model",
            python_model=InquiryQualityModel(),
            artifacts={BUNDLE_ARTIFACT: str(bundle_dir)},
            code_paths=[str(Path(inquiry_quality.__file__).parent)],
            signature=optional_inputs(infer_signature(example, to_naive_utc(output))),
            input_example=example,
            pip_requirements=pip_requirements(),
            registered_model_name=model_name,
        )
    registered = str(info.registered_model_version)
    MlflowClient().set_registered_model_alias(model_name, CANDIDATE, registered)
    logger.info(
        "MLflow run %s: %s version %s is %s", run.info.run_id, model_name, registered, CANDIDATE
    )
    return LoggedRun(run.info.run_id, registered, model_name)


def load_registered_bundle(alias: str, model_name: str = MODEL_NAME) -> ModelBundle:
    """The bundle of ``<model_name>@<alias>``, checksums verified."""
    model = mlflow.pyfunc.load_model(f"models:/{model_name}@{alias}")
    return model.unwrap_python_model().bundle


def _rescored(
    version: str, model_name: str, rescore: Callable[[ModelBundle], float]
) -> tuple[float | None, str]:
    """The champion's metric on this test set, or None when this code cannot load or score it:
    such a champion cannot score new inquiries either, so it is no model to keep."""
    try:
        return rescore(load_registered_bundle(CHAMPION, model_name)), "re-scored on this test set"
    except Exception as exc:  # any failure makes the champion unusable here
        logger.warning(
            "quality gate: champion v%s cannot be scored by this code, so it is replaced: %s: %s",
            version,
            type(exc).__name__,
            exc,
        )
        return None, f"champion unusable ({type(exc).__name__})"


def promote_if_better(
    logged: LoggedRun,
    metric: str,
    candidate_value: float,
    rescore: Callable[[ModelBundle], float],
) -> GateDecision:
    """Move ``champion`` to the candidate only if it beats the champion on ``metric``.

    The champion's logged value counts only when it was measured on the same test set (same
    data version and test ids); otherwise its bundle is re-scored with ``rescore``, and a
    champion that this code cannot load or score is replaced (with a warning). The decision and
    both numbers are logged as tags of the candidate's run.
    """
    configure()
    client = MlflowClient()
    candidate_run = client.get_run(logged.run_id)
    try:
        champion = client.get_model_version_by_alias(logged.model_name, CHAMPION)
    except MlflowException:
        champion = None
    if champion is None:
        decision = GateDecision(
            metric, logged.model_version, candidate_value, None, None, "no champion", True
        )
    else:
        champion_run = client.get_run(champion.run_id)
        same = all(
            champion_run.data.tags.get(k) == candidate_run.data.tags.get(k)
            for k in ("data_version", "test_ids_sha256")
        )
        if same and metric in champion_run.data.metrics:
            value, how = champion_run.data.metrics[metric], "logged metric"
        else:
            value, how = _rescored(champion.version, logged.model_name, rescore)
        promoted = value is None or is_better(candidate_value, value, metric)
        decision = GateDecision(
            metric, logged.model_version, candidate_value, champion.version, value, how, promoted
        )
    if decision.promoted:
        client.set_registered_model_alias(logged.model_name, CHAMPION, logged.model_version)
    for key, value in asdict(decision).items():
        client.set_tag(logged.run_id, f"gate.{key}", str(value))
    logger.info(
        "quality gate on %s: candidate v%s %.4f vs champion v%s %s (%s): %s",
        metric,
        decision.candidate_version,
        candidate_value,
        decision.champion_version,
        decision.champion_value,
        decision.compared_on,
        "promoted to champion" if decision.promoted else "champion kept",
    )
    return decision


def load_model_bundle(uri: str) -> ModelBundle:
    """The bundle of an MLflow model URI (``models:/inquiry-quality@champion``, ``runs:/...``),
    checksums verified; used by ``inquiry_quality.load_scorer``."""
    from inquiry_quality.scoring.loading import ModelNotFoundError

    configure()
    try:
        return mlflow.pyfunc.load_model(uri).unwrap_python_model().bundle
    except MlflowException as exc:
        raise ModelNotFoundError(f"{uri}: {exc.message}") from exc


def export_registered(
    bundle_dir: Path, out: Path, alias: str = CANDIDATE, model_name: str = MODEL_NAME
) -> Path:
    """Copy the registered ``inquiry-quality@<alias>`` pyfunc model to ``out``.

    The local directory (``mlflow models serve -m <out>``) is then the very artifact in the
    registry. Refuses if its bundle is not ``bundle_dir`` (same checksums), e.g. when DVC
    restored the evaluate stage from its cache without logging a run.
    """
    configure()
    version = MlflowClient().get_model_version_by_alias(model_name, alias).version
    if out.exists():
        shutil.rmtree(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    mlflow.artifacts.download_artifacts(
        artifact_uri=f"models:/{model_name}/{version}", dst_path=str(out)
    )
    from inquiry_quality.scoring.loading import pyfunc_bundle_dir

    exported_dir = pyfunc_bundle_dir(out)
    exported = load_bundle(exported_dir)
    expected = json.loads((bundle_dir / CHECKSUMS_FILE).read_text("utf-8"))
    actual = json.loads((exported_dir / CHECKSUMS_FILE).read_text("utf-8"))
    if actual != expected:
        raise ModelIntegrityError(
            f"{model_name}@{alias} (version {version}) holds model "
            f"{exported.metadata.get('model_version')}, not the bundle in {bundle_dir}; "
            "rerun `dvc repro -f evaluate` so the current bundle is logged and registered"
        )
    logger.info("exported %s version %s (%s) to %s", model_name, version, alias, out)
    return out


def search_runs(max_results: int = 100) -> pd.DataFrame:
    """The project's runs, newest first, for comparing them (notebooks).

    One row per run: ``run_id``, ``start_time``, ``params.*``, ``metrics.*``, ``tags.*``, plus
    ``model_version`` and ``aliases`` (``champion``, ``candidate``) from the registry. Logs
    nothing; an empty frame when nothing was logged yet.
    """
    mlflow.set_tracking_uri(tracking_uri())
    experiment = mlflow.get_experiment_by_name(EXPERIMENT_NAME)
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
        v.run_id: str(v.version) for v in client.search_model_versions(f"name = '{MODEL_NAME}'")
    }
    aliases: dict[str, list[str]] = {}
    if versions:  # search results carry no aliases: the registered model has them
        for alias, version in client.get_registered_model(MODEL_NAME).aliases.items():
            aliases.setdefault(str(version), []).append(alias)
    runs["model_version"] = runs["run_id"].map(versions).fillna("")
    runs["aliases"] = runs["model_version"].map(lambda v: ", ".join(sorted(aliases.get(v, []))))
    return runs
