"""How many worker processes a batch gets by default, and what they do with mail."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from inquiry_quality.core.config import SourceParams
from inquiry_quality.scoring import Scorer, score_sources
from inquiry_quality.scoring.engines.local import (
    MAIL_PARALLEL_FROM_BYTES,
    PARALLEL_FROM_BYTES,
    default_jobs,
)


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


def test_mail_read_by_the_workers_is_scored_as_in_one_process(
    tmp_path: Path, scorer: Scorer, spamassassin: Path
) -> None:
    """With jobs > 1 a mail folder is split into message ranges that the workers parse."""
    folder = tmp_path / "mail"
    folder.mkdir()
    for path in sorted((spamassassin / "spam-1").iterdir())[:40]:
        shutil.copy(path, folder / path.name)
    (folder / "empty.eml").write_bytes(b"")
    one = score_sources(
        scorer, [SourceParams(path=str(folder))], tmp_path / "1.csv", tmp_path / "q1.csv"
    )
    two = score_sources(
        scorer, [SourceParams(path=str(folder))], tmp_path / "2.csv", tmp_path / "q2.csv", jobs=2
    )
    assert (tmp_path / "2.csv").read_bytes() == (tmp_path / "1.csv").read_bytes()
    # the same quarantine lines; in partition order (a chunk's unparsable messages come first)
    lines = [sorted((tmp_path / name).read_text().splitlines()) for name in ("q1.csv", "q2.csv")]
    assert lines[0] == lines[1]
    assert two.to_dict() == one.to_dict() and two.rows_in == 41
