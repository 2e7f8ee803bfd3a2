"""Scoring a folder of e-mails end to end (start-up included), as a ratio to plain parsing.

    .venv/bin/python bench/mail_speed.py [FOLDER] [--baseline-cli OTHER/.venv/bin/inquiry-quality]

FOLDER defaults to the SpamAssassin corpus's easy-ham-1 (2,500 messages). Times, each in a
child process: ``inquiry-quality score FOLDER -o x.csv`` (this checkout), the same for the
folder's HTML messages alone, and as the reference ``email.message_from_bytes`` over the same
files (what any mail tool does first); prints messages/s and each as a ratio to the reference,
so figures from a busy machine compare. ``--baseline-cli`` scores the same folders with
another installation (``CHECKOUT/.venv/bin/inquiry-quality``, run in CHECKOUT with its model)
in the same run, for a before/after ratio.
Target on 2 cores: 1,000 messages/s end to end on easy-ham-1.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "spamassassin"
REFERENCE = """
import email, sys
from pathlib import Path
for path in sorted(Path(sys.argv[1]).rglob("*")):
    if path.is_file():
        email.message_from_bytes(path.read_bytes())
"""


def seconds(command: list[str], cwd: Path | None = None) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, cwd=cwd)
    if done.returncode not in (0, 3):  # 3: scored, some messages quarantined
        sys.exit(f"{' '.join(command)} failed:\n{done.stderr[-3000:]}")
    return time.perf_counter() - start


def html_messages(folder: Path, into: Path) -> Path:
    """The folder's messages with an HTML part, copied into ``into``."""
    into.mkdir(parents=True, exist_ok=True)
    for path in sorted(folder.rglob("*")):
        if path.is_file() and b"text/html" in path.read_bytes().lower():
            shutil.copy(path, into / path.name)
    return into


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", nargs="?", type=Path, default=CORPUS / "easy-ham-1")
    parser.add_argument("--baseline-cli", help="another inquiry-quality executable to compare")
    args = parser.parse_args()
    this_cli = str(Path(sys.executable).with_name("inquiry-quality"))
    with tempfile.TemporaryDirectory() as tmp:
        folders = {"all": args.folder, "html": html_messages(args.folder, Path(tmp) / "html")}
        for name, folder in folders.items():
            count = sum(1 for p in folder.rglob("*") if p.is_file())
            plain = count / seconds([sys.executable, "-c", REFERENCE, str(folder)])
            print(f"{name} ({count} messages): email.message_from_bytes {plain:,.0f}/s")
            clis = {"this checkout": this_cli, "baseline": args.baseline_cli}
            for label, cli in clis.items():
                if cli:
                    out = Path(tmp) / f"{name}-{label.replace(' ', '-')}.csv"
                    # in its own checkout: its params.yaml and models/
                    root = Path(cli).absolute().parents[2]
                    command = [cli, "score", str(folder.absolute()), "-o", str(out), "-q"]
                    rate = count / seconds(command, root)
                    print(f"  {label}: {rate:,.0f} messages/s, {rate / plain:.3f} of the reference")


if __name__ == "__main__":
    main()
