"""CPU-bound work split into slices over every usable core, results in input order."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Sequence
from typing import TypeVar

from joblib import Parallel, cpu_count, delayed

In = TypeVar("In", bound=Sequence)
Out = TypeVar("Out")

SLICES_PER_PROCESS = 4  # several slices each, so a busy core does not hold up the others


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity, as joblib counts them)."""
    return cpu_count()


def map_slices(
    function: Callable[[In], Out], items: In, min_per_process: int, fork: bool = False
) -> list[Out]:
    """``function`` of consecutive slices of ``items`` (a list or a DataFrame's rows).

    Uses as many processes as there are cores, but only while each gets ``min_per_process``
    items: starting a worker costs seconds, so small inputs stay in this process (one slice),
    as does the work of a process that is itself a worker of a pool.
    ``fork=True`` forks the workers where the platform can (Linux): they start at once with
    everything this process has imported and built, instead of importing it all again
    (~2-3 s each). Only for callers that run no threads of their own.
    """
    n_jobs = min(usable_cores(), len(items) // min_per_process)
    # a worker process (of a scoring pool, a Dask worker) already has its core: no pool in it
    if n_jobs < 2 or multiprocessing.parent_process() is not None:
        return [function(items)]
    step = -(-len(items) // (n_jobs * SLICES_PER_PROCESS))
    slices = [items[start : start + step] for start in range(0, len(items), step)]
    if fork and "fork" in multiprocessing.get_all_start_methods():
        with multiprocessing.get_context("fork").Pool(n_jobs) as pool:
            return pool.map(function, slices, chunksize=1)
    return Parallel(n_jobs=n_jobs)(delayed(function)(part) for part in slices)
