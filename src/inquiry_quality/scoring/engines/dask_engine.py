"""Scoring on a Dask cluster: every input split into partitions, each read, validated and
scored on a worker by the local engine's own function, written in input order here.

A partition is a range of one input's natural units (CSV records, JSON lines, Parquet rows,
the messages of an mbox or of a folder of message files), so a CSV body that spans lines is
never cut and every row keeps its position in its file. Workers receive the model's path or
URI and a loader (a module-level function they can import), load it once per process and
verify its checksums before unpickling; nothing big travels in the task graph. The output is
written by this process as results arrive, in input order and at most ``2 * workers``
partitions ahead, so a batch comes out identical to the local engine's and memory stays flat.
A worker that dies mid-run has its partitions recomputed elsewhere by the scheduler; each
partition's rows are written once, when its result first arrives.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import math
import threading
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import pandas as pd
from distributed import Client, Future, LocalCluster
from distributed.scheduler import KilledWorker

from inquiry_quality.core import schema
from inquiry_quality.core.config import IngestParams, ScoreParams, SourceParams
from inquiry_quality.ingest import read_inquiries
from inquiry_quality.ingest.outcomes import Outcomes
from inquiry_quality.ingest.sources import count_units
from inquiry_quality.ingest.tabular import Units
from inquiry_quality.scoring.batch import ANY_DATE, BatchRun, ingest_params
from inquiry_quality.scoring.engines import EngineError
from inquiry_quality.scoring.engines.local import scored_chunks
from inquiry_quality.scoring.loading import load_model_dir
from inquiry_quality.scoring.scorer import Scorer
from inquiry_quality.scoring.summary import BatchSummary

log = logging.getLogger(__name__)

#: rows (units) per partition: big enough that task overhead is noise, small enough that a
#: partition's scored rows (~5 KB each with reasons) fit a worker many times over
DEFAULT_PARTITION_ROWS: Final = 20_000
PARTITION_OPTION: Final = "--partition-rows"

Loader = Callable[[str, ScoreParams], Scorer]

_SCORERS: dict[tuple[str, str, str], Scorer] = {}
_LOADING = threading.Lock()


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
    lines, and how many rows it read."""

    partition: Partition
    format: str | None
    rows_read: int
    scored: pd.DataFrame | None
    received: pd.Series | None
    quarantine: pd.DataFrame


def plan_partitions(
    sources: Sequence[SourceParams], params: IngestParams, root: Path, rows: int
) -> list[Partition]:
    """Each source as ranges of ``rows`` units, in input order (at least one per source)."""
    if rows < 1:
        raise ValueError(f"{PARTITION_OPTION} must be at least 1, not {rows}")
    parts = []
    for spec in sources:
        total = count_units(spec, params, root)
        if total is None:
            parts.append(Partition(spec, 0, None))
            continue
        for number in range(max(1, math.ceil(total / rows))):
            parts.append(Partition(spec, number, (number * rows, min((number + 1) * rows, total))))
    return parts


def load_local_scorer(model: str, params: ScoreParams) -> Scorer:
    """A scorer of a local bundle or pyfunc directory (the default loader: no MLflow)."""
    return Scorer(load_model_dir(Path(model)), params)


def worker_scorer(model: str, loader: Loader, params: ScoreParams) -> Scorer:
    """The scorer of this worker process, loaded (checksums verified) on first use."""
    key = (model, f"{loader.__module__}.{loader.__qualname__}", repr(params))
    with _LOADING:
        if key not in _SCORERS:
            log.info("loading model %s on this worker", model)
            _SCORERS[key] = loader(model, params)
        return _SCORERS[key]


def score_partition(
    partition: Partition,
    model: str,
    loader: Loader,
    params: ScoreParams,
    ingest: IngestParams,
    root: str,
) -> PartitionResult:
    """Read, validate and score one partition on a worker (the local engine's function)."""
    scorer = worker_scorer(model, loader, params)
    reader = read_inquiries(partition.spec, ingest, Path(root), ANY_DATE, partition.units)
    scored, received, bad = [], [], []
    try:
        for chunk, rows in scored_chunks(scorer, reader):
            if rows is not None:
                scored.append(rows)
                received.append(chunk.table[schema.RECEIVED_AT])
            bad.append(chunk.quarantine)
    except MemoryError as exc:
        raise EngineError(
            f"{partition}: a worker ran out of memory scoring it; lower {PARTITION_OPTION} "
            "(rows per partition) or give each worker more memory (dask worker --memory-limit)"
        ) from exc
    return PartitionResult(
        partition,
        reader.format,
        reader.rows_read,
        pd.concat(scored) if scored else None,
        pd.concat(received) if received else None,
        pd.concat(bad, ignore_index=True),
    )


def _in_order(
    client: Client, partitions: Sequence[Partition], submit: Callable[[Partition], Future]
) -> Iterator[PartitionResult]:
    """Results in partition order, with at most ``2 * workers`` partitions submitted ahead."""
    window = max(2, 2 * len(client.scheduler_info(n_workers=-1)["workers"]))
    pending: deque[tuple[Partition, Future]] = deque()
    for partition in partitions:
        pending.append((partition, submit(partition)))
        if len(pending) >= window:
            yield _result(*pending.popleft())
    while pending:
        yield _result(*pending.popleft())


def _result(partition: Partition, future: Future) -> PartitionResult:
    try:
        result = future.result()
    except KilledWorker as exc:  # the nanny restarts a worker above 95% of its memory limit
        raise EngineError(
            f"{partition} killed every worker that scored it (out of memory?); lower "
            f"{PARTITION_OPTION} (rows per partition) or give each worker more memory"
        ) from exc
    finally:
        future.release()
    return result


@contextlib.contextmanager
def dask_client(scheduler: str | None = None, workers: int | None = None) -> Iterator[Client]:
    """A client of the cluster at ``scheduler``, or of a local cluster of ``workers``
    single-threaded worker processes (default: one per core) stopped on exit."""
    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    with (
        LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            dashboard_address=None,
            silence_logs=logging.WARNING,
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def score_sources_on_dask(
    client: Client,
    scorer: Scorer,
    model: str,
    sources: Sequence[SourceParams],
    out: Path,
    quarantine: Path,
    *,
    loader: Loader = load_local_scorer,
    partition_rows: int = DEFAULT_PARTITION_ROWS,
    fmt: str | None = None,
    root: Path = Path("."),
    extra_numeric: Sequence[str] = (),
    extra_categorical: Sequence[str] = (),
    outcomes: list[Outcomes] | None = None,
    progress: bool = False,
    keep_empty_quarantine: bool = True,
) -> BatchSummary:
    """``score_sources`` on a Dask cluster: the same output, summary and quarantine.

    ``scorer`` is ``model`` loaded here (for the tiers and the daily capacity); the workers
    load ``model`` themselves with ``loader(model, params)`` (default: a local directory; the
    CLI passes ``mlops.loading.load_scorer`` for ``models:/`` URIs, which the workers then
    resolve with their own ``MLFLOW_TRACKING_URI``), so it must name a path or URI they can
    reach (a relative path is made absolute here) and ``loader`` must be importable on them.
    Raises ``EngineError`` when a partition cannot be scored (out of memory).
    """
    params = ingest_params(scorer.params, extra_numeric, extra_categorical)
    root = root.resolve()
    if (root / model).exists():  # a local model directory, not a URI
        model = str((root / model).resolve())
    partitions = plan_partitions(sources, params, root, partition_rows)
    run = BatchRun(
        scorer,
        out,
        quarantine,
        fmt=fmt,
        outcomes=outcomes,
        progress=progress,
        keep_empty_quarantine=keep_empty_quarantine,
    )
    worker_params = dataclasses.replace(run.scorer.params, sources=[], outcomes=[])

    def submit(partition: Partition) -> Future:
        return client.submit(
            score_partition,
            partition,
            model,
            loader,
            worker_params,
            params,
            str(root),
            pure=False,
        )

    log.info("scoring %d partitions on %s", len(partitions), client)
    with run:
        for result in _in_order(client, partitions, submit):
            source = result.partition.spec.path
            run.read(source, result.format, result.rows_read)
            run.add(source, result.scored, result.received, result.quarantine)
    return run.summary
