"""Which charset undeclared 8-bit text is in: UTF-8 first, another one only on strong evidence.

Text that is valid UTF-8 is UTF-8. Text that is mostly not (more broken UTF-8 sequences than
valid ones) is handed to ``charset-normalizer``, whose guess is taken when it recognised a
language in it (Chinese in GB18030, Russian in windows-1251 or KOI8-R, Arabic in windows-1256,
...); a Western guess that windows-1252 decodes identically is windows-1252, the usual default
of Windows exports. A few broken bytes in UTF-8 text are evidence of damage, not of another
charset: callers decode such text as UTF-8 with replacement characters and flag what they hit.
"""

from __future__ import annotations

import codecs
from typing import Final, NamedTuple

from charset_normalizer import from_bytes

REPLACEMENT: Final = "\ufffd"
WESTERN: Final = "cp1252"
#: charset-normalizer's guess needs a language it recognised (coherence: how well the text's
#: letters match that language; CJK text scores ~0.1-0.3) and little noise (chaos): on a few
#: words it guesses any charset that decodes them, with coherence 0
_MIN_COHERENCE: Final = 0.05
_MAX_CHAOS: Final = 0.1
_SAMPLE_BYTES: Final = 1 << 20


class Utf8Check(NamedTuple):
    """How much of some bytes is valid UTF-8: broken sequences vs valid non-ASCII characters."""

    broken: int
    non_ascii: int

    @property
    def mostly_broken(self) -> bool:
        """More broken sequences than valid ones: the bytes are in another charset."""
        return self.broken > self.non_ascii


def check_utf8(data: bytes, decoder: codecs.IncrementalDecoder | None = None) -> Utf8Check:
    """Count broken UTF-8 sequences and valid non-ASCII characters in ``data`` (a block of a
    stream when ``decoder`` carries the state between blocks)."""
    decoder = decoder or codecs.getincrementaldecoder("utf-8")("replace")
    text = decoder.decode(data)
    broken = text.count(REPLACEMENT) - data.count(REPLACEMENT.encode())
    non_ascii = sum(1 for ch in text if ch > "\x7f") - text.count(REPLACEMENT)
    return Utf8Check(broken, non_ascii)


def guess_charset(data: bytes) -> str | None:
    """``charset-normalizer``'s charset for ``data``, or None when its evidence is weak."""
    best = from_bytes(data[:_SAMPLE_BYTES]).best()
    if best is None:
        return None
    if WESTERN in best.could_be_from_charset:
        return WESTERN
    if best.coherence < _MIN_COHERENCE or best.chaos > _MAX_CHAOS:
        return None
    return best.encoding


def decodes(data: bytes, charset: str) -> bool:
    """Whether every byte of ``data`` decodes in ``charset``."""
    try:
        data.decode(charset)
    except (UnicodeDecodeError, LookupError):
        return False
    return True
