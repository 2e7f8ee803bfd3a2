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


def headline(metrics: Mapping[str, Any], also: tuple[str, ...] = ()) -> dict[str, dict[str, Any]]:
    """The headline metrics of nested ``metrics``, plus the dotted keys ``also`` (the quality
    gate's metric, so the number that decides a promotion is always shown)."""
    wanted = {(head, name) for head, names in HEADLINE.items() for name in names}
    wanted |= {tuple(key.split(".", 1)) for key in also if "." in key}  # type: ignore[misc]
    out: dict[str, dict[str, Any]] = {}
    for head, name in sorted(wanted):
        value = metrics.get(head, {}).get(name) if isinstance(metrics.get(head), Mapping) else None
        if isinstance(value, int | float):
            out.setdefault(head, {})[name] = value
    return out
