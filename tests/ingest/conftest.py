"""Small raw exports in the formats the generator writes (its raw-data contract)."""

from __future__ import annotations

import csv
import mailbox
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

import pandas as pd
import pytest

from inquiry_quality.synth.generate import PLATFORM_COLUMNS
from inquiry_quality.web.marks import export_labels

WHEN = pd.Timestamp("2025-03-03 09:30", tz="Europe/Stockholm")


def build_email(
    body: str,
    *,
    subject: str = "Inquiry for LED panel lights",
    sender: str = "Anna Berg <anna@berg-lighting.se>",
    when: pd.Timestamp = WHEN,
    message_id: str = "<1.anna@berg-lighting.se>",
    html: str | None = None,
    attachments: tuple[tuple[str, str], ...] = (),
    charset: str = "utf-8",
) -> EmailMessage:
    msg = EmailMessage()
    msg["Message-ID"] = message_id
    msg["Date"] = format_datetime(when.to_pydatetime())
    msg["From"] = sender
    msg["To"] = "sales@ningbo-led.cn"
    msg["Subject"] = subject
    if body:
        msg.set_content(body, charset=charset)
    if html is not None:
        if body:
            msg.add_alternative(html, subtype="html")
        else:
            msg.set_content(html, subtype="html")
    for name, mime in attachments:
        maintype, subtype = mime.split("/")
        msg.add_attachment(b"\x00dummy", maintype=maintype, subtype=subtype, filename=name)
    return msg


def platform_rows(n: int, start: str = "2025-01-01") -> list[list[str]]:
    rows = []
    for i in range(n):
        when = pd.Timestamp(start) + pd.Timedelta(days=3 * i, hours=i % 24)
        web = i % 3 == 0
        rows.append(
            [
                f"RFQ-2025-{i:06d}",
                when.strftime("%Y-%m-%d %H:%M"),
                "Website Form" if web else "Platform RFQ",
                f"Need {100 * (i + 1)} pcs panel light",
                f"Dear Sales,\r\nPlease quote {100 * (i + 1)} pcs NB-PL6060-40W.\r\nÅsa",
                "Åsa Lind",
                f"buyer{i}@lind-trading.se",
                "Lind Trading AB",
                "www.lind-trading.se",
                "+46 8 123 456",
                "",
                "Sweden" if i % 2 else "SE",
                "spec.pdf; drawing.jpg" if i % 4 == 0 else "",
                "" if web else ("Gold", "Verified", "Basic")[i % 3],
                "" if web else str(i % 7),
            ]
        )
    return rows


def _write_platform(path: Path, rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\r\n")
        writer.writerow(PLATFORM_COLUMNS)
        writer.writerows(rows)


@pytest.fixture
def raw_history(tmp_path: Path) -> Path:
    """A root with data/raw/generated/history like the generator writes (12 + 6 inquiries),
    the day's unlabelled batch in data/raw/generated/new (4 + 1) and the empty labels file of
    stage marks."""
    history = tmp_path / "data" / "raw" / "generated" / "history"
    history.mkdir(parents=True)
    rows = platform_rows(12)
    _write_platform(history / "platform_export.csv", rows)
    new = history.parent / "new"
    new.mkdir()
    batch = [  # other ids and senders: not duplicates of the history
        [f"RFQ-2026-{i:06d}", *r[1:6], f"buyer{i}@nord-import.no", *r[7:]]
        for i, r in enumerate(platform_rows(4, "2025-03-01"))
    ]
    _write_platform(new / "platform_export.csv", batch)
    new_box = mailbox.mbox(new / "mailbox.mbox")
    new_box.add(build_email("Please quote 500 pcs.", message_id="<new.1@berg-lighting.se>"))
    new_box.flush()
    new_box.close()
    box = mailbox.mbox(history / "mailbox.mbox")
    ids = []
    for i in range(6):
        msg = build_email(
            f"Hello,\nFrom now on we buy {i + 1}000 bulbs.\n\nBest regards,\nJohn Smith\n"
            "Purchasing Manager\nSmith Imports Ltd\nTel: +44 20 7946 0000",
            when=pd.Timestamp("2025-02-01 08:00", tz="Europe/London") + pd.Timedelta(days=9 * i),
            charset="iso-8859-1" if i % 2 else "utf-8",
            message_id=f"<{i}.john@smith-imports.co.uk>",
        )
        if i == 1:  # a reply in a thread of ours
            msg["In-Reply-To"] = "<q1@ningbo-led.cn>"
            msg["References"] = "<q0@ningbo-led.cn> <q1@ningbo-led.cn>"
        ids.append(msg["Message-ID"])
        box.add(msg)
    box.flush()
    box.close()
    crm = [
        {
            "Ref": r[0],
            "Lead Status": "Genuine" if i % 2 else "Junk",
            "Account": "New lead",
            "Junk Category": "" if i % 2 else "Price fishing",
            "Deal Stage": ("Won", "Lost", "Open")[i % 3] if i % 2 else "Lost",
            "Order Value (USD)": "1200.5" if i % 2 and i % 3 == 0 else "",
            "Closed On": "",
        }
        for i, r in enumerate(rows)
    ] + [
        {
            "Ref": mid,
            "Lead Status": "Genuine",
            "Account": "Existing customer" if j == 1 else "New lead",
            "Junk Category": "",
            "Deal Stage": "Won",
            "Order Value (USD)": "900",
            "Closed On": "2025-06-01",
        }
        for j, mid in enumerate(ids)
    ]
    pd.DataFrame(crm).to_csv(history / "crm_outcomes.csv", index=False)
    # what stage marks writes before any rep has marked: the labels file, with no rows
    export_labels(tmp_path / "no-marks.sqlite", tmp_path / "data" / "labels" / "marks.csv", 1)
    return tmp_path


@pytest.fixture
def make_email() -> object:
    """The message builder, for tests that need their own messages."""
    return build_email
