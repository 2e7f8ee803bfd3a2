"""The text a wording reason quotes: the model's strongest n-grams that a rep can read.

An n-gram is quoted only when it carries meaning: not stop words alone (spaCy's lists for
every language the phrase lists know), not a placeholder alone ("[number]"), and no personal
name: no word of the sender's name or address, and no word the text only ever writes
capitalised inside a sentence ("Vazquez", "Wang"). Each is shown in its context in the
cleaned text ("…send me your price list and…"), at most ``QUOTED`` of them.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterable, Sequence
from functools import cache
from importlib import resources
from typing import Final

import pandas as pd

from inquiry_quality.core import schema
from inquiry_quality.features.patterns import load_patterns
from inquiry_quality.features.phrasing import GENERIC_ADDRESSEES
from inquiry_quality.features.text import EMAIL_TOKEN, NUMBER_TOKEN, URL_TOKEN, readable

QUOTED: Final = 3  # n-grams a wording reason quotes at most
CONTEXT_WORDS: Final = 3  # words shown either side of a quoted n-gram
PLACEHOLDERS: Final = frozenset(t.strip() for t in (EMAIL_TOKEN, NUMBER_TOKEN, URL_TOKEN))
_WORD: Final = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
NOUNS_CAPITALISED: Final = frozenset({"de", "lb"})  # German writes "Hallenstrahler"
_SENTENCE_START: Final = re.compile(r"(?:^|[.!?:;\n]\s*)$")
_TITLE_BEFORE: Final = re.compile(r"\b(?:mr|ms|mrs|dr|sr|sra|srta|prof)\.\s*$", re.IGNORECASE)


@cache
def stop_words() -> frozenset[str]:
    """spaCy's stop words of every language the phrase lists know (where spaCy has a list)."""
    words: set[str] = set()
    for language in load_patterns()["languages"]:
        words |= {w.lower() for w in _spacy_stop_words(language)}
    return frozenset(words)


def _spacy_stop_words(language: str) -> set[str]:
    """``spacy.lang.<language>.stop_words.STOP_WORDS`` (empty where spaCy has none), read
    without importing the language's package, whose tokenizer exceptions take seconds to
    build (French: ~3 s a process)."""
    path = resources.files("spacy.lang").joinpath(language, "stop_words.py")
    spec = importlib.util.spec_from_file_location(f"_stop_words_{language}", str(path))
    if spec is None or spec.loader is None or not path.is_file():
        return set()
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.STOP_WORDS


def name_words(raw: dict[str, object], language: str = "") -> frozenset[str]:
    """Words of one inquiry that name a person: the sender's name and address, and the words
    the text only ever writes capitalised and at least once inside a sentence (but for
    stop words and generic addressees: "Dear Sir/Madam"; and not in a language that
    capitalises every noun, ``NOUNS_CAPITALISED``)."""
    own = " ".join(
        str(raw.get(c) or "") for c in (schema.SENDER_NAME, schema.SENDER_EMAIL, schema.COMPANY)
    )
    names = {w.lower() for w in re.split(r"[\W\d_]+", own) if len(w) > 1}
    if language in NOUNS_CAPITALISED:
        return frozenset(names)
    text = "\n".join(str(raw.get(c) or "") for c in (schema.SUBJECT, schema.BODY, schema.SIGNATURE))
    seen_lower: set[str] = set()
    inside: set[str] = set()
    for match in _WORD.finditer(text):
        word = match.group(0)
        if not word.istitle():
            seen_lower.add(word.lower())
        else:
            before = text[max(0, match.start() - 8) : match.start()]
            if _TITLE_BEFORE.search(before) or not _SENTENCE_START.search(before[-3:]):
                inside.add(word.lower())
    return frozenset(names | (inside - seen_lower - GENERIC_ADDRESSEES - stop_words()))


def meaningful(term: str, names: frozenset[str]) -> bool:
    """Whether an n-gram says something: a word that is no stop word, placeholder or name,
    and no name at all in it."""
    words = term.split(" ")
    if any(w in names for w in words):
        return False
    stops = stop_words()
    return any(w not in stops and w not in PLACEHOLDERS and len(w) > 2 for w in words)


def in_context(term: str, text: str, names: frozenset[str] = frozenset()) -> str | None:
    """``term`` with up to ``CONTEXT_WORDS`` words either side (stopping before a name), as
    the cleaned ``text`` has it ("…send me your price list and…"); None if the text lacks it."""
    words, wanted = text.split(" "), term.split(" ")
    for i in range(len(words) - len(wanted) + 1):
        if words[i : i + len(wanted)] == wanted:
            start, end = i, i + len(wanted)
            while start > max(0, i - CONTEXT_WORDS) and _bare(words[start - 1]) not in names:
                start -= 1
            while end < min(len(words), i + len(wanted) + CONTEXT_WORDS) and (
                _bare(words[end]) not in names
            ):
                end += 1
            shown = readable(" ".join(words[start:end]))
            return ("…" if start else "") + shown + ("…" if end < len(words) else "")
    return None


def _bare(word: str) -> str:
    return word.strip(".,;:!?()[]\"'")


def evidence(
    terms: Iterable[str],
    clean_text: str,
    raw: dict[str, object],
    language: str = "",
    limit: int = QUOTED,
) -> list[str]:
    """The first ``limit`` meaningful ``terms`` (strongest first), each in its context; an
    n-gram already shown inside an earlier one's context is not repeated."""
    names = name_words(raw, language)
    shown: list[str] = []
    for term in terms:
        if len(shown) == limit:
            break
        if not meaningful(term, names) or any(readable(term) in s for s in shown):
            continue
        context = in_context(term, clean_text, names)
        if context is not None:
            shown.append(context)
    return shown


def quoted_evidence(
    terms: Sequence[Sequence[str]],
    clean_texts: pd.Series,
    raw: pd.DataFrame,
    languages: pd.Series | None = None,
) -> list[list[str]]:
    """``evidence`` for every row (``terms``, ``clean_texts``, ``raw`` and the detected
    ``languages`` row-aligned)."""
    records = raw.to_dict("records")
    codes = [""] * len(records) if languages is None else languages.astype(str).tolist()
    return [
        evidence(row_terms, str(text), record, code)
        for row_terms, text, record, code in zip(terms, clean_texts, records, codes, strict=True)
    ]
