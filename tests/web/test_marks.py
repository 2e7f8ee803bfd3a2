"""The marks event log: corrections, undo, two writers at once, a deterministic export."""

from __future__ import annotations

import threading
from pathlib import Path

import pandas as pd
import pytest

from inquiry_quality.core import schema
from inquiry_quality.web.marks import MarkError, MarkStore, export_labels


def test_the_latest_mark_wins_and_undo_restores_the_one_before(tmp_path: Path) -> None:
    store = MarkStore(tmp_path / "marks.sqlite")
    store.mark("A", "genuine", "anna")
    store.mark("A", "junk", "ben", junk_type="scam")
    assert store.current("A").label == "junk (scam)"
    assert store.undo("A", "ben").outcome == "genuine"
    assert store.undo("A", "anna") is None
    assert store.undo("A", "anna") is None  # nothing left: no event written
    outcomes = [e.outcome for e in store.history("A")]
    assert outcomes == ["genuine", "junk", "undo", "undo"]  # append-only
    store.mark("A", "won", "anna", order_value=12500.0)
    assert store.current("A").label == "won (12,500)"


def test_marks_the_labels_cannot_hold_are_refused(tmp_path: Path) -> None:
    store = MarkStore(tmp_path / "marks.sqlite")
    with pytest.raises(MarkError, match="junk needs its type"):
        store.mark("A", "junk", "anna")
    with pytest.raises(MarkError, match="unknown outcome"):
        store.mark("A", "maybe", "anna")
    with pytest.raises(MarkError, match="order value"):
        store.mark("A", "lost", "anna", order_value=10.0)
    assert store.history("A") == []


def test_each_write_notes_the_newest_event_and_opening_notes_nothing(tmp_path: Path) -> None:
    signal = tmp_path / "marks" / "last_event"
    store = MarkStore(tmp_path / "live" / "marks.sqlite", signal)
    assert not signal.exists()  # the page opened the database: DVC has nothing to rerun
    store.mark("A", "genuine", "anna")
    store.mark("B", "junk", "ben", junk_type="spam")
    assert signal.read_text() == "2\n"
    store.undo("A", "anna")
    assert signal.read_text() == "3\n"
    with pytest.raises(MarkError):
        store.mark("C", "maybe", "anna")
    assert signal.read_text() == "3\n"


def test_two_reps_marking_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "marks.sqlite"
    signal = tmp_path / "last_event"
    MarkStore(path)
    start = threading.Barrier(2)

    def rep(name: str) -> None:
        store = MarkStore(path, signal)  # its own connections, as two server workers have
        start.wait()
        for i in range(100):
            store.mark(f"{name}-{i}", "genuine" if i % 2 else "junk", name, junk_type="spam")
            store.mark("shared", "genuine", name)

    threads = [threading.Thread(target=rep, args=(n,)) for n in ("anna", "ben")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    store = MarkStore(path)
    assert len(store.latest()) == 201
    assert len(store.history("shared")) == 200
    assert signal.read_text() == "400\n"  # written under the write lock: the last is the newest


def test_the_export_is_deterministic_and_waits_for_the_minimum(tmp_path: Path) -> None:
    store = MarkStore(tmp_path / "marks.sqlite")
    out = tmp_path / "labels" / "marks.csv"
    for i in range(3):
        store.mark(f"G{i}", "lost" if i == 2 else "genuine", "anna")
    store.mark("J1", "junk", "ben", junk_type="phishing")
    assert export_labels(store.path, out, min_per_class=2) == (0, True)
    assert list(pd.read_csv(out).columns)[:2] == [schema.INQUIRY_ID, schema.IS_GENUINE]
    assert export_labels(store.path, out, min_per_class=2) == (0, False)
    store.mark("J2", "junk", "ben", junk_type="spam")
    assert export_labels(store.path, out, min_per_class=2) == (5, True)
    first = out.read_bytes()
    mtime = out.stat().st_mtime_ns
    assert export_labels(store.path, out, min_per_class=2) == (5, False)
    assert out.read_bytes() == first and out.stat().st_mtime_ns == mtime
    labels = pd.read_csv(out)
    assert labels[schema.INQUIRY_ID].tolist() == ["G0", "G1", "G2", "J1", "J2"]
    assert labels[schema.IS_GENUINE].tolist() == [1, 1, 1, 0, 0]
    assert labels[schema.CONVERTED].fillna(-1).tolist() == [-1, -1, 0, -1, -1]
    assert labels[schema.JUNK_TYPE].fillna("").tolist() == ["", "", "", "phishing", "spam"]


def test_no_database_exports_no_labels(tmp_path: Path) -> None:
    out = tmp_path / "marks.csv"
    assert export_labels(tmp_path / "none.sqlite", out, 1) == (0, True)
    assert not (tmp_path / "none.sqlite").exists()
    assert pd.read_csv(out).empty
