"""Duplicates across all sources: the same inquiry id or Message-ID, or the same normalised
body from the same sender, is kept once (the first seen) and counted."""

from __future__ import annotations

import hashlib
import re

import pandas as pd

from inquiry_quality.core import schema

_SPACE = re.compile(r"\s+")


def _digest(kind: str, value: str) -> int:
    digest = hashlib.blake2b(f"{kind}\0{value}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "little")


def normalised_body(body: str) -> str:
    return _SPACE.sub(" ", body).strip().casefold()


class Deduplicator:
    """Remembers 64-bit digests of the keys seen so far (flat memory for millions of rows)."""

    def __init__(self) -> None:
        self.seen: set[int] = set()

    def keys(self, row: tuple[object, object, object, object]) -> list[int]:
        inquiry_id, message_id, sender, body = row
        keys = [_digest("id", str(inquiry_id))]
        if isinstance(message_id, str) and message_id != inquiry_id:
            keys.append(_digest("id", message_id))
        if isinstance(sender, str) and isinstance(body, str):
            keys.append(_digest("body", f"{sender.casefold()}\0{normalised_body(body)}"))
        return keys

    def filter(self, table: pd.DataFrame) -> tuple[pd.DataFrame, int]:
        """Rows not seen before, and how many were dropped as duplicates."""
        columns = [schema.INQUIRY_ID, schema.MESSAGE_ID, schema.SENDER_EMAIL, schema.BODY]
        rows = table[columns].astype(object).where(table[columns].notna(), None)
        keep = []
        for row in rows.itertuples(index=False, name=None):
            keys = self.keys(row)
            new = not any(k in self.seen for k in keys)
            if new:
                self.seen.update(keys)
            keep.append(new)
        kept = table[pd.Series(keep, index=table.index, dtype=bool)].reset_index(drop=True)
        return kept, len(table) - len(kept)
