"""The few numbers an experiment is judged by, for ``dvc exp show`` and ``dvc metrics diff``.

``evaluate`` writes these to ``reports/metrics.json`` (small, committed: DVC compares it across
commits and experiments) and every metric, per region, channel and folder, to
``reports/evaluation.json``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

#: head -> its headline metrics (those a head has; a skipped head has none)
HEADLINE: Final = {
    "genuine": ("roc_auc", "pr_auc", "log_loss", "ece", "junk_recall_at_1pct_fpr"),
    "order": ("roc_auc", "pr_auc", "log_loss", "ece"),
    "convert": ("roc_auc", "pr_auc", "log_loss", "ece"),
    "junk_type": ("macro_f1", "accuracy"),
}


def headline(metrics: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """The headline metrics of nested ``metrics`` (those measured)."""
    out: dict[str, dict[str, Any]] = {}
    for head, names in HEADLINE.items():
        measured = metrics.get(head)
        for name in names:
            value = measured.get(name) if isinstance(measured, Mapping) else None
            if isinstance(value, int | float):
                out.setdefault(head, {})[name] = value
    return out
