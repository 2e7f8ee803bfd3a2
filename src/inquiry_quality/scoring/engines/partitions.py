"""A batch in parts, and the one function that scores a part, whatever engine runs it.

A partition is a range of one input's natural units (CSV records, JSON lines, Parquet rows,
the messages of an mbox or of a folder of message files), so a CSV body that spans lines is
never cut and every row keeps its position in its file. ``score_partition`` reads it with the
ingest readers (which validate and quarantine) and scores each chunk with ``score_chunk``, the
function the local engine scores every chunk with; for a drift check it also profiles each chunk
(``scoring.monitor``), and a partition's profile is the sum of its chunks'.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from inquiry_quality.core import schema
from inquiry_quality.core.config import IngestParams, SourceParams
from inquiry_quality.evaluation.profile import Layout, Profile
from inquiry_quality.ingest import Chunk, read_inquiries
from inquiry_quality.ingest.sources import count_units
from inquiry_quality.ingest.tabular import Units
from inquiry_quality.scoring.monitor import score_and_profile
from inquiry_quality.scoring.scorer import Scorer

#: scoring reads inquiries of any date (``read_inquiries`` quarantines future ones by default)
ANY_DATE = pd.Timestamp.max.tz_localize("UTC")


@dataclass(frozen=True)
class Partition:
    """Units [start, stop) of one input (``units`` None: the whole input, e.g. a workbook)."""

    spec: SourceParams
    number: int
    units: Units

    def __str__(self) -> str:
        where = "" if self.units is None else f" units {self.units[0]}-{self.units[1] - 1}"
        return f"partition {self.number} of {self.spec.path}{where}"


@dataclass(frozen=True)
class PartitionResult:
    """A partition's scored rows (None: no usable row), their ``received_at``, its quarantine
    lines, how many rows it read (in which encoding), the rows its reader flagged, and its rows'
    profile (None: no drift check)."""

    partition: Partition
    format: str | None
    rows_read: int
    scored: pd.DataFrame | None
    received: pd.Series | None
    quarantine: pd.DataFrame
    encoding: str | None = None
    flags: dict[str, int] = field(default_factory=dict)
    profile: Profile | None = None


def plan_partitions(
    sources: Sequence[SourceParams],
    params: IngestParams,
    root: Path,
    rows: int,
    min_parts: int = 1,
) -> list[Partition]:
    """Each source as ranges of at most ``rows`` units, in input order: at least one range,
    and at least ``min_parts`` when it has that many units (to keep every worker busy)."""
    if rows < 1:
        raise ValueError(f"partitions need at least 1 row, not {rows}")
    parts = []
    for spec in sources:
        total = count_units(spec, params, root)
        if total is None:
            parts.append(Partition(spec, 0, None))
            continue
        size = max(1, min(rows, math.ceil(total / min_parts)))
        for number in range(max(1, math.ceil(total / size))):
            parts.append(Partition(spec, number, (number * size, min((number + 1) * size, total))))
    return parts


ScoredChunk = tuple[pd.DataFrame | None, Profile | None]


def score_chunk(scorer: Scorer, chunk: Chunk, layout: Layout | None = None) -> ScoredChunk:
    """A chunk's scored rows (None when it has no usable row) and, with a ``layout`` (drift
    check), their profile (None without one or without rows)."""
    if not len(chunk.table):
        return None, None
    return score_and_profile(scorer, chunk.table, layout)


def score_partition(
    scorer: Scorer,
    partition: Partition,
    ingest: IngestParams,
    root: Path,
    layout: Layout | None = None,
) -> PartitionResult:
    """Read, validate and score one partition (chunk by chunk, as the local engine does); with
    a ``layout``, profile its rows too."""
    reader = read_inquiries(partition.spec, ingest, root, ANY_DATE, partition.units)
    scored, received, bad = [], [], []
    profile = None if layout is None else Profile()
    for chunk in reader:
        rows, chunk_profile = score_chunk(scorer, chunk, layout)
        if rows is not None:
            scored.append(rows)
            received.append(chunk.table[schema.RECEIVED_AT])
        if profile is not None and chunk_profile is not None:
            profile += chunk_profile
        bad.append(chunk.quarantine)
    return PartitionResult(
        partition,
        reader.format,
        reader.rows_read,
        pd.concat(scored) if scored else None,
        pd.concat(received) if received else None,
        pd.concat(bad, ignore_index=True),
        reader.encoding,
        dict(reader.flags),
        profile,
    )
