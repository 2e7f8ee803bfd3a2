"""How many worker processes a batch gets by default."""

from __future__ import annotations

import os
from pathlib import Path

from inquiry_quality.scoring.engines.local import PARALLEL_FROM_BYTES, default_jobs


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
