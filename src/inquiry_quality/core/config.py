"""Typed parameters loaded from ``params.yaml``, validated by pydantic.

Each top-level section of ``params.yaml`` is one stage (stage name = section = script name)
and maps to one frozen model here. The code defaults are the values of the default
``params.yaml`` (a test compares them), so a parameter file may leave a key out and mean the
default. Unknown keys at any level are an error naming the key's full path, so a typo in
``dvc exp run -S train.logreg.c=0.3`` fails loudly instead of being ignored.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

#: libyaml's loader where PyYAML was built with it (~10x faster than the pure-Python one: a
#: scoring run reads dvc.lock to verify its model)
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(text: str) -> Any:
    """``yaml.safe_load`` of ``text``, with libyaml when available (the same result)."""
    return yaml.load(text, Loader=_YAML_LOADER)


class ConfigError(ValueError):
    """A parameter file that does not match the expected structure."""


class Section(BaseModel):
    """A block of parameters: frozen, strict about unknown keys, typed."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class GenerateParams(Section):
    """The embedded default data set (see docs/synthetic-data.md)."""

    seed: int = 42
    n_inquiries: int = 20000
    n_new: int = 2000
    start_date: str = "2024-11-01"
    months: int = 24
    label_noise: float = 0.02
    non_english_share: float = 0.30


class SourceParams(Section):
    """One input file or folder of ``ingest`` (inquiries or outcomes); paths from the repo root.

    ``mapping`` renames source columns to canonical ones (``{"Inquiry No.": "inquiry_id"}``);
    ``values`` maps raw values per source column (``{"Source": {"Website Form": "web_form"}}``).
    """

    path: str
    format: str | None = None  # csv, xlsx, jsonl, parquet, eml, mbox, folders; else inferred
    channel: str | None = None  # channel for rows whose mapping gives none
    mapping: dict[str, str] = Field(default_factory=dict)
    values: dict[str, dict[Any, Any]] = Field(default_factory=dict)
    timezone: str = "UTC"  # zone of timestamps written without an offset
    encoding: str | None = None  # CSV only; sniffed when null
    delimiter: str | None = None  # CSV only; sniffed when null
    columns: list[str] = Field(default_factory=list)  # CSV only: names for a header-less file
    sheet: str | None = None  # xlsx only; the first sheet when null
    pattern: str = "**/*"  # eml folders: which files are messages
    exclude: list[str] = Field(default_factory=lambda: ["*.csv", ".*"])  # file or folder names
    join_on: str = "inquiry_id"  # outcomes only: inquiry_id, message_id or path
    # ingest.sources only: keep only the rows an outcome source labels (the day's scored
    # batch, whose rows the reps marked on the page, without its unmarked rows)
    labelled_only: bool = False


class IngestParams(Section):
    """Inquiry sources, their outcomes and the checks of the ``ingest`` stage."""

    sources: list[SourceParams] = Field(default_factory=list)
    outcomes: list[SourceParams] = Field(default_factory=list)
    snapshot_date: str | None = None  # YYYY-MM-DD; null: the newest received_at of the sources
    label_maturity_days: int = 90
    chunk_rows: int = 5000
    max_message_bytes: int = 30_000_000
    max_body_chars: int = 50_000
    extra_numeric: list[str] = Field(default_factory=list)
    extra_categorical: list[str] = Field(default_factory=list)


class ReferenceParams(Section):
    """The training reference stored with the model, for drift checks (evaluation/profile.py)."""

    bins: int = 10  # a number's bins: at its training deciles (ties merged)
    max_categories: int = 20  # a category's most frequent labels; the rest count as "other"
    min_rows: int = 10  # a label fewer training rows share is "other" (no rare value is kept)


class SplitParams(Section):
    """How ``train`` holds out its test part (``evaluate`` recomputes the same split)."""

    method: Literal["time", "stratified"] = "time"
    test_fraction: float = Field(0.2, gt=0.0, lt=1.0)
    seed: int = 42  # stratified only


class ThresholdParams(Section):
    """Operating thresholds, stored with the model: precision/recall and confusion at these."""

    genuine: float = 0.5  # on p_genuine
    convert: float = 0.15  # on p_convert
    existing: float = 0.5  # on p_existing_customer: routed to the account owner


class LinearParams(Section):
    """A linear classifier's settings (``logreg``, ``svm``)."""

    C: float = 0.3
    max_iter: int = 2000
    class_weight: Literal["balanced"] | None = None
    order_C: float | None = 0.01  # the order head's C (null: C)
    # multiplies the scaled numeric and one-hot columns beside the text (modeling/pipeline.py)
    structured_weight: float = 0.3


class LogregParams(LinearParams):
    """Logistic regression."""

    genuine_subtypes: bool = True  # genuine head: multinomial over genuine + each junk type


class HgbParams(Section):
    """Histogram gradient boosting over dense columns, the text reduced by a TruncatedSVD."""

    learning_rate: float = 0.1
    max_iter: int = 200
    n_iter_no_change: int = 10  # early stopping on a 10% validation split
    max_leaf_nodes: int = 31
    l2_regularization: float = 0.0
    class_weight: Literal["balanced"] | None = None
    svd_components: int = 50  # text n-grams -> this many SVD components


class TrainParams(Section):
    """The three heads' pipelines: shared settings, then one section per model type.

    Only the section of ``model`` is used; ``modeling.pipeline.HYPERPARAMETERS`` says which
    pipeline parameter each key sets.
    """

    model: Literal["logreg", "svm", "hgb"] = "logreg"
    split: SplitParams = Field(default_factory=SplitParams)
    thresholds: ThresholdParams = Field(default_factory=ThresholdParams)
    seed: int = 42
    min_rows: int = 50  # a head with fewer labelled rows (or one class only) is skipped
    calibration: Literal["sigmoid", "isotonic"] = "sigmoid"
    cv: int = 3  # calibration folds, inside the training part
    # true: one classifier per calibration fold, averaged (each fitted on (cv-1)/cv of the rows);
    # false: one classifier fitted on every row, calibrated on its cross-validated scores
    calibration_ensemble: bool = True
    min_frequency: int = 5  # categories seen fewer times are grouped as "infrequent"
    word_ngrams: tuple[int, int] = (1, 2)
    word_max_features: int = 10000
    char_ngrams: tuple[int, int] = (4, 4)
    char_max_features: int = 0  # 0: no character n-grams
    min_df: int = 3
    numeric_scaling: Literal["standard", "log_max_abs"] = "standard"
    # words in this many training texts are the typo lexicon (modeling/typos.py); null: none
    typo_frequent_df: int | None = 50
    reference: ReferenceParams = Field(default_factory=ReferenceParams)
    logreg: LogregParams = Field(default_factory=LogregParams)
    svm: LinearParams = Field(default_factory=LinearParams)
    hgb: HgbParams = Field(default_factory=HgbParams)

    @property
    def structured_weight(self) -> float:
        """The chosen linear model's weight on the structured columns (trees: 1)."""
        chosen = getattr(self, self.model)
        return chosen.structured_weight if isinstance(chosen, LinearParams) else 1.0


class EvaluateParams(Section):
    """Metrics of the ``evaluate`` stage."""

    ece_bins: int = 10
    capture_fractions: tuple[float, ...] = (0.1, 0.2)
    min_slice_rows: int = 30  # smaller regions/channels get counts only
    # junk recall where this share of genuine inquiries is flagged (operating_points.py)
    recall_at_fpr: tuple[float, ...] = (0.01,)
    slices: list[str] = Field(default_factory=list)  # more slices: columns, or "folder"


class RegisterParams(Section):
    """The MLflow run, the registry and the champion gate of the ``register`` stage."""

    primary_metric: str = "genuine.roc_auc"  # the gate compares candidate and champion on it
    experiment_name: str = "inquiry-quality"  # MLflow experiment of the runs
    registered_model: str = "inquiry-quality"  # MLflow registered model name


class AblationParams(Section):
    """Which input groups ``ablation`` compares (see ``evaluation.ablation``)."""

    variants: list[str] = Field(default_factory=lambda: ["baseline", "text", "structured", "both"])
    extra_split_seeds: list[int] = Field(default_factory=list)  # stratified splits to repeat on


class FeaturizeParams(Section):
    """Feature extraction (see docs/features.md); the catalogue path is a stage argument."""

    spacy_model: str | None = None  # installed pipeline name; None: spacy.blank("en")
    batch_size: int = 256
    languages: list[str] = Field(default_factory=list)  # empty: the package's default list
    # the n-gram text without mailing-list subject tags and footers (features/listmail.py)
    strip_list_artefacts: bool = False
    keep_link_hosts: bool = False  # the n-gram text keeps each link's host after its URL token
    engine: Literal["local", "dask"] = "local"  # dask: partitions on a Dask cluster
    scheduler: str | None = None  # dask: tcp://HOST:8786; None: a local cluster, one worker a core
    partition_rows: int = 20_000  # dask: inquiries per partition
    # regexes of our own quotation / PI / order numbers (features/thread.py)
    document_patterns: list[str] = Field(default_factory=list)
    known_parties: str | None = None  # CRM contacts export (CSV: company, domains, emails, phone)
    own_domains: list[str] = Field(default_factory=list)  # our e-mail domains (look-alikes)
    sent_messages: str | None = None  # file of the Message-IDs we sent (replies to our mail)


class DriftParams(Section):
    """When a scored batch is at "watch" or "drift" against the training reference
    (evaluation/drift.py); a measure counts only where the difference is significant."""

    psi_watch: float = 0.1  # population stability index of a feature or score
    psi_drift: float = 0.25
    ks_watch: float = 0.1  # Kolmogorov-Smirnov distance of a number's distributions
    ks_drift: float = 0.2
    blank_watch: float = 0.1  # rise in the share of blanks (0.1: 10 percentage points)
    blank_drift: float = 0.3
    reason_change: float = 0.1  # change in the share of inquiries given a reason: watch
    alpha: float = 0.01  # significance, over all columns compared (Bonferroni)
    mix: list[str] = Field(default_factory=lambda: ["language", "region", "channel"])
    top: int = 3  # columns the summary names


class FollowUpParams(Section):
    """The follow-up mail (scoring/followups.py): what it may ask and how it is signed."""

    ask_fax: bool = False  # ask for a fax number when the inquiry gives none
    signature: list[str] = Field(  # the exporter's signature block, one line each
        default_factory=lambda: [
            "Sales Department",
            "Ningbo Brightway Lighting Co., Ltd.",
            "sales@ningbo-led.cn",
        ]
    )


class ScoreParams(Section):
    """Tiers, actions and explanations of ``score`` (see docs/scoring.md)."""

    sources: list[SourceParams] = Field(default_factory=list)  # the batch, as ingest.sources
    outcomes: list[SourceParams] = Field(default_factory=list)  # optional: how tiers did
    genuine_threshold: float | None = None  # null: the model's train.thresholds.genuine
    convert_threshold: float | None = None  # null: the model's train.thresholds.convert
    discard_below: float = 0.2  # p_genuine below this: discard
    daily_capacity: int | None = None  # quote-now slots per day (top p_convert); null: no cap
    quote_min_completeness: float = 0.4  # quote now only with this share of the details
    risk_threshold: float = 0.2  # P(scam or phishing) above this: at best "verify identity"
    guard_threshold: float = 0.2  # P(price fishing) above this: a guarded quote
    existing_threshold: float | None = None  # null: the model's train.thresholds.existing
    payment_threshold: float = 0.2  # P(payment fraud) from here up: "verify payment"
    # today's CRM contacts export (as featurize.known_parties), so customers added since
    # training are known; null: the export the model was trained with
    known_parties: str | None = None
    top_reasons: int = 3  # reasons for and against each
    min_contribution: float = 0.05  # |log-odds| below this is not a reason
    chunk_rows: int = 2000
    follow_up: FollowUpParams = Field(default_factory=FollowUpParams)
    drift: DriftParams = Field(default_factory=DriftParams)


class MarksParams(Section):
    """``marks``: the reps' outcome marks (``inquiry-quality serve``) and their export."""

    database: str = "data/live/marks.sqlite"  # the live SQLite file the page writes
    last_event: str = "data/marks/last_event"  # rewritten on each mark; stage marks' signal
    min_per_class: int = 20  # genuine and junk marks each, before a retrain uses any


with warnings.catch_warnings():
    # ``register`` is also ABCMeta's class method; an instance's field is what stages read
    warnings.filterwarnings("ignore", message='Field name "register"', category=UserWarning)

    class Params(Section):
        """All sections of params.yaml; a stage reads only its own section(s)."""

        generate: GenerateParams = Field(default_factory=GenerateParams)
        ingest: IngestParams = Field(default_factory=IngestParams)
        featurize: FeaturizeParams = Field(default_factory=FeaturizeParams)
        train: TrainParams = Field(default_factory=TrainParams)
        evaluate: EvaluateParams = Field(default_factory=EvaluateParams)
        register: RegisterParams = Field(default_factory=RegisterParams)
        score: ScoreParams = Field(default_factory=ScoreParams)
        ablation: AblationParams = Field(default_factory=AblationParams)
        marks: MarksParams = Field(default_factory=MarksParams)


def _describe(error: dict[str, Any]) -> str:
    where = ".".join(str(part) for part in error["loc"])
    if error["type"] == "extra_forbidden":
        return f"{where}: unknown parameter"
    return f"{where}: {error['msg']} (got {error.get('input')!r})"


def parse_params(raw: Any, where: str) -> Params:
    """``Params`` from a parsed parameter mapping; errors name each key's full path."""
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: expected a mapping of sections")
    try:
        return Params.model_validate(raw)
    except ValidationError as exc:
        problems = "; ".join(_describe(e) for e in exc.errors())
        raise ConfigError(f"{where}: {problems}") from None


def load_params(path: str | Path = "params.yaml") -> Params:
    """Read and validate ``path``; a missing key takes its default."""
    path = Path(path)
    try:
        raw = read_yaml(path.read_text(encoding="utf-8")) or {}
    except FileNotFoundError as exc:
        raise ConfigError(f"{path}: parameter file not found") from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML: {exc}") from exc
    return parse_params(raw, str(path))
