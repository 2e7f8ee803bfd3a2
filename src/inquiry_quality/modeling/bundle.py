"""``ModelBundle``: the one exported artifact, from raw inquiries to probabilities.

It holds the featurizer (stateless), one fitted pipeline per trained head and the metadata that
says what it is (model and data version, feature lists, thresholds, skipped heads), and the
profile of its training data that drift checks compare batches with (``reference``, see
``evaluation.reference``). It is saved as a joblib file plus ``metadata.json``,
``reference.json`` and ``checksums.json``; ``load_bundle`` refuses a directory whose files do
not match their recorded sha256 (a bundle saved before references loads without one). The
checksums catch corruption and edits made outside ``save_bundle``; like any pickle, load
bundles only from a trusted source.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import joblib
import numpy as np
import pandas as pd
from sklearn.base import TransformerMixin
from sklearn.pipeline import Pipeline

from inquiry_quality.core import schema
from inquiry_quality.modeling.contributions import (
    log_odds_contributions,
    top_terms,
    transformed_explanation,
)
from inquiry_quality.modeling.heads import EXISTING, GENUINE, JUNK_TYPE, ORDER, P_EXISTING, P_ORDER

logger = logging.getLogger(__name__)

BUNDLE_FILE = "bundle.joblib"
METADATA_FILE = "metadata.json"
CHECKSUMS_FILE = "checksums.json"
REFERENCE_FILE = "reference.json"


class ModelIntegrityError(RuntimeError):
    """A saved bundle whose files are missing or differ from their recorded checksums."""


def file_digest(path: str | Path, algorithm: str = "sha256") -> str:
    """Hex digest of a file's bytes (``md5`` gives the value DVC records in dvc.lock)."""
    digest = hashlib.new(algorithm)
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


@lru_cache(maxsize=8)
def _warn_absent(columns: tuple[str, ...]) -> None:
    """Once per process: a batch is scored in chunks, each of which would repeat it."""
    logger.warning("inquiries lack the extra column(s) %s; treated as unknown", list(columns))


@dataclass(frozen=True)
class Explanation:
    """A head's predictions with why: see ``ModelBundle.predict_and_explain``."""

    predictions: pd.DataFrame
    #: rows x input columns, log-odds contributions to the head's positive class
    contributions: pd.DataFrame | None = None
    #: per row, the word n-grams raising (``terms_for``) or lowering (``terms_against``) it most
    terms_for: pd.Series | None = None
    terms_against: pd.Series | None = None


@dataclass
class ModelBundle:
    """Featurizer + fitted heads + metadata; see the module docstring."""

    featurizer: TransformerMixin
    heads: dict[str, Pipeline]
    metadata: dict[str, Any]
    #: per head: the mean transformed training row, the reference of ``contributions``
    references: dict[str, np.ndarray] = field(default_factory=dict)
    #: the training data's profile for drift checks (JSON-ready); None: saved without one
    reference: dict[str, Any] | None = None

    @property
    def text_column(self) -> str:
        return self.metadata["features"]["text"]

    @property
    def junk_types(self) -> list[str]:
        head = self.heads.get(JUNK_TYPE)
        return [] if head is None else [str(c) for c in head.classes_]

    def features(self, raw: pd.DataFrame) -> pd.DataFrame:
        """The model input of canonical inquiries ``raw``: the extra columns and the features.

        The one way from raw inquiries to what the heads take (training's feature table,
        re-scoring a champion, scoring). Extra structured columns (mapped in at ingest, e.g. a
        platform's buyer level) pass through, typed as training read them from Parquet
        (numbers as floats, text with NaN for missing: scikit-learn's imputers cannot compare
        <NA>); one missing from ``raw`` is unknown (NaN) for every row, with a warning.
        """
        lists = self.metadata["features"]
        extra = lists.get("extra", [])
        absent = [c for c in extra if c not in raw.columns]
        if absent:
            _warn_absent(tuple(absent))
        passed = raw.reindex(columns=extra)
        typed = {
            c: pd.to_numeric(passed[c], errors="coerce").astype("float64")
            if c in lists["numeric"]
            else passed[c].astype(object).where(passed[c].notna(), np.nan)
            for c in extra
        }
        return pd.concat(
            [pd.DataFrame(typed, index=raw.index), self.featurizer.transform(raw)], axis=1
        )

    def predict_features(self, feats: pd.DataFrame) -> pd.DataFrame:
        """``p_genuine``, ``p_order``, ``p_convert``, ``p_existing_customer``, ``junk_type`` and
        ``p_<junk type>``.

        A head that was skipped at training gives NaN (or <NA> for ``junk_type``).
        """
        return self.predict_and_explain(feats, head=None).predictions

    def predict_and_explain(
        self, feats: pd.DataFrame, head: str | None = GENUINE, n_terms: int = 3
    ) -> Explanation:
        """``predict_features`` plus ``head``'s contributions and top terms, from ONE transform.

        The heads share their input transformer (n-grams are the costly part), so the
        feature table is transformed once and that matrix feeds every head's classifier, the
        contributions and the terms. ``head`` is a binary head (its positive class is
        explained); ``None`` or a skipped head explains nothing.
        """
        if head == JUNK_TYPE:
            raise ValueError("predict_and_explain explains a binary head; use contributions")
        transformed: dict[int, Any] = {}
        proba = {}
        for name, pipeline in self.heads.items():
            transformer = pipeline.steps[0][1]
            if id(transformer) not in transformed:
                transformed[id(transformer)] = transformer.transform(feats)
            proba[name] = pipeline.steps[-1][1].predict_proba(transformed[id(transformer)])
        predictions = self._predictions(proba, feats.index)
        if head not in self.heads:
            return Explanation(predictions)
        pipeline = self.heads[head]
        matrix = transformed[id(pipeline.steps[0][1])]
        positive = pipeline.classes_[1]
        reference = self.references[head]
        return Explanation(
            predictions,
            *transformed_explanation(
                pipeline, matrix, feats.index, reference, positive, self.text_column, n_terms
            ),
        )

    def _predictions(self, proba: dict[str, np.ndarray], index: pd.Index) -> pd.DataFrame:
        # columns gathered first and framed once (a column added at a time costs ~0.3 ms each)
        rows = len(index)

        def positive(head: str) -> np.ndarray:
            return proba[head][:, 1] if head in proba else np.full(rows, np.nan)

        p_genuine, p_order = positive(GENUINE), positive(ORDER)
        out: dict[str, Any] = {
            schema.P_GENUINE: p_genuine,
            P_ORDER: p_order,
            schema.P_CONVERT: p_genuine * p_order,
            P_EXISTING: p_genuine * positive(EXISTING),
        }
        junk = self.heads.get(JUNK_TYPE)
        if junk is None:
            out[schema.JUNK_TYPE] = pd.array([pd.NA] * rows, dtype="string")
            return pd.DataFrame(out, index=index)
        junk_proba = proba[JUNK_TYPE]
        classes = [str(c) for c in junk.classes_]
        picked = np.asarray(classes, dtype=object)[junk_proba.argmax(axis=1)]
        out[schema.JUNK_TYPE] = pd.array(picked, dtype="string")
        for i, name in enumerate(classes):
            out[f"p_{name}"] = junk_proba[:, i]
        return pd.DataFrame(out, index=index)

    def predict(self, raw: pd.DataFrame) -> pd.DataFrame:
        """Probabilities for canonical inquiries ``raw`` (same index)."""
        return self.predict_features(self.features(raw))

    def contributions(self, feats: pd.DataFrame, head: str, label: object = None) -> pd.DataFrame:
        """Rows x input columns: additive log-odds contributions relative to the training mean.

        ``head`` is ``genuine``, ``order`` or ``junk_type`` (then ``label`` names the junk type;
        binary heads explain their positive class). All n-grams form one ``clean_text`` column.
        See ``inquiry_quality.modeling.contributions`` for the method per classifier.
        """
        if head not in self.heads:
            skipped = self.metadata.get("skipped_heads", {}).get(head)
            reason = f" (skipped at training: {skipped})" if skipped else ""
            raise KeyError(f"the bundle has no head {head!r}{reason}")
        pipeline = self.heads[head]
        if label is None:
            if head == JUNK_TYPE:
                raise ValueError("contributions for junk_type need a label (a junk type)")
            label = pipeline.classes_[1]
        return log_odds_contributions(
            pipeline, feats, self.references[head], label, self.text_column
        )

    def top_terms(
        self, feats: pd.DataFrame, head: str, n: int = 3, label: object = None
    ) -> pd.Series:
        """Per row, the text n-grams that raise the head's log-odds most (logreg, svm; else [])."""
        pipeline = self.heads[head]
        label = pipeline.classes_[1] if label is None else label
        return top_terms(pipeline, feats, self.references[head], label, n)


def save_bundle(bundle: ModelBundle, directory: str | Path) -> Path:
    """Write ``bundle`` into ``directory`` (created) with its metadata and checksums."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    # the reference is stored once, as JSON beside the pickle
    joblib.dump(dataclasses.replace(bundle, reference=None), directory / BUNDLE_FILE, compress=3)
    (directory / METADATA_FILE).write_text(
        json.dumps(bundle.metadata, indent=2, sort_keys=True, default=str) + "\n", "utf-8"
    )
    names = [BUNDLE_FILE, METADATA_FILE]
    (directory / REFERENCE_FILE).unlink(missing_ok=True)
    if bundle.reference is not None:
        (directory / REFERENCE_FILE).write_text(json.dumps(bundle.reference) + "\n", "utf-8")
        names.append(REFERENCE_FILE)
    checksums = {name: file_digest(directory / name) for name in names}
    (directory / CHECKSUMS_FILE).write_text(json.dumps(checksums, indent=2) + "\n", "utf-8")
    logger.info("saved model bundle %s to %s", bundle.metadata.get("model_version"), directory)
    return directory


def load_bundle(directory: str | Path) -> ModelBundle:
    """Load a bundle saved by ``save_bundle``; ``ModelIntegrityError`` if a file does not match."""
    directory = Path(directory)
    checksums_path = directory / CHECKSUMS_FILE
    if not checksums_path.is_file():
        raise ModelIntegrityError(f"{checksums_path}: missing; not a saved model bundle")
    checksums = json.loads(checksums_path.read_text("utf-8"))
    recorded = [REFERENCE_FILE] if REFERENCE_FILE in checksums else []
    for name in (BUNDLE_FILE, METADATA_FILE, *recorded):
        path = directory / name
        if name not in checksums:
            raise ModelIntegrityError(f"{checksums_path}: no checksum recorded for {name}")
        if not path.is_file():
            raise ModelIntegrityError(f"{path}: missing from the model bundle")
        actual = file_digest(path)
        if actual != checksums[name]:
            raise ModelIntegrityError(
                f"{path}: sha256 {actual} does not match {checksums[name]} recorded in "
                f"{checksums_path}; the file was changed or corrupted, refusing to load it"
            )
    bundle = joblib.load(directory / BUNDLE_FILE)
    if not isinstance(bundle, ModelBundle):
        raise ModelIntegrityError(f"{directory / BUNDLE_FILE}: holds {type(bundle).__name__}")
    if recorded:
        bundle.reference = json.loads((directory / REFERENCE_FILE).read_text("utf-8"))
    return bundle
