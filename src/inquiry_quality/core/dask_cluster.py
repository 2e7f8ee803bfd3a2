"""A Dask client: of a running cluster, or of a local one started for the run and stopped
after it (used by scoring's and featurizing's Dask engines)."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator

from distributed import Client, LocalCluster


@contextlib.contextmanager
def _quiet(logger: logging.Logger) -> Iterator[None]:
    """``logger`` at WARNING until the block ends: a local cluster's scheduler and nannies run
    in this process and tell every start and stop at INFO, also while the cluster closes."""
    level = logger.level
    logger.setLevel(max(level, logging.WARNING))
    try:
        yield
    finally:
        logger.setLevel(level)


@contextlib.contextmanager
def dask_client(scheduler: str | None = None, workers: int | None = None) -> Iterator[Client]:
    """A client of the cluster at ``scheduler`` (``tcp://HOST:8786``), or of a local cluster
    of ``workers`` single-threaded worker processes (default: one per core, no dashboard).

    The local scheduler still serves its health and metrics routes over HTTP: on a free port
    of 127.0.0.1 here, not on the dashboard's 8787, which another cluster or a notebook may
    hold (Dask would then warn "Port 8787 is already in use")."""
    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    with (
        _quiet(logging.getLogger("distributed")),
        LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            dashboard_address=None,
            scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
            silence_logs=logging.WARNING,
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client
