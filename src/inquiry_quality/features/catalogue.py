"""The exporter's catalogue as terms to look for in inquiries."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

CATALOGUE_COLUMNS = ("model_no", "product", "category")
MODEL_NUMBER = re.compile(
    r"\b(?=[\w-]*\d)(?=[\w-]*[A-Za-z])[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+\b|\b[A-Z]{2,}\d{3,}[A-Z0-9]*\b"
)

Catalogue = pd.DataFrame | Sequence[str] | None


def read_catalogue(path: str | Path) -> pd.DataFrame:
    """``catalogue.csv`` with at least ``model_no``, ``product`` and ``category``."""
    path = Path(path)
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    except FileNotFoundError as exc:
        raise FileNotFoundError(f"{path}: catalogue file not found") from exc
    missing = [c for c in CATALOGUE_COLUMNS if c not in frame.columns]
    if missing:
        raise ValueError(f"{path}: catalogue lacks column(s) {', '.join(missing)}")
    return frame


def catalogue_terms(catalogue: Catalogue) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(model numbers, lower-cased product terms) of a catalogue frame or a list of terms.

    From a frame: ``model_no`` gives model numbers; ``product`` and ``category`` give product
    terms (categories also in the plural). From a list: terms shaped like model numbers
    (letters and digits joined by hyphens) are model numbers, the rest product terms.
    """
    if catalogue is None:
        return (), ()
    if isinstance(catalogue, pd.DataFrame):

        def column(name: str) -> list[str]:
            if name not in catalogue.columns:
                return []
            return [v.strip() for v in catalogue[name].dropna().astype(str) if v.strip()]

        categories = column("category")
        models = set(column("model_no"))
        products = {*column("product"), *categories, *(f"{c}s" for c in categories)}
    else:
        terms = {str(t).strip() for t in catalogue if str(t).strip()}
        models = {t for t in terms if MODEL_NUMBER.fullmatch(t)}
        products = terms - models
    return tuple(sorted(models)), tuple(sorted({p.lower() for p in products}))
