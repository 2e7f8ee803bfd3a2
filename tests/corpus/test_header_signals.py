"""Headers that tell how a corpus was collected (mailing-list, X-Spam-*, Received, ...) are not
features: removing them from real messages changes neither the feature rows nor the score."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from inquiry_quality.core import schema
from inquiry_quality.core.config import SourceParams
from inquiry_quality.features import feature_table
from inquiry_quality.ingest import ingest

if TYPE_CHECKING:
    from conftest import CorpusRun

pytestmark = pytest.mark.slow  # the corpus sample is ingested, featurized and trained once

#: the only headers the pipeline may read (plus the MIME headers needed to decode the body)
KEPT = frozenset(
    {
        "from",
        "reply-to",
        "to",
        "cc",
        "subject",
        "date",
        "message-id",
        "in-reply-to",  # the sender's mail client writes the thread headers
        "references",
        "mime-version",
        "content-type",
        "content-transfer-encoding",
        "content-disposition",
    }
)
#: header names that identify the collection, not the sender; a message must lose one
COLLECTION = re.compile(
    r"^(list-|x-spam-|x-mailing-list|received|x-original-|delivered-to|precedence|"
    r"return-path|x-beenthere|x-mailman|errors-to|sender|x-loop)",
    re.IGNORECASE,
)
_NAME = re.compile(rb"^([!-9;-~]+):")


def strip_headers(data: bytes) -> tuple[bytes, list[str]]:
    """``data`` without every top-level header outside ``KEPT``; the names removed."""
    head, separator, body = data.replace(b"\r\n", b"\n").partition(b"\n\n")
    kept, removed, keep = [], [], True
    for line in head.split(b"\n"):
        match = _NAME.match(line)
        if match:
            name = match.group(1).decode("ascii").lower()
            keep = name in KEPT
            if not keep:
                removed.append(name)
        if keep:
            kept.append(line)
    return b"\n".join(kept) + separator + body, removed


def _copies(run: CorpusRun, out: Path) -> list[str]:
    """Messages of the sample with a Date and a collection header, as received and stripped."""
    corpus = run.root / "shared" / "corpora" / "spamassassin"
    chosen = []
    for path in sorted(corpus.glob("*/*.txt")):
        data = path.read_bytes()
        stripped, removed = strip_headers(data)
        if not any(COLLECTION.match(name) for name in removed) or b"\nDate:" not in data:
            continue
        relative = path.relative_to(corpus)
        for folder, content in (("original", data), ("stripped", stripped)):
            target = out / folder / "mail" / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        chosen.append(str(relative))
    return chosen


def _features(run: CorpusRun, folder: Path) -> pd.DataFrame:
    spec = SourceParams(path=str(folder), format="eml", channel="email")
    cfg = run.params.ingest.model_copy(update=dict(sources=[spec], outcomes=[]))
    table = ingest(cfg, root=Path("/"), out=folder.with_suffix(".parquet")).read_table()
    features = feature_table(table, run.bundle.featurizer)
    return features.sort_values(schema.INQUIRY_ID, ignore_index=True)


def test_collection_headers_change_no_feature_and_no_score(
    corpus_run: CorpusRun, tmp_path: Path
) -> None:
    chosen = _copies(corpus_run, tmp_path)
    assert len(chosen) >= 50  # most real messages carry such headers
    original = _features(corpus_run, tmp_path / "original" / "mail")
    stripped = _features(corpus_run, tmp_path / "stripped" / "mail")
    assert len(original) >= 0.9 * len(chosen)  # a few are duplicates or quarantined
    assert_frame_equal(original, stripped)
    scores = [
        corpus_run.bundle.predict_features(table)[schema.P_GENUINE]
        for table in (original, stripped)
    ]
    assert_frame_equal(scores[0].to_frame(), scores[1].to_frame())


def test_strip_headers_keeps_the_sender_and_the_body() -> None:
    message = (
        b"Received: from a\n\tby b; Mon, 1 Jul 2002 10:00:00 +0000\nFrom: Ann <ann@x.org>\n"
        b"X-Spam-Status: No, hits=-5\nSubject: Hi\nList-Id: <l.x.org>\n\nBody\n\nmore\n"
    )
    stripped, removed = strip_headers(message)
    assert stripped == b"From: Ann <ann@x.org>\nSubject: Hi\n\nBody\n\nmore\n"
    assert removed == ["received", "x-spam-status", "list-id"]
