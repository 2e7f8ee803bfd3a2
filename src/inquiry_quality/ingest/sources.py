"""One entry point for every inquiry source: ``read_inquiries(path or SourceParams)``."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from inquiry_quality.core.config import IngestParams, SourceParams
from inquiry_quality.ingest.email_reader import count_messages, read_messages
from inquiry_quality.ingest.frames import Chunk, IngestError, empty_quarantine, empty_table
from inquiry_quality.ingest.mapping import to_canonical
from inquiry_quality.ingest.tabular import (
    Units,
    count_csv_records,
    read_csv,
    read_jsonl,
    read_parquet,
    read_xlsx,
)
from inquiry_quality.ingest.validate import validate_inquiries

FORMATS = ("csv", "xlsx", "jsonl", "parquet", "eml", "mbox")
MAIL_FORMATS = ("eml", "mbox")
_SUFFIXES = {
    ".csv": "csv",
    ".tsv": "csv",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".mbox": "mbox",
    ".mbx": "mbox",
    ".eml": "eml",
}


def infer_format(path: Path) -> str:
    """A source's format from its extension; a folder is a folder of messages."""
    if path.is_dir():
        return "eml"
    fmt = _SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        with path.open("rb") as fh:
            fmt = "mbox" if fh.read(5) == b"From " else None
    if fmt is None:
        raise IngestError(
            f"{path}: cannot tell the format from the extension; set format to one of {FORMATS}"
        )
    return fmt


def raw_chunks(
    spec: SourceParams, path: Path, fmt: str, params: IngestParams, units: Units = None
) -> Iterator[Chunk]:
    """The source's rows with its own column names, before mapping; with ``units``, only that
    part of it (see ``count_units``; an Excel sheet is read whole)."""
    source = spec.path
    if fmt == "csv":
        return read_csv(
            path, source, params.chunk_rows, spec.encoding, spec.delimiter, spec.columns, units
        )
    if fmt == "xlsx":
        return read_xlsx(path, source, params.chunk_rows, spec.sheet)
    if fmt == "jsonl":
        return read_jsonl(path, source, params.chunk_rows, units)
    if fmt == "parquet":
        return read_parquet(path, source, params.chunk_rows, units)
    if fmt in MAIL_FORMATS:
        return read_messages(
            path,
            fmt,
            source,
            params.chunk_rows,
            max_message_bytes=params.max_message_bytes,
            max_body_chars=params.max_body_chars,
            pattern=spec.pattern,
            exclude=tuple(spec.exclude),
            units=units,
        )
    raise IngestError(f"{source}: unknown format {fmt!r}; expected one of {FORMATS}")


def count_units(spec: SourceParams, params: IngestParams, root: Path = Path(".")) -> int | None:
    """How many units (CSV records, JSON lines, Parquet rows, messages) the source holds, for
    reading it in parts; None for an Excel sheet, which is read whole."""
    path = root / spec.path
    if not path.exists():
        raise IngestError(f"{spec.path}: source not found (looked for {path})")
    fmt = spec.format or infer_format(path)
    try:
        if fmt == "csv":
            return count_csv_records(path, spec.path, spec.encoding, spec.delimiter, spec.columns)
        if fmt == "jsonl":
            with path.open("rb") as fh:
                return sum(1 for _ in fh)
        if fmt == "parquet":
            import pyarrow.parquet as pq

            return pq.ParquetFile(path).metadata.num_rows
        if fmt in MAIL_FORMATS:
            exclude = tuple(spec.exclude)
            return count_messages(path, fmt, params.max_message_bytes, spec.pattern, exclude)
    except IngestError:
        raise
    except Exception as exc:  # OSError, UnicodeError; pyarrow's ArrowInvalid for a broken file
        raise IngestError(f"{spec.path}: unreadable source ({exc})") from exc
    return None


class SourceReader:
    """Iterates one source (or the ``units`` part of it) as validated canonical chunks (at
    least one, maybe empty); counts what it read and what it flagged."""

    def __init__(
        self,
        spec: SourceParams,
        params: IngestParams,
        root: Path,
        future_after: pd.Timestamp,
        units: Units = None,
    ) -> None:
        self.spec = spec
        self.params = params
        self.root = root
        self.future_after = future_after
        self.units = units
        self.format = spec.format
        self.rows_read = 0
        self.flags: Counter[str] = Counter()

    def __iter__(self) -> Iterator[Chunk]:
        spec, params = self.spec, self.params
        path = self.root / spec.path
        if not path.exists():
            raise IngestError(f"{spec.path}: source not found (looked for {path})")
        extra = [*params.extra_numeric, *params.extra_categorical]
        try:
            self.format = spec.format or infer_format(path)
            if spec.channel is None and self.format in MAIL_FORMATS:
                spec = spec.model_copy(update={"channel": "email"})
            yielded = False
            for raw in raw_chunks(spec, path, self.format, params, self.units):
                self.rows_read += len(raw.table) + len(raw.quarantine)
                canonical = to_canonical(raw.table, spec, spec.path, extra)
                valid, flags = validate_inquiries(
                    canonical, params.extra_numeric, params.extra_categorical, self.future_after
                )
                self.flags.update(flags)
                yielded = True
                yield Chunk(
                    valid.table, pd.concat([raw.quarantine, valid.quarantine], ignore_index=True)
                )
        except (OSError, UnicodeError) as exc:
            raise IngestError(f"{spec.path}: unreadable source ({exc})") from exc
        if not yielded:  # an empty source still has the table's columns
            yield Chunk(
                empty_table(params.extra_numeric, params.extra_categorical), empty_quarantine()
            )


def read_inquiries(
    source: SourceParams | str | Path,
    params: IngestParams | None = None,
    root: Path = Path("."),
    future_after: pd.Timestamp | None = None,
    units: Units = None,
) -> SourceReader:
    """Read one source (a path: format from the extension, columns already canonical; or a
    ``SourceParams`` with format and mapping) as (table chunk, quarantine chunk) pairs.

    Rows dated after ``future_after`` (default: now) are quarantined; ``units`` (start, stop)
    reads only that part of the source (see ``count_units``).
    """
    spec = source if isinstance(source, SourceParams) else SourceParams(path=str(source))
    after = future_after if future_after is not None else pd.Timestamp.now(tz="UTC")
    return SourceReader(spec, params or IngestParams(), root, after, units)
