"""Chunks scored in worker processes, in order, with a bounded number in flight.

Featurizing and the three heads are CPU-bound Python and NumPy: on a machine with spare cores,
``jobs`` worker processes each hold one copy of the scorer (sent once, at start) and score
whole chunks; at most ``2 * jobs`` chunks wait, so memory stays flat.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

import pandas as pd

from inquiry_quality.ingest import Chunk
from inquiry_quality.scoring.scorer import Scorer

_WORKER_SCORER: Scorer | None = None


def _start_worker(scorer: Scorer) -> None:
    global _WORKER_SCORER
    _WORKER_SCORER = scorer


def _score_in_worker(table: pd.DataFrame) -> pd.DataFrame:
    assert _WORKER_SCORER is not None, "worker started without a scorer"
    return _WORKER_SCORER.score(table)


def scored_chunks(
    scorer: Scorer, chunks: Iterable[Chunk], jobs: int = 1
) -> Iterator[tuple[Chunk, pd.DataFrame | None]]:
    """Each chunk with its scored rows (None when it has no usable row), in input order."""
    if jobs <= 1:
        for chunk in chunks:
            yield chunk, scorer.score(chunk.table) if len(chunk.table) else None
        return
    with ProcessPoolExecutor(jobs, initializer=_start_worker, initargs=(scorer,)) as pool:
        pending: deque[tuple[Chunk, Future | None]] = deque()
        for chunk in chunks:
            task = pool.submit(_score_in_worker, chunk.table) if len(chunk.table) else None
            pending.append((chunk, task))
            if len(pending) > 2 * jobs:
                done, task = pending.popleft()
                yield done, None if task is None else task.result()
        while pending:
            done, task = pending.popleft()
            yield done, None if task is None else task.result()
