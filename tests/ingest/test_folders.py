"""A folder's message files: a Maildir gives its messages (cur/ and new/), not a server's files."""

from __future__ import annotations

import logging
import mailbox
from collections.abc import Callable
from pathlib import Path

import pytest

from inquiry_quality.core import schema
from inquiry_quality.ingest import read_inquiries
from inquiry_quality.ingest.email_reader import count_messages
from inquiry_quality.ingest.folders import iter_folder

DEFAULT_EXCLUDE = ("*.csv", ".*")
#: what Dovecot keeps beside a Maildir's messages: an index (binary), lists, a marker file
SERVER_FILES = {
    "dovecot.index": bytes(range(256)) * 4,
    "dovecot.index.log": b"\x01\x00\x00\x00" * 64,
    "dovecot-uidlist": b"3 V1700000000 N3 G0\n1 :1700000001.M1P1.mx\n",
    "subscriptions": b"Sent\nTrash\n",
    "maildirfolder": b"",
}


def _maildir(root: Path, make_email: Callable, name: str) -> list[str]:
    """A real Maildir (the stdlib's): a read message in cur/, an unread one in new/, a delivery
    still in tmp/, Dovecot's files and a Maildir++ ``.Sent`` folder. Returns its messages."""
    root.parent.mkdir(parents=True, exist_ok=True)
    box = mailbox.Maildir(root, create=True)
    for subdir, subject in (("cur", f"{name}: 300 LED panels"), ("new", f"{name}: MOQ?")):
        message = mailbox.MaildirMessage(make_email("Please quote.", subject=subject))
        message.set_subdir(subdir)
        box.add(message)
    (root / "tmp" / "1700000009.M9P9.mx").write_bytes(b"Subject: half-writ")
    for file, data in SERVER_FILES.items():
        (root / file).write_bytes(data)
    box.add_folder("Sent").add(make_email("Our quotation QT-2025-0143.", subject="sent"))
    return sorted(f"{sub}/{p.name}" for sub in ("cur", "new") for p in (root / sub).iterdir())


def test_a_maildir_gives_the_messages_of_cur_and_new(tmp_path: Path, make_email: Callable) -> None:
    messages = _maildir(tmp_path / "Maildir", make_email, "anna")
    listed = [r for r, _ in iter_folder(tmp_path / "Maildir", exclude=DEFAULT_EXCLUDE)]
    assert listed == messages and len(messages) == 2  # no tmp/, no server file, no .Sent/


def test_its_sent_folder_is_a_maildir_of_its_own(tmp_path: Path, make_email: Callable) -> None:
    _maildir(tmp_path / "Maildir", make_email, "anna")
    listed = [relative for relative, _ in iter_folder(tmp_path / "Maildir")]  # nothing excluded
    sent = [p for p in listed if p.startswith(".Sent/")]
    assert len(sent) == 1 and sent[0].startswith(".Sent/new/")
    assert not any(p.startswith(".Sent/") and "/" not in p[6:] for p in listed)  # its own files


def test_a_folder_of_maildirs_and_loose_mail(tmp_path: Path, make_email: Callable) -> None:
    alice = _maildir(tmp_path / "alice", make_email, "alice")
    bob = _maildir(tmp_path / "bob" / "Maildir", make_email, "bob")
    (tmp_path / "loose.eml").write_bytes(make_email("Hi").as_bytes())
    listed = {relative for relative, _ in iter_folder(tmp_path, exclude=DEFAULT_EXCLUDE)}
    expected = {f"alice/{p}" for p in alice} | {f"bob/Maildir/{p}" for p in bob} | {"loose.eml"}
    assert listed == expected


def test_a_folder_without_the_whole_layout_is_not_a_maildir(
    tmp_path: Path, make_email: Callable
) -> None:
    """An export with a ``new/`` and a ``cur/`` folder but no ``tmp/`` keeps every file."""
    for relative in ("new/a.eml", "cur/b.eml", "c.eml"):
        (tmp_path / relative).parent.mkdir(exist_ok=True)
        (tmp_path / relative).write_bytes(make_email("Hi").as_bytes())
    assert [r for r, _ in iter_folder(tmp_path)] == ["c.eml", "cur/b.eml", "new/a.eml"]


def test_reading_a_maildir_scores_its_messages_and_counts_reconcile(
    tmp_path: Path, make_email: Callable, caplog: pytest.LogCaptureFixture
) -> None:
    folder = tmp_path / "Maildir"
    messages = _maildir(folder, make_email, "anna")
    with caplog.at_level(logging.INFO, logger="inquiry_quality.ingest.folders"):
        reader = read_inquiries(folder)
        chunks = list(reader)
        counted = count_messages(folder, "eml", 10_000_000, exclude=DEFAULT_EXCLUDE)
    read = [p for c in chunks for p in c.table[schema.SOURCE_POSITION]]
    assert sorted(read) == messages and reader.rows_read == counted == len(messages)
    assert all(c.quarantine.empty for c in chunks)  # no index file read as a broken message
    said = [r.getMessage() for r in caplog.records if "Maildir" in r.getMessage()]
    assert len(said) == 1 and f"{len(SERVER_FILES) + 1} file(s)" in said[0]  # + tmp/'s
