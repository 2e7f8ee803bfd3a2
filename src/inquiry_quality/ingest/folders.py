"""Which files of a folder are messages: its files in a stable order, less the excluded names
and, inside a Maildir, all but the messages.

A Maildir (a folder with ``cur/``, ``new/`` and ``tmp/``, as mail servers and clients keep it)
holds its messages in ``cur/`` and ``new/`` only: ``tmp/`` holds deliveries still being written,
and beside them a server keeps files that are not mail (Dovecot's ``dovecot-uidlist``,
``dovecot.index*``, ``subscriptions``, ``maildirfolder``), which would otherwise be read as
headerless messages and scored. Its Maildir++ subfolders (``.Sent/``, ``.Trash/``) are Maildirs
too; the default ``exclude`` (``.*``) leaves them out, as it leaves out every hidden entry.
"""

from __future__ import annotations

import fnmatch
import logging
from collections.abc import Iterator
from functools import cache, lru_cache
from pathlib import Path, PurePosixPath

logger = logging.getLogger(__name__)

MAILDIR_LAYOUT = ("cur", "new", "tmp")
MAILDIR_MESSAGES = ("cur", "new")


def is_maildir(folder: Path) -> bool:
    return all((folder / name).is_dir() for name in MAILDIR_LAYOUT)


def iter_folder(
    folder: Path, pattern: str = "**/*", exclude: tuple[str, ...] = ()
) -> Iterator[tuple[str, Path]]:
    """Message files under ``folder`` in a stable order, with their relative path."""

    @cache
    def maildir(relative: PurePosixPath) -> bool:
        return is_maildir(folder / relative)

    left_out = 0
    for path in sorted(folder.glob(pattern)):
        relative = PurePosixPath(path.relative_to(folder).as_posix())
        if not path.is_file() or any(
            fnmatch.fnmatch(part, pat) for part in relative.parts for pat in exclude
        ):
            continue
        # the nearest Maildir above the file decides: its message folders, or not a message
        home = next((p for p in relative.parents if maildir(p)), None)
        parent = relative.parent
        if home is not None and (parent.parent != home or parent.name not in MAILDIR_MESSAGES):
            left_out += 1
            continue
        yield relative.as_posix(), path
    if left_out:
        _say_left_out(folder, left_out)


@lru_cache
def _say_left_out(folder: Path, count: int) -> None:
    """Once per folder and process (a folder is listed to count, split and read it)."""
    logger.info(
        "%s: %d file(s) of its Maildir(s) are not messages (tmp/, index and list files): "
        "left out; messages are read from cur/ and new/",
        folder,
        count,
    )
