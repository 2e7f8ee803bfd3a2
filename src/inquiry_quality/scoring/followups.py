"""Missing details and the one follow-up mail a rep would send as it is.

The seed's rule: think it through and ask every question at once, as choices rather than blanks.
The questions come from the feature registry (``Feature.question``), one per detail this
inquiry lacks, ordered by what a quote needs first (``QUOTE_ORDER``). Nothing is asked that
the inquiry already gives (a signature's name, the address we reply to), and the fax number
only when ``score.follow_up.ask_fax`` says so. The mail is written in the buyer's language
where ``data/follow_up_mails.yaml`` has it (else English), greets formally ("Dear Mr. Meier",
"Sehr geehrter Herr Meier", never "Hi": the title the sender signs with, else the one its
first name gives where that is certain, ``gender-guesser``'s name lists, or a Russian
surname's ending; no name: the language's formal "Dear Sir or Madam"), answers "RE: Your
inquiry about <product>" and is signed with ``score.follow_up.signature``. A complete "quote
now" inquiry gets a short acknowledgement promising the quotation instead of questions.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache
from importlib import resources
from typing import Final

import gender_guesser.detector
import numpy as np
import pandas as pd

from inquiry_quality.core import schema
from inquiry_quality.core.config import FollowUpParams, read_yaml
from inquiry_quality.core.people import NAME_PARTICLES
from inquiry_quality.features.completeness import is_personal_name
from inquiry_quality.features.intent import text_language
from inquiry_quality.features.patterns import load_patterns
from inquiry_quality.features.registry import BY_NAME, Feature, missing_mask

ENGLISH: Final = "en"
#: the details a quote needs first come first: what, how many, on which terms, where, when
QUOTE_ORDER: Final = (
    "has_specification",
    "has_quantity",
    "has_incoterm",
    "has_destination",
    "country",
    "has_delivery_time",
    "has_packaging",
    "has_payment_terms",
    "has_company",
    "has_contact_person",
    "has_job_title",
    "has_signature_block",
    "has_phone",
    "has_website",
    "has_email",
    "has_fax",
)
#: a personal title the sender signs with -> "m" or "f" (the greeting's Mr./Ms.)
SENDER_TITLES: Final = {
    **dict.fromkeys(("mr", "herr", "sr", "senor", "senhor", "m", "monsieur", "господин"), "m"),
    **dict.fromkeys(
        ("ms", "mrs", "miss", "frau", "sra", "senora", "senhora", "mme", "madame", "госпожа"), "f"
    ),
}
_REPLY_PREFIX: Final = re.compile(
    r"^\s*(?:(?:re|fw|fwd|aw|wg|tr|rv|res|enc|sv|vs|ynt|ilt|ответ|отв|رد)\s*(?:\[\d+\])?\s*:\s*)+",
    re.IGNORECASE,
)
#: the buyer's language -> the country of ``gender-guesser``'s name lists (first names differ
#: by country: Andrea is a man in Italy)
NAME_COUNTRIES: Final = {
    "en": "great_britain",
    "de": "germany",
    "es": "spain",
    "pt": "portugal",
    "fr": "france",
    "it": "italy",
    "nl": "the_netherlands",
    "pl": "poland",
    "ru": "russia",
    "tr": "turkey",
    "ar": "arabia",
    "zh": "china",
    "ja": "japan",
    "ko": "korea",
    "vi": "vietnam",
    "hi": "india",
}
#: Russian surnames say the gender by their ending (Смирнов / Смирнова)
_RUSSIAN_SURNAME: Final = (
    (re.compile(r"(?:ова|ева|ёва|ина|ына|ская|цкая)$", re.IGNORECASE), "f"),
    (re.compile(r"(?:ов|ев|ёв|ин|ын|ский|цкий)$", re.IGNORECASE), "m"),
)
_PRODUCT_CHARS: Final = 70


@cache
def mail_templates() -> dict[str, dict[str, object]]:
    """Each language's mail sentences and question translations (``data/follow_up_mails.yaml``)."""
    text = (
        resources.files("inquiry_quality")
        .joinpath("data", "follow_up_mails.yaml")
        .read_text(encoding="utf-8")
    )
    return read_yaml(text)


def question(name: str, language: str = ENGLISH) -> str:
    """The registry's question for detail ``name``, in ``language`` where translated."""
    translated = mail_templates().get(language, {}).get("questions", {})  # type: ignore[union-attr]
    return str(translated.get(name) or BY_NAME[name].question)


def _text(value: object) -> str:
    return "" if value is None or pd.isna(value) else str(value).strip()  # type: ignore[arg-type]


def person(raw: Mapping[str, object]) -> tuple[str, str | None]:
    """The sender's name (the display name, else the signature's first line up to a comma)
    and the gender its title gives ("m"/"f", None without a title); "" if no person's name."""
    candidates = [_text(raw.get(schema.SENDER_NAME))]
    signature = _text(raw.get(schema.SIGNATURE))
    if signature:
        candidates.append(signature.splitlines()[0].split(",")[0])
    for candidate in candidates:
        name = candidate.strip(" \"'")
        if not name or not is_personal_name(name) or len(name.split()) > 5:
            continue
        words = name.split()
        gender = SENDER_TITLES.get(words[0].lower().rstrip("."))
        if gender or words[0].lower().rstrip(".") in ("dr", "prof"):
            words = words[1:]
        if words:
            return " ".join(words), gender
    return "", None


#: what a named sender gives: its name, and a signature whose role the lists may not read
NAMED_GIVES: Final = ("has_contact_person", "has_job_title", "has_signature_block")


#: inquiries as a frame, or as its rows (``DataFrame.to_dict("records")``, made once per call)
Inquiries = pd.DataFrame | Sequence[Mapping[str, object]]


def as_records(raw: Inquiries) -> Sequence[Mapping[str, object]]:
    """The rows of ``raw``, each as a mapping of column to value."""
    return raw.to_dict("records") if isinstance(raw, pd.DataFrame) else raw


def named_senders(raw: Inquiries) -> np.ndarray:
    """Per row: whether the sender's name is known (``person``)."""
    return np.array([bool(person(r)[0]) for r in as_records(raw)], dtype=bool)


def asked(
    features: pd.DataFrame,
    raw: Inquiries,
    follow_up: FollowUpParams,
    named: np.ndarray | None = None,
    missing: tuple[list[Feature], np.ndarray] | None = None,
) -> pd.DataFrame:
    """Rows x askable details: whether the mail asks for it. A detail is asked when it is
    missing, and not: the fax unless ``ask_fax``; the contact person, the job title nor the
    full signature when the sender's name is known (a named sender signs with its role in
    words the lists may not know, "Einkaufsleiter", and a quote does not need it); the
    signature's parts (title, phone) when the whole signature is asked for instead.
    ``named``: ``named_senders(raw)``, ``missing``: ``missing_mask(features)``, if known
    already."""
    present, mask = missing_mask(features) if missing is None else missing
    frame = pd.DataFrame(mask, index=features.index, columns=[f.name for f in present])
    named = named_senders(raw) if named is None else named
    if "has_fax" in frame and not follow_up.ask_fax:
        frame["has_fax"] = False
    for detail in NAMED_GIVES:
        if detail in frame:
            frame[detail] &= ~named
    if "has_signature_block" in frame:
        whole = frame["has_signature_block"].to_numpy()
        for part in ("has_contact_person", "has_job_title", "has_phone"):
            if part in frame:
                frame[part] &= ~whole
    return frame


def missing_details(
    features: pd.DataFrame, raw: Inquiries | None = None, follow_up: FollowUpParams | None = None
) -> tuple[list[list[str]], list[list[str]]]:
    """Per row: the labels of the missing details (registry order; the fax only with
    ``ask_fax``; a named sender's name, role and signature never: ``NAMED_GIVES``) and the
    questions the follow-up mail asks (``QUOTE_ORDER``, in English; the mail translates them)."""
    follow_up = follow_up or FollowUpParams()
    missing = missing_mask(features)
    present, mask = missing
    if not follow_up.ask_fax:  # a fax is no detail the team misses
        mask = mask & np.array([f.name != "has_fax" for f in present], dtype=bool)
    raw = pd.DataFrame(index=features.index) if raw is None else raw
    named = named_senders(raw)
    given = np.array([f.name in NAMED_GIVES for f in present], dtype=bool)
    mask = mask & ~(named[:, None] & given[None, :])
    wanted = asked(features, raw, follow_up, named, missing)
    order = [n for n in QUOTE_ORDER if n in wanted] + [n for n in wanted if n not in QUOTE_ORDER]
    ask = wanted[order].to_numpy()
    labels: list[list[str]] = []
    questions: list[list[str]] = []
    cache: dict[bytes, tuple[list[str], list[str]]] = {}
    for row, row_asks in zip(mask, ask, strict=True):
        key = np.packbits(row).tobytes() + np.packbits(row_asks).tobytes()
        if key not in cache:
            cache[key] = (
                [f.missing_label or f.name for f in (present[j] for j in np.flatnonzero(row))],
                [question(order[j]) for j in np.flatnonzero(row_asks)],
            )
        labels.append(list(cache[key][0]))
        questions.append(list(cache[key][1]))
    return labels, questions


def buyer_language(raw: Mapping[str, object]) -> str:
    """The language the buyer writes in (the phrase lists' detector)."""
    text = f"{_text(raw.get(schema.SUBJECT))}\n{_text(raw.get(schema.BODY))}"
    return text_language(text, tuple(load_patterns()["languages"]))


def mail_language(raw: Mapping[str, object]) -> str:
    """The buyer's language if the mail templates have it, else English."""
    language = buyer_language(raw)
    return language if language in mail_templates() else ENGLISH


@cache
def _request_words() -> re.Pattern[str]:
    """Every language's request words a subject begins with ("RFQ:", "Anfrage:")."""
    words = sorted(
        {str(w) for t in mail_templates().values() for w in t["request_words"]},  # type: ignore[attr-defined]
        key=len,
        reverse=True,
    )
    alternatives = "|".join(re.escape(w).replace("\\ ", r"\s+") for w in words)
    return re.compile(rf"^\s*(?:{alternatives})(?!\w)\s*[:\-–]?\s*", re.IGNORECASE)


def subject_line(subject: str, words: Mapping[str, object]) -> str:
    """ "RE: Your inquiry about <product>": the buyer's subject without its RE:/FW: chain and
    request words ("RFQ:", "Anfrage:", any language's ``request_words``), else "RE: Your
    inquiry"."""
    product = _request_words().sub("", _REPLY_PREFIX.sub("", subject)).strip(" -:–")
    if len(product) > _PRODUCT_CHARS:
        product = product[:_PRODUCT_CHARS].rsplit(" ", 1)[0] + "…"
    if not re.search(r"[^\W\d_]{3,}", product) or product.lower() in ("price", "prices"):
        return str(words["subject_plain"])
    return str(words["subject"]).format(product=product)


@cache
def _names() -> gender_guesser.detector.Detector:
    return gender_guesser.detector.Detector(case_sensitive=False)


def surname(name: str) -> str:
    """The surname of a full name: from its particle on ("de Vries"), a Russian name's word
    with a surname's ending (written first or last: "Смирнова Ольга"), else the last word."""
    words = name.split()
    if _cyrillic(name):
        endings = [w for w in words if any(p.search(w) for p, _ in _RUSSIAN_SURNAME)]
        if endings:
            return endings[-1]
    for i, word in enumerate(words[1:-1], 1):
        if word.lower() in NAME_PARTICLES:
            return " ".join(words[i:])
    return words[-1]


def _cyrillic(text: str) -> bool:
    return any("\u0400" <= c <= "\u04ff" for c in text)


def name_gender(name: str, language: str = "") -> str | None:
    """ "m" / "f" where the name says it for certain: a first name ``gender-guesser`` knows as
    only male or only female (in the country of ``language`` first, else anywhere), or a
    Russian surname's ending; else None."""
    words = name.split()
    if len(words) < 2:
        return None
    if _cyrillic(name):  # the surname's ending
        last = surname(name)
        return next((g for pattern, g in _RUSSIAN_SURNAME if pattern.search(last)), None)
    first = words[0]
    country = NAME_COUNTRIES.get(language)
    guess = _names().get_gender(first, country) if country else "unknown"
    if guess not in ("male", "female"):
        guess = _names().get_gender(first)
    return {"male": "m", "female": "f"}.get(guess)


def greeting(raw: Mapping[str, object], words: Mapping[str, object], language: str = "") -> str:
    """Formal, by name: "Dear Mr. Meier," with the title the sender signs with or its name
    gives for certain (``name_gender``, the buyer's ``language``), "Dear Kim Lee," without,
    "Dear Sir or Madam," with no name; never "Hi"."""
    name, gender = person(raw)
    gender = gender or name_gender(name, language)
    if name and gender:
        title = words["titles"][gender]  # type: ignore[index]
        return str(words["titled"]).format(
            title=title, surname=surname(name), first=name.split()[0], name=name
        )
    if name:
        return str(words["named"]).format(name=name)
    return str(words["unnamed"])


def follow_up_mail(
    raw: Mapping[str, object],
    questions: Sequence[str],
    follow_up: FollowUpParams | None = None,
    acknowledge: bool = False,
) -> str:
    """The ready-to-send mail: subject, greeting, every question at once (numbered, as
    choices) or, with ``acknowledge`` (a complete quote-now inquiry), the quotation promised;
    then the exporter's signature. ``questions`` are the scorer's (English registry) ones."""
    follow_up = follow_up or FollowUpParams()
    buyer = buyer_language(raw)
    language = buyer if buyer in mail_templates() else ENGLISH
    words = mail_templates()[language]
    by_english = {q: n for n, f in BY_NAME.items() if (q := f.question)}
    subject = subject_line(_text(raw.get(schema.SUBJECT)), words)
    lines = [f"Subject: {subject}", "", greeting(raw, words, buyer), ""]
    if acknowledge or not questions:
        lines.append(str(words["acknowledge"]))
    else:
        said = [question(by_english[q], language) if q in by_english else q for q in questions]
        lines += [f"{words['thanks']} {words['ask']}", ""]
        lines += [f"{i}) {q}" for i, q in enumerate(said, 1)]
        lines += ["", str(words["close"])]
    lines += ["", str(words["regards"]), *follow_up.signature]
    return "\n".join(lines)
