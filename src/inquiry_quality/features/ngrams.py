"""Keyword lookup by sets of lower-cased word n-grams.

One pass splits a text into words; every list of phrases is then a set intersection. This is
several times faster than a regular expression with a long alternation (STACK-NOTES.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_WORD = re.compile(r"[^\W_]+(?:[/&'’][^\W_]+)*")
MAX_N = 3


def words(text: str) -> list[str]:
    """Lower-cased words; ``t/t``, ``l/c`` and ``c&f`` stay one word."""
    return _WORD.findall(text.lower())


def phrase_set(phrases: Iterable[str]) -> frozenset[str]:
    """Phrases normalised the way :func:`ngram_set` splits text (at most ``MAX_N`` words)."""
    normalised = frozenset(" ".join(words(p)) for p in phrases)
    too_long = sorted(p for p in normalised if p.count(" ") >= MAX_N)
    if too_long:
        raise ValueError(f"phrases longer than {MAX_N} words cannot be matched: {too_long}")
    return normalised


def first_words(*phrase_sets: frozenset[str]) -> frozenset[str]:
    """The words that start a multi-word phrase of any of ``phrase_sets``."""
    return frozenset(p.split(" ", 1)[0] for s in phrase_sets for p in s if " " in p)


def ngram_set(text: str, starters: frozenset[str] | None = None) -> set[str]:
    """The words of ``text`` and its 2- to ``MAX_N``-word sequences, lower-cased.

    With ``starters``, only sequences beginning with one of those words are built: all that
    a lookup of known phrases needs, at a fraction of the cost.
    """
    tokens = words(text)
    grams = set(tokens)
    for i, token in enumerate(tokens):
        if starters is None or token in starters:
            grams.update(" ".join(tokens[i : i + n]) for n in range(2, MAX_N + 1))
    return grams
