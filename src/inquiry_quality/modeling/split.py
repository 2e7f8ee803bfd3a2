"""The train/test split shared by ``train`` and ``evaluate``.

``time`` (the default): the newest ``test_fraction`` of inquiries by ``received_at`` is the test
part, so the model is judged on a later period than it learnt from, as in use. ``stratified``:
a seeded random split stratified by ``is_genuine``, for corpora without meaningful dates. Each
inquiry's side follows from a seeded hash of its id, not from its position, so adding or
dropping a few inquiries (new mail, a parser fix) moves only those near the cut: a champion is
not re-scored on inquiries it learnt from.
The split is a pure function of the table and the parameters, so ``evaluate`` recomputes it and
checks it against the description stored in the model bundle.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from inquiry_quality.core import schema
from inquiry_quality.core.config import SplitParams
from inquiry_quality.core.times import iso_or_none


@dataclass(frozen=True)
class Split:
    """The two parts and a description that identifies the test period."""

    train: pd.DataFrame
    test: pd.DataFrame
    description: dict[str, Any]


def ids_digest(ids: pd.Series) -> str:
    """sha256 of the sorted inquiry ids: the identity of a test set."""
    joined = "\n".join(sorted(ids.astype(str)))
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()


def _seeded_hash(ids: pd.Series, seed: int) -> np.ndarray:
    """A 64-bit hash of each id, salted with ``seed``: a seeded random order that each id keeps."""
    return np.fromiter(
        (
            int.from_bytes(hashlib.blake2b(f"{seed}\0{i}".encode(), digest_size=8).digest(), "big")
            for i in ids.astype(str)
        ),
        dtype=np.uint64,
        count=len(ids),
    )


def _stratified_test_rows(table: pd.DataFrame, fraction: float, seed: int) -> np.ndarray:
    """Per label value (unlabelled rows are one more stratum), the ``fraction`` of its rows whose
    ids hash lowest."""
    strata = table[schema.IS_GENUINE].astype("string").fillna("unknown").to_numpy()
    order = _seeded_hash(table[schema.INQUIRY_ID], seed)
    in_test = np.zeros(len(table), dtype=bool)
    for stratum in np.unique(strata):
        rows = np.flatnonzero(strata == stratum)
        lowest = rows[np.argsort(order[rows], kind="stable")]
        in_test[lowest[: round(len(rows) * fraction)]] = True
    return in_test


def split_table(table: pd.DataFrame, cfg: SplitParams) -> Split:
    """Split ``table`` (one row per inquiry, with ``inquiry_id`` and ``received_at``)."""
    n_test = round(len(table) * cfg.test_fraction)
    if n_test < 1 or n_test >= len(table):
        raise ValueError(
            f"train.split: {len(table)} inquiries cannot give a test part of "
            f"{cfg.test_fraction:.0%} with rows on both sides"
        )
    if cfg.method == "time":
        undated = int(table[schema.RECEIVED_AT].isna().sum())
        if undated:
            raise ValueError(
                f"train.split.method: time needs received_at, and {undated} of {len(table)} "
                "inquiries have none; use method: stratified"
            )
        ordered = table.sort_values([schema.RECEIVED_AT, schema.INQUIRY_ID], kind="stable")
        train, test = ordered.iloc[:-n_test], ordered.iloc[-n_test:]
    else:
        in_test = _stratified_test_rows(table, cfg.test_fraction, cfg.seed)
        if in_test.all() or not in_test.any():
            raise ValueError(
                f"train.split: {len(table)} inquiries cannot give a stratified test part of "
                f"{cfg.test_fraction:.0%} with rows on both sides"
            )
        train, test = table[~in_test], table[in_test]
    received = pd.to_datetime(test[schema.RECEIVED_AT])
    description = {
        "method": cfg.method,
        "test_fraction": cfg.test_fraction,
        "seed": cfg.seed if cfg.method == "stratified" else None,
        "n_train": len(train),
        "n_test": len(test),
        "test_start": iso_or_none(received.min()),
        "test_end": iso_or_none(received.max()),
        "test_ids_sha256": ids_digest(test[schema.INQUIRY_ID]),
    }
    return Split(train.reset_index(drop=True), test.reset_index(drop=True), description)


def check_split(split: Split, recorded: dict[str, Any]) -> None:
    """Refuse to evaluate on a test part other than the one the model was trained beside."""
    digest = split.description["test_ids_sha256"]
    if digest != recorded.get("test_ids_sha256"):
        raise ValueError(
            "the test part differs from the one recorded in the model bundle "
            f"({split.description['n_test']} rows {split.description['test_start']}.."
            f"{split.description['test_end']} vs {recorded.get('n_test')} rows "
            f"{recorded.get('test_start')}..{recorded.get('test_end')}); "
            "retrain with the current feature table and train.split parameters"
        )
