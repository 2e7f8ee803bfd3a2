"""How the reasons and follow-up mails of a scored batch read (``reports/reasons.json``).

Over the scored rows: the share with a fact said twice (target 0, ``reasons.repeated_facts``),
the most frequent reasons for and against (without the inquiry's own values), and per missing
detail the share of follow-up mails that ask for it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any, Final

import pandas as pd

from inquiry_quality.core import schema
from inquiry_quality.features.registry import BY_NAME
from inquiry_quality.scoring.reasons import FOR, repeated_facts
from inquiry_quality.scoring.scorer import LIST_SEP
from inquiry_quality.scoring.summary import reason_kind

TOP: Final = 10


def as_lists(column: pd.Series) -> list[list[str]]:
    """A list column as lists, whether kept as lists or joined by `` | `` (CSV)."""
    out = []
    for value in column:
        if isinstance(value, list | tuple):
            out.append([str(v) for v in value])
        elif value is None or (isinstance(value, float) and pd.isna(value)) or value == "":
            out.append([])
        else:
            out.append(str(value).split(LIST_SEP))
    return out


def _share(count: int, total: int) -> float:
    return round(count / total, 4) if total else 0.0


def reason_quality(scored: pd.DataFrame, top: int = TOP) -> dict[str, Any]:
    """The reason and follow-up figures of one scored batch (``Scorer.score`` rows)."""
    reasons = as_lists(scored[schema.REASONS])
    questions = as_lists(scored[schema.FOLLOW_UP_QUESTIONS])
    repeated = sum(bool(repeated_facts(r)) for r in reasons)
    said_for: Counter[str] = Counter()
    said_against: Counter[str] = Counter()
    for row in reasons:
        for reason in row:
            (said_for if reason.startswith(FOR) else said_against)[reason_kind(reason)] += 1
    label = {f.question: f.missing_label or f.name for f in BY_NAME.values() if f.question}
    mails = [q for q in questions if q]
    asked = Counter(label.get(q, q) for row in mails for q in dict.fromkeys(row))
    return {
        "rows": len(scored),
        "duplicated_fact_share": _share(repeated, len(scored)),
        "top_reasons_for": dict(said_for.most_common(top)),
        "top_reasons_against": dict(said_against.most_common(top)),
        "follow_up_mail_share": _share(len(mails), len(scored)),
        "question_share": {q: _share(n, len(mails)) for q, n in sorted(asked.items())},
    }


def reason_rows(paths: Iterable[str], columns: Sequence[str] = ()) -> pd.DataFrame:
    """The scored rows of CSV or Parquet files (the ``score`` stage's ``--out``)."""
    wanted = list(columns) or [schema.REASONS, schema.FOLLOW_UP_QUESTIONS]
    frames = [
        pd.read_parquet(p, columns=wanted)
        if str(p).endswith(".parquet")
        else pd.read_csv(p, usecols=wanted, dtype="string", keep_default_na=False)
        for p in paths
    ]
    return pd.concat(frames, ignore_index=True)
