"""Text family: the cleaned text the model turns into n-grams (words; characters where configured).

Addresses, links and numbers are replaced by placeholder tokens so the model learns "an
inquiry with a link" rather than one particular link; with ``keep_link_hosts`` a link becomes
the token and the host it points to (``xxurl example.com``: where a link leads is what the sender
chose, its path and tracking ids are not). With ``strip_list_artefacts`` the mailing-list tag of
the subject and the list footer of the body are removed first (``listmail``).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pandas as pd

from inquiry_quality.core import schema
from inquiry_quality.features.base import FeatureFamily, text_column
from inquiry_quality.features.listmail import (
    strip_list_footer,
    strip_list_tag,
    strip_mime_boundaries,
)

EMAIL_TOKEN, URL_TOKEN, NUMBER_TOKEN = " xxemail ", " xxurl ", " xxnum "
_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_NUMBER = re.compile(r"\b\d+(?:[.,]\d+)*\b")
_SPACE = re.compile(r"\s+")
_WWW = re.compile(r"^www\d*\.")
_SAID: dict[str, str] = {  # each placeholder as a reader would say it
    EMAIL_TOKEN.strip(): "[e-mail address]",
    URL_TOKEN.strip(): "[link]",
    NUMBER_TOKEN.strip(): "[number]",
}


def _url_with_host(match: re.Match[str]) -> str:
    """The URL token followed by the link's host name (``www.`` dropped), if it has one."""
    url = match.group(0)
    try:
        host = urlsplit(url if "://" in url else f"http://{url}").hostname or ""
    except ValueError:  # a malformed address (an unclosed IPv6 bracket, ...)
        host = ""
    host = _WWW.sub("", host)
    return f"{URL_TOKEN}{host} " if host else URL_TOKEN


def clean_text(
    subject: str, body: str, strip_list_artefacts: bool = False, keep_link_hosts: bool = False
) -> str:
    """Subject and body, lower-cased, with e-mails, URLs and numbers as tokens.

    ``strip_list_artefacts``: without the subject's list tag, the body's list footer and MIME
    boundary lines;
    ``keep_link_hosts``: each URL token is followed by the link's host name.
    """
    if strip_list_artefacts:
        subject, body = strip_list_tag(subject), strip_mime_boundaries(strip_list_footer(body))
    text = f"{subject}\n{body}".lower()
    if "http" in text or "www." in text:
        text = _URL.sub(_url_with_host if keep_link_hosts else URL_TOKEN, text)
    if "@" in text:
        text = _EMAIL.sub(EMAIL_TOKEN, text)
    text = _NUMBER.sub(NUMBER_TOKEN, text)
    return _SPACE.sub(" ", text).strip()


def readable(term: str) -> str:
    """An n-gram of ``clean_text`` as a reason quotes it: ``xxurl cnet`` is ``[link] cnet``."""
    return " ".join(_SAID.get(word, word) for word in term.split(" "))


class TextFeatures(FeatureFamily):
    """The ``clean_text`` column (``strip_list_artefacts``, ``keep_link_hosts``: see
    ``clean_text``)."""

    feature_names = ("clean_text",)

    def __init__(self, strip_list_artefacts: bool = False, keep_link_hosts: bool = False) -> None:
        self.strip_list_artefacts = strip_list_artefacts
        self.keep_link_hosts = keep_link_hosts

    def _columns(self, X: pd.DataFrame) -> dict[str, list]:
        subjects = text_column(X, schema.SUBJECT)
        bodies = text_column(X, schema.BODY)
        strip, hosts = self.strip_list_artefacts, self.keep_link_hosts
        return {
            "clean_text": [
                clean_text(s, b, strip, hosts) for s, b in zip(subjects, bodies, strict=True)
            ]
        }
