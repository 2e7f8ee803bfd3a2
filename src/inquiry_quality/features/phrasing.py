"""Phrasing family: how the inquiry is written, read with spaCy rules.

One tokenizer pass per inquiry (``nlp.pipe``); the same Doc feeds a PhraseMatcher (the
project's phrase lists and the exporter's catalogue) and a Matcher (personal greetings).
Counts that rely on English phrase lists are NaN (unknown) when the text is not English.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd
import spacy
from py3langid.langid import MODEL_FILE, LanguageIdentifier
from spacy.attrs import IS_ALPHA, IS_PUNCT, IS_SPACE, IS_TITLE, LENGTH, LOWER, NORM
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Token

from inquiry_quality.core import schema
from inquiry_quality.features.base import FeatureFamily, attachment_names, text_column
from inquiry_quality.features.catalogue import MODEL_NUMBER, Catalogue, catalogue_terms
from inquiry_quality.features.completeness import NUMBER_RUN
from inquiry_quality.features.lexicon import blank, fold, lean_tokenizer, lexicon, tokenizer
from inquiry_quality.features.patterns import load_patterns

MARKER_LISTS = ("mass_mail", "whole_range", "scam", "money_transfer", "phishing")
GREETING_LISTS = ("greeting_generic", "greeting_casual")
UNKNOWN_LANGUAGE = "unknown"
MIN_LETTERS = 20  # fewer letters than this: the language is unknown
LANGUAGE_SAMPLE = 300  # characters given to the language detector
# The fast path for plainly English texts.
ENGLISH_MIN_WORDS, ENGLISH_MIN_SHARE, ENGLISH_MAX_EXTRA_BYTES = 8, 0.25, 0.05
_ASCII_WORD = re.compile(r"[a-z]+")
GREETING_WINDOW = 4  # a greeting starts within the first tokens of the body
GREETING_STARTS = ("dear", "hello", "hi", "hey", "good")  # first words of a personal greeting
GREETING_SPAN = GREETING_WINDOW + 4  # the personal-greeting Matcher reads only these tokens
GREETING_CHARS = 80  # other languages: the greeting is read in the body's first characters
_MODEL_LABEL, _PRODUCT_LABEL, _PERSONAL = "catalogue_model", "catalogue_product", "personal"
#: words that address no one in particular: a greeting with one ("Dear Beloved Friend", "Dear
#: Purchase Manager", "Estimado Cliente", "Sehr geehrte Kunden") is generic, whatever its case
GENERIC_ADDRESSEES = frozenset({
    "friend", "friends", "beloved", "customer", "customers", "client", "clients", "partner",
    "partners", "sir", "sirs", "madam", "supplier", "suppliers", "seller", "vendor", "manager",
    "team", "all", "valued", "esteemed", "respected", "beneficiary", "sales", "purchasing",
    "colleague", "colleagues", "owner", "director", "user", "member", "winner",
    "amigo", "amiga", "amigos", "cliente", "clientes", "proveedor", "proveedores", "socio",
    "fornecedor", "parceiro", "ami", "amis", "fournisseur", "partenaire", "kunde", "kunden",
    "freund", "freunde", "lieferant", "geschaftspartner", "damen", "herren", "amico",
    "fornitore", "клиент", "друг", "друзья", "партнер", "поставщик", "коллеги", "musteri",
    "arkadas", "tedarikci",
})  # fmt: skip
#: what the matchers and ``addresses_no_one`` read (a greeting line ends at its punctuation)
_LEXEME_ATTRS = frozenset({LOWER, NORM, IS_ALPHA, IS_TITLE, IS_PUNCT, IS_SPACE})
#: the tokenizer's vocabulary grows with every new word (names, numbers); past this many
#: entries the rules are rebuilt so that scoring millions of inquiries keeps memory flat
VOCAB_LIMIT = 200_000

# A unit right after a number (40W, 4000 K, 500 pcs): numbers are found first, then this.
_UNIT_AFTER = re.compile(
    r"\s?(?:w|watts?|lm|lumens?|k|kelvin|v|vac|mm|cm|m|meters?|metres?|inch(?:es)?|kg|g|lbs?|"
    r"tons?|hz|ma|pcs?|pieces?|units?|sets?|pairs?|rolls?|boxes|ctns?|cartons?|containers?|"
    r"pallets?|ft|hq|gp)\b",
    re.IGNORECASE,
)
_REPLY_PREFIX = re.compile(
    rf"\b(?:{'|'.join(schema.REPLY_PREFIXES + schema.FORWARD_PREFIXES)})\s?(?:\[\d+\])?\s?:",
    re.IGNORECASE,
)
_LETTER = re.compile(r"[^\W\d_]")
_UPPER = re.compile(r"[A-ZÀ-ÖØ-ÞА-Я]")
# A letter of a script without capitals (Arabic, Hebrew, Chinese, Japanese, Korean, Thai, the
# Indian scripts, ...): not Latin, Greek or Cyrillic.
_UNCASED = re.compile(r"[^\W\d_A-Za-zªºÀ-ÖØ-öø-ɏͰ-ϿЀ-ԯ]")


@dataclass(frozen=True)
class _Rules:
    nlp: Language
    phrases: PhraseMatcher
    personal: Matcher


@lru_cache(maxsize=8)
def _rules(spacy_model: str | None, models: tuple, products: tuple) -> _Rules:
    """The spaCy pipeline and matchers; built once per process, never pickled."""
    nlp = spacy.load(spacy_model) if spacy_model else blank("en")
    lean_tokenizer(nlp, _LEXEME_ATTRS)
    patterns = load_patterns()
    phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
    for label in (*MARKER_LISTS, *GREETING_LISTS):
        phrases.add(label, list(nlp.tokenizer.pipe(patterns[label])))
    if models:
        phrases.add(_MODEL_LABEL, list(nlp.tokenizer.pipe(models)))
    if products:
        phrases.add(_PRODUCT_LABEL, list(nlp.tokenizer.pipe(products)))
    generic_second_words = sorted(
        {p.split()[1] for p in patterns["greeting_generic"] if p.startswith("dear ")}
    )
    greeting_words = [*GREETING_STARTS, "morning", "afternoon"]
    personal = Matcher(nlp.vocab)
    personal.add(
        _PERSONAL,
        [
            [
                {"LOWER": {"IN": greeting_words}},
                {"LOWER": {"IN": list(patterns["personal_titles"])}},
                {"IS_TITLE": True},
            ],
            [{"LOWER": "dear"}, {"IS_TITLE": True, "LOWER": {"NOT_IN": generic_second_words}}],
        ],
    )
    return _Rules(nlp, phrases, personal)


@lru_cache(maxsize=8)
def _language_identifier(languages: tuple[str, ...]) -> LanguageIdentifier:
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False)
    identifier.set_languages(list(languages))
    return identifier


@lru_cache(maxsize=1)
def _english_function_words() -> frozenset[str]:
    return frozenset(load_patterns()["english_function_words"])


def clearly_english(sample: str) -> bool:
    """A (mostly) ASCII text where English function words make up a good share of the words.

    A fast path: the detector walks the text byte by byte in Python (~100 µs a text), and most
    inquiries are plainly English. Anything less clear-cut goes to the detector.
    """
    if len(sample.encode()) - len(sample) > ENGLISH_MAX_EXTRA_BYTES * len(sample):
        return False  # more than a name or a symbol outside ASCII
    tokens = _ASCII_WORD.findall(sample.lower())
    function_words = _english_function_words()
    common = sum(1 for t in tokens if t in function_words)
    return len(tokens) >= ENGLISH_MIN_WORDS and common >= ENGLISH_MIN_SHARE * len(tokens)


def detect_language(text: str, languages: tuple[str, ...], letters: int) -> str:
    """ISO 639-1 code among ``languages``; "unknown" for texts with too few letters.

    The first ``LANGUAGE_SAMPLE`` characters decide: enough for the detector, whose cost grows
    with the length of the text.
    """
    if letters < MIN_LETTERS:
        return UNKNOWN_LANGUAGE
    sample = text[:LANGUAGE_SAMPLE]
    if "en" in languages and clearly_english(sample):
        return "en"
    return _language_identifier(languages).classify(sample)[0]


def capitals_ratio(text: str, letters: int) -> float:
    """Capital letters per letter of the words (``letters`` of them); NaN for a text without
    letters or written mostly in a script without capitals, where a low share says nothing of
    the writer (an Arabic or Chinese mail is not one written all in lower case)."""
    if not letters or 2 * len(_UNCASED.findall(text)) > letters:
        return np.nan
    return min(1.0, len(_UPPER.findall(text)) / letters)


def count_letters(doc: Doc) -> int:
    """Letters in the Doc's alphabetic tokens (from its arrays, in Cython)."""
    if not len(doc):
        return 0
    table = doc.to_array([IS_ALPHA, LENGTH])
    return int(table[:, 0] @ table[:, 1])


def count_numbers(text: str) -> tuple[int, int]:
    """(numbers, numbers followed by a unit such as 40W, 4000 K, 500 pcs)."""
    numbers = units = 0
    for number in NUMBER_RUN.finditer(text):
        numbers += 1
        units += _UNIT_AFTER.match(text, number.end()) is not None
    return numbers, units


def count_links(text: str) -> int:
    """Links (http://, https://, www.) in the text."""
    lower = text.lower()
    bare_www = lower.count("www.") - lower.count("//www.")
    return lower.count("http://") + lower.count("https://") + bare_www


def count_questions(text: str) -> int:
    """Question marks that end a sentence (not the ``?`` of a link's query string)."""
    text = text.rstrip()
    return text.count("? ") + text.count("?\n") + text.endswith("?")


def addresses_no_one(tokens: Iterable[Token]) -> bool:
    """Whether the greeting line (up to its first punctuation or line end) names a generic
    addressee (``GENERIC_ADDRESSEES``) rather than a person."""
    for token in tokens:
        if (token.is_space and "\n" in token.text) or (token.is_punct and token.text != "."):
            return False
        if fold(token.text) in GENERIC_ADDRESSEES:
            return True
    return False


def foreign_greeting(text: str, language: str) -> str:
    """personal, generic, casual or none, from ``language``'s phrase file (``data/lexicon``);
    unknown for a language without greetings there.

    Personal: the greeting is followed by a title (Sr., Herr, господин) or a capitalised name.
    """
    words_of = lexicon(language)
    if words_of is None or "greeting_formal" not in words_of.own:
        return UNKNOWN_LANGUAGE
    opening = tokenizer(language)(text.lstrip()[:GREETING_CHARS])
    kept = [t for t in opening if not (t.is_punct or t.is_space)]
    plain = [fold(t.text) for t in kept]
    for kind, concept in (("generic", "greeting_formal"), ("casual", "greeting_casual")):
        length = words_of.starts_with(plain, concept)
        if length:
            last = kept[length - 1]
            after = opening[last.i + 1] if last.i + 1 < len(opening) else None
            if after is None or after.is_punct or after.is_space:
                return kind  # "Estimados señores:" ends the greeting
            title_words = (plain[length - 1], fold(after.text))  # "السيد", "Sr."
            titled = after.is_title or any(
                words_of.starts_with([w], "personal_titles") for w in title_words
            )
            return "personal" if titled and not addresses_no_one(opening[last.i :]) else kind
    return "none"


def risky_attachments(names: str, extensions: frozenset[str]) -> int:
    """How many attachment names end in an extension that can carry a payload or a lure."""
    return sum(
        1 for f in attachment_names(names) if "." in f and f.rsplit(".", 1)[1].lower() in extensions
    )


class TextSettings:
    """The parameters of text reading, shared by the phrasing family and the featurizer.

    ``catalogue``: the exporter's catalogue (frame or terms) to match; ``spacy_model``: an
    installed pipeline name, None for ``spacy.blank("en")``; ``languages``: the ISO 639-1
    codes the detector may answer (None: the package's list); ``batch_size``: texts per
    tokenizer batch.
    """

    def __init__(
        self,
        catalogue: Catalogue = None,
        spacy_model: str | None = None,
        languages: Sequence[str] | None = None,
        batch_size: int = 256,
    ) -> None:
        self.catalogue = catalogue
        self.spacy_model = spacy_model
        self.languages = languages
        self.batch_size = batch_size


class PhrasingFeatures(TextSettings, FeatureFamily):
    """Greeting, mass-mail/scam/phishing markers, specificity, catalogue matches, style."""

    feature_names = (
        "language",
        "greeting",
        "mass_mail_markers",
        "whole_range_requests",
        "scam_markers",
        "phishing_markers",
        "money_transfer_mentioned",
        "risky_attachments",
        "numbers_count",
        "units_count",
        "model_numbers_count",
        "catalogue_model_matches",
        "catalogue_product_matches",
        "re_depth",
        "questions_count",
        "length_words",
        "capitals_ratio",
        "links_count",
    )

    def _columns(self, X: pd.DataFrame) -> dict[str, list]:
        patterns = load_patterns()
        languages = tuple(self.languages or patterns["languages"])
        risky_extensions = frozenset(patterns["risky_attachment_extensions"])
        models, products = catalogue_terms(self.catalogue)
        rules = _rules(self.spacy_model, models, products)
        vocab_strings = rules.nlp.vocab.strings
        subjects = text_column(X, schema.SUBJECT)
        bodies = text_column(X, schema.BODY)
        attachments = text_column(X, schema.ATTACHMENTS)
        texts = [f"{b}\n\n{s}" for s, b in zip(subjects, bodies, strict=True)]
        out: dict[str, list] = {name: [] for name in self.feature_names}
        docs = rules.nlp.tokenizer.pipe(texts, batch_size=self.batch_size)
        for text, subject, files, doc in zip(texts, subjects, attachments, docs, strict=True):
            letters = count_letters(doc)
            if letters < MIN_LETTERS:  # scripts without spaces (Chinese) make few alpha tokens
                letters = len(_LETTER.findall(text))
            language = detect_language(text, languages, letters)
            english = language == "en"
            counts = dict.fromkeys(
                (*MARKER_LISTS, *GREETING_LISTS, _MODEL_LABEL, _PRODUCT_LABEL), 0
            )
            opening: set[str] = set()
            for match_id, start, _ in rules.phrases(doc):
                label = vocab_strings[match_id]
                counts[label] += 1
                if start < GREETING_WINDOW:
                    opening.add(label)
            first = text.lstrip()[:5].lower()
            anonymous = first.startswith(GREETING_STARTS) and addresses_no_one(doc[:GREETING_SPAN])
            if not english:
                greeting = foreign_greeting(text, language)
            elif (
                first.startswith(GREETING_STARTS)
                and not anonymous
                and any(s < GREETING_WINDOW for _, s, _ in rules.personal(doc[:GREETING_SPAN]))
            ):
                greeting = "personal"
            elif "greeting_generic" in opening or (anonymous and first.startswith("dear")):
                greeting = "generic"  # also "Dear Beloved Friend", "Dear Purchase Manager"
            elif "greeting_casual" in opening:
                greeting = "casual"
            else:
                greeting = "none"
            english_only = {
                "mass_mail_markers": counts["mass_mail"],
                "whole_range_requests": counts["whole_range"],
                "scam_markers": counts["scam"],
                "phishing_markers": counts["phishing"],
                "catalogue_product_matches": counts[_PRODUCT_LABEL] if products else np.nan,
            }
            for name, value in english_only.items():
                out[name].append(float(value) if english else np.nan)
            out["language"].append(language)
            out["greeting"].append(greeting)
            out["money_transfer_mentioned"].append(float(counts["money_transfer"] > 0))
            out["risky_attachments"].append(float(risky_attachments(files, risky_extensions)))
            numbers, units = count_numbers(text)
            out["numbers_count"].append(float(numbers))
            out["units_count"].append(float(units))
            out["model_numbers_count"].append(float(len(MODEL_NUMBER.findall(text))))
            out["catalogue_model_matches"].append(float(counts[_MODEL_LABEL]) if models else np.nan)
            out["re_depth"].append(float(len(_REPLY_PREFIX.findall(subject))))
            out["questions_count"].append(float(count_questions(text)))
            out["length_words"].append(float(len(text.split())))
            out["capitals_ratio"].append(capitals_ratio(text, letters))
            out["links_count"].append(float(count_links(text)))
        if len(rules.nlp.vocab) > VOCAB_LIMIT:
            _rules.cache_clear()
        return out
