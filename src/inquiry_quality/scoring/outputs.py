"""Output files that never destroy data: checked before any work, locked, written atomically.

``check_outputs`` refuses an output that is one of the inputs or the other output (compared
as resolved paths, so a symlink or a hard link counts) and an output that cannot be written
(a folder, unless the output is a folder of parts; a read-only folder); the CLI calls it
before it loads the model. ``output_locks`` holds one lock per output (``filelock``, a hidden
``.<name>.lock`` beside it, removed before release) so that two runs cannot write one file.
``atomic_path`` (``atomic_folder``) hands a writer a temporary file (folder) in the output's
folder and renames it over the output only when the writer succeeded. ``output_format``
tells the format from the name (none: a folder of Parquet parts). This module imports no part
of the model's stack, so the CLI refuses a wrong path before paying for it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Collection, Iterator, Sequence
from pathlib import Path
from typing import Final

from filelock import FileLock, Timeout

OUTPUT_FORMATS: Final = {
    ".csv": "csv",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}


class OutputError(Exception):
    """An output file cannot be written safely; the message names it."""


class SameFileError(OutputError):
    """An output would overwrite an input or the other output."""


def _same(a: Path, b: Path) -> bool:
    if a.resolve() == b.resolve():
        return True
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def _existing_folder(path: Path) -> Path:
    """The nearest existing ancestor of ``path`` (created folders would go below it)."""
    folder = path.resolve().parent
    while not folder.exists():
        folder = folder.parent
    return folder


def check_writable(path: Path, folder: bool = False) -> None:
    """Raise ``OutputError`` unless a file (``folder``: a folder, which may exist) can be
    created at ``path`` (probed, not guessed)."""
    if folder and path.is_file():
        raise OutputError(f"{path}: is a file; a folder of Parquet parts needs a new name")
    if path.is_dir() and not folder:
        raise OutputError(f"{path}: is a folder; give a file name, e.g. {path / 'scored.csv'}")
    folder = _existing_folder(path)
    if not folder.is_dir():
        raise OutputError(f"{path}: cannot be created, {folder} is a file, not a folder")
    try:
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise OutputError(f"{path}: cannot write in folder {folder} ({reason})") from exc


def output_format(path: Path, fmt: str | None = None) -> str:
    """``fmt`` if given, else the format of ``path``'s extension (none: Parquet parts)."""
    chosen = fmt or ("parquet" if not path.suffix else OUTPUT_FORMATS.get(path.suffix.lower()))
    if chosen not in set(OUTPUT_FORMATS.values()):
        raise ValueError(
            f"{path}: cannot tell the output format; use a .csv, .parquet or .jsonl name, "
            "a folder name without an extension (Parquet parts), or --format csv|parquet|jsonl"
        )
    return chosen


def is_parts_folder(path: Path, fmt: str | None = None) -> bool:
    """Whether the output ``path`` is written as a folder of Parquet parts (no extension)."""
    return output_format(path, fmt) == "parquet" and not path.suffix


def default_quarantine_path(out: Path) -> Path:
    """``<out name>.quarantine.csv`` beside the output."""
    return out.with_name(out.name.split(".")[0] + ".quarantine.csv")


def check_outputs(
    inputs: Sequence[Path], outputs: Sequence[Path], folders: Collection[Path] = ()
) -> None:
    """Refuse outputs that are inputs or each other, and outputs that cannot be written;
    ``folders`` are outputs written as folders, which replace everything in them."""
    for i, out in enumerate(outputs):
        for source in inputs:
            if _same(out, source):
                raise SameFileError(f"{out}: is also an input ({source}); it would be overwritten")
            if out in folders and out.resolve() in source.resolve().parents:
                raise SameFileError(f"{out}: holds an input ({source}); it would be replaced")
        for other in outputs[i + 1 :]:
            if _same(out, other):
                raise SameFileError(
                    f"{out}: given for two outputs ({other}); scored rows and quarantined "
                    "rows need separate files"
                )
    for out in outputs:
        check_writable(out, out in folders)


def lock_path(path: Path) -> Path:
    """The hidden lock file that guards ``path``."""
    return path.with_name(f".{path.name}.lock")


@contextlib.contextmanager
def output_locks(paths: Sequence[Path]) -> Iterator[None]:
    """Hold a lock on every output, or raise ``OutputError`` at once if another run has one."""
    with contextlib.ExitStack() as stack:
        for path in paths:
            path.parent.mkdir(parents=True, exist_ok=True)
            lock = FileLock(lock_path(path), timeout=0)
            try:
                stack.enter_context(lock)
            except Timeout as exc:
                busy = f"{path}: another run is writing it; try again when it ends"
                raise OutputError(busy) from exc
            # removed while still held: filelock retries a lock whose file was unlinked under it
            stack.callback(lock_path(path).unlink, missing_ok=True)
        yield


@contextlib.contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """A temporary file beside ``path``; renamed to ``path`` on success, removed on failure."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(handle)
    temp = Path(name)
    try:
        yield temp
        temp.chmod(0o666 & ~_umask())
        temp.replace(path)
    finally:
        temp.unlink(missing_ok=True)


@contextlib.contextmanager
def atomic_folder(path: Path) -> Iterator[Path]:
    """A temporary folder beside ``path``; on success it replaces ``path`` (a folder: the
    previous run's), on failure it is removed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = Path(tempfile.mkdtemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"))
    try:
        yield temp
        temp.chmod(0o777 & ~_umask())
        if path.is_dir():
            shutil.rmtree(path)
        temp.replace(path)
    finally:
        shutil.rmtree(temp, ignore_errors=True)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
