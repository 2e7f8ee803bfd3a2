"""A table's columns checked against the canonical ones before its rows are used.

Case and spacing variants of a canonical name are that name (``Subject``, ``Sender Email``,
``sender-email``). Columns that are neither canonical, mapped nor declared extra are named with
the closest canonical names, so a user sees a typo or a missing mapping at once. A table with no
text column (``subject`` or ``body``) cannot be scored at all, and one without a channel, when
none is given, would have every row quarantined: both are errors, not quarantines.
"""

from __future__ import annotations

import difflib
import logging
import re
from collections.abc import Iterable, Sequence

from inquiry_quality.core import schema
from inquiry_quality.ingest.frames import IngestError

log = logging.getLogger(__name__)

_SEPARATORS = re.compile(r"[\s_.\-/]+")
TEXT_COLUMNS = (schema.SUBJECT, schema.BODY)
_HOW_TO_MAP = (
    "map the file's columns in params.yaml (score.sources or ingest.sources: path, mapping); "
    "docs/safety.md"
)


def column_key(name: str) -> str:
    """A column name without case and spacing differences: ``Sender Email`` -> sender_email."""
    return _SEPARATORS.sub("_", name.strip().lower()).strip("_")


def canonical_variants(columns: Iterable[str], canonical: set[str]) -> dict[str, str]:
    """Columns whose name is a case or spacing variant of a canonical one -> that name."""
    by_key = {column_key(c): c for c in canonical}
    return {
        c: by_key[column_key(c)] for c in columns if c not in canonical and column_key(c) in by_key
    }


def suggestions(column: str, canonical: Iterable[str]) -> list[str]:
    """The canonical names closest to ``column`` (up to three)."""
    return difflib.get_close_matches(column_key(column), sorted(canonical), n=3, cutoff=0.5)


def unrecognised(
    columns: Sequence[str], mapping: dict[str, str], canonical: Iterable[str]
) -> list[str]:
    """The columns ``mapping`` does not use, each with its closest canonical names."""
    unknown = [c for c in columns if c not in mapping and c != schema.SOURCE_POSITION]
    return [
        f"{c!r} (closest: {', '.join(near)})" if (near := suggestions(c, canonical)) else repr(c)
        for c in unknown
    ]


def check_columns(
    columns: Sequence[str],
    mapping: dict[str, str],
    canonical: set[str],
    source: str,
    channel_given: bool,
) -> None:
    """Raise ``IngestError`` for a table that cannot be scored; log the unrecognised columns.

    ``mapping`` is the effective source -> canonical mapping of ``columns``.
    """
    hints = unrecognised(columns, mapping, canonical)
    targets = set(mapping.values())
    if not targets & set(TEXT_COLUMNS):
        raise IngestError(
            f"{source}: no text column: neither subject nor body among its columns. "
            f"Not recognised: {'; '.join(hints) or 'none'}. Rename them, or {_HOW_TO_MAP}"
        )
    if schema.CHANNEL not in targets and not channel_given:
        raise IngestError(
            f"{source}: no channel column, so no row could be scored; give the channel "
            f"(inquiry-quality score --channel email|web_form|platform), or {_HOW_TO_MAP}"
        )
    if hints:
        log.warning("%s: columns not used: %s; %s", source, "; ".join(hints), _HOW_TO_MAP)
