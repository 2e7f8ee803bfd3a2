"""Source columns and values onto the canonical ones, as declared in ``params.yaml``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from inquiry_quality.core import schema
from inquiry_quality.core.config import SourceParams
from inquiry_quality.ingest.columns import canonical_variants
from inquiry_quality.ingest.frames import STRING, IngestError, as_strings
from inquiry_quality.ingest.timestamps import to_utc

RAW_RECEIVED_AT = "_raw_received_at"  # kept until validation, for the quarantine detail
OUTCOME_KEY = "key"  # outcomes: the column joined to the inquiries


def targets(extra: Sequence[str], outcome: bool = False) -> set[str]:
    """Canonical names a mapping may point to."""
    if outcome:
        return {OUTCOME_KEY, *schema.LABEL_COLUMNS}
    return {*schema.INQUIRY_COLUMNS, *schema.LABEL_COLUMNS, *extra}


def effective_mapping(
    columns: Sequence[str], spec: SourceParams, allowed: set[str], source: str
) -> dict[str, str]:
    """Source column → canonical column. Columns already named canonically, or a case or
    spacing variant of a canonical name (``Subject``), need no entry; a mapped column the file
    lacks, or a target that is not canonical, is an error."""
    bad_targets = sorted(t for t in spec.mapping.values() if t not in allowed)
    if bad_targets:
        raise IngestError(
            f"{source}: mapping targets {bad_targets} are not canonical columns "
            f"(allowed: {sorted(allowed)}; declare extra columns in ingest.extra_numeric or "
            "ingest.extra_categorical)"
        )
    missing = [c for c in spec.mapping if c not in columns]
    if missing:
        raise IngestError(
            f"{source}: mapped column(s) {missing} not found in the file "
            f"(its columns: {list(columns)})"
        )
    missing_values = [c for c in spec.values if c not in spec.mapping and c not in allowed]
    if missing_values:
        raise IngestError(f"{source}: value mapping for unmapped column(s) {missing_values}")
    mapped = dict(spec.mapping)
    for column in columns:
        if column in allowed and column not in mapped.values() and column not in mapped:
            mapped[column] = column
    unmapped = [c for c in columns if c not in mapped]
    for column, target in canonical_variants(unmapped, allowed).items():
        if target not in mapped.values():
            mapped[column] = target
    return mapped


def _map_values(column: pd.Series, values: Mapping[Any, Any]) -> pd.Series:
    lookup = {str(k).strip(): (pd.NA if v is None else str(v)) for k, v in values.items()}
    stripped = as_strings(column)
    return stripped.map(lambda v: lookup.get(v, v) if isinstance(v, str) else v).astype(STRING)


def to_canonical(
    raw: pd.DataFrame,
    spec: SourceParams,
    source: str,
    extra: Sequence[str],
    outcome: bool = False,
) -> pd.DataFrame:
    """The canonical columns of one raw chunk, as strings except ``received_at`` (UTC)."""
    allowed = targets(extra, outcome)
    mapping = effective_mapping(
        [c for c in raw.columns if c != schema.SOURCE_POSITION], spec, allowed, source
    )
    out = pd.DataFrame(index=raw.index)
    for column, target in mapping.items():
        values = spec.values.get(column)
        out[target] = _map_values(raw[column], values) if values else as_strings(raw[column])
    out[schema.SOURCE] = pd.Series(source, index=raw.index, dtype=STRING)
    out[schema.SOURCE_POSITION] = raw[schema.SOURCE_POSITION].astype(STRING)
    if outcome:
        return out
    for column in (*schema.INQUIRY_COLUMNS, *extra):
        if column not in out:
            out[column] = pd.Series(pd.NA, index=raw.index, dtype=STRING)
    if spec.channel is not None:
        out[schema.CHANNEL] = out[schema.CHANNEL].fillna(spec.channel)
    # "Message-ID: <>" (spam has it) is no id: blank, so the inquiry takes its file's id
    out[schema.MESSAGE_ID] = as_strings(out[schema.MESSAGE_ID].str.strip("<> \t"))
    default_id = pd.Series(
        [f"{source.rsplit('/', 1)[-1]}:{p}" for p in out[schema.SOURCE_POSITION]],
        index=raw.index,
        dtype=STRING,
    )
    out[schema.INQUIRY_ID] = (
        out[schema.INQUIRY_ID].fillna(out[schema.MESSAGE_ID]).fillna(default_id)
    )
    received_column = next((c for c, t in mapping.items() if t == schema.RECEIVED_AT), None)
    raw_received = (
        raw[received_column]
        if received_column is not None
        else pd.Series(None, index=raw.index, dtype=object)
    )
    out[RAW_RECEIVED_AT] = as_strings(raw_received)
    out[schema.RECEIVED_AT] = to_utc(raw_received, spec.timezone)
    return out
