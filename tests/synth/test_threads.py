"""Replies in open deals point to our Sent folder; fake threads point elsewhere."""

from __future__ import annotations

from email.utils import parseaddr
from pathlib import Path

import pandas as pd

from inquiry_quality.synth.catalogue import EXPORTER_DOMAIN
from inquiry_quality.synth.threads import SENT_COLUMNS


def _sent(generated: Path) -> pd.DataFrame:
    return pd.read_csv(generated / "sent_messages.csv", dtype=str, keep_default_na=False)


def test_sent_folder_is_ours_unique_and_ordered(generated: Path) -> None:
    sent = _sent(generated)
    assert tuple(sent.columns) == SENT_COLUMNS
    assert sent["message_id"].is_unique
    assert sent["message_id"].str.endswith(f"@{EXPORTER_DOMAIN}>").all()
    assert sent["sent_at"].is_monotonic_increasing


def test_replies_in_our_threads_point_to_sent_mail_sent_before(
    generated: Path, history: pd.DataFrame
) -> None:
    sent = _sent(generated).set_index("message_id")
    replies = history[history["In-Reply-To"] != ""]
    ours = replies["In-Reply-To"].isin(sent.index)
    assert ours.any() and (~ours).any()
    assert replies.loc[~ours, "In-Reply-To"].str.contains(EXPORTER_DOMAIN).sum() == 0
    for _, reply in replies[ours].iterrows():
        ours_at = pd.Timestamp(sent.loc[reply["In-Reply-To"], "sent_at"])
        received = pd.Timestamp(reply["ref"].strip("<>")[:14], tz="UTC")
        assert ours_at < received
    # existing customers mostly reply in our threads; new buyers seldom do
    in_ours = history["In-Reply-To"].isin(sent.index)
    email = history["From"] != ""
    by_archetype = in_ours[email].groupby(history.loc[email, "archetype"]).mean()
    assert by_archetype["existing_customer"] > 0.4 > 0.2 > by_archetype["importer"]


def test_payment_fraud_borrows_a_contacts_name_not_the_address(
    generated: Path, history: pd.DataFrame
) -> None:
    contacts = pd.read_csv(generated / "crm_contacts.csv", dtype=str, keep_default_na=False)
    known = {e for emails in contacts["emails"] for e in emails.split("; ")}
    email = history[history["From"] != ""]
    address = email["From"].map(lambda v: parseaddr(v)[1])
    from_contact = address.isin(known).groupby(email["archetype"]).mean()
    # half of existing customers write from the address on file (a third from none the CRM has)
    assert from_contact["existing_customer"] > 0.3
    assert from_contact["payment_fraud"] < 0.25
    assert from_contact.drop(["existing_customer", "payment_fraud"]).max() < 0.1
