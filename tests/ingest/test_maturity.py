import pandas as pd
import pyarrow as pa

from inquiry_quality.core import schema
from inquiry_quality.ingest.maturity import mask_immature, snapshot_at


def test_young_outcomes_become_unknown() -> None:
    received = pd.to_datetime(["2025-01-01", "2025-05-01", "2025-06-20", "2025-06-25"], utc=True)
    batch = pa.RecordBatch.from_pydict(
        {
            schema.RECEIVED_AT: pa.array(received, pa.timestamp("us", tz="UTC")),
            schema.CONVERTED: pa.array([0, 1, 0, None], pa.int8()),
        }
    )
    snapshot = snapshot_at(None, received.max())
    masked, hidden = mask_immature(batch, snapshot, days=30)
    assert masked[schema.CONVERTED].to_pylist() == [0, 1, None, None]
    assert hidden == 1
    assert snapshot_at("2025-06-30", None) == pd.Timestamp("2025-07-01", tz="UTC")


def test_outcomes_of_undated_inquiries_become_unknown() -> None:
    received = pd.to_datetime(["2025-01-01", None, None], utc=True)
    batch = pa.RecordBatch.from_pydict(
        {
            schema.RECEIVED_AT: pa.array(received, pa.timestamp("us", tz="UTC")),
            schema.CONVERTED: pa.array([0, 1, 0], pa.int8()),
        }
    )
    masked, hidden = mask_immature(batch, pd.Timestamp("2025-06-30", tz="UTC"), days=30)
    assert masked[schema.CONVERTED].to_pylist() == [0, None, None]
    assert hidden == 2
    masked, hidden = mask_immature(batch, None, days=30)  # no snapshot: no row had a date
    assert masked[schema.CONVERTED].to_pylist() == [0, None, None]
