"""How a batch is read and written, whichever engine scores it (``BatchOptions``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from inquiry_quality.core.config import IngestParams, ScoreParams
from inquiry_quality.ingest.outcomes import Outcomes


@dataclass(frozen=True)
class BatchOptions:
    """The options of a scoring run that do not depend on where it runs: built once (by the
    CLI, the ``score`` stage, the page) and given to the local or the Dask engine.

    ``fmt``: the output format (None: from the output's extension; a name without one is a
    folder of Parquet parts); ``root``: what relative source paths are relative to;
    ``extra_numeric``/``extra_categorical``: the extra input columns kept (``ingest`` params);
    ``outcomes``: outcome sources whose labels add how each tier did to the summary;
    ``progress``: a progress bar on stderr; ``keep_empty_quarantine``: write the quarantine
    file even when no row is quarantined; ``drift``: compare the batch with the model's
    training reference (``summary.drift``).
    """

    fmt: str | None = None
    root: Path = Path(".")
    extra_numeric: Sequence[str] = ()
    extra_categorical: Sequence[str] = ()
    outcomes: Sequence[Outcomes] = field(default=(), repr=False)
    progress: bool = False
    keep_empty_quarantine: bool = True
    drift: bool = False

    def __post_init__(self) -> None:
        # lists (from params.yaml) are kept as tuples: the options are a value
        for name in ("extra_numeric", "extra_categorical", "outcomes"):
            object.__setattr__(self, name, tuple(getattr(self, name)))

    def ingest(self, score: ScoreParams) -> IngestParams:
        """How scoring reads its inputs: ``score.chunk_rows`` rows at a time, the extra
        columns."""
        return IngestParams(
            chunk_rows=score.chunk_rows,
            extra_numeric=list(self.extra_numeric),
            extra_categorical=list(self.extra_categorical),
        )


#: the options of a run that sets none (a frozen value: safe as a default argument)
DEFAULT_OPTIONS: Final = BatchOptions()
