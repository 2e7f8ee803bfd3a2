"""Files are read by what they hold: compressed mailboxes are read, images are not mail."""

from __future__ import annotations

import bz2
import gzip
import lzma
import mailbox
import zipfile
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from inquiry_quality.core import schema
from inquiry_quality.ingest import IngestError, read_inquiries

FUTURE = pd.Timestamp("2030-01-01", tz="UTC")
# the smallest valid PNG header: signature + IHDR chunk
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"


def collect(path: Path) -> tuple[pd.DataFrame, pd.DataFrame, int]:
    reader = read_inquiries(path, future_after=FUTURE)
    chunks = list(reader)
    table = pd.concat([c.table for c in chunks], ignore_index=True)
    quarantine = pd.concat([c.quarantine for c in chunks], ignore_index=True)
    return table, quarantine, reader.rows_read


@pytest.mark.parametrize("pack", [gzip.compress, bz2.compress, lzma.compress])
@pytest.mark.parametrize("name", ["inbox.mbox", "inbox.mbox.gz"])
def test_a_compressed_mailbox_is_read(
    tmp_path: Path, make_email: Callable, pack: Callable[[bytes], bytes], name: str
) -> None:
    box = mailbox.mbox(tmp_path / "plain.mbox")
    for i in range(3):
        box.add(make_email(f"We need {i}00 pcs", message_id=f"<{i}@x>"))
    box.flush()
    (tmp_path / name).write_bytes(pack((tmp_path / "plain.mbox").read_bytes()))
    table, quarantine, read = collect(tmp_path / name)
    assert read == 3 and quarantine.empty
    assert table[schema.BODY].tolist() == [f"We need {i}00 pcs" for i in range(3)]


def test_a_zip_of_messages_is_read_as_a_folder(tmp_path: Path, make_email: Callable) -> None:
    with zipfile.ZipFile(tmp_path / "inbox.zip", "w") as archive:
        archive.writestr("mail/a.eml", make_email("first", message_id="<a@x>").as_bytes())
        archive.writestr("mail/b.eml", make_email("second", message_id="<b@x>").as_bytes())
        archive.writestr("mail/logo.png", PNG)
    table, quarantine, read = collect(tmp_path / "inbox.zip")
    assert read == 3 and table[schema.MESSAGE_ID].tolist() == ["a@x", "b@x"]
    assert quarantine[[schema.SOURCE_POSITION, "reason"]].values.tolist() == [
        ["mail/logo.png", "not an e-mail"]
    ]


def test_an_image_renamed_eml_is_not_an_inquiry(tmp_path: Path, make_email: Callable) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "photo.eml").write_bytes(PNG + b"\x00" * 64)
    (folder / "real.eml").write_bytes(make_email("We need 500 pcs").as_bytes())
    (folder / "packed.eml").write_bytes(gzip.compress(make_email("hidden").as_bytes()))
    table, quarantine, read = collect(folder)
    assert read == 3 and table[schema.BODY].tolist() == ["We need 500 pcs"]
    found = dict(zip(quarantine[schema.SOURCE_POSITION], quarantine["detail"], strict=True))
    assert set(quarantine["reason"]) == {"not an e-mail"}
    assert "Portable Network Graphics" in found["photo.eml"] and "image/png" in found["photo.eml"]
    assert found["packed.eml"] == "gzip archive"


def test_mail_with_nul_bytes_in_its_body_is_read_as_mail(tmp_path: Path) -> None:
    """A UTF-16 body sent without a transfer encoding has NUL bytes: still mail, read in its
    charset (it was refused as "not an e-mail: email message, message/rfc822"); random bytes
    with NULs stay refused."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    headers = b"From: a@b.com\nSubject: panels\nContent-Type: text/plain; charset=utf-16\n\n"
    (folder / "utf16.eml").write_bytes(headers + "We need 200 LED panels".encode("utf-16"))
    (folder / "noise.eml").write_bytes(bytes(range(256)) * 4)
    table, quarantine, read = collect(folder)
    assert read == 2 and table[schema.BODY].tolist() == ["We need 200 LED panels"]
    assert quarantine[[schema.SOURCE_POSITION, "reason", "detail"]].values.tolist() == [
        ["noise.eml", "not an e-mail", "binary data"]
    ]


def test_a_compressed_table_is_refused_by_name(tmp_path: Path) -> None:
    (tmp_path / "export.csv").write_bytes(gzip.compress(b"subject,body\nhi,there\n"))
    with pytest.raises(IngestError, match=r"export\.csv: a gzip archive, not a csv file"):
        collect(tmp_path / "export.csv")
