"""The batch's drift report (``evaluation.drift``) as the inbox shows it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from inquiry_quality.evaluation.drift import DRIFT, WATCH


@dataclass(frozen=True)
class DriftNote:
    """The verdict, whether it calls for attention, and what moved (name, measure), worst
    first: the summary's top columns, then every column that moved."""

    verdict: str
    rows: int | None = None
    alarm: bool = False
    at_drift: int = 0
    at_watch: int = 0
    top: list[tuple[str, str]] = field(default_factory=list)
    moved: list[tuple[str, str, str]] = field(default_factory=list)  # verdict, name, why


def drift_note(report: Mapping[str, Any] | None) -> DriftNote | None:
    """What the inbox says about ``report``; None without a report."""
    if report is None:
        return None
    moved = [(str(m["verdict"]), str(m["name"]), str(m["why"])) for m in report.get("moved", [])]
    why = {name: measure for _, name, measure in moved}
    counts = report.get("columns") or {}
    rows = report.get("batch_rows")
    return DriftNote(
        verdict=str(report["verdict"]),
        rows=None if rows is None else int(rows),
        alarm=report["verdict"] in (WATCH, DRIFT),
        at_drift=int(counts.get(DRIFT, 0)),
        at_watch=int(counts.get(WATCH, 0)),
        top=[(str(name), why.get(str(name), "")) for name in report.get("top", [])],
        moved=moved,
    )
