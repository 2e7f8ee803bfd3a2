"""Scored rows and quarantine lines to files, chunk by chunk (memory stays flat).

The output format follows the file's extension: ``.csv`` (list columns joined by `` | ``),
``.parquet`` (list columns as lists of strings) or ``.jsonl`` (one JSON object per inquiry,
list columns as arrays); a name without an extension is a folder of Parquet parts
(``part-00000.parquet``, ...; what Dask, Spark and DuckDB read as one table). A file or
folder is written as ``<name>.partial`` and renamed when complete, so a failed run never
leaves a half output under the real name.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import IO, Final

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from inquiry_quality.core import schema
from inquiry_quality.scoring.scorer import LIST_COLUMNS, flatten_lists

OUTPUT_FORMATS: Final = {
    ".csv": "csv",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
_FLOATS: Final = (schema.P_GENUINE, schema.P_CONVERT)


def output_format(path: Path, fmt: str | None = None) -> str:
    """``fmt`` if given, else the format of ``path``'s extension (none: Parquet parts)."""
    chosen = fmt or ("parquet" if not path.suffix else OUTPUT_FORMATS.get(path.suffix.lower()))
    if chosen not in set(OUTPUT_FORMATS.values()):
        raise ValueError(
            f"{path}: cannot tell the output format; use a .csv, .parquet or .jsonl name, "
            "a folder name without an extension (Parquet parts), or --format csv|parquet|jsonl"
        )
    return chosen


def output_schema() -> pa.Schema:
    """The fixed Parquet schema of scored rows."""
    fields = []
    for column in schema.OUTPUT_COLUMNS:
        if column in _FLOATS:
            fields.append((column, pa.float64()))
        elif column in LIST_COLUMNS:
            fields.append((column, pa.list_(pa.string())))
        else:
            fields.append((column, pa.string()))
    return pa.schema(fields)


class ScoredWriter:
    """Appends scored chunks to one output file, or one part each to a folder (a Parquet
    output named without an extension); use as a context manager."""

    def __init__(self, path: Path, fmt: str | None = None) -> None:
        self.path = Path(path)
        self.format = output_format(self.path, fmt)
        self.folder = self.format == "parquet" and not self.path.suffix
        self.partial = self.path.with_name(self.path.name + ".partial")
        self.rows = 0
        self.parts = 0
        self._handle: IO[str] | None = None
        self._parquet: pq.ParquetWriter | None = None

    def __enter__(self) -> ScoredWriter:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if self.folder:
            shutil.rmtree(self.partial, ignore_errors=True)
            self.partial.mkdir()
        elif self.format == "parquet":
            self._parquet = pq.ParquetWriter(self.partial, output_schema())
        else:
            self._handle = self.partial.open("w", encoding="utf-8", newline="")
        return self

    def _write_part(self, frame: pd.DataFrame) -> None:
        table = pa.Table.from_pandas(frame, output_schema(), preserve_index=False)
        pq.write_table(table, self.partial / f"part-{self.parts:05d}.parquet")
        self.parts += 1

    def write(self, frame: pd.DataFrame) -> None:
        frame = frame[list(schema.OUTPUT_COLUMNS)]
        if self.folder:
            if len(frame):
                self._write_part(frame)
        elif self._parquet is not None:
            table = pa.Table.from_pandas(frame, output_schema(), preserve_index=False)
            self._parquet.write_table(table)
        elif self.format == "csv":
            assert self._handle is not None
            flatten_lists(frame).to_csv(self._handle, header=self.rows == 0, index=False)
        else:
            assert self._handle is not None
            if len(frame):
                text = frame.to_json(orient="records", lines=True, force_ascii=False)
                self._handle.write(text if text.endswith("\n") else text + "\n")
        self.rows += len(frame)

    def __exit__(self, kind: object, error: object, traceback: object) -> None:
        if self.folder and error is None:
            if not self.parts:  # an empty batch still has the schema
                self._write_part(pd.DataFrame(columns=list(schema.OUTPUT_COLUMNS)))
            if self.path.is_dir():  # the previous run's parts
                shutil.rmtree(self.path)
            self.partial.replace(self.path)
            return
        if self.folder:
            shutil.rmtree(self.partial, ignore_errors=True)
            return
        if self._parquet is not None:
            self._parquet.close()
        if self._handle is not None:
            if self.format == "csv" and self.rows == 0:  # an empty batch still has a header
                self._handle.write(",".join(schema.OUTPUT_COLUMNS) + "\n")
            self._handle.close()
        if error is None:
            self.partial.replace(self.path)
        else:
            self.partial.unlink(missing_ok=True)


class QuarantineWriter:
    """Appends quarantine lines (``schema.QUARANTINE_COLUMNS``) to a CSV file.

    The file is created on the first line, or always (header only) with ``keep_empty``.
    """

    def __init__(self, path: Path, keep_empty: bool = True) -> None:
        self.path = Path(path)
        self.keep_empty = keep_empty
        self.rows = 0
        self._handle: IO[str] | None = None

    def __enter__(self) -> QuarantineWriter:
        if self.keep_empty:
            self._open()
        return self

    def _open(self) -> IO[str]:
        if self._handle is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._handle = self.path.open("w", encoding="utf-8", newline="")
            self._handle.write(",".join(schema.QUARANTINE_COLUMNS) + "\n")
        return self._handle

    def write(self, frame: pd.DataFrame) -> None:
        if len(frame):
            columns = list(schema.QUARANTINE_COLUMNS)
            frame[columns].to_csv(self._open(), header=False, index=False)
            self.rows += len(frame)

    def __exit__(self, kind: object, error: object, traceback: object) -> None:
        if self._handle is not None:
            self._handle.close()
