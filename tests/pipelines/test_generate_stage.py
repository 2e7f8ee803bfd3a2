"""The `generate` stage as DVC runs it: its declaration, a real `dvc repro`, a no-op rerun (also
with bytecode beside its code), and the very files `dvc.lock` records."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from dvc_data.hashfile.build import build
from dvc_data.hashfile.db import HashFileDB
from dvc_objects.fs.local import LocalFileSystem
from dvc_objects.fs.memory import MemoryFileSystem

REPO = Path(__file__).resolve().parents[2]


def _stage() -> dict:
    return yaml.safe_load((REPO / "dvc.yaml").read_text(encoding="utf-8"))["stages"]["generate"]


def test_stage_declares_its_whole_params_section_and_its_output() -> None:
    stage = _stage()
    assert stage["params"] == ["generate"]  # every key of GenerateParams, present and future
    out = stage["cmd"].split("--out")[1].split()[0]
    assert stage["outs"] == [out]


@pytest.mark.slow
def test_dvc_repro_generates_then_does_nothing(tmp_path: Path) -> None:
    for path in (*_stage()["deps"], "pipelines/python"):  # its code, and the interpreter shim
        source = REPO / path
        copy = shutil.copytree if source.is_dir() else shutil.copy
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        copy(source, tmp_path / path)
    (tmp_path / "dvc.yaml").write_text(yaml.safe_dump({"stages": {"generate": _stage()}}))
    params = yaml.safe_load((REPO / "params.yaml").read_text(encoding="utf-8"))["generate"]
    small = {**params, "n_inquiries": 60, "n_new": 10}
    (tmp_path / "params.yaml").write_text(yaml.safe_dump({"generate": small}))
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    dvc = [sys.executable, "-m", "dvc"]

    def run(*args: str) -> str:
        done = subprocess.run(
            [*dvc, *args], cwd=tmp_path, env=env, capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, done.stdout + done.stderr
        return done.stdout

    run("init", "--no-scm")
    shutil.copy(REPO / ".dvcignore", tmp_path / ".dvcignore")
    assert "Running stage 'generate'" in run("repro")
    out = tmp_path / _stage()["outs"][0]
    assert (out / "history" / "mailbox.mbox").stat().st_size > 0
    assert len((out / "ground_truth.csv").read_text().splitlines()) == 71
    package = next(tmp_path / d for d in _stage()["deps"] if (tmp_path / d).is_dir())
    # what an import writes without PYTHONDONTWRITEBYTECODE
    (package / "__pycache__").mkdir(exist_ok=True)
    (package / "__pycache__" / "__init__.cpython-311.pyc").write_bytes(b"bytecode")
    second = run("repro")
    assert "Running stage" not in second and "didn't change" in second


def _dvc_md5(folder: Path) -> str:
    """The folder's hash as ``dvc.lock`` records it (DVC's own ``.dir`` object)."""
    odb = HashFileDB(MemoryFileSystem(), "/objects")
    _, _, tree = build(odb, str(folder), LocalFileSystem(), "md5")
    return tree.hash_info.value


@pytest.mark.slow
def test_default_data_is_the_data_dvc_lock_records(tmp_path: Path) -> None:
    """A fresh clone's ``generate`` writes the committed data on any machine (dvc.lock's md5)."""
    stage = _stage()
    out = stage["outs"][0]
    generated = tmp_path / "generated"
    command = stage["cmd"].replace(f"--out {out}", f"--out {generated}").split()
    assert command[0] == "pipelines/python" and str(generated) in command  # the interpreter shim
    subprocess.run([sys.executable, *command[1:]], cwd=REPO, check=True, capture_output=True)
    lock = yaml.safe_load((REPO / "dvc.lock").read_text(encoding="utf-8"))["stages"]["generate"]
    assert _dvc_md5(generated) == lock["outs"][0]["md5"]
