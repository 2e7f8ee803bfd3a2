"""Outputs: refused when they are inputs, locked per file, replaced only when whole."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from inquiry_quality.core import schema
from inquiry_quality.scoring.outputs import (
    OutputError,
    SameFileError,
    check_outputs,
    output_locks,
)
from inquiry_quality.scoring.writers import QuarantineWriter, ScoredWriter


def _quarantine_line(reason: str) -> pd.DataFrame:
    line = dict.fromkeys(schema.QUARANTINE_COLUMNS, "x")
    return pd.DataFrame([{**line, "reason": reason}])


def test_an_output_that_is_an_input_or_the_other_output_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_text("subject,body\nhi,there\n")
    link = tmp_path / "link.csv"
    link.symlink_to(source)
    hard = tmp_path / "hard.csv"
    os.link(source, hard)
    other = tmp_path / "out.csv"
    for outputs in (
        [source, other],
        [other, tmp_path / "sub" / ".." / "in.csv"],
        [link, other],
        [hard, other],
        [other, other],
    ):
        with pytest.raises(SameFileError):
            check_outputs([source], outputs)
    check_outputs([source], [other, tmp_path / "new" / "q.csv"])  # a folder still to create


def test_a_folder_or_a_file_as_folder_is_not_an_output(tmp_path: Path) -> None:
    (tmp_path / "scores").mkdir()
    (tmp_path / "plain").write_text("a file")
    with pytest.raises(OutputError, match="is a folder"):
        check_outputs([], [tmp_path / "scores"])
    with pytest.raises(OutputError, match="not a folder"):
        check_outputs([], [tmp_path / "plain" / "scored.csv"])


def test_a_folder_of_parts_replaces_its_old_parts_but_never_holds_an_input(
    tmp_path: Path,
) -> None:
    source = tmp_path / "scores" / "in.csv"
    source.parent.mkdir()
    source.write_text("subject,body\nhi,there\n")
    with pytest.raises(SameFileError, match="holds an input"):
        check_outputs([source], [tmp_path / "scores"], folders=[tmp_path / "scores"])
    old = tmp_path / "parts"
    old.mkdir()
    (old / "part-00000.parquet").write_text("the previous run's")
    (old / "part-00001.parquet").write_text("the previous run's")
    check_outputs([source], [old], folders=[old])
    with ScoredWriter(old) as writer:
        writer.write(pd.DataFrame(columns=list(schema.OUTPUT_COLUMNS)))
    assert [p.name for p in old.iterdir()] == ["part-00000.parquet"]  # the schema, alone
    written = pd.read_parquet(old / "part-00000.parquet")
    assert written.columns.tolist() == list(schema.OUTPUT_COLUMNS)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["parts", "scores"]


def test_a_read_only_folder_is_named(tmp_path: Path, read_only: Callable[[Path], Path]) -> None:
    folder = read_only(tmp_path / "locked")
    with pytest.raises(OutputError, match=f"cannot write in folder {folder}"):
        check_outputs([], [folder / "scored.csv"])
    assert list(folder.iterdir()) == []


def test_a_failed_write_keeps_the_old_file_and_leaves_nothing_behind(tmp_path: Path) -> None:
    old = tmp_path / "bad.csv"
    old.write_text("yesterday's quarantine\n")
    with pytest.raises(RuntimeError), QuarantineWriter(old) as bad:
        bad.write(_quarantine_line("empty message"))
        raise RuntimeError("the batch broke half-way")
    assert old.read_text() == "yesterday's quarantine\n"
    with pytest.raises(RuntimeError), ScoredWriter(tmp_path / "s.csv"):
        raise RuntimeError("the batch broke before the first row")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.csv"]
    with QuarantineWriter(old) as bad:
        bad.write(_quarantine_line("no date"))
    assert pd.read_csv(old)["reason"].tolist() == ["no date"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.csv"]


def test_one_output_is_written_by_one_run_at_a_time(tmp_path: Path) -> None:
    out = tmp_path / "scored.csv"
    with output_locks([out]):
        with pytest.raises(OutputError, match="another run is writing it"), output_locks([out]):
            pass
        with output_locks([tmp_path / "other.csv"]):  # another output is free
            pass
    with output_locks([out]):  # released
        pass
    assert list(tmp_path.iterdir()) == []  # lock files are removed with the lock
