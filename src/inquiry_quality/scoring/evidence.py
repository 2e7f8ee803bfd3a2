"""The text a wording reason quotes: the model's strongest n-grams that a rep can read.

An n-gram is quoted only when it carries meaning: not stop words alone (spaCy's lists of the
text's language and English), not a placeholder alone ("[number]"), a single word
only when the phrase lists or the trade words know it or it is long (short words are the
common ones: "item", "send"), and no personal name: no word of the sender's name or address,
and no word the text only ever writes capitalised inside a sentence ("Vazquez", "Wang").
Wording quoted against an inquiry is never the buyer's product or trade vocabulary alone
(``trade_words``: "prix cif", "светодиодных светильников", "200w") or the words of the
exporter's own product names (``product_words``: "high bay", "panel light"): whatever
weight the model gives those words, a rep reads them as a buyer's. Wording quoted for an
inquiry never shows (context included) a word of a sign of junk the features read in the
text (``junk_cues``: "price list", "all your products", "registration fee"): a rep would
read it as the reason against. Each is shown in its context in the cleaned text ("…send me
your price list and…"), at most ``QUOTED`` of them, none repeating words an earlier one
shows.
"""

from __future__ import annotations

import importlib.util
import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from itertools import accumulate
from typing import Final

import pandas as pd

from inquiry_quality.core import schema
from inquiry_quality.features.catalogue import Catalogue, catalogue_terms
from inquiry_quality.features.completeness import INCOTERMS
from inquiry_quality.features.lexicon import (
    ANY_LANGUAGE,
    ENGLISH,
    fold,
    lexicon,
    lexicon_files,
    trade_word_lists,
)
from inquiry_quality.features.patterns import load_patterns
from inquiry_quality.features.phrasing import GENERIC_ADDRESSEES, MARKER_LISTS
from inquiry_quality.features.text import EMAIL_TOKEN, NUMBER_TOKEN, URL_TOKEN, readable
from inquiry_quality.scoring.followups import Inquiries, as_records

QUOTED: Final = 3  # n-grams a wording reason quotes at most
CONTEXT_WORDS: Final = 3  # words shown either side of a quoted n-gram
PLACEHOLDERS: Final = frozenset(t.strip() for t in (EMAIL_TOKEN, NUMBER_TOKEN, URL_TOKEN))
TOKEN: Final = re.compile(r"(?u)\b\w\w+\b")  # the model's word tokens (scikit-learn's default)
_WORD: Final = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
NOUNS_CAPITALISED: Final = frozenset({"de", "lb"})  # German writes "Hallenstrahler"
_SENTENCE_START: Final = re.compile(r"(?:^|[.!?:;\n]\s*)$")
_TITLE_BEFORE: Final = re.compile(r"\b(?:mr|ms|mrs|dr|sr|sra|srta|prof)\.\s*$", re.IGNORECASE)
#: a single word shorter than this is quoted only if the phrase lists know it (Zipf: the
#: frequent, empty words are the short ones)
LONG_WORD: Final = 9
#: the lexicon concepts that are a buyer's trade vocabulary (data/lexicon/)
TRADE_CONCEPTS: Final = (
    "specification",
    "quantity_units",
    "packaging",
    "destination",
    "delivery",
    "payment_terms",
    "request",
    "greeting_formal",
    "personal_titles",
)
#: the lexicon concepts that are signs of junk (data/lexicon/)
JUNK_CONCEPTS: Final = (
    "offer",
    "bank_change",
    "invoice_resend",
    "credential",
    "login_view",
    "research",
    "fee_demand",
    "registration",
    "friendship",
)
_INCOTERM_SET: Final = frozenset(INCOTERMS)
#: phrases by first word: the longest one's length and the phrases
_ByFirst = dict[str, tuple[int, frozenset[tuple[str, ...]]]]
STEM: Final = 5  # a trade word this long also matches the words it begins or ends


@cache
def stop_words(language: str = "") -> frozenset[str]:
    """spaCy's stop words of ``language`` and English, which mail in every language
    borrows; of every language the phrase lists know when ``language`` is unknown or one
    spaCy has no list for."""
    codes = load_patterns()["languages"]
    if language in codes and language != ENGLISH and _spacy_stop_words(language):
        return _spacy_stop_words(language) | _spacy_stop_words(ENGLISH)
    return frozenset().union(*(_spacy_stop_words(code) for code in codes))


@cache
def _spacy_stop_words(language: str) -> frozenset[str]:
    """``spacy.lang.<language>.stop_words.STOP_WORDS`` (empty where spaCy has none), read
    without importing the language's package, whose tokenizer exceptions take seconds to
    build (French: ~3 s a process)."""
    path = resources.files("spacy.lang").joinpath(language, "stop_words.py")
    spec = importlib.util.spec_from_file_location(f"_stop_words_{language}", str(path))
    if spec is None or spec.loader is None or not path.is_file():
        return frozenset()
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return frozenset(w.lower() for w in module.STOP_WORDS)


@cache
def known_words() -> frozenset[str]:
    """The single-word phrases of every language's phrase lists (folded)."""
    return frozenset(
        fold(phrase)
        for concepts in lexicon_files().values()
        for phrases in concepts.values()
        for phrase in phrases
        if " " not in phrase.strip()
    )


@cache
def trade_words() -> frozenset[str]:
    """A buyer's product and trade words in every language (folded): ``data/trade_words.yaml``,
    the one-word phrases of the trade concepts, and the Incoterms; no stop words."""
    listed = trade_word_lists()
    words = {str(w) for group in listed.values() for ws in group.values() for w in ws}
    for concepts in lexicon_files().values():
        for concept in TRADE_CONCEPTS:
            words.update(p.strip() for p in concepts.get(concept, ()) if " " not in p.strip())
    folded = {fold(w) for w in words} | set(INCOTERMS)
    return frozenset(folded - {fold(w) for w in stop_words()})


@lru_cache(maxsize=1 << 16)
def is_trade(word: str) -> bool:
    """Whether ``word`` is product or trade vocabulary: a trade word, its inflection or a
    compound ending in it ("paneles", "hallenstrahler"), or a value with digits ("200w")."""
    word = fold(word)
    if any(c.isdigit() for c in word):
        return True
    trade = trade_words()
    return word in trade or any(
        word[:k] in trade or word[-k:] in trade for k in range(STEM, len(word))
    )


def product_words(catalogue: Catalogue) -> frozenset[str]:
    """The words (folded) of the exporter's product names and categories (their stop words
    do no harm: ``meaningful`` never counts a stop word as content)."""
    _, products = catalogue_terms(catalogue)
    return frozenset(fold(w) for product in products for w in _WORD.findall(product))


@cache
def junk_cues() -> frozenset[tuple[str, ...]]:
    """The phrases (folded words) the features read as signs of junk: the phrase lists'
    markers (catalogue and whole-range requests, mass mail, scam, money transfer, phishing)
    and the junk concepts of every language's lexicon."""
    patterns = load_patterns()
    phrases = {str(p) for label in MARKER_LISTS for p in patterns[label]}
    for concepts in lexicon_files().values():
        for concept in JUNK_CONCEPTS:
            phrases.update(str(p) for p in concepts.get(concept, ()))
    return frozenset(tuple(fold(w) for w in TOKEN.findall(p.lower())) for p in phrases) - {()}


@cache
def _junk_cues_by_first() -> _ByFirst:
    return _by_first(junk_cues())


def junk_cue_words(text: str, language: str = "") -> frozenset[str]:
    """The words (folded, no stop words) of ``text`` that stand in one of the ``junk_cues``:
    "list" in "send your price list and catalogue"."""
    words = [_folded_word(w) for w in text.split(" ")]
    return frozenset(_words_in(words, _junk_cues_by_first()) - stop_words(language))


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


def meaningful(
    term: str,
    names: frozenset[str],
    against: bool = False,
    trade: frozenset[str] = frozenset(),
    language: str = "",
) -> bool:
    """Whether an n-gram says something: no name in it, a word that is no stop word or
    placeholder, a single word only if known (phrase lists, trade words) or long; ``against``
    an inquiry, a word that is no trade vocabulary either (``is_trade``, or one of ``trade``:
    the words of the text's own trade phrases, ``trade_phrase_words``); stop words of the
    text's ``language``."""
    words = term.split(" ")
    if any(w in names for w in words):
        return False
    stops = stop_words(language)
    content = [w for w in words if w not in stops and w not in PLACEHOLDERS and len(w) > 2]
    if len(words) == 1 and content:
        word = content[0]
        if len(word) < LONG_WORD and not (fold(word) in known_words() or is_trade(word)):
            return False
    if against:
        content = [w for w in content if not is_trade(w) and fold(_bare(w)) not in trade]
    return bool(content)


def trade_phrase_words(text: str, language: str) -> frozenset[str]:
    """The words (folded) of ``text`` that stand in one of its trade phrases: "plazo de
    entrega", "carta de crédito" (the trade concepts of the language's phrase lists), and
    the place an Incoterm names ("fob ningbo", "cif santos")."""
    words = [_folded_word(w) for w in text.split(" ")]
    inside = _words_in(words, _trade_phrases(language))
    inside.update(words[i + 1] for i, word in enumerate(words[:-1]) if word in _INCOTERM_SET)
    return frozenset(inside)


@lru_cache(maxsize=32)
def _trade_phrases(language: str) -> _ByFirst:
    """The trade phrases of two words or more that ``trade_phrase_words`` reads ``language``
    against (its lexicon, else every language's)."""
    found = lexicon(language) or lexicon(ANY_LANGUAGE)
    return _by_first(
        key
        for key, concepts in (found.phrases if found else {}).items()
        if len(key) > 1 and set(TRADE_CONCEPTS) & concepts
    )


def _by_first(phrases: Iterable[tuple[str, ...]]) -> _ByFirst:
    by_first: dict[str, set[tuple[str, ...]]] = {}
    for phrase in phrases:
        by_first.setdefault(phrase[0], set()).add(phrase)
    return {first: (max(map(len, keys)), frozenset(keys)) for first, keys in by_first.items()}


def _words_in(words: list[str], phrases: _ByFirst) -> set[str]:
    """The ``words`` that stand in one of ``phrases`` (looked up by their first word)."""
    inside: set[str] = set()
    starts = [i for i, word in enumerate(words) if word in phrases]  # most begin none
    for i in starts:
        longest, keys = phrases[words[i]]
        for n in range(1, min(longest, len(words) - i) + 1):
            if tuple(words[i : i + n]) in keys:
                inside.update(words[i : i + n])
    return inside


@lru_cache(maxsize=1 << 16)
def _folded_word(word: str) -> str:
    return fold(_bare(word))


def in_context(term: str, text: str, names: frozenset[str] = frozenset()) -> str | None:
    """``term`` with up to ``CONTEXT_WORDS`` words either side (stopping before a name), as
    the cleaned ``text`` has it ("…send me your price list and…"); None if the text lacks it.
    The term's words are the model's tokens (``TOKEN``), so "prix cif" is found in "prix-cif"."""
    found = _locate(term, _Words.of(text), names)
    return None if found is None else found[0]


@dataclass(frozen=True)
class _Words:
    """A cleaned text split once for every term looked up in it: the model's tokens (their
    strings, starts and ends, and where each token string occurs) and the space-separated
    words with each one's end + 1."""

    tokens: list[str]
    starts: list[int]
    token_ends: list[int]
    at: dict[str, list[int]]  # token string -> its indexes in ``tokens``, in order
    words: list[str]
    ends: list[int]

    @classmethod
    def of(cls, text: str) -> _Words:
        matches = list(TOKEN.finditer(text))
        tokens = [m.group(0) for m in matches]
        at: dict[str, list[int]] = {}
        for i, token in enumerate(tokens):
            at.setdefault(token, []).append(i)
        words = text.split(" ")
        return cls(
            tokens,
            [m.start() for m in matches],
            [m.end() for m in matches],
            at,
            words,
            list(accumulate(len(w) + 1 for w in words)),
        )


def _locate(term: str, text: _Words, names: frozenset[str]) -> tuple[str, range, range] | None:
    """``in_context``'s words, and the ranges of the text's words of the term and of all it
    shows."""
    wanted = term.split(" ")
    tokens, words, ends, n = text.tokens, text.words, text.ends, len(wanted)
    for i in text.at.get(wanted[0], ()):
        if tokens[i : i + n] == wanted:
            first = bisect_right(ends, text.starts[i])
            last = bisect_right(ends, text.token_ends[i + n - 1] - 1)
            start, end = first, last + 1
            while start > max(0, first - CONTEXT_WORDS) and _bare(words[start - 1]) not in names:
                start -= 1
            while end < min(len(words), last + 1 + CONTEXT_WORDS) and (
                _bare(words[end]) not in names
            ):
                end += 1
            shown = readable(" ".join(words[start:end]))
            shown = ("…" if start else "") + shown + ("…" if end < len(words) else "")
            return shown, range(first, last + 1), range(start, end)
    return None


def _bare(word: str) -> str:
    return word.strip(".,;:!?()[]\"'")


def evidence(
    terms: Iterable[str],
    clean_text: str,
    raw: dict[str, object],
    language: str = "",
    limit: int = QUOTED,
    against: bool = False,
    products: frozenset[str] = frozenset(),
) -> list[str]:
    """The first ``limit`` meaningful ``terms`` (strongest first; ``against``: the terms that
    speak against the inquiry, none of the text's trade phrases nor only ``products`` words;
    else none showing, context included, a word of the text's junk cues),
    each in its context; an n-gram whose words an earlier one already showed is not
    repeated."""
    names = name_words(raw, language)
    trade = trade_phrase_words(clean_text, language) | products if against else frozenset()
    junk = frozenset() if against else junk_cue_words(clean_text, language)
    shown: list[str] = []
    seen: set[int] = set()  # the text's words the quotes show, context included
    split: _Words | None = None  # made at the first term looked up
    for term in terms:
        if len(shown) == limit:
            break
        if not meaningful(term, names, against, trade, language):
            continue
        split = split or _Words.of(clean_text)
        found = _locate(term, split, names)
        if junk and found and junk.intersection(_folded_word(split.words[k]) for k in found[2]):
            continue  # the quote, context included, would show a sign of junk
        if found is not None and not seen.intersection(found[1]):
            shown.append(found[0])
            seen.update(found[2])
    return shown


def quoted_evidence(
    terms: Sequence[Sequence[str]],
    clean_texts: pd.Series,
    raw: Inquiries,
    languages: pd.Series | None = None,
    against: bool = False,
    rows: Sequence[bool] | None = None,
    products: frozenset[str] = frozenset(),
) -> list[list[str]]:
    """``evidence`` for every row (``terms``, ``clean_texts``, ``raw`` and the detected
    ``languages`` row-aligned; ``raw`` as a frame or its rows as mappings); for the ``rows``
    marked True only, when given (the others get none)."""
    records = as_records(raw)
    codes = [""] * len(records) if languages is None else languages.astype(str).tolist()
    wanted = [True] * len(records) if rows is None else list(rows)
    return [
        evidence(row_terms, str(text), record, code, against=against, products=products)
        if want
        else []
        for row_terms, text, record, code, want in zip(
            terms, clean_texts, records, codes, wanted, strict=True
        )
    ]
