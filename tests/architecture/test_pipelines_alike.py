"""The default and the corpus pipelines run the same stages: they differ only in the data paths,
the output folder and the parameter file (a stage changed in one must change in the other)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
CORPUS = "experiments/spamassassin/"
#: arguments that name the default data set's own files (the corpus has none of them)
DEFAULT_DATA_ARGS = ("--catalogue", "--truth")


def _stages(path: Path) -> dict[str, dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["stages"]


def _command(cmd: str) -> list[str]:
    words = cmd.replace(CORPUS, "").split()
    for arg in DEFAULT_DATA_ARGS:
        if arg in words:
            at = words.index(arg)
            del words[at : at + 2]
    return words


def _code(deps: list[str]) -> list[str]:
    return [d for d in deps if d.startswith(("pipelines/", "src/"))]


def _params(params: list) -> list:
    return [
        section
        for entry in params
        for section in (entry[CORPUS + "params.yaml"] if isinstance(entry, dict) else [entry])
    ]


def _outs(outs: list) -> list:
    return [yaml.safe_dump(o).replace(CORPUS, "") for o in outs]


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
    assert corpus.get("wdir") == "../.."
    assert _command(corpus["cmd"]) == _command(default["cmd"])
    assert _code(corpus["deps"]) == _code(default["deps"])
    assert _params(corpus["params"]) == _params(default["params"])
    for key in ("outs", "metrics"):
        assert _outs(corpus.get(key, [])) == _outs(default.get(key, [])), key
