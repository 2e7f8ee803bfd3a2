"""The model card says the run's own numbers: each cell matches reports/evaluation.json."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import pytest

from inquiry_quality.evaluation.card import COLUMNS, HEADS, SLICES, model_card

#: the card prints 3 decimals: a value within half a unit (plus float error) of the metric's
ROUNDED = 0.0005 + 1e-9

if TYPE_CHECKING:
    from conftest import PipelineRepo


def _split(row: str) -> list[str]:
    return [c.strip() for c in re.split(r"(?<!\\)\|", row.strip().strip("|"))]


def card_cells(card: str) -> list[tuple[str, str, str, float]]:
    """(head, slice, metric key, value) of every metric table cell of ``card``."""
    titles = {title: head for head, (title, _) in HEADS.items()}
    keys = {title: key for key, title in COLUMNS.items()}
    head, header, cells = None, None, []
    for line in card.splitlines():
        if line.startswith("### "):
            head, header = titles.get(line[4:]), None
        elif head and line.startswith("| Slice |"):
            header = _split(line)[1:]
        elif head and header and line.startswith("| ") and not line.startswith("|---"):
            name, *values = _split(line)
            cells += [
                (head, name, keys[t], float(v)) for t, v in zip(header, values, strict=True) if v
            ]
    return cells


def assert_card_matches(card: str, metrics: Mapping[str, Any]) -> None:
    """Each number of the card's tables, calibration and thresholds is the metric's value."""
    cells = card_cells(card)
    kinds = {kind: key for key, kind in SLICES.items()}
    assert len(cells) >= 3 * len(COLUMNS)
    for head, name, key, value in cells:
        source = metrics[head]
        if name != "all":
            kind, slice_name = name.replace("\\|", "|").split(": ", 1)
            source = source[kinds[kind]][slice_name]
        assert value == pytest.approx(source[key], abs=ROUNDED), (head, name, key)
    for head, ece, brier, loss in re.findall(
        r"^- (\w+): ECE ([\d.]+), Brier ([\d.]+), log loss ([\d.]+)$", card, re.M
    ):
        assert float(ece) == pytest.approx(metrics[head]["ece"], abs=ROUNDED)
        assert float(brier) == pytest.approx(metrics[head]["brier"], abs=ROUNDED)
        assert float(loss) == pytest.approx(metrics[head]["log_loss"], abs=ROUNDED)
    for head, threshold in re.findall(r"^- \*\*(\w+) at ([\d.]+)\*\*", card, re.M):
        assert float(threshold) == pytest.approx(metrics[head]["threshold"], abs=ROUNDED)


def _head(seed: float, n: int) -> dict[str, Any]:
    values = {
        k: round(seed + i / 100, 6) for i, k in enumerate(COLUMNS) if k not in ("n", "positives")
    }
    return {**values, "n": float(n), "positives": float(n // 3), "threshold": 0.5, "log_loss": 0.4}


def test_every_number_of_the_card_is_the_metric() -> None:
    metrics = {
        head: {
            **_head(0.1 * (i + 1), 1000),
            "by_channel": {"email": _head(0.05, 600), "web|form": _head(0.07, 40)},
            "by_region": {"Europe": _head(0.02, 300)},
        }
        for i, head in enumerate(("genuine", "order", "convert"))
    }
    split = {"n_train": 800, "n_test": 200, "method": "time", "test_start": "x", "test_end": "y"}
    meta = {
        "model_version": "abc123", "model": "logreg", "data_version": "d1",
        "package_version": "0.1", "trained_at": "2026-01-01", "skipped_heads": {},
        "split": split, "heads": {"genuine": {"classes": {"0": 500, "1": 300}}},
    }  # fmt: skip
    card = model_card(metrics, meta, None, sources=["data/raw/generated/a.csv"])
    assert_card_matches(card, metrics)
    assert "channel: web\\|form" in card  # a slice name cannot break the table
    assert "generated default data" in card and "web|form (40)" in card
    assert "abc123" in card


@pytest.mark.slow
def test_the_exported_models_card_says_the_runs_numbers(pipeline_repo: PipelineRepo) -> None:
    root = pipeline_repo.root
    card = (root / "models" / "inquiry-quality" / "README.md").read_text()
    metrics = json.loads((root / "reports" / "evaluation.json").read_text())
    assert_card_matches(card, metrics)
    meta = json.loads((root / "models" / "bundle" / "metadata.json").read_text())
    assert f"Training part: {meta['split']['n_train']} inquiries" in card
    assert meta["data_version"] in card and "generated default data" in card
