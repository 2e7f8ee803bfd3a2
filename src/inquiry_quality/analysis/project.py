"""Where the pipeline's outputs are: the project root and the stage outputs of ``dvc.yaml``.

The root is ``$INQUIRY_QUALITY_ROOT`` when set, else the nearest folder at or above the
working directory that holds ``dvc.yaml`` (a notebook runs in ``notebooks/``). Output paths
are read from the stages' ``outs``/``metrics`` in ``dvc.yaml``, so they cannot drift from
the pipeline. Nothing here writes a file.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import pandas as pd
import yaml

from inquiry_quality.core import schema
from inquiry_quality.core.config import IngestParams, Params, load_params

logger = logging.getLogger(__name__)

ROOT_ENV: Final = "INQUIRY_QUALITY_ROOT"
PIPELINE_FILE: Final = "dvc.yaml"
PARAMS_FILE: Final = "params.yaml"
TEXT_COLUMNS: Final = (schema.SUBJECT, schema.BODY)  # what the feature table lacks
#: what the notebooks read: (stage, name of one of its outputs in dvc.yaml)
OUTPUTS: Final = {
    "inquiries": ("ingest", "inquiries.parquet"),
    "features": ("featurize", "features.parquet"),
    "bundle": ("train", "bundle"),
    "metrics": ("evaluate", "evaluation.json"),  # every metric; metrics.json: the headline
    "plots": ("evaluate", "plots"),
    "score_summary": ("score", "score_summary.json"),
}


class MissingOutputError(FileNotFoundError):
    """A stage output that the pipeline has not written yet."""


def find_root(start: Path | None = None) -> Path:
    """``$INQUIRY_QUALITY_ROOT``, else the nearest folder with ``dvc.yaml`` at/above ``start``."""
    configured = os.environ.get(ROOT_ENV)
    if configured:
        root = Path(configured).expanduser().resolve()
        if not (root / PIPELINE_FILE).is_file():
            raise FileNotFoundError(f"{ROOT_ENV}={configured}: no {PIPELINE_FILE} in that folder")
        return root
    start = (start or Path.cwd()).resolve()
    for folder in (start, *start.parents):
        if (folder / PIPELINE_FILE).is_file():
            return folder
    raise FileNotFoundError(
        f"no {PIPELINE_FILE} in {start} or above; set {ROOT_ENV} to the project folder"
    )


def stage_outputs(root: Path, stage: str) -> list[Path]:
    """Every path stage ``stage`` of ``root/dvc.yaml`` declares (outs, metrics, plots)."""
    pipeline = yaml.safe_load((root / PIPELINE_FILE).read_text(encoding="utf-8")) or {}
    stages = pipeline.get("stages", {})
    if stage not in stages:
        raise KeyError(f"{root / PIPELINE_FILE}: no stage {stage!r} (stages: {sorted(stages)})")
    spec = stages[stage]
    entries = [*spec.get("outs", []), *spec.get("metrics", []), *spec.get("plots", [])]
    return [root / (e if isinstance(e, str) else next(iter(e))) for e in entries]


@dataclass(frozen=True)
class Project:
    """A project folder and read-only access to its DVC outputs."""

    root: Path

    @classmethod
    def find(cls, start: Path | None = None) -> Project:
        return cls(find_root(start))

    def output(self, stage: str, name: str) -> Path:
        """The output of ``stage`` whose file or folder name is ``name``; it must exist."""
        outputs = stage_outputs(self.root, stage)
        matches = [p for p in outputs if p.name == name]
        if not matches:
            names = ", ".join(p.name for p in outputs)
            raise KeyError(
                f"{self.root / PIPELINE_FILE}: stage {stage!r} has no output {name!r} "
                f"(it has: {names})"
            )
        if not matches[0].exists():
            raise MissingOutputError(
                f"{matches[0]}: not written yet; run `make run` (or `dvc repro {stage}`) first"
            )
        return matches[0]

    def params(self) -> Params:
        return load_params(self.root / PARAMS_FILE)

    def inquiries(self) -> pd.DataFrame:
        """The ingested history, canonical columns and labels."""
        from inquiry_quality.ingest import read_table

        return read_table(self.output(*OUTPUTS["inquiries"]))

    def features(self) -> pd.DataFrame:
        """The feature table of the history (one row per inquiry, with its labels)."""
        return pd.read_parquet(self.output(*OUTPUTS["features"]))

    def history(self) -> pd.DataFrame:
        """The feature table plus each inquiry's subject and body."""
        text = self.inquiries()[[schema.INQUIRY_ID, *TEXT_COLUMNS]]
        return self.features().merge(text, on=schema.INQUIRY_ID, how="left", validate="1:1")

    def metrics(self) -> dict[str, Any]:
        """``evaluate``'s metrics of the current model on its test part, by slice."""
        path = self.output(*OUTPUTS["metrics"])
        return json.loads(path.read_text(encoding="utf-8"))

    def plot_data(self, name: str) -> pd.DataFrame:
        """One of ``evaluate``'s curve tables (``gain_convert``, ``reliability_genuine``, ...)."""
        path = self.output(*OUTPUTS["plots"]) / f"{name}.csv"
        if not path.is_file():
            raise MissingOutputError(f"{path}: evaluate wrote no curve {name!r}")
        return pd.read_csv(path)

    def model_dir(self) -> Path:
        """The model bundle ``train`` wrote (the one ``metrics.json`` evaluates)."""
        return self.output(*OUTPUTS["bundle"])

    def test_inquiries(self) -> pd.DataFrame:
        """Canonical inquiries of the held-out test part, as ``evaluate`` splits them."""
        from inquiry_quality.modeling.split import split_table

        split = split_table(self.features(), self.params().train.split)
        inquiries = self.inquiries()
        test_ids = split.test[schema.INQUIRY_ID]
        return inquiries[inquiries[schema.INQUIRY_ID].isin(test_ids)].reset_index(drop=True)

    def new_batch(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        """The batch of ``score.sources``, read as the ``score`` stage reads it.

        Returns the canonical inquiries and the quarantined rows (with their reasons).
        """
        from inquiry_quality.ingest import read_inquiries
        from inquiry_quality.scoring.batch import ANY_DATE

        params = self.params()
        read = IngestParams(
            extra_numeric=params.ingest.extra_numeric,
            extra_categorical=params.ingest.extra_categorical,
        )
        tables, quarantined = [], []
        for spec in params.score.sources:
            for chunk in read_inquiries(spec, read, self.root, ANY_DATE):
                tables.append(chunk.table)
                quarantined.append(chunk.quarantine)
        table = pd.concat(tables, ignore_index=True)
        quarantine = pd.concat(quarantined, ignore_index=True)
        if len(quarantine):
            logger.warning("%d rows of the batch are quarantined", len(quarantine))
        return table, quarantine

    def score_summary(self) -> dict[str, Any]:
        """The ``score`` stage's summary of the batch (tiers, and how each tier did)."""
        path = self.output(*OUTPUTS["score_summary"])
        return json.loads(path.read_text(encoding="utf-8"))
