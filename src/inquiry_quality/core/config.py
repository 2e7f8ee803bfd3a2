"""Typed parameters loaded from ``params.yaml``.

Each top-level section of ``params.yaml`` is one stage (stage name = section = script name)
and maps to one frozen dataclass here. Unknown keys are an error that names the key, so a typo
in ``dvc exp run -S train.c=0.3`` fails loudly instead of being ignored.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml

T = TypeVar("T")


class ConfigError(ValueError):
    """A parameter file that does not match the expected structure."""


def _convert(value: Any, annotation: Any, where: str) -> Any:
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        inner = [a for a in args if a is not type(None)]
        return _convert(value, inner[0], where)
    if dataclasses.is_dataclass(annotation):
        if not isinstance(value, Mapping):
            raise ConfigError(f"{where}: expected a mapping, got {value!r}")
        return from_mapping(annotation, value, where)
    if origin in (list, tuple):
        if not isinstance(value, list | tuple):
            raise ConfigError(f"{where}: expected a list, got {value!r}")
        item = args[0] if args else Any
        items = [_convert(v, item, f"{where}[{i}]") for i, v in enumerate(value)]
        return tuple(items) if origin is tuple else items
    if origin is dict or annotation is dict:
        if not isinstance(value, Mapping):
            raise ConfigError(f"{where}: expected a mapping, got {value!r}")
        return dict(value)
    if annotation is float and isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if annotation in (int, str, bool) and not isinstance(value, annotation):
        if annotation is int and isinstance(value, bool):
            raise ConfigError(f"{where}: expected an integer, got {value!r}")
        raise ConfigError(f"{where}: expected {annotation.__name__}, got {value!r}")
    return value


def from_mapping(cls: type[T], data: Mapping[str, Any], where: str) -> T:
    """Build dataclass ``cls`` from ``data``, rejecting unknown keys and wrong types."""
    hints = typing.get_type_hints(cls)
    names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    unknown = sorted(set(data) - names)
    if unknown:
        raise ConfigError(f"{where}: unknown parameter(s) {', '.join(unknown)}")
    kwargs = {k: _convert(v, hints[k], f"{where}.{k}") for k, v in data.items()}
    try:
        return cls(**kwargs)
    except TypeError as exc:  # a required key is missing
        raise ConfigError(f"{where}: {exc}") from exc


@dataclass(frozen=True)
class GenerateParams:
    """The embedded default data set (see docs/synthetic-data.md)."""

    seed: int = 42
    n_inquiries: int = 20000
    n_new: int = 2000
    start_date: str = "2024-11-01"
    months: int = 24
    label_noise: float = 0.02
    non_english_share: float = 0.10


@dataclass(frozen=True)
class SourceParams:
    """One input file or folder of ``ingest`` (inquiries or outcomes); paths from the repo root.

    ``mapping`` renames source columns to canonical ones (``{"Inquiry No.": "inquiry_id"}``);
    ``values`` maps raw values per source column (``{"Source": {"Website Form": "web_form"}}``).
    """

    path: str
    format: str | None = None  # csv, xlsx, jsonl, parquet, eml, mbox, folders; else inferred
    channel: str | None = None  # channel for rows whose mapping gives none
    mapping: dict[str, str] = field(default_factory=dict)
    values: dict[str, dict[str, Any]] = field(default_factory=dict)
    timezone: str = "UTC"  # zone of timestamps written without an offset
    encoding: str | None = None  # CSV only; sniffed when null
    delimiter: str | None = None  # CSV only; sniffed when null
    columns: list[str] = field(default_factory=list)  # CSV only: names for a file with no header
    sheet: str | None = None  # xlsx only; the first sheet when null
    pattern: str = "**/*"  # eml folders: which files are messages
    exclude: list[str] = field(default_factory=lambda: ["*.csv", ".*"])  # file or folder names
    join_on: str = "inquiry_id"  # outcomes only: inquiry_id, message_id or path


@dataclass(frozen=True)
class IngestParams:
    """Inquiry sources, their outcomes and the checks of the ``ingest`` stage."""

    sources: list[SourceParams] = field(default_factory=list)
    outcomes: list[SourceParams] = field(default_factory=list)
    snapshot_date: str | None = None  # YYYY-MM-DD; null: the newest received_at of the sources
    label_maturity_days: int = 90
    chunk_rows: int = 5000
    max_message_bytes: int = 30_000_000
    max_body_chars: int = 50_000
    extra_numeric: list[str] = field(default_factory=list)
    extra_categorical: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class SplitParams:
    """How ``train`` holds out its test part (``evaluate`` recomputes the same split)."""

    method: str = "time"  # time: the newest test_fraction tests; stratified: random by label
    test_fraction: float = 0.2
    seed: int = 42  # stratified only


@dataclass(frozen=True)
class ThresholdParams:
    """Operating thresholds, stored with the model: precision/recall and confusion at these."""

    genuine: float = 0.5  # on p_genuine
    convert: float = 0.15  # on p_convert


@dataclass(frozen=True)
class TrainParams:
    """The three heads' pipelines; each hyperparameter maps to one ``set_params`` path.

    The table ``modeling.pipeline.HYPERPARAMETERS`` says which pipeline parameter each key
    sets and for which ``model``; keys of the other model are kept but have no effect.
    """

    model: str = "logreg"  # logreg | svm (linear SVM) | hgb
    split: SplitParams = field(default_factory=SplitParams)
    thresholds: ThresholdParams = field(default_factory=ThresholdParams)
    seed: int = 42
    min_rows: int = 50  # a head with fewer labelled rows (or one class only) is skipped
    calibration: str = "sigmoid"  # sigmoid | isotonic
    cv: int = 3  # calibration folds, inside the training part
    # true: one classifier per calibration fold, averaged (each fitted on (cv-1)/cv of the rows);
    # false: one classifier fitted on every row, calibrated on its cross-validated scores
    calibration_ensemble: bool = True
    # logreg, svm
    C: float = 0.3
    max_iter: int = 2000
    class_weight: str | None = None
    order_C: float | None = None  # the order head's C (null: C)
    genuine_subtypes: bool = False  # genuine head: multinomial over genuine + each junk type
    # hgb
    learning_rate: float = 0.1
    hgb_max_iter: int = 200
    n_iter_no_change: int = 10  # early stopping on a 10% validation split
    max_leaf_nodes: int = 31
    l2_regularization: float = 0.0
    svd_components: int = 50  # text n-grams -> this many SVD components for hgb
    # inputs
    min_frequency: int = 5  # categories seen fewer times are grouped as "infrequent"
    word_ngrams: tuple[int, ...] = (1, 2)
    word_max_features: int = 10000
    char_ngrams: tuple[int, ...] = (4, 4)
    char_max_features: int = 0  # 0: no character n-grams
    min_df: int = 3
    numeric_scaling: str = "standard"  # standard | log_max_abs (see scaling.py)
    # multiplies the scaled numeric and one-hot columns beside the text n-grams (model.py)
    structured_weight: float = 1.0
    # words in this many training texts are the typo lexicon (features/typos.py); null: none
    typo_frequent_df: int | None = None


@dataclass(frozen=True)
class EvaluateParams:
    """Metrics of the ``evaluate`` stage and the champion gate."""

    primary_metric: str = "genuine.roc_auc"  # the gate compares candidate and champion on it
    ece_bins: int = 10
    capture_fractions: tuple[float, ...] = (0.1, 0.2)
    min_slice_rows: int = 30  # smaller regions/channels get counts only
    # junk recall where this share of genuine inquiries is flagged (see operating_points.py)
    recall_at_fpr: tuple[float, ...] = ()
    slices: list[str] = field(default_factory=list)  # more slices: columns, or "folder"
    experiment_name: str = "inquiry-quality"  # MLflow experiment of the runs
    registered_model: str = "inquiry-quality"  # MLflow registered model name


@dataclass(frozen=True)
class AblationParams:
    """Which input groups ``ablation`` compares (see ``inquiry_quality.evaluation.ablation``)."""

    variants: list[str] = field(default_factory=lambda: ["baseline", "text", "structured", "both"])
    extra_split_seeds: list[int] = field(default_factory=list)  # stratified splits to repeat on


@dataclass(frozen=True)
class FeaturizeParams:
    """Feature extraction (see docs/features.md); the catalogue path is a stage argument."""

    spacy_model: str | None = None  # installed pipeline name; None: spacy.blank("en")
    batch_size: int = 256
    languages: list[str] = field(default_factory=list)  # empty: the package's default list
    # the n-gram text without mailing-list subject tags and footers (features/listmail.py)
    strip_list_artefacts: bool = False
    keep_link_hosts: bool = False  # the n-gram text keeps each link's host after its URL token


@dataclass(frozen=True)
class ScoreParams:
    """Tiers, actions and explanations of ``score`` (see the README, "Score a batch")."""

    sources: list[SourceParams] = field(default_factory=list)  # the batch, as ingest.sources
    outcomes: list[SourceParams] = field(default_factory=list)  # optional: how tiers did
    genuine_threshold: float | None = None  # null: the model's train.thresholds.genuine
    convert_threshold: float | None = None  # null: the model's train.thresholds.convert
    discard_below: float = 0.2  # p_genuine below this: discard
    daily_capacity: int | None = None  # quote-now slots per day (top p_convert); null: no cap
    quote_min_completeness: float = 0.4  # quote now only with this share of the details
    risk_threshold: float = 0.2  # P(scam or phishing) above this: at best "verify identity"
    guard_threshold: float = 0.2  # P(price fishing) above this: a guarded quote
    top_reasons: int = 3  # reasons for and against each
    min_contribution: float = 0.05  # |log-odds| below this is not a reason
    chunk_rows: int = 2000


@dataclass(frozen=True)
class Params:
    """All sections of params.yaml; a stage reads only its own section(s)."""

    generate: GenerateParams = field(default_factory=GenerateParams)
    ingest: IngestParams = field(default_factory=IngestParams)
    featurize: FeaturizeParams = field(default_factory=FeaturizeParams)
    train: TrainParams = field(default_factory=TrainParams)
    evaluate: EvaluateParams = field(default_factory=EvaluateParams)
    score: ScoreParams = field(default_factory=ScoreParams)
    ablation: AblationParams = field(default_factory=AblationParams)
    extra: dict[str, Any] = field(default_factory=dict)


def load_params(path: str | Path = "params.yaml") -> Params:
    """Read ``path`` and return typed parameters; sections not modelled yet go to ``extra``."""
    path = Path(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except FileNotFoundError as exc:
        raise ConfigError(f"{path}: parameter file not found") from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(raw, Mapping):
        raise ConfigError(f"{path}: expected a mapping of sections")
    known = {f.name for f in dataclasses.fields(Params)} - {"extra"}
    sections = {k: v for k, v in raw.items() if k in known}
    params = from_mapping(Params, sections, str(path))
    return dataclasses.replace(params, extra={k: v for k, v in raw.items() if k not in known})
