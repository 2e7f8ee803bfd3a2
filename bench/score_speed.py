"""Speed and peak memory of batch scoring, file to file, through the CLI's code path.

    .venv/bin/python bench/score_speed.py --rows 1000000 [--model models/inquiry-quality]
        [--batch data/raw/generated/new] [--format csv|parquet] [--profile score.prof]

Builds the input once: the generated new batch (read with params.yaml's score.sources
mappings) repeated with fresh inquiry ids up to --rows, written as a canonical CSV (or
Parquet) file. Then scores it with ``inquiry-quality score`` (``cli.main``) in a child process
and samples the peak PSS of that process and every process under it (its workers come from a
fork server). Targets on 2 cores: at least 3,000 inquiries/s end to end, peak memory under
1 GB. With --profile the child's main process runs under cProfile and the top functions by
cumulative time are printed (``bench/score_breakdown.py`` splits a worker's time).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

from inquiry_quality.core import schema
from inquiry_quality.core.config import load_params
from inquiry_quality.ingest import read_inquiries
from inquiry_quality.scoring import source_for
from inquiry_quality.scoring.batch import ANY_DATE


def new_batch(folder: Path, params_path: Path) -> pd.DataFrame:
    """The generated new batch (platform export + mailbox) as canonical columns."""
    params = load_params(params_path)
    configured = [*params.score.sources, *params.ingest.sources]
    frames = []
    for name in ("platform_export.csv", "mailbox.mbox"):
        spec = source_for(folder / name, configured)
        frames += [c.table for c in read_inquiries(spec, params.ingest, Path("."), ANY_DATE)]
    columns = [
        *schema.INQUIRY_COLUMNS,
        *params.ingest.extra_numeric,
        *params.ingest.extra_categorical,
    ]
    return pd.concat(frames, ignore_index=True)[columns]


def write_input(batch: pd.DataFrame, rows: int, path: Path) -> None:
    """``batch`` repeated to ``rows`` rows with fresh ids, written block by block."""
    block = len(batch)
    parquet = None
    with path.open("w", encoding="utf-8", newline="") as handle:
        for start in range(0, rows, block):
            part = batch.head(min(block, rows - start)).copy()
            part[schema.INQUIRY_ID] = [f"BENCH-{start + i:07d}" for i in range(len(part))]
            part[schema.MESSAGE_ID] = pd.NA
            if path.suffix == ".parquet":
                import pyarrow as pa
                import pyarrow.parquet as pq

                table = pa.Table.from_pandas(part.astype(str), preserve_index=False)
                parquet = parquet or pq.ParquetWriter(path, table.schema)
                parquet.write_table(table)
            else:
                part.to_csv(handle, header=start == 0, index=False)
    if parquet is not None:
        parquet.close()


def tree_pss_mb(pid: int) -> float:
    """Proportional set size (shared pages split between sharers) of ``pid`` and its children.

    Worker processes share the model's pages with their parent; adding up their RSS would
    count those pages once per process. Linux only (``/proc``).
    """
    total, pending = 0.0, [pid]
    while pending:
        current = pending.pop()
        try:
            rollup = Path(f"/proc/{current}/smaps_rollup").read_text()
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:  # the process just ended
            continue
        kb = next((int(x.split()[1]) for x in rollup.splitlines() if x.startswith("Pss:")), 0)
        total += kb / 1024
        pending += [int(c) for c in children]
    return total


def child(argv: list[str], profile: str | None) -> None:
    """Run the CLI (optionally profiled) and print wall time and peak RSS."""
    from inquiry_quality.cli import main

    start = time.perf_counter()
    if profile:
        profiler = cProfile.Profile()
        code = profiler.runcall(main, argv)
        profiler.dump_stats(profile)
    else:
        code = main(argv)
    elapsed = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"RESULT exit={code} seconds={elapsed:.1f} peak_rss_mb={peak_mb:.0f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--model", default="models/inquiry-quality")
    parser.add_argument("--batch", type=Path, default=Path("data/raw/generated/new"))
    parser.add_argument("--params", type=Path, default=Path("params.yaml"))
    parser.add_argument(
        "--workdir", type=Path, default=Path(tempfile.gettempdir()) / "inquiry-quality-bench"
    )
    parser.add_argument("--format", choices=("csv", "parquet"), default="csv")
    parser.add_argument("--jobs", type=int, help="worker processes (cli --jobs; default: its)")
    parser.add_argument("--profile", help="write cProfile stats here and print the top")
    parser.add_argument("--child", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        child(args.child, args.profile)
        return
    args.workdir.mkdir(parents=True, exist_ok=True)
    source = args.workdir / f"inquiries_{args.rows}.{args.format}"
    if not source.exists():
        started = time.perf_counter()
        write_input(new_batch(args.batch, args.params), args.rows, source)
        print(f"wrote {args.rows} inquiries to {source} in {time.perf_counter() - started:.0f} s")
    out = args.workdir / f"scored_{args.rows}.csv"
    argv = ["score", str(source), "-o", str(out), "--model", args.model, "--quiet"]
    argv += ["--jobs", str(args.jobs)] if args.jobs else []
    command = [sys.executable, __file__, *(["--profile", args.profile] if args.profile else [])]
    process = subprocess.Popen(
        [*command, "--child", *argv], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    peak_pss = 0.0
    while process.poll() is None:  # sampled, so a very short peak can be missed
        peak_pss = max(peak_pss, tree_pss_mb(process.pid))
        time.sleep(0.5)
    stdout, stderr = process.communicate()
    sys.stderr.write(stderr[-3000:])
    line = next(x for x in stdout.splitlines() if x.startswith("RESULT"))
    fields = dict(item.split("=") for item in line.split()[1:])
    seconds, peak = float(fields["seconds"]), float(fields["peak_rss_mb"])
    print(
        f"scored {args.rows} inquiries in {seconds:.0f} s: {args.rows / seconds:,.0f}/s; peak "
        f"RSS of the main process {peak:,.0f} MB; peak PSS of all its processes {peak_pss:,.0f} MB "
        f"(targets: >= 3,000/s, < 1,024 MB); exit {fields['exit']}"
    )
    if args.profile:
        pstats.Stats(args.profile).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
