"""Start-up time of the ``inquiry-quality`` command, as a ratio to plain Python start-ups.

    .venv/bin/python bench/cli_startup.py [--repeat 5] [--model models/inquiry-quality]
        [--baseline-src OTHER_CHECKOUT/src]

Times, each in a child process and the best of ``--repeat`` runs (the least disturbed by
other jobs on a shared machine): ``inquiry-quality --help``, ``inquiry-quality score`` of one
e-mail (start-up, loading the model with its checksums, one message scored, the output
written), ``score`` of a mistyped path (its error, exit 2), ``score`` with a model that is
not there (its error, exit 4) and, as references measured in
the same run, ``python -c pass`` and ``python -c "import pandas"``. Prints seconds and CPU
seconds (less disturbed by load), each as a ratio to the pandas import, so figures from a busy
machine compare. ``--baseline-src`` times the same commands of another checkout (its ``src``
first on ``PYTHONPATH``, this checkout's model), for a before/after ratio. Target: under
1.5 s for ``--help`` and for the start of ``score``. Run after ``make run`` (the model).
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MESSAGE = b"""From: Ann Lee <ann@example.com>
To: sales@example.org
Subject: RFQ: 500 LED panels
Date: Mon, 3 Mar 2025 10:00:00 +0000
Message-ID: <1@example.com>

Dear sales, please quote 500 pcs 600x600 LED panels, 40 W, 4000 K, CIF Hamburg.
Regards,
Ann Lee
Purchasing Manager, Lee Lighting GmbH
"""


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def best_seconds(
    command: list[str], repeat: int, src: str | None = None, exits: tuple[int, ...] = (0, 3)
) -> tuple[float, float]:
    """The fastest of ``repeat`` runs of ``command`` (exit 0, or 3: some rows quarantined;
    ``exits`` if given), with ``src`` first on ``PYTHONPATH`` if given: (wall seconds, CPU
    seconds)."""
    env = dict(os.environ)
    if src:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [src, env.get("PYTHONPATH")]))
    times = []
    for _ in range(repeat):
        start, cpu = time.perf_counter(), _children_cpu()
        done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
        times.append((time.perf_counter() - start, _children_cpu() - cpu))
        if done.returncode not in exits:
            sys.exit(f"{' '.join(command)} failed:\n{done.stderr[-3000:]}")
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5, help="runs of each (the best counts)")
    parser.add_argument("--model", default="models/inquiry-quality")
    parser.add_argument("--baseline-src", help="another checkout's src folder to compare")
    args = parser.parse_args()
    cli = [sys.executable, "-m", "inquiry_quality.cli"]
    with tempfile.TemporaryDirectory() as tmp:
        message = Path(tmp) / "one.eml"
        message.write_bytes(MESSAGE)
        score = [*cli, "score", str(message), "-o", f"{tmp}/out.csv", "--model", args.model, "-q"]
        typo = [*cli, "score", f"{tmp}/one.eml.missing", "-o", f"{tmp}/out.csv", "-q"]
        no_model = [*score[:-3], "--model", f"{tmp}/no-model", "-q"]
        usage_error, model_error = (2,), (4,)  # the exit codes of a mistyped path, of no model
        runs = {
            "python -c pass": ([sys.executable, "-c", "pass"], None),
            'python -c "import pandas"': ([sys.executable, "-c", "import pandas"], None),
            "inquiry-quality --help": ([*cli, "--help"], None),
            "inquiry-quality score one.eml": (score, None),
            "score of a missing file": (typo, None, usage_error),
            "score with no model there": (no_model, None, model_error),
        }
        if args.baseline_src:
            runs["baseline --help"] = ([*cli, "--help"], args.baseline_src)
            runs["baseline score one.eml"] = (score, args.baseline_src)
            runs["baseline missing file"] = (typo, args.baseline_src, usage_error)
            runs["baseline no model there"] = (no_model, args.baseline_src, model_error)
        seconds = {name: best_seconds(run[0], args.repeat, *run[1:]) for name, run in runs.items()}
    wall, cpu = seconds['python -c "import pandas"']
    for name, (value, used) in seconds.items():
        print(
            f"{name:30} {value:6.2f} s ({value / wall:5.2f}x import pandas), "
            f"CPU {used:5.2f} s ({used / cpu:5.2f}x)"
        )


if __name__ == "__main__":
    main()
