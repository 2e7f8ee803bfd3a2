"""Both ``dvc.lock`` files record the commands, code and parameters of this checkout.

CI's ``make run`` rewrites the default lock and fails on a change; the corpus lock
(``experiments/spamassassin``) is written only by ``make corpus``, which needs the corpus and
minutes more. These checks need neither: each stage's command and dependencies must be the ones
``dvc.yaml`` declares, and every dependency git tracks (a stage script, a package, a section of
the parameter file) must have the hash or value its lock records, so that editing code a stage
depends on fails here until the lock is written again by a fresh clone's run. Bytecode caches
(``__pycache__/``) are left out, as the default project's ``.dvcignore`` leaves them out; the
corpus project's cannot reach ``src/``, so its stages write none (``pipelines/python``) and
``make corpus`` clears what other runs left there."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from inquiry_quality.scoring.integrity import directory_digest

REPO = Path(__file__).resolve().parents[2]
PROJECTS = {"default": Path("."), "corpus": Path("experiments/spamassassin")}


def _tracked() -> set[str]:
    """Every file git tracks and every folder above one, relative to the repository."""
    files = subprocess.run(
        ["git", "ls-files", "-z"], cwd=REPO, check=True, capture_output=True, text=True
    ).stdout.split("\0")
    return {str(parent) for f in files if f for parent in (Path(f), *Path(f).parents)} - {"."}


def _yaml(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _param(params: dict, key: str) -> object:
    """``score.chunk_rows`` of the parameter file, as DVC reads a dotted key."""
    for part in key.split("."):
        params = params.get(part) if isinstance(params, dict) else None
    return params


def _md5(path: Path) -> str:
    """The md5 DVC records for a file or, less its bytecode caches, a folder."""
    if path.is_file():
        return hashlib.md5(path.read_bytes()).hexdigest()
    caches = tuple(p.relative_to(path).as_posix() for p in path.rglob("__pycache__/*"))
    return directory_digest(path, exclude=caches)[0]


def stale_entries(root: Path, project: Path, tracked: set[str]) -> list[str]:
    """What the project's lock records differently from the checkout at ``root``, one line each."""
    folder = root / project
    declared = _yaml(folder / "dvc.yaml")["stages"]
    locked = _yaml(folder / "dvc.lock")["stages"]
    problems = [f"{s}: in dvc.yaml, not in dvc.lock" for s in declared.keys() - locked.keys()]
    problems += [f"{s}: in dvc.lock, not in dvc.yaml" for s in locked.keys() - declared.keys()]
    params, base = _yaml(folder / "params.yaml"), root.resolve()
    md5s: dict[Path, str] = {}  # a package is a dependency of most stages: hashed once
    for name in declared.keys() & locked.keys():
        stage, lock = declared[name], locked[name]
        recorded = lock.get("params", {}).get("params.yaml", {})
        if stage["cmd"] != lock["cmd"]:
            problems.append(f"{name}: the command changed")
        if sorted(stage.get("deps", [])) != sorted(d["path"] for d in lock.get("deps", [])):
            problems.append(f"{name}: the dependencies changed")
        if sorted(stage.get("params", [])) != sorted(recorded):
            problems.append(f"{name}: the parameters it depends on changed")
        for dep in lock.get("deps", []):
            path = (folder / dep["path"]).resolve()
            if not path.is_relative_to(base) or str(path.relative_to(base)) not in tracked:
                continue  # data, or outside the repository (the corpus)
            if path not in md5s:
                md5s[path] = _md5(path)
            if md5s[path] != dep["md5"]:
                problems.append(f"{name}: {dep['path']} is not what dvc.lock records")
        for key, value in recorded.items():
            if _param(params, key) != value:
                problems.append(f"{name}: params.yaml {key} is not what dvc.lock records")
    return sorted(problems)


@pytest.mark.parametrize("project", PROJECTS.values(), ids=PROJECTS.keys())
def test_the_lock_records_this_checkout(project: Path) -> None:
    assert stale_entries(REPO, project, _tracked()) == [], (
        f"{project / 'dvc.lock'} is stale: write it again from a fresh clone "
        "(`make run`; for the corpus, `make corpus` with ../shared beside it) and commit it"
    )


def test_an_edited_package_or_parameter_is_found(tmp_path: Path) -> None:
    root, corpus = tmp_path / "repo", PROJECTS["corpus"]
    for part in ("src", "pipelines"):
        shutil.copytree(REPO / part, root / part, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(REPO / corpus, root / corpus, ignore=shutil.ignore_patterns("data", ".dvc"))
    assert stale_entries(root, corpus, _tracked()) == []

    (root / "src/inquiry_quality/features/__pycache__").mkdir(exist_ok=True)
    (root / "src/inquiry_quality/features/__pycache__/x.cpython-311.pyc").write_bytes(b"\0")
    assert stale_entries(root, corpus, _tracked()) == []  # a cache is not code

    with (root / "src/inquiry_quality/features/__init__.py").open("a") as module:
        module.write("# edited\n")
    params = root / corpus / "params.yaml"
    params.write_text(params.read_text().replace("chunk_rows: 5000", "chunk_rows: 4000"))
    found = stale_entries(root, corpus, _tracked())
    assert "featurize: ../../src/inquiry_quality/features is not what dvc.lock records" in found
    assert "ingest: params.yaml ingest is not what dvc.lock records" in found
    assert not any("pipelines/" in line or "core" in line for line in found)
