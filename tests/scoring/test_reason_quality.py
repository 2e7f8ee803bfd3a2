"""reports/reasons.json: repeats, top reasons and the questions mails ask, from scored rows."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from inquiry_quality.core import schema
from inquiry_quality.features.registry import BY_NAME
from inquiry_quality.scoring import Scorer
from inquiry_quality.scoring.reason_docs import render_reasons
from inquiry_quality.scoring.reason_quality import reason_quality, reason_rows

DOC = Path(__file__).resolve().parents[2] / "docs" / "reasons.md"
QUANTITY, FAX = BY_NAME["has_quantity"].question, BY_NAME["has_fax"].question


def test_the_figures_of_a_small_batch() -> None:
    scored = pd.DataFrame(
        {
            schema.REASONS: [
                ["+ No links", "+ No links to other sites", "- Few numbers (1)"],
                ["+ No links", "- Few numbers (2)"],
                [],
                ["- Contains links (3)"],
            ],
            schema.FOLLOW_UP_QUESTIONS: [[QUANTITY, FAX], [QUANTITY], [], []],
        }
    )
    quality = reason_quality(scored)
    assert quality["rows"] == 4 and quality["duplicated_fact_share"] == 0.25
    assert quality["top_reasons_for"] == {"+ No links": 2, "+ No links to other sites": 1}
    assert quality["top_reasons_against"] == {"- Few numbers": 2, "- Contains links": 1}
    assert quality["follow_up_mail_share"] == 0.5
    assert quality["question_share"] == {"fax number": 0.5, "quantity": 1.0}


def test_the_scored_file_gives_the_same_figures(
    scorer: Scorer, new_batch: pd.DataFrame, tmp_path: Path
) -> None:
    scored = scorer.score(new_batch)
    scorer.score(new_batch, flat=True).to_csv(tmp_path / "scored.csv", index=False)
    quality = reason_quality(reason_rows([str(tmp_path / "scored.csv")]))
    assert quality == reason_quality(scored)
    assert quality["duplicated_fact_share"] == 0.0
    assert "fax number" not in quality["question_share"]
    assert not any("Buyer region" in r for r in quality["top_reasons_against"])


def test_committed_reasons_page_equals_the_rendering() -> None:
    assert DOC.read_text(encoding="utf-8") == render_reasons(), (
        "docs/reasons.md is stale: python -m inquiry_quality.scoring.reason_docs > docs/reasons.md"
    )
