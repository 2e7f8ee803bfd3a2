"""The pyfunc face of a ``ModelBundle``: canonical inquiries in, scores out.

``InquiryQualityModel`` is pickled into every logged model by its import path; an old model
that names ``inquiry_quality.tracking`` finds it through ``inquiry_quality.legacy``.
"""

from __future__ import annotations

import shutil
from importlib.metadata import PackageNotFoundError, requires, version
from pathlib import Path
from typing import Final

import mlflow
import pandas as pd
from mlflow.exceptions import MlflowException
from mlflow.models import ModelSignature
from mlflow.protos.databricks_pb2 import INVALID_PARAMETER_VALUE
from mlflow.types.schema import ColSpec, Schema
from packaging.requirements import Requirement

import inquiry_quality
from inquiry_quality.core import schema
from inquiry_quality.modeling.bundle import ModelBundle, load_bundle
from inquiry_quality.scoring.loading import BUNDLE_ARTIFACT
from inquiry_quality.scoring.requests import QUARANTINE_REASON, RequestError, check_request
from inquiry_quality.scoring.scorer import Scorer

#: what a served model never imports, left out of its ``code/``: the demo-data generator and
#: the layers above ``mlops`` (the page, the notebooks' analysis, the CLI)
NOT_SERVED: Final = ("synth", "web", "analysis", "cli.py")


class InquiryQualityModel(mlflow.pyfunc.PythonModel):
    """The pyfunc face of a ``ModelBundle``: canonical inquiries in, scores out."""

    def load_context(self, context: mlflow.pyfunc.PythonModelContext) -> None:
        self.bundle = load_bundle(context.artifacts[BUNDLE_ARTIFACT])

    def predict(
        self, context: object, model_input: pd.DataFrame, params: dict | None = None
    ) -> pd.DataFrame:
        try:
            return score(self.bundle, from_naive_utc(model_input))
        except RequestError as exc:  # the server answers 400 with this message
            raise MlflowException(str(exc), error_code=INVALID_PARAMETER_VALUE) from exc


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
    """The exported scoring function; list columns joined by " | " so JSON serving works.

    Rows are checked as the CLI checks them (``scoring.requests``): a row that cannot be scored
    gets its quarantine reason and detail and no scores; ``RequestError`` when none can be.
    """
    canonical, problems = check_request(inquiries)
    usable = (problems[QUARANTINE_REASON] == "").to_numpy()
    scored = Scorer(bundle).score(canonical[usable], flat=True)
    out = scored.reindex(inquiries.index)
    if not usable.all():
        ids = inquiries.get(schema.INQUIRY_ID, pd.Series(inquiries.index.astype(str)))
        out.loc[~usable, schema.INQUIRY_ID] = pd.Series(ids, index=inquiries.index)[~usable]
        out = out.astype(object).where(out.notna(), None)  # JSON null, not NaN, for no score
    return pd.concat([out, problems], axis=1)


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
        if requirement.marker is not None:  # extras (train, dev, ...) are not needed to serve
            continue
        try:
            pinned.append(f"{requirement.name}=={version(requirement.name)}")
        except PackageNotFoundError:
            pinned.append(str(requirement))
    return pinned


def served_code(folder: Path) -> Path:
    """A copy in ``folder`` of the ``inquiry_quality`` package as a served model runs it (its
    ``code/``): without ``NOT_SERVED``, so that editing the page or the CLI changes neither
    the logged model nor the ``register`` stage, which depends on the rest."""
    package = Path(inquiry_quality.__file__).parent

    def left_out(directory: str, names: list[str]) -> list[str]:
        top = Path(directory) == package
        return [n for n in names if n == "__pycache__" or (top and n in NOT_SERVED)]

    return Path(shutil.copytree(package, folder / package.name, ignore=left_out))
