"""A model directory a DVC stage wrote is checked, every file, against dvc.lock before loading."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from inquiry_quality.cli import EXIT_MODEL, EXIT_OK, main
from inquiry_quality.modeling.bundle import ModelIntegrityError
from inquiry_quality.scoring.integrity import verify_directory

RFQ = "Subject: RFQ LED panels\n\nPlease quote 2,000 pcs LED panel 600x600 40W, FOB Ningbo.\n"


@pytest.fixture
def dvc_project(pyfunc_dir: Path, tmp_path: Path) -> Path:
    """A DVC project whose stage ``export`` wrote ``models/inquiry-quality`` (dvc.lock)."""
    project = tmp_path / "project"
    shutil.copytree(pyfunc_dir, project / "exported")
    stage = {
        "cmd": "mkdir -p models && cp -r exported models/inquiry-quality",
        "deps": ["exported"],
        "outs": ["models/inquiry-quality"],
    }
    (project / "dvc.yaml").write_text(yaml.safe_dump({"stages": {"export": stage}}), "utf-8")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    for args in (["dvc", "init", "--no-scm", "-q"], ["dvc", "repro", "-q"]):
        subprocess.run(args, cwd=project, env=env, check=True, capture_output=True)
    return project


def test_a_changed_file_anywhere_in_the_model_is_refused(
    dvc_project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(dvc_project)
    Path("inquiry.txt").write_text(RFQ, encoding="utf-8")
    model = Path("models/inquiry-quality")
    assert verify_directory(model)
    assert main(["explain", "inquiry.txt", "--model", str(model)]) == EXIT_OK
    capsys.readouterr()
    init = model / "code" / "inquiry_quality" / "__init__.py"
    init.write_text(init.read_text("utf-8") + "\nprint('this ran')\n", "utf-8")
    assert main(["explain", "inquiry.txt", "--model", str(model)]) == EXIT_MODEL
    printed = capsys.readouterr()
    assert "code/inquiry_quality/__init__.py changed since" in printed.err
    assert "this ran" not in printed.out
    assert not verify_directory(Path("exported"))  # not a stage output: nothing to compare
    (model / "MLmodel").write_text("flavors: {}\n", "utf-8")
    with pytest.raises(
        ModelIntegrityError, match=re.escape("MLmodel, code/inquiry_quality/__init__.py")
    ):
        verify_directory(model)
