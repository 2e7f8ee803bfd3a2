"""The exported scoring function: probabilities, tier and action, reasons, follow-ups.

``load_scorer(path or "models:/inquiry-quality@champion")`` gives a ``Scorer`` whose
``score(df)`` returns one row per inquiry with ``schema.OUTPUT_COLUMNS``; ``score_sources``
scores files to a file in chunks (the CLI and the ``score`` stage use it).
"""

from inquiry_quality.scoring.batch import score_sources, source_for
from inquiry_quality.scoring.loading import load_scorer, resolve_bundle
from inquiry_quality.scoring.scorer import LIST_COLUMNS, LIST_SEP, Scorer, flatten_lists
from inquiry_quality.scoring.summary import BatchSummary, format_summary
from inquiry_quality.scoring.tiers import TIERS

__all__ = [
    "LIST_COLUMNS",
    "LIST_SEP",
    "TIERS",
    "BatchSummary",
    "Scorer",
    "flatten_lists",
    "format_summary",
    "load_scorer",
    "resolve_bundle",
    "score_sources",
    "source_for",
]
