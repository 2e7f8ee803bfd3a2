"""Label maturity: whether an inquiry converted is unknown until it is old enough.

An inquiry received less than ``label_maturity_days`` before the snapshot has had no time to
become an order; recording it as "no order" would teach the model that recent inquiries fail.
An inquiry without a date may be just as young, so its outcome is hidden too.
"""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from inquiry_quality.core import schema


def snapshot_at(snapshot_date: str | None, newest: pd.Timestamp | None) -> pd.Timestamp | None:
    """End of ``snapshot_date`` (UTC), or the newest ``received_at`` when it is not set."""
    if snapshot_date is None:
        return newest
    return pd.Timestamp(snapshot_date, tz="UTC") + pd.Timedelta(days=1)


def mask_immature(
    batch: pa.RecordBatch, snapshot: pd.Timestamp | None, days: int
) -> tuple[pa.RecordBatch, int]:
    """Set ``converted`` to null for rows received after ``snapshot - days`` and for rows
    without ``received_at`` (their age is unknown; with no snapshot, no row has a date); also
    return how many known outcomes were hidden so."""
    received = batch[schema.RECEIVED_AT]
    if snapshot is None:
        young = pc.is_null(received)
    else:
        cutoff = pa.scalar(snapshot - pd.Timedelta(days=days), type=pa.timestamp("us", tz="UTC"))
        young = pc.fill_null(pc.greater(received, cutoff), True)
    hidden = pc.sum(pc.and_(young, pc.is_valid(batch[schema.CONVERTED]))).as_py() or 0
    index = batch.schema.get_field_index(schema.CONVERTED)
    converted = pc.if_else(young, pa.scalar(None, pa.int8()), batch[schema.CONVERTED])
    return batch.set_column(index, schema.CONVERTED, converted), hidden
