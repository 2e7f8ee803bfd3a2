"""Batch scoring, file to file: every source read by the ingest readers, chunk by chunk.

Rows the readers cannot use go to the quarantine file with their source position and reason;
the summary counts reconcile (rows in = scored + quarantined). Dates in the future are not a
reason to quarantine here: scoring does not learn from dates. With a daily capacity, the
quote-now ranking needs the whole batch, so rows are first written to a temporary Parquet file
and the capacity applied in a second streaming pass. With a drift check, each chunk is
profiled where it is scored and the profiles summed here into the batch's drift report.
"""

from __future__ import annotations

import contextlib
import dataclasses
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow.parquet as pq
from tqdm import tqdm

from inquiry_quality.core import schema
from inquiry_quality.core.config import SourceParams
from inquiry_quality.evaluation.drift import drift_report
from inquiry_quality.evaluation.profile import Profile
from inquiry_quality.ingest import infer_format, read_inquiries
from inquiry_quality.ingest.sources import MAIL_FORMATS
from inquiry_quality.scoring.engines.local import scored_chunks, scored_partitions
from inquiry_quality.scoring.engines.partitions import ANY_DATE, plan_partitions
from inquiry_quality.scoring.monitor import layout_of
from inquiry_quality.scoring.options import DEFAULT_OPTIONS, BatchOptions
from inquiry_quality.scoring.outputs import output_locks
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


@dataclass
class SourceCounts:
    """What one input file gave: rows read, scored and quarantined (summed over its parts)."""

    source: str
    format: str | None = None
    encoding: str | None = None  # of a text source (CSV, JSON Lines)
    rows_read: int = 0
    scored: int = 0
    quarantined: int = 0


class BatchRun:
    """The writing side of a scoring run, whatever engine scored the rows: scored rows and
    quarantine lines to their files in the order given, the summary and per-source counts, the
    daily capacity (a second pass on close) and, with ``options.drift``, the sum of the chunks'
    profiles compared on close with the model's training reference (``summary.drift``). Engines
    profile in ``layout`` (None: no drift check). Use as a context manager."""

    def __init__(
        self, scorer: Scorer, out: Path, quarantine: Path, options: BatchOptions = DEFAULT_OPTIONS
    ) -> None:
        self.out, self.fmt = out, options.fmt
        self.capacity = scorer.rules.daily_capacity
        #: the scorer an engine scores with: without the capacity, applied here on close
        self.scorer = scorer
        self._outcomes = list(options.outcomes)
        self.summary = BatchSummary(outcomes=TierOutcomes() if self._outcomes else None)
        self.chunk_rows = scorer.params.chunk_rows
        self._ledger = None if self.capacity is None else _Ledger()
        self._target = out
        if self.capacity is not None:
            self.scorer = scorer.uncapped()
            self._target = out.with_name(out.name + ".unranked.parquet")
        self._quarantine = quarantine
        self._writer = ScoredWriter(self._target, self.fmt if self.capacity is None else "parquet")
        self._bad = QuarantineWriter(quarantine, options.keep_empty_quarantine)
        self._bar = tqdm(
            unit=" inquiries", disable=not options.progress, file=sys.stderr, delay=0.5
        )
        self._sources: dict[str, SourceCounts] = {}
        self._locks = contextlib.ExitStack()
        self._stack = contextlib.ExitStack()
        self._drift = options.drift
        #: the bins engines profile scored rows in (None: no drift check, or no reference)
        self.layout = layout_of(scorer.bundle) if options.drift else None
        self._profile = Profile()

    def __enter__(self) -> BatchRun:
        self._locks.enter_context(output_locks([self.out, self._quarantine]))
        try:
            for part in (self._writer, self._bad, self._bar):
                self._stack.enter_context(part)
        except BaseException:
            self._stack.close()
            self._locks.close()
            raise
        return self

    def add(
        self,
        source: str,
        scored: pd.DataFrame | None,
        received: pd.Series | None,
        bad: pd.DataFrame,
        profile: Profile | None = None,
    ) -> None:
        """One scored chunk of ``source`` (None: no usable row), with its rows' ``received_at``,
        its quarantine lines and its rows' profile (drift check)."""
        counts = self._sources.setdefault(source, SourceCounts(source))
        if profile is not None:
            self._profile += profile
        if scored is not None:
            self._writer.write(scored)
            self.summary.add_scored(scored)
            if self.summary.outcomes is not None:
                self.summary.outcomes.add(scored, self._outcomes)
            if self._ledger is not None and received is not None:
                self._ledger.add(scored, received)
            counts.scored += len(scored)
        self._bad.write(bad)
        self.summary.add_quarantine(bad)
        counts.quarantined += len(bad)
        self._bar.update((0 if scored is None else len(scored)) + len(bad))

    def read(
        self,
        source: str,
        fmt: str | None,
        rows_read: int,
        encoding: str | None = None,
        flags: Mapping[str, int] | None = None,
    ) -> None:
        """Rows read from ``source`` (or one part of it), in ``encoding``, and the rows the
        reader flagged (scored, but worth a look)."""
        counts = self._sources.setdefault(source, SourceCounts(source))
        counts.format = counts.format or fmt
        counts.encoding = counts.encoding or encoding
        counts.rows_read += rows_read
        self.summary.rows_in += rows_read
        self.summary.flags.update({flag: n for flag, n in (flags or {}).items() if n})

    def __exit__(self, kind: object, error: object, traceback: object) -> None:
        with self._locks:  # held until the capacity pass has written the output
            self._stack.__exit__(kind, error, traceback)
            if error is not None:
                return
            self.summary.sources.extend(dataclasses.asdict(c) for c in self._sources.values())
            if self._drift:
                reference = self.scorer.bundle.reference
                params = self.scorer.params.drift
                self.summary.drift = drift_report(reference, self._profile, params)
            if self._ledger is not None and self.capacity is not None:
                overflow = self._ledger.overflow(self.capacity)
                _apply_capacity(
                    self._target, self.out, self.fmt, overflow, self.chunk_rows, self.summary
                )


def score_sources(
    scorer: Scorer,
    sources: Sequence[SourceParams],
    out: Path,
    quarantine: Path,
    options: BatchOptions = DEFAULT_OPTIONS,
    *,
    jobs: int = 1,
) -> BatchSummary:
    """Score every source into ``out`` (csv, parquet or jsonl; a name without an extension is
    a folder of Parquet parts) and ``quarantine`` (csv), on this machine, as ``options`` say.

    ``jobs`` > 1 scores chunks in that many worker processes (which also parse the messages of
    a mail source). Raises ``IngestError`` naming the source when one is missing or
    unreadable, and ``OutputError`` when another run is writing ``out`` or ``quarantine``.
    """
    params, root = options.ingest(scorer.params), options.root
    run = BatchRun(scorer, out, quarantine, options)
    with run:
        for spec in sources:
            if jobs > 1 and (spec.format or infer_format(root / spec.path)) in MAIL_FORMATS:
                # parsing costs as much as scoring: workers read their own messages
                parts = plan_partitions([spec], params, root, params.chunk_rows, 4 * jobs)
                for part in scored_partitions(run.scorer, parts, params, root, jobs, run.layout):
                    run.read(spec.path, part.format, part.rows_read, part.encoding, part.flags)
                    run.add(spec.path, part.scored, part.received, part.quarantine, part.profile)
                continue
            reader = read_inquiries(spec, params, root, ANY_DATE)
            for chunk, scored, profile in scored_chunks(run.scorer, reader, jobs, run.layout):
                received = chunk.table[schema.RECEIVED_AT]
                run.add(spec.path, scored, received, chunk.quarantine, profile)
            run.read(spec.path, reader.format, reader.rows_read, reader.encoding, reader.flags)
    return run.summary


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
