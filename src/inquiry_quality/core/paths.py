"""Where the project is: the one rule for the project root, and its MLflow store."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Final

_TEMP_EXPERIMENT_DIR: Final = (".dvc", "tmp", "exps")
SQLITE_PREFIX: Final = "sqlite:///"


def project_root(start: Path | None = None) -> Path:
    """The DVC/git repository holding ``start`` (cwd); the original one for DVC temp copies.

    ``dvc exp run --temp`` / ``--queue`` work in ``<repo>/.dvc/tmp/exps/...``: their project
    root is the original repository, so what they write (the MLflow store) lands there.
    """
    start = (start or Path.cwd()).resolve()
    parts = start.parts
    for i in range(len(parts) - len(_TEMP_EXPERIMENT_DIR)):
        if parts[i : i + len(_TEMP_EXPERIMENT_DIR)] == _TEMP_EXPERIMENT_DIR:
            return Path(*parts[:i])
    for folder in (start, *start.parents):
        if (folder / ".dvc").is_dir() or (folder / ".git").exists():
            return folder
    return start


def tracking_uri(start: Path | None = None) -> str:
    """``MLFLOW_TRACKING_URI`` if set, else the absolute sqlite store of the project."""
    project_store = f"{SQLITE_PREFIX}{project_root(start)}/mlflow.db"
    return os.environ.get("MLFLOW_TRACKING_URI") or project_store


def sqlite_file(uri: str) -> Path | None:
    """The database file of a sqlite tracking URI, None for any other store."""
    return Path(uri.removeprefix(SQLITE_PREFIX)) if uri.startswith(SQLITE_PREFIX) else None
