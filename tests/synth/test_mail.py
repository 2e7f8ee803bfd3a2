"""The generated mailbox is real mail: the standard ``email`` package reads every message."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime
from email import message_from_bytes, policy
from email.message import EmailMessage
from email.utils import parsedate_to_datetime
from pathlib import Path

import pytest

from inquiry_quality.synth.compose import InquiryText
from inquiry_quality.synth.mail import build_message, plain_text


@pytest.fixture(scope="module")
def messages(
    generated: Path, mbox_messages: Callable[[Path], list[EmailMessage]]
) -> list[EmailMessage]:
    return mbox_messages(generated / "history" / "mailbox.mbox")


def test_every_message_has_the_headers_of_real_mail(messages: list[EmailMessage]) -> None:
    assert len(messages) > 100
    for message in messages:
        assert message["Message-ID"].startswith("<") and message["Message-ID"].endswith(">")
        assert parsedate_to_datetime(message["Date"]).tzinfo is not None
        assert message["From"].addresses[0].addr_spec.count("@") == 1
        assert message["Subject"] is not None and message["To"] is not None


def test_messages_take_the_forms_real_mail_takes(messages: list[EmailMessage]) -> None:
    kinds = Counter(m.get_content_type() for m in messages)
    assert {"text/plain", "text/html", "multipart/alternative", "multipart/mixed"} <= set(kinds)
    charsets = {part.get_content_charset() for m in messages for part in m.walk()}
    assert {"utf-8", "iso-8859-1", "windows-1252"} <= charsets
    assert any(m.get("Reply-To") for m in messages)
    subjects = [str(m["Subject"]) for m in messages]
    assert any(s.upper().startswith("RE: RE:") or s.startswith("Re: Re:") for s in subjects)
    assert any(not s.isascii() for s in subjects) or any(
        not str(m["From"]).isascii() for m in messages
    )


def test_replies_quote_the_earlier_message(messages: list[EmailMessage]) -> None:
    replies = [m for m in messages if str(m["Subject"]).upper().startswith("RE:")]
    assert replies
    for message in replies:
        text = message.get_body(preferencelist=("plain", "html")).get_content()
        assert " wrote:" in text


def test_attachments_are_named_with_their_types(messages: list[EmailMessage]) -> None:
    attachments = [a for m in messages for a in m.iter_attachments()]
    names = {a.get_filename() for a in attachments}
    assert any(n.endswith(".pdf") for n in names)
    assert any(n.endswith((".html", ".htm", ".exe", ".zip", ".js", ".scr", ".iso")) for n in names)
    assert all(a.get_content_type() != "text/plain" for a in attachments)


def test_build_message_round_trips_non_ascii_text() -> None:
    text = InquiryText(
        subject="Solicitud de cotización",
        body="Estimados señores:\n\nNecesitamos 500 pcs.",
        signature="Saludos,\nJosé Müller",
        quoted="",
        quoted_header="",
        attachments=("drawing_1.jpg",),
    )
    message = build_message(
        text,
        message_id="<abc@example.com>",
        sender=("José Müller", "jose@example.com"),
        to="sales@example.com",
        reply_to="",
        sent_at=datetime(2025, 1, 2, 3, 4, tzinfo=UTC),
        layout="alternative",
        legacy_charset="iso-8859-1",
    )
    parsed = message_from_bytes(message.as_bytes(), policy=policy.default)
    assert str(parsed["Subject"]) == text.subject
    assert parsed["From"].addresses[0].display_name == "José Müller"
    plain = parsed.get_body(preferencelist=("plain",))
    assert plain.get_content_charset() == "iso-8859-1"
    assert plain.get_content() == plain_text(text)
    assert [a.get_content_type() for a in parsed.iter_attachments()] == ["image/jpeg"]
