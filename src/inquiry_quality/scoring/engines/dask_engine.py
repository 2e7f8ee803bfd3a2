"""Scoring on a Dask cluster: every input split into partitions (``partitions``), each read,
validated and scored on a worker by ``score_partition``, written in input order here.

Workers receive the model's path or URI and a loader (a module-level function they can
import), load it once per process and verify its checksums before unpickling; nothing big
travels in the task graph. Each task also names the command's model version, installed
inquiry-quality and CRM export (``ScorerIdentity``): a worker whose kept scorer has another (an
alias moved, today's export written over yesterday's) loads it again, and one that still finds
another (its own MLflow store, another file, an older install) refuses rather than score with
it. The output is
written by this process as results arrive, in input order and at most ``2 * workers``
partitions ahead, so a batch comes out identical to the local engine's and memory stays flat.
For a drift check the workers get the reference's bins (kilobytes) and return each partition's
profile with its rows; the sum is the same as the local engine's.
A worker that dies mid-run has its partitions recomputed elsewhere by the scheduler; each
partition's rows are written once, when its result first arrives. An input or a model the
readers or the loader refuse comes back as a ``Refused`` value and is raised here: the user's
mistake, not a failed task for the workers to log with a traceback.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from distributed import Client, Future
from distributed.scheduler import KilledWorker

from inquiry_quality.core import schema
from inquiry_quality.core.config import IngestParams, ScoreParams, SourceParams
from inquiry_quality.evaluation.profile import Layout
from inquiry_quality.ingest.frames import IngestError
from inquiry_quality.modeling.bundle import ModelIntegrityError, file_digest
from inquiry_quality.scoring.batch import BatchRun
from inquiry_quality.scoring.engines import EngineError
from inquiry_quality.scoring.engines.partitions import (
    Partition,
    PartitionResult,
    plan_partitions,
    score_partition,
)
from inquiry_quality.scoring.loading import load_model_dir
from inquiry_quality.scoring.options import DEFAULT_OPTIONS, BatchOptions
from inquiry_quality.scoring.scorer import Scorer
from inquiry_quality.scoring.summary import BatchSummary

log = logging.getLogger(__name__)

#: rows (units) per partition: big enough that task overhead is noise, small enough that a
#: partition's scored rows (~5 KB each with reasons) fit a worker many times over
DEFAULT_PARTITION_ROWS: Final = 20_000
PARTITION_OPTION: Final = "--partition-rows"

Loader = Callable[[str, ScoreParams], Scorer]

#: what a worker reports back instead of failing its task: bad input, a model or a file (the
#: model, today's CRM export) it cannot find or verify
REFUSALS: Final = (IngestError, ModelIntegrityError, FileNotFoundError)
#: scorers a worker keeps between tasks (each holds a model, ~150 MB)
KEPT_SCORERS: Final = 2


@dataclass(frozen=True)
class Refused:
    """A partition whose input or model was refused on the worker, with the reason."""

    error: Exception


@dataclass(frozen=True)
class ScorerIdentity:
    """What a worker's scorer must be to score for a command: its model's version, the
    installed inquiry-quality (both named on every scored row) and the sha256 of today's CRM
    export it knows the parties from (None: the model's own)."""

    model_version: str
    package_version: str
    contacts: str | None

    @classmethod
    def of(cls, scorer: Scorer, contacts: str | None) -> ScorerIdentity:
        """``scorer``'s identity, with the digest ``contacts`` of the CRM export it read."""
        lineage = scorer.lineage
        return cls(lineage[schema.MODEL_VERSION], lineage[schema.PACKAGE_VERSION], contacts)

    def differences(self, other: ScorerIdentity) -> str:
        return "; ".join(
            f"{name} {mine} here, {theirs} in the command"
            for name, mine, theirs in (
                ("model version", self.model_version, other.model_version),
                ("inquiry-quality", self.package_version, other.package_version),
                ("contacts sha256", self.contacts, other.contacts),
            )
            if mine != theirs
        )


_SCORERS: dict[tuple[str, str, str], tuple[ScorerIdentity, Scorer]] = {}
_LOADING = threading.Lock()


def load_local_scorer(model: str, params: ScoreParams) -> Scorer:
    """A scorer of a local bundle or pyfunc directory (the default loader: no MLflow)."""
    return Scorer(load_model_dir(Path(model)), params)


def contacts_digest(contacts: str | None) -> str | None:
    """The sha256 of the CRM export file ``contacts``, if one is given."""
    return file_digest(contacts) if contacts else None


def worker_scorer(
    model: str, loader: Loader, params: ScoreParams, expected: ScorerIdentity
) -> Scorer:
    """The scorer of this worker process for ``model`` as the command has it (``expected``):
    loaded, checksums verified, on first use, and again when what ``model`` or the CRM export
    names has changed since (a moved ``@champion`` alias, today's export written over
    yesterday's, on a long-lived cluster). Raises ``ModelIntegrityError`` when this worker's
    model, export or installed inquiry-quality is not the command's."""
    key = (model, f"{loader.__module__}.{loader.__qualname__}", repr(params))
    with _LOADING:
        held = _SCORERS.pop(key, None)
        if held is None or held[0] != expected:
            log.info("loading model %s on this worker", model)
            digest = contacts_digest(params.known_parties)  # before the scorer reads it
            scorer = loader(model, params)
            held = (ScorerIdentity.of(scorer, digest), scorer)
        _SCORERS[key] = held  # the most recently used last
        while len(_SCORERS) > KEPT_SCORERS:
            del _SCORERS[next(iter(_SCORERS))]
    identity, scorer = held
    if identity != expected:
        raise ModelIntegrityError(
            f"{model}: this worker does not score as the command does "
            f"({identity.differences(expected)}); give every worker the same model (for a "
            "models:/ URI, the same MLFLOW_TRACKING_URI), the same --contacts file and the same "
            "inquiry-quality installed"
        )
    return scorer


def score_on_worker(
    partition: Partition,
    model: str,
    loader: Loader,
    params: ScoreParams,
    ingest: IngestParams,
    root: str,
    expected: ScorerIdentity,
    layout: Layout | None = None,
) -> PartitionResult | Refused:
    """``score_partition`` with this worker's scorer of ``model`` as the command has it
    (``expected``), profiled in ``layout``, if any."""
    try:
        scorer = worker_scorer(model, loader, params, expected)
        return score_partition(scorer, partition, ingest, Path(root), layout)
    except REFUSALS as exc:
        return Refused(exc)
    except MemoryError as exc:
        raise EngineError(
            f"{partition}: a worker ran out of memory scoring it; lower {PARTITION_OPTION} "
            "(rows per partition) or give each worker more memory (dask worker --memory-limit)"
        ) from exc


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
    if isinstance(result, Refused):
        raise result.error
    return result


def score_sources_on_dask(
    client: Client,
    scorer: Scorer,
    model: str,
    sources: Sequence[SourceParams],
    out: Path,
    quarantine: Path,
    options: BatchOptions = DEFAULT_OPTIONS,
    *,
    loader: Loader = load_local_scorer,
    partition_rows: int = DEFAULT_PARTITION_ROWS,
) -> BatchSummary:
    """``score_sources`` on a Dask cluster: the same output, summary, quarantine and (with
    ``options.drift``) drift report, in partitions of ``partition_rows`` rows (messages).

    ``scorer`` is ``model`` loaded here (for the tiers and the daily capacity); the workers
    load ``model`` themselves with ``loader(model, params)`` (default: a local directory; the
    CLI passes ``mlops.loading.load_scorer`` for ``models:/`` URIs, which the workers then
    resolve with their own ``MLFLOW_TRACKING_URI``), so it must name a path or URI they can
    reach (a relative path is made absolute here) and ``loader`` must be importable on them.
    Raises ``EngineError`` when a partition cannot be scored (out of memory).
    """
    params = options.ingest(scorer.params)
    root = options.root.resolve()
    if (root / model).exists():  # a local model directory, not a URI
        model = str((root / model).resolve())
    if partition_rows < 1:
        raise ValueError(f"{PARTITION_OPTION} must be at least 1, not {partition_rows}")
    partitions = plan_partitions(sources, params, root, partition_rows)
    run = BatchRun(scorer, out, quarantine, options)
    contacts = run.scorer.params.known_parties
    if contacts:  # read by the workers, maybe in another folder
        contacts = str(Path(contacts).resolve())
    worker_params = run.scorer.params.model_copy(
        update={"sources": [], "outcomes": [], "known_parties": contacts}
    )
    expected = ScorerIdentity.of(run.scorer, contacts_digest(contacts))

    def submit(partition: Partition) -> Future:
        return client.submit(
            score_on_worker,
            partition,
            model,
            loader,
            worker_params,
            params,
            str(root),
            expected,
            run.layout,
            pure=False,
        )

    log.info("scoring %d partitions on %s", len(partitions), client)
    with run:
        for result in _in_order(client, partitions, submit):
            source = result.partition.spec.path
            run.read(source, result.format, result.rows_read, result.encoding, result.flags)
            run.add(source, result.scored, result.received, result.quarantine, result.profile)
    return run.summary
