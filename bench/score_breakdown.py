"""Where scoring's CPU time goes: each step of ``Scorer.score``, per 10,000 inquiries.

    .venv/bin/python bench/score_breakdown.py [--rows 10000] [--model models/inquiry-quality]
        [--batch data/raw/generated/new | --mail FOLDER] [--params params.yaml]

Scores the generated new batch (repeated to --rows) in one process, chunk by chunk as a
worker of ``inquiry-quality score`` does (``score.chunk_rows``), and prints the CPU seconds
(``time.process_time``, the best of three runs, so the figures hold on a busy machine) of every
feature family, the heads' shared transform, the heads with their contributions and n-grams,
the reasons and the whole call. ``--mail FOLDER`` scores the rows read from a folder of e-mails
instead (long real bodies: ``../shared/corpora/spamassassin/easy-ham-1``).
``bench/score_speed.py`` measures the end-to-end rate; this says which part to make faster.
The runs after the first meet every text again, so what a process keeps from text to text
(spaCy's tokenizer cache, the phrase lists' pieces) is warm: judge a cache by a first pass.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
from score_speed import new_batch

from inquiry_quality import load_scorer
from inquiry_quality.core.config import IngestParams, SourceParams, load_params
from inquiry_quality.ingest import read_inquiries
from inquiry_quality.modeling.heads import GENUINE
from inquiry_quality.scoring import scorer as scorer_module
from inquiry_quality.scoring.engines.partitions import ANY_DATE
from inquiry_quality.scoring.scorer import Scorer


def timed(seconds: dict[str, float], name: str, function: Callable[..., Any]) -> Callable:
    """``function``, adding its CPU time to ``seconds[name]`` at each call."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            seconds[name] += time.process_time() - start

    return wrapper


def breakdown(scorer: Scorer, rows: pd.DataFrame, chunk_rows: int) -> dict[str, float]:
    """CPU seconds per step for scoring ``rows`` in chunks (one run)."""
    seconds: dict[str, float] = defaultdict(float)
    bundle = scorer.bundle
    for family in bundle.featurizer.families():
        name = f"  features: {type(family).__name__.removesuffix('Features').lower()}"
        for start in range(0, len(rows), chunk_rows):
            timed(seconds, name, family.transform)(rows.iloc[start : start + chunk_rows])
    transformer = bundle.heads[GENUINE].steps[0][1]
    originals = (bundle.features, bundle.predict_and_explain, scorer_module.reasons)
    bundle.features = timed(seconds, "features (all families)", bundle.features)
    bundle.predict_and_explain = timed(seconds, "heads + explain", bundle.predict_and_explain)
    scorer_module.reasons = timed(seconds, "reasons", scorer_module.reasons)
    try:
        for start in range(0, len(rows), chunk_rows):
            chunk = rows.iloc[start : start + chunk_rows]
            timed(seconds, "score (whole call)", scorer.score)(chunk)
            feats = originals[0](chunk)  # the frame the heads see (not counted again)
            timed(seconds, "  of which heads' transform", transformer.transform)(feats)
    finally:
        bundle.features, bundle.predict_and_explain, scorer_module.reasons = originals
    return seconds


def mail_rows(folder: Path) -> pd.DataFrame:
    """The inquiries read from a folder of e-mails, as ``inquiry-quality score`` reads them."""
    chunks = read_inquiries(SourceParams(path=str(folder)), IngestParams(), Path("."), ANY_DATE)
    return pd.concat([chunk.table for chunk in chunks], ignore_index=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--model", default="models/inquiry-quality")
    parser.add_argument("--batch", type=Path, default=Path("data/raw/generated/new"))
    parser.add_argument("--mail", type=Path, help="a folder of e-mails to score instead")
    parser.add_argument("--params", type=Path, default=Path("params.yaml"))
    args = parser.parse_args()
    params = load_params(args.params)
    batch = mail_rows(args.mail) if args.mail else new_batch(args.batch, args.params)
    rows = pd.concat([batch] * (args.rows // len(batch) + 1), ignore_index=True).head(args.rows)
    scorer = load_scorer(args.model)
    scorer.score(rows.head(200))  # build the spaCy rules and caches once, as a worker does
    best: dict[str, float] = {}
    for _ in range(3):
        run = breakdown(scorer, rows, params.score.chunk_rows)
        best = {k: min(v, best.get(k, float("inf"))) for k, v in run.items()}
    per = 10_000 / args.rows
    print(
        f"CPU seconds per 10,000 inquiries ({args.rows} scored in chunks of "
        f"{params.score.chunk_rows}, best of 3):"
    )
    steps = ["heads + explain", "  of which heads' transform", "reasons", "score (whole call)"]
    for name in [*(k for k in best if k not in steps), *steps]:
        print(f"{name:<32} {best[name] * per:6.2f}")
    whole = best["score (whole call)"] * per
    print(f"one process: {10_000 / whole:,.0f} inquiries per CPU second")


if __name__ == "__main__":
    main()
