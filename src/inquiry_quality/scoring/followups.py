"""Missing details and the one follow-up mail that asks for all of them.

The seed's rule: think it through and ask every question at once, as choices rather than blanks.
The questions come from the feature registry (``Feature.question``), one per detail this
inquiry lacks, in registry order.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from inquiry_quality.features.registry import missing_mask


def missing_details(features: pd.DataFrame) -> tuple[list[list[str]], list[list[str]]]:
    """Per row: the labels of the missing details and the question for each."""
    present, mask = missing_mask(features)
    labels: list[list[str]] = []
    questions: list[list[str]] = []
    cache: dict[bytes, tuple[list[str], list[str]]] = {}
    for row in mask:
        key = np.packbits(row).tobytes()
        if key not in cache:
            picked = [present[j] for j in np.flatnonzero(row)]
            cache[key] = (
                [f.missing_label or f.name for f in picked],
                [str(f.question) for f in picked],
            )
        labels.append(list(cache[key][0]))
        questions.append(list(cache[key][1]))
    return labels, questions


def follow_up_mail(sender_name: str | None, subject: str | None, questions: list[str]) -> str:
    """The ready-to-send mail asking every question at once (numbered, as choices)."""
    name = (sender_name or "").strip()
    greeting = f"Dear {name}," if name else "Dear Sir or Madam,"
    about = f' about "{subject.strip()}"' if subject and subject.strip() else ""
    if not questions:
        return (
            f"{greeting}\n\nThank you for your inquiry{about}. Your request is complete; "
            "please find our quotation attached.\n\nBest regards,"
        )
    numbered = "\n".join(f"{i}) {q}" for i, q in enumerate(questions, 1))
    return (
        f"{greeting}\n\nThank you for your inquiry{about}. So that we can send you an exact "
        "quotation in one go, could you please let us know:\n\n"
        f"{numbered}\n\nA short answer to each is enough; we will reply with the quotation "
        "within one working day.\n\nBest regards,"
    )
