"""Slices of work over every core, results in input order."""

from __future__ import annotations

import pytest

from inquiry_quality.core import parallel
from inquiry_quality.core.parallel import map_slices


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
