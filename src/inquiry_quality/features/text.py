"""Text family: the cleaned text the model turns into word and character n-grams.

Addresses, links and numbers are replaced by placeholder tokens so the model learns "an
inquiry with a link" rather than one particular link.
"""

from __future__ import annotations

import re

import pandas as pd

from inquiry_quality import schema
from inquiry_quality.features.base import FeatureFamily, text_column

EMAIL_TOKEN, URL_TOKEN, NUMBER_TOKEN = " xxemail ", " xxurl ", " xxnum "
_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_NUMBER = re.compile(r"\b\d+(?:[.,]\d+)*\b")
_SPACE = re.compile(r"\s+")


def clean_text(subject: str, body: str) -> str:
    """Subject and body, lower-cased, with e-mails, URLs and numbers as tokens."""
    text = f"{subject}\n{body}".lower()
    if "http" in text or "www." in text:
        text = _URL.sub(URL_TOKEN, text)
    if "@" in text:
        text = _EMAIL.sub(EMAIL_TOKEN, text)
    text = _NUMBER.sub(NUMBER_TOKEN, text)
    return _SPACE.sub(" ", text).strip()


class TextFeatures(FeatureFamily):
    """The ``clean_text`` column."""

    feature_names = ("clean_text",)

    def _columns(self, X: pd.DataFrame) -> dict[str, list]:
        subjects = text_column(X, schema.SUBJECT)
        bodies = text_column(X, schema.BODY)
        return {"clean_text": [clean_text(s, b) for s, b in zip(subjects, bodies, strict=True)]}
