"""Thread family: replies to our mail, our document numbers, our own quoted mail."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from inquiry_quality.features.thread import (
    ThreadFeatures,
    compile_document_patterns,
    read_sent_messages,
)

PATTERNS = (r"\bQT-\d{4}-\d{3,5}\b", r"\bPI-\d{6}\b")
SENT = frozenset({"<q143@brightway-lighting.com>", "<pi0314@brightway-lighting.com>"})
ROWS = [
    # a customer's reply to our proforma, quoting our mail
    {
        "message_id": "<r1@client.es>",
        "in_reply_to": "<pi0314@brightway-lighting.com> <q143@brightway-lighting.com>",
        "subject": "RE: PI-250314",
        "body": "Deposit paid today, please confirm.",
        "quoted": "> Anna Li <anna@brightway-lighting.com> wrote: please find PI-250314",
        "sender_email": "compras@client.es",
    },
    # a fake thread: a reply header naming a message we never sent, quoting someone else
    {
        "message_id": "<f1@lookalike.com>",
        "in_reply_to": "<never@elsewhere.com>",
        "subject": "RE: invoice",
        "body": "Kindly resend the invoice.",
        "quoted": "> From: accounts@elsewhere.com",
    },
    # a new inquiry by e-mail, and a web form without headers
    {"message_id": "<n1@buyer.de>", "subject": "RFQ", "body": "We need QT prices", "quoted": ""},
    {"message_id": None, "subject": "Form", "body": "Regarding QT-2025-0143 and qt-2025-0143"},
]


@pytest.fixture(scope="module")
def out() -> pd.DataFrame:
    features = ThreadFeatures(PATTERNS, ("brightway-lighting.com",), SENT)
    return features.fit_transform(pd.DataFrame(ROWS))


def test_reply_to_our_mail(out: pd.DataFrame) -> None:
    row = out.iloc[0]
    assert (row["is_reply"], row["replies_to_our_mail"], row["quotes_our_mail"]) == (1, 1, 1)
    assert (row["our_document_numbers"], row["our_document"]) == (1.0, "PI-250314")


def test_fake_thread_is_not_ours(out: pd.DataFrame) -> None:
    row = out.iloc[1]
    assert (row["is_reply"], row["replies_to_our_mail"], row["quotes_our_mail"]) == (1, 0, 0)
    assert row["our_document_numbers"] == 0.0 and row["our_document"] == ""


def test_new_mail_and_messages_without_headers(out: pd.DataFrame) -> None:
    new, form = out.iloc[2], out.iloc[3]
    assert (new["is_reply"], new["replies_to_our_mail"]) == (0, 0)
    assert math.isnan(new["quotes_our_mail"])  # nothing quoted
    assert math.isnan(form["is_reply"]) and math.isnan(form["replies_to_our_mail"])
    assert form["our_document_numbers"] == 1.0  # the same number twice, in any case


def test_without_configuration_everything_is_unknown() -> None:
    row = ThreadFeatures().fit_transform(pd.DataFrame(ROWS[:1])).iloc[0]  # nothing configured
    assert row["is_reply"] == 1.0  # the header alone needs no configuration
    for name in ("replies_to_our_mail", "our_document_numbers"):
        assert math.isnan(row[name]), name
    assert row["quotes_our_mail"] == 1.0  # quotes anna@brightway-lighting.com, not the sender


def test_bad_pattern_and_files(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"document_patterns\[1\]"):
        compile_document_patterns([r"QT-\d+", r"PI-(\d+"])
    sent = tmp_path / "sent_messages.csv"
    sent.write_text("message_id,sent_at\n<a@x.com>,2025-01-01\n<b@x.com>,2025-01-02\n")
    assert read_sent_messages(sent) == {"<a@x.com>", "<b@x.com>"}
    (tmp_path / "empty.txt").write_text("nothing here\n")
    with pytest.raises(ValueError, match=r"empty\.txt: no <message-id>"):
        read_sent_messages(tmp_path / "empty.txt")
    with pytest.raises(FileNotFoundError, match=r"featurize\.sent_messages"):
        read_sent_messages(tmp_path / "missing.csv")


def test_an_email_without_headers_is_read_from_what_it_shows() -> None:
    """A copied mail or a CSV export has no Message-ID: the subject's reply prefix and our
    document number stand in for the headers; a form stays unknown."""
    rows = pd.DataFrame(
        [
            {"channel": "email", "subject": "AW: PI-250314", "body": "Anzahlung folgt."},
            {"channel": "email", "subject": "Ответ: отгрузка", "body": "Когда отгрузка?"},
            {"channel": "email", "subject": "Read: new catalogue", "body": "RE: our offer"},
            {"channel": "web_form", "subject": "RE: PI-250314", "body": "Form text"},
        ]
    )
    out = ThreadFeatures(PATTERNS, ("brightway-lighting.com",), SENT).fit_transform(rows)
    assert out["is_reply"].iloc[[0, 2]].tolist() == [1.0, 0.0]
    assert out["replies_to_our_mail"].iloc[[0, 2]].tolist() == [1.0, 0.0]
    # a reply prefix alone: a reply to whom is unknown
    assert math.isnan(out["is_reply"].iloc[1]) and math.isnan(out["replies_to_our_mail"].iloc[1])
    assert math.isnan(out["is_reply"].iloc[3]) and math.isnan(out["replies_to_our_mail"].iloc[3])


def test_a_quoted_mail_from_another_party_stands_in_for_ours() -> None:
    """Our domain is not configured (or not the one quoted): a reply that quotes a mail written
    at another domain than the sender's answers its counterpart; quoting a colleague does not."""
    rows = pd.DataFrame(
        [
            {
                "channel": "email",
                "subject": "Odp: oferta",
                "body": "Dziękuję, wszystko się zgadza.",
                "quoted": "W dniu 13.11.2026 Lily Chen <lily@ningbo-led.cn> pisze:\n> offer",
                "sender_email": "t.kowalczyk@elektrohurt.pl",
            },
            {
                "channel": "email",
                "subject": "RE: catalogue",
                "body": "See below.",
                "quoted": "From: Anna <anna@elektrohurt.pl>\n> please send the catalogue",
                "sender_email": "t.kowalczyk@elektrohurt.pl",
            },
        ]
    )
    out = ThreadFeatures(PATTERNS, ("brightway-lighting.com",), SENT).fit_transform(rows)
    assert out.iloc[0][["is_reply", "replies_to_our_mail", "quotes_our_mail"]].tolist() == [1, 1, 1]
    assert out.iloc[1]["quotes_our_mail"] == 0.0
    assert math.isnan(out.iloc[1]["is_reply"])  # a reply prefix alone
