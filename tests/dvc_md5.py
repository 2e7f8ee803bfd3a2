"""A file's or a folder's hash as ``dvc.lock`` records it, computed with DVC's own code."""

from __future__ import annotations

from pathlib import Path

from dvc_data.hashfile.build import build
from dvc_data.hashfile.db import HashFileDB
from dvc_objects.fs.local import LocalFileSystem
from dvc_objects.fs.memory import MemoryFileSystem


def dvc_md5(path: Path) -> str:
    """``md5`` of a file, ``<md5>.dir`` of a folder (DVC's ``.dir`` object)."""
    odb = HashFileDB(MemoryFileSystem(), "/objects")
    _, _, tree = build(odb, str(path), LocalFileSystem(), "md5")
    return tree.hash_info.value
