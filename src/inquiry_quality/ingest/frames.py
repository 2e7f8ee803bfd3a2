"""The canonical inquiry frame: column order, dtypes, quarantine rows, the Parquet schema."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple

import pandas as pd
import pyarrow as pa

from inquiry_quality.core import schema

STRING = pd.StringDtype()
TIMESTAMP = "datetime64[us, UTC]"
LABEL_INT = "Int8"
INT_LABELS = (schema.IS_GENUINE, schema.EXISTING_CUSTOMER, schema.CONVERTED)
STRING_LABELS = (schema.JUNK_TYPE,)


class IngestError(RuntimeError):
    """A source that cannot be read at all (missing, unreadable, wrongly mapped)."""


def table_columns(extra_numeric: Sequence[str], extra_categorical: Sequence[str]) -> list[str]:
    """Column order of the ingested table."""
    return [
        *schema.INQUIRY_COLUMNS,
        *schema.PROVENANCE_COLUMNS,
        *extra_numeric,
        *extra_categorical,
        *schema.LABEL_COLUMNS,
    ]


def column_dtypes(extra_numeric: Sequence[str], extra_categorical: Sequence[str]) -> dict[str, Any]:
    """The pandas dtype of every column of the ingested table."""
    dtypes: dict[str, Any] = dict.fromkeys(table_columns(extra_numeric, extra_categorical), STRING)
    dtypes[schema.RECEIVED_AT] = TIMESTAMP
    dtypes[schema.CLOSED_AT] = TIMESTAMP
    dtypes.update(dict.fromkeys(INT_LABELS, LABEL_INT))
    dtypes[schema.ORDER_VALUE] = "float64"
    dtypes.update(dict.fromkeys(extra_numeric, "float64"))
    return dtypes


def arrow_schema(extra_numeric: Sequence[str], extra_categorical: Sequence[str]) -> pa.Schema:
    """A fixed Parquet schema, so chunks written one by one always agree."""
    arrow_types = {
        STRING: pa.string(),
        TIMESTAMP: pa.timestamp("us", tz="UTC"),
        LABEL_INT: pa.int8(),
        "float64": pa.float64(),
    }
    dtypes = column_dtypes(extra_numeric, extra_categorical)
    return pa.schema([(name, arrow_types[dtype]) for name, dtype in dtypes.items()])


def empty_table(extra_numeric: Sequence[str], extra_categorical: Sequence[str]) -> pd.DataFrame:
    dtypes = column_dtypes(extra_numeric, extra_categorical)
    return pd.DataFrame({c: pd.Series(dtype=d) for c, d in dtypes.items()})


def as_strings(values: Iterable[Any] | pd.Series) -> pd.Series:
    """Strings with <NA> for missing or blank values (never the text "nan")."""
    series = values if isinstance(values, pd.Series) else pd.Series(list(values), dtype=object)
    out = series.astype(STRING).str.strip()
    return out.mask(out == "")


def quarantine_rows(rows: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    """Quarantine lines (source, source_position, field, reason, detail) as strings."""
    frame = pd.DataFrame(list(rows), columns=list(schema.QUARANTINE_COLUMNS))
    return frame.astype(STRING)


def problem(
    source: str, position: int | str, reason: str, detail: str, field: str = ""
) -> dict[str, str]:
    """One quarantine line."""
    return {
        schema.SOURCE: source,
        schema.SOURCE_POSITION: str(position),
        "field": field,
        "reason": reason,
        "detail": detail[:500],
    }


def empty_quarantine() -> pd.DataFrame:
    return quarantine_rows([])


class Chunk(NamedTuple):
    """Rows read from a source (``table``) and the rows that could not be used (``quarantine``)."""

    table: pd.DataFrame
    quarantine: pd.DataFrame
