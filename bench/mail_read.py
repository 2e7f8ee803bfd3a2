"""Reading a folder of e-mails into inquiry rows (the ingest reader, no scoring), as a ratio to
plain parsing.

    .venv/bin/python bench/mail_read.py [FOLDER] [--baseline-src OTHER_CHECKOUT/src]

FOLDER defaults to the SpamAssassin corpus's easy-ham-1 (2,500 messages). Each measurement
runs in a child process, after its imports: ``read_inquiries`` over the folder (parsing,
charsets, HTML to text, quotes and signatures, validation) pinned to one core, then on every
core, and as the reference, in the same child, ``email.message_from_bytes`` over the same files
(what any mail tool does first). Prints messages/s and the ratio to the reference, so figures
from a busy machine compare. ``--baseline-src`` measures another checkout's reader the same
way (its ``src`` first on ``PYTHONPATH``), for a before/after ratio.
Target: at least 1,000 messages/s on one core.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "spamassassin"
CHILD = """
import email, json, os, sys, time
from pathlib import Path
from inquiry_quality.core.config import IngestParams, SourceParams
from inquiry_quality.ingest import read_inquiries
from inquiry_quality.scoring.engines.partitions import ANY_DATE

folder, cores = Path(sys.argv[1]), int(sys.argv[2])
if cores == 1:
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
files = sorted(p for p in folder.rglob("*") if p.is_file())
start = time.perf_counter()
for path in files:
    email.message_from_bytes(path.read_bytes())
reference = time.perf_counter() - start
start = time.perf_counter()
rows = sum(
    len(chunk.table) + len(chunk.quarantine)
    for chunk in read_inquiries(SourceParams(path=str(folder)), IngestParams(), Path("."), ANY_DATE)
)
print(json.dumps({"rows": rows, "reference": reference, "seconds": time.perf_counter() - start}))
"""


def measure(folder: Path, cores: int, src: str | None = None) -> dict[str, float]:
    """Seconds of the reader and of the reference in one child process."""
    env = dict(os.environ)
    if src:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [src, env.get("PYTHONPATH")]))
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(folder), str(cores)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if done.returncode:
        sys.exit(f"reading {folder} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", nargs="?", type=Path, default=CORPUS / "easy-ham-1")
    parser.add_argument("--baseline-src", help="another checkout's src folder to compare")
    args = parser.parse_args()
    checkouts = {"this checkout": None, "baseline": args.baseline_src}
    for label, src in checkouts.items():
        if label == "baseline" and not src:
            continue
        for cores, name in ((1, "one core"), (len(os.sched_getaffinity(0)), "every core")):
            got = measure(args.folder, cores, src)
            rate, plain = got["rows"] / got["seconds"], got["rows"] / got["reference"]
            print(
                f"{label}, {name}: {got['rows']} messages, {rate:,.0f} messages/s; "
                f"email.message_from_bytes {plain:,.0f}/s; ratio {rate / plain:.3f}"
            )


if __name__ == "__main__":
    main()
