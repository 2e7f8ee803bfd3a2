"""The batch's drift verdict on the inbox: computed as ``score --drift`` does (in the
background for a scored file), or read."""

from __future__ import annotations

import dataclasses
import json
import re
import threading
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from playwright.sync_api import Browser, expect

from inquiry_quality.core.config import IngestParams, Params, SourceParams
from inquiry_quality.evaluation.drift import DRIFT, STABLE
from inquiry_quality.scoring import Scorer
from inquiry_quality.web.app import Served, create_app
from inquiry_quality.web.batch import Batch, scored_with_drift
from inquiry_quality.web.drift import DriftCheck, Report
from inquiry_quality.web.server import build, in_thread, load_batch

DRIFT_PANEL = re.compile(r'<(p|section) class="drift[^"]*" id="drift".*?</\1>', re.S)
#: input columns a broken export mapping loses
LOST = ("country", "company", "phone")


def _panel_of(html: str) -> str:
    found = DRIFT_PANEL.search(html)
    assert found is not None, "the inbox shows no drift check"
    return found.group(0)


def _panel(served: Served) -> str:
    return _panel_of(TestClient(create_app(served)).get("/").text)


def _gated_check(
    scorer: Scorer, sources: list[SourceParams], params: Params, gate: threading.Event
) -> DriftCheck:
    """The page's drift check of ``sources``, started in the background, held until ``gate``."""
    ingest = IngestParams(
        chunk_rows=params.score.chunk_rows,
        extra_numeric=params.ingest.extra_numeric,
        extra_categorical=params.ingest.extra_categorical,
    )

    def check() -> Report:
        assert gate.wait(timeout=300), "the test never opened the gate"
        return scored_with_drift(scorer, sources, ingest, Path("/"))[2]

    return DriftCheck.in_background(check)


def _absolute(sources: list[SourceParams]) -> list[SourceParams]:
    return [s.model_copy(update={"path": str(Path(s.path).resolve())}) for s in sources]


def test_the_inbox_answers_while_the_drift_check_runs(
    served: Served, web_scorer: Scorer, batch_sources: list[SourceParams], project_params: Params
) -> None:
    gate = threading.Event()
    check = _gated_check(web_scorer, _absolute(batch_sources), project_params, gate)
    client = TestClient(create_app(dataclasses.replace(served, drift=check)))
    try:
        inbox = client.get("/")
        assert inbox.status_code == 200 and 'class="row' in inbox.text
        panel = _panel_of(inbox.text)
        assert "Drift check running" in panel and 'hx-get="/drift"' in panel
        assert "Drift check running" in client.get("/drift").text
    finally:
        gate.set()
    report = check.wait(timeout=300)
    assert report is not None and report == served.drift.report  # the same check, later
    panel = _panel_of(client.get("/drift").text)
    assert "<b>stable</b>" in panel and "hx-get" not in panel
    assert "<b>stable</b>" in _panel_of(client.get("/").text)


def test_the_verdict_replaces_the_running_note_in_the_browser(
    browser: Browser,
    served: Served,
    web_scorer: Scorer,
    batch_sources: list[SourceParams],
    project_params: Params,
) -> None:
    gate = threading.Event()
    check = _gated_check(web_scorer, _absolute(batch_sources), project_params, gate)
    with in_thread(create_app(dataclasses.replace(served, drift=check))) as url:
        page = browser.new_context().new_page()
        try:
            page.goto(url + "/")
            expect(page.locator("#drift")).to_contain_text("Drift check running")
            expect(page.locator("tr.row").first).to_be_visible()
        finally:
            gate.set()
        # no reload: the panel asks the server again until the check is done
        expect(page.locator("#drift")).to_contain_text("stable", timeout=300_000)
        page.context.close()


def test_a_failed_drift_check_says_why_and_the_page_serves(served: Served) -> None:
    def broken() -> Report:
        raise ValueError("the inputs are gone")

    check = DriftCheck.in_background(broken)
    with pytest.raises(ValueError):
        check.wait(timeout=60)
    panel = _panel(dataclasses.replace(served, drift=check))
    assert "Drift check failed: the inputs are gone" in panel


def test_a_stable_batch_does_not_alarm(served: Served) -> None:
    report = served.drift.report
    assert report is not None and report["verdict"] == STABLE, report
    panel = _panel(served)
    assert "<b>stable</b>" in panel and "no column moved" in panel
    assert 'role="alert"' not in panel and "DRIFT" not in panel


def test_a_drifted_batch_names_what_moved(
    web_scorer: Scorer, project_params: Params, tmp_path: Path
) -> None:
    platform = project_params.score.sources[0]
    mapping = {k: v for k, v in platform.mapping.items() if v not in LOST}
    broken = platform.model_copy(
        update={"mapping": mapping, "path": str(Path(platform.path).resolve())}
    )
    batch = load_batch([broken], [], web_scorer, project_params)
    served = build(batch, web_scorer, project_params, tmp_path / "marks.sqlite", "broken export")
    report = served.drift.report  # inputs are profiled as they are scored: known at once
    assert report is not None and report["verdict"] == DRIFT
    panel = _panel(served)
    assert 'role="alert"' in panel and "Drift check: DRIFT" in panel
    top = report["top"]
    assert len(top) == project_params.score.drift.top
    for name in top:
        assert f"<b>{name}</b>" in panel
    for column in LOST:  # the lost columns are listed among the columns that moved
        assert f"input {column} blank" in panel


def test_the_report_the_batch_was_scored_with_is_shown_escaped(
    scored_batch: Batch, scored_file: Path, project_params: Params, tmp_path: Path
) -> None:
    hostile = "<script>alert(1)</script>"
    report = {
        "verdict": DRIFT,
        "batch_rows": len(scored_batch.table),
        "columns": {"stable": 80, "watch": 0, "drift": 1},
        "top": [hostile],
        "moved": [{"name": hostile, "verdict": DRIFT, "why": "PSI 9 <img src=http://x.example>"}],
    }
    path = tmp_path / "drift.json"
    path.write_text(json.dumps(report))
    texts = [SourceParams(path=str(tmp_path / "absent.csv"))]
    batch = load_batch([SourceParams(path=str(scored_file))], texts, None, project_params, path)
    assert batch.drift.report == report and not batch.drift.running
    panel = _panel(build(batch, None, project_params, tmp_path / "marks.sqlite", "scored"))
    assert "<script>" not in panel and "<img" not in panel
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in panel and "&lt;img src=" in panel


@pytest.mark.parametrize("content", ["not json", '{"top": []}'])
def test_a_file_that_is_no_drift_report_is_refused_by_name(
    content: str, scored_file: Path, project_params: Params, tmp_path: Path
) -> None:
    path = tmp_path / "drift.json"
    path.write_text(content)
    with pytest.raises(ValueError, match=re.escape(str(path))):
        load_batch([SourceParams(path=str(scored_file))], [], None, project_params, path)
