"""Slices of work over every core, results in input order."""

from __future__ import annotations

import os
from pathlib import Path

import pool_tasks
import pytest

from inquiry_quality.core import parallel
from inquiry_quality.core.parallel import (
    MAIL_PARALLEL_FROM_BYTES,
    PARALLEL_FROM_BYTES,
    default_jobs,
    map_slices,
)


def test_small_inputs_stay_one_slice() -> None:
    assert map_slices(len, list(range(10)), min_per_process=6) == [10]


def test_large_inputs_are_sliced_over_workers_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "cpu_count", lambda: 2)
    items = list(range(100))
    sizes = map_slices(len, items, min_per_process=10)
    assert len(sizes) == 2 * parallel.SLICES_PER_PROCESS
    assert sum(sizes) == len(items)
    starts = [sum(sizes[:i]) for i in range(len(sizes))]
    expected = [sum(items[a : a + n]) for a, n in zip(starts, sizes, strict=True)]
    assert map_slices(sum, items, min_per_process=10) == expected


def test_slices_run_in_forkserver_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    # fork could hang on a lock held by a thread of the parent (BLAS, pyarrow, a server)
    monkeypatch.setattr(parallel, "cpu_count", lambda: 2)
    methods = map_slices(pool_tasks.start_method, list(range(20)), min_per_process=10)
    assert set(methods) == {"forkserver"}


def test_worker_pool_runs_its_initializer_in_each_worker() -> None:
    with parallel.worker_pool(2, [pool_tasks.__name__], pool_tasks.remember, ("scorer",)) as pool:
        results = list(pool.map(pool_tasks.state, range(6)))
    assert results == [(["scorer"], True)] * 6
    assert not parallel.in_worker()
    assert pool_tasks.STATE == []


def test_a_pool_forks_from_a_forkserver_started_early() -> None:
    parallel.start_forkserver([pool_tasks.__name__])
    with parallel.worker_pool(2, [pool_tasks.__name__], pool_tasks.remember, ("early",)) as pool:
        results = list(pool.map(pool_tasks.state, range(4)))
        methods = list(pool.map(pool_tasks.start_method, range(4)))
    assert results == [(["early"], True)] * 4
    assert set(methods) == {"forkserver"}


def test_small_inputs_stay_in_one_process(tmp_path: Path) -> None:
    small = tmp_path / "small.csv"
    small.write_text("inquiry_id,body\n1,hello\n")
    assert default_jobs([small]) == 1


def test_large_inputs_use_every_usable_core(tmp_path: Path) -> None:
    folder = tmp_path / "mails"
    folder.mkdir()
    for name in ("a.eml", "b.eml"):  # a folder counts by the files in it
        with (folder / name).open("wb") as handle:
            handle.truncate(PARALLEL_FROM_BYTES // 2)  # sparse: no real disk use
    assert default_jobs([folder]) == len(os.sched_getaffinity(0))


def test_mail_uses_every_core_from_a_smaller_size(tmp_path: Path) -> None:
    """Parsing makes a message cost several times a table row of its size."""
    size = MAIL_PARALLEL_FROM_BYTES + 1
    for name in ("inbox.mbox", "export.csv"):
        with (tmp_path / name).open("wb") as handle:
            handle.truncate(size)
    assert default_jobs([tmp_path / "inbox.mbox"]) == len(os.sched_getaffinity(0))
    assert default_jobs([tmp_path / "export.csv"]) == 1
