"""The evaluation's curves as DVC plot data (CSV) and as PNG figures (matplotlib, Agg).

Curve tables are named ``<kind>_<head>`` (``roc_genuine``, ``gain_convert``, ...); dvc.yaml's
``plots:`` section points at the CSV files, the figures put every head of a kind in one PNG.
Figures are drawn with ``matplotlib.figure.Figure`` (the Agg canvas), never pyplot, so no
display and no global state are involved.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pandas as pd
from matplotlib.figure import Figure

_LINES = {
    "roc": ("fpr", "tpr", "False positive rate", "True positive rate", "ROC"),
    "pr": ("recall", "precision", "Recall", "Precision", "Precision-recall"),
    "reliability": ("predicted", "observed", "Mean predicted", "Observed rate", "Reliability"),
    "gain": ("scored_share", "found_share", "Share scored", "Share of positives found", "Gain"),
}


def write_metrics(metrics: dict[str, Any], path: str | Path) -> Path:
    """Nested metrics as JSON (NaN written as null); the parent folder is created."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(_no_nan(metrics), indent=2, sort_keys=True) + "\n", "utf-8")
    return path


def _no_nan(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _no_nan(v) for k, v in value.items()}
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def _emptied(directory: str | Path, pattern: str) -> Path:
    """``directory``, created if missing, without the files matching ``pattern`` of a last run."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    for old in directory.glob(pattern):
        old.unlink()
    return directory


def write_plot_data(curves: dict[str, pd.DataFrame], directory: str | Path) -> list[Path]:
    """One CSV per curve table in ``directory`` (emptied of old CSVs first)."""
    directory = _emptied(directory, "*.csv")
    paths = []
    for name, frame in sorted(curves.items()):
        path = directory / f"{name}.csv"
        frame.to_csv(path, index=False, float_format="%.6g")
        paths.append(path)
    return paths


def save_figures(curves: dict[str, pd.DataFrame], directory: str | Path) -> list[Path]:
    """PNG figures: ROC, PR, reliability, gain (all heads), confusion matrices, top weights."""
    directory = _emptied(directory, "*.png")
    paths = []
    for kind, (x, y, xlabel, ylabel, title) in _LINES.items():
        tables = {k.removeprefix(f"{kind}_"): v for k, v in curves.items() if k.startswith(kind)}
        if not tables:
            continue
        fig = Figure(figsize=(5, 4.5))
        ax = fig.subplots()
        for head, frame in tables.items():
            ax.plot(frame[x], frame[y], label=head, marker="o" if kind == "reliability" else None)
        if kind in ("roc", "reliability", "gain"):
            ax.plot([0, 1], [0, 1], linestyle=":", color="grey", label="chance / ideal")
        ax.set(xlabel=xlabel, ylabel=ylabel, title=title, xlim=(0, 1), ylim=(0, 1.02))
        ax.legend(loc="best")
        paths.append(_save(fig, directory / f"{kind}.png"))
    for name, frame in curves.items():
        if name.startswith("confusion_"):
            paths.append(_confusion_figure(frame, name, directory))
        elif name.startswith("weights_"):
            paths.append(_weights_figure(frame, name, directory))
    return paths


def _confusion_figure(frame: pd.DataFrame, name: str, directory: Path) -> Path:
    counts = pd.crosstab(frame["actual"], frame["predicted"])
    labels = sorted(set(counts.index) | set(counts.columns))
    counts = counts.reindex(index=labels, columns=labels, fill_value=0)
    fig = Figure(figsize=(1.2 * len(labels) + 2.5, 1.0 * len(labels) + 2))
    ax = fig.subplots()
    ax.imshow(counts.to_numpy(), cmap="Blues")
    ax.set_xticks(range(len(labels)), labels, rotation=30, ha="right")
    ax.set_yticks(range(len(labels)), labels)
    for (i, j), value in pd.DataFrame(counts.to_numpy()).stack().items():
        ax.text(j, i, str(value), ha="center", va="center")
    ax.set(xlabel="predicted", ylabel="actual", title=name.replace("_", " "))
    return _save(fig, directory / f"{name}.png")


def _weights_figure(frame: pd.DataFrame, name: str, directory: Path) -> Path:
    fig = Figure(figsize=(6, 0.3 * len(frame) + 1.2))
    ax = fig.subplots()
    ax.barh(frame["feature"][::-1], frame["weight"][::-1])
    ax.set(xlabel="mean |log-odds contribution|", title=name.replace("_", " "))
    return _save(fig, directory / f"{name}.png")


def _save(fig: Figure, path: Path) -> Path:
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    return path
