"""The exported scoring function: probabilities, tier and action, reasons, follow-ups.

``Scorer(load_model_dir(path))`` (or ``inquiry_quality.load_scorer(path or URI)``) gives a
scorer whose ``score(df)`` returns one row per inquiry with ``schema.OUTPUT_COLUMNS``;
``score_sources`` scores files to a file in chunks, as ``BatchOptions`` say (the CLI and the
``score`` stage use it).

The names below are imported from their modules on first use, so that importing one light
module of this package (``scoring.outputs``: the CLI checks its paths with it) does not load
the model's stack (~2 s): a mistyped path is refused at once.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # for type checkers; at run time ``__getattr__`` imports them
    from inquiry_quality.scoring.batch import score_sources, source_for
    from inquiry_quality.scoring.loading import load_model_dir
    from inquiry_quality.scoring.model_location import ModelNotFoundError
    from inquiry_quality.scoring.options import BatchOptions
    from inquiry_quality.scoring.scorer import LIST_COLUMNS, LIST_SEP, Scorer, flatten_lists
    from inquiry_quality.scoring.summary import BatchSummary, format_summary
    from inquiry_quality.scoring.tiers import TIERS

#: each exported name -> the module of this package that defines it
_MODULES = {
    "score_sources": "batch",
    "source_for": "batch",
    "ModelNotFoundError": "model_location",
    "load_model_dir": "loading",
    "BatchOptions": "options",
    "LIST_COLUMNS": "scorer",
    "LIST_SEP": "scorer",
    "Scorer": "scorer",
    "flatten_lists": "scorer",
    "BatchSummary": "summary",
    "format_summary": "summary",
    "TIERS": "tiers",
}

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


def __getattr__(name: str) -> object:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
