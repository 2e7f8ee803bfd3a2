"""Real RFC 822 messages for the e-mail channel, built with the standard ``email`` package.

Everything that would otherwise be random (MIME boundaries, Message-IDs, the mbox ``From ``
line's date) is derived from the generator's seed, so the same seed gives the same bytes.
"""

from __future__ import annotations

import html
import mailbox
import mimetypes
import time
from collections.abc import Iterable
from datetime import UTC, datetime
from email.headerregistry import Address, BaseHeader, HeaderRegistry
from email.message import EmailMessage
from email.policy import default
from email.utils import format_datetime, formataddr
from functools import lru_cache
from pathlib import Path
from typing import Any

from inquiry_quality.synth.compose import InquiryText

# The standard library's own table only: system mime.types files differ between machines.
_MIME = mimetypes.MimeTypes()
_RECENT_HEADERS = 512


class _HeaderFactory(HeaderRegistry):
    """``policy.default``'s header factory with a memory: each header class is made once
    (not per header), and recent header texts are parsed once (most repeat: MIME-Version,
    Content-Type, To). Header objects are immutable, so messages can share them."""

    def __init__(self) -> None:
        super().__init__()
        self._classes: dict[str, type[BaseHeader]] = {}
        self._parsed = lru_cache(maxsize=_RECENT_HEADERS)(super().__call__)

    def __getitem__(self, name: str) -> type[BaseHeader]:
        key = name.lower()
        if key not in self._classes:
            self._classes[key] = super().__getitem__(key)
        return self._classes[key]

    def __call__(self, name: str, value: Any) -> BaseHeader:
        return (
            self._parsed(name, value) if isinstance(value, str) else super().__call__(name, value)
        )


_POLICY = default.clone(header_factory=_HeaderFactory())


def plain_text(text: InquiryText) -> str:
    """The message as the sender's client writes it: new text, signature, quoted reply."""
    parts = [text.body]
    if text.signature:
        parts.append(text.signature)
    if text.quoted:
        quoted = "\n".join(f"> {line}" if line else ">" for line in text.quoted.splitlines())
        parts.append(f"{text.quoted_header}\n{quoted}")
    return "\n\n".join(parts) + "\n"


def html_text(text: InquiryText) -> str:
    """The same message as simple HTML, as webmail clients send it."""

    def paragraphs(block: str) -> str:
        return "".join(
            "<p>" + html.escape(p).replace("\n", "<br>\n") + "</p>\n"
            for p in block.split("\n\n")
            if p
        )

    body = paragraphs(text.body) + paragraphs(text.signature)
    if text.quoted:
        body += f"<div>{html.escape(text.quoted_header)}</div>\n"
        body += f"<blockquote>{paragraphs(text.quoted)}</blockquote>\n"
    return f'<html><head><meta charset="utf-8"></head><body>\n{body}</body></html>\n'


def _charset(text: str, legacy: str | None) -> str:
    if legacy:
        try:
            text.encode(legacy)
            return legacy
        except UnicodeEncodeError:
            pass
    return "utf-8"


def build_message(
    text: InquiryText,
    *,
    message_id: str,
    sender: tuple[str, str],
    to: str,
    reply_to: str,
    sent_at: datetime,
    in_reply_to: str = "",
    references: str = "",
    layout: str,
    legacy_charset: str | None,
) -> EmailMessage:
    """One inquiry as an e-mail; ``layout`` is "plain", "alternative" or "html"."""
    msg = EmailMessage(policy=_POLICY)
    msg["Message-ID"] = message_id
    msg["Date"] = format_datetime(sent_at)
    msg["From"] = formataddr(sender)
    msg["To"] = to
    if reply_to:
        msg["Reply-To"] = Address(addr_spec=reply_to)
    msg["Subject"] = text.subject
    if in_reply_to:
        msg["In-Reply-To"] = in_reply_to
        msg["References"] = references
    plain = plain_text(text)
    if layout == "html":
        msg.set_content(html_text(text), subtype="html")
    else:
        msg.set_content(plain, charset=_charset(plain, legacy_charset))
        if layout == "alternative":
            msg.add_alternative(html_text(text), subtype="html")
    for name in text.attachments:
        mime = _MIME.guess_type(name)[0] or "application/octet-stream"
        maintype, subtype = mime.split("/")
        payload = f"placeholder content of {name}\n".encode()
        msg.add_attachment(payload, maintype=maintype, subtype=subtype, filename=name)
    token = message_id.strip("<>").split("@")[0]
    for index, part in enumerate(p for p in msg.walk() if p.is_multipart()):
        part.set_boundary(f"=_{token}_{index}")
    return msg


def write_mbox(messages: Iterable[tuple[EmailMessage, str, datetime]], path: Path) -> int:
    """Write (message, envelope sender, received time) triples as one mbox; return the count."""
    path.unlink(missing_ok=True)
    box = mailbox.mbox(path, create=True)
    count = 0
    box.lock()
    try:
        for message, envelope, received in messages:
            stamp = time.asctime(received.astimezone(UTC).timetuple())
            message.set_unixfrom(f"From {envelope} {stamp}")
            box.add(message)
            count += 1
        box.flush()
    finally:
        box.unlock()
        box.close()
    return count
