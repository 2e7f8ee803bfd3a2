"""Outcomes (labels) and their join to the inquiries.

Three shapes: a CRM export keyed by inquiry id or Message-ID (``join_on: inquiry_id`` or
``message_id``; ``<>`` and spaces around keys are ignored); a ``labels.csv`` of message paths
relative to its own folder (``join_on: path``); or the folder names of a message folder
(``format: folders``, which yields columns ``path`` and ``folder``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from inquiry_quality.core import schema
from inquiry_quality.core.config import IngestParams, SourceParams
from inquiry_quality.ingest.folders import iter_folder
from inquiry_quality.ingest.frames import STRING, Chunk, IngestError, empty_quarantine
from inquiry_quality.ingest.mapping import OUTCOME_KEY, to_canonical
from inquiry_quality.ingest.sources import infer_format, raw_chunks
from inquiry_quality.ingest.validate import Problems, check_labels

JOIN_KEYS = ("inquiry_id", "message_id", "path")
#: label columns whose disagreements between sources are counted
DISAGREEING = (schema.IS_GENUINE, schema.JUNK_TYPE, schema.CONVERTED)


@dataclass
class Outcomes:
    """One outcome source: labels indexed by join key, its quarantine, what was matched."""

    spec: SourceParams
    labels: pd.DataFrame
    quarantine: pd.DataFrame
    rows_read: int
    matched: set[str] = field(default_factory=set)
    #: per label column, inquiries where this source's value differs from the one kept (an
    #: earlier source's: the order of ``ingest.outcomes`` is the precedence)
    disagreements: dict[str, int] = field(default_factory=dict)

    def report(self) -> dict[str, object]:
        return {
            "source": self.spec.path,
            "join_on": self.spec.join_on,
            "rows_read": self.rows_read,
            "rows_quarantined": len(self.quarantine),
            "rows_duplicate_key": self.rows_read - len(self.quarantine) - len(self.labels),
            "reasons": self.quarantine["reason"].value_counts().to_dict(),
            "labels_joined": len(self.matched),
            "labels_unmatched": len(self.labels) - len(self.matched),
            "disagreements": dict(sorted(self.disagreements.items())),
        }


def _folder_chunks(path: Path, spec: SourceParams) -> Iterator[Chunk]:
    """Labels from folder names: each file's top folder, or the word of it that is a key of
    ``values.folder`` (``easy-ham-1`` → ``ham``)."""
    if not path.is_dir():
        raise IngestError(f"{spec.path}: format folders needs a directory")
    known = {str(k) for k in spec.values.get("folder", {})}
    rows = []
    for relative, _ in iter_folder(path, spec.pattern, tuple(spec.exclude)):
        top = relative.split("/", 1)[0] if "/" in relative else ""
        words = [w for w in re.split(r"[^A-Za-z0-9]+", top) if w in known]
        rows.append({"path": relative, "folder": top if top in known or not words else words[0]})
    frame = pd.DataFrame(rows, columns=["path", "folder"])
    frame[schema.SOURCE_POSITION] = frame["path"]
    yield Chunk(frame, empty_quarantine())


def normalise_keys(keys: pd.Series) -> pd.Series:
    return keys.astype(STRING).str.strip().str.strip("<>").str.strip()


def path_keys(relative: pd.Series, base: Path) -> pd.Series:
    """Absolute, resolved file paths, so a labels file and a message folder agree."""
    return pd.Series(
        [pd.NA if pd.isna(r) else str((base / str(r)).resolve()) for r in relative],
        index=relative.index,
        dtype=STRING,
    )


def load_outcomes(spec: SourceParams, params: IngestParams, root: Path) -> Outcomes:
    """Read and check one outcome source; a bad row is quarantined, a repeated key is kept
    once (the first), a missing file stops the stage."""
    if spec.join_on not in JOIN_KEYS:
        raise IngestError(f"{spec.path}: join_on must be one of {JOIN_KEYS}, not {spec.join_on!r}")
    path = root / spec.path
    if not path.exists():
        raise IngestError(f"{spec.path}: outcome source not found (looked for {path})")
    fmt = spec.format or infer_format(path)
    chunks = _folder_chunks(path, spec) if fmt == "folders" else raw_chunks(spec, path, fmt, params)
    labels, quarantine, rows_read = [], [], 0
    try:
        for raw in chunks:
            rows_read += len(raw.table) + len(raw.quarantine)
            frame = to_canonical(raw.table, spec, spec.path, [], outcome=True)
            if OUTCOME_KEY not in frame:
                raise IngestError(f"{spec.path}: the mapping names no column as {OUTCOME_KEY!r}")
            keys = normalise_keys(frame[OUTCOME_KEY])
            if spec.join_on == "path":
                keys = path_keys(keys, path if fmt == "folders" else path.parent)
            problems = Problems(frame.index)
            problems.add(keys.isna(), OUTCOME_KEY, "outcome without a key", "")
            typed = check_labels(frame, problems)
            kept, bad = problems.split(frame.assign(**typed, **{OUTCOME_KEY: keys}))
            labels.append(kept[[OUTCOME_KEY, *schema.LABEL_COLUMNS]])
            quarantine += [raw.quarantine, bad]
    except (OSError, UnicodeError) as exc:
        raise IngestError(f"{spec.path}: unreadable outcome source ({exc})") from exc
    table = pd.concat(labels, ignore_index=True) if labels else pd.DataFrame(columns=[OUTCOME_KEY])
    table = table.drop_duplicates(OUTCOME_KEY, keep="first").set_index(OUTCOME_KEY)
    bad_rows = pd.concat(quarantine, ignore_index=True) if quarantine else empty_quarantine()
    return Outcomes(spec, table, bad_rows, rows_read)


def inquiry_keys(table: pd.DataFrame, join_on: str, root: Path) -> pd.Series:
    """The key of each inquiry for ``join_on``."""
    if join_on == "path":
        full = table[schema.SOURCE].astype(str) + "/" + table[schema.SOURCE_POSITION].astype(str)
        return path_keys(full, root)
    return table[join_on]


def join_labels(table: pd.DataFrame, outcomes: list[Outcomes], root: Path) -> pd.DataFrame:
    """Fill the label columns from each outcome source in turn (labels the source itself
    carried win, then earlier sources); record which outcome keys were used and how often a
    source disagrees with the label kept."""
    table = table.copy()
    for outcome in outcomes:
        keys = inquiry_keys(table, outcome.spec.join_on, root)
        found = keys.isin(outcome.labels.index)
        if not found.any():
            continue
        outcome.matched.update(keys[found])
        joined = outcome.labels.reindex(keys[found].to_numpy())
        joined.index = keys[found].index
        for column in schema.LABEL_COLUMNS:
            kept, offered = table.loc[found, column], joined[column]
            if column in DISAGREEING:
                differs = kept.notna() & offered.notna() & (kept.astype(str) != offered.astype(str))
                count = outcome.disagreements.get(column, 0) + int(differs.sum())
                outcome.disagreements[column] = count
            filled = kept.where(kept.notna(), offered)
            table.loc[found, column] = filled.astype(table[column].dtype)
    return table
