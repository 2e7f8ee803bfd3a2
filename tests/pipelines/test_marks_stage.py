"""The loop: reps' marks -> stage marks -> ingest -> a retrained model, in a real `dvc repro`."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
import pytest
import yaml

from inquiry_quality.core import schema
from inquiry_quality.web.marks import MarkStore

if TYPE_CHECKING:
    from conftest import PipelineRepo


def _repro(repo: Path, env: dict[str, str]) -> list[str]:
    """Run `dvc repro`; the stages that ran."""
    result = subprocess.run(
        ["dvc", "repro"], cwd=repo, env=env, capture_output=True, text=True, timeout=900
    )
    assert result.returncode == 0, f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return re.findall(r"Running stage '([^']+)'", result.stdout)


@pytest.mark.slow
def test_marks_reach_the_next_model_as_labels(pipeline_repo: PipelineRepo, tmp_path: Path) -> None:
    repo = tmp_path / "repo"  # a copy: the shared pipeline stays as other tests expect it
    shutil.copytree(pipeline_repo.root, repo, symlinks=True)
    shutil.copy2(pipeline_repo.root.parent / "mlflow.db", tmp_path / "mlflow.db")
    env = {**pipeline_repo.env, "MLFLOW_TRACKING_URI": f"sqlite:///{tmp_path / 'mlflow.db'}"}
    params = yaml.safe_load((repo / "params.yaml").read_text(encoding="utf-8"))
    params["marks"]["min_per_class"] = 3
    (repo / "params.yaml").write_text(yaml.safe_dump(params, sort_keys=False), encoding="utf-8")
    before = json.loads((repo / "models/bundle/metadata.json").read_text(encoding="utf-8"))

    history = pd.read_parquet(repo / "data/interim/inquiries.parquet")
    genuine = history.loc[history[schema.IS_GENUINE] == 1, schema.INQUIRY_ID].head(3).tolist()
    junk = history.loc[history[schema.IS_GENUINE] == 0, schema.INQUIRY_ID].head(3).tolist()
    store = MarkStore(repo / params["marks"]["database"], repo / params["marks"]["last_event"])
    for inquiry_id in genuine:  # the reps disagree with the CRM on all six
        store.mark(inquiry_id, "junk", "anna", junk_type="spam")
    for inquiry_id in junk:
        store.mark(inquiry_id, "genuine", "ben", junk_type=None)
    store.mark(junk[0], "lost", "ben")  # a correction: the latest mark wins
    batch = pd.read_csv(repo / "data/raw/generated/new/platform_export.csv", dtype=str)
    fresh = batch["Inquiry No."].head(2).tolist()  # the day's batch, as the page shows it
    store.mark(fresh[0], "genuine", "anna", junk_type=None)
    store.mark(fresh[1], "junk", "anna", junk_type="scam")

    ran = _repro(repo, env)
    assert ran[:3] == ["marks", "ingest", "featurize"] and "train" in ran
    report = json.loads((repo / "reports/ingest.json").read_text(encoding="utf-8"))
    marks, crm = report["outcomes"][0], report["outcomes"][1]
    assert marks["source"] == "data/labels/marks.csv" and marks["labels_joined"] == 8
    assert crm["disagreements"]["is_genuine"] == 6
    new_csv = next(s for s in report["sources"] if s["source"].endswith("new/platform_export.csv"))
    assert new_csv["rows_kept"] == 2 and new_csv["reconciles"]
    assert new_csv["unlabelled_dropped"] == new_csv["rows_read"] - 2 - new_csv["rows_quarantined"]
    table = pd.read_parquet(repo / "data/interim/inquiries.parquet").set_index(schema.INQUIRY_ID)
    assert table.loc[genuine, schema.IS_GENUINE].tolist() == [0, 0, 0]
    assert table.loc[genuine, schema.JUNK_TYPE].tolist() == ["spam"] * 3
    assert table.loc[junk, schema.IS_GENUINE].tolist() == [1, 1, 1]
    assert table.loc[junk[0], schema.CONVERTED] == 0
    assert table.loc[fresh, schema.IS_GENUINE].tolist() == [1, 0]  # marked in the day's batch
    assert table.loc[fresh[1], schema.JUNK_TYPE] == "scam"
    assert len(table) == len(history) + 2  # no unmarked inquiry of the batch entered
    after = json.loads((repo / "models/bundle/metadata.json").read_text(encoding="utf-8"))
    assert after["data_version"] != before["data_version"]

    assert _repro(repo, env) == []  # no new marks: nothing runs, nothing retrains


def test_the_live_database_is_never_a_dependency() -> None:
    """No stage hashes the SQLite file the page writes; stage marks depends on the folder of
    the file the page rewrites on each mark."""
    repo = Path(__file__).resolve().parents[2]
    stages = yaml.safe_load((repo / "dvc.yaml").read_text(encoding="utf-8"))["stages"]
    marks = yaml.safe_load((repo / "params.yaml").read_text(encoding="utf-8"))["marks"]
    database, last_event = Path(marks["database"]), Path(marks["last_event"])
    for name, stage in stages.items():
        for dep in stage.get("deps", []):
            assert not database.is_relative_to(dep), f"stage {name} depends on {dep}"
    assert str(last_event.parent) in stages["marks"]["deps"]
