"""Where a batch is scored: this machine's processes (``local``) or a Dask cluster
(``dask_engine``). Both score every part of a batch with the same function."""

from __future__ import annotations


class EngineError(RuntimeError):
    """A run the engine cannot finish (a partition that kills its workers, ...); the message
    says what to change."""
