"""The analysts' notebooks: committed clean, and each runs top to bottom after `dvc repro`."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import nbformat
import pytest
from nbclient import NotebookClient

from inquiry_quality.analysis import ROOT_ENV

if TYPE_CHECKING:
    from conftest import PipelineRepo

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))
EXPECTED = ("01-inquiry-history", "02-features", "03-model-diagnostics", "04-score-a-batch")
IMAGE = "image/png"


def _snapshot(root: Path) -> dict[str, tuple[int, int]]:
    """Size and modification time of every file under data/ and models/."""
    files = [p for d in ("data", "models") for p in (root / d).rglob("*") if p.is_file()]
    return {str(p): (p.stat().st_size, p.stat().st_mtime_ns) for p in files}


def test_the_four_notebooks_are_there() -> None:
    assert tuple(p.stem for p in NOTEBOOKS) == EXPECTED


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_committed_without_outputs(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    for number, cell in enumerate(notebook.cells):
        if cell.cell_type == "code":
            assert not cell.outputs, f"{path.name} cell {number} has outputs: clear them"
            assert cell.execution_count is None, f"{path.name} cell {number}: execution count"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_each_starts_with_the_question_it_answers(path: Path) -> None:
    first = nbformat.read(path, as_version=4).cells[0]
    assert first.cell_type == "markdown" and "**Question:**" in first.source


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_runs_top_to_bottom_after_the_pipeline(
    path: Path, pipeline_repo: PipelineRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opened from notebooks/ of a project after `dvc repro`, as an analyst would."""
    folder = pipeline_repo.root / "notebooks"
    folder.mkdir(exist_ok=True)
    copy = shutil.copy2(path, folder / path.name)
    for name in ("PATH", "MLFLOW_TRACKING_URI"):
        monkeypatch.setenv(name, pipeline_repo.env[name])  # the kernel inherits them
    monkeypatch.delenv(ROOT_ENV, raising=False)  # found by walking up from notebooks/
    before = _snapshot(pipeline_repo.root)

    notebook = nbformat.read(copy, as_version=4)
    client = NotebookClient(
        notebook,
        kernel_name="python3",
        timeout=600,
        resources={"metadata": {"path": str(folder)}},
    )
    client.execute()  # raises CellExecutionError naming the failing cell

    charts = [cell for cell in notebook.cells if "plt.show()" in cell.source]
    drawn = [c for c in charts if any(IMAGE in o.get("data", {}) for o in c.outputs)]
    assert charts and len(drawn) == len(charts), f"{path.name}: a chart cell drew nothing"
    assert _snapshot(pipeline_repo.root) == before, f"{path.name} wrote into data/ or models/"
