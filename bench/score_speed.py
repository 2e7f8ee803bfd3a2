"""Speed and peak memory of batch scoring, file to file, through the CLI's code path.

    .venv/bin/python bench/score_speed.py --rows 1000000 [--model models/inquiry-quality]
        [--batch data/raw/generated/new] [--format csv|parquet] [--profile score.prof]
        [--workers N (through --engine dask)]

Builds the input once: the generated new batch (read with params.yaml's score.sources
mappings) repeated with fresh inquiry ids up to --rows, written as a canonical CSV (or
Parquet) file. Then scores it with ``inquiry-quality score`` (``cli.main``) in a child process
and samples the peak PSS of that process and every process under it (its workers come from a
fork server). Targets on 2 cores: at least 3,000 inquiries/s end to end, peak memory under
1 GB. On a shared machine absolute rates drift, so the same file is also scored, in a child
process of this one, by what a user would write instead (``reference``: TF-IDF + logistic
regression fitted on the ingested history, reading the CSV with pandas) and the project's rate
is printed as a ratio to it. With --profile the child's main process runs under cProfile and
the top functions by cumulative time are printed (``bench/score_breakdown.py`` splits a
worker's time).
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


def process_pss_mb(pid: int) -> dict[int, float]:
    """Proportional set size (shared pages split between sharers) of ``pid`` and of each
    process under it, by process id.

    Worker processes share the model's pages with their parent; adding up their RSS would
    count those pages once per process. Linux only (``/proc``).
    """
    sizes, pending = {}, [pid]
    while pending:
        current = pending.pop()
        try:
            rollup = Path(f"/proc/{current}/smaps_rollup").read_text()
            # children of every thread (Dask's nannies start workers from another thread)
            tasks = Path(f"/proc/{current}/task").iterdir()
            children = [c for t in tasks for c in (t / "children").read_text().split()]
        except OSError:  # the process just ended
            continue
        kb = next((int(x.split()[1]) for x in rollup.splitlines() if x.startswith("Pss:")), 0)
        sizes[current] = kb / 1024
        pending += [int(c) for c in children]
    return sizes


def tree_pss_mb(pid: int) -> float:
    """The PSS of ``pid`` and every process under it, in MB."""
    return sum(process_pss_mb(pid).values())


def reference(source: Path, history: Path) -> None:
    """The plain pipeline's scoring rate on ``source`` (fitting it is not timed)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    train = pd.read_parquet(history, columns=[schema.SUBJECT, schema.BODY, schema.IS_GENUINE])
    train = train.dropna(subset=[schema.IS_GENUINE])
    model = make_pipeline(TfidfVectorizer(min_df=2), LogisticRegression(max_iter=1000))
    model.fit(_text(train), train[schema.IS_GENUINE].astype(int))
    start = time.perf_counter()
    columns = [schema.SUBJECT, schema.BODY]
    if source.suffix == ".parquet":
        frame = pd.read_parquet(source, columns=columns)
    else:
        frame = pd.read_csv(source, usecols=columns, dtype=str)
    rows = 0
    for part in _batches(frame):
        model.predict_proba(_text(part))
        rows += len(part)
    print(f"RESULT seconds={time.perf_counter() - start:.2f} rows={rows}")


def _text(frame: pd.DataFrame) -> pd.Series:
    return frame[schema.SUBJECT].fillna("") + "\n" + frame[schema.BODY].fillna("")


def _batches(frame: pd.DataFrame, size: int = 10_000) -> list[pd.DataFrame]:
    return [frame.iloc[start : start + size] for start in range(0, len(frame), size)]


def _run_child(command: list[str]) -> tuple[dict[str, str], float]:
    """A child's RESULT fields, and the peak PSS of it and its processes (sampled)."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak_pss = 0.0
    while process.poll() is None:  # sampled, so a very short peak can be missed
        peak_pss = max(peak_pss, tree_pss_mb(process.pid))
        time.sleep(0.5)
    stdout, stderr = process.communicate()
    sys.stderr.write(stderr[-3000:])
    line = next(x for x in stdout.splitlines() if x.startswith("RESULT"))
    return dict(item.split("=") for item in line.split()[1:]), peak_pss


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
    parser.add_argument("--workers", type=int, help="score with --engine dask, N local workers")
    parser.add_argument("--history", type=Path, default=Path("data/interim/inquiries.parquet"))
    parser.add_argument("--child", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    parser.add_argument("--reference", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        child(args.child, args.profile)
        return
    if args.reference is not None:
        reference(args.reference, args.history)
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
    argv += ["--engine", "dask", "--workers", str(args.workers)] if args.workers else []
    command = [sys.executable, __file__, *(["--profile", args.profile] if args.profile else [])]
    fields, peak_pss = _run_child([*command, "--child", *argv])
    seconds, peak = float(fields["seconds"]), float(fields["peak_rss_mb"])
    rate = args.rows / seconds
    print(
        f"scored {args.rows} inquiries in {seconds:.0f} s: {rate:,.0f}/s; peak "
        f"RSS of the main process {peak:,.0f} MB; peak PSS of all its processes {peak_pss:,.0f} MB "
        f"(targets: >= 3,000/s, < 1,024 MB); exit {fields['exit']}"
    )
    plain, _ = _run_child(
        [sys.executable, __file__, "--reference", str(source), "--history", str(args.history)]
    )
    plain_rate = int(plain["rows"]) / float(plain["seconds"])
    print(
        f"plain TF-IDF + logistic regression on the same file: {plain_rate:,.0f}/s; the project "
        f"runs at {rate / plain_rate:.3f} of it"
    )
    if args.profile:
        pstats.Stats(args.profile).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
