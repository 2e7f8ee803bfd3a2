"""What the local engine's worker processes do with mail, and what they import."""

from __future__ import annotations

import importlib
import shutil
from pathlib import Path

from inquiry_quality import cli
from inquiry_quality.core.config import SourceParams
from inquiry_quality.scoring import Scorer, score_sources
from inquiry_quality.scoring.engines import local


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


def test_the_cli_starts_the_forkserver_with_the_module_the_workers_need() -> None:
    """The CLI names it before importing the scoring stack; it must be the engine's."""
    assert cli.WORKER_MODULE == local.WORKER_MODULE
    preload = importlib.import_module(local.WORKER_MODULE)
    assert preload.partitions.score_partition is local.score_partition
