"""One inquiry's full report as a sales rep reads it (``inquiry-quality explain``)."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping

import pandas as pd

from inquiry_quality.core import schema
from inquiry_quality.core.config import FollowUpParams
from inquiry_quality.scoring.followups import follow_up_mail
from inquiry_quality.scoring.reasons import AGAINST, FOR
from inquiry_quality.scoring.tiers import (
    DETAILS_UNLISTED,
    NO_DETAILS,
    NO_FOLLOW_UP,
    QUOTE_NOW,
    ROUTED_VERDICT,
    TierRules,
)

WIDTH = 88


def _text(value: object) -> str:
    return "" if value is None or pd.isna(value) else str(value).strip()  # type: ignore[arg-type]


def verdict(row: Mapping[str, object], rules: TierRules) -> str:
    """Genuine or junk in words, with the numbers behind it."""
    p_genuine = float(row[schema.P_GENUINE])  # type: ignore[arg-type]
    p_convert = float(row[schema.P_CONVERT])  # type: ignore[arg-type]
    routed = ROUTED_VERDICT.get(str(row.get(schema.TIER)))
    if routed:
        head = routed
    elif p_genuine >= rules.genuine:
        head = "likely a GENUINE buyer"
    elif p_genuine < rules.discard_below:
        head = "likely JUNK"
    else:
        head = "UNCLEAR, possibly junk"
    kind = _text(row.get(schema.JUNK_TYPE))
    if kind and p_genuine < rules.genuine and not routed:
        head += f" (most likely {kind.replace('_', ' ')})"
    order = f"chance of an order {p_convert:.0%}" if p_convert == p_convert else "no order model"
    return f"{head}: genuine {p_genuine:.0%}, {order}"


def _wrapped(text: str, indent: str, hang: str = "  ") -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=indent, subsequent_indent=indent + hang)


def render_report(
    row: Mapping[str, object],
    raw: Mapping[str, object],
    rules: TierRules,
    follow_up: FollowUpParams | None = None,
) -> str:
    """The report of one scored inquiry: ``row`` from ``Scorer.score``, ``raw`` its input;
    ``follow_up`` signs the mail (``score.follow_up``)."""
    sender = " ".join(
        p for p in (_text(raw.get(schema.SENDER_NAME)), _text(raw.get(schema.SENDER_EMAIL))) if p
    )
    subject = _text(raw.get(schema.SUBJECT))
    header = f"Inquiry {row[schema.INQUIRY_ID]}"
    if _text(raw.get(schema.CHANNEL)):
        header += f" by {raw[schema.CHANNEL]}"
    if sender:
        header += f" from {sender}"
    lines = [header, f'Subject: "{subject}"' if subject else "Subject: (none)", ""]
    lines += _wrapped(f"Verdict: {verdict(row, rules)}", "")
    lines.append(f"Tier:    {str(row[schema.TIER]).upper()}")
    lines += _wrapped(f"Action:  {row[schema.ACTION]}", "")
    reasons = list(row[schema.REASONS])  # type: ignore[call-overload]
    lines += ["", "Why (the factors that moved this inquiry's score most):"]
    for title, mark in (("For", FOR), ("Against", AGAINST)):
        picked = [r for r in reasons if r.startswith(mark)]
        lines.append(f"  {title}:" + ("" if picked else " none stand out"))
        for reason in picked:
            lines += _wrapped(reason, "    ")
    missing = list(row[schema.MISSING_DETAILS])  # type: ignore[call-overload]
    listed = ", ".join(missing) or "none"
    if row[schema.TIER] in NO_DETAILS:
        lines += ["", f"Missing details: {DETAILS_UNLISTED}"]
    else:
        lines += ["", *_wrapped(f"Missing details ({len(missing)}): {listed}", "")]
    questions = list(row[schema.FOLLOW_UP_QUESTIONS])  # type: ignore[call-overload]
    if row[schema.TIER] in NO_FOLLOW_UP:
        lines += ["", f"Follow-up mail: none; {NO_FOLLOW_UP[str(row[schema.TIER])]}"]
    else:
        quote = row[schema.TIER] == QUOTE_NOW
        title = "the quotation promised" if quote else "every question at once"
        lines += ["", f"Follow-up mail ({title}; copy, adapt, send):"]
        mail = follow_up_mail(raw, questions, follow_up, acknowledge=quote)
        for paragraph in mail.split("\n"):
            lines += _wrapped(paragraph, "  | ", "") or ["  |"]
    lines += [""]
    lines += _wrapped(f"Region:  {row[schema.REGION]}. Tip: {row[schema.REGION_TIP]}", "")
    lines += [
        "",
        f"Model {row[schema.MODEL_VERSION]}, data {row[schema.DATA_VERSION]}, "
        f"inquiry-quality {row[schema.PACKAGE_VERSION]}",
    ]
    return "\n".join(lines)
