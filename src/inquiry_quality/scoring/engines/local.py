"""Chunks or partitions scored in worker processes, in order, with a bounded number in flight.

Featurizing and the three heads are CPU-bound Python and NumPy: on a machine with spare cores,
``jobs`` worker processes each hold one copy of the scorer (sent once, at start) and score
whole chunks read here, or read and score whole partitions themselves (mail, whose parsing
costs as much as its scoring); at most ``2 * jobs`` wait, so memory stays flat. With a drift
``layout`` the workers also profile what they score, and send the profile back with the rows.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Final

import pandas as pd

from inquiry_quality.core.config import IngestParams
from inquiry_quality.core.parallel import usable_cores, worker_pool
from inquiry_quality.evaluation.profile import Layout, Profile
from inquiry_quality.features.lexicon import tokenizer_modules
from inquiry_quality.ingest import Chunk
from inquiry_quality.scoring.engines import partitions
from inquiry_quality.scoring.engines.partitions import (
    Partition,
    PartitionResult,
    ScoredChunk,
    score_chunk,
    score_partition,
)
from inquiry_quality.scoring.scorer import Scorer

#: inputs from this many bytes up are scored by every usable core (``default_jobs``)
PARALLEL_FROM_BYTES: Final = 16 << 20
#: the same for mail (a message costs several times a table row of its size: parsing, HTML)
MAIL_PARALLEL_FROM_BYTES: Final = 4 << 20
MAIL_SUFFIXES: Final = (".mbox", ".mbx", ".eml")

_WORKER: tuple[Scorer, Layout | None] | None = None


def default_jobs(inputs: Sequence[Path]) -> int:
    """Every usable core for large inputs (``PARALLEL_FROM_BYTES``; mail from
    ``MAIL_PARALLEL_FROM_BYTES``), else 1.

    Starting a worker and sending it the scorer takes a few seconds: worth it only when the
    batch takes longer than that.
    """
    size = 0.0
    for path in inputs:
        files = path.rglob("*") if path.is_dir() else [path]
        mail = path.is_dir() or path.suffix.lower() in MAIL_SUFFIXES
        scale = PARALLEL_FROM_BYTES / MAIL_PARALLEL_FROM_BYTES if mail else 1
        size += scale * sum(f.stat().st_size for f in files if f.is_file())
    return usable_cores() if size >= PARALLEL_FROM_BYTES else 1


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
    """``core.parallel.worker_pool`` whose forkserver has imported the scoring stack."""
    preload = [partitions.__name__, *tokenizer_modules()]
    return worker_pool(jobs, preload, _start_worker, (scorer, layout))


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
