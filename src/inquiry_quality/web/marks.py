"""The reps' outcome marks: an append-only event log in SQLite, and its export as labels.

Every click is one row of ``events`` (inquiry, outcome, who, when, the score and tier the rep
saw, the model version); nothing is ever updated or deleted. A correction is a newer event
(the latest wins) and an undo is an event that cancels one earlier event, so the previous mark
(or none) is in force again. The view ``latest_marks`` holds the mark in force per inquiry.

Concurrency: WAL journal (readers never block the writer), a busy timeout, and each write in
``BEGIN IMMEDIATE`` so two reps marking at once queue instead of failing. The export reads the
view in one transaction and writes the labels file only when its content changes.

DVC never hashes the live database: each write also replaces a one-line ``last_event`` file
(the newest event's id, written while the write lock is held, so it only grows), and stage
``marks`` depends on that file's folder. Opening the page changes nothing there; a mark does.
"""

from __future__ import annotations

import io
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Final

import pandas as pd

from inquiry_quality.core import schema

GENUINE: Final = "genuine"
JUNK: Final = "junk"
EXISTING_CUSTOMER: Final = "existing_customer"
WON: Final = "won"
LOST: Final = "lost"
UNDO: Final = "undo"
#: outcomes a rep can mark, with the labels each stands for (is_genuine, converted)
OUTCOMES: Final[dict[str, tuple[int, int | None]]] = {
    GENUINE: (1, None),
    JUNK: (0, None),
    EXISTING_CUSTOMER: (1, None),
    WON: (1, 1),
    LOST: (1, 0),
}
BUSY_TIMEOUT_MS: Final = 10_000
#: the labels file's columns: the outcome key and the canonical label columns
LABEL_FILE_COLUMNS: Final = (schema.INQUIRY_ID, *schema.LABEL_COLUMNS, "outcome")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    inquiry_id TEXT NOT NULL,
    outcome TEXT NOT NULL,
    junk_type TEXT,
    order_value REAL,
    who TEXT NOT NULL,
    at TEXT NOT NULL,
    p_genuine REAL,
    p_convert REAL,
    tier TEXT,
    model_version TEXT,
    undoes INTEGER REFERENCES events(id)
);
CREATE INDEX IF NOT EXISTS events_inquiry ON events (inquiry_id, id);
CREATE INDEX IF NOT EXISTS events_undoes ON events (undoes);
CREATE VIEW IF NOT EXISTS live_events AS
    SELECT * FROM events e
    WHERE e.outcome != 'undo' AND NOT EXISTS (SELECT 1 FROM events u WHERE u.undoes = e.id);
CREATE VIEW IF NOT EXISTS latest_marks AS
    SELECT * FROM live_events l
    WHERE l.id = (SELECT max(id) FROM live_events m WHERE m.inquiry_id = l.inquiry_id);
"""


class MarkError(ValueError):
    """A mark that cannot be recorded (unknown outcome, junk without its type, ...)."""


@dataclass(frozen=True)
class Mark:
    """One event as the page shows it."""

    id: int
    inquiry_id: str
    outcome: str
    junk_type: str | None
    order_value: float | None
    who: str
    at: str

    @property
    def label(self) -> str:
        """The outcome in words: "junk (scam)", "won (12,500)", "existing customer"."""
        words = self.outcome.replace("_", " ")
        if self.junk_type:
            return f"{words} ({self.junk_type.replace('_', ' ')})"
        if self.order_value is not None:
            return f"{words} ({self.order_value:,.0f})"
        return words


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


class MarkStore:
    """The marks database at ``path``; one connection per call, safe across threads.
    ``last_event``: the file that tells ``dvc repro`` a mark was written (None: no such file)."""

    def __init__(self, path: Path, last_event: Path | None = None) -> None:
        self.path = Path(path)
        self.last_event = None if last_event is None else Path(last_event)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as con:
            con.execute("PRAGMA journal_mode=WAL")
            con.executescript(_SCHEMA)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        con = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        con.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        con.row_factory = sqlite3.Row
        try:
            yield con
        finally:
            con.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._connect() as con:
            con.execute("BEGIN IMMEDIATE")
            try:
                yield con
            except BaseException:
                con.execute("ROLLBACK")
                raise
            if self.last_event is not None:  # still under the write lock: ids only grow
                newest = con.execute("SELECT max(id) FROM events").fetchone()[0]
                _replace(self.last_event, f"{newest or 0}\n")
            con.execute("COMMIT")

    def mark(
        self,
        inquiry_id: str,
        outcome: str,
        who: str,
        *,
        junk_type: str | None = None,
        order_value: float | None = None,
        shown: dict[str, object] | None = None,
    ) -> Mark:
        """Record one outcome; ``shown`` holds the p_genuine, p_convert, tier and model
        version the rep saw. Raises ``MarkError`` for an outcome the labels cannot hold."""
        if outcome not in OUTCOMES:
            raise MarkError(f"unknown outcome {outcome!r}; one of {', '.join(OUTCOMES)}")
        if outcome == JUNK and junk_type not in schema.JUNK_TYPES:
            raise MarkError(f"junk needs its type, one of {', '.join(schema.JUNK_TYPES)}")
        if outcome != JUNK:
            junk_type = None
        if order_value is not None and (outcome != WON or order_value < 0):
            raise MarkError("an order value goes with a won inquiry and is not negative")
        shown = shown or {}
        row = (
            inquiry_id,
            outcome,
            junk_type,
            order_value,
            who,
            _now(),
            shown.get(schema.P_GENUINE),
            shown.get(schema.P_CONVERT),
            shown.get(schema.TIER),
            shown.get(schema.MODEL_VERSION),
        )
        with self._write() as con:
            cursor = con.execute(
                "INSERT INTO events (inquiry_id, outcome, junk_type, order_value, who, at, "
                "p_genuine, p_convert, tier, model_version) VALUES (?,?,?,?,?,?,?,?,?,?)",
                row,
            )
            event_id = int(cursor.lastrowid or 0)
        return Mark(event_id, inquiry_id, outcome, junk_type, order_value, who, row[5])

    def undo(self, inquiry_id: str, who: str) -> Mark | None:
        """Cancel the mark in force for ``inquiry_id`` (the one before it is in force again);
        returns the mark now in force, None if none. Nothing to undo: no event is written."""
        with self._write() as con:
            live = con.execute(
                "SELECT id FROM latest_marks WHERE inquiry_id = ?", (inquiry_id,)
            ).fetchone()
            if live is not None:
                con.execute(
                    "INSERT INTO events (inquiry_id, outcome, who, at, undoes) VALUES (?,?,?,?,?)",
                    (inquiry_id, UNDO, who, _now(), live["id"]),
                )
        return self.current(inquiry_id)

    def current(self, inquiry_id: str) -> Mark | None:
        """The mark in force for one inquiry."""
        with self._connect() as con:
            row = con.execute(
                "SELECT * FROM latest_marks WHERE inquiry_id = ?", (inquiry_id,)
            ).fetchone()
        return None if row is None else _mark(row)

    def latest(self) -> dict[str, Mark]:
        """The mark in force per inquiry id."""
        with self._connect() as con:
            rows = con.execute("SELECT * FROM latest_marks").fetchall()
        return {row["inquiry_id"]: _mark(row) for row in rows}

    def history(self, inquiry_id: str) -> list[Mark]:
        """Every event of one inquiry, oldest first (undo events included)."""
        with self._connect() as con:
            rows = con.execute(
                "SELECT * FROM events WHERE inquiry_id = ? ORDER BY id", (inquiry_id,)
            ).fetchall()
        return [_mark(r) for r in rows]

    def labels(self) -> pd.DataFrame:
        """The marks in force as canonical labels, one row per inquiry, sorted by id; read
        in one transaction, so a concurrent mark is either wholly in or wholly out."""
        with self._connect() as con:
            con.execute("BEGIN")
            rows = con.execute("SELECT * FROM latest_marks ORDER BY inquiry_id").fetchall()
            con.execute("COMMIT")
        records = []
        for row in rows:
            is_genuine, converted = OUTCOMES[row["outcome"]]
            labels = {
                schema.INQUIRY_ID: row["inquiry_id"],
                schema.IS_GENUINE: is_genuine,
                schema.JUNK_TYPE: row["junk_type"],
                # a won or lost mark is a new inquiry's outcome; an account's reply is marked so
                schema.EXISTING_CUSTOMER: int(row["outcome"] == EXISTING_CUSTOMER),
                schema.CONVERTED: converted,
                schema.ORDER_VALUE: row["order_value"],
                schema.CLOSED_AT: row["at"] if converted is not None else None,
                "outcome": row["outcome"],
            }
            records.append([labels[c] for c in LABEL_FILE_COLUMNS])
        frame = pd.DataFrame(records, columns=list(LABEL_FILE_COLUMNS))
        for column in (schema.IS_GENUINE, schema.EXISTING_CUSTOMER, schema.CONVERTED):
            frame[column] = frame[column].astype("Int8")
        return frame

    def counts_since(self, since: str | None) -> dict[str, int]:
        """Marks in force per class (genuine, junk) made after ``since`` (ISO time; None:
        all)."""
        query = "SELECT outcome, count(*) AS n FROM latest_marks"
        args: tuple[str, ...] = ()
        if since:
            query += " WHERE at > ?"
            args = (since,)
        with self._connect() as con:
            rows = con.execute(query + " GROUP BY outcome", args).fetchall()
        counts = {"genuine": 0, "junk": 0}
        for row in rows:
            counts["genuine" if OUTCOMES[row["outcome"]][0] else "junk"] += row["n"]
        return counts


def _mark(row: sqlite3.Row) -> Mark:
    return Mark(
        row["id"],
        row["inquiry_id"],
        row["outcome"],
        row["junk_type"],
        row["order_value"],
        row["who"],
        row["at"],
    )


def usable_labels(labels: pd.DataFrame, min_per_class: int) -> pd.DataFrame:
    """``labels`` if both classes (genuine, junk) have at least ``min_per_class`` marks, else
    none of them: a handful of marks of one class would only skew the next model."""
    genuine = int((labels[schema.IS_GENUINE] == 1).sum())
    junk = int((labels[schema.IS_GENUINE] == 0).sum())
    return labels if min(genuine, junk) >= min_per_class else labels.iloc[:0]


def export_labels(database: Path, out: Path, min_per_class: int) -> tuple[int, bool]:
    """Write the usable marks of ``database`` to the CSV ``out``; a missing database is no
    marks. Returns (rows written, whether the file changed): an identical export leaves the
    file untouched, and a changed one replaces it atomically."""
    labels = MarkStore(database).labels() if Path(database).exists() else None
    if labels is None:
        labels = pd.DataFrame(columns=list(LABEL_FILE_COLUMNS))
    usable = usable_labels(labels, min_per_class)
    buffer = io.StringIO()
    usable.to_csv(buffer, index=False, lineterminator="\n")
    text = buffer.getvalue()
    out = Path(out)
    if out.is_file() and out.read_text(encoding="utf-8") == text:
        return len(usable), False
    _replace(out, text)
    return len(usable), True


def _replace(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically: readers see the old file or the new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".partial")
    with os.fdopen(handle, "w", encoding="utf-8", newline="") as file:
        file.write(text)
    os.replace(temporary, path)
