"""docs/features.md is the registry's rendering and never drifts from it."""

from __future__ import annotations

from pathlib import Path

from inquiry_quality.features.docs import render_catalogue
from inquiry_quality.features.registry import FEATURES

DOC = Path(__file__).resolve().parents[2] / "docs" / "features.md"


def test_committed_catalogue_equals_the_rendering() -> None:
    assert DOC.read_text(encoding="utf-8") == render_catalogue(), (
        "docs/features.md is stale: python -m inquiry_quality.features.docs > docs/features.md"
    )


def test_catalogue_lists_every_feature_and_question() -> None:
    text = render_catalogue()
    for feature in FEATURES:
        assert f"`{feature.name}`" in text
        if feature.question:
            assert feature.question in text
