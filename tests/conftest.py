"""Shared fixtures. Tests mirror src/: tests/<module>/test_*.py."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest
import yaml

from inquiry_quality.core.config import Params, SourceParams, load_params

# Offline and quiet in every test process, before anything imports mlflow or dvc.
os.environ.setdefault("MLFLOW_DISABLE_TELEMETRY", "true")
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("DVC_NO_ANALYTICS", "1")

pytest_plugins = ("fixtures.small_model",)

REPO = Path(__file__).resolve().parents[1]
#: the real mail corpus beside the repository (``../shared``, as CI lays it out)
SPAMASSASSIN = REPO.parent / "shared" / "corpora" / "spamassassin"
GENERATED = "data/raw/generated"


@dataclass(frozen=True)
class SmallProject:
    """A small real project: generated raw files, ingested history, a trained bundle."""

    raw: Path  # what stage generate writes: history/, new/, new_outcomes.csv, catalogue.csv
    params: Params  # params.yaml with every source path pointing into ``raw``
    inquiries: pd.DataFrame  # the ingested history, as stage ingest writes it
    bundle_dir: Path  # the trained bundle, as stage train writes it
    train_table: Path  # the training part of the feature table the bundle was fitted on


def _relocated(specs: list[SourceParams], raw: Path) -> list[SourceParams]:
    """The generated sources, moved into ``raw`` (others, like the reps' marks, left out)."""
    return [
        s.model_copy(update=dict(path=str(raw / Path(s.path).relative_to(GENERATED))))
        for s in specs
        if Path(s.path).is_relative_to(GENERATED)
    ]


def _python_output(script: str, *args: str, env: dict[str, str] | None = None) -> str:
    return subprocess.run(
        [sys.executable, "-c", script, *args],
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        check=True,
    ).stdout


@pytest.fixture(scope="session")
def python_output() -> Callable[..., str]:
    """``python_output(script, *args, env=...)``: what a fresh interpreter prints running
    ``script`` with ``env`` added to this one's (another hash seed, another CPU's features)."""
    return _python_output


@pytest.fixture(scope="session")
def small_project(tmp_path_factory: pytest.TempPathFactory) -> SmallProject:
    """generate (600 + 60 new) -> ingest -> featurize -> train (and its reference), with the
    library's functions.

    Built once per session (about 30 s); the model is small (few n-grams, 2 calibration folds).
    """
    from inquiry_quality.features import feature_table, featurizer_from_params, read_catalogue
    from inquiry_quality.ingest import ingest
    from inquiry_quality.modeling.bundle import save_bundle
    from inquiry_quality.modeling.split import split_table
    from inquiry_quality.modeling.training import train_bundle
    from inquiry_quality.scoring.monitor import build_reference
    from inquiry_quality.synth import generate

    root = tmp_path_factory.mktemp("small_project")
    base = load_params(REPO / "params.yaml")
    raw = root / "raw"
    params = base.model_copy(
        update=dict(
            generate=base.generate.model_copy(update=dict(n_inquiries=600, n_new=60)),
            ingest=base.ingest.model_copy(
                update=dict(
                    sources=_relocated(base.ingest.sources, raw),
                    outcomes=_relocated(base.ingest.outcomes, raw),
                )
            ),
            featurize=base.featurize.model_copy(
                update=dict(
                    known_parties=str(raw / "crm_contacts.csv"),
                    sent_messages=str(raw / "sent_messages.csv"),
                )
            ),
            train=base.train.model_copy(
                update=dict(word_max_features=2000, char_max_features=2000, min_df=2, cv=2)
            ),
            score=base.score.model_copy(
                update=dict(
                    sources=_relocated(base.score.sources, raw),
                    outcomes=_relocated(base.score.outcomes, raw),
                )
            ),
        )
    )
    generate(params.generate, raw)
    ingest(params.ingest, Path("/"), root / "inquiries.parquet")
    inquiries = pd.read_parquet(root / "inquiries.parquet")  # as stage featurize reads it
    featurizer = featurizer_from_params(params.featurize, read_catalogue(raw / "catalogue.csv"))
    extra = [*params.ingest.extra_numeric, *params.ingest.extra_categorical]
    table = feature_table(inquiries, featurizer, extra)
    split = split_table(table, params.train.split)
    bundle = train_bundle(
        split.train, featurizer, params.train, data_version="small", split=split.description
    )
    bundle.reference = build_reference(
        bundle, split.train, inquiries, params.train.reference, params.score
    )
    bundle_dir = save_bundle(bundle, root / "bundle")
    split.train.to_parquet(root / "train.parquet")
    return SmallProject(raw, params, inquiries, bundle_dir, root / "train.parquet")


@pytest.fixture(scope="session")
def project_params(small_project: SmallProject) -> Params:
    return small_project.params


@pytest.fixture(scope="session")
def project_raw(small_project: SmallProject) -> Path:
    return small_project.raw


@pytest.fixture(scope="session")
def project_inquiries(small_project: SmallProject) -> pd.DataFrame:
    return small_project.inquiries


@pytest.fixture(scope="session")
def project_bundle_dir(small_project: SmallProject) -> Path:
    return small_project.bundle_dir


@pytest.fixture(scope="session")
def pyfunc_dir(project_bundle_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundle logged, registered, exported and given its model card as stages register and
    export do, in the MLflow store ``<pyfunc_dir>/../mlflow.db``."""
    return register_and_export(project_bundle_dir, tmp_path_factory.mktemp("mlflow"))


def register_and_export(bundle_dir: Path, store: Path) -> Path:
    """``bundle_dir`` logged, registered, exported and given its model card as stages register
    and export do, in a new MLflow store ``<store>/mlflow.db``; the exported directory."""
    from inquiry_quality.mlops.card import write_model_card
    from inquiry_quality.mlops.export import export_champion
    from inquiry_quality.mlops.gate import promote_if_better
    from inquiry_quality.mlops.runs import log_run

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MLFLOW_TRACKING_URI", f"sqlite:///{store}/mlflow.db")
        logged = log_run(bundle_dir, {"train": {}}, {}, None)
        decision = promote_if_better(logged, "genuine.roc_auc", 1.0, rescore=lambda _: 0.0)
        registration = store / "registration.json"
        registration.write_text(json.dumps(decision.as_record()), encoding="utf-8")
        exported = export_champion(registration, store / "inquiry-quality")
        write_model_card(exported, ["history/platform_export.csv"])
        return exported


@dataclass(frozen=True)
class PipelineRepo:
    """A git + DVC copy of the project after ``dvc repro`` on a small generated history."""

    root: Path
    env: dict[str, str]  # PATH with the venv, MLFLOW_TRACKING_URI of its own sqlite store


PIPELINE_FILES = (
    "dvc.yaml", "params.yaml", ".dvcignore", "pipelines", "src", "dvc_plots",
    "data/marks/.gitignore",  # the folder stage marks depends on
)  # fmt: skip


def copy_pipeline(repo: Path, mlflow_db: Path, extra: Sequence[str] = ()) -> dict[str, str]:
    """The project's pipeline files (and ``extra`` paths) in a new git + DVC repo ``repo``.

    Returns the environment to run its stages with: this venv first on PATH, an MLflow sqlite
    store at ``mlflow_db``, no telemetry.
    """
    repo.mkdir(parents=True, exist_ok=True)
    for name in (*PIPELINE_FILES, *extra):
        source, target = REPO / name, repo / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target)
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "MLFLOW_TRACKING_URI": f"sqlite:///{mlflow_db}",
        "DVC_NO_ANALYTICS": "1",
        "MLFLOW_DISABLE_TELEMETRY": "true",
    }
    for args in (["git", "init", "-q"], ["dvc", "init", "-q"]):
        subprocess.run(args, cwd=repo, env=env, check=True, capture_output=True)
    shutil.copy2(REPO / ".dvc" / "config", repo / ".dvc" / "config")
    return env


@pytest.fixture(scope="session")
def pipeline_copier() -> Callable[..., dict[str, str]]:
    """``copy_pipeline``, for test modules (conftest is not importable from them)."""
    return copy_pipeline


@pytest.fixture(scope="session")
def pipeline_repo(tmp_path_factory: pytest.TempPathFactory) -> PipelineRepo:
    """The whole real pipeline (``dvc repro``) on 800 + 200 new inquiries, run once a session.

    For end-to-end tests of stages, the MLflow store and the notebooks (one to two minutes).
    """
    repo = tmp_path_factory.mktemp("pipeline") / "repo"
    env = copy_pipeline(repo, repo.parent / "mlflow.db")
    params = yaml.safe_load((repo / "params.yaml").read_text(encoding="utf-8"))
    params["generate"].update(n_inquiries=800, n_new=200)
    (repo / "params.yaml").write_text(yaml.safe_dump(params, sort_keys=False), encoding="utf-8")
    result = subprocess.run(
        ["dvc", "repro"], cwd=repo, env=env, capture_output=True, text=True, timeout=900
    )
    assert result.returncode == 0, (
        f"dvc repro failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    )
    return PipelineRepo(repo, env)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def running_server(
    command: Sequence[str], ready_url: str, log: Path, timeout: float = 90.0
) -> Iterator[subprocess.Popen]:
    """Start ``command``, wait (bounded) until ``ready_url`` answers 200, always stop it."""
    with log.open("w") as output:
        server = subprocess.Popen(list(command), stdout=output, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + timeout
            while True:
                try:
                    with urllib.request.urlopen(ready_url, timeout=2) as response:
                        if response.status == 200:
                            break
                except OSError:
                    pass
                assert server.poll() is None, f"server exited: {log.read_text()[-2000:]}"
                assert time.monotonic() < deadline, f"server not ready within {timeout:.0f} s"
                time.sleep(0.5)
            yield server
        finally:
            server.terminate()
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait(timeout=15)


@pytest.fixture
def server_runner() -> Callable[..., contextlib.AbstractContextManager[subprocess.Popen]]:
    """``running_server`` (start a server, wait until ready, always stop it) for any test."""
    return running_server


@pytest.fixture
def port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def spamassassin() -> Path:
    """The real SpamAssassin corpus folder; the test is skipped, naming it, when it is absent."""
    if not (SPAMASSASSIN / "labels.csv").is_file():
        pytest.skip(
            f"needs the SpamAssassin corpus at {SPAMASSASSIN} (../shared/corpora/spamassassin "
            "beside the repository, as CI has it)"
        )
    return SPAMASSASSIN


@pytest.fixture
def read_only() -> Iterator[Callable[[Path], Path]]:
    """Creates a folder nobody can write in, also root (immutable attribute, where chattr
    works; else the test is skipped); writable again after the test."""
    made: list[Path] = []

    def make(folder: Path) -> Path:
        folder.mkdir()
        folder.chmod(0o555)
        made.append(folder)
        try:
            (folder / "probe").touch()
        except PermissionError:
            return folder
        (folder / "probe").unlink()
        done = subprocess.run(["chattr", "+i", str(folder)], capture_output=True, check=False)
        if done.returncode != 0:
            pytest.skip("cannot make a read-only folder here (root, and no chattr +i)")
        return folder

    yield make
    for folder in made:
        subprocess.run(["chattr", "-i", str(folder)], capture_output=True, check=False)
        folder.chmod(0o755)


@pytest.fixture(scope="module")
def dask_cluster() -> Iterator[object]:
    """A client of a real Dask LocalCluster of 2 single-threaded workers, one per module."""
    from distributed import Client, LocalCluster

    with (
        LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        yield client
