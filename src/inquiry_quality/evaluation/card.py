"""The model card: a README.md beside every exported model, from the run's own numbers.

It says what the model is for and for whom, what it learnt from (the training reference:
size, dates, labels, sources), how each head did on the test part overall and by region and
channel (``reports/metrics.json``), how well calibrated it is, what its operating thresholds
mean for the team's workload, where it is weak, and which data and code made it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Final

import jinja2

TEMPLATE: Final = "model_card.md.j2"
#: the binary heads' metrics the card shows, by metrics.json key, with their column titles
COLUMNS: Final = {
    "n": "Rows",
    "positives": "Positives",
    "prevalence": "Prevalence",
    "roc_auc": "ROC AUC",
    "pr_auc": "PR AUC",
    "precision": "Precision",
    "recall": "Recall",
    "ece": "ECE",
    "brier": "Brier",
}
#: per binary head: its title and the inquiries its metrics are measured on
HEADS: Final = {
    "genuine": ("Genuine (p_genuine: a real buyer, not junk)", "inquiries"),
    "order": (
        "Order (p_order: a genuine inquiry becomes an order)",
        "genuine inquiries with a known outcome",
    ),
    "convert": (
        "Convert (p_convert = p_genuine x p_order: an inquiry becomes an order)",
        "inquiries with a known outcome",
    ),
}
SLICES: Final = {"by_channel": "channel", "by_region": "region"}
FEW_ROWS: Final = 100  # slices with fewer test rows are named as a known limit

_ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("inquiry_quality.evaluation", "templates"),
    autoescape=False,  # Markdown; cells are made safe by ``_cell``
    undefined=jinja2.StrictUndefined,
    keep_trailing_newline=True,
)


def format_metric(key: str, value: object) -> str:
    """A metric as the card prints it: counts whole, ratios with three decimals."""
    if not isinstance(value, int | float):
        return ""
    return f"{value:.0f}" if key in ("n", "positives", "support") else f"{value:.3f}"


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def metric_rows(head: Mapping[str, Any]) -> list[list[str]]:
    """One row per slice (overall, each channel, each region): its name and ``COLUMNS``."""
    rows = [["all", *(format_metric(k, head.get(k)) for k in COLUMNS)]]
    for key, kind in SLICES.items():
        for name, values in head.get(key, {}).items():
            rows.append(
                [_cell(f"{kind}: {name}"), *(format_metric(k, values.get(k)) for k in COLUMNS)]
            )
    return rows


def workload(head: Mapping[str, Any]) -> dict[str, float] | None:
    """At the head's threshold: the share of inquiries flagged, and of flagged that are right
    (precision) and of positives found (recall); None without those metrics."""
    keys = ("precision", "recall", "prevalence", "threshold")
    if not all(isinstance(head.get(k), int | float) for k in keys) or not head["precision"]:
        return None
    flagged = head["recall"] * head["prevalence"] / head["precision"]
    return {"flagged": flagged, **{k: head[k] for k in keys}}


def known_limits(
    metrics: Mapping[str, Any],
    meta: Mapping[str, Any],
    reference: Mapping[str, Any] | None,
    sources: Sequence[str],
) -> list[str]:
    """What the card warns about: generated data, languages, thin slices, skipped heads."""
    limits = []
    if any("raw/generated" in s for s in sources):
        limits.append(
            "Trained on the generated default data (a fictional LED exporter): the numbers "
            "show how well the method works, not how it will do on your inquiries. Retrain on "
            "your own history (docs/) before relying on it."
        )
    if reference is not None:
        mix = reference["profile"]["features"].get("language")
        labels = reference["layout"]["features"].get("language", {}).get("categories", [])
        if mix is not None and sum(mix):
            other = 1 - (mix[labels.index("en")] / sum(mix) if "en" in labels else 0.0)
            limits.append(
                "The phrase features (mass mailing, scam, phishing markers) have English "
                f"patterns only: the {other:.0%} of training inquiries in other languages or "
                "of unknown language are judged by their n-grams and structured details alone."
            )
    for head in ("genuine", "convert"):
        thin = [
            f"{kind} {name} ({values.get('n', 0):.0f})"
            for key, kind in SLICES.items()
            for name, values in metrics.get(head, {}).get(key, {}).items()
            if values.get("n", 0) < FEW_ROWS
        ]
        if thin:
            limits.append(
                f"Slices with few test rows for the {head} head (under {FEW_ROWS}), so their "
                "metrics are rough: " + ", ".join(thin)
            )
    for head, why in meta.get("skipped_heads", {}).items():
        limits.append(f"Head {head} was not trained: {why}.")
    limits.append(
        "The order head learns only from inquiries old enough for their outcome to be known "
        "(ingest.label_maturity_days); a changed sales process changes what it predicts."
    )
    limits.append(
        "A scored batch unlike the training data is flagged by the drift report "
        "(`inquiry-quality score ... --drift REPORT.json`); scores of a drifted batch are "
        "less reliable."
    )
    return limits


def model_card(
    metrics: Mapping[str, Any],
    meta: Mapping[str, Any],
    reference: Mapping[str, Any] | None,
    *,
    sources: Sequence[str] = (),
    registered: str = "",
) -> str:
    """The card (Markdown) of a bundle with metadata ``meta`` and training ``reference``,
    evaluated as ``metrics`` (reports/metrics.json); ``sources`` are the training sources as
    configured, ``registered`` the registry name and version."""
    heads = {
        name: {
            "title": title,
            "population": population,
            "rows": metric_rows(metrics[name]),
            "work": workload(metrics[name]),
        }
        for name, (title, population) in HEADS.items()
        if name in metrics
    }
    training = (reference or {}).get("training", {})
    return _ENV.get_template(TEMPLATE).render(
        meta=meta,
        metrics=metrics,
        heads=heads,
        columns=list(COLUMNS.values()),
        training=training,
        labels=training.get("labels")
        or {h: v.get("classes", {}) for h, v in meta.get("heads", {}).items()},
        limits=known_limits(metrics, meta, reference, sources),
        sources=[_cell(s) for s in sources],
        registered=registered,
        fmt=format_metric,
        cell=_cell,
    )
