"""What the page serves: marks in the configured database are noted for DVC, others are not;
the page warms up."""

from __future__ import annotations

import gc
from pathlib import Path

from inquiry_quality.core.config import Params
from inquiry_quality.features.lexicon import lexicon_files, tokenizer
from inquiry_quality.scoring import Scorer
from inquiry_quality.web.batch import Batch
from inquiry_quality.web.server import build


def _served_marks(batch: Batch, params: Params, tmp_path: Path, database: Path) -> Path:
    marks = params.marks.model_copy(
        update={"database": str(tmp_path / "live.sqlite"), "last_event": str(tmp_path / "sig")}
    )
    served = build(batch, None, params.model_copy(update={"marks": marks}), database, "scored")
    served.marks.mark("INQ-1", "genuine", "anna")
    return tmp_path / "sig"


def test_marks_in_the_configured_database_are_noted_for_dvc(
    scored_batch: Batch, project_params: Params, tmp_path: Path
) -> None:
    signal = _served_marks(scored_batch, project_params, tmp_path, tmp_path / "live.sqlite")
    assert signal.read_text() == "1\n"


def test_marks_in_another_database_are_not(
    scored_batch: Batch, project_params: Params, tmp_path: Path
) -> None:
    signal = _served_marks(scored_batch, project_params, tmp_path, tmp_path / "other.sqlite")
    assert not signal.exists()


def test_the_page_warms_up_and_freezes_what_it_loaded(
    scored_batch: Batch, web_scorer: Scorer, project_params: Params, tmp_path: Path
) -> None:
    """After the warm-up every language's tokenizer is built and the loaded objects are out
    of the garbage collector's full passes."""
    tokenizer.cache_clear()
    gc.unfreeze()
    served = build(scored_batch, web_scorer, project_params, tmp_path / "m.sqlite", "scored")
    assert served.warm.wait(timeout=120)
    assert tokenizer.cache_info().currsize >= len(lexicon_files())
    assert gc.get_freeze_count() > 0
