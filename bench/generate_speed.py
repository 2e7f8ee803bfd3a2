"""Time (wall and CPU) and peak memory of the `generate` stage's library call.

.venv/bin/python bench/generate_speed.py --n 20000   # the default params: 22,000 inquiries
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from inquiry_quality.core.config import GenerateParams
from inquiry_quality.synth import generate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=5000, help="history inquiries")
    args = parser.parse_args()
    params = GenerateParams().model_copy(update=dict(n_inquiries=args.n, n_new=args.n // 10))
    with tempfile.TemporaryDirectory() as out:
        start, cpu_start = time.perf_counter(), time.process_time()
        counts = generate(params, Path(out))
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
        size = sum(f.stat().st_size for f in Path(out).rglob("*") if f.is_file())
    total = params.n_inquiries + params.n_new
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{total} inquiries in {seconds:.1f} s ({total / seconds:.0f}/s), CPU {cpu:.1f} s, "
        f"{size / 2**20:.1f} MiB written, peak RSS {peak_mb:.0f} MiB"
    )
    print(counts)


if __name__ == "__main__":
    main()
