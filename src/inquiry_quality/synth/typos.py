"""Typing errors: swapped, dropped and doubled letters, as hurried writers make them."""

from __future__ import annotations

import re

import numpy as np

# Only plain words change: model numbers, addresses, links and numbers stay intact.
_WORD = re.compile(r"[^\W\d_]{4,}")


def misspell(word: str, rng: np.random.Generator) -> str:
    """One typing error inside ``word`` (words shorter than 3 letters are kept)."""
    if len(word) < 3:
        return word
    i = int(rng.integers(1, len(word) - 1))
    kind = int(rng.integers(3))
    if kind == 0:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == 1:
        return word[:i] + word[i + 1 :]
    return word[:i] + word[i] + word[i:]


def add_typos(text: str, rate: float, rng: np.random.Generator) -> str:
    """Misspell about ``rate`` of the words of four letters or more."""
    if rate <= 0:
        return text
    tokens = re.split(r"(\s+)", text)
    for index, token in enumerate(tokens):
        if _WORD.fullmatch(token) and rng.random() < rate:
            tokens[index] = misspell(token, rng)
    return "".join(tokens)
