"""Raw readers for tabular exports: CSV, Excel, JSON Lines, Parquet — all read in chunks.

Each yields :class:`Chunk` objects whose table holds the source's own columns as strings plus
``source_position``: the spreadsheet row number for CSV and Excel (the header is row 1), the
line number for JSON Lines, the 1-based row number for Parquet. Rows that cannot be split into
the header's fields are quarantined here, with their position and the reason.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import json
import math
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import Any

import pandas as pd

from inquiry_quality.core import schema
from inquiry_quality.ingest.frames import (
    Chunk,
    IngestError,
    empty_quarantine,
    problem,
    quarantine_rows,
)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_FALLBACK_ENCODINGS = ("utf-8", "cp1252", "latin-1")
_DELIMITERS = (",", ";", "\t", "|")
_BLOCK = 1 << 20
#: a part of a source: records, lines, rows or messages [start, stop) (0-based); None: all
Units = tuple[int, int] | None

csv.field_size_limit(1 << 30)  # a long message body is a long field, not a broken file


def sniff_encoding(path: Path) -> str:
    """The encoding of a text file: its BOM, else the first of UTF-8, cp1252, latin-1 that
    decodes every byte (checked block by block, so memory stays flat)."""
    with path.open("rb") as fh:
        head = fh.read(4)
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding
    for encoding in _FALLBACK_ENCODINGS[:-1]:
        decoder = codecs.getincrementaldecoder(encoding)()
        try:
            with path.open("rb") as fh:
                while block := fh.read(_BLOCK):
                    decoder.decode(block)
                decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            continue
        return encoding
    return _FALLBACK_ENCODINGS[-1]  # latin-1 decodes any byte


def sniff_delimiter(header_line: str) -> str:
    """The candidate delimiter found most often in the header line (a comma on a tie)."""
    counts = {d: header_line.count(d) for d in _DELIMITERS}
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


def _frame(header: list[str], rows: list[list[Any]], positions: list[int]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=header, dtype=object)
    frame[schema.SOURCE_POSITION] = [str(p) for p in positions]
    return frame


def _unique_header(header: list[str], source: str) -> list[str]:
    header = [h.strip() for h in header]
    seen = {h for h in header if header.count(h) > 1}
    if seen:
        raise IngestError(f"{source}: duplicate column name(s) {sorted(seen)} in the header")
    return header


@contextmanager
def _csv_records(
    path: Path,
    source: str,
    encoding: str | None = None,
    delimiter: str | None = None,
    columns: list[str] | None = None,
) -> Iterator[tuple[Any, list[str], int]]:
    """An open CSV file as (record reader, header, number of header rows)."""
    encoding = encoding or sniff_encoding(path)
    with path.open(encoding=encoding, errors="replace", newline="") as fh:
        first = fh.readline()
        if not first.strip():
            raise IngestError(f"{source}: empty file (no header row)")
        delimiter = delimiter or sniff_delimiter(first)
        fh.seek(0)
        reader = csv.reader(fh, delimiter=delimiter, strict=True)
        header = _unique_header(list(columns) if columns else next(reader), source)
        yield reader, header, 0 if columns else 1


def read_csv(
    path: Path,
    source: str,
    chunk_rows: int,
    encoding: str | None = None,
    delimiter: str | None = None,
    columns: list[str] | None = None,
    units: Units = None,
) -> Iterator[Chunk]:
    """Read a delimited text export. Records with more or fewer fields than the header are
    quarantined (a truncated or malformed row), never shifted into other columns. With
    ``columns``, the file has no header row (a label index such as TREC's ``spam ../data/1``):
    they name its fields, and its first line is row 1. ``units`` (start, stop) reads only
    those records (0-based, header excluded; a record spans lines when a quoted field does)."""
    with _csv_records(path, source, encoding, delimiter, columns) as (reader, header, skip):
        yield from _csv_chunks(reader, header, source, chunk_rows, skip, units)


def count_csv_records(
    path: Path,
    source: str,
    encoding: str | None = None,
    delimiter: str | None = None,
    columns: list[str] | None = None,
) -> int:
    """How many records ``read_csv`` would look at (blank and malformed ones included)."""
    with _csv_records(path, source, encoding, delimiter, columns) as (reader, _, _):
        return _skip(reader, None)


def _skip(reader: Any, count: int | None) -> int:
    """Consume up to ``count`` records (all with None), malformed ones too; how many."""
    done = 0
    while count is None or done < count:
        try:
            next(reader)
        except StopIteration:
            break
        except csv.Error:
            pass
        done += 1
    return done


def _csv_chunks(
    reader: Any,
    header: list[str],
    source: str,
    chunk_rows: int,
    header_rows: int = 1,
    units: Units = None,
) -> Iterator[Chunk]:
    rows: list[list[str]] = []
    positions: list[int] = []
    problems: list[dict[str, str]] = []
    start, stop = units or (0, None)
    position = header_rows + _skip(reader, start)
    while stop is None or position - header_rows < stop:
        position += 1
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            truncated = "unexpected end of data" in str(exc)  # a quote never closed
            reason = "truncated row" if truncated else "malformed CSV record"
            problems.append(problem(source, position, reason, str(exc)))
            continue
        if not record or all(not field or not str(field).strip() for field in record):
            continue  # a blank line: an empty spreadsheet row, not an inquiry
        if len(record) != len(header):
            reason = "truncated row" if len(record) < len(header) else "too many fields"
            detail = f"expected {len(header)} fields, found {len(record)}"
            problems.append(problem(source, position, reason, detail))
            continue
        rows.append(record)
        positions.append(position)
        if len(rows) >= chunk_rows:
            yield Chunk(_frame(header, rows, positions), quarantine_rows(problems))
            rows, positions, problems = [], [], []
    if rows or problems:
        yield Chunk(_frame(header, rows, positions), quarantine_rows(problems))


def _cell(value: Any) -> Any:
    """An Excel cell as text: whole numbers without ".0", dates in ISO format."""
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    return None if value is None else str(value)


def read_xlsx(
    path: Path, source: str, chunk_rows: int, sheet: str | None = None
) -> Iterator[Chunk]:
    """Read one sheet of a workbook in read-only (streaming) mode."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a file that is not a workbook
        raise IngestError(f"{source}: not a readable .xlsx workbook ({exc})") from exc
    try:
        if sheet is not None and sheet not in book.sheetnames:
            raise IngestError(f"{source}: no sheet {sheet!r} (sheets: {book.sheetnames})")
        rows_iter = (
            book[sheet].iter_rows(values_only=True)
            if sheet
            else book.active.iter_rows(values_only=True)
        )
        first = next(rows_iter, None)
        if first is None or all(v is None for v in first):
            raise IngestError(f"{source}: empty sheet (no header row)")
        header = _unique_header([_cell(v) or "" for v in first], source)
        records = ([_cell(v) for v in row] for row in rows_iter)
        yield from _csv_chunks(_padded(records, len(header)), header, source, chunk_rows)
    finally:
        book.close()


def _padded(records: Iterator[list[Any]], width: int) -> Iterator[list[Any]]:
    """Excel rows: trailing empty cells are not missing fields; extra non-empty cells are."""
    for record in records:
        while len(record) > width and record[-1] is None:
            record.pop()
        yield record + [None] * (width - len(record)) if len(record) < width else record


def read_jsonl(path: Path, source: str, chunk_rows: int, units: Units = None) -> Iterator[Chunk]:
    """Read JSON Lines: one object per line; a line that is not an object is quarantined.
    ``units`` (start, stop) reads only those lines (0-based)."""
    start, stop = units or (0, None)
    records: list[dict[str, Any]] = []
    positions: list[int] = []
    problems: list[dict[str, str]] = []
    with path.open(encoding=sniff_encoding(path), errors="replace") as fh:
        for number, line in enumerate(islice(fh, start, stop), start=start + 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                problems.append(problem(source, number, "malformed JSON line", str(exc)))
                continue
            if not isinstance(record, dict):
                problems.append(problem(source, number, "JSON line is not an object", line))
                continue
            records.append({k: _json_value(v) for k, v in record.items()})
            positions.append(number)
            if len(records) >= chunk_rows:
                yield Chunk(_records_frame(records, positions), quarantine_rows(problems))
                records, positions, problems = [], [], []
    if records or problems:
        yield Chunk(_records_frame(records, positions), quarantine_rows(problems))


def _json_value(value: Any) -> Any:
    if isinstance(value, list):
        return schema.ATTACHMENT_SEP.join(str(v) for v in value)
    return value if value is None or isinstance(value, str) else _cell(value) or str(value)


def _records_frame(records: list[dict[str, Any]], positions: list[int]) -> pd.DataFrame:
    frame = pd.DataFrame.from_records(records)
    frame = frame.astype(object) if len(frame.columns) else pd.DataFrame(index=range(len(records)))
    frame[schema.SOURCE_POSITION] = [str(p) for p in positions]
    return frame


def read_parquet(path: Path, source: str, chunk_rows: int, units: Units = None) -> Iterator[Chunk]:
    """Read a Parquet file batch by batch; ``units`` (start, stop) reads only those rows."""
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises ArrowInvalid / OSError for a broken file
        raise IngestError(f"{source}: not a readable Parquet file ({exc})") from exc
    first, stop = units or (0, parquet.metadata.num_rows)
    offset = 0  # 0-based index of the batch's first row
    for batch in parquet.iter_batches(batch_size=chunk_rows):
        if offset >= stop:
            break
        lo, hi = max(first - offset, 0), min(stop - offset, batch.num_rows)
        if lo < hi:
            frame = batch.slice(lo, hi - lo).to_pandas()
            positions = range(offset + lo + 1, offset + hi + 1)
            frame[schema.SOURCE_POSITION] = [str(p) for p in positions]
            yield Chunk(frame, empty_quarantine())
        offset += batch.num_rows
