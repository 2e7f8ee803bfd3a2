"""Intent family: who wants what, read in the sender's language (``features/lexicon.py``).

Whether the sender sells to us or asks to buy; payment-change and credential lures; words that
follow up an open thread or refer to documents we sent; the words of the junk a rep tells apart
(research and student requests, fees and prizes, domain and directory registrations,
friendship). Each count is NaN for a text whose language has no phrase file (or whose file lacks
the concept): unknown, not absent.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import islice

import numpy as np
import pandas as pd

from inquiry_quality.core import schema
from inquiry_quality.features.base import FeatureFamily, text_column
from inquiry_quality.features.lexicon import ANY_LANGUAGE, lexicon, tokens
from inquiry_quality.features.patterns import load_patterns
from inquiry_quality.features.phrasing import (
    _LETTER,
    MIN_LETTERS,
    UNKNOWN_LANGUAGE,
    detect_language,
)

#: output column -> the lexicon concept it counts
CONCEPT_COUNTS = {
    "offer_phrases": "offer",
    "request_phrases": "request",
    "bank_change_phrases": "bank_change",
    "invoice_resend_phrases": "invoice_resend",
    "credential_phrases": "credential",
    "login_view_phrases": "login_view",
    "follow_up_phrases": "follow_up",
    "our_document_phrases": "our_documents",
    "research_phrases": "research",
    "fee_demand_phrases": "fee_demand",
    "registration_phrases": "registration",
    "friendship_phrases": "friendship",
}
MIN_OFFER_PHRASES = 2  # sells_to_us: at least this many offer phrases ...
OFFER_RATIO = 2  # ... and this many times as many as request phrases


def sells_to_us(offers: float, requests: float) -> float:
    """1.0 when the text offers clearly more than it asks for; NaN when unknown."""
    if np.isnan(offers) or np.isnan(requests):
        return np.nan
    return float(offers >= MIN_OFFER_PHRASES and offers >= OFFER_RATIO * requests)


def text_language(text: str, languages: tuple[str, ...]) -> str:
    """The language the phrase lists read ``text`` in (the phrasing family's detector).

    The detector only asks whether there are ``MIN_LETTERS`` letters: counting stops there
    (a long body's letters are not all counted)."""
    letters = sum(1 for _ in islice(_LETTER.finditer(text), MIN_LETTERS))
    return detect_language(text, languages, letters)


class IntentFeatures(FeatureFamily):
    """Offer vs request, payment and credential lures, follow-up words; in every language
    that has a phrase file. ``languages``: the codes the detector may answer (None: the
    package's list)."""

    feature_names = (*CONCEPT_COUNTS, "sells_to_us")

    def __init__(self, languages: Sequence[str] | None = None) -> None:
        self.languages = languages

    def _columns(self, X: pd.DataFrame) -> dict[str, list]:
        languages = tuple(self.languages or load_patterns()["languages"])
        subjects, bodies = text_column(X, schema.SUBJECT), text_column(X, schema.BODY)
        out: dict[str, list] = {name: [] for name in self.feature_names}
        concepts = frozenset(CONCEPT_COUNTS.values())
        for subject, body in zip(subjects, bodies, strict=True):
            text = f"{subject}\n{body}"
            language = text_language(text, languages)
            read_as = ANY_LANGUAGE if language == UNKNOWN_LANGUAGE else language
            words_of = lexicon(read_as)
            found = words_of.count(tokens(text, read_as), concepts) if words_of else None
            for name, concept in CONCEPT_COUNTS.items():
                known = words_of is not None and concept in words_of.own
                out[name].append(float(found[concept]) if known and found is not None else np.nan)
            out["sells_to_us"].append(
                sells_to_us(out["offer_phrases"][-1], out["request_phrases"][-1])
            )
        return out
