"""A model directory checked, every file of it, against the digest ``dvc.lock`` recorded.

A bundle's ``checksums.json`` sits beside the files it protects: it catches corruption, not a
deliberate change. A model directory that a DVC stage wrote (``models/bundle``,
``models/inquiry-quality``) has its digest in ``dvc.lock``, outside the directory, committed
with the code: its ``MLmodel``, ``python_model.pkl``, ``code/`` and bundle are hashed as DVC
hashes them (md5 per file, one ``.dir`` digest; computed here, so scoring needs no DVC) and
compared before anything is unpickled or imported. What this stops and what it does not:
docs/safety.md ("Model integrity").
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from inquiry_quality.core.config import read_yaml
from inquiry_quality.modeling.bundle import ModelIntegrityError

logger = logging.getLogger(__name__)

LOCK_FILE = "dvc.lock"


def _stage_outs(lock: Path) -> Iterator[tuple[Path, str]]:
    """(resolved path, md5) of every stage output a ``dvc.lock`` records (``wdir`` applied)."""
    stages: dict[str, Any] = (read_yaml(lock.read_text("utf-8")) or {}).get("stages", {})
    spec_file = lock.with_name("dvc.yaml")
    specs = (read_yaml(spec_file.read_text("utf-8")) or {}).get("stages", {})
    for name, stage in stages.items():
        wdir = lock.parent / (specs.get(name, {}) or {}).get("wdir", ".")
        for out in stage.get("outs", []):
            if out.get("md5"):
                yield (wdir / out["path"]).resolve(), out["md5"]


def recorded_digest(directory: Path) -> tuple[Path, str] | None:
    """The ``dvc.lock`` (of this folder or one above) that records ``directory`` as a stage
    output, and the digest it recorded; None when no lock does."""
    target = directory.resolve()
    for folder in target.parents:
        lock = folder / LOCK_FILE
        if lock.is_file():
            for path, md5 in _stage_outs(lock):
                if path == target:
                    return lock, md5
    return None


def directory_digest(directory: Path, exclude: tuple[str, ...] = ()) -> tuple[str, dict[str, str]]:
    """DVC's digest of ``directory`` (``<md5>.dir``: the md5 of the sorted JSON list of each
    file's md5 and relative path, as dvc-data writes it) and the md5 of each file, by path;
    files named in ``exclude`` (relative paths) are left out."""
    files: dict[str, str] = {}
    for path in sorted(p for p in directory.rglob("*") if p.is_file()):
        relpath = path.relative_to(directory).as_posix()
        if relpath not in exclude:
            files[relpath] = _file_md5(path)
    listing = [{"md5": md5, "relpath": relpath} for relpath, md5 in sorted(files.items())]
    digest = hashlib.md5(json.dumps(listing, sort_keys=True).encode("utf-8"))
    return f"{digest.hexdigest()}.dir", files


def _file_md5(path: Path) -> str:
    digest = hashlib.md5()
    with path.open("rb") as fh:
        while block := fh.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def _recorded_files(lock: Path, digest: str) -> dict[str, str] | None:
    """The per-file md5s of a ``.dir`` digest, from the DVC cache beside ``lock`` if there."""
    for root in (lock.parent, *lock.parents):
        listing = root / ".dvc" / "cache" / "files" / "md5" / digest[:2] / digest[2:]
        if listing.is_file():
            return {e["relpath"]: e["md5"] for e in json.loads(listing.read_text("utf-8"))}
        if (root / ".dvc").is_dir():
            return None
    return None


def verify_directory(directory: Path) -> bool:
    """Raise ``ModelIntegrityError`` naming what changed when ``directory`` differs from the
    digest ``dvc.lock`` recorded; False when no ``dvc.lock`` records it (nothing to compare)."""
    recorded = recorded_digest(directory)
    if recorded is None:
        logger.debug("%s: not a DVC stage output; only its bundle checksums are checked", directory)
        return False
    lock, expected = recorded
    actual, files = directory_digest(directory)
    if actual == expected:
        return True
    known = _recorded_files(lock, expected)
    if known is None:
        changed = "its files"
    else:
        names = sorted(n for n in {*known, *files} if known.get(n) != files.get(n))
        changed = ", ".join(names[:10]) + (" ..." if len(names) > 10 else "")
    raise ModelIntegrityError(
        f"{directory}: {changed} changed since {lock} recorded it (digest {actual}, recorded "
        f"{expected}); not loaded. Rebuild it with `dvc repro`, or restore it with `dvc checkout`"
    )
