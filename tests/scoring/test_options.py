from __future__ import annotations

import dataclasses

import pytest

from inquiry_quality.core.config import ScoreParams
from inquiry_quality.scoring import BatchOptions


def test_options_are_a_value_that_reads_chunks_of_the_score_params() -> None:
    options = BatchOptions(extra_numeric=["years_on_platform"], extra_categorical=["level"])
    assert options == BatchOptions(
        extra_numeric=("years_on_platform",), extra_categorical=("level",)
    )
    with pytest.raises(dataclasses.FrozenInstanceError):
        options.drift = True  # type: ignore[misc]
    ingest = options.ingest(ScoreParams(chunk_rows=123))
    assert ingest.chunk_rows == 123
    assert ingest.extra_numeric == ["years_on_platform"]
    assert ingest.extra_categorical == ["level"]
