"""The batch's drift report (``evaluation.drift``): checked in the background, and as the
inbox shows it."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any, Final

from inquiry_quality.evaluation.drift import DRIFT, WATCH

logger = logging.getLogger(__name__)

Report = dict[str, Any] | None


@dataclass(frozen=True)
class DriftCheck:
    """The batch's drift report: known at once (read from a file, or profiled while the batch
    was scored), or computed in a background thread so that the page answers meanwhile."""

    future: Future[Report]

    @classmethod
    def known(cls, report: Report) -> DriftCheck:
        """A check whose report is ``report`` (None: no check)."""
        future: Future[Report] = Future()
        future.set_result(report)
        return cls(future)

    @classmethod
    def in_background(cls, compute: Callable[[], Report]) -> DriftCheck:
        """``compute`` run in a daemon thread (it never holds up the server's exit)."""
        future: Future[Report] = Future()

        def run() -> None:
            future.set_running_or_notify_cancel()
            try:
                future.set_result(compute())
            except Exception as exc:  # shown on the page; the page keeps serving
                logger.exception("the drift check failed")
                future.set_exception(exc)

        threading.Thread(target=run, name="drift-check", daemon=True).start()
        return cls(future)

    @property
    def running(self) -> bool:
        return not self.future.done()

    @property
    def error(self) -> str | None:
        """Why the check failed, once it has; None while running or after a report."""
        if self.running or self.future.exception() is None:
            return None
        return str(self.future.exception())

    @property
    def report(self) -> Report:
        """The report once the check is done; None while it runs, if it failed or without one."""
        return None if self.running or self.error is not None else self.future.result()

    def wait(self, timeout: float | None = None) -> Report:
        """The report, waiting up to ``timeout`` seconds for the check (TimeoutError after)."""
        return self.future.result(timeout)


#: no drift check: no model loaded and no report given
NO_DRIFT_CHECK: Final = DriftCheck.known(None)


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
