"""The exported scoring function: probabilities, tier and action, reasons, follow-ups.

``Scorer(load_model_dir(path))`` (or ``inquiry_quality.load_scorer(path or URI)``) gives a
scorer whose ``score(df)`` returns one row per inquiry with ``schema.OUTPUT_COLUMNS``;
``score_sources`` scores files to a file in chunks, as ``BatchOptions`` say (the CLI and the
``score`` stage use it).
"""

from inquiry_quality.scoring.batch import score_sources, source_for
from inquiry_quality.scoring.loading import ModelNotFoundError, load_model_dir
from inquiry_quality.scoring.options import BatchOptions
from inquiry_quality.scoring.scorer import LIST_COLUMNS, LIST_SEP, Scorer, flatten_lists
from inquiry_quality.scoring.summary import BatchSummary, format_summary
from inquiry_quality.scoring.tiers import TIERS

__all__ = [
    "LIST_COLUMNS",
    "LIST_SEP",
    "TIERS",
    "BatchOptions",
    "BatchSummary",
    "ModelNotFoundError",
    "Scorer",
    "flatten_lists",
    "format_summary",
    "load_model_dir",
    "score_sources",
    "source_for",
]
