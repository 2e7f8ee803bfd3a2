"""When the goods are needed: a month or a span of days, weeks or months next to a delivery word.

"Delivery in May", "ship by Jan 15", "Entrega en 6 semanas", "Lieferung bis Ende März",
"поставка в мае". Month names come from Babel's CLDR data for each language the phrase lists
know (full names in both grammatical forms, abbreviations only next to a day number); a
sentence states a delivery time when it has such a month or span and a delivery word, or
"within" a span ("can you supply within 4 weeks?"). Not when the clause asks for the answer
by then and says nothing of moving the goods ("please send your offer within 3 days",
"Angebot bis Freitag"); days of credit are left to the caller (``completeness``).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Final

from babel.dates import get_month_names

from inquiry_quality.features.patterns import load_patterns

#: words (stems) of moving the goods
_MOVING_STEMS: Final = (
    "deliver", "ship", "dispatch", "arriv", "lead time",  # en
    "entreg", "envi", "embarq", "lleg", "cheg",  # es, pt
    "livr", "expédi", "expedi",  # fr
    "liefer", "versand", "versend", "lever", "verzend", "verschep",  # de, nl
    "consegn", "spedi",  # it
    "dostaw", "wysył",  # pl
    "постав", "достав", "отгруз",  # ru
    "teslim", "sevk", "تسليم", "شحن", "توصيل",  # tr, ar
)  # fmt: skip
#: words (stems) that make a month or a span in the same sentence a delivery time
DELIVERY_STEMS: Final = (
    *_MOVING_STEMS,
    "need", "require", "ready", "by", "before", "until", "no later than",  # en
    "necesit", "precis", "antes de", "para",  # es, pt
    "besoin", "avant", "d'ici",  # fr
    "benötig", "brauch", "bis", "spätestens", "nodig", "uiterlijk", "voor eind",  # de, nl
    "bisogno", "entro", "prima di",  # it
    "potrzeb", "do końca", "najpóźniej",  # pl
    "нужн", "срок", "до ",  # ru
    "gerek", "kadar",  # tr
)  # fmt: skip
_ANY_CUE: Final = (*DELIVERY_STEMS, "within")
#: the goods and moving them: a time in their clause is a delivery time, whatever else the
#: clause asks ("quote within 3 days for delivery in May", "the quotation and the goods by")
_GOODS_STEMS: Final = (
    *_MOVING_STEMS,
    "goods", "mercanc", "mercador", "marchandise", "ware", "goederen", "merce", "товар",
    "بضاع", "البضاع",
)  # fmt: skip
#: words (stems) of answering or quoting: a time in their clause, with no word of the goods or
#: of moving them, is when the buyer wants the answer ("please reply within 3 days")
_REPLY_STEMS: Final = (
    "reply", "replie", "respond", "response", "answer", "revert", "quot", "offer",  # en
    "feedback",
    "respuest", "cotiz", "ofert", "respost", "cotaç", "cotac",  # es, pt
    "répon", "repon", "offre", "devis",  # fr
    "antwort", "angebot", "rückmeld", "reageer", "reageren",  # de, nl
    "rispo", "preventivo", "preventivi",  # it
    "odpowied",  # pl
    "ответ", "предложени",  # ru
    "cevap", "yanıt", "teklif", "رد", "الرد", "عرض سعر", "عرض الأسعار", "عرض أسعار",  # tr, ar
)  # fmt: skip
#: a span: "6 weeks", "30-45 days", "2 Wochen", "6 semanas", "3 недели", "4 tygodnie"
_SPAN: Final = re.compile(
    r"\b\d+(?:\s*[-–~]\s*\d+)?\s*(?:days?|weeks?|months?|wks?|días|dias|semanas?|meses|mes|"
    r"jours?|semaines?|mois|tagen?|wochen?|monaten?|giorni|settimane?|mesi|dagen|weken|maanden|"
    r"dni|tygodni\w*|miesi\w*|"
    r"дн\w*|недел\w*|месяц\w*|gün|hafta|ay|يوم|أيام|أسابيع|أشهر)\b",
    re.IGNORECASE,
)
_SENTENCES: Final = re.compile(r"[.!?;\n]+\s")
_CLAUSE_MARK: Final = re.compile(r"[,:;،](?=\s)|[()]")
_WITHIN_WORD: Final = re.compile(r"within", re.IGNORECASE)
_WITHIN: Final = re.compile(r"\bwithin\s+$", re.IGNORECASE)  # "within 30 days", no other cue
_CASED: Final = frozenset({"en", "de", "tr"})  # months are capitalised: "May" not "may"
_RU_ENDINGS: Final = ("", "ь", "я", "е", "ю", "й", "ем", "ём")


def _alternation(names: set[str], dated: set[str]) -> str:
    """Full names anywhere; abbreviations only with a day number before or after them ("Jan
    15", "15. März"). Each set is one group, tried at a position at once rather than one
    alternative per name (3 times faster on long mail)."""

    def group(words: set[str]) -> str:
        return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))

    parts = [rf"\b(?:{group(names)})\b"]
    if dated:
        short = group(dated)
        parts += [rf"\b(?:{short})\.?\s*\d{{1,2}}\b", rf"\b\d{{1,2}}\.?\s*(?:{short})\b"]
    return "|".join(parts)


@cache
def _month_pattern() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Month names: those of languages that capitalise them, then the rest (any case)."""
    names: dict[bool, set[str]] = {True: set(), False: set()}
    short: dict[bool, set[str]] = {True: set(), False: set()}
    for language in load_patterns()["languages"]:
        try:
            forms = {
                width: {
                    name.rstrip(".")
                    for context in ("format", "stand-alone")
                    for name in get_month_names(width, context, language).values()
                }
                for width in ("wide", "abbreviated")
            }
        except (ValueError, LookupError):
            continue
        wide = forms["wide"]
        if language == "ru":  # declined: "в мае", "до конца марта"
            wide |= {n.rstrip("ьй") + ending for n in wide for ending in _RU_ENDINGS}
        cased = language in _CASED
        names[cased] |= {n for n in wide if n}
        short[cased] |= {n for n in forms["abbreviated"] if len(n) >= 3} - wide
    return (
        re.compile(_alternation(names[True], short[True])),
        re.compile(_alternation(names[False], short[False]), re.IGNORECASE),
    )


def is_month_name(word: str) -> bool:
    """Whether ``word`` is the full name of a month in a language the phrase lists know."""
    return any(pattern.fullmatch(word) for pattern in _month_pattern())


@cache
def _stem_pattern(stems: tuple[str, ...]) -> re.Pattern[str]:
    ordered = sorted(stems, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, ordered)) + ")", re.IGNORECASE)


def _clause(sentence: str, start: int, end: int) -> str:
    """The part of ``sentence`` around ``[start, end)`` between commas, colons or brackets."""
    left = max((m.end() for m in _CLAUSE_MARK.finditer(sentence, 0, start)), default=0)
    right = _CLAUSE_MARK.search(sentence, end)
    return sentence[left : right.start() if right else len(sentence)]


def _answer_wanted_by(sentence: str, time: re.Match[str]) -> bool:
    """Whether ``time`` is when an answer is wanted: a reply word in its clause and no word of
    moving the goods."""
    clause = _clause(sentence, time.start(), time.end())
    replies, goods = _stem_pattern(_REPLY_STEMS), _stem_pattern(_GOODS_STEMS)
    return bool(replies.search(clause)) and not goods.search(clause)


def states_delivery_time(text: str) -> bool:
    """Whether a sentence of ``text`` names a month or a span of time with a delivery word, or
    a span "within" which; not a time for the answer ("please reply within 3 days")."""
    if not _stem_pattern(_ANY_CUE).search(text):  # no sentence can have one: spare the months
        return False
    cue = _stem_pattern(DELIVERY_STEMS)
    cased, folded = _month_pattern()
    for sentence in _SENTENCES.split(text):
        cued = cue.search(sentence) is not None
        if not cued and not _WITHIN_WORD.search(sentence):
            continue
        for pattern in (_SPAN, cased, folded) if cued else (_SPAN,):
            for time in pattern.finditer(sentence):
                if (
                    cued or _WITHIN.search(sentence, max(0, time.start() - 10), time.start())
                ) and not _answer_wanted_by(sentence, time):
                    return True
    return False
