"""The drift report as a file pair: JSON (DVC metrics) and a self-contained HTML page.

The page has no script and loads nothing (inline CSS; a Content-Security-Policy that allows
nothing else); every value is escaped, since category labels come from the inquiries.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

import jinja2

TEMPLATE: Final = "drift.html.j2"
REASONS_SHOWN: Final = 15
BAR_PX: Final = 200  # a share of 100% is a bar this wide

_ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("inquiry_quality.evaluation", "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
)


def _pct(share: float | None) -> str:
    return "" if share is None else f"{share:.1%}"


def _width(share: float | None) -> int:
    return round((share or 0.0) * BAR_PX)


def render_drift_html(report: Mapping[str, Any]) -> str:
    """The report as one HTML page."""
    return _ENV.get_template(TEMPLATE).render(
        report=report, pct=_pct, width=_width, reasons_shown=REASONS_SHOWN
    )


def write_drift_report(report: Mapping[str, Any], path: Path) -> Path:
    """Write ``report`` to ``path`` (JSON) and its page beside it (``.html``); returns that."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    page = path.with_suffix(".html")
    page.write_text(render_drift_html(report), encoding="utf-8")
    return page
