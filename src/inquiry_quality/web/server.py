"""Start the page: load the batch, open the marks, check the access token, run uvicorn."""

from __future__ import annotations

import gc
import logging
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Final

import uvicorn
from fastapi import FastAPI

from inquiry_quality.core.config import IngestParams, Params, SourceParams
from inquiry_quality.features.lexicon import load_languages
from inquiry_quality.features.patterns import load_patterns
from inquiry_quality.scoring import Scorer
from inquiry_quality.scoring.pasted import inquiry_from_text
from inquiry_quality.web.app import Served, create_app
from inquiry_quality.web.batch import Batch, is_scored_file, load_scored, score_inputs
from inquiry_quality.web.inbox import Inbox
from inquiry_quality.web.marks import MarkStore

logger = logging.getLogger(__name__)


def saved_at(model: str | None) -> str | None:
    """When a local model directory was written (ISO, UTC): marks after it are new to it."""
    if model is None or not Path(model).exists():
        return None
    return datetime.fromtimestamp(Path(model).stat().st_mtime, UTC).isoformat()


def load_batch(
    inputs: Sequence[SourceParams],
    texts: Sequence[SourceParams],
    scorer: Scorer | None,
    params: Params,
    drift: Path | None = None,
) -> Batch:
    """One scored file (its text from ``texts``; its drift report read from ``drift``, else
    computed with ``scorer`` in the background), or inputs scored with ``scorer`` and checked
    for drift."""
    ingest = IngestParams(
        chunk_rows=params.score.chunk_rows,
        extra_numeric=params.ingest.extra_numeric,
        extra_categorical=params.ingest.extra_categorical,
    )
    languages = tuple(params.featurize.languages or load_patterns()["languages"])
    if len(inputs) == 1 and is_scored_file(Path(inputs[0].path)):
        return load_scored(Path(inputs[0].path), texts, ingest, languages, drift=drift or scorer)
    if scorer is None:
        raise ValueError("these inputs are not a scored file, and no model is loaded to score them")
    if drift is not None:
        raise ValueError("a drift report goes with a scored file: inputs are checked as scored")
    return score_inputs(scorer, inputs, ingest, languages)


#: what the scorer reads once at start, so that a rep's first pasted report is as quick as the rest
WARM_UP_TEXT: Final = "Subject: RFQ LED lights\n\nPlease quote 500 pcs, delivery to Hamburg.\nAnna"


def warm_up(scorer: Scorer, params: Params, done: threading.Event | None = None) -> None:
    """Score one made-up inquiry: the first report loads what the scorer caches (spaCy's stop
    words of every language, the featurizer's rules), seconds that no rep should wait for;
    and build every language's tokenizer and phrase lexicon (``load_languages``).

    Then what is loaded by now (the batch, the model, those caches) is frozen out of the
    garbage collector's full passes (``gc.freeze``): a full pass over 100,000 inquiries took
    ~120 ms, one in every ~200 pasted reports, the slowest of them. ``done`` is set at the
    end."""
    extra = (params.ingest.extra_numeric, params.ingest.extra_categorical)
    scorer.score(inquiry_from_text(WARM_UP_TEXT, None, *extra))
    load_languages()
    gc.collect()
    gc.freeze()
    logger.info("the scorer is warm")
    if done is not None:
        done.set()


def build(
    batch: Batch,
    scorer: Scorer | None,
    params: Params,
    marks: Path,
    source: str,
    model: str | None = None,
) -> Served:
    """What the app serves; the scorer warms up in a background thread (``Served.warm`` is
    set when it is done). Marks in the database stage marks reads (``marks.database``) are
    noted in ``marks.last_event`` for DVC."""
    configured = Path(params.marks.database).resolve() == Path(marks).resolve()
    warm = threading.Event()
    if scorer is None:
        warm.set()
    else:
        args = (scorer, params, warm)
        threading.Thread(target=warm_up, args=args, name="warm-up", daemon=True).start()
    return Served(
        inbox=Inbox(batch.table),
        marks=MarkStore(marks, Path(params.marks.last_event) if configured else None),
        scorer=scorer,
        params=params,
        min_per_class=params.marks.min_per_class,
        source=source,
        model_saved=saved_at(model),
        quarantined=batch.quarantined,
        texts_missing=batch.texts_missing,
        drift=batch.drift,
        warm=warm,
    )


def run(served: Served, host: str, port: int, token: str | None) -> None:
    """Serve until interrupted."""
    logger.info("serving %d inquiries on http://%s:%d/", len(served.inbox), host, port)
    uvicorn.run(create_app(served, token), host=host, port=port, log_level="warning")


@contextmanager
def in_thread(app: FastAPI, timeout: float = 30.0) -> Iterator[str]:
    """``app`` served on a free 127.0.0.1 port in a thread (tests, benchmarks); its URL."""
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the page did not start")
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
