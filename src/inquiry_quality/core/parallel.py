"""The project's one way to run CPU-bound work in worker processes: ``worker_pool``.

Start method: forkserver. ``fork`` copies a process whose threads (BLAS/OpenMP pools, pyarrow,
a Dask client, the web server) may hold a lock at the instant of the fork, and the child can
then hang on it; ``spawn`` starts a fresh interpreter that imports the whole stack again (2-3 s
a worker). The forkserver is a single-threaded process started once per parent; it imports the
``preload`` modules once, and every worker forks from it: it starts in a fraction of a second,
shares those pages and inherits no thread. Its preload list is fixed when it starts (the first
pool of a process, or ``start_forkserver``); modules that later pools ask for are imported by
their workers. ``start_forkserver`` starts it early, so that it imports on one core while this
process loads what it needs on another.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.forkserver
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from multiprocessing.context import ForkServerContext
from pathlib import Path
from typing import Any, Final, TypeVar

from joblib import cpu_count

In = TypeVar("In", bound=Sequence)
Out = TypeVar("Out")

SLICES_PER_PROCESS = 4  # several slices each, so a busy core does not hold up the others
#: inputs from this many bytes up are scored by every usable core (``default_jobs``)
PARALLEL_FROM_BYTES: Final = 16 << 20
#: the same for mail (a message costs several times a table row of its size: parsing, HTML)
MAIL_PARALLEL_FROM_BYTES: Final = 4 << 20
MAIL_SUFFIXES: Final = (".mbox", ".mbx", ".eml")

_PRELOAD: list[str] = []  # every module a pool of this process asked the forkserver to import


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity, as joblib counts them)."""
    return cpu_count()


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


def in_worker() -> bool:
    """Whether this process is itself a worker (of a pool, of a Dask nanny): it has its core."""
    return multiprocessing.parent_process() is not None


def worker_pool(
    jobs: int,
    preload: Iterable[str] = (),
    initializer: Callable[..., object] | None = None,
    initargs: tuple[Any, ...] = (),
) -> ProcessPoolExecutor:
    """A pool of ``jobs`` worker processes forked from the forkserver, which has imported the
    ``preload`` modules (what the workers' function needs); ``initializer(*initargs)`` runs
    once in each worker (to hold state sent once, such as a scorer)."""
    context = _forkserver_context(preload)
    return ProcessPoolExecutor(jobs, mp_context=context, initializer=initializer, initargs=initargs)


def start_forkserver(preload: Iterable[str]) -> None:
    """Start the forkserver now, without waiting for it: it imports the ``preload`` modules on
    another core while this process goes on (loading a model, reading input), and the
    ``worker_pool`` made later forks its workers from it at once."""
    _forkserver_context(preload)
    multiprocessing.forkserver.ensure_running()


def _forkserver_context(preload: Iterable[str]) -> ForkServerContext:
    """The forkserver start method, ``preload`` added to what its server imports when it starts
    (if it has not started yet)."""
    _PRELOAD.extend(m for m in preload if m not in _PRELOAD)
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(_PRELOAD)
    return context


def map_slices(
    function: Callable[[In], Out],
    items: In,
    min_per_process: int,
    preload: Iterable[str] = (),
) -> list[Out]:
    """``function`` of consecutive slices of ``items`` (a list or a DataFrame's rows), in order.

    Uses as many processes (``worker_pool``, with ``preload``) as there are cores, but only
    while each gets ``min_per_process`` items: starting workers costs time, so small inputs
    stay in this process (one slice), as does the work of a process that is itself a worker.
    ``function`` must be picklable (a module-level function, a bound method, a partial).
    """
    n_jobs = min(usable_cores(), len(items) // min_per_process)
    if n_jobs < 2 or in_worker():
        return [function(items)]
    step = -(-len(items) // (n_jobs * SLICES_PER_PROCESS))
    slices = [items[start : start + step] for start in range(0, len(items), step)]
    with worker_pool(n_jobs, preload) as pool:
        return list(pool.map(function, slices))
