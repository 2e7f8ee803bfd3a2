"""Memory and speed of ``ingest`` on big inputs: 1,000,000 CSV rows, 100,000 mbox messages.

Each case runs in its own process so its peak RSS (``resource.getrusage``) is its own:

    .venv/bin/python bench/ingest_memory.py --rows 1000000 --messages 100000
"""

from __future__ import annotations

import argparse
import csv
import resource
import subprocess
import sys
import tempfile
import time
from email.message import EmailMessage
from pathlib import Path

from inquiry_quality.core.config import IngestParams, SourceParams
from inquiry_quality.ingest import ingest

BODY = (
    "Dear Sales,\nWe are a distributor in {country} and need {qty} pcs of LED panel light "
    "600x600 40W 4000K, packed in export cartons, CIF {port}, payment T/T 30/70.\n"
    "Please send your best price and delivery time.\n\nBest regards,\nMaria Lopez\n"
    "Purchasing Manager\nLopez Lighting S.A.\nTel: +34 91 123 4567\nwww.lopez-lighting.es"
)
PLACES = [
    ("Spain", "Valencia"),
    ("Chile", "Valparaiso"),
    ("Kenya", "Mombasa"),
    ("UAE", "Jebel Ali"),
]


def write_csv(path: Path, rows: int) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["Inquiry No.", "Date Received", "Source", "Subject", "Message", "Email"])
        for i in range(rows):
            country, port = PLACES[i % len(PLACES)]
            writer.writerow(
                [
                    f"RFQ-{i:07d}",
                    f"2025-{1 + i % 12:02d}-{1 + i % 28:02d} {i % 24:02d}:{i % 60:02d}",
                    "Platform RFQ" if i % 2 else "Website Form",
                    f"Inquiry {i} for panel lights",
                    BODY.format(country=country, qty=100 + i, port=port),
                    f"buyer{i}@example-{i % 997}.com",
                ]
            )


def write_mbox(path: Path, messages: int) -> None:
    with path.open("wb") as fh:
        for i in range(messages):
            country, port = PLACES[i % len(PLACES)]
            msg = EmailMessage()
            msg["Message-ID"] = f"<{i}.bench@example.com>"
            msg["Date"] = f"Mon, {1 + i % 28:02d} Sep 2025 10:{i % 60:02d}:00 +0200"
            msg["From"] = f"Maria Lopez <buyer{i}@lopez-lighting.es>"
            msg["Subject"] = f"RE: Inquiry {i}"
            msg.set_content(BODY.format(country=country, qty=100 + i, port=port))
            if i % 3 == 0:
                msg.add_alternative(f"<p>{i}: we need <b>panel lights</b></p>", subtype="html")
            fh.write(b"From bench@example.com Mon Sep  1 10:00:00 2025\n")
            fh.write(msg.as_bytes().replace(b"\nFrom ", b"\n>From ") + b"\n")


def run_case(case: str, n: int) -> None:
    """Build the input, ingest it, print one result line (runs in a child process)."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        if case == "csv":
            write_csv(root / "export.csv", n)
            source = SourceParams(
                path="export.csv",
                mapping={"Inquiry No.": "inquiry_id", "Date Received": "received_at",
                         "Source": "channel", "Subject": "subject", "Message": "body",
                         "Email": "sender_email"},
                values={"Source": {"Platform RFQ": "platform", "Website Form": "web_form"}},
            )  # fmt: skip
        else:
            write_mbox(root / "box.mbox", n)
            source = SourceParams(path="box.mbox")
        size_mb = sum(p.stat().st_size for p in root.iterdir()) / 1e6
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        started = time.perf_counter()
        result = ingest(IngestParams(sources=[source]), root, root / "out.parquet")
        seconds = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        kept = result.report["rows_kept"]
        print(
            f"{case}: {n:,} rows ({size_mb:,.0f} MB) -> {kept:,} kept in {seconds:,.1f} s "
            f"= {n / seconds:,.0f} rows/s; peak RSS {peak:,.0f} MB "
            f"(after building the input: {rss_before:,.0f} MB)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--case", choices=["csv", "mbox"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.case:
        run_case(args.case, args.rows if args.case == "csv" else args.messages)
        return
    for case in ("csv", "mbox"):
        cmd = [sys.executable, __file__, "--case", case, "--rows", str(args.rows),
               "--messages", str(args.messages)]  # fmt: skip
        subprocess.run(cmd, check=True)


if __name__ == "__main__":
    main()
