"""The exporter's own sent mail and the thread headers of the replies to it.

A reply in an open deal carries ``In-Reply-To``/``References`` naming our earlier message; a
fake thread names a Message-ID we never sent. ``sent_messages`` is our Sent folder as a table
(``featurize.sent_messages``): the messages replies point to, and our answers to other
inquiries, which no one replies to.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import numpy as np
import pandas as pd

from inquiry_quality.synth.catalogue import EXPORTER_DOMAIN
from inquiry_quality.synth.compose import InquiryText
from inquiry_quality.synth.identity import Identity

SENT_COLUMNS = ("message_id", "sent_at", "to", "subject")
ANSWERED_SHARE = 0.5  # share of e-mail inquiries our Sent folder holds an answer to
FOREIGN_HOSTS = ("mail.gmail.com", "outlook.com", "mx.yahoo.com", "smtp.qq.com", "mail.ru")


@dataclass(frozen=True)
class ThreadHeaders:
    in_reply_to: str = ""
    references: str = ""


def _message_id(when: datetime, host: str, rng: np.random.Generator) -> str:
    return f"<{when.astimezone(UTC):%Y%m%d%H%M%S}.{rng.integers(16**10):010x}@{host}>"


def thread_headers(
    rows: Sequence[dict[str, Any]],
    texts: Sequence[InquiryText],
    identities: Sequence[Identity],
    received: Sequence[datetime],
    rng: np.random.Generator,
) -> tuple[list[ThreadHeaders], list[dict[str, str]]]:
    """Each inquiry's thread headers, and the sent messages (ours) they and others imply."""
    headers, sent = [], []
    for row, text, who, when in zip(rows, texts, identities, received, strict=True):
        kind = row["in_reply_to"]
        if kind == "ours":
            ours = _message_id(text.replied_at or when, EXPORTER_DOMAIN, rng)
            earlier = []
            if rng.random() < 0.5:
                first = (text.replied_at or when) - timedelta(days=int(rng.integers(2, 30)))
                earlier = [_message_id(first, EXPORTER_DOMAIN, rng)]
                sent.append(_sent(earlier[0], first, who, text.base_subject))
            sent.append(_sent(ours, text.replied_at or when, who, text.base_subject))
            headers.append(ThreadHeaders(ours, " ".join([*earlier, ours])))
        elif kind == "other":
            host = FOREIGN_HOSTS[int(rng.integers(len(FOREIGN_HOSTS)))]
            other = _message_id(when - timedelta(days=int(rng.integers(1, 20))), host, rng)
            headers.append(ThreadHeaders(other, other))
        else:
            headers.append(ThreadHeaders())
        if row["channel"] == "email" and rng.random() < ANSWERED_SHARE:
            answer = when + timedelta(hours=float(rng.uniform(1, 48)))
            message_id = _message_id(answer, EXPORTER_DOMAIN, rng)
            sent.append(_sent(message_id, answer, who, f"RE: {text.subject}", own=True))
    return headers, sent


def _sent(
    message_id: str, when: datetime, who: Identity, subject: str, own: bool = False
) -> dict[str, str]:
    """One row of our Sent folder; a reply in a thread went to the real contact's address."""
    return {
        "message_id": message_id,
        "sent_at": f"{when.astimezone(UTC):%Y-%m-%dT%H:%M:%SZ}",
        "to": who.email if own or not who.thread_email else who.thread_email,
        "subject": subject,
    }


def sent_messages(rows: list[dict[str, str]]) -> pd.DataFrame:
    """Our Sent folder, oldest first."""
    frame = pd.DataFrame(rows, columns=list(SENT_COLUMNS))
    return frame.sort_values(["sent_at", "message_id"], kind="stable").reset_index(drop=True)
