"""Scored rows and quarantine lines to files, chunk by chunk (memory stays flat).

The output format follows the file's extension: ``.csv`` (list columns joined by `` | ``),
``.parquet`` (list columns as lists of strings) or ``.jsonl`` (one JSON object per inquiry,
list columns as arrays); a name without an extension is a folder of Parquet parts
(``part-00000.parquet``, ...; what Dask, Spark and DuckDB read as one table). A file or folder
is written to a temporary one in the same folder and renamed over the real name when complete
(``outputs.atomic_path``, ``outputs.atomic_folder``), so a failed run never leaves a half
output, and an existing one is replaced only by a whole new one.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import IO, Final

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from inquiry_quality.core import schema
from inquiry_quality.scoring.outputs import (
    atomic_folder,
    atomic_path,
    is_parts_folder,
    output_format,
)
from inquiry_quality.scoring.scorer import LIST_COLUMNS, flatten_lists

_FLOATS: Final = (schema.P_GENUINE, schema.P_CONVERT)


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
        self.folder = is_parts_folder(self.path, self.format)
        self._parts_folder: Path | None = None
        self.rows = 0
        self.parts = 0
        self._handle: IO[str] | None = None
        self._parquet: pq.ParquetWriter | None = None
        self._stack = contextlib.ExitStack()

    def __enter__(self) -> ScoredWriter:
        if self.folder:
            self._parts_folder = self._stack.enter_context(atomic_folder(self.path))
            return self
        temp = self._stack.enter_context(atomic_path(self.path))
        if self.format == "parquet":
            self._parquet = pq.ParquetWriter(temp, output_schema())
        else:
            self._handle = self._stack.enter_context(temp.open("w", encoding="utf-8", newline=""))
        return self

    def _write_part(self, frame: pd.DataFrame) -> None:
        table = pa.Table.from_pandas(frame, output_schema(), preserve_index=False)
        assert self._parts_folder is not None, "write inside the with block"
        pq.write_table(table, self._parts_folder / f"part-{self.parts:05d}.parquet")
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

    def __exit__(self, kind: type[BaseException] | None, error: object, traceback: object) -> None:
        if self.folder and error is None and not self.parts:  # an empty batch has the schema
            self._write_part(pd.DataFrame(columns=list(schema.OUTPUT_COLUMNS)))
        if self._parquet is not None:
            self._parquet.close()
        if self._handle is not None and self.format == "csv" and self.rows == 0:
            self._handle.write(",".join(schema.OUTPUT_COLUMNS) + "\n")  # a header at least
        self._stack.__exit__(kind, error, traceback)  # type: ignore[arg-type]


class QuarantineWriter:
    """Appends quarantine lines (``schema.QUARANTINE_COLUMNS``) to a CSV file.

    The file is created on the first line, or always (header only) with ``keep_empty``; like
    the scored file, it replaces an existing file only when complete.
    """

    def __init__(self, path: Path, keep_empty: bool = True) -> None:
        self.path = Path(path)
        self.keep_empty = keep_empty
        self.rows = 0
        self._handle: IO[str] | None = None
        self._stack = contextlib.ExitStack()

    def __enter__(self) -> QuarantineWriter:
        if self.keep_empty:
            self._open()
        return self

    def _open(self) -> IO[str]:
        if self._handle is None:
            temp = self._stack.enter_context(atomic_path(self.path))
            self._handle = self._stack.enter_context(temp.open("w", encoding="utf-8", newline=""))
            self._handle.write(",".join(schema.QUARANTINE_COLUMNS) + "\n")
        return self._handle

    def write(self, frame: pd.DataFrame) -> None:
        if len(frame):
            columns = list(schema.QUARANTINE_COLUMNS)
            frame[columns].to_csv(self._open(), header=False, index=False)
            self.rows += len(frame)

    def __exit__(self, kind: type[BaseException] | None, error: object, traceback: object) -> None:
        self._stack.__exit__(kind, error, traceback)  # type: ignore[arg-type]
