import pandas as pd

from inquiry_quality.core import schema
from inquiry_quality.ingest.dedupe import Deduplicator


def rows(ids: list, mids: list, senders: list, bodies: list) -> pd.DataFrame:
    return pd.DataFrame(
        {
            schema.INQUIRY_ID: ids,
            schema.MESSAGE_ID: mids,
            schema.SENDER_EMAIL: senders,
            schema.BODY: bodies,
        }
    ).astype("string")


def test_same_id_message_id_or_sender_body_kept_once() -> None:
    dedupe = Deduplicator()
    first = rows(["a", "b"], ["m1", None], ["x@y.com", "x@y.com"], ["Need  500 pcs", "Other"])
    kept, dropped = dedupe.filter(first)
    assert dropped == 0 and len(kept) == 2
    later = rows(
        ["a", "c", "d", "e", "f"],
        [None, "m1", None, None, None],
        ["z@y.com", "q@y.com", "X@Y.com", "w@y.com", None],
        ["new", "new2", "need 500 PCS", "Need 500 pcs", "Need 500 pcs"],
    )
    kept, dropped = dedupe.filter(later)
    assert kept[schema.INQUIRY_ID].tolist() == ["e", "f"] and dropped == 3
