"""Scoring on a real Dask LocalCluster of 2 worker processes, against the local engine."""

from __future__ import annotations

import contextlib
import os
import shutil
import threading
import time
from pathlib import Path

import dask
import pandas as pd
import pytest
from distributed import Client, LocalCluster

from inquiry_quality.core.config import Params, SourceParams, load_params
from inquiry_quality.ingest.frames import IngestError
from inquiry_quality.modeling.bundle import BUNDLE_FILE, ModelIntegrityError, load_bundle
from inquiry_quality.scoring import BatchOptions, Scorer, score_sources
from inquiry_quality.scoring.engines import EngineError
from inquiry_quality.scoring.engines.dask_engine import (
    PARTITION_OPTION,
    Loader,
    load_local_scorer,
    plan_partitions,
    score_sources_on_dask,
)
from inquiry_quality.scoring.loading import ModelNotFoundError

PARAMS = load_params(Path(__file__).resolve().parents[3] / "params.yaml")
EXTRA_NUMERIC, EXTRA_CAT = PARAMS.ingest.extra_numeric, PARAMS.ingest.extra_categorical


@pytest.fixture(scope="module")
def client(dask_cluster: Client) -> Client:
    return dask_cluster


@pytest.fixture(scope="module")
def mail_folder(tmp_path_factory: pytest.TempPathFactory, spamassassin: Path) -> Path:
    """20 real messages (plain and HTML ham, spam) in sub-folders, and an empty file."""
    folder = tmp_path_factory.mktemp("mail")
    for name in ("hard-ham-1", "spam-1"):
        (folder / name).mkdir()
        for path in sorted((spamassassin / name).iterdir())[:10]:
            shutil.copy(path, folder / name / path.name)
    (folder / "spam-1" / "empty.eml").write_bytes(b"")
    return folder


@pytest.fixture(scope="module")
def sources(project_params: Params, mail_folder: Path) -> list[SourceParams]:
    """The generated new batch (a CSV export with multi-line bodies, an mbox) and mail files."""
    return [*project_params.score.sources, SourceParams(path=str(mail_folder))]


def _run(
    tmp: Path,
    scorer: Scorer,
    bundle: Path | str,
    sources: list[SourceParams],
    client: Client | None,
    loader: Loader = load_local_scorer,
) -> tuple[Path, Path, dict]:
    out, bad = tmp / "scored.csv", tmp / "quarantine.csv"
    options = BatchOptions(
        root=Path("/"), extra_numeric=EXTRA_NUMERIC, extra_categorical=EXTRA_CAT, drift=True
    )
    if client is None:
        summary = score_sources(scorer, sources, out, bad, options)
    else:
        summary = score_sources_on_dask(
            client, scorer, str(bundle), sources, out, bad, options,
            loader=loader, partition_rows=7,
        )  # fmt: skip
    return out, bad, summary.to_dict() | {"drift": summary.drift}  # the whole drift report


@pytest.fixture(scope="module")
def local_run(
    tmp_path_factory: pytest.TempPathFactory, scorer: Scorer, project_bundle_dir: Path, sources
) -> tuple[Path, Path, dict]:
    return _run(tmp_path_factory.mktemp("local"), scorer, project_bundle_dir, sources, None)


def test_the_csv_is_split_between_records_of_multi_line_bodies(
    sources: list[SourceParams], project_params: Params
) -> None:
    csv_spec = sources[0]
    text = Path(csv_spec.path).read_text("utf-8")
    parts = plan_partitions([csv_spec], project_params.ingest, Path("/"), 7)
    assert text.count("\n") > parts[-1].units[1] + 1  # more lines than records: bodies span
    assert [p.units for p in parts[:2]] == [(0, 7), (7, 14)]


def test_identical_to_the_local_engine(
    tmp_path: Path, client: Client, scorer: Scorer, project_bundle_dir: Path, sources, local_run
) -> None:
    out, bad, summary = _run(tmp_path, scorer, project_bundle_dir, sources, client)
    local_out, local_bad, local_summary = local_run
    assert out.read_bytes() == local_out.read_bytes()
    assert bad.read_bytes() == local_bad.read_bytes()
    assert summary == local_summary  # the drift report too: the partitions' profiles add up
    assert summary["reconciles"] and summary["quarantined"] >= 1  # the empty message
    assert summary["drift"]["batch_rows"] == summary["scored"] > 0
    per_source = {s["source"]: s for s in summary["sources"]}
    assert per_source[sources[2].path]["rows_read"] == 21
    for counts in per_source.values():
        assert counts["rows_read"] == counts["scored"] + counts["quarantined"]


def test_a_folder_of_parquet_parts_holds_the_same_rows(
    tmp_path: Path, client: Client, scorer: Scorer, project_bundle_dir: Path, sources, local_run
) -> None:
    out = tmp_path / "scored"
    score_sources_on_dask(
        client, scorer, str(project_bundle_dir), sources, out,
        tmp_path / "bad.csv",
        BatchOptions(root=Path("/"), extra_numeric=EXTRA_NUMERIC, extra_categorical=EXTRA_CAT),
        partition_rows=50,
    )  # fmt: skip
    parts = sorted(out.glob("part-*.parquet"))
    assert len(parts) > 2
    scored = pd.concat([pd.read_parquet(p) for p in parts], ignore_index=True)
    local = pd.read_csv(local_run[0], dtype=str, keep_default_na=False)
    assert scored["inquiry_id"].tolist() == local["inquiry_id"].tolist()
    assert (
        scored["p_convert"].round(12).tolist()
        == local["p_convert"].astype(float).round(12).tolist()
    )


def test_a_worker_killed_mid_run_loses_nothing_and_doubles_nothing(
    tmp_path: Path, client: Client, scorer: Scorer, project_bundle_dir: Path, sources
) -> None:
    local_run = _run(tmp_path / "local", scorer, project_bundle_dir, sources[:1], None)
    killed: list[str] = []
    done = threading.Event()

    def kill_a_busy_worker() -> None:
        while not done.is_set():
            busy = [w for w, tasks in client.processing().items() if tasks]
            if busy and any(tmp_path.glob(".scored.csv.*.tmp")):  # writing has begun
                killed.append(busy[0])
                with contextlib.suppress(Exception):  # it dies before it can answer
                    client.run(os._exit, 1, workers=busy[:1])
                return
            time.sleep(0.02)

    killer = threading.Thread(target=kill_a_busy_worker)
    killer.start()
    try:
        out, bad, summary = _run(tmp_path, scorer, project_bundle_dir, sources[:1], client)
    finally:
        done.set()
        killer.join()
    assert killed, "no worker was killed during the run"
    assert out.read_bytes() == local_run[0].read_bytes()
    assert bad.read_bytes() == local_run[1].read_bytes()
    assert summary == local_run[2]
    client.wait_for_workers(2, timeout=60)  # the nanny restarted it


def test_a_worker_out_of_memory_names_the_partition_size_option(
    tmp_path: Path, scorer: Scorer, project_bundle_dir: Path, sources
) -> None:
    """A worker whose memory limit is below what scoring needs is killed by its nanny: the
    run stops with a message naming the partition and the option to lower."""
    with (
        dask.config.set({"distributed.scheduler.allowed-failures": 0}),
        LocalCluster(
            n_workers=1, threads_per_worker=1, dashboard_address=None, memory_limit="300MiB"
        ) as cluster,
        Client(cluster) as small,
        pytest.raises(EngineError, match=f"partition 0 of .*{PARTITION_OPTION}"),
    ):
        _run(tmp_path, scorer, project_bundle_dir, sources[:1], small)
    assert not (tmp_path / "scored.csv").exists()
    assert not list(tmp_path.glob(".scored.csv*"))  # no temporary file, no lock left


def test_the_capacity_is_applied_over_the_whole_batch(
    tmp_path: Path, client: Client, scorer: Scorer, project_bundle_dir: Path, sources
) -> None:
    capped = Scorer(scorer.bundle, scorer.params.model_copy(update={"daily_capacity": 1}))
    local = _run(tmp_path / "local", capped, project_bundle_dir, sources[:2], None)
    on_dask = _run(tmp_path / "dask", capped, project_bundle_dir, sources[:2], client)
    assert on_dask[0].read_bytes() == local[0].read_bytes()
    assert on_dask[2]["tiers"] == local[2]["tiers"]


def _failed_tasks_logged(client: Client) -> list[str]:
    """Lines the workers logged about failed tasks since the last call."""
    logged = [line for lines in client.get_worker_logs().values() for _, line in lines]
    client.run(lambda dask_worker: dask_worker.logs.clear())
    return [line for line in logged if "Compute Failed" in line or "Traceback" in line]


def test_bad_input_is_refused_with_its_message_and_no_worker_traceback(
    tmp_path: Path, client: Client, scorer: Scorer, project_bundle_dir: Path
) -> None:
    """A file the readers refuse is the user's mistake, not a crash: the client raises the
    readers' message (file and what is missing) and no worker logs a failed task."""
    bad_file = tmp_path / "no_channel.csv"
    bad_file.write_text("inquiry_id,body\nq1,Please quote 500 units\n", "utf-8")
    _failed_tasks_logged(client)  # this module's earlier tests
    with pytest.raises(IngestError, match=r"no_channel\.csv: no channel column"):
        _run(tmp_path, scorer, project_bundle_dir, [SourceParams(path=str(bad_file))], client)
    assert not _failed_tasks_logged(client)
    assert not (tmp_path / "scored.csv").exists()


def test_a_model_the_workers_cannot_reach_is_named(
    tmp_path: Path, client: Client, scorer: Scorer, sources
) -> None:
    """The workers load the model by its path: one they do not have is reported by name."""
    _failed_tasks_logged(client)
    with pytest.raises(ModelNotFoundError, match="elsewhere: no such model directory"):
        _run(tmp_path, scorer, tmp_path / "elsewhere", sources[:1], client)
    assert not _failed_tasks_logged(client)


def test_the_workers_resolve_a_registry_uri_with_their_tracking_uri(
    tmp_path: Path, client: Client, scorer: Scorer, pyfunc_dir: Path, sources
) -> None:
    """``models:/NAME@ALIAS`` travels as text; each worker resolves it in the MLflow store its
    own ``MLFLOW_TRACKING_URI`` names and scores as the local engine does."""
    from inquiry_quality.mlops.loading import load_scorer

    local = _run(tmp_path / "local", scorer, pyfunc_dir, sources[:1], None)
    store = f"sqlite:///{pyfunc_dir.parent}/mlflow.db"
    client.run(lambda: os.environ.update(MLFLOW_TRACKING_URI=store))
    try:
        uri = "models:/inquiry-quality@candidate"
        on_dask = _run(tmp_path, scorer, uri, sources[:1], client, loader=load_scorer)
    finally:
        client.run(lambda: os.environ.pop("MLFLOW_TRACKING_URI", None))
    assert on_dask[0].read_bytes() == local[0].read_bytes()
    assert on_dask[2] == local[2]


def test_a_tampered_model_is_refused_on_the_worker(
    tmp_path: Path, client: Client, scorer: Scorer, project_bundle_dir: Path, sources
) -> None:
    """The workers verify the bundle they load themselves, whatever the client loaded."""
    copy = shutil.copytree(project_bundle_dir, tmp_path / "bundle")
    with (copy / BUNDLE_FILE).open("ab") as handle:
        handle.write(b"\x00")
    with pytest.raises(ModelIntegrityError, match="does not match"):
        _run(tmp_path, scorer, copy, sources[:1], client)
    assert not (tmp_path / "scored.csv").exists()


def test_a_worker_with_another_model_refuses_and_reloads_one_that_changed(
    tmp_path: Path, client: Client, scorer: Scorer, project_bundle_dir: Path, sources
) -> None:
    """Workers keep a model between runs; when the path (or an alias) names another version
    the next run loads it again, and a worker whose model is not the command's refuses."""
    legacy_dir = Path(__file__).resolve().parents[2] / "data" / "legacy_bundle"
    legacy = Scorer(load_bundle(legacy_dir), scorer.params)
    model = shutil.copytree(legacy_dir, tmp_path / "model")
    with pytest.raises(ModelIntegrityError, match=r"model version \w+ here, \w+ in the command"):
        _run(tmp_path / "mismatch", scorer, model, sources[:1], client)
    old = _run(tmp_path / "old", legacy, model, sources[:1], client)
    shutil.rmtree(model)
    shutil.copytree(project_bundle_dir, model)  # the model moved on, the workers kept theirs
    new = _run(tmp_path / "new", scorer, model, sources[:1], client)
    local = _run(tmp_path / "local", scorer, project_bundle_dir, sources[:1], None)
    assert new[0].read_bytes() == local[0].read_bytes() != old[0].read_bytes()


def test_a_worker_with_another_inquiry_quality_installed_refuses(
    tmp_path: Path, client: Client, scorer: Scorer, project_bundle_dir: Path, sources
) -> None:
    """A worker whose installed package is not the client's (an image built on another day)
    would name another version on its rows and might compute other features: it refuses."""

    def install(version: str) -> str:
        import inquiry_quality

        installed, inquiry_quality.__version__ = inquiry_quality.__version__, version
        return installed

    model = shutil.copytree(project_bundle_dir, tmp_path / "model")  # loaded afresh
    installed = set(client.run(install, "0.0.1+stale").values())
    try:
        with pytest.raises(ModelIntegrityError, match=r"inquiry-quality 0\.0\.1\+stale here, "):
            _run(tmp_path, scorer, model, sources[:1], client)
    finally:
        client.run(install, *installed)
    assert not (tmp_path / "scored.csv").exists()


def test_the_workers_read_todays_crm_export_again_when_it_changed(
    tmp_path: Path,
    client: Client,
    scorer: Scorer,
    project_bundle_dir: Path,
    project_raw: Path,
    sources: list[SourceParams],
) -> None:
    """A daily export written over yesterday's under the same name: the kept workers score
    with today's, as the local engine does (a customer added since is known)."""
    contacts = tmp_path / "contacts.csv"
    today = (project_raw / "crm_contacts.csv").read_text("utf-8")
    contacts.write_text(today.splitlines()[0] + "\n", "utf-8")  # yesterday: no one

    def with_crm() -> Scorer:
        update = {"known_parties": str(contacts)}
        return Scorer(scorer.bundle, scorer.params.model_copy(update=update))

    def scored(folder: str, on: Client | None) -> bytes:
        out = _run(tmp_path / folder, with_crm(), project_bundle_dir, sources[:1], on)[0]
        return out.read_bytes()

    yesterday = scored("yesterday", client)
    contacts.write_text(today, "utf-8")
    assert scored("dask", client) == scored("local", None) != yesterday
