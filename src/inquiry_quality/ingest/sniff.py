"""What a file is by its content, not its name: compressed mailboxes, and files that are not mail.

A mailbox compressed with gzip, bzip2 or xz is read through the matching decompressor, a zip
archive as a folder of message files; ``puremagic`` names any other binary content (an image, a
PDF, a program), which is then not read as an inquiry. Only signatures are read: nothing is
opened, rendered or executed.
"""

from __future__ import annotations

import bz2
import gzip
import lzma
import re
from pathlib import Path
from typing import IO, Final

#: signature -> (name, opener) of the compressions a mailbox may come in
_COMPRESSED: Final = {
    b"\x1f\x8b": ("gzip", gzip.open),
    b"BZh": ("bzip2", bz2.open),
    b"\xfd7zXZ\x00": ("xz", lzma.open),
}
ZIP_SIGNATURE: Final = b"PK\x03\x04"
COMPRESSED_SUFFIXES: Final = (".gz", ".bz2", ".xz")
_HEAD_BYTES: Final = 4096
#: what ``puremagic`` calls mail: a message or a mailbox
_MAIL_TYPES: Final = ("message/", "application/mbox")
# the start of a message: an mbox separator or a header line (RFC 5322 field name)
_MAIL_START = re.compile(rb"\s*(?:From |[!-9;-~]+:)")


def head(path: Path, size: int = _HEAD_BYTES) -> bytes:
    with path.open("rb") as fh:
        return fh.read(size)


def compression(data: bytes) -> str | None:
    """``gzip``, ``bzip2`` or ``xz`` when ``data`` starts with that signature, ``zip`` for a zip
    archive, else None."""
    if data.startswith(ZIP_SIGNATURE):
        return "zip"
    return next((name for magic, (name, _) in _COMPRESSED.items() if data.startswith(magic)), None)


def open_decompressed(path: Path) -> IO[bytes]:
    """``path`` opened for reading bytes, through its decompressor when it is compressed."""
    start = head(path, 8)
    for magic, (_, opener) in _COMPRESSED.items():
        if start.startswith(magic):
            return opener(path, "rb")  # type: ignore[no-any-return]
    return path.open("rb")


def not_mail(data: bytes) -> str | None:
    """What ``data`` is when it is not a text e-mail (``"PNG image"``-like names), else None."""
    start = data[:_HEAD_BYTES]
    if _MAIL_START.match(start) and b"\x00" not in start:
        return None
    kind = compression(start)
    if kind is not None:
        return f"{kind} archive"
    import puremagic  # only what is not plainly mail needs it

    try:
        found = puremagic.magic_string(start)
    except (puremagic.PureError, ValueError):
        found = []
    if found and found[0].mime_type.startswith(_MAIL_TYPES):
        return None  # mail whose body has NUL bytes (UTF-16 sent unencoded): the parser reads it
    if found and not found[0].mime_type.startswith("text/"):  # text without headers is a body
        best = found[0]
        return f"{best.name}, {best.mime_type}" if best.mime_type else best.name
    return "binary data" if b"\x00" in start else None
