"""Speed of the rep's page on a warm server: the inbox over 100,000 inquiries, pasted reports.

    .venv/bin/python bench/serve_speed.py --rows 100000 [--scored data/scored/new_batch.csv]
        [--model models/inquiry-quality] [--params params.yaml]

Needs `make run` first. The scored demo batch (with its text) is repeated with fresh inquiry
ids and slightly varied chances up to --rows, then served by uvicorn in a thread on
127.0.0.1 and asked over HTTP (keep-alive, one client). Targets: the first inbox page in under
300 ms, and the report for a pasted inquiry under 100 ms at the 95th percentile of 200
requests. References measured in the same run: a static file from the same server (the floor
of one request) and the scorer called directly on the same pasted texts (the model's share).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import numpy as np
import pandas as pd

from inquiry_quality.core import schema
from inquiry_quality.core.config import SourceParams, load_params
from inquiry_quality.mlops.loading import load_scorer
from inquiry_quality.scoring.pasted import inquiry_from_text
from inquiry_quality.web.app import create_app
from inquiry_quality.web.batch import Batch
from inquiry_quality.web.security import CSRF_COOKIE, CSRF_HEADER
from inquiry_quality.web.server import build, in_thread, load_batch


def grown(batch: Batch, rows: int, seed: int) -> Batch:
    """``batch`` repeated to ``rows`` rows with fresh ids and jittered chances."""
    table = batch.table
    repeats = -(-rows // len(table))
    big = pd.concat([table] * repeats, ignore_index=True).head(rows)
    big[schema.INQUIRY_ID] = [f"BENCH-{i:07d}" for i in range(len(big))]
    jitter = np.random.default_rng(seed).normal(0, 0.01, len(big))
    big[schema.P_CONVERT] = (big[schema.P_CONVERT] + jitter).clip(0, 1)
    return Batch(big, 0, 0)


def timed(call: Callable[[], object], times: int) -> list[float]:
    """Milliseconds of each of ``times`` calls."""
    spent = []
    for _ in range(times):
        start = time.perf_counter()
        call()
        spent.append((time.perf_counter() - start) * 1000)
    return spent


def p95(values: list[float]) -> float:
    return float(np.percentile(values, 95))


def pasted_texts(table: pd.DataFrame, n: int) -> list[str]:
    """``n`` inquiries of the batch as a rep pastes them: headers, blank line, body."""
    picked = table.sample(n=min(n, len(table)), random_state=0)
    return [
        f"From: {r.sender_name} <{r.sender_email}>\nSubject: {r.subject}\n\n{r.body}"
        for r in picked.itertuples()
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--scored", type=Path, default=Path("data/scored/new_batch.csv"))
    parser.add_argument("--model", default="models/inquiry-quality")
    parser.add_argument("--params", type=Path, default=Path("params.yaml"))
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()

    params = load_params(args.params)
    scorer = load_scorer(args.model, params.score)
    started = time.perf_counter()
    batch = load_batch([SourceParams(path=str(args.scored))], params.score.sources, None, params)
    batch = grown(batch, args.rows, params.generate.seed)
    with tempfile.TemporaryDirectory() as folder:
        served = build(batch, scorer, params, Path(folder) / "marks.sqlite", "bench", args.model)
        print(f"loaded {len(served.inbox):,} inquiries in {time.perf_counter() - started:.1f} s")
        texts = pasted_texts(batch.table, 20)
        app = create_app(served)
        with in_thread(app) as url, httpx.Client(base_url=url, timeout=120) as client:
            client.get("/").raise_for_status()  # warm: templates compiled, connection open
            csrf = client.cookies[CSRF_COOKIE]
            cycle = iter(range(10**9))

            def paste() -> None:
                text = texts[next(cycle) % len(texts)]
                answer = client.post("/paste", data={"text": text}, headers={CSRF_HEADER: csrf})
                answer.raise_for_status()

            if not served.warm.wait(timeout=120):  # the page's own warm-up, in a thread
                raise RuntimeError("the page did not warm up in 2 minutes")
            timed(paste, 5)  # warm: the client's side and the texts' own cache entries
            static = timed(lambda: client.get("/static/app.css"), 50)
            first = timed(lambda: client.get("/").raise_for_status(), 30)
            search = {"q": "led", "region": "Europe", "marked": "unmarked"}
            filtered = timed(lambda: client.get("/", params=search).raise_for_status(), 30)
            last = timed(lambda: client.get("/", params={"page": 2000}).raise_for_status(), 10)
            reports = timed(paste, args.requests)
        extra = (params.ingest.extra_numeric, params.ingest.extra_categorical)
        turn = iter(range(10**9))
        direct = timed(
            lambda: scorer.score(inquiry_from_text(texts[next(turn) % len(texts)], None, *extra)),
            args.requests,
        )
    floor = statistics.median(static)
    print(f"static file (reference): median {floor:.1f} ms")
    for name, spent in (("first inbox page", first), ("filtered + search", filtered)):
        median = statistics.median(spent)
        print(
            f"{name}: median {median:.1f} ms, max {max(spent):.1f} ms "
            f"({median / floor:.1f}x the static file; target < 300 ms)"
        )
    print(f"last page: median {statistics.median(last):.1f} ms")
    print(
        f"pasted report over {args.requests} requests: p95 {p95(reports):.1f} ms, median "
        f"{statistics.median(reports):.1f} ms (target p95 < 100 ms); the scorer alone p95 "
        f"{p95(direct):.1f} ms, so the page adds {p95(reports) / p95(direct):.2f}x"
    )


if __name__ == "__main__":
    main()
