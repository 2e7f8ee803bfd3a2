"""The ingest stage: every source → one validated, de-duplicated, labelled Parquet table.

Memory stays flat whatever the input size: sources are read chunk by chunk and each chunk is
appended to a Parquet file; a second pass over that file applies label maturity, which needs
the snapshot date (by default the newest ``received_at``, known only after the first pass).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from inquiry_quality.core import schema
from inquiry_quality.core.config import IngestParams
from inquiry_quality.ingest.dedupe import Deduplicator
from inquiry_quality.ingest.frames import arrow_schema, column_dtypes, empty_quarantine
from inquiry_quality.ingest.maturity import mask_immature, snapshot_at
from inquiry_quality.ingest.outcomes import Outcomes, join_labels, load_outcomes
from inquiry_quality.ingest.sources import SourceReader, read_inquiries


@dataclass(frozen=True)
class IngestResult:
    """Where the table was written, the quarantined rows and the reconciliation report."""

    table_path: Path
    quarantine: pd.DataFrame
    report: dict[str, Any]

    def read_table(self) -> pd.DataFrame:
        return read_table(self.table_path)


def read_table(path: Path) -> pd.DataFrame:
    """An ingested table with its canonical dtypes (strings with <NA>, nullable Int8)."""
    arrow = pq.read_table(path)
    extra = [c for c in arrow.column_names if c not in column_dtypes([], [])]
    numeric = [c for c in extra if pa.types.is_floating(arrow.schema.field(c).type)]
    categorical = [c for c in extra if c not in numeric]
    frame = arrow.to_pandas(types_mapper={pa.string(): pd.StringDtype()}.get)
    return frame.astype(column_dtypes(numeric, categorical))


def _source_report(
    reader: SourceReader, kept: int, quarantined: Counter[str], duplicates: int, unlabelled: int
) -> dict[str, Any]:
    rows_quarantined = sum(quarantined.values())
    dropped = duplicates + unlabelled
    return {
        "source": reader.spec.path,
        "format": reader.format,
        "encoding": reader.encoding,
        "rows_read": reader.rows_read,
        "rows_kept": kept,
        "rows_quarantined": rows_quarantined,
        "duplicates_dropped": duplicates,
        "unlabelled_dropped": unlabelled,
        "reconciles": reader.rows_read == kept + rows_quarantined + dropped,
        "reasons": dict(quarantined.most_common()),
        "flags": dict(reader.flags.most_common()),
    }


def _first_pass(
    params: IngestParams,
    root: Path,
    outcomes: list[Outcomes],
    path: Path,
    future_after: pd.Timestamp,
) -> tuple[list[dict], list[pd.DataFrame], pd.Timestamp | None]:
    """Read, validate, de-duplicate and label every source into ``path``."""
    table_schema = arrow_schema(params.extra_numeric, params.extra_categorical)
    dedupe = Deduplicator()
    reports, quarantine, newest = [], [], None
    with pq.ParquetWriter(path, table_schema) as writer:
        for spec in params.sources:
            reader = read_inquiries(spec, params, root, future_after)
            kept, duplicates, unlabelled, reasons = 0, 0, 0, Counter()
            for chunk in reader:
                unique, dropped = dedupe.filter(chunk.table)
                labelled = join_labels(unique, outcomes, root)
                if spec.labelled_only:
                    has_label = labelled[list(schema.LABEL_COLUMNS)].notna().any(axis=1)
                    unlabelled += int((~has_label).sum())
                    labelled = labelled[has_label]
                if len(labelled):
                    writer.write_table(
                        pa.Table.from_pandas(labelled, table_schema, preserve_index=False)
                    )
                kept, duplicates = kept + len(labelled), duplicates + dropped
                reasons.update(chunk.quarantine["reason"].tolist())
                quarantine.append(chunk.quarantine)
                top = labelled[schema.RECEIVED_AT].max()  # NaT: no row of the chunk has a date
                if pd.notna(top) and (newest is None or top > newest):
                    newest = top
            reports.append(_source_report(reader, kept, reasons, duplicates, unlabelled))
    return reports, quarantine, newest


def ingest(params: IngestParams, root: Path, out: Path) -> IngestResult:
    """Ingest every source of ``params`` (paths relative to ``root``) into Parquet at ``out``.

    Raises ``IngestError`` naming the source when one is missing, unreadable or wrongly mapped.
    """
    outcomes = [load_outcomes(spec, params, root) for spec in params.outcomes]
    now = pd.Timestamp.now(tz="UTC")  # without a snapshot_date, later dates are in the future
    end_of_snapshot = snapshot_at(params.snapshot_date, None)
    future_after = now if end_of_snapshot is None else end_of_snapshot
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    try:
        reports, quarantine, newest = _first_pass(params, root, outcomes, partial, future_after)
        snapshot = snapshot_at(params.snapshot_date, newest)
        hidden, labelled = 0, 0
        parquet = pq.ParquetFile(partial)
        with pq.ParquetWriter(out, parquet.schema_arrow) as writer:
            for batch in parquet.iter_batches(batch_size=params.chunk_rows):
                batch, n = mask_immature(batch, snapshot, params.label_maturity_days)
                hidden += n
                labelled += pc.sum(pc.is_valid(batch[schema.IS_GENUINE])).as_py() or 0
                writer.write_batch(batch)
    finally:
        partial.unlink(missing_ok=True)
    quarantine += [o.quarantine for o in outcomes]
    quarantined = pd.concat([empty_quarantine(), *quarantine], ignore_index=True)
    report = {
        "sources": reports,
        "outcomes": [o.report() for o in outcomes],
        "rows_read": sum(r["rows_read"] for r in reports),
        "rows_kept": sum(r["rows_kept"] for r in reports),
        "rows_quarantined": sum(r["rows_quarantined"] for r in reports),
        "duplicates_dropped": sum(r["duplicates_dropped"] for r in reports),
        "unlabelled_dropped": sum(r["unlabelled_dropped"] for r in reports),
        "reconciles": all(r["reconciles"] for r in reports),
        "snapshot": None if snapshot is None else snapshot.isoformat(),
        "label_maturity_days": params.label_maturity_days,
        "inquiries_labelled": labelled,
        "converted_hidden_as_immature": hidden,
    }
    return IngestResult(out, quarantined, report)
