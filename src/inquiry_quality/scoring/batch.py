"""Batch scoring, file to file: every source read by the ingest readers, chunk by chunk.

Rows the readers cannot use go to the quarantine file with their source position and reason;
the summary counts reconcile (rows in = scored + quarantined). Dates in the future are not a
reason to quarantine here: scoring does not learn from dates. With a daily capacity, the
quote-now ranking needs the whole batch, so rows are first written to a temporary Parquet file
and the capacity applied in a second streaming pass.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow.parquet as pq
from tqdm import tqdm

from inquiry_quality.core import schema
from inquiry_quality.core.config import IngestParams, SourceParams
from inquiry_quality.evaluation.drift import drift_report
from inquiry_quality.evaluation.profile import Layout, Profile
from inquiry_quality.ingest import SourceReader, read_inquiries
from inquiry_quality.ingest.outcomes import Outcomes
from inquiry_quality.scoring.engines.local import scored_chunks
from inquiry_quality.scoring.monitor import layout_of
from inquiry_quality.scoring.scorer import Scorer
from inquiry_quality.scoring.summary import BatchSummary, TierOutcomes
from inquiry_quality.scoring.tiers import (
    ASK_FOR_DETAILS,
    OVER_CAPACITY_ACTION,
    QUOTE_NOW,
    daily_overflow,
    day_keys,
)
from inquiry_quality.scoring.writers import QuarantineWriter, ScoredWriter

#: scoring reads inquiries of any date (``read_inquiries`` quarantines future ones by default)
ANY_DATE = pd.Timestamp.max.tz_localize("UTC")


def source_for(path: Path, configured: Sequence[SourceParams]) -> SourceParams:
    """How to read ``path``: a configured source with the same path, else one with the same
    file name (another export of the same system), else canonical columns as they are."""
    resolved = path.resolve()
    for spec in configured:
        if Path(spec.path).resolve() == resolved:
            return spec.model_copy(update={"path": str(path)})
    for spec in configured:
        if Path(spec.path).name == path.name and not path.is_dir():
            return spec.model_copy(update={"path": str(path)})
    return SourceParams(path=str(path))


def default_quarantine_path(out: Path) -> Path:
    """``<out name>.quarantine.csv`` beside the output."""
    return out.with_name(out.name.split(".")[0] + ".quarantine.csv")


class _Ledger:
    """Per scored row: ``p_convert``, whether quote-now, the day; for the daily capacity."""

    def __init__(self) -> None:
        self.p_convert: list[np.ndarray] = []
        self.quote: list[np.ndarray] = []
        self.days: list[np.ndarray] = []

    def add(self, scored: pd.DataFrame, received: pd.Series) -> None:
        self.p_convert.append(scored[schema.P_CONVERT].to_numpy(float))
        self.quote.append((scored[schema.TIER] == QUOTE_NOW).to_numpy())
        self.days.append(day_keys(received, len(received)))

    def overflow(self, capacity: int) -> np.ndarray:
        if not self.quote:
            return np.zeros(0, dtype=bool)
        return daily_overflow(
            np.concatenate(self.quote),
            np.concatenate(self.p_convert),
            np.concatenate(self.days),
            capacity,
        )


def _score_source(
    scorer: Scorer,
    reader: SourceReader,
    writer: ScoredWriter,
    bad: QuarantineWriter,
    summary: BatchSummary,
    ledger: _Ledger | None,
    outcomes: list[Outcomes],
    bar: tqdm,
    jobs: int,
    layout: Layout | None,
) -> Profile:
    scored_here, quarantined_here = 0, 0
    profile = Profile()
    for chunk, scored, chunk_profile in scored_chunks(scorer, reader, jobs, layout):
        if chunk_profile is not None:
            profile += chunk_profile
        if scored is not None:
            writer.write(scored)
            summary.add_scored(scored)
            if summary.outcomes is not None:
                summary.outcomes.add(scored, outcomes)
            if ledger is not None:
                ledger.add(scored, chunk.table[schema.RECEIVED_AT])
            scored_here += len(scored)
        bad.write(chunk.quarantine)
        summary.add_quarantine(chunk.quarantine)
        quarantined_here += len(chunk.quarantine)
        bar.update(len(chunk.table) + len(chunk.quarantine))
    summary.rows_in += reader.rows_read
    summary.sources.append(
        {
            "source": reader.spec.path,
            "format": reader.format,
            "rows_read": reader.rows_read,
            "scored": scored_here,
            "quarantined": quarantined_here,
        }
    )
    return profile


def score_sources(
    scorer: Scorer,
    sources: Sequence[SourceParams],
    out: Path,
    quarantine: Path,
    *,
    fmt: str | None = None,
    root: Path = Path("."),
    extra_numeric: Sequence[str] = (),
    extra_categorical: Sequence[str] = (),
    outcomes: list[Outcomes] | None = None,
    progress: bool = False,
    keep_empty_quarantine: bool = True,
    jobs: int = 1,
    drift: bool = False,
) -> BatchSummary:
    """Score every source into ``out`` (csv, parquet or jsonl) and ``quarantine`` (csv).

    ``outcomes`` (optional) add how each tier did to the summary; ``jobs`` > 1 scores chunks
    in that many worker processes; with ``drift`` the summary holds the batch's drift report
    against the model's training reference (``evaluation.drift``). Raises ``IngestError``
    naming the source when one is missing or unreadable.
    """
    params = IngestParams(
        chunk_rows=scorer.params.chunk_rows,
        extra_numeric=list(extra_numeric),
        extra_categorical=list(extra_categorical),
    )
    summary = BatchSummary(outcomes=TierOutcomes() if outcomes else None)
    capacity = scorer.rules.daily_capacity
    ledger = None if capacity is None else _Ledger()
    layout = layout_of(scorer.bundle) if drift else None
    profile = Profile()
    first = scorer
    target = out
    if capacity is not None:
        first = Scorer(scorer.bundle, scorer.params.model_copy(update={"daily_capacity": None}))
        target = out.with_name(out.name + ".unranked.parquet")
    with (
        ScoredWriter(target, fmt if capacity is None else "parquet") as writer,
        QuarantineWriter(quarantine, keep_empty_quarantine) as bad,
        tqdm(unit=" inquiries", disable=not progress, file=sys.stderr, delay=0.5) as bar,
    ):
        for spec in sources:
            reader = read_inquiries(spec, params, root, ANY_DATE)
            profile += _score_source(
                first, reader, writer, bad, summary, ledger, outcomes or [], bar, jobs, layout
            )
    if ledger is not None and capacity is not None:
        _apply_capacity(target, out, fmt, ledger.overflow(capacity), params.chunk_rows, summary)
    if drift:
        summary.drift = drift_report(scorer.bundle.reference, profile, scorer.params.drift)
    return summary


def _apply_capacity(
    unranked: Path,
    out: Path,
    fmt: str | None,
    overflow: np.ndarray,
    chunk_rows: int,
    summary: BatchSummary,
) -> None:
    """Second pass: quote-now rows beyond the day's capacity become "ask for details"."""
    demoted = int(overflow.sum())
    summary.tiers[QUOTE_NOW] -= demoted
    summary.tiers[ASK_FOR_DETAILS] += demoted
    start = 0
    try:
        with ScoredWriter(out, fmt) as writer:
            for batch in pq.ParquetFile(unranked).iter_batches(batch_size=chunk_rows):
                frame = batch.to_pandas()
                over = overflow[start : start + len(frame)]
                frame.loc[over, schema.TIER] = ASK_FOR_DETAILS
                frame.loc[over, schema.ACTION] = OVER_CAPACITY_ACTION
                for column in (schema.REASONS, schema.MISSING_DETAILS, schema.FOLLOW_UP_QUESTIONS):
                    frame[column] = [list(v) for v in frame[column]]
                writer.write(frame)
                start += len(frame)
    finally:
        unranked.unlink(missing_ok=True)
