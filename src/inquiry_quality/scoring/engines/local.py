"""Chunks scored in worker processes, in order, with a bounded number in flight.

Featurizing and the three heads are CPU-bound Python and NumPy: on a machine with spare cores,
``jobs`` worker processes each hold one copy of the scorer (sent once, at start) and score
whole chunks; at most ``2 * jobs`` chunks wait, so memory stays flat.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Final

import pandas as pd

from inquiry_quality.core.parallel import usable_cores
from inquiry_quality.evaluation.profile import Layout, Profile
from inquiry_quality.ingest import Chunk
from inquiry_quality.scoring.monitor import score_chunk
from inquiry_quality.scoring.scorer import Scorer

#: inputs from this many bytes up are scored by every usable core (``default_jobs``)
PARALLEL_FROM_BYTES: Final = 16 << 20

_WORKER: tuple[Scorer, Layout | None] | None = None


def default_jobs(inputs: Sequence[Path]) -> int:
    """Every usable core for large inputs (``PARALLEL_FROM_BYTES``), else 1.

    Starting a worker and sending it the scorer takes a few seconds: worth it only when the
    batch takes longer than that.
    """
    size = 0
    for path in inputs:
        files = path.rglob("*") if path.is_dir() else [path]
        size += sum(f.stat().st_size for f in files if f.is_file())
    return usable_cores() if size >= PARALLEL_FROM_BYTES else 1


def _start_worker(scorer: Scorer, layout: Layout | None) -> None:
    global _WORKER
    _WORKER = (scorer, layout)


def _score_in_worker(table: pd.DataFrame) -> tuple[pd.DataFrame, Profile | None]:
    assert _WORKER is not None, "worker started without a scorer"
    return score_chunk(_WORKER[0], table, _WORKER[1])


ScoredChunk = tuple[Chunk, pd.DataFrame | None, Profile | None]


def scored_chunks(
    scorer: Scorer, chunks: Iterable[Chunk], jobs: int = 1, layout: Layout | None = None
) -> Iterator[ScoredChunk]:
    """Each chunk with its scored rows (None when it has no usable row), in input order, and
    with a ``layout`` (drift check) the chunk's profile (None without one)."""

    def result(chunk: Chunk, task: Future | None) -> ScoredChunk:
        scored, profile = (None, None) if task is None else task.result()
        return chunk, scored, profile

    if jobs <= 1:
        for chunk in chunks:
            if len(chunk.table):
                yield chunk, *score_chunk(scorer, chunk.table, layout)
            else:
                yield chunk, None, None
        return
    # forkserver, not fork: forking a process whose BLAS/OpenMP threads hold locks can hang.
    # The server imports the scoring stack once; each worker forks from it, so the workers
    # start in a fraction of a second and share those pages.
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["inquiry_quality.scoring.monitor"])
    with ProcessPoolExecutor(
        jobs, mp_context=context, initializer=_start_worker, initargs=(scorer, layout)
    ) as pool:
        pending: deque[tuple[Chunk, Future | None]] = deque()
        for chunk in chunks:
            task = pool.submit(_score_in_worker, chunk.table) if len(chunk.table) else None
            pending.append((chunk, task))
            if len(pending) > 2 * jobs:
                yield result(*pending.popleft())
        while pending:
            yield result(*pending.popleft())
