"""Thread family: is this a reply in a conversation we are part of?

Reads the Message-IDs of the e-mail's In-Reply-To and References headers (``in_reply_to``)
against the Message-IDs we sent (``featurize.sent_messages``), our own quotation/PI/order
numbers (``featurize.document_patterns``, regular expressions) and our own domains
(``featurize.own_domains``) in the quoted text; where the quoted text names neither, a quoted
mail written from an address at another domain than the sender's (the quote header's "On ...,
Lily <lily@...> wrote:", "Von: ...", in any language) stands in for ours: a sender quotes the
mail of the counterpart it answers, and our own domains are often not configured. An e-mail
that comes without its headers (a copied mail, a mail client's CSV export) is read from what
it shows instead: a reply prefix in the subject (RE:, AW:, R:, Ответ:) that cites our document
number or quotes our mail makes it a reply to our mail, no prefix a new mail; a prefix alone
tells neither (NaN: the prefix is easily typed, and a reply to whom is unknown).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cached_property
from pathlib import Path

import numpy as np
import pandas as pd

from inquiry_quality.core import schema
from inquiry_quality.features.base import FeatureFamily, flag, text_column

_MESSAGE_ID = re.compile(r"<[^<>\s]+>")
_ADDRESS_DOMAIN = re.compile(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)")
QUOTE_HEADER_CHARS = 400  # where a quoted mail names its author (the first lines)
#: a subject that answers an earlier mail: the mail clients' reply prefixes (not forwards)
_REPLY_SUBJECT = re.compile(
    rf"^\s*(?:{'|'.join((*schema.REPLY_PREFIXES, 'r', 'odp', 'ответ', 'رد'))})\s?(?:\[\d+\])?\s?:",
    re.IGNORECASE,
)


def compile_document_patterns(patterns: Sequence[str]) -> re.Pattern[str] | None:
    """One case-insensitive pattern for our document numbers; None without patterns.

    A pattern that does not compile is named with its position in ``featurize.document_patterns``.
    """
    for i, pattern in enumerate(patterns):
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(
                f"featurize.document_patterns[{i}]: {pattern!r} is not a valid regex: {exc}"
            ) from exc
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def read_sent_messages(path: str | Path) -> frozenset[str]:
    """The Message-IDs we sent: every ``<...>`` id in the file (one a line, or a CSV column)."""
    path = Path(path)
    try:
        text = path.read_text("utf-8", errors="replace")
    except FileNotFoundError as exc:
        raise FileNotFoundError(
            f"{path}: sent-messages file (featurize.sent_messages) not found"
        ) from exc
    ids = frozenset(_MESSAGE_ID.findall(text))
    if not ids:
        raise ValueError(f"{path}: no <message-id> found (featurize.sent_messages)")
    return ids


def quotes_another_party(quoted: str, sender_email: str) -> bool:
    """The quoted mail's header names an address at another domain than the sender's."""
    sender = sender_email.rpartition("@")[2].strip().lower()
    domains = {d.lower() for d in _ADDRESS_DOMAIN.findall(quoted[:QUOTE_HEADER_CHARS])}
    return bool(sender) and bool(domains - {sender})


class ThreadFeatures(FeatureFamily):
    """Reply headers, replies to our own mail, our document numbers, our quoted mail."""

    feature_names = (
        "is_reply",
        "replies_to_our_mail",
        "our_document_numbers",
        "our_document",
        "quotes_our_mail",
    )

    def __init__(
        self,
        document_patterns: Sequence[str] = (),
        own_domains: Sequence[str] = (),
        sent_messages: tuple[str, ...] = (),
    ) -> None:
        self.document_patterns = document_patterns
        self.own_domains = own_domains
        self.sent_messages = sent_messages

    @cached_property
    def _documents(self) -> re.Pattern[str] | None:
        return compile_document_patterns(list(self.document_patterns))

    def __getstate__(self) -> dict:
        state = super().__getstate__()
        state.pop("_documents", None)
        return state

    def _columns(self, X: pd.DataFrame) -> dict[str, list]:
        documents = self._documents
        own = tuple(d.strip().lower() for d in self.own_domains if d.strip())
        sent = frozenset(self.sent_messages)
        columns = (
            schema.MESSAGE_ID,
            schema.IN_REPLY_TO,
            schema.CHANNEL,
            schema.SUBJECT,
            schema.BODY,
            schema.QUOTED,
            schema.SENDER_EMAIL,
        )
        out: dict[str, list] = {name: [] for name in self.feature_names}
        for message_id, in_reply_to, channel, subject, body, quoted, sender in zip(
            *(text_column(X, c) for c in columns), strict=True
        ):
            text = f"{subject}\n{body}\n{quoted}"
            cited = [m.group(0) for m in documents.finditer(text)] if documents else []
            lower = quoted.lower()
            ours = (
                any(d in lower for d in own)
                or bool(documents and documents.search(quoted))
                or quotes_another_party(quoted, sender)
            )
            thread = set(_MESSAGE_ID.findall(in_reply_to))
            if message_id:
                is_reply, to_us = bool(thread), not thread.isdisjoint(sent)
            elif channel == "email":  # headers lost: what the mail shows stands in for them
                is_reply = bool(thread) or bool(_REPLY_SUBJECT.match(subject))
                to_us = is_reply and bool(cited or ours)
                if is_reply and not to_us:  # a reply to what? without headers, unknown
                    is_reply = to_us = None
            else:
                is_reply = to_us = None
            out["is_reply"].append(np.nan if is_reply is None else flag(is_reply))
            out["replies_to_our_mail"].append(flag(to_us) if to_us is not None and sent else np.nan)
            out["our_document_numbers"].append(
                float(len({c.upper() for c in cited})) if documents else np.nan
            )
            out["our_document"].append(cited[0].upper() if cited else "")
            out["quotes_our_mail"].append(flag(ours) if quoted else np.nan)
        return out
