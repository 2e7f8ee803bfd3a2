"""Chunks or partitions scored in worker processes, in order, with a bounded number in flight.

Featurizing and the three heads are CPU-bound Python and NumPy: on a machine with spare cores,
``jobs`` worker processes each hold one copy of the scorer (sent once, at start) and score
whole chunks read here, or read and score whole partitions themselves (mail, whose parsing
costs as much as its scoring); at most ``2 * jobs`` wait, so memory stays flat. With a drift
``layout`` the workers also profile what they score, and send the profile back with the rows.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Final

import pandas as pd

from inquiry_quality.core.config import IngestParams
from inquiry_quality.core.parallel import worker_pool
from inquiry_quality.evaluation.profile import Layout, Profile
from inquiry_quality.ingest import Chunk
from inquiry_quality.scoring.engines.partitions import (
    Partition,
    PartitionResult,
    ScoredChunk,
    score_chunk,
    score_partition,
)
from inquiry_quality.scoring.scorer import Scorer

#: the module the workers' forkserver imports (``core.parallel.worker_pool``'s ``preload``)
WORKER_MODULE: Final = f"{__package__}.preload"

_WORKER: tuple[Scorer, Layout | None] | None = None


def _start_worker(scorer: Scorer, layout: Layout | None) -> None:
    global _WORKER
    _WORKER = (scorer, layout)


def _score_in_worker(chunk: Chunk) -> ScoredChunk:
    assert _WORKER is not None, "worker started without a scorer"
    return score_chunk(_WORKER[0], chunk, _WORKER[1])


def _score_partition_in_worker(
    partition: Partition, params: IngestParams, root: Path
) -> PartitionResult:
    assert _WORKER is not None, "worker started without a scorer"
    return score_partition(_WORKER[0], partition, params, root, _WORKER[1])


def _pool(scorer: Scorer, jobs: int, layout: Layout | None) -> ProcessPoolExecutor:
    """``core.parallel.worker_pool`` whose forkserver has imported ``WORKER_MODULE``."""
    return worker_pool(jobs, [WORKER_MODULE], _start_worker, (scorer, layout))


def scored_chunks(
    scorer: Scorer, chunks: Iterable[Chunk], jobs: int = 1, layout: Layout | None = None
) -> Iterator[tuple[Chunk, pd.DataFrame | None, Profile | None]]:
    """Each chunk with its scored rows (None when it has no usable row) and, with a drift
    ``layout``, their profile, in input order; scored by ``score_chunk`` (as
    ``score_partition`` scores a partition's chunks)."""
    if jobs <= 1:
        for chunk in chunks:
            yield chunk, *score_chunk(scorer, chunk, layout)
        return
    with _pool(scorer, jobs, layout) as pool:
        pending: deque[tuple[Chunk, Future]] = deque()
        for chunk in chunks:
            pending.append((chunk, pool.submit(_score_in_worker, chunk)))
            if len(pending) > 2 * jobs:
                done, task = pending.popleft()
                yield done, *task.result()
        while pending:
            done, task = pending.popleft()
            yield done, *task.result()


def scored_partitions(
    scorer: Scorer,
    partitions: Iterable[Partition],
    params: IngestParams,
    root: Path,
    jobs: int,
    layout: Layout | None = None,
) -> Iterator[PartitionResult]:
    """Each partition read, validated and scored (and with a drift ``layout`` profiled) by
    ``score_partition`` in one of ``jobs`` worker processes; in input order."""
    with _pool(scorer, jobs, layout) as pool:
        pending: deque[Future] = deque()
        for partition in partitions:
            pending.append(pool.submit(_score_partition_in_worker, partition, params, root))
            if len(pending) > 2 * jobs:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
