"""Drift of real scored batches against the small project's training reference."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import pytest

from inquiry_quality.cli import main
from inquiry_quality.core.config import Params
from inquiry_quality.evaluation.drift import DRIFT, NO_REFERENCE, STABLE, WATCH
from inquiry_quality.modeling.bundle import load_bundle
from inquiry_quality.scoring import BatchOptions, Scorer, score_sources

# shared/ sits beside the repository, here and in CI.
EASY_HAM = (
    Path(__file__).resolve().parents[3] / "shared" / "corpora" / "spamassassin" / "easy-ham-1"
)


def _drift(scorer: Scorer, sources: list, tmp_path: Path, jobs: int = 1) -> dict:
    summary = score_sources(
        scorer, sources, tmp_path / "out.csv", tmp_path / "bad.csv",
        BatchOptions(
            extra_numeric=["years_on_platform"], extra_categorical=["buyer_level"], drift=True
        ),
        jobs=jobs,
    )  # fmt: skip
    assert summary.drift is not None
    return summary.drift


def test_the_reference_is_small_and_versioned_with_the_model(scorer: Scorer) -> None:
    reference = scorer.bundle.reference
    assert reference is not None
    assert reference["model_version"] == scorer.bundle.metadata["model_version"]
    assert len(json.dumps(reference)) < 64_000
    features = scorer.bundle.metadata["features"]
    assert set(reference["layout"]["features"]) == {*features["numeric"], *features["categorical"]}
    assert reference["profile"]["rows"] == scorer.bundle.metadata["split"]["n_train"]


def test_the_generated_new_batch_is_stable_in_one_process_or_two(
    scorer: Scorer, project_params: Params, tmp_path: Path
) -> None:
    small_chunks = Scorer(scorer.bundle, scorer.params.model_copy(update={"chunk_rows": 16}))
    report = _drift(small_chunks, project_params.score.sources, tmp_path)
    assert report["verdict"] == STABLE, report["moved"]
    assert report["batch_rows"] == 60 and report["top"] == []
    in_two = _drift(small_chunks, project_params.score.sources, tmp_path, jobs=2)
    assert in_two == report  # profiles of chunks scored in workers add up to the same


def test_a_lost_country_mapping_shows_in_the_blank_share(
    scorer: Scorer, project_params: Params, tmp_path: Path
) -> None:
    platform = project_params.score.sources[0]
    right = _drift(scorer, [platform], tmp_path)
    mapping = {k: v for k, v in platform.mapping.items() if v != "country"}
    wrong = _drift(scorer, [platform.model_copy(update={"mapping": mapping})], tmp_path)
    assert right["inputs"]["country"]["verdict"] == STABLE
    assert wrong["inputs"]["country"]["verdict"] in (WATCH, DRIFT)
    assert wrong["inputs"]["country"]["blank_batch"] == 1.0
    assert "input country" in [m["name"] for m in wrong["moved"]]


def test_a_model_without_reference_says_no_reference(
    scorer: Scorer, project_params: Params, tmp_path: Path
) -> None:
    old = dataclasses.replace(scorer.bundle, reference=None)
    report = _drift(Scorer(old, scorer.params), project_params.score.sources[:1], tmp_path)
    assert report["verdict"] == NO_REFERENCE


@pytest.mark.skipif(not EASY_HAM.is_dir(), reason=f"{EASY_HAM} absent (../shared not here)")
def test_a_spamassassin_folder_drifts_and_the_cli_names_what_moved(
    project_bundle_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = tmp_path / "easy-ham"
    folder.mkdir()
    for path in sorted(EASY_HAM.iterdir())[:300]:
        shutil.copy(path, folder / path.name)
    monkeypatch.chdir(tmp_path)
    model = ["--model", str(project_bundle_dir)]
    main(["score", "easy-ham", "-o", "x.csv", "--drift", "d.json", *model])
    printed = capsys.readouterr().out
    report = json.loads((tmp_path / "d.json").read_text())
    assert report["verdict"] == DRIFT and len(report["top"]) == 3
    moved = {m["name"] for m in report["moved"] if m["verdict"] == DRIFT}
    assert {"channel", "completeness_score", "length_words"} <= moved
    line = next(x for x in printed.splitlines() if x.startswith("Drift check: DRIFT"))
    assert all(name in line for name in report["top"])
    assert (tmp_path / "d.html").is_file()
    assert load_bundle(project_bundle_dir).reference is not None
