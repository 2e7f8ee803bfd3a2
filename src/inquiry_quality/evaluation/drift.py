"""How far a scored batch is from the model's training reference: a verdict per column.

Both sides are ``Profile`` counts in the reference's fixed bins. Per structured feature and per
score: the population stability index (PSI), for numbers the Kolmogorov-Smirnov distance of the
binned distributions (exact for values rounded to the bins; p-value from scipy's asymptotic
``kstwobign``), and the jump in the share of blanks; per canonical input column the share of
blanks (a broken export mapping shows up there first); per reason the change in how often it is
given. A column is at "watch" or "drift" when a measure passes its threshold (``score.drift``
in params.yaml) AND the difference is significant: chi-squared test of the counts at
``alpha`` divided by the number of columns compared (Bonferroni), so a small batch's noise is
no drift. The overall verdict is the worst column's.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any, Final

import numpy as np
from scipy.stats import chi2_contingency, kstwobign

from inquiry_quality.core.config import DriftParams
from inquiry_quality.evaluation.histograms import NUMERIC, Bins
from inquiry_quality.evaluation.profile import GROUPS, ROWS, Layout, Profile
from inquiry_quality.features.registry import BY_NAME

STABLE: Final = "stable"
WATCH: Final = "watch"
DRIFT: Final = "drift"
VERDICTS: Final = (STABLE, WATCH, DRIFT)
NO_REFERENCE: Final = "no reference"
NO_ROWS: Final = "no rows"
_PLACEHOLDER: Final = re.compile(r"\{[^}]*\}")
SMOOTHING: Final = 0.5  # added to every bin's count, so an empty bin has a finite PSI


def psi(reference: np.ndarray, batch: np.ndarray) -> float:
    """Population stability index of two count vectors over the same bins."""
    r = (reference + SMOOTHING) / (reference.sum() + SMOOTHING * len(reference))
    b = (batch + SMOOTHING) / (batch.sum() + SMOOTHING * len(batch))
    return float(np.sum((b - r) * np.log(b / r)))


def ks_binned(reference: np.ndarray, batch: np.ndarray) -> tuple[float, float] | None:
    """KS distance and asymptotic p-value of two binned numeric distributions (blanks left
    out: their count is last); None when either side has no value."""
    r, b = reference[:-1], batch[:-1]
    n, m = int(r.sum()), int(b.sum())
    if not n or not m:
        return None
    distance = float(np.max(np.abs(np.cumsum(r) / n - np.cumsum(b) / m)))
    return distance, float(kstwobign.sf(distance * math.sqrt(n * m / (n + m))))


def homogeneity_p(reference: np.ndarray, batch: np.ndarray) -> float:
    """p-value of the chi-squared test that both count vectors come from one distribution."""
    table = np.vstack([reference, batch]).astype(float)
    table = table[:, table.sum(axis=0) > 0]
    if table.shape[1] < 2 or (table.sum(axis=1) == 0).any():
        return 1.0
    return float(chi2_contingency(table).pvalue)


def _level(value: float | None, watch: float, drift: float) -> int:
    if value is None:
        return 0
    return 2 if value >= drift else 1 if value >= watch else 0


def _share(count: float, total: float) -> float | None:
    return round(count / total, 4) if total else None


def compare_column(
    bins: Bins, reference: np.ndarray, batch: np.ndarray, cfg: DriftParams, alpha: float
) -> dict[str, Any]:
    """Verdict and measures of one binned column; see the module docstring."""
    n, m = int(reference.sum()), int(batch.sum())
    value = psi(reference, batch)
    significant = homogeneity_p(reference, batch) < alpha
    levels = [_level(value, cfg.psi_watch, cfg.psi_drift) if significant else 0]
    why = [f"PSI {value:.2f}"] if levels[0] else []
    out: dict[str, Any] = {"kind": bins.kind, "psi": round(value, 4)}
    if bins.kind == NUMERIC:
        ks = ks_binned(reference, batch)
        out["ks"], out["ks_p"] = (None, None) if ks is None else (round(ks[0], 4), ks[1])
        if ks is not None and ks[1] < alpha:
            levels.append(_level(ks[0], cfg.ks_watch, cfg.ks_drift))
            why += [f"KS {ks[0]:.2f}"] if levels[-1] else []
    blank = _blank_jump(int(reference[-1]), n, int(batch[-1]), m, cfg, alpha)
    levels.append(blank["level"])
    why += [blank["why"]] if blank["level"] else []
    out |= {
        "blank_reference": blank["reference"],
        "blank_batch": blank["batch"],
        "verdict": VERDICTS[max(levels)],
        "why": ", ".join(why),
        "bins": {
            "labels": bins.labels,
            "reference": [_share(c, n) for c in reference],
            "batch": [_share(c, m) for c in batch],
        },
    }
    return out


def _blank_jump(
    r_blank: int, n: int, b_blank: int, m: int, cfg: DriftParams, alpha: float
) -> dict[str, Any]:
    reference, batch = _share(r_blank, n), _share(b_blank, m)
    jump = (b_blank / m - r_blank / n) if n and m else 0.0
    table = np.array([[r_blank, n - r_blank], [b_blank, m - b_blank]])
    significant = jump > 0 and homogeneity_p(table[0], table[1]) < alpha
    level = _level(jump, cfg.blank_watch, cfg.blank_drift) if significant else 0
    why = f"blank {r_blank / n:.0%} -> {b_blank / m:.0%}" if level else ""
    return {"reference": reference, "batch": batch, "jump": jump, "level": level, "why": why}


def reason_words(key: str) -> str:
    """A reason key (``+ feature`` / ``- feature``) as its sentence, values left out."""
    direction, name = key[:1], key[2:]
    feature = BY_NAME.get(name)
    if feature is None:
        return f"{'for' if direction == '+' else 'against'}: {name}"
    template = feature.for_sentence if direction == "+" else feature.against_sentence
    return f"{direction} " + _PLACEHOLDER.sub("…", template)


def _input_blanks(
    column: str, reference: Profile, batch: Profile, cfg: DriftParams, alpha: float
) -> dict[str, Any]:
    """The rise in blanks of a canonical input column, channel by channel (a channel the
    reference lacks is compared with all of it); the channel where it rose most."""
    whole = {ROWS: 0, column: 0}
    for counts in reference.inputs.values():
        whole = {k: whole[k] + counts.get(k, 0) for k in whole}
    worst: dict[str, Any] | None = None
    for channel, counts in sorted(batch.inputs.items()):
        before = reference.inputs.get(channel, whole)
        blank = _blank_jump(
            before.get(column, 0), before[ROWS], counts.get(column, 0), counts[ROWS], cfg, alpha
        )
        blank["channel"] = channel
        if worst is None or (blank["level"], blank["jump"]) > (worst["level"], worst["jump"]):
            worst = blank
    assert worst is not None, "a batch with rows has a channel"
    return {
        "channel": worst["channel"],
        "blank_reference": worst["reference"],
        "blank_batch": worst["batch"],
        "verdict": VERDICTS[worst["level"]],
        "why": f"{worst['why']} ({worst['channel']})" if worst["level"] else "",
    }


def _reasons(reference: Profile, batch: Profile, cfg: DriftParams, alpha: float) -> list[dict]:
    changes = []
    n, m = reference.rows, batch.rows
    for key in sorted(set(reference.reasons) | set(batch.reasons)):
        r, b = reference.reasons.get(key, 0), batch.reasons.get(key, 0)
        change = b / m - r / n
        table = np.array([[r, n - r], [b, m - b]])
        flagged = abs(change) >= cfg.reason_change and homogeneity_p(table[0], table[1]) < alpha
        changes.append(
            {
                "reason": key,
                "says": reason_words(key),
                "reference": _share(r, n),
                "batch": _share(b, m),
                "change": round(change, 4),
                "verdict": WATCH if flagged else STABLE,
            }
        )
    changes.sort(key=lambda c: -abs(c["change"]))
    return changes


def drift_report(
    reference: Mapping[str, Any] | None, batch: Profile, cfg: DriftParams
) -> dict[str, Any]:
    """The drift report (JSON-ready) of ``batch`` against ``reference`` (``Reference.to_dict``
    of the model's bundle; None for a model saved without one)."""
    if reference is None:
        return {"verdict": NO_REFERENCE, "batch_rows": batch.rows, "top": []}
    layout = Layout.from_dict(reference["layout"])
    ref = Profile.from_dict(reference["profile"])
    report: dict[str, Any] = {
        "verdict": NO_ROWS,
        "model_version": reference.get("model_version"),
        "reference_rows": ref.rows,
        "batch_rows": batch.rows,
        "top": [],
    }
    if not batch.rows or not ref.rows:
        return report
    n_tests = sum(len(layout.group(g)) for g in GROUPS)
    n_tests += len(layout.inputs) * len(batch.inputs) + len(set(ref.reasons) | set(batch.reasons))
    alpha = cfg.alpha / max(n_tests, 1)
    for group in GROUPS:
        report[group] = {
            column: compare_column(
                bins,
                ref.group(group)[column],
                batch.group(group).get(column, np.zeros(len(bins.labels), np.int64)),
                cfg,
                alpha,
            )
            for column, bins in layout.group(group).items()
        }
    report["inputs"] = {c: _input_blanks(c, ref, batch, cfg, alpha) for c in layout.inputs}
    report["mix"] = {
        c: _mix(report["features"][c]) for c in cfg.mix if c in report.get("features", {})
    }
    report["reasons"] = _reasons(ref, batch, cfg, alpha)
    ranked = _ranked(report)
    report["verdict"] = max((e["verdict"] for e in ranked), key=VERDICTS.index, default=STABLE)
    report["columns"] = {v: sum(e["verdict"] == v for e in ranked) for v in VERDICTS}
    report["top"] = [e["name"] for e in ranked if e["verdict"] != STABLE][: cfg.top]
    report["moved"] = [
        {"name": e["name"], "verdict": e["verdict"], "why": e["why"]}
        for e in ranked
        if e["verdict"] != STABLE
    ]
    return report


def _mix(compared: Mapping[str, Any]) -> dict[str, Any]:
    bins = compared["bins"]
    return {
        label: {"reference": r, "batch": b, "change": round((b or 0) - (r or 0), 4)}
        for label, r, b in zip(bins["labels"], bins["reference"], bins["batch"], strict=True)
    }


def _ranked(report: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Every compared column, worst first (verdict, then PSI or blank jump)."""
    entries = []
    for group, prefix in (("features", ""), ("scores", "score "), ("inputs", "input ")):
        for column, result in report[group].items():
            size = result.get("psi") or 0.0
            if result["blank_batch"] is not None and result["blank_reference"] is not None:
                size = max(size, result["blank_batch"] - result["blank_reference"])
            entries.append(
                {
                    "name": prefix + column,
                    "verdict": result["verdict"],
                    "why": result["why"],
                    "size": size,
                }
            )
    entries.sort(key=lambda e: (-VERDICTS.index(e["verdict"]), -e["size"], e["name"]))
    return entries


def summary_line(report: Mapping[str, Any]) -> str | None:
    """One line for the CLI when anything is at watch or drift, naming the top columns."""
    if report.get("verdict") not in (WATCH, DRIFT):
        return None
    moved = {e["name"]: e["why"] for e in report.get("moved", [])}
    named = ", ".join(f"{name} ({moved.get(name, '')})" for name in report["top"])
    counts = report.get("columns", {})
    return (
        f"Drift check: {report['verdict'].upper()} against the model's training data "
        f"({counts.get(DRIFT, 0)} columns at drift, {counts.get(WATCH, 0)} at watch); "
        f"top: {named}"
    )
