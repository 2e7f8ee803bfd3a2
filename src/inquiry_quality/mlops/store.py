"""The tracking store: where runs and registered models live, and the project's names."""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from pathlib import Path
from typing import Final

import mlflow

from inquiry_quality.core.paths import sqlite_file, tracking_uri

MODEL_NAME: Final = "inquiry-quality"
EXPERIMENT_NAME: Final = "inquiry-quality"
CANDIDATE: Final = "candidate"
CHAMPION: Final = "champion"
ARTIFACTS_DIR: Final = "mlruns"
#: where a sqlite store keeps absolute artifact locations (MLflow 3)
_LOCATIONS: Final = (
    ("experiments", "artifact_location"),
    ("runs", "artifact_uri"),
    ("logged_models", "artifact_location"),
    ("model_versions", "storage_location"),
)
logger = logging.getLogger(__name__)


def use_store(start: Path | None = None) -> str:
    """Point MLflow at the project's store (``tracking_uri``). Reading from a sqlite store
    that is not there creates it: readers check first (``scoring.model_location``). A store
    copied with its project is moved along, see ``follow_moved_store``."""
    uri = tracking_uri(start)
    database = sqlite_file(uri)
    if database is not None:
        follow_moved_store(database)
    mlflow.set_tracking_uri(uri)
    return uri


def follow_moved_store(db: Path, experiment_name: str = EXPERIMENT_NAME) -> int:
    """A sqlite store copied or moved with its project still names the old ``mlruns/``
    (MLflow keeps absolute artifact locations): point them to the ``mlruns/`` beside ``db``,
    so a copy never writes into the original. Returns the number of locations changed."""
    if not db.is_file():
        return 0
    with contextlib.closing(sqlite3.connect(db)) as con, con:
        row = con.execute(
            "SELECT artifact_location FROM experiments WHERE name = ?", (experiment_name,)
        ).fetchone()
        here = (db.resolve().parent / ARTIFACTS_DIR).as_uri()
        if row is None or not row[0].endswith(f"/{ARTIFACTS_DIR}") or row[0] == here:
            return 0
        old = row[0].removesuffix(f"/{ARTIFACTS_DIR}")
        new = here.removesuffix(f"/{ARTIFACTS_DIR}")
        changed = 0
        for table, column in _LOCATIONS:
            for before, after in (
                (old, new),
                (old.removeprefix("file://"), new.removeprefix("file://")),
            ):
                changed += con.execute(
                    f"UPDATE {table} SET {column} = ? || substr({column}, ?) "
                    f"WHERE {column} LIKE ? ESCAPE '\\'",
                    (after, len(before) + 1, _like_prefix(before)),
                ).rowcount
    logger.warning("%s: store moved from %s; its artifact locations now point to %s", db, old, new)
    return changed


def _like_prefix(prefix: str) -> str:
    escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"{escaped}/%"


def configure(start: Path | None = None, experiment_name: str = EXPERIMENT_NAME) -> str:
    """Point MLflow at the store and the experiment (``register.experiment_name``), creating
    the experiment on first use; returns the experiment id."""
    uri = use_store(start)
    experiment = mlflow.get_experiment_by_name(experiment_name)
    if experiment is not None:
        mlflow.set_experiment(experiment_id=experiment.experiment_id)
        return experiment.experiment_id
    location = None  # a server chooses; a sqlite store keeps artifacts beside the database
    database = sqlite_file(uri)
    if database is not None:
        location = (database.resolve().parent / ARTIFACTS_DIR).as_uri()
    experiment_id = mlflow.create_experiment(experiment_name, artifact_location=location)
    mlflow.set_experiment(experiment_id=experiment_id)
    return experiment_id
