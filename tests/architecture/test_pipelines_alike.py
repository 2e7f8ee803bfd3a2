"""The default and the corpus pipelines run the same stages: they differ only in the data paths,
the output folder and the parameter file (a stage changed in one must change in the other).

The corpus pipeline is a DVC project of its own in ``experiments/spamassassin/`` (its metrics and
plots stay out of the default's): its paths are relative to that folder and its commands run
from the repository root (``cd ../.. && ...``)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
CORPUS = "experiments/spamassassin/"
FROM_CORPUS = "../../"  # the repository root, seen from the corpus project
RUN_FROM_ROOT = "cd ../.. && "
#: arguments that name the default data set's own files (the corpus has none of them)
DEFAULT_DATA_ARGS = ("--catalogue", "--truth")


def _stages(path: Path) -> dict[str, dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["stages"]


def _command(cmd: str) -> list[str]:
    words = cmd.removeprefix(RUN_FROM_ROOT).replace(CORPUS, "").split()
    for arg in DEFAULT_DATA_ARGS:
        if arg in words:
            at = words.index(arg)
            del words[at : at + 2]
    return words


def _code(deps: list[str]) -> list[str]:
    deps = [d.removeprefix(FROM_CORPUS) for d in deps]
    return [d for d in deps if d.startswith(("pipelines/", "src/"))]


def _outs(outs: list) -> list:
    return [yaml.safe_dump(o) for o in outs]


SHARED = sorted(
    set(_stages(REPO / "dvc.yaml")) & set(_stages(REPO / CORPUS / "dvc.yaml")),
    key=list(_stages(REPO / "dvc.yaml")).index,
)


def test_the_pipelines_share_their_model_stages() -> None:
    assert SHARED == ["ingest", "featurize", "train", "evaluate", "register", "export"]


@pytest.mark.parametrize("name", SHARED)
def test_a_shared_stage_differs_only_in_data_paths_and_params_file(name: str) -> None:
    default = _stages(REPO / "dvc.yaml")[name]
    corpus = _stages(REPO / CORPUS / "dvc.yaml")[name]
    assert "wdir" not in corpus and corpus["cmd"].startswith(RUN_FROM_ROOT)
    assert _command(corpus["cmd"]) == _command(default["cmd"])
    assert _code(corpus["deps"]) == _code(default["deps"])
    assert corpus["params"] == default["params"]  # sections of the project's own params.yaml
    for key in ("outs", "metrics"):
        assert _outs(corpus.get(key, [])) == _outs(default.get(key, [])), key


def _stage_list(cwd: Path) -> str:
    return subprocess.run(
        [sys.executable, "-m", "dvc", "stage", "list"],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "DVC_NO_ANALYTICS": "1"},
    ).stdout


def test_each_pipeline_is_a_dvc_project_of_its_own() -> None:
    """The root project does not collect the corpus stages (nor their metrics and plots)."""
    default, corpus = _stage_list(REPO), _stage_list(REPO / CORPUS)
    assert "ablation" not in default and CORPUS not in default
    assert "generate" in default
    assert "ablation" in corpus and "generate" not in corpus
