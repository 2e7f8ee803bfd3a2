"""Finding the project and its stage outputs from dvc.yaml."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from inquiry_quality.analysis import ROOT_ENV, MissingOutputError, Project, find_root, stage_outputs
from inquiry_quality.analysis.project import OUTPUTS

REPO = Path(__file__).resolve().parents[2]
PIPELINE = {
    "stages": {
        "evaluate": {
            "cmd": "python pipelines/evaluate.py",
            "outs": [{"reports/plots": {"cache": False}}, "reports/evaluation.json"],
            "metrics": [{"reports/metrics.json": {"cache": False}}],
        }
    }
}


@pytest.fixture
def project_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv(ROOT_ENV, raising=False)
    (tmp_path / "dvc.yaml").write_text(yaml.safe_dump(PIPELINE), encoding="utf-8")
    (tmp_path / "notebooks").mkdir()
    return tmp_path


def test_the_root_is_found_by_walking_up_to_dvc_yaml(project_dir: Path) -> None:
    assert find_root(project_dir / "notebooks") == project_dir.resolve()


def test_the_environment_variable_wins(
    project_dir: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    monkeypatch.setenv(ROOT_ENV, str(project_dir))
    assert find_root(elsewhere) == project_dir.resolve()


def test_a_root_variable_without_dvc_yaml_is_an_error_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ROOT_ENV, str(tmp_path))
    with pytest.raises(FileNotFoundError, match=ROOT_ENV):
        find_root()


def test_no_dvc_yaml_anywhere_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ROOT_ENV, raising=False)
    with pytest.raises(FileNotFoundError, match=r"dvc\.yaml"):
        find_root(tmp_path)


def test_stage_outputs_lists_outs_and_metrics_in_either_form(project_dir: Path) -> None:
    outputs = stage_outputs(project_dir, "evaluate")
    assert outputs == [
        project_dir / "reports/plots",
        project_dir / "reports/evaluation.json",
        project_dir / "reports/metrics.json",
    ]
    with pytest.raises(KeyError, match="no stage 'train'"):
        stage_outputs(project_dir, "train")


def test_output_needs_the_declared_name_and_the_file(project_dir: Path) -> None:
    project = Project(project_dir)
    with pytest.raises(KeyError, match=r"no output 'roc\.png'"):
        project.output("evaluate", "roc.png")
    with pytest.raises(MissingOutputError, match="make run"):
        project.output("evaluate", "evaluation.json")
    (project_dir / "reports").mkdir()
    metrics = {"genuine": {"roc_auc": 0.9}}
    (project_dir / "reports/evaluation.json").write_text(json.dumps(metrics), encoding="utf-8")
    assert project.metrics() == metrics


@pytest.mark.parametrize("what", sorted(OUTPUTS))
def test_every_output_the_notebooks_read_is_declared_in_the_real_pipeline(what: str) -> None:
    stage, name = OUTPUTS[what]
    assert name in [p.name for p in stage_outputs(REPO, stage)]
