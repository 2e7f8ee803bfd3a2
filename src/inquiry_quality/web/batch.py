"""The day's batch for the page: scored rows joined to the inquiries' own text.

A scored file (``inquiry-quality score``'s CSV, Parquet or JSON Lines) holds the scores, not the
text, so the text comes from the inputs it was scored from (by default the ``score.sources`` of
``params.yaml``), joined by inquiry id. Inputs that are not yet scored go through
``score_sources`` first, so the page shows exactly what the ``score`` command writes.

Each batch comes with its drift check against the model's training reference, as
``inquiry-quality score --drift`` writes it: computed in the same ``score_sources`` pass (with
``drift=True``), read from the report the batch was scored with, or, for a scored file without
its report, by scoring its inputs again in the background (the page answers meanwhile).
"""

from __future__ import annotations

import json
import logging
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import pandas as pd

from inquiry_quality.core import schema
from inquiry_quality.core.config import IngestParams, SourceParams
from inquiry_quality.features.phrasing import detect_language
from inquiry_quality.ingest import IngestError, read_inquiries
from inquiry_quality.scoring import LIST_COLUMNS, LIST_SEP, BatchOptions, Scorer, score_sources
from inquiry_quality.scoring.batch import ANY_DATE
from inquiry_quality.web.drift import NO_DRIFT_CHECK, DriftCheck

logger = logging.getLogger(__name__)

#: the inquiry's own fields the page shows beside the scores
TEXT_FIELDS: Final = (
    schema.RECEIVED_AT,
    schema.CHANNEL,
    schema.SUBJECT,
    schema.BODY,
    schema.QUOTED,
    schema.SIGNATURE,
    schema.SENDER_NAME,
    schema.SENDER_EMAIL,
    schema.REPLY_TO,
    schema.COMPANY,
    schema.WEBSITE,
    schema.PHONE,
    schema.COUNTRY,
    schema.ATTACHMENTS,
)
LANGUAGE: Final = "language"
SCORE_COLUMNS: Final = (schema.P_GENUINE, schema.P_CONVERT, schema.TIER)


@dataclass(frozen=True)
class Batch:
    """Scored inquiries with their text (one row each) and the rows that could not be used."""

    table: pd.DataFrame
    quarantined: int
    texts_missing: int
    #: the batch's drift check (``evaluation.drift``); its report is None when no model or
    #: report was given
    drift: DriftCheck = NO_DRIFT_CHECK


def is_scored_file(path: Path) -> bool:
    """True for a file written by ``inquiry-quality score`` (it has the score columns)."""
    if path.is_dir():
        return False
    suffix = path.suffix.lower()
    try:
        if suffix == ".csv":
            columns = pd.read_csv(path, nrows=0).columns
        elif suffix in (".parquet", ".pq"):
            import pyarrow.parquet as pq

            columns = pq.read_schema(path).names
        elif suffix in (".jsonl", ".ndjson"):
            columns = pd.read_json(path, lines=True, nrows=1).columns
        else:
            return False
    except (ValueError, OSError, UnicodeError):
        return False
    return set(SCORE_COLUMNS) <= set(columns)


def read_scored(path: Path) -> pd.DataFrame:
    """A scored file with its list columns as lists (CSV joins them with `` | ``)."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        for column in LIST_COLUMNS:
            frame[column] = [v.split(LIST_SEP) if v else [] for v in frame[column]]
    elif suffix in (".parquet", ".pq"):
        frame = pd.read_parquet(path)
    else:
        frame = pd.read_json(path, lines=True, dtype=False)
    missing = [c for c in schema.OUTPUT_COLUMNS if c not in frame]
    if missing:
        raise ValueError(f"{path}: not a scored file, it lacks the columns {', '.join(missing)}")
    for column in LIST_COLUMNS:
        frame[column] = [list(v) if v is not None else [] for v in frame[column]]
    for column in (schema.P_GENUINE, schema.P_CONVERT):
        frame[column] = pd.to_numeric(frame[column], errors="coerce")
    frame[schema.INQUIRY_ID] = frame[schema.INQUIRY_ID].astype(str)
    frame[schema.JUNK_TYPE] = frame[schema.JUNK_TYPE].replace("", None)
    return frame


def read_texts(sources: Sequence[SourceParams], params: IngestParams, root: Path) -> pd.DataFrame:
    """The text fields of every inquiry in ``sources`` (first of each id), as strings."""
    frames = []
    for spec in sources:
        if not (root / spec.path).exists():
            logger.warning("%s: not found, its inquiries are shown without text", spec.path)
            continue
        for chunk in read_inquiries(spec, params, root, ANY_DATE):
            frames.append(chunk.table[[schema.INQUIRY_ID, *TEXT_FIELDS]])
    if not frames:
        return pd.DataFrame(columns=[schema.INQUIRY_ID, *TEXT_FIELDS])
    texts = pd.concat(frames, ignore_index=True)
    texts[schema.INQUIRY_ID] = texts[schema.INQUIRY_ID].astype(str)
    return texts.drop_duplicates(schema.INQUIRY_ID)


def languages_of(table: pd.DataFrame, languages: tuple[str, ...]) -> list[str]:
    """The language of each inquiry's subject and body (the featurizer's detector)."""
    texts = (table[schema.SUBJECT].fillna("") + "\n" + table[schema.BODY].fillna("")).tolist()
    found: dict[str, str] = {}
    for text in texts:
        if text not in found:
            found[text] = detect_language(text, languages, sum(c.isalpha() for c in text))
    return [found[t] for t in texts]


def join_texts(scored: pd.DataFrame, texts: pd.DataFrame, languages: tuple[str, ...]) -> Batch:
    """Scored rows with their text; rows whose text is not found keep empty fields."""
    table = scored.merge(texts, on=schema.INQUIRY_ID, how="left", validate="many_to_one")
    missing = int(table[schema.BODY].isna().sum()) if len(texts) else len(table)
    for column in TEXT_FIELDS:
        if column != schema.RECEIVED_AT:
            table[column] = table[column].astype("string").fillna("")
    table[LANGUAGE] = languages_of(table, languages)
    return Batch(table, 0, missing)


def read_drift(path: Path) -> dict[str, Any]:
    """A drift report as ``inquiry-quality score --drift`` writes it; ValueError if it is not."""
    try:
        report = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"{path}: not a readable drift report ({exc})") from exc
    if not isinstance(report, dict) or not isinstance(report.get("verdict"), str):
        raise ValueError(f"{path}: not a drift report, it has no verdict")
    return report


def scored_with_drift(
    scorer: Scorer,
    sources: Sequence[SourceParams],
    params: IngestParams,
    root: Path = Path("."),
) -> tuple[pd.DataFrame, int, dict[str, Any] | None]:
    """``sources`` scored as ``inquiry-quality score --drift`` scores them: the scored rows,
    the rows quarantined and the drift report against the model's training reference."""
    with tempfile.TemporaryDirectory(prefix="inquiry-quality-serve-") as folder:
        out, bad = Path(folder) / "scored.parquet", Path(folder) / "quarantine.csv"
        summary = score_sources(
            scorer,
            sources,
            out,
            bad,
            BatchOptions(
                root=root,
                extra_numeric=params.extra_numeric,
                extra_categorical=params.extra_categorical,
                drift=True,
            ),
        )
        scored = read_scored(out)
    return scored, summary.quarantined, summary.drift


def load_scored(
    path: Path,
    sources: Sequence[SourceParams],
    params: IngestParams,
    languages: tuple[str, ...],
    root: Path = Path("."),
    drift: Path | Scorer | None = None,
) -> Batch:
    """A scored file, with the text of its inquiries from ``sources`` and its drift check:
    the report read from ``drift`` (a report file), or computed in the background by scoring
    ``sources`` with ``drift`` (a scorer) as ``score --drift`` does; none without either."""
    if isinstance(drift, Path):
        check = DriftCheck.known(read_drift(drift))
    elif drift is not None:
        scorer = drift
        check = DriftCheck.in_background(
            lambda: scored_with_drift(scorer, sources, params, root)[2]
        )
    else:
        check = NO_DRIFT_CHECK
    batch = join_texts(read_scored(path), read_texts(sources, params, root), languages)
    return Batch(batch.table, batch.quarantined, batch.texts_missing, check)


def score_inputs(
    scorer: Scorer,
    sources: Sequence[SourceParams],
    params: IngestParams,
    languages: tuple[str, ...],
    root: Path = Path("."),
) -> Batch:
    """Score ``sources`` as ``inquiry-quality score --drift`` does, then join their text."""
    scored, quarantined, drift = scored_with_drift(scorer, sources, params, root)
    if not len(scored) and not quarantined:
        raise IngestError("the inputs hold no inquiries")
    batch = join_texts(scored, read_texts(sources, params, root), languages)
    return Batch(batch.table, quarantined, batch.texts_missing, DriftCheck.known(drift))
