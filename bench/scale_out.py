"""Scoring on Dask with 1 and 2 local workers, against the local engine, on distinct inquiries.

    .venv/bin/python bench/scale_out.py --rows 1000000 [--model models/inquiry-quality]
        [--partition-rows 20000] [--workdir /tmp/inquiry-quality-scale-out]

Builds the input once: ``generate`` with ``--rows`` history inquiries (every text generated,
not one batch repeated), read by ``ingest`` with params.yaml's mappings into one canonical
Parquet file. Then scores it three times through ``inquiry-quality score`` in child processes:
``--engine dask --workers 1``, ``--engine dask --workers 2`` (a local cluster each, started
inside the timed run) and the local engine (``--jobs 2``). Prints each rate, the scaling factor
from 1 to 2 workers (target >= 1.7 on 2 cores), the Dask rate as a share of the local engine's,
and the peak PSS of the biggest single process under each run (a worker's peak memory).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from score_speed import process_pss_mb  # bench/ is on the path of a bench script

from inquiry_quality.core.config import load_params
from inquiry_quality.ingest import ingest
from inquiry_quality.synth import generate

GENERATED = "data/raw/generated"


def build_input(rows: int, params_path: Path, workdir: Path) -> Path:
    """``rows`` generated history inquiries, ingested into ``workdir/inquiries.parquet``."""
    out = workdir / f"inquiries_{rows}.parquet"
    if out.exists():
        return out
    params = load_params(params_path)
    raw = workdir / f"raw_{rows}"
    generate(params.generate.model_copy(update={"n_inquiries": rows, "n_new": 10}), raw)
    moved = {
        name: [
            s.model_copy(update={"path": str(raw / Path(s.path).relative_to(GENERATED))})
            for s in getattr(params.ingest, name)
            if Path(s.path).is_relative_to(GENERATED)  # not the reps' marks: none here
        ]
        for name in ("sources", "outcomes")
    }
    ingest(params.ingest.model_copy(update=moved), Path("/"), out)
    return out


def timed(argv: list[str]) -> tuple[float, float]:
    """Wall seconds of ``inquiry-quality ARGV`` and the peak PSS of its biggest worker."""
    command = [sys.executable, "-m", "inquiry_quality.cli", *argv]
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peaks: dict[int, float] = {}
    while process.poll() is None:  # sampled, so a very short peak can be missed
        for pid, size in process_pss_mb(process.pid).items():
            peaks[pid] = max(peaks.get(pid, 0.0), size)
        time.sleep(0.5)
    seconds = time.perf_counter() - start
    _, stderr = process.communicate()
    if process.returncode not in (0, 3):
        sys.exit(f"{' '.join(argv)} failed ({process.returncode}):\n{stderr.decode()[-3000:]}")
    workers = [size for pid, size in peaks.items() if pid != process.pid]
    return seconds, max(workers, default=0.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--model", default="models/inquiry-quality")
    parser.add_argument("--params", type=Path, default=Path("params.yaml"))
    parser.add_argument("--partition-rows", type=int, default=20_000)
    parser.add_argument(
        "--workdir", type=Path, default=Path(tempfile.gettempdir()) / "inquiry-quality-scale-out"
    )
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    source = build_input(args.rows, args.params, args.workdir)
    print(f"input {source} ready in {time.perf_counter() - started:.0f} s")
    import pyarrow.parquet as pq

    rows = pq.ParquetFile(source).metadata.num_rows
    common = ["score", str(source), "--model", args.model, "--quiet", "--params", str(args.params)]
    dask = ["--engine", "dask", "--partition-rows", str(args.partition_rows)]
    runs = {
        "dask, 1 worker": [*common, "-o", str(args.workdir / "scored_1"), *dask, "--workers", "1"],
        "dask, 2 workers": [*common, "-o", str(args.workdir / "scored_2"), *dask, "--workers", "2"],
        "local engine, 2 jobs": [*common, "-o", str(args.workdir / "local.csv"), "--jobs", "2"],
    }
    rates = {}
    for name, argv in runs.items():
        seconds, worker_mb = timed(argv)
        rates[name] = rows / seconds
        print(
            f"{name:>22}: {rows} inquiries in {seconds:,.0f} s, {rates[name]:,.0f}/s; "
            f"peak PSS of the biggest worker process {worker_mb:,.0f} MB"
        )
    scaling = rates["dask, 2 workers"] / rates["dask, 1 worker"]
    share = rates["dask, 2 workers"] / rates["local engine, 2 jobs"]
    print(f"scaling from 1 to 2 workers: {scaling:.2f}x (target >= 1.7)")
    print(f"dask with 2 workers runs at {share:.2f} of the local engine with 2 jobs")


if __name__ == "__main__":
    main()
