"""The batch's drift verdict on the inbox: computed as ``score --drift`` does, or read."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from inquiry_quality.core.config import Params, SourceParams
from inquiry_quality.evaluation.drift import DRIFT, STABLE
from inquiry_quality.scoring import Scorer
from inquiry_quality.web.app import Served, create_app
from inquiry_quality.web.batch import Batch
from inquiry_quality.web.server import build, load_batch

DRIFT_PANEL = re.compile(r'<(p|section) class="drift[^"]*" id="drift".*?</\1>', re.S)
#: input columns a broken export mapping loses
LOST = ("country", "company", "phone")


def _panel(served: Served) -> str:
    found = DRIFT_PANEL.search(TestClient(create_app(served)).get("/").text)
    assert found is not None, "the inbox shows no drift check"
    return found.group(0)


def test_a_stable_batch_does_not_alarm(served: Served) -> None:
    assert served.drift is not None and served.drift["verdict"] == STABLE, served.drift
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
    assert served.drift is not None and served.drift["verdict"] == DRIFT
    panel = _panel(served)
    assert 'role="alert"' in panel and "Drift check: DRIFT" in panel
    top = served.drift["top"]
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
    assert batch.drift == report
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
