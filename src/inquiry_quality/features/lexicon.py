"""Per-language phrase lists (``inquiry_quality/data/lexicon/<language>.yaml``) and their lookup.

A text is tokenised by ``spacy.blank(<its language>)``'s tokenizer after lower-casing and
dropping accents (so "Cotización" and "cotizacion" are one word); punctuation tokens are
skipped. Each concept's phrases are tokenised the same way and looked up as tuples of tokens
(a dictionary lookup per token, STACK-NOTES: much faster than one big regular expression).
A language's own file is merged with English, since non-English mail often borrows English
trade words; a text whose language is unknown (too short to tell) is read against every file.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from types import SimpleNamespace
from typing import Final

import spacy
from spacy.attrs import IS_PUNCT, IS_SPACE, IS_TITLE, LOWER, NORM
from spacy.language import Language, create_tokenizer
from spacy.tokenizer import Tokenizer
from spacy.tokens import Token
from spacy.util import get_lang_class

from inquiry_quality.core.config import read_yaml

LEXICON_DIR = "lexicon"
ENGLISH = "en"
ANY_LANGUAGE = "xx"  # spaCy's multi-language tokenizer, for texts of unknown language
#: spaCy's default tokenizer, registered under this name, built without the whitespace cases
LEAN_TOKENIZER: Final = "inquiry_quality.LeanTokenizer.v1"
_STOCK_TOKENIZER: Final = "spacy.Tokenizer.v1"
CONCEPTS = (
    "offer",
    "request",
    "bank_change",
    "invoice_resend",
    "credential",
    "login_view",
    "follow_up",
    "our_documents",
    "research",
    "fee_demand",
    "registration",
    "friendship",
    "specification",
    "packaging",
    "destination",
    "delivery",
    "payment_terms",
    "quantity_units",
    "greeting_formal",
    "greeting_casual",
    "personal_titles",
    "proclitics",  # not a concept: prefixes written onto the next word (Arabic و, ب, ل)
)
_MARKS = re.compile(r"[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u0640]")  # accents, harakat
_FOLDS = str.maketrans({"ı": "i", "ß": "ss", "’": "'"})


def fold(text: str) -> str:
    """Lower-cased, accents and Arabic diacritics dropped ("Señor" -> "senor")."""
    decomposed = unicodedata.normalize("NFKD", text.lower().translate(_FOLDS))
    return unicodedata.normalize("NFC", _MARKS.sub("", decomposed))


_TOKEN_ATTRS = frozenset({LOWER, NORM, IS_PUNCT, IS_SPACE, IS_TITLE})  # what readers use
PIECES_KEPT: Final = 100_000  # pieces whose words ``tokens`` keeps, per language (~20 MB)


@lru_cache(maxsize=1)
def lexicon_files() -> dict[str, dict[str, tuple[str, ...]]]:
    """Each language's concepts and phrases, as written in its file."""
    folder = resources.files("inquiry_quality.data").joinpath(LEXICON_DIR)
    files: dict[str, dict[str, tuple[str, ...]]] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".yaml"):
            continue
        raw = read_yaml(entry.read_text("utf-8")) or {}
        unknown = sorted(set(raw) - set(CONCEPTS))
        if unknown:
            raise ValueError(f"{LEXICON_DIR}/{entry.name}: unknown concept(s) {unknown}")
        files[entry.name.removesuffix(".yaml")] = {
            concept: tuple(str(p) for p in phrases) for concept, phrases in raw.items()
        }
    return files


@lru_cache(maxsize=1)
def trade_word_lists() -> dict[str, dict[str, list[str]]]:
    """``data/trade_words.yaml``: a buyer's product and trade words, by group and language."""
    text = resources.files("inquiry_quality.data").joinpath("trade_words.yaml")
    return read_yaml(text.read_text("utf-8"))


def languages_with(concept: str) -> tuple[str, ...]:
    """The languages whose own file lists ``concept``."""
    return tuple(lang for lang, concepts in lexicon_files().items() if concepts.get(concept))


@lru_cache(maxsize=32)
def tokenizer(language: str) -> Tokenizer:
    """``spacy.blank(language)``'s tokenizer, lean (``lean_tokenizer``: its readers use
    ``is_punct``, ``is_space`` and ``is_title``); built once per process."""
    nlp = blank(language)
    lean_tokenizer(nlp, _TOKEN_ATTRS)
    return nlp.tokenizer


@spacy.registry.tokenizers(LEAN_TOKENIZER)
def lean_tokenizer_factory() -> Callable[[Language], Tokenizer]:
    """spaCy's default tokenizer for a language, its special cases for single whitespace
    characters left out (see ``lean_tokenizer``)."""
    stock = create_tokenizer()

    def build(nlp: Language) -> Tokenizer:
        exceptions = nlp.Defaults.tokenizer_exceptions or {}
        lean = {k: v for k, v in exceptions.items() if not k.isspace()}
        defaults = type("LeanDefaults", (nlp.Defaults,), {"tokenizer_exceptions": lean})
        return stock(SimpleNamespace(vocab=nlp.vocab, Defaults=defaults))

    return build


def blank(language: str) -> Language:
    """``spacy.blank(language)`` with its tokenizer built lean at once (``LEAN_TOKENIZER``):
    the same tokens, but its special cases loaded once rather than loaded and then reloaded
    without the whitespace ones (~50 ms a language, in every process)."""
    stock = get_lang_class(language).default_config["nlp"]["tokenizer"]
    if stock.get("@tokenizers") != _STOCK_TOKENIZER:  # Chinese's splits characters
        return spacy.blank(language)
    return spacy.blank(language, config={"nlp": {"tokenizer": {"@tokenizers": LEAN_TOKENIZER}}})


def load_languages() -> None:
    """Build every language's ``tokenizer`` and ``lexicon`` now: a server warming up, whose
    first text in a language would otherwise wait ~100-200 ms for them."""
    for language in lexicon_files():
        tokenizer(language)
        lexicon(language)


def tokenizer_modules() -> list[str]:
    """The spaCy language packages that ``tokenizer`` imports for the lexicons' languages
    (French's takes ~3 s to import): a worker pool preloads them, to import them once."""
    return [f"spacy.lang.{language}" for language in lexicon_files()]


def lean_tokenizer(nlp: Language, attrs: Iterable[int]) -> None:
    """Make ``nlp``'s tokenizer cheap on e-mail without changing its tokens.

    Two defaults cost most of the time on e-mail: the special cases for single whitespace
    characters (the tokenizer splits on whitespace by itself, but their presence sends every
    Doc with a newline through the special-case matcher), and computing every lexical
    attribute of each new word (names, numbers and ids make many): only ``attrs`` (spaCy
    attribute ids), those the caller reads, are kept.
    """
    tokenizer = nlp.tokenizer
    rules = (tokenizer.rules or {}) if isinstance(tokenizer, Tokenizer) else {}  # Chinese: none
    if any(k.isspace() for k in rules):  # not built by ``blank``: reloaded without them
        tokenizer.rules = {k: v for k, v in rules.items() if not k.isspace()}
    keep = frozenset(attrs)
    getters = nlp.vocab.lex_attr_getters
    nlp.vocab.lex_attr_getters = {k: v for k, v in getters.items() if k in keep}


def tokens(text: str, language: str) -> list[str]:
    """The folded words of ``text`` as ``language``'s tokenizer splits them, punctuation
    dropped.

    spaCy's tokenizer cuts a text at whitespace first and splits each piece between on its
    own, so the words of each distinct piece are kept (``_piece_words``) and a text costs a
    dictionary lookup per piece: most pieces of mail recur, and building a Doc of a long
    body was most of this call's time. Chinese's segmenter reads whole texts: not kept.

    Past ``PIECES_KEPT`` pieces (a long run's ids, numbers and names) the pieces and the
    tokenizers are let go, so that memory stays flat: a spaCy tokenizer keeps every word it
    has met in its vocabulary, for good."""
    known = _piece_words(language)
    if len(known) > PIECES_KEPT:
        known.clear()
        tokenizer.cache_clear()
    tokenize = tokenizer(language)
    folded = fold(text)
    if not isinstance(tokenize, Tokenizer):
        return _words(tokenize(folded))
    pieces = folded.split()
    new = [p for p in dict.fromkeys(pieces) if p not in known]
    if new:  # one Doc for all the text's new pieces (a Doc each cost twice the time)
        known.update(zip(new, _words_by_piece(tokenize(" ".join(new))), strict=True))
    return [word for piece in pieces for word in known[piece]]


def _is_word(token: Token) -> bool:
    return not (token.is_punct or token.is_space)


def _words(doc: Iterable[Token]) -> list[str]:
    return [t.text for t in doc if _is_word(t)]


def _words_by_piece(doc: Iterable[Token]) -> list[tuple[str, ...]]:
    """The words of each piece of a Doc of pieces joined by single spaces (the tokenizer marks
    the last token of each but the last with its space)."""
    pieces: list[tuple[str, ...]] = []
    words: list[str] = []
    for token in doc:
        if _is_word(token):
            words.append(token.text)
        if token.whitespace_:
            pieces.append(tuple(words))
            words = []
    pieces.append(tuple(words))
    return pieces


@lru_cache(maxsize=32)
def _piece_words(language: str) -> dict[str, tuple[str, ...]]:
    """``tokens``'s words of each whitespace-free piece of text met in ``language``."""
    return {}


@dataclass(frozen=True)
class Lexicon:
    """The phrases one language's texts are read against, as token tuples."""

    language: str
    own: frozenset[str]  # concepts the language's own file lists
    phrases: dict[tuple[str, ...], frozenset[str]]  # token tuple -> concepts
    longest: int
    longest_from: dict[str, int]  # first token -> length of the longest phrase it begins

    def count(self, words: list[str], concepts: Iterable[str] | None = None) -> Counter[str]:
        """How often each concept's phrases occur in ``words`` (overlaps count each)."""
        wanted = None if concepts is None else frozenset(concepts)
        found: Counter[str] = Counter()
        phrases, longest_from = self.phrases, self.longest_from
        starts = [(i, longest_from[w]) for i, w in enumerate(words) if w in longest_from]
        for i, longest in starts:  # most words begin no phrase: skipped in one comprehension
            for n in range(1, min(longest, len(words) - i) + 1):
                hit = phrases.get(tuple(words[i : i + n]))
                if hit:
                    found.update(hit if wanted is None else hit & wanted)
        return found

    def starts_with(self, words: list[str], concept: str) -> int:
        """Length of the longest phrase of ``concept`` at the start of ``words`` (0: none)."""
        for n in range(min(self.longest, len(words)), 0, -1):
            if concept in self.phrases.get(tuple(words[:n]), ()):
                return n
        return 0


@lru_cache(maxsize=32)
def lexicon(language: str) -> Lexicon | None:
    """The lexicon for texts in ``language`` (its file plus English), None without a file.

    ``ANY_LANGUAGE`` reads every file (texts too short to tell their language).
    """
    files = lexicon_files()
    if language == ANY_LANGUAGE:
        sources = list(files)
        own = frozenset(c for concepts in files.values() for c in concepts)
    elif language in files:
        sources = list(dict.fromkeys((language, ENGLISH))) if ENGLISH in files else [language]
        own = frozenset(files[language])
    else:
        return None
    phrases: dict[tuple[str, ...], set[str]] = {}
    for source in sources:
        prefixes = ("", *(fold(p) for p in files[source].get("proclitics", ())))
        for concept, listed in files[source].items():
            if concept == "proclitics":
                continue
            for phrase in listed:
                key = tuple(tokens(phrase, language))
                for prefix in prefixes if key else ():
                    variant = (prefix + key[0], *key[1:])
                    phrases.setdefault(variant, set()).add(concept)
    frozen = {key: frozenset(concepts) for key, concepts in phrases.items()}
    longest_from: dict[str, int] = {}
    for key in frozen:
        longest_from[key[0]] = max(len(key), longest_from.get(key[0], 0))
    return Lexicon(language, own, frozen, max(map(len, frozen), default=0), longest_from)
